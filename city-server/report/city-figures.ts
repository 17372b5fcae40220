// The city's figures from every centre's closed days, with the definitions of a centre's own
// report (server/reports/build-report.ts): the same counts, the same exact average, median and
// nearest-rank 90th percentile. city-figures.test.ts holds the two equal on random summaries,
// so a figure changed there and not here fails the test.
//
// It has to answer a year of a whole city (4 million tickets) well within a second, so it
// works on the finest grouping, a centre's field (a "cell"): each day's counters are added to
// its cells and its sorted times copied beside them (city-day.ts made both when the day
// arrived), then each cell's times are sorted once. A centre, a field across the city and the
// city's totals are unions of cells: their counts add up, and their order statistics are found
// by a binary search over the value, counting the times at or below it in each cell.
import type { CentreProfile, CityCentreFieldRow, CityFigures, CityReport, CityRow } from '@protocol/city';
import type { LevelCount, TimeFigures } from '@protocol/reports';
import { quantileRanks } from '../../server/reports/grouped-times';
import { copyRange, type SortedTimes } from './sorted-times';
import { ABSENT, FINISHED, FIXED_COUNTERS, MAX_TIME_MS, PRIORITY, RATED, SERVED, SERVING, TRANSFERRED, UNSERVED, VISITS, type CityDay, type FieldTimes } from './city-day';

export interface CentreFacts {
  id: string;
  /** The name the city registered it under. */
  name: string;
  profile: CentreProfile;
  /** Its closed days in the range, in day order. */
  days: readonly CityDay[];
  /** Its times already sorted over a wider span, and the range's day numbers in it (sorted-times.ts); without it they are sorted here. */
  sorted?: { times: SortedTimes; from: number; to: number };
}

export interface CityFiguresInput {
  from: string;
  to: string;
  now: number;
  centres: readonly CentreFacts[];
}

/** Distinct scores one report counts: a configuration allows 1–10, so a city's history stays within this. */
const SCORE_SLOTS = 16;

/** A list of keys handing out dense numbers in the order met. */
class Keys<K> {
  readonly list: K[] = [];
  private readonly index = new Map<K, number>();
  of(key: K): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(key);
      this.index.set(key, i);
    }
    return i;
  }
  has(key: K): boolean {
    return this.index.has(key);
  }
  get(key: K): number | undefined {
    return this.index.get(key);
  }
}

/** Rating levels as a report lists them: configured scores best first, then those met that are no longer configured, in the order first met. */
function levelList(configured: readonly number[], met: readonly number[]): number[] {
  const scores = [...new Set(configured)].sort((a, b) => b - a);
  return [...scores, ...met.filter((s) => !scores.includes(s))];
}

/** Sorted times of every cell, back to back: cell c's are values[start[c] .. start[c + 1]). */
interface CellTimes {
  values: Int32Array;
  start: Int32Array;
  sumMs: Float64Array;
}

/** A union of cells' times: count, sum and the order statistics a report needs. */
function unionTimes(t: CellTimes, cells: readonly number[]): TimeFigures {
  let count = 0;
  let sum = 0;
  let lo = MAX_TIME_MS;
  let hi = 0;
  for (const c of cells) {
    const n = t.start[c + 1] - t.start[c];
    if (n === 0) continue;
    count += n;
    sum += t.sumMs[c];
    lo = Math.min(lo, t.values[t.start[c]]);
    hi = Math.max(hi, t.values[t.start[c + 1] - 1]);
  }
  if (count === 0) return { count: 0, averageSeconds: null, medianSeconds: null, p90Seconds: null };
  const ranks = quantileRanks(count);
  const one = cells.length === 1;
  const at = (rank: number) => (one ? t.values[t.start[cells[0]] + rank] : kth(t, cells, rank, lo, hi));
  const loValue = at(ranks.lo);
  const medianMs = (loValue + (ranks.hi === ranks.lo ? loValue : at(ranks.hi))) / 2;
  return { count, averageSeconds: sum / count / 1000, medianSeconds: medianMs / 1000, p90Seconds: at(ranks.p90) / 1000 };
}

/** The rank-th smallest (0-based) time across the cells: the least v with more than `rank` times ≤ v. */
function kth(t: CellTimes, cells: readonly number[], rank: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = lo + ((hi - lo) >>> 1);
    let atMost = 0;
    for (const c of cells) atMost += upperBound(t.values, t.start[c], t.start[c + 1], mid) - t.start[c];
    if (atMost > rank) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index in values[from, to) holding more than v (values sorted ascending). */
function upperBound(values: Int32Array, from: number, to: number, v: number): number {
  let a = from;
  let b = to;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (values[m] <= v) a = m + 1;
    else b = m;
  }
  return a;
}

/** Every cell's times of one kind in order: taken from a centre's sorted index, or copied from the days' runs and sorted per cell. */
function cellTimes(
  centres: readonly CentreFacts[],
  cellsOf: readonly Int32Array[][],
  cellField: readonly string[],
  cells: number,
  pick: (d: CityDay) => FieldTimes,
  pickSorted: (t: SortedTimes) => Map<string, Float64Array>,
): CellTimes {
  const start = new Int32Array(cells + 1);
  const sumMs = new Float64Array(cells);
  centres.forEach((c, ci) =>
    c.days.forEach((d, di) => {
      const t = pick(d);
      const cellOf = cellsOf[ci][di];
      for (let f = 0; f < cellOf.length; f++) {
        start[cellOf[f] + 1] += t.start[f + 1] - t.start[f];
        sumMs[cellOf[f]] += t.sumMs[f];
      }
    }),
  );
  for (let c = 0; c < cells; c++) start[c + 1] += start[c];
  const values = new Int32Array(start[cells]);
  const fill = start.slice(0, cells);
  const needsSort = new Uint8Array(cells);
  centres.forEach((c, ci) => {
    if (c.sorted) {
      const index = pickSorted(c.sorted.times);
      const cellsOfCentre = new Set<number>();
      for (const cellOf of cellsOf[ci]) for (const cell of cellOf) cellsOfCentre.add(cell);
      for (const cell of cellsOfCentre) {
        const keys = index.get(cellField[cell]);
        if (keys) fill[cell] = copyRange(keys, c.sorted.from, c.sorted.to, values, fill[cell]);
        if (fill[cell] !== start[cell + 1]) throw new Error(`the sorted index of ${c.id} does not hold the range's ${cellField[cell]} times`);
      }
      return;
    }
    c.days.forEach((d, di) => {
      const t = pick(d);
      const cellOf = cellsOf[ci][di];
      // Runs of a few times each: a plain loop beats making a view per run.
      for (let f = 0; f < cellOf.length; f++) {
        let at = fill[cellOf[f]];
        for (let i = t.start[f], end = t.start[f + 1]; i < end; i++) values[at++] = t.values[i];
        fill[cellOf[f]] = at;
        needsSort[cellOf[f]] = 1;
      }
    });
  });
  for (let c = 0; c < cells; c++) if (needsSort[c] && start[c + 1] - start[c] > 1) values.subarray(start[c], start[c + 1]).sort();
  return { values, start, sumMs };
}

export function cityFigures(input: CityFiguresInput): CityReport {
  const { centres } = input;

  // Cells: each centre's configured fields first, then those met, as a centre's report lists them.
  const cellCentre: number[] = [];
  const cellField: string[] = [];
  const centreCells: Keys<string>[] = centres.map((c, ci) => {
    const keys = new Keys<string>();
    const add = (id: string) => {
      if (keys.has(id)) return;
      keys.of(id);
      cellCentre.push(ci);
      cellField.push(id);
    };
    for (const s of c.profile.services) if (s.active) add(s.id);
    for (const d of c.days) for (const id of d.fields) add(id);
    return keys;
  });
  const cellBase: number[] = [];
  centreCells.reduce((first, keys) => cellBase.push(first) && first + keys.list.length, 0);
  const cells = cellCentre.length;
  const cellsOf = centres.map((c, ci) =>
    c.days.map((d) => {
      const cellOf = new Int32Array(d.fields.length);
      for (let f = 0; f < cellOf.length; f++) cellOf[f] = cellBase[ci] + centreCells[ci].get(d.fields[f])!;
      return cellOf;
    }),
  );

  // Scores get counter slots in the order first met (which orders the levels no longer configured); reasons as met.
  const reasons = new Keys<string>();
  for (const c of centres) for (const d of c.days) for (const r of d.reasons) reasons.of(r);
  const scoreSlots = new Keys<number>();
  const LEVELS = FIXED_COUNTERS;
  const REASONS = LEVELS + SCORE_SLOTS;
  const stride = REASONS + reasons.list.length;
  const acc = new Int32Array(cells * stride);
  const centreMet: number[][] = [];
  let daysWithData = 0;
  centres.forEach((c, ci) => {
    const met = new Keys<number>();
    c.days.forEach((d, di) => {
      daysWithData++;
      const cellOf = cellsOf[ci][di];
      // Where each of the day's counters goes among the report's.
      const slot = new Int32Array(d.width);
      for (let k = 0; k < FIXED_COUNTERS; k++) slot[k] = k;
      d.scores.forEach((score, k) => {
        met.of(score);
        const at = scoreSlots.of(score);
        if (at >= SCORE_SLOTS) throw new RangeError(`more than ${SCORE_SLOTS} rating scores in one report`);
        slot[FIXED_COUNTERS + k] = LEVELS + at;
      });
      d.reasons.forEach((r, k) => (slot[FIXED_COUNTERS + d.scores.length + k] = REASONS + reasons.get(r)!));
      for (let f = 0; f < cellOf.length; f++) {
        const base = cellOf[f] * stride;
        const from = f * d.width;
        for (let k = 0; k < d.width; k++) acc[base + slot[k]] += d.counts[from + k];
      }
    });
    centreMet.push(met.list);
  });
  const centreLevels = centres.map((c, ci) => levelList(c.profile.ratingLevels.map((l) => l.score), centreMet[ci]));
  const cityLevels = levelList(
    centres.flatMap((c) => c.profile.ratingLevels.map((l) => l.score)),
    scoreSlots.list,
  );
  const waits = cellTimes(centres, cellsOf, cellField, cells, (d) => d.waits, (t) => t.waits);
  const services = cellTimes(centres, cellsOf, cellField, cells, (d) => d.services, (t) => t.services);

  const figuresOf = (group: readonly number[], levels: readonly number[], labelOf: (score: number) => string): CityFigures => {
    const a = new Float64Array(stride);
    for (const cell of group) for (let k = 0, base = cell * stride; k < stride; k++) a[k] += acc[base + k];
    const rated = a[RATED];
    const levelCounts: LevelCount[] = levels.map((score) => {
      const slot = scoreSlots.get(score);
      const count = slot === undefined ? 0 : a[LEVELS + slot];
      return { score, label: labelOf(score), count, percent: rated > 0 ? (count / rated) * 100 : null };
    });
    const reasonCounts = reasons.list
      .map((reason, r) => ({ reason, count: a[REASONS + r] }))
      .filter((r) => r.count > 0)
      .sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason, 'vi'));
    return {
      visits: {
        visits: a[VISITS],
        served: a[SERVED],
        absent: a[ABSENT],
        unserved: a[UNSERVED],
        serving: a[SERVING],
        transferred: a[TRANSFERRED],
        priority: a[PRIORITY],
        wait: unionTimes(waits, group),
      },
      serviceTime: unionTimes(services, group),
      ratings: { rated, notRated: a[FINISHED] - rated, levels: levelCounts, reasons: reasonCounts },
    };
  };

  const cityLabel = new Map<number, string>();
  for (const c of centres) for (const l of c.profile.ratingLevels) if (!cityLabel.has(l.score)) cityLabel.set(l.score, l.label);
  const labelIn = (levels: CentreProfile['ratingLevels'] | Map<number, string>) => (score: number) =>
    (levels instanceof Map ? levels.get(score) : levels.find((l) => l.score === score)?.label) ?? `Mức ${score}`;
  const cityLabelOf = labelIn(cityLabel);

  const byCentre: CityRow[] = [];
  /** A field a centre's report lists: configured, or with visits or services in it. */
  const shown = (f: CityFigures) => f.visits.visits > 0 || f.serviceTime.count > 0 || f.ratings.rated > 0;
  const byCentreField: CityCentreFieldRow[] = [];
  centres.forEach((c, ci) => {
    const own = centreCells[ci].list.map((_, k) => cellBase[ci] + k);
    const labelOf = labelIn(c.profile.ratingLevels);
    byCentre.push({ key: c.id, name: c.name, ...figuresOf(own, centreLevels[ci], labelOf) });
    const names = new Map(c.profile.services.map((s) => [s.id, s.name]));
    const configured = new Set(c.profile.services.filter((s) => s.active).map((s) => s.id));
    for (const cell of own) {
      const f = figuresOf([cell], centreLevels[ci], labelOf);
      const id = cellField[cell];
      if (configured.has(id) || shown(f)) byCentreField.push({ centreId: c.id, centreName: c.name, key: id, name: names.get(id) ?? id, ...f });
    }
  });

  // Fields across the city: configured anywhere, in the centres' order, then those met.
  const fields = new Keys<string>();
  const configuredAnywhere = new Set<string>();
  const fieldName = new Map<string, string>();
  for (const c of centres)
    for (const s of c.profile.services) {
      if (!fieldName.has(s.id)) fieldName.set(s.id, s.name);
      if (s.active) {
        fields.of(s.id);
        configuredAnywhere.add(s.id);
      }
    }
  for (const id of cellField) fields.of(id);
  const cellsOfField = fields.list.map(() => [] as number[]);
  cellField.forEach((id, cell) => cellsOfField[fields.get(id)!].push(cell));
  const byField: CityRow[] = [];
  fields.list.forEach((id, k) => {
    const f = figuresOf(cellsOfField[k], cityLevels, cityLabelOf);
    if (configuredAnywhere.has(id) || shown(f)) byField.push({ key: id, name: fieldName.get(id) ?? id, ...f });
  });

  return {
    from: input.from,
    to: input.to,
    generatedAt: input.now,
    daysWithData,
    totals: figuresOf(
      Array.from({ length: cells }, (_, i) => i),
      cityLevels,
      cityLabelOf,
    ),
    byCentre,
    byField,
    byCentreField,
  };
}

