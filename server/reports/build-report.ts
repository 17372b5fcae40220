// Folds day summaries into a period's figures: totals and the breakdowns by field, counter,
// staff member, day and hour. One pass over the tickets fills counters for every breakdown
// at once; times go through groupedTimes for exact medians and percentiles. No per-ticket
// objects: a year of a busy centre is a million rows.
import type { CentreConfig } from '@protocol/config';
import { viDate, weekdayOf } from './calendar-days';
import { Outcome, type DaySummary } from './day-summary';
import { groupedTimes, NO_GROUP, type GroupTimes } from './grouped-times';
import type { BreakdownRow, Figures, LevelCount, Report, TimeFigures } from '@protocol/reports';
import { officialSentences } from './official-sentences';
import { viWeekday } from './vi-format';

export interface ReportInput {
  from: string;
  to: string;
  /** Closed days' summaries and, when the range holds it, today's, in day order. */
  summaries: readonly DaySummary[];
  config: CentreConfig;
  staff: readonly { id: string; name: string }[];
  now: number;
  includesToday: boolean;
}

// Counters kept per group, at these offsets; rating levels and reasons follow.
const VISITS = 0;
const SERVED = 1;
const NO_SHOWS = 2;
const UNSERVED = 3;
const SERVING = 4;
const TRANSFERRED = 5;
const PRIORITY = 6;
const RATED = 7;
const LEVELS = 8;
/** Counter slot per Outcome value. */
const OUTCOME_SLOT = new Int32Array(4);
OUTCOME_SLOT[Outcome.unserved] = UNSERVED;
OUTCOME_SLOT[Outcome.served] = SERVED;
OUTCOME_SLOT[Outcome.noShow] = NO_SHOWS;
OUTCOME_SLOT[Outcome.serving] = SERVING;

/** Names a list of keys and hands out dense group numbers. */
class GroupList<K> {
  readonly keys: K[] = [];
  private readonly index = new Map<K, number>();
  constructor(initial: readonly K[] = []) {
    for (const k of initial) this.of(k);
  }
  of(key: K): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }
}

interface Breakdown {
  list: GroupList<string | number>;
  /** Counters per group, `stride` apart. */
  acc: Float64Array;
}

export function buildReport(input: ReportInput): Report {
  const { summaries, config } = input;
  const n = summaries.reduce((sum, s) => sum + s.tickets, 0);

  const levelScores = config.rating.levels.map((l) => l.score).sort((a, b) => b - a);
  const levelOf = new Int32Array(256).fill(-1);
  levelScores.forEach((score, i) => (levelOf[score] = i));
  for (const s of summaries) {
    const scores = s.columns.score;
    for (let i = 0; i < s.tickets; i++) {
      const score = scores[i];
      if (score !== 0 && levelOf[score] < 0) levelOf[score] = levelScores.push(score) - 1;
    }
  }
  const reasons = new GroupList<string>();
  for (const s of summaries) for (const r of s.reasons) reasons.of(r);
  const stride = LEVELS + levelScores.length + reasons.keys.length;
  const REASONS = LEVELS + levelScores.length;

  const fields = new GroupList<string | number>(config.services.filter((s) => s.active).map((s) => s.id));
  const counters = new GroupList<string | number>(config.counters.filter((c) => c.active).map((c) => c.id));
  const staff = new GroupList<string | number>(staffOrder(summaries, input.staff));
  const days = new GroupList<string | number>(summaries.map((s) => s.day));
  const hours = new GroupList<string | number>(Array.from({ length: 24 }, (_, h) => h));

  // Row layout of every breakdown: totals first (one group of all).
  const breakdowns: Breakdown[] = [new GroupList<string | number>(['total']), fields, counters, staff, days, hours].map((list) => ({
    list,
    acc: new Float64Array(0),
  }));
  const [total, byField, byCounter, byStaff, byDay, byHour] = breakdowns;
  const width = breakdowns.length;
  // A ticket's group in every breakdown, side by side (see groupedTimes).
  const rowKeys = new Uint16Array(n * width);
  const waitMs = new Int32Array(n);
  const serviceMs = new Int32Array(n);
  // What each ticket adds to its group's counters, the same in every breakdown.
  const slots: TicketSlots = {
    outcome: new Uint8Array(n),
    transferred: new Uint8Array(n),
    priority: new Uint8Array(n),
    level: new Int32Array(n),
    reason: new Int32Array(n),
  };

  // Group numbers are handed out as met: the lists grow with fields or counters no longer configured.
  const counterGroup = new Int32Array(65_536).fill(-1);
  let offset = 0;
  summaries.forEach((s, d) => {
    const c = s.columns;
    const serviceGroup = Int32Array.from(s.services, (id) => fields.of(id));
    const staffGroup = Int32Array.from(s.staff, (id) => staff.of(id));
    const reasonGroup = Int32Array.from(s.reasons, (r) => reasons.of(r));
    for (let i = 0; i < s.tickets; i++) {
      const gi = offset + i;
      const row = gi * width;
      const counterId = c.counter[i];
      if (counterId !== 0 && counterGroup[counterId] < 0) counterGroup[counterId] = counters.of(counterId);
      rowKeys[row] = 0;
      rowKeys[row + 1] = serviceGroup[c.service[i]];
      rowKeys[row + 2] = counterId === 0 ? NO_GROUP : counterGroup[counterId];
      rowKeys[row + 3] = c.staff[i] === 0 ? NO_GROUP : staffGroup[c.staff[i] - 1];
      rowKeys[row + 4] = d;
      rowKeys[row + 5] = (c.minute[i] / 60) | 0;
      slots.outcome[gi] = OUTCOME_SLOT[c.outcome[i]];
      slots.transferred[gi] = c.transfers[i] > 0 ? 1 : 0;
      slots.priority[gi] = c.priority[i];
      const score = c.score[i];
      slots.level[gi] = score === 0 ? -1 : LEVELS + levelOf[score];
      slots.reason[gi] = score === 0 || c.reason[i] === 0 ? -1 : REASONS + reasonGroup[c.reason[i] - 1];
    }
    waitMs.set(c.waitMs, offset);
    serviceMs.set(c.serviceMs, offset);
    offset += s.tickets;
  });
  const groupCounts = breakdowns.map((b) => b.list.keys.length);
  if (groupCounts.some((groups) => groups >= NO_GROUP)) throw new RangeError('too many groups in one breakdown');
  const counts = countAll(stride, rowKeys, groupCounts, slots);
  breakdowns.forEach((b, k) => (b.acc = counts[k]));
  const waits = groupedTimes(waitMs, rowKeys, groupCounts);
  const services = groupedTimes(serviceMs, rowKeys, groupCounts);

  const levelLabels = levelScores.map((score) => config.rating.levels.find((l) => l.score === score)?.label ?? `Mức ${score}`);
  const figuresOf = (b: Breakdown, index: number, g: number): Figures => {
    const a = b.acc;
    const base = g * stride;
    const rated = a[base + RATED];
    const levels: LevelCount[] = levelScores.map((score, l) => ({
      score,
      label: levelLabels[l],
      count: a[base + LEVELS + l],
      percent: rated > 0 ? (a[base + LEVELS + l] / rated) * 100 : null,
    }));
    const reasonCounts = reasons.keys
      .map((reason, r) => ({ reason, count: a[base + REASONS + r] }))
      .filter((r) => r.count > 0)
      .sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason, 'vi'));
    return {
      visits: a[base + VISITS],
      served: a[base + SERVED],
      noShows: a[base + NO_SHOWS],
      unserved: a[base + UNSERVED],
      serving: a[base + SERVING],
      transferred: a[base + TRANSFERRED],
      priority: a[base + PRIORITY],
      wait: timeFigures(waits[index], g),
      service: timeFigures(services[index], g),
      ratings: { rated, notRated: a[base + SERVED] - rated, levels, reasons: reasonCounts },
    };
  };
  const rows = (b: Breakdown, name: (key: string | number) => string, keep: (key: string | number, f: Figures) => boolean): BreakdownRow[] => {
    const index = breakdowns.indexOf(b);
    const out: BreakdownRow[] = [];
    b.list.keys.forEach((key, g) => {
      const f = figuresOf(b, index, g);
      if (keep(key, f)) out.push({ key: String(key), name: name(key), ...f });
    });
    return out;
  };

  const serviceName = new Map(config.services.map((s) => [s.id, s.name]));
  const counterName = new Map(config.counters.map((c) => [c.id, c.name]));
  const staffName = new Map(input.staff.map((m) => [m.id, m.name]));
  const configuredField = new Set<string | number>(fields.keys.slice(0, config.services.filter((s) => s.active).length));
  const configuredCounter = new Set<string | number>(counters.keys.slice(0, config.counters.filter((c) => c.active).length));
  const pad = (h: number) => String(h).padStart(2, '0');

  const totals = figuresOf(total, 0, 0);
  const report: Report = {
    from: input.from,
    to: input.to,
    centreName: config.centre.name,
    generatedAt: input.now,
    includesToday: input.includesToday,
    daysWithData: summaries.length,
    totals,
    byField: rows(byField, (k) => serviceName.get(String(k)) ?? String(k), (k, f) => configuredField.has(k) || f.visits > 0),
    byCounter: rows(byCounter, (k) => counterName.get(Number(k)) ?? `Quầy ${k}`, (k, f) => configuredCounter.has(k) || f.visits > 0),
    byStaff: rows(byStaff, (k) => staffName.get(String(k)) ?? String(k), (_, f) => f.visits > 0),
    byDay: rows(byDay, (k) => `${viDate(String(k))} (${viWeekday(weekdayOf(String(k)))})`, () => true),
    byHour: rows(byHour, (k) => `${pad(Number(k))}:00–${pad(Number(k) + 1)}:00`, (_, f) => f.visits > 0),
    sentences: [],
  };
  report.sentences = officialSentences(report);
  return report;
}

interface TicketSlots {
  outcome: Uint8Array;
  transferred: Uint8Array;
  priority: Uint8Array;
  /** Counter slot of the rating level, -1 = not rated. */
  level: Int32Array;
  /** Counter slot of the reason, -1 = none. */
  reason: Int32Array;
}

/** Every breakdown's counters (groups × stride), filled in one pass over the tickets. */
function countAll(stride: number, rowKeys: Uint16Array, groupCounts: readonly number[], slots: TicketSlots): Float64Array[] {
  const width = groupCounts.length;
  const offsets = new Int32Array(width);
  let groups = 0;
  groupCounts.forEach((count, k) => {
    offsets[k] = groups * stride;
    groups += count;
  });
  const acc = new Float64Array(groups * stride);
  const { outcome, transferred, priority, level, reason } = slots;
  const n = outcome.length;
  for (let i = 0; i < n; i++) {
    const outcomeSlot = outcome[i];
    const t = transferred[i];
    const p = priority[i];
    const l = level[i];
    const r = reason[i];
    const row = i * width;
    for (let k = 0; k < width; k++) {
      const g = rowKeys[row + k];
      if (g === NO_GROUP) continue;
      const base = offsets[k] + g * stride;
      acc[base + VISITS]++;
      acc[base + outcomeSlot]++;
      acc[base + TRANSFERRED] += t;
      acc[base + PRIORITY] += p;
      if (l >= 0) {
        acc[base + RATED]++;
        acc[base + l]++;
        if (r >= 0) acc[base + r]++;
      }
    }
  }
  return groupCounts.map((count, k) => acc.subarray(offsets[k], offsets[k] + count * stride));
}

function timeFigures(t: GroupTimes, g: number): TimeFigures {
  const count = t.count[g];
  if (count === 0) return { count: 0, averageSeconds: null, medianSeconds: null, p90Seconds: null };
  return { count, averageSeconds: t.sumMs[g] / count / 1000, medianSeconds: t.medianMs[g] / 1000, p90Seconds: t.p90Ms[g] / 1000 };
}

/** Staff in the directory's order, then ids the directory no longer knows. */
function staffOrder(summaries: readonly DaySummary[], directory: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  for (const s of summaries) for (const id of s.staff) seen.add(id);
  const known = directory.map((m) => m.id).filter((id) => seen.has(id));
  const knownSet = new Set(known);
  return [...known, ...[...seen].filter((id) => !knownSet.has(id)).sort()];
}
