// The wait a citizen is told: a range of whole five minutes around the time the line of their
// field is expected to take to reach them, never a promise. The server measures each field's
// pace (server/core/line-pace.ts); the kiosk, the printed ticket, the phone page and the
// central display all turn a pace and a place in line into the same range here.

/** How fast one field's line moves now, and what that rests on. */
export interface FieldPace {
  /** Minutes between two calls out of this field's line. */
  minutesPerCall: number;
  /** Counters of the field open with nobody at them: the next tickets are called at once. */
  freeCounters: number;
  /** today: measured on today's calls and services; history: the same weekday's services; none: a default. */
  basis: 'today' | 'history' | 'none';
}

/** Every field's pace, as the server measured it at `at`. */
export interface WaitBasis {
  at: number;
  paces: Record<string, FieldPace>;
}

/** Minutes, multiples of five: "khoảng 15–25 phút". */
export interface WaitRange {
  low: number;
  high: number;
}

const STEP = 5;
/** Where in the gap between two calls a ticket's turn falls, on average. */
const TURN_OFFSET = 0.5;

/** The expected wait in minutes for a ticket with `ahead` tickets before it. */
export function expectedWaitMinutes(ahead: number, pace: FieldPace): number {
  const before = ahead - pace.freeCounters;
  return before < 0 ? 0 : (before + TURN_OFFSET) * pace.minutesPerCall;
}

/**
 * The range shown for an expected wait: ten minutes wide, or half its midpoint when that is
 * wider (a long wait is less certain), with both ends on whole five minutes.
 */
export function rangeAround(minutes: number): WaitRange {
  let width = Math.max(10, Math.floor(minutes / 2 / STEP) * STEP);
  const low = Math.max(0, Math.round((minutes - width / 2) / STEP) * STEP);
  // Rounding the low end down may leave the range wider than half its own midpoint.
  while (width > 10 && width > (low + width / 2) / 2) width -= STEP;
  return { low, high: low + width };
}

/** The range for a ticket `ahead` places from the front of its field's line; none before the server has measured. */
export function estimateWait(ahead: number, serviceId: string, basis: WaitBasis | undefined): WaitRange | undefined {
  const pace = basis?.paces[serviceId];
  return pace ? rangeAround(expectedWaitMinutes(ahead, pace)) : undefined;
}
