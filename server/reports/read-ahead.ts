// What the reports' thread reads before a manager asks. A manager who signs in opens a
// report next, most often the month just closed, this reporting year so far or the last
// one: the thread starts then, builds over the latest days a few times so that its code is
// compiled (warm-up.ts), and reads the closed days of both reporting years, a reporting
// month per task, so that a report asked meanwhile waits for one task at most; then it
// builds the month just closed, whose answer is kept (report-service.ts). A new thread that
// replaces an idle one (report-pool.ts) is prepared the same way, but reads the latest months
// first and stops at KEPT_ROWS: what it holds stays while no one reports.
import { addDays } from './calendar-days';
import { periodPresets } from './periods';

/**
 * Rows (visits and services) a renewed thread reads ahead, the month it reaches this in
 * included: at about 50 bytes a row (probe), some 12 MB. That is both reporting years of a
 * centre of 60,000 tickets a year, and the latest month or two of one of a million.
 */
export const KEPT_ROWS = 250_000;

export interface DayRange {
  from: string;
  to: string;
}

export interface ReadAheadPlan {
  /** The closed days from the start of the last reporting year to yesterday, a reporting month per range, oldest first. */
  months: DayRange[];
  /** The latest reporting month that has closed. */
  lastMonth: DayRange | null;
}

export function readAheadPlan(today: string): ReadAheadPlan {
  const yesterday = addDays(today, -1);
  const year = Number(today.slice(0, 4));
  // The reporting year that holds today: from 15 December it is the next calendar year's.
  const current = periodPresets('year', year + 1)[0].from <= today ? year + 1 : year;
  const months: DayRange[] = [];
  let lastMonth: DayRange | null = null;
  for (const month of [...periodPresets('month', current - 1), ...periodPresets('month', current)]) {
    if (month.from > yesterday) break;
    months.push({ from: month.from, to: month.to < yesterday ? month.to : yesterday });
    if (month.to <= yesterday) lastMonth = { from: month.from, to: month.to };
  }
  return { months, lastMonth };
}
