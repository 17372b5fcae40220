export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The goal as written in the issue ("≤ 15"); absent or empty for context figures. */
  target?: string;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Whether a figure meets its written target ("≤ 15", "≥ 2000"); undefined when it has none. */
export function meets(f: Figure): boolean | undefined {
  const m = (f.target ?? '').match(/^([≤≥])\s*([\d.]+)/);
  if (!m) return undefined;
  const limit = Number(m[2]);
  return m[1] === '≤' ? f.value <= limit : f.value >= limit;
}
