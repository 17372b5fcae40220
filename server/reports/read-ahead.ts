// What the reports' thread reads before a manager asks. A manager who signs in opens a
// report next, most often the month just closed, this reporting year so far or the last
// one: the thread starts then, builds over the latest days a few times so that its code is
// compiled (warm-up.ts), and reads the closed days of both reporting years, a reporting
// month per task, so that a report asked meanwhile waits for one task at most; then it
// builds the month just closed, whose answer is kept (report-service.ts).
import { addDays } from './calendar-days';
import { periodPresets } from './periods';

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
