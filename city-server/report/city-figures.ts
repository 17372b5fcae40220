// The city's figures from every centre's closed-day summaries, with the definitions of a
// centre's own report (server/reports/build-report.ts): the same counts, the same exact
// average, median and nearest-rank 90th percentile. city-figures.test.ts holds the two equal
// on random summaries, so a figure changed there and not here fails the test.
//
// It has to answer a year of a whole city (4 million tickets) in well under a second, so
// instead of sorting every grouping it works on the finest one, a centre's field (a "cell"):
// one pass counts each cell and sorts its times, and a centre, a field across the city and
// the city's totals are unions of cells: their counts add up, and their order statistics are
// found by a binary search over the value, counting at or below it in each cell's sorted times.
import type { CentreProfile } from '@protocol/city';
import { ServiceEnd, VisitEnd } from '../../server/reports/day-facts';
import type { DaySummary } from '../../server/reports/day-summary';
import { MAX_VALUE, quantileRanks } from '../../server/reports/grouped-times';
import type { LevelCount, TimeFigures } from '@protocol/reports';
import type { CityCentreFieldRow, CityFigures, CityReport, CityRow } from './city-report-types';

export interface CentreFacts {
  id: string;
  /** The name the city registered it under. */
  name: string;
  profile: CentreProfile;
  /** Its closed days in the range, in day order. */
  summaries: readonly DaySummary[];
}

export interface CityFiguresInput {
  from: string;
  to: string;
  now: number;
  centres: readonly CentreFacts[];
}

// Counters kept per cell, as build-report.ts keeps them per group; levels and reasons follow.
// Visits count in the field they ended in; ratings and service times in the field served
// (for a finished service, the visit's last field), as a centre's report by field has them.
const VISITS = 0;
const SERVED = 1;
const ABSENT = 2;
const UNSERVED = 3;
const SERVING = 4;
const TRANSFERRED = 5;
const PRIORITY = 6;
const FINISHED = 7;
const RATED = 8;
const LEVELS = 9;
const END_SLOT = new Int32Array(4);
END_SLOT[VisitEnd.unserved] = UNSERVED;
END_SLOT[VisitEnd.served] = SERVED;
END_SLOT[VisitEnd.absent] = ABSENT;
END_SLOT[VisitEnd.serving] = SERVING;
/** Service time is taken of services that finished or passed the citizen on. */
const timed = (end: number) => end === ServiceEnd.finished || end === ServiceEnd.transferred;

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

/** Rating levels as a report lists them: configured scores best first, then scores met that are no longer configured. */
class LevelList {
  readonly scores: number[];
  private readonly at = new Int32Array(256).fill(-1);
  constructor(configured: readonly number[]) {
    this.scores = [...new Set(configured)].sort((a, b) => b - a);
    this.scores.forEach((s, i) => (this.at[s] = i));
  }
  meet(score: number): void {
    if (this.at[score] < 0) this.at[score] = this.scores.push(score) - 1;
  }
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
  let lo = MAX_VALUE;
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
    for (const s of c.summaries) for (const id of s.fields) add(id);
    return keys;
  });
  const cellBase: number[] = [];
  centreCells.reduce((first, keys) => cellBase.push(first) && first + keys.list.length, 0);
  const cells = cellCentre.length;

  // Levels: every centre's own list, and the city's (every configured score, then those met).
  const centreLevels = centres.map((c) => new LevelList(c.profile.ratingLevels.map((l) => l.score)));
  const cityLevels = new LevelList(centres.flatMap((c) => c.profile.ratingLevels.map((l) => l.score)));
  centres.forEach((c, ci) => {
    for (const s of c.summaries) {
      const scores = s.services.score;
      for (let i = 0; i < s.serviceCount; i++) {
        const score = scores[i];
        if (score !== 0) {
          centreLevels[ci].meet(score);
          cityLevels.meet(score);
        }
      }
    }
  });
  const levelSlot = new Int32Array(256).fill(-1);
  cityLevels.scores.forEach((score, i) => (levelSlot[score] = LEVELS + i));
  const reasons = new Keys<string>();
  for (const c of centres) for (const s of c.summaries) for (const r of s.reasons) reasons.of(r);
  const REASONS = LEVELS + cityLevels.scores.length;
  const stride = REASONS + reasons.list.length;

  // One pass: every cell's counters, and how many times each cell has.
  const acc = new Float64Array(cells * stride);
  const waitCount = new Int32Array(cells + 1);
  const serviceCount = new Int32Array(cells + 1);
  let daysWithData = 0;
  centres.forEach((c, ci) => {
    for (const s of c.summaries) {
      daysWithData++;
      const v = s.visits;
      const cellOf = Int32Array.from(s.fields, (id) => cellBase[ci] + centreCells[ci].get(id)!);
      const reasonSlot = Int32Array.from(s.reasons, (r) => REASONS + reasons.get(r)!);
      for (let i = 0; i < s.visitCount; i++) {
        const cell = cellOf[v.field[i]];
        const base = cell * stride;
        acc[base + VISITS]++;
        acc[base + END_SLOT[v.end[i]]]++;
        if (v.transfers[i] > 0) acc[base + TRANSFERRED]++;
        acc[base + PRIORITY] += v.priority[i];
        if (v.waitMs[i] >= 0) waitCount[cell + 1]++;
      }
      const sv = s.services;
      for (let i = 0; i < s.serviceCount; i++) {
        const cell = cellOf[sv.field[i]];
        const base = cell * stride;
        if (timed(sv.end[i]) && sv.durationMs[i] >= 0) serviceCount[cell + 1]++;
        if (sv.end[i] !== ServiceEnd.finished) continue;
        acc[base + FINISHED]++;
        const score = sv.score[i];
        if (score !== 0) {
          acc[base + RATED]++;
          acc[base + levelSlot[score]]++;
          if (sv.reason[i] !== 0) acc[base + reasonSlot[sv.reason[i] - 1]]++;
        }
      }
    }
  });
  const waits = cellTimes(centres, cellBase, centreCells, waitCount, 'wait');
  const services = cellTimes(centres, cellBase, centreCells, serviceCount, 'service');

  const figuresOf = (group: readonly number[], levels: LevelList, labelOf: (score: number) => string): CityFigures => {
    const a = new Float64Array(stride);
    for (const cell of group) for (let k = 0, base = cell * stride; k < stride; k++) a[k] += acc[base + k];
    const rated = a[RATED];
    const levelCounts: LevelCount[] = levels.scores.map((score) => {
      const count = a[levelSlot[score]];
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
      if (configured.has(id) || f.visits.visits > 0 || f.serviceTime.count > 0 || f.ratings.rated > 0) byCentreField.push({ centreId: c.id, centreName: c.name, key: id, name: names.get(id) ?? id, ...f });
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
    if (configuredAnywhere.has(id) || f.visits.visits > 0 || f.serviceTime.count > 0 || f.ratings.rated > 0) byField.push({ key: id, name: fieldName.get(id) ?? id, ...f });
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

/** Every cell's times (visits' waits, or services' times) gathered back to back and sorted. */
function cellTimes(
  centres: readonly CentreFacts[],
  cellBase: readonly number[],
  centreCells: readonly Keys<string>[],
  countPlusOne: Int32Array,
  kind: 'wait' | 'service',
): CellTimes {
  const cells = countPlusOne.length - 1;
  const start = new Int32Array(cells + 1);
  for (let c = 0; c < cells; c++) start[c + 1] = start[c] + countPlusOne[c + 1];
  const values = new Int32Array(start[cells]);
  const fill = start.slice(0, cells);
  const sumMs = new Float64Array(cells);
  centres.forEach((c, ci) => {
    for (const s of c.summaries) {
      const times = kind === 'wait' ? s.visits.waitMs : s.services.durationMs;
      const field = kind === 'wait' ? s.visits.field : s.services.field;
      const ends = s.services.end;
      const rows = kind === 'wait' ? s.visitCount : s.serviceCount;
      const cellOf = Int32Array.from(s.fields, (id) => cellBase[ci] + centreCells[ci].get(id)!);
      for (let i = 0; i < rows; i++) {
        const v = times[i];
        if (v < 0 || (kind === 'service' && !timed(ends[i]))) continue;
        const cell = cellOf[field[i]];
        const capped = v > MAX_VALUE ? MAX_VALUE : v;
        values[fill[cell]++] = capped;
        sumMs[cell] += capped;
      }
    }
  });
  for (let c = 0; c < cells; c++) values.subarray(start[c], start[c + 1]).sort();
  return { values, start, sumMs };
}
