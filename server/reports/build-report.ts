// Folds day summaries into a period's figures. Visits (one row per ticket) give the totals
// and the breakdowns by field they ended in, day and hour of issue; services (one row per
// call) give the work of each field, counter, officer, day and hour of call; the officers'
// time comes from the presence rows. One pass per kind of row fills the counters of every
// breakdown at once; times go through groupedTimes for exact medians and percentiles. No
// per-row objects: a year of a busy centre is a million visits and more services.
import type { CentreConfig } from '@protocol/config';
import { targetWaitMinutes } from '@protocol/target-wait';
import { viDate, weekdayOf } from './calendar-days';
import { ServiceEnd, VisitEnd } from './day-facts';
import type { DaySummary } from './day-summary';
import { groupedTimes, NO_GROUP, type GroupTimes } from './grouped-times';
import { officialSentences } from './official-sentences';
import type {
  CounterRow,
  DossierLine,
  FieldRow,
  LevelCount,
  OutcomeCount,
  PeriodRow,
  Report,
  ServiceFigures,
  StaffDayRow,
  StaffRow,
  TimeAtCounter,
  TimeFigures,
  VisitFigures,
  WorkFigures,
} from '@protocol/reports';
import { viWeekday } from '@protocol/vi-format';

export interface ReportInput {
  from: string;
  to: string;
  /** Closed days' summaries and, when the range holds it, today's, in day order. */
  summaries: readonly DaySummary[];
  config: CentreConfig;
  staff: readonly { id: string; name: string }[];
  now: number;
  includesToday: boolean;
  /** The most dossier lines to list, the period's latest (all when not given). */
  dossierLines?: number;
  /** The most officer-day rows to list, the period's latest (all when not given). */
  staffDayRows?: number;
}

export const UNCLASSIFIED_LABEL = 'Chưa phân loại';

/** Dossier lines a report on screen lists (GET /api/reports): a year of a busy centre types
 *  twenty thousand codes, half its JSON and a table no one reads on screen; files list all. */
export const DOSSIER_LINES_ON_SCREEN = 1000;

/** Officer-day rows a report on screen lists, the period's latest: about a month of a centre
 *  of twenty officers. A year of ten is 2,700 rows, three quarters of its JSON and of the
 *  objects a build makes; files list all. */
export const STAFF_DAY_ROWS_ON_SCREEN = 500;

/** What a report on screen lists at most; a file lists every row. */
export const ON_SCREEN = { dossierLines: DOSSIER_LINES_ON_SCREEN, staffDayRows: STAFF_DAY_ROWS_ON_SCREEN };

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
  has(key: K): boolean {
    return this.index.has(key);
  }
}

// ---- Visits: counters per group ----
const V_VISITS = 0;
const V_SERVED = 1;
const V_ABSENT = 2;
const V_UNSERVED = 3;
const V_SERVING = 4;
const V_TRANSFERRED = 5;
const V_PRIORITY = 6;
const V_STRIDE = 7;
const VISIT_END_SLOT = new Int32Array(4);
VISIT_END_SLOT[VisitEnd.unserved] = V_UNSERVED;
VISIT_END_SLOT[VisitEnd.served] = V_SERVED;
VISIT_END_SLOT[VisitEnd.absent] = V_ABSENT;
VISIT_END_SLOT[VisitEnd.serving] = V_SERVING;

// ---- Services: counters per group; outcomes, rating levels and reasons follow ----
const S_CALLS = 0;
const S_FINISHED = 1;
const S_TRANSFERS = 2;
const S_ABSENCES = 3;
const S_REQUEUED = 4;
const S_OPEN = 5;
const S_RECALLS = 6;
const S_DOSSIERS = 7;
const S_WITHIN = 8;
const S_RATED = 9;
const S_DURATION_COUNT = 10;
const S_DURATION_SUM = 11;
const S_WAIT_COUNT = 12;
const S_WAIT_SUM = 13;
const S_FIXED = 14;
const SERVICE_END_SLOT = new Int32Array(5);
SERVICE_END_SLOT[ServiceEnd.open] = S_OPEN;
SERVICE_END_SLOT[ServiceEnd.finished] = S_FINISHED;
SERVICE_END_SLOT[ServiceEnd.transferred] = S_TRANSFERS;
SERVICE_END_SLOT[ServiceEnd.absent] = S_ABSENCES;
SERVICE_END_SLOT[ServiceEnd.requeued] = S_ABSENCES;

type Key = string | number;

interface Grouping {
  list: GroupList<Key>;
  /** Counters per group, `stride` apart. */
  acc: Float64Array;
}

interface Presence {
  signedIn: Float64Array;
  serving: Float64Array;
  idle: Float64Array;
  /** group × pause reason */
  paused: Float64Array;
}

export function buildReport(input: ReportInput): Report {
  const { summaries, config } = input;

  // ---- The lists every breakdown is keyed by, configured ones first ----
  const fields = new GroupList<Key>(config.services.filter((s) => s.active).map((s) => s.id));
  const configuredFields = fields.keys.length;
  const counters = new GroupList<Key>(config.counters.filter((c) => c.active).map((c) => c.id));
  const configuredCounters = counters.keys.length;
  const staff = new GroupList<Key>(staffOrder(summaries, input.staff));
  const days = new GroupList<Key>(summaries.map((s) => s.day));
  const hours = new GroupList<Key>(Array.from({ length: 24 }, (_, h) => h));
  // An officer's day is keyed by the officer's and the day's group numbers: a number hashes
  // at once, where a string made for each lookup ("id|day") cost more than the lookup.
  const staffDays = new GroupList<number>();
  const staffDayOf = (staffId: string, day: string) => staffDays.of(staff.of(staffId) * 0x10000 + days.of(day));
  const outcomes = new GroupList<string>(config.outcomes.map((o) => o.id));
  for (const s of summaries) for (const o of s.outcomes) outcomes.of(o);
  const UNCLASSIFIED = outcomes.keys.length; // its own slot, after every outcome id
  const outcomeSlots = UNCLASSIFIED + 1;
  const levelScores = config.rating.levels.map((l) => l.score).sort((a, b) => b - a);
  const levelOf = new Int32Array(256).fill(-1);
  levelScores.forEach((score, i) => (levelOf[score] = i));
  for (const s of summaries) {
    const scores = s.services.score;
    for (let i = 0; i < s.serviceCount; i++) if (scores[i] !== 0 && levelOf[scores[i]] < 0) levelOf[scores[i]] = levelScores.push(scores[i]) - 1;
  }
  const reasons = new GroupList<string>();
  for (const s of summaries) for (const r of s.reasons) reasons.of(r);
  const pauseReasons = new GroupList<string>();
  for (const s of summaries) for (const r of s.pauseReasons) pauseReasons.of(r);

  const S_OUTCOMES = S_FIXED;
  const S_OUTCOME_DOSSIERS = S_OUTCOMES + outcomeSlots;
  const S_LEVELS = S_OUTCOME_DOSSIERS + outcomeSlots;
  const S_REASONS = S_LEVELS + levelScores.length;
  const S_STRIDE = S_REASONS + reasons.keys.length;

  // Group numbers of counters are handed out as met: the lists grow with ones no longer configured.
  const counterGroup = new Int32Array(65_536).fill(-1);
  const groupOfCounter = (id: number) => {
    if (counterGroup[id] < 0) counterGroup[id] = counters.of(id);
    return counterGroup[id];
  };

  // Officers' time may name a counter or officer that made no call: their groups exist before counting.
  for (const s of summaries) {
    for (const p of s.presence) {
      groupOfCounter(p.counter);
      staffDayOf(s.staff[p.staff], s.day);
    }
  }

  // ---- Visits ----
  const visitCount = summaries.reduce((n, s) => n + s.visitCount, 0);
  const V_WIDTH = 4; // total, field, day, hour
  const vKeys = new Uint16Array(visitCount * V_WIDTH);
  const vWait = new Int32Array(visitCount);
  const vSlot = new Uint8Array(visitCount);
  const vTransferred = new Uint8Array(visitCount);
  const vPriority = new Uint8Array(visitCount);
  let offset = 0;
  summaries.forEach((s) => {
    // A day's group, not the summary's place: the city adds up several centres' summaries of one day.
    const d = days.of(s.day);
    const v = s.visits;
    const fieldGroup = Int32Array.from(s.fields, (id) => fields.of(id));
    for (let i = 0; i < s.visitCount; i++) {
      const gi = offset + i;
      const row = gi * V_WIDTH;
      vKeys[row] = 0;
      vKeys[row + 1] = fieldGroup[v.field[i]];
      vKeys[row + 2] = d;
      vKeys[row + 3] = (v.minute[i] / 60) | 0;
      vSlot[gi] = VISIT_END_SLOT[v.end[i]];
      vTransferred[gi] = v.transfers[i] > 0 ? 1 : 0;
      vPriority[gi] = v.priority[i];
    }
    vWait.set(v.waitMs, offset);
    offset += s.visitCount;
  });
  const vGroupCounts = [1, fields.keys.length, days.keys.length, 24];
  const vAcc = countVisits(vKeys, vGroupCounts, vSlot, vTransferred, vPriority);
  const vWaits = groupedTimes(vWait, vKeys, vGroupCounts);

  // ---- Services ----
  const serviceCount = summaries.reduce((n, s) => n + s.serviceCount, 0);
  const S_WIDTH = 7; // total, field, counter, staff, day, hour, staff × day
  const sKeys = new Uint16Array(serviceCount * S_WIDTH);
  // Medians and percentiles cost a sort each, so they are taken where the tables show them:
  // service time by field, counter, officer and officer × day; the line wait by field (and
  // both for the whole centre). Every grouping gets counts and averages.
  const D_WIDTH = 4; // field, counter, staff, staff × day
  const dKeys = new Uint16Array(serviceCount * D_WIDTH);
  const W_WIDTH = 2; // field, (none: the width must be even)
  const wKeys = new Uint16Array(serviceCount * W_WIDTH);
  const sDuration = new Int32Array(serviceCount).fill(-1);
  const sWait = new Int32Array(serviceCount);
  const perService: ServiceSlots = {
    end: new Uint8Array(serviceCount),
    requeued: new Uint8Array(serviceCount),
    recalls: new Uint8Array(serviceCount),
    outcome: new Int32Array(serviceCount).fill(-1),
    dossiers: new Uint8Array(serviceCount),
    within: new Uint8Array(serviceCount),
    level: new Int32Array(serviceCount).fill(-1),
    reason: new Int32Array(serviceCount).fill(-1),
  };
  offset = 0;
  summaries.forEach((s) => {
    const d = days.of(s.day);
    const c = s.services;
    const fieldGroup = Int32Array.from(s.fields, (id) => fields.of(id));
    const targetMs = Float64Array.from(s.fields, (id) => targetWaitMinutes(config, id) * 60_000);
    const staffGroup = Int32Array.from(s.staff, (id) => staff.of(id));
    const staffDayGroup = Int32Array.from(s.staff, (id) => staffDayOf(id, s.day));
    const outcomeGroup = Int32Array.from(s.outcomes, (id) => outcomes.of(id));
    const reasonGroup = Int32Array.from(s.reasons, (r) => reasons.of(r));
    for (let i = 0; i < s.serviceCount; i++) {
      const gi = offset + i;
      const row = gi * S_WIDTH;
      const st = c.staff[i];
      sKeys[row] = 0;
      sKeys[row + 1] = fieldGroup[c.field[i]];
      sKeys[row + 2] = groupOfCounter(c.counter[i]);
      sKeys[row + 3] = st === 0 ? NO_GROUP : staffGroup[st - 1];
      sKeys[row + 4] = d;
      sKeys[row + 5] = (c.minute[i] / 60) | 0;
      sKeys[row + 6] = st === 0 ? NO_GROUP : staffDayGroup[st - 1];
      const dRow = gi * D_WIDTH;
      dKeys[dRow] = sKeys[row + 1];
      dKeys[dRow + 1] = sKeys[row + 2];
      dKeys[dRow + 2] = sKeys[row + 3];
      dKeys[dRow + 3] = sKeys[row + 6];
      wKeys[gi * W_WIDTH] = sKeys[row + 1];
      wKeys[gi * W_WIDTH + 1] = NO_GROUP;
      const end = c.end[i];
      perService.end[gi] = SERVICE_END_SLOT[end];
      perService.requeued[gi] = end === ServiceEnd.requeued ? 1 : 0;
      perService.recalls[gi] = c.recalls[i];
      if (end === ServiceEnd.finished || end === ServiceEnd.transferred) sDuration[gi] = c.durationMs[i];
      if (end === ServiceEnd.finished) {
        perService.outcome[gi] = c.outcome[i] === 0 ? UNCLASSIFIED : outcomeGroup[c.outcome[i] - 1];
        perService.dossiers[gi] = c.dossiers[i];
        const score = c.score[i];
        if (score !== 0) {
          perService.level[gi] = S_LEVELS + levelOf[score];
          if (c.reason[i] !== 0) perService.reason[gi] = S_REASONS + reasonGroup[c.reason[i] - 1];
        }
      }
      const wait = c.waitMs[i];
      perService.within[gi] = wait >= 0 && wait <= targetMs[c.field[i]] ? 1 : 0;
    }
    sWait.set(c.waitMs, offset);
    offset += s.serviceCount;
  });
  const sGroupCounts = [1, fields.keys.length, counters.keys.length, staff.keys.length, days.keys.length, 24, staffDays.keys.length];
  if ([...vGroupCounts, ...sGroupCounts].some((groups) => groups >= NO_GROUP)) throw new RangeError('too many groups in one breakdown');
  const sAcc = countServices(sKeys, sGroupCounts, S_STRIDE, { outcomes: S_OUTCOMES, outcomeDossiers: S_OUTCOME_DOSSIERS }, perService, sDuration, sWait);
  const durations = groupedTimes(sDuration, dKeys, [sGroupCounts[1], sGroupCounts[2], sGroupCounts[3], sGroupCounts[6]], { total: true });
  const waits = groupedTimes(sWait, wKeys, [sGroupCounts[1], 0], { total: true });
  /** Sorted times per service grouping (0 total … 6 staff × day), where taken. */
  const sDurations: (GroupTimes | undefined)[] = [durations[4], durations[0], durations[1], durations[2], undefined, undefined, durations[3]];
  const sWaits: (GroupTimes | undefined)[] = [waits[2], waits[0], undefined, undefined, undefined, undefined, undefined];

  // ---- Officers' time: total, counter, staff, staff × day ----
  const presence = [1, counters.keys.length, staff.keys.length, staffDays.keys.length].map((groups) => emptyPresence(groups, pauseReasons.keys.length));
  for (const s of summaries) {
    const pauseGroup = Int32Array.from(s.pauseReasons, (r) => pauseReasons.of(r));
    for (const p of s.presence) {
      const id = s.staff[p.staff];
      const groups = [0, counterGroup[p.counter], staff.of(id), staffDayOf(id, s.day)];
      groups.forEach((g, k) => addPresence(presence[k], g, p, pauseGroup, pauseReasons.keys.length));
    }
  }

  // ---- Figures out of the counters ----
  const levelLabels = levelScores.map((score) => config.rating.levels.find((l) => l.score === score)?.label ?? `Mức ${score}`);
  const outcomeName = new Map(config.outcomes.map((o) => [o.id, o.name]));
  const visitFigures = (k: number, g: number): VisitFigures => {
    const a = vAcc[k];
    const base = g * V_STRIDE;
    return {
      visits: a[base + V_VISITS],
      served: a[base + V_SERVED],
      absent: a[base + V_ABSENT],
      unserved: a[base + V_UNSERVED],
      serving: a[base + V_SERVING],
      transferred: a[base + V_TRANSFERRED],
      priority: a[base + V_PRIORITY],
      wait: timeFigures(vWaits[k], g),
    };
  };
  const workFigures = (k: number, g: number): WorkFigures => {
    const a = sAcc[k];
    const base = g * S_STRIDE;
    const lineWait = sWaits[k] ? timeFigures(sWaits[k]!, g) : averageOnly(a[base + S_WAIT_COUNT], a[base + S_WAIT_SUM]);
    const within = a[base + S_WITHIN];
    return {
      services: a[base + S_CALLS],
      finished: a[base + S_FINISHED],
      transfers: a[base + S_TRANSFERS],
      absences: a[base + S_ABSENCES],
      requeued: a[base + S_REQUEUED],
      open: a[base + S_OPEN],
      recalls: a[base + S_RECALLS],
      dossiers: a[base + S_DOSSIERS],
      serviceTime: sDurations[k] ? timeFigures(sDurations[k]!, g) : averageOnly(a[base + S_DURATION_COUNT], a[base + S_DURATION_SUM]),
      lineWait,
      withinTarget: within,
      serviceLevelPercent: lineWait.count > 0 ? (within / lineWait.count) * 100 : null,
    };
  };
  const serviceFigures = (k: number, g: number): ServiceFigures => {
    const a = sAcc[k];
    const base = g * S_STRIDE;
    const rated = a[base + S_RATED];
    const levels: LevelCount[] = levelScores.map((score, l) => ({
      score,
      label: levelLabels[l],
      count: a[base + S_LEVELS + l],
      percent: rated > 0 ? (a[base + S_LEVELS + l] / rated) * 100 : null,
    }));
    const reasonCounts = reasons.keys
      .map((reason, r) => ({ reason, count: a[base + S_REASONS + r] }))
      .filter((r) => r.count > 0)
      .sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason, 'vi'));
    const outcomeCounts: OutcomeCount[] = [...outcomes.keys, ''].map((id, o) => ({
      id,
      label: id === '' ? UNCLASSIFIED_LABEL : (outcomeName.get(id) ?? id),
      count: a[base + S_OUTCOMES + o],
      dossiers: a[base + S_OUTCOME_DOSSIERS + o],
    }));
    return {
      ...workFigures(k, g),
      // Outcomes nobody configures any more and nobody used are left out.
      outcomes: outcomeCounts.filter((o, i) => i < config.outcomes.length || o.id === '' || o.count > 0),
      ratings: { rated, notRated: a[base + S_FINISHED] - rated, levels, reasons: reasonCounts },
    };
  };
  const timeAt = (k: number, g: number): TimeAtCounter => {
    const p = presence[k];
    const n = pauseReasons.keys.length;
    const pauses = pauseReasons.keys
      .map((reason, r) => ({ reason, seconds: (p.paused[g * n + r] ?? 0) / 1000 }))
      .filter((x) => x.seconds > 0)
      .sort((x, y) => y.seconds - x.seconds || x.reason.localeCompare(y.reason, 'vi'));
    return {
      signedInSeconds: (p.signedIn[g] ?? 0) / 1000,
      servingSeconds: (p.serving[g] ?? 0) / 1000,
      idleSeconds: (p.idle[g] ?? 0) / 1000,
      pausedSeconds: pauses.reduce((sum, x) => sum + x.seconds, 0),
      pauses,
    };
  };

  const serviceName = new Map(config.services.map((s) => [s.id, s.name]));
  const counterName = new Map(config.counters.map((c) => [c.id, c.name]));
  const staffName = new Map(input.staff.map((m) => [m.id, m.name]));
  const nameOfStaff = (id: string) => staffName.get(id) ?? id;
  const pad = (h: number) => String(h).padStart(2, '0');
  const worked = (r: { services: WorkFigures; time: TimeAtCounter }) => r.services.services > 0 || r.time.signedInSeconds > 0;

  const byField: FieldRow[] = fields.keys
    .map((key, g) => ({
      key: String(key),
      name: serviceName.get(String(key)) ?? String(key),
      targetWaitMinutes: targetWaitMinutes(config, String(key)),
      visits: visitFigures(1, g),
      services: serviceFigures(1, g),
    }))
    .filter((r, g) => g < configuredFields || r.visits.visits > 0 || r.services.services > 0);
  const byCounter: CounterRow[] = counters.keys
    .map((key, g) => ({ key: String(key), name: counterName.get(Number(key)) ?? `Quầy ${key}`, services: serviceFigures(2, g), time: timeAt(1, g) }))
    .filter((r, g) => g < configuredCounters || worked(r));
  const byStaff: StaffRow[] = staff.keys
    .map((key, g) => ({ key: String(key), name: nameOfStaff(String(key)), services: serviceFigures(3, g), time: timeAt(2, g) }))
    .filter(worked);
  // By day, then in the officers' order: the officer's group number, held in the row's key,
  // follows the directory, so no comparison of a year's tens of thousands looks a name up.
  // Rows are made for the latest `staffDayRows` only; the earlier ones are counted. An
  // officer worked on a day with a call or time signed in, as `worked` reads a row.
  const workedStaffDays = staffDays.keys
    .map((key, g) => ({ g, officer: Math.floor(key / 0x10000), day: String(days.keys[key % 0x10000]) }))
    .filter(({ g }) => sAcc[6][g * S_STRIDE + S_CALLS] > 0 || (presence[3].signedIn[g] ?? 0) > 0)
    .sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.officer - y.officer));
  const staffDaysLeftOut = Math.max(0, workedStaffDays.length - (input.staffDayRows ?? Infinity));
  const byStaffDay: StaffDayRow[] = workedStaffDays.slice(staffDaysLeftOut).map(({ g, officer, day }) => {
    const id = String(staff.keys[officer]);
    return { key: `${id}|${day}`, name: nameOfStaff(id), day, services: workFigures(6, g), time: timeAt(3, g) };
  });
  const byDay: PeriodRow[] = days.keys.map((key, g) => ({
    key: String(key),
    name: `${viDate(String(key))} (${viWeekday(weekdayOf(String(key)))})`,
    visits: visitFigures(2, g),
    services: serviceFigures(4, g),
  }));
  const byHour: PeriodRow[] = hours.keys
    .map((key, g) => ({ key: String(key), name: `${pad(Number(key))}:00–${pad(Number(key) + 1)}:00`, visits: visitFigures(3, g), services: serviceFigures(5, g) }))
    .filter((r) => r.visits.visits > 0 || r.services.services > 0);

  const report: Report = {
    from: input.from,
    to: input.to,
    centreName: config.centre.name,
    generatedAt: input.now,
    includesToday: input.includesToday,
    daysWithData: summaries.length,
    daysWithoutServices: summaries.filter((s) => s.readFormat === 1).length,
    totals: { visits: visitFigures(0, 0), services: serviceFigures(0, 0), time: timeAt(0, 0) },
    byField,
    byCounter,
    byStaff,
    byStaffDay,
    staffDaysLeftOut,
    byDay,
    byHour,
    ...dossierLines(summaries, input.dossierLines ?? Infinity, { serviceName, counterName, nameOfStaff, outcomeName }),
    sentences: [],
  };
  report.sentences = officialSentences(report);
  return report;
}

const EMPTY_TIMES: TimeFigures = { count: 0, averageSeconds: null, medianSeconds: null, p90Seconds: null };

/** Count and average from running sums, for a breakdown whose times are not sorted. */
function averageOnly(count: number, sumMs: number): TimeFigures {
  return count === 0 ? EMPTY_TIMES : { count, averageSeconds: sumMs / count / 1000, medianSeconds: null, p90Seconds: null };
}

function timeFigures(t: GroupTimes, g: number): TimeFigures {
  const count = t.count[g] ?? 0;
  if (count === 0) return EMPTY_TIMES;
  return { count, averageSeconds: t.sumMs[g] / count / 1000, medianSeconds: t.medianMs[g] / 1000, p90Seconds: t.p90Ms[g] / 1000 };
}

/** Every breakdown's visit counters (groups × V_STRIDE), filled in one pass. */
function countVisits(rowKeys: Uint16Array, groupCounts: readonly number[], slot: Uint8Array, transferred: Uint8Array, priority: Uint8Array): Float64Array[] {
  const width = groupCounts.length;
  const { acc, offsets } = accumulators(groupCounts, V_STRIDE);
  const n = slot.length;
  for (let i = 0; i < n; i++) {
    const row = i * width;
    const s = slot[i];
    const t = transferred[i];
    const p = priority[i];
    for (let k = 1; k < width; k++) {
      const g = rowKeys[row + k];
      if (g === NO_GROUP) continue;
      const base = offsets[k] + g * V_STRIDE;
      acc[base + V_VISITS]++;
      acc[base + s]++;
      acc[base + V_TRANSFERRED] += t;
      acc[base + V_PRIORITY] += p;
    }
  }
  totalFromDays(acc, offsets, groupCounts, V_STRIDE, V_DAY);
  return split(acc, offsets, groupCounts, V_STRIDE);
}

interface ServiceSlots {
  /** Counter slot of how it ended. */
  end: Uint8Array;
  requeued: Uint8Array;
  recalls: Uint8Array;
  /** Outcome index of a finished service, -1 otherwise. */
  outcome: Int32Array;
  dossiers: Uint8Array;
  within: Uint8Array;
  /** Counter slot of the rating level, -1 = not rated. */
  level: Int32Array;
  /** Counter slot of the reason, -1 = none. */
  reason: Int32Array;
}

function countServices(
  rowKeys: Uint16Array,
  groupCounts: readonly number[],
  stride: number,
  at: { outcomes: number; outcomeDossiers: number },
  slots: ServiceSlots,
  durationMs: Int32Array,
  waitMs: Int32Array,
): Float64Array[] {
  const width = groupCounts.length;
  const { acc, offsets } = accumulators(groupCounts, stride);
  const { end, requeued, recalls, outcome, dossiers, within, level, reason } = slots;
  const n = end.length;
  for (let i = 0; i < n; i++) {
    const row = i * width;
    const duration = durationMs[i];
    const wait = waitMs[i];
    const e = end[i];
    const q = requeued[i];
    const r = recalls[i];
    const o = outcome[i];
    const d = dossiers[i];
    const w = within[i];
    const l = level[i];
    const why = reason[i];
    for (let k = 1; k < width; k++) {
      const g = rowKeys[row + k];
      if (g === NO_GROUP) continue;
      const base = offsets[k] + g * stride;
      acc[base + S_CALLS]++;
      acc[base + e]++;
      acc[base + S_REQUEUED] += q;
      acc[base + S_RECALLS] += r;
      acc[base + S_WITHIN] += w;
      if (duration >= 0) {
        acc[base + S_DURATION_COUNT]++;
        acc[base + S_DURATION_SUM] += duration;
      }
      if (wait >= 0) {
        acc[base + S_WAIT_COUNT]++;
        acc[base + S_WAIT_SUM] += wait;
      }
      if (o >= 0) {
        acc[base + at.outcomes + o]++;
        acc[base + at.outcomeDossiers + o] += d;
        acc[base + S_DOSSIERS] += d;
      }
      if (l >= 0) {
        acc[base + S_RATED]++;
        acc[base + l]++;
        if (why >= 0) acc[base + why]++;
      }
    }
  }
  totalFromDays(acc, offsets, groupCounts, stride, S_DAY);
  return split(acc, offsets, groupCounts, stride);
}

/** Grouping 0 (the total, one group) is not counted row by row: every row is on exactly one day, so the days add up to it. */
const V_DAY = 2;
const S_DAY = 4;
function totalFromDays(acc: Float64Array, offsets: Int32Array, groupCounts: readonly number[], stride: number, dayGrouping: number): void {
  const first = offsets[dayGrouping];
  for (let g = 0; g < groupCounts[dayGrouping]; g++) for (let k = 0; k < stride; k++) acc[offsets[0] + k] += acc[first + g * stride + k];
}

function accumulators(groupCounts: readonly number[], stride: number): { acc: Float64Array; offsets: Int32Array } {
  const offsets = new Int32Array(groupCounts.length);
  let groups = 0;
  groupCounts.forEach((count, k) => {
    offsets[k] = groups * stride;
    groups += count;
  });
  return { acc: new Float64Array(groups * stride), offsets };
}

function split(acc: Float64Array, offsets: Int32Array, groupCounts: readonly number[], stride: number): Float64Array[] {
  return groupCounts.map((count, k) => acc.subarray(offsets[k], offsets[k] + count * stride));
}

function emptyPresence(groups: number, reasons: number): Presence {
  return { signedIn: new Float64Array(groups), serving: new Float64Array(groups), idle: new Float64Array(groups), paused: new Float64Array(groups * reasons) };
}

function addPresence(p: Presence, g: number, row: DaySummary['presence'][number], pauseGroup: Int32Array, reasons: number): void {
  p.signedIn[g] += row.signedInMs;
  p.serving[g] += row.servingMs;
  p.idle[g] += row.idleMs;
  for (const [r, ms] of row.paused) p.paused[g * reasons + pauseGroup[r]] += ms;
}

/** Staff in the directory's order, then ids the directory no longer knows. */
function staffOrder(summaries: readonly DaySummary[], directory: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  for (const s of summaries) for (const id of s.staff) seen.add(id);
  const known = directory.map((m) => m.id).filter((id) => seen.has(id));
  const knownSet = new Set(known);
  return [...known, ...[...seen].filter((id) => !knownSet.has(id)).sort()];
}

function dossierLines(
  summaries: readonly DaySummary[],
  atMost: number,
  names: { serviceName: Map<string, string>; counterName: Map<number, string>; nameOfStaff: (id: string) => string; outcomeName: Map<string, string> },
): { dossiers: DossierLine[]; dossiersLeftOut: number } {
  const typed = summaries.reduce((n, s) => n + s.dossierCodes.length, 0);
  const dossiersLeftOut = Math.max(0, typed - atMost);
  let skip = dossiersLeftOut;
  const dossiers: DossierLine[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  for (const s of summaries) {
    if (skip >= s.dossierCodes.length) {
      skip -= s.dossierCodes.length;
      continue;
    }
    const c = s.services;
    for (const [row, code] of s.dossierCodes.slice(skip)) {
      const field = s.fields[c.field[row]];
      const outcome = c.outcome[row] === 0 ? '' : s.outcomes[c.outcome[row] - 1];
      dossiers.push({
        code,
        day: s.day,
        time: `${pad((c.minute[row] / 60) | 0)}:${pad(c.minute[row] % 60)}`,
        counter: names.counterName.get(c.counter[row]) ?? `Quầy ${c.counter[row]}`,
        staff: c.staff[row] === 0 ? '' : names.nameOfStaff(s.staff[c.staff[row] - 1]),
        field: names.serviceName.get(field) ?? field,
        outcome: outcome === '' ? UNCLASSIFIED_LABEL : (names.outcomeName.get(outcome) ?? outcome),
      });
    }
    skip = 0;
  }
  return { dossiers, dossiersLeftOut };
}
