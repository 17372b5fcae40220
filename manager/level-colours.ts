// Rating levels come best first; green for the best, red for the worst, whatever the scale's size.
const SCALE = ['#2e7d32', '#7cb342', '#f9a825', '#ef6c00', '#c62828'];

export function levelColour(index: number, levels: number): string {
  if (levels <= 1) return SCALE[0];
  const at = Math.round((index / (levels - 1)) * (SCALE.length - 1));
  return SCALE[Math.min(SCALE.length - 1, Math.max(0, at))];
}
