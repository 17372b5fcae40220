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
import { Outcome, type DaySummary } from '../../server/reports/day-summary';
import { quantileRanks } from '../../server/reports/grouped-times';
import type { BreakdownRow, Figures, LevelCount, TimeFigures } from '@protocol/reports';
import type { CityCentreFieldRow, CityReport } from '@protocol/city';

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
const VISITS = 0;
const SERVED = 1;
const NO_SHOWS = 2;
const UNSERVED = 3;
const SERVING = 4;
const TRANSFERRED = 5;
const PRIORITY = 6;
const RATED = 7;
const LEVELS = 8;
const OUTCOME_SLOT = new Int32Array(4);
OUTCOME_SLOT[Outcome.unserved] = UNSERVED;
OUTCOME_SLOT[Outcome.served] = SERVED;
OUTCOME_SLOT[Outcome.noShow] = NO_SHOWS;
OUTCOME_SLOT[Outcome.serving] = SERVING;
/** groupedTimes orders times up to 2^30 ms and caps longer ones there; so does this. */
const MAX_VALUE = 2 ** 30 - 1;

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

/** Scores a summary can hold (a Uint8 column). */
const SCORES = 256;
/** Distinct scores counted at once: a configuration allows 1–10, so a city's history stays within this. */
const SCORE_SLOTS = 16;

/** Rating levels as a report lists them: configured scores best first, then those met that are no longer configured, in the order first met. */
function levelList(configured: readonly number[], firstSeen: Float64Array): number[] {
  const scores = [...new Set(configured)].sort((a, b) => b - a);
  const known = new Set(scores);
  const extra: number[] = [];
  for (let score = 1; score < SCORES; score++) if (firstSeen[score] !== Infinity && !known.has(score)) extra.push(score);
  extra.sort((a, b) => firstSeen[a] - firstSeen[b]);
  return [...scores, ...extra];
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
    for (const s of c.summaries) for (const id of s.services) add(id);
    return keys;
  });
  const cellBase: number[] = [];
  centreCells.reduce((first, keys) => cellBase.push(first) && first + keys.list.length, 0);
  const cells = cellCentre.length;

  // Reasons and scores are numbered as met; a score's first sighting orders the levels no longer configured.
  const reasons = new Keys<string>();
  for (const c of centres) for (const s of c.summaries) for (const r of s.reasons) reasons.of(r);
  const REASONS = LEVELS + SCORE_SLOTS;
  const stride = REASONS + reasons.list.length;

  // One pass: every cell's counters, and its times gathered unsorted beside their cell.
  const tickets = centres.reduce((n, c) => c.summaries.reduce((m, s) => m + s.tickets, n), 0);
  const pass: TicketPass = {
    acc: new Int32Array(cells * stride),
    stride,
    slotOf: new Int32Array(SCORES).fill(-1),
    slots: 0,
    seq: 0,
    cityFirstSeen: new Float64Array(SCORES).fill(Infinity),
    firstSeen: new Float64Array(SCORES),
    waits: { values: new Int32Array(tickets), cells: new Int32Array(tickets), count: new Int32Array(cells + 1), n: 0 },
    services: { values: new Int32Array(tickets), cells: new Int32Array(tickets), count: new Int32Array(cells + 1), n: 0 },
  };
  const centreLevels: number[][] = [];
  let daysWithData = 0;
  centres.forEach((c, ci) => {
    pass.firstSeen.fill(Infinity);
    for (const s of c.summaries) {
      daysWithData++;
      const cellOf = Int32Array.from(s.services, (id) => cellBase[ci] + centreCells[ci].get(id)!);
      const reasonSlot = Int32Array.from(s.reasons, (r) => REASONS + reasons.get(r)!);
      countDay(pass, s, cellOf, reasonSlot);
    }
    centreLevels.push(levelList(c.profile.ratingLevels.map((l) => l.score), pass.firstSeen));
  });
  const cityLevels = levelList(
    centres.flatMap((c) => c.profile.ratingLevels.map((l) => l.score)),
    pass.cityFirstSeen,
  );
  const acc = pass.acc;
  const waits = sortByCell(pass.waits);
  const services = sortByCell(pass.services);

  const figuresOf = (group: readonly number[], levels: readonly number[], labelOf: (score: number) => string): Figures => {
    const a = new Float64Array(stride);
    for (const cell of group) for (let k = 0, base = cell * stride; k < stride; k++) a[k] += acc[base + k];
    const rated = a[RATED];
    const levelCounts: LevelCount[] = levels.map((score) => {
      const slot = pass.slotOf[score];
      const count = slot < 0 ? 0 : a[LEVELS + slot];
      return { score, label: labelOf(score), count, percent: rated > 0 ? (count / rated) * 100 : null };
    });
    const reasonCounts = reasons.list
      .map((reason, r) => ({ reason, count: a[REASONS + r] }))
      .filter((r) => r.count > 0)
      .sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason, 'vi'));
    return {
      visits: a[VISITS],
      served: a[SERVED],
      noShows: a[NO_SHOWS],
      unserved: a[UNSERVED],
      serving: a[SERVING],
      transferred: a[TRANSFERRED],
      priority: a[PRIORITY],
      wait: unionTimes(waits, group),
      service: unionTimes(services, group),
      ratings: { rated, notRated: a[SERVED] - rated, levels: levelCounts, reasons: reasonCounts },
    };
  };

  const cityLabel = new Map<number, string>();
  for (const c of centres) for (const l of c.profile.ratingLevels) if (!cityLabel.has(l.score)) cityLabel.set(l.score, l.label);
  const labelIn = (levels: CentreProfile['ratingLevels'] | Map<number, string>) => (score: number) =>
    (levels instanceof Map ? levels.get(score) : levels.find((l) => l.score === score)?.label) ?? `Mức ${score}`;
  const cityLabelOf = labelIn(cityLabel);

  const byCentre: BreakdownRow[] = [];
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
      if (configured.has(id) || f.visits > 0) byCentreField.push({ centreId: c.id, centreName: c.name, key: id, name: names.get(id) ?? id, ...f });
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
  const byField: BreakdownRow[] = [];
  fields.list.forEach((id, k) => {
    const f = figuresOf(cellsOfField[k], cityLevels, cityLabelOf);
    if (configuredAnywhere.has(id) || f.visits > 0) byField.push({ key: id, name: fieldName.get(id) ?? id, ...f });
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

interface Gathered {
  values: Int32Array;
  cells: Int32Array;
  /** count[cell + 1]: how many times the cell has. */
  count: Int32Array;
  n: number;
}

interface TicketPass {
  /** Counters per cell, `stride` apart; small enough to stay in the processor's cache. */
  acc: Int32Array;
  stride: number;
  /** Counter slot of each score met (LEVELS + slot), -1 before it is met. */
  slotOf: Int32Array;
  slots: number;
  /** Tickets seen so far, across centres: the order scores are first met in. */
  seq: number;
  cityFirstSeen: Float64Array;
  /** The same, within the centre being counted. */
  firstSeen: Float64Array;
  waits: Gathered;
  services: Gathered;
}

/** A day's tickets into their cells' counters, as build-report.ts counts them per group. */
function countDay(p: TicketPass, s: DaySummary, cellOf: Int32Array, reasonSlot: Int32Array): void {
  const { acc, stride, cityFirstSeen, firstSeen, waits, services } = p;
  const { service, outcome, transfers, priority, score, reason, waitMs, serviceMs } = s.columns;
  const n = s.tickets;
  for (let i = 0; i < n; i++) {
    const cell = cellOf[service[i]];
    const base = cell * stride;
    acc[base + VISITS]++;
    acc[base + OUTCOME_SLOT[outcome[i]]]++;
    if (transfers[i] > 0) acc[base + TRANSFERRED]++;
    acc[base + PRIORITY] += priority[i];
    const sc = score[i];
    if (sc !== 0) {
      acc[base + RATED]++;
      let slot = p.slotOf[sc];
      if (slot < 0) {
        if (p.slots === SCORE_SLOTS) throw new RangeError(`more than ${SCORE_SLOTS} rating scores in one report`);
        slot = p.slotOf[sc] = p.slots++;
      }
      acc[base + LEVELS + slot]++;
      if (reason[i] !== 0) acc[base + reasonSlot[reason[i] - 1]]++;
      const seq = p.seq + i;
      if (firstSeen[sc] > seq) firstSeen[sc] = seq;
      if (cityFirstSeen[sc] > seq) cityFirstSeen[sc] = seq;
    }
    const w = waitMs[i];
    if (w >= 0) {
      waits.values[waits.n] = w > MAX_VALUE ? MAX_VALUE : w;
      waits.cells[waits.n++] = cell;
      waits.count[cell + 1]++;
    }
    const v = serviceMs[i];
    if (v >= 0) {
      services.values[services.n] = v > MAX_VALUE ? MAX_VALUE : v;
      services.cells[services.n++] = cell;
      services.count[cell + 1]++;
    }
  }
  p.seq += n;
}

/** The gathered times put back to back by cell (a counting sort), each cell's then sorted. */
function sortByCell(g: Gathered): CellTimes {
  const cells = g.count.length - 1;
  const start = new Int32Array(cells + 1);
  for (let c = 0; c < cells; c++) start[c + 1] = start[c] + g.count[c + 1];
  const values = new Int32Array(g.n);
  const fill = start.slice(0, cells);
  const sumMs = new Float64Array(cells);
  for (let i = 0; i < g.n; i++) {
    const cell = g.cells[i];
    const v = g.values[i];
    values[fill[cell]++] = v;
    sumMs[cell] += v;
  }
  for (let c = 0; c < cells; c++) values.subarray(start[c], start[c + 1]).sort();
  return { values, start, sumMs };
}
