// The wait a citizen is told: a range of whole five minutes around the time the line of their
// field is expected to take to reach them, never a promise. The server projects each field's
// coming calls (server/core/line-pace.ts); the kiosk, the printed ticket, the phone page and the
// central display all turn a pace and a place in line into the same range here.

/** How fast one field's line moves now, and what that rests on. */
export interface FieldPace {
  /** Minutes from the basis's `at` to the coming calls out of the field's line, in order: a
   *  ticket with i tickets ahead is expected to be called after turns[i] minutes. The server
   *  plays the counters forward over the tickets waiting now, so these count the counters open,
   *  free, busy and away, and the other fields sharing them; the last one is usually the turn of
   *  a ticket taken now. Empty when no counter of the field is open. */
  turns: number[];
  /** Minutes between two calls after the last of `turns`. */
  minutesPerCall: number;
  /** today: measured on today's services; history: the same weekday's services; none: a default. */
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
const NARROWEST = 10;
/** Where in the gap between two calls a ticket's turn falls, on average, when nothing is projected. */
const TURN_OFFSET = 0.5;

/** The expected wait in minutes for a ticket with `ahead` tickets before it. */
export function expectedWaitMinutes(ahead: number, pace: FieldPace): number {
  const n = pace.turns.length;
  if (ahead < n) return pace.turns[Math.max(0, ahead)];
  if (n === 0) return (ahead + TURN_OFFSET) * pace.minutesPerCall;
  return pace.turns[n - 1] + (ahead - n + 1) * pace.minutesPerCall;
}

/** The widest range allowed from `low`: 10 minutes, or half its own midpoint when that is more
 *  (w ≤ (low + w/2)/2 ⇔ w ≤ 2·low/3), on whole five minutes. */
export function widestFrom(low: number): number {
  return Math.max(NARROWEST, Math.floor((2 * low) / 3 / STEP) * STEP);
}

/**
 * The range shown for an expected wait: the widest allowed range (10 minutes, or half its
 * midpoint when that is wider: a long wait is less certain) whose middle is nearest the
 * expected minutes, with both ends on whole five minutes. A wait's surprises are mostly
 * delays (an officer called away, a priority citizen first), so where two ranges are as near,
 * the later one is taken.
 *
 * The candidates start at every five minutes from half the wait up to the wait itself. Their
 * middles rise with their start, by five minutes or more each, so the nearest is one of the
 * two on either side of the wait: found by halving, not by trying each (a line of thousands,
 * as a bench makes, would otherwise try thousands of ranges for every ticket issued).
 */
export function rangeAround(minutes: number): WaitRange {
  const from = Math.max(0, Math.floor((minutes * 0.5) / STEP) * STEP);
  const candidates = Math.floor((Math.max(0, minutes) - from) / STEP) + 1;
  const middle = (low: number) => low + widestFrom(low) / 2;
  // The first candidate whose middle is at or after the wait (`candidates` when none is).
  let first = 0;
  let past = candidates;
  while (first < past) {
    const k = (first + past) >> 1;
    if (middle(from + k * STEP) >= minutes) past = k;
    else first = k + 1;
  }
  let best: WaitRange = { low: 0, high: NARROWEST };
  let bestDistance = Infinity;
  for (let k = Math.max(0, first - 1); k <= Math.min(candidates - 1, first); k++) {
    const low = from + k * STEP;
    const high = low + widestFrom(low);
    if (high < minutes) continue;
    const distance = Math.abs(middle(low) - minutes);
    if (distance <= bestDistance) {
      best = { low, high };
      bestDistance = distance;
    }
  }
  return best;
}

/** The range for a ticket `ahead` places from the front of its field's line; none before the server has measured. */
export function estimateWait(ahead: number, serviceId: string, basis: WaitBasis | undefined): WaitRange | undefined {
  const pace = basis?.paces[serviceId];
  return pace ? rangeAround(expectedWaitMinutes(ahead, pace)) : undefined;
}
