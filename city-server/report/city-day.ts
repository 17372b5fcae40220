// A centre's closed day as the city's figures use it, made once when the day arrives (or is
// read back at start) rather than at every report: per field, what each ticket adds to a
// report's counters (as server/reports/build-report.ts counts it), and its waits and service
// times sorted. A report then adds these up and copies sorted runs, touching no single ticket.
import { Outcome, type DaySummary } from '../../server/reports/day-summary';

// A field's counters, in this order; then one per score met, then one per reason.
export const VISITS = 0;
export const SERVED = 1;
export const NO_SHOWS = 2;
export const UNSERVED = 3;
export const SERVING = 4;
export const TRANSFERRED = 5;
export const PRIORITY = 6;
export const RATED = 7;
export const FIXED_COUNTERS = 8;

const OUTCOME_SLOT = new Int32Array(4);
OUTCOME_SLOT[Outcome.unserved] = UNSERVED;
OUTCOME_SLOT[Outcome.served] = SERVED;
OUTCOME_SLOT[Outcome.noShow] = NO_SHOWS;
OUTCOME_SLOT[Outcome.serving] = SERVING;

/** groupedTimes orders times up to 2^30 ms and caps longer ones there; so does this. */
export const MAX_TIME_MS = 2 ** 30 - 1;

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
  /** The fields its tickets ended in, as the summary lists them. */
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

function fieldTimes(summary: DaySummary, column: Int32Array): FieldTimes {
  const fields = summary.services.length;
  const start = new Int32Array(fields + 1);
  const service = summary.columns.service;
  for (let i = 0; i < summary.tickets; i++) if (column[i] >= 0) start[service[i] + 1]++;
  for (let f = 0; f < fields; f++) start[f + 1] += start[f];
  const values = new Int32Array(start[fields]);
  const fill = start.slice(0, fields);
  const sumMs = new Float64Array(fields);
  for (let i = 0; i < summary.tickets; i++) {
    const v = column[i];
    if (v < 0) continue;
    const capped = v > MAX_TIME_MS ? MAX_TIME_MS : v;
    values[fill[service[i]]++] = capped;
    sumMs[service[i]] += capped;
  }
  for (let f = 0; f < fields; f++) values.subarray(start[f], start[f + 1]).sort();
  return { values, start, sumMs };
}

export function cityDay(summary: DaySummary): CityDay {
  const { service, outcome, transfers, priority, score, reason } = summary.columns;
  const scoreIndex = new Int32Array(256).fill(-1);
  const scores: number[] = [];
  for (let i = 0; i < summary.tickets; i++) if (score[i] !== 0 && scoreIndex[score[i]] < 0) scoreIndex[score[i]] = scores.push(score[i]) - 1;
  const reasonsAt = FIXED_COUNTERS + scores.length;
  const width = reasonsAt + summary.reasons.length;
  const counts = new Int32Array(summary.services.length * width);
  for (let i = 0; i < summary.tickets; i++) {
    const base = service[i] * width;
    counts[base + VISITS]++;
    counts[base + OUTCOME_SLOT[outcome[i]]]++;
    if (transfers[i] > 0) counts[base + TRANSFERRED]++;
    counts[base + PRIORITY] += priority[i];
    if (score[i] !== 0) {
      counts[base + RATED]++;
      counts[base + FIXED_COUNTERS + scoreIndex[score[i]]]++;
      if (reason[i] !== 0) counts[base + reasonsAt + reason[i] - 1]++;
    }
  }
  return {
    day: summary.day,
    tickets: summary.tickets,
    fields: summary.services,
    scores,
    reasons: summary.reasons,
    counts,
    width,
    waits: fieldTimes(summary, summary.columns.waitMs),
    services: fieldTimes(summary, summary.columns.serviceMs),
  };
}
