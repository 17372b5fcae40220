// A centre's closed day as the city's figures use it, made once when the day arrives (or is
// read back at start) rather than at every report: per field, what its visits and services
// add to a report's counters (as server/reports/build-report.ts counts them: a visit in the
// field it ended in, a service's time and rating in the field it was given in), and its
// waits and service times sorted. A report then adds these up and copies sorted runs,
// touching no single ticket.
import { ServiceEnd, VisitEnd } from '../../server/reports/day-facts';
import type { DaySummary } from '../../server/reports/day-summary';
import { MAX_VALUE } from '../../server/reports/grouped-times';

// A field's counters, in this order; then one per score met, then one per reason.
export const VISITS = 0;
export const SERVED = 1;
export const ABSENT = 2;
export const UNSERVED = 3;
export const SERVING = 4;
export const TRANSFERRED = 5;
export const PRIORITY = 6;
/** Finished services: the rated and the not rated. */
export const FINISHED = 7;
export const RATED = 8;
export const FIXED_COUNTERS = 9;

const END_SLOT = new Int32Array(4);
END_SLOT[VisitEnd.unserved] = UNSERVED;
END_SLOT[VisitEnd.served] = SERVED;
END_SLOT[VisitEnd.absent] = ABSENT;
END_SLOT[VisitEnd.serving] = SERVING;

/** groupedTimes orders times up to its MAX_VALUE and caps longer ones there; so does this. */
export const MAX_TIME_MS = MAX_VALUE;

/** One kind of time (waits or service times) of a day, sorted within each field. */
export interface FieldTimes {
  /** Field f's times are values[start[f] .. start[f + 1]), ascending. */
  values: Int32Array;
  start: Int32Array;
  /** Sum per field, in milliseconds. */
  sumMs: Float64Array;
}

export interface CityDay {
  day: string;
  tickets: number;
  /** The summary's fields: where its visits ended and its services were given. */
  fields: string[];
  /** Scores given that day, in the order first given. */
  scores: number[];
  /** The summary's reasons. */
  reasons: string[];
  /** Counters per field, `width` apart: FIXED_COUNTERS, then one per score, then one per reason. */
  counts: Int32Array;
  width: number;
  waits: FieldTimes;
  services: FieldTimes;
}

/** Times of rows (visits or services), each in its field, sorted within each field; negative = none. */
function fieldTimes(fields: number, rows: number, field: ArrayLike<number>, time: (i: number) => number): FieldTimes {
  const start = new Int32Array(fields + 1);
  for (let i = 0; i < rows; i++) if (time(i) >= 0) start[field[i] + 1]++;
  for (let f = 0; f < fields; f++) start[f + 1] += start[f];
  const values = new Int32Array(start[fields]);
  const fill = start.slice(0, fields);
  const sumMs = new Float64Array(fields);
  for (let i = 0; i < rows; i++) {
    const v = time(i);
    if (v < 0) continue;
    const capped = v > MAX_TIME_MS ? MAX_TIME_MS : v;
    values[fill[field[i]]++] = capped;
    sumMs[field[i]] += capped;
  }
  for (let f = 0; f < fields; f++) values.subarray(start[f], start[f + 1]).sort();
  return { values, start, sumMs };
}

export function cityDay(summary: DaySummary): CityDay {
  const v = summary.visits;
  const s = summary.services;
  const scoreIndex = new Int32Array(256).fill(-1);
  const scores: number[] = [];
  for (let i = 0; i < summary.serviceCount; i++) if (s.score[i] !== 0 && scoreIndex[s.score[i]] < 0) scoreIndex[s.score[i]] = scores.push(s.score[i]) - 1;
  const reasonsAt = FIXED_COUNTERS + scores.length;
  const width = reasonsAt + summary.reasons.length;
  const fields = summary.fields.length;
  const counts = new Int32Array(fields * width);
  for (let i = 0; i < summary.visitCount; i++) {
    const base = v.field[i] * width;
    counts[base + VISITS]++;
    counts[base + END_SLOT[v.end[i]]]++;
    if (v.transfers[i] > 0) counts[base + TRANSFERRED]++;
    counts[base + PRIORITY] += v.priority[i];
  }
  for (let i = 0; i < summary.serviceCount; i++) {
    if (s.end[i] !== ServiceEnd.finished) continue;
    const base = s.field[i] * width;
    counts[base + FINISHED]++;
    if (s.score[i] !== 0) {
      counts[base + RATED]++;
      counts[base + FIXED_COUNTERS + scoreIndex[s.score[i]]]++;
      if (s.reason[i] !== 0) counts[base + reasonsAt + s.reason[i] - 1]++;
    }
  }
  const timed = (i: number) => (s.end[i] === ServiceEnd.finished || s.end[i] === ServiceEnd.transferred ? s.durationMs[i] : -1);
  return {
    day: summary.day,
    tickets: summary.visitCount,
    fields: summary.fields,
    scores,
    reasons: summary.reasons,
    counts,
    width,
    waits: fieldTimes(fields, summary.visitCount, v.field, (i) => v.waitMs[i]),
    services: fieldTimes(fields, summary.serviceCount, s.field, timed),
  };
}
