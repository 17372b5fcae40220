// How long a test may wait for something that takes a moment: the figure given is for an idle
// machine. On a loaded one (CI's two cores shared by two test files and a browser, or a
// developer's build running beside the tests) every wait stretches with the load, so a slow
// machine waits longer instead of failing, and a wait that never ends still ends.
// QMS_TEST_PATIENCE=<factor> sets the stretch by hand.
import { availableParallelism, loadavg } from 'node:os';

const MOST = 8;

export function patienceFactor(): number {
  const fixed = Number(process.env.QMS_TEST_PATIENCE);
  if (fixed > 0) return fixed;
  return Math.min(MOST, Math.max(1, loadavg()[0] / availableParallelism()));
}

export function patience(ms: number): number {
  return Math.round(ms * patienceFactor());
}
