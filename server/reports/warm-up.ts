// A thread's first builds run in V8's interpreter, each loop until it is compiled where it
// runs: a year of 50,000 visits took 80–125 ms in a fresh reports' thread, 36 ms after three
// builds of its latest 20,000 rows and 25–35 ms once warm (probes; the builds are now
// WARM_UP_BUILDS). The server runs them before it answers (server/main.ts), and a sign-in
// runs them in a thread started since (report-service.ts's prepare): these builds, over the
// latest closed days, make the report a manager asks next the compiled code's.
import type { CentreConfig } from '@protocol/config';
import { buildReport, ON_SCREEN } from './build-report';
import type { DaySummary } from './day-summary';
import { closedBy, rowsOf, type SummaryStore } from './summary-store';

/**
 * The rows (visits and services) of each warm-up build, in turn. The two of 20,000 are enough
 * for V8 to compile each loop a report runs, whatever the period asked next, and take a few
 * milliseconds once compiled. The first is small: a report asked the moment the manager signs
 * in waits for it, and a year's first answer in the server (36,000 visits, probe) took 92–110
 * ms after it against 110–140 after one of 20,000.
 */
export const WARM_UP_BUILDS: readonly number[] = [2_000, 20_000, 20_000];
/** Days with data it looks back at most: a small centre's warm-up reads its last month, not its years. */
export const WARM_UP_DAYS = 31;
/** Days loaded at a time while looking back. */
const STEP_DAYS = 8;

/** Where to look for the days, and what a report is built with. */
export interface WarmUpRequest {
  from: string;
  to: string;
  /** The queue's day, not closed yet. */
  today: string;
  config: CentreConfig;
  staff: readonly { id: string; name: string }[];
  now: number;
  /** Rows the build covers at most (a day is taken whole). */
  rows: number;
}

export interface WarmUp {
  from: string;
  to: string;
  rows: number;
}

/** Builds the figures of [from, to]'s latest closed days with data, `rows` rows or WARM_UP_DAYS days, and lets them go. */
export async function warmUp(store: SummaryStore, p: WarmUpRequest): Promise<WarmUp | null> {
  const days = (await store.daysWithData(p.from, p.to)).filter((d) => closedBy(d, p.today)).slice(-WARM_UP_DAYS);
  const latest: DaySummary[] = [];
  let rows = 0;
  for (let end = days.length; end > 0 && rows < p.rows; end -= STEP_DAYS) {
    const step = await store.summaries(days.slice(Math.max(0, end - STEP_DAYS), end));
    for (let i = step.length - 1; i >= 0 && rows < p.rows; i--) {
      latest.unshift(step[i]);
      rows += rowsOf(step[i]);
    }
  }
  if (latest.length === 0) return null;
  const range = { from: latest[0].day, to: latest[latest.length - 1].day };
  buildReport({ ...range, summaries: latest, config: p.config, staff: p.staff, now: p.now, includesToday: false, ...ON_SCREEN });
  return { ...range, rows };
}
