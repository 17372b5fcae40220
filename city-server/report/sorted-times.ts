// A centre's times per field over every day the city holds in memory, sorted once (and again
// only after new days arrive): a report then takes a range's times out already in order by
// filtering, instead of sorting millions of times at every report. Each time is kept as
// value × 4096 + its day's number, exact in a double (times < 2^30, days < 4096).
import type { CityDay, FieldTimes } from './city-day';

/** Days one index can tell apart (the city keeps at most ten years in memory). */
export const DAY_NUMBERS = 4096;

export interface SortedTimes {
  waits: Map<string, Float64Array>;
  services: Map<string, Float64Array>;
}

function sortedBy(days: readonly CityDay[], dayNumber: (day: string) => number, pick: (d: CityDay) => FieldTimes): Map<string, Float64Array> {
  const sizes = new Map<string, number>();
  for (const d of days) {
    const t = pick(d);
    d.fields.forEach((id, f) => sizes.set(id, (sizes.get(id) ?? 0) + t.start[f + 1] - t.start[f]));
  }
  const out = new Map<string, Float64Array>();
  const fill = new Map<string, number>();
  for (const [id, n] of sizes) {
    out.set(id, new Float64Array(n));
    fill.set(id, 0);
  }
  for (const d of days) {
    const n = dayNumber(d.day);
    if (n < 0 || n >= DAY_NUMBERS) throw new RangeError(`day ${d.day} is outside the index`);
    const t = pick(d);
    d.fields.forEach((id, f) => {
      const keys = out.get(id)!;
      let at = fill.get(id)!;
      for (let i = t.start[f]; i < t.start[f + 1]; i++) keys[at++] = t.values[i] * DAY_NUMBERS + n;
      fill.set(id, at);
    });
  }
  for (const keys of out.values()) keys.sort();
  return out;
}

export function sortTimes(days: readonly CityDay[], dayNumber: (day: string) => number): SortedTimes {
  return { waits: sortedBy(days, dayNumber, (d) => d.waits), services: sortedBy(days, dayNumber, (d) => d.services) };
}

/** Copies the times of days numbered [from, to] into values from `at`, in order; returns the new end. */
export function copyRange(keys: Float64Array, from: number, to: number, values: Int32Array, at: number): number {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const day = key % DAY_NUMBERS;
    if (day >= from && day <= to) values[at++] = (key - day) / DAY_NUMBERS;
  }
  return at;
}
