// One named end-of-day check: passed, or failed with what was wrong.

export interface Check {
  name: string;
  ok: boolean;
  /** What failed (or, for a passing check, a short note of what was covered). */
  details: string[];
}

const MAX_DETAILS = 12;

export function check(name: string, failures: string[], note?: string): Check {
  const details = failures.length > MAX_DETAILS ? [...failures.slice(0, MAX_DETAILS), `… and ${failures.length - MAX_DETAILS} more`] : failures;
  return { name, ok: failures.length === 0, details: failures.length === 0 && note ? [note] : details };
}
