// The report's figures against the simulator's own count (its ledger, written as it acted,
// never read back from the journal) over a simulated period that crosses month and quarter
// boundaries (15/03 starts Q2), today's live day included.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetWaitMinutes } from '@protocol/target-wait';
import { emptyState, replay, type QueueEvent, type QueueState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { sampleStaff } from '../centre/sample-staff';
import { reportTable } from '@protocol/report-tables';
import { buildReport, DOSSIER_LINES_ON_SCREEN, STAFF_DAY_ROWS_ON_SCREEN, type ReportInput } from './build-report';
import { createReportService, type ReportService } from './report-service';
import type { Report, ServiceFigures, TimeAtCounter, TimeFigures, VisitFigures, WorkFigures } from '@protocol/reports';
import { simulatePeriod } from '../simulator/simulate';
import type { LedgerService, LedgerTime, LedgerVisit, SimulationLedger } from '../simulator/simulation-ledger';

const FROM = '2026-03-01';
const TO = '2026-04-20';
const TODAY = '2026-04-20';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  return Number.isInteger(mid) ? (s[mid - 1] + s[mid]) / 2 : s[Math.floor(mid)];
}

function p90(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(s.length * 0.9) - 1];
}

/** sorted: the breakdown shows medians and percentiles (otherwise counts and averages only). */
function expectTimes(actual: TimeFigures, secondsList: number[], what: string, sorted = true): void {
  expect(actual.count, what).toBe(secondsList.length);
  expect(actual.medianSeconds, what).toBe(sorted ? median(secondsList) : null);
  expect(actual.p90Seconds, what).toBe(sorted ? p90(secondsList) : null);
  if (secondsList.length > 0) expect(actual.averageSeconds!, what).toBeCloseTo(secondsList.reduce((a, b) => a + b, 0) / secondsList.length, 6);
}

function expectVisits(actual: VisitFigures, visits: LedgerVisit[], what: string): void {
  expect(actual.visits, what).toBe(visits.length);
  expect(actual.served, what).toBe(visits.filter((v) => v.end === 'served').length);
  expect(actual.absent, what).toBe(visits.filter((v) => v.end === 'absent').length);
  expect(actual.unserved + actual.serving, what).toBe(visits.filter((v) => v.end === 'unserved').length);
  expect(actual.transferred, what).toBe(visits.filter((v) => v.transfers > 0).length);
  expect(actual.priority, what).toBe(visits.filter((v) => v.priority).length);
  expectTimes(actual.wait, visits.filter((v) => v.firstCallAt !== undefined).map((v) => (v.firstCallAt! - v.issuedAt) / 1000), `${what} wait`);
}

/** Which times a breakdown sorts for medians: service time by field, counter, officer (and per day), line waits by field. */
interface Sorted {
  serviceTime: boolean;
  lineWait: boolean;
}

function expectWork(actual: WorkFigures, services: LedgerService[], what: string, sorted: Sorted): void {
  const finished = services.filter((s) => s.end === 'finished');
  expect(actual.services, what).toBe(services.length);
  expect(actual.finished, what).toBe(finished.length);
  expect(actual.transfers, what).toBe(services.filter((s) => s.end === 'transferred').length);
  expect(actual.absences, what).toBe(services.filter((s) => s.end === 'absent' || s.end === 'requeued').length);
  expect(actual.requeued, what).toBe(services.filter((s) => s.end === 'requeued').length);
  expect(actual.recalls, what).toBe(services.reduce((n, s) => n + s.recalls, 0));
  expect(actual.dossiers, what).toBe(finished.reduce((n, s) => n + s.dossierCodes.length, 0));
  const timed = services.filter((s) => s.end === 'finished' || s.end === 'transferred');
  expectTimes(actual.serviceTime, timed.map((s) => (s.endedAt! - s.calledAt) / 1000), `${what} service time`, sorted.serviceTime);
  const waited = services.filter((s) => s.lineWaitMs !== undefined);
  expectTimes(actual.lineWait, waited.map((s) => s.lineWaitMs! / 1000), `${what} line wait`, sorted.lineWait);
  expect(actual.withinTarget, what).toBe(waited.filter((s) => s.lineWaitMs! <= targetWaitMinutes(sampleCentre, s.field) * 60_000).length);
}

function expectServices(actual: ServiceFigures, services: LedgerService[], what: string, sorted: Sorted = { serviceTime: true, lineWait: true }): void {
  expectWork(actual, services, what, sorted);
  const finished = services.filter((s) => s.end === 'finished');
  for (const o of actual.outcomes) expect(o.count, `${what} ${o.label}`).toBe(finished.filter((s) => (s.outcome ?? '') === o.id).length);
  const rated = finished.filter((s) => s.score !== undefined);
  expect(actual.ratings.rated, what).toBe(rated.length);
  expect(actual.ratings.notRated, what).toBe(finished.length - rated.length);
  for (const level of actual.ratings.levels) expect(level.count, `${what} ${level.label}`).toBe(rated.filter((s) => s.score === level.score).length);
  const reasons = new Map<string, number>();
  for (const s of rated) if (s.reason) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  expect(Object.fromEntries(actual.ratings.reasons.map((r) => [r.reason, r.count])), what).toEqual(Object.fromEntries(reasons));
}

function expectTime(actual: TimeAtCounter, entries: LedgerTime[], what: string): void {
  const sum = (f: (t: LedgerTime) => number) => entries.reduce((n, t) => n + f(t), 0) / 1000;
  expect(actual.signedInSeconds, what).toBeCloseTo(sum((t) => t.signedInMs), 6);
  expect(actual.servingSeconds, what).toBeCloseTo(sum((t) => t.servingMs), 6);
  expect(actual.idleSeconds, what).toBeCloseTo(sum((t) => t.idleMs), 6);
  expect(actual.pausedSeconds, what).toBeCloseTo(sum((t) => Object.values(t.pausedMs).reduce((a, b) => a + b, 0)), 6);
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

describe('report figures over a simulated period, against the simulator’s own count', () => {
  let dataDir: string;
  let ledger: SimulationLedger;
  let report: Report;
  let todayState: QueueState;
  const staff = sampleStaff.map((s) => ({ id: s.username, name: s.name }));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-report-figures-'));
    ({ ledger } = await simulatePeriod({ dataDir, from: FROM, to: TO, visits: 1200, seed: 11 }));
    const todayEvents = (await readFile(join(dataDir, 'journal', `${TODAY}.jsonl`), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as QueueEvent);
    todayState = replay(TODAY, todayEvents);
    const service = createReportService({
      dataDir,
      getConfig: () => sampleCentre,
      getStaff: () => staff,
      getToday: () => ({ state: todayState, events: todayEvents }),
      clock: () => todayEvents.at(-1)!.at,
    });
    report = await service.report(FROM, TO);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts the same visits, services, times, outcomes and ratings as the simulator', () => {
    expect(ledger.visits.length).toBe(1200);
    expect(report.includesToday).toBe(true);
    expectVisits(report.totals.visits, ledger.visits, 'totals');
    expectServices(report.totals.services, ledger.services, 'totals');
    expectTime(report.totals.time, ledger.time, 'totals');
    // The simulation did every kind of thing the rules count.
    const s = report.totals.services;
    expect(Math.min(s.transfers, s.absences, s.requeued, s.recalls, s.dossiers, report.totals.visits.absent)).toBeGreaterThan(0);
  });

  it('gives each field, counter, officer, day and hour its own visits and services', () => {
    for (const row of report.byField) {
      expectVisits(row.visits, ledger.visits.filter((v) => v.field === row.key), `field ${row.key}`);
      expectServices(row.services, ledger.services.filter((s) => s.field === row.key), `field ${row.key}`);
    }
    const counters = groupBy(ledger.services, (s) => String(s.counter));
    expect(report.byCounter.filter((r) => r.services.services > 0).map((r) => r.key).sort()).toEqual([...counters.keys()].sort());
    for (const row of report.byCounter) {
      expectServices(row.services, counters.get(row.key) ?? [], `counter ${row.key}`, { serviceTime: true, lineWait: false });
      expectTime(row.time, ledger.time.filter((t) => String(t.counter) === row.key), `counter ${row.key}`);
    }
    for (const row of report.byStaff) {
      expectServices(row.services, ledger.services.filter((s) => s.staff === row.key), `staff ${row.key}`, { serviceTime: true, lineWait: false });
      expectTime(row.time, ledger.time.filter((t) => t.staff === row.key), `staff ${row.key}`);
    }
    for (const row of report.byStaffDay) {
      const [id, day] = row.key.split('|');
      expectWork(row.services, ledger.services.filter((s) => s.staff === id && s.day === day), `staff ${row.key}`, { serviceTime: true, lineWait: false });
      // An officer's day carries the work, not outcomes or ratings (the officer's period row has them).
      expect(Object.keys(row.services)).not.toContain('outcomes');
      expect(Object.keys(row.services)).not.toContain('ratings');
      expectTime(row.time, ledger.time.filter((t) => t.staff === id && t.day === day), `staff ${row.key}`);
    }
    // Every officer-day the simulator counted has its row.
    expect(report.byStaffDay.map((r) => r.key).sort()).toEqual([...new Set(ledger.time.map((t) => `${t.staff}|${t.day}`))].sort());
    for (const row of report.byDay) {
      expectVisits(row.visits, ledger.visits.filter((v) => v.day === row.key), `day ${row.key}`);
      expectServices(row.services, ledger.services.filter((s) => s.day === row.key), `day ${row.key}`, { serviceTime: false, lineWait: false });
    }
    for (const row of report.byHour) {
      expectVisits(row.visits, ledger.visits.filter((v) => String(v.hour) === row.key), `hour ${row.key}`);
      expectServices(row.services, ledger.services.filter((s) => String(s.hour) === row.key), `hour ${row.key}`, { serviceTime: false, lineWait: false });
    }
  });

  it('lists every dossier code the simulator typed', () => {
    const typed = ledger.services.flatMap((s) => s.dossierCodes).sort();
    expect(report.dossiers.map((d) => d.code).sort()).toEqual(typed);
  });

  /** A simulated period in a folder of its own: its service and the input buildReport takes over all its days. */
  async function onSimulated(
    period: { prefix: string; from: string; to: string; visits: number; seed: number },
    check: (service: ReportService, input: ReportInput) => Promise<void>,
  ) {
    const { prefix, from, to, visits, seed } = period;
    const ownDir = await mkdtemp(join(tmpdir(), prefix));
    try {
      await simulatePeriod({ dataDir: ownDir, from, to, visits, seed });
      const service = createReportService({ dataDir: ownDir, getConfig: () => sampleCentre, getStaff: () => staff, getToday: () => ({ state: emptyState('2026-05-01'), events: [] }) });
      const summaries = await service.closedSummaries((await service.closedDays()).map((d) => d.day));
      await check(service, { from, to, summaries, config: sampleCentre, staff, now: 0, includesToday: false });
    } finally {
      await rm(ownDir, { recursive: true, force: true });
    }
  }

  it('lists on screen the period’s latest dossier codes only, and counts them all', () =>
    // A busier period than the one above: more codes typed than a screen lists.
    onSimulated({ prefix: 'qms-report-dossiers-', from: FROM, to: TO, visits: 2400, seed: 12 }, async (service, input) => {
      const all = buildReport(input);
      expect(all.dossiers.length).toBeGreaterThan(DOSSIER_LINES_ON_SCREEN);
      expect(all.dossiersLeftOut).toBe(0);
      const latest = buildReport({ ...input, dossierLines: 10 });
      expect(latest.dossiers).toEqual(all.dossiers.slice(-10));
      expect(latest.dossiersLeftOut).toBe(all.dossiers.length - 10);
      expect(reportTable(latest, 'dossier').totalRow[0]).toBe(`Tổng cộng: ${all.dossiers.length} mã`);
      // What the manager's screen gets (the HTTP answer) and what a file gets.
      const answer = JSON.parse(Buffer.from((await service.reportJson(FROM, TO)).bytes).toString('utf8')) as Report;
      expect(answer.dossiers).toEqual(all.dossiers.slice(-DOSSIER_LINES_ON_SCREEN));
      expect(answer.dossiersLeftOut).toBe(all.dossiers.length - DOSSIER_LINES_ON_SCREEN);
      const csv = await service.csv(FROM, TO, 'dossier');
      expect(csv.trim().split('\r\n')).toHaveLength(1 + all.dossiers.length + 1);
    }));

  it('lists on screen the period’s latest officer-days only, and the files every one', () =>
    // Three months and more of nine officers: more officer-days than a screen lists.
    onSimulated({ prefix: 'qms-report-staff-days-', from: '2026-01-05', to: '2026-04-17', visits: 1500, seed: 13 }, async (service, input) => {
      const all = buildReport(input);
      expect(all.byStaffDay.length).toBeGreaterThan(STAFF_DAY_ROWS_ON_SCREEN);
      expect(all.staffDaysLeftOut).toBe(0);
      const latest = buildReport({ ...input, staffDayRows: 10 });
      expect(latest.byStaffDay).toEqual(all.byStaffDay.slice(-10));
      expect(latest.staffDaysLeftOut).toBe(all.byStaffDay.length - 10);
      // Only the list is cut: every figure still counts the whole period.
      expect({ ...latest, byStaffDay: [], staffDaysLeftOut: 0 }).toEqual({ ...all, byStaffDay: [] });
      const answer = JSON.parse(Buffer.from((await service.reportJson(input.from, input.to)).bytes).toString('utf8')) as Report;
      expect(answer.byStaffDay).toEqual(all.byStaffDay.slice(-STAFF_DAY_ROWS_ON_SCREEN));
      expect(answer.staffDaysLeftOut).toBe(all.byStaffDay.length - STAFF_DAY_ROWS_ON_SCREEN);
      const csv = await service.csv(input.from, input.to, 'staff-day');
      expect(csv.trim().split('\r\n')).toHaveLength(1 + all.byStaffDay.length + 1);
    }));

  it('sends a closed period’s answer again until a day closes, the data folder is reloaded, or the configuration or the staff change', async () => {
    const ownDir = await mkdtemp(join(tmpdir(), 'qms-report-answers-'));
    try {
      await simulatePeriod({ dataDir: ownDir, from: '2026-03-02', to: '2026-03-13', visits: 300, seed: 4 });
      let config = sampleCentre;
      let directory = staff;
      const service = createReportService({ dataDir: ownDir, getConfig: () => config, getStaff: () => directory, getToday: () => ({ state: emptyState('2026-03-16'), events: [] }) });
      const read = async (to: string) => (await service.reportJson('2026-03-02', to)) as { bytes: Uint8Array; etag: string };
      const parsed = (answer: { bytes: Uint8Array }) => JSON.parse(Buffer.from(answer.bytes).toString('utf8')) as Report;
      const first = await read('2026-03-13');
      expect(await read('2026-03-13')).toBe(first);
      const shorter = await read('2026-03-06');
      expect(shorter).not.toBe(first);
      expect(await read('2026-03-13')).toBe(first);

      directory = staff.map((m) => (m.id === 'canbo1' ? { ...m, name: 'Trần Văn Mới' } : m));
      const renamed = await read('2026-03-13');
      expect(renamed).not.toBe(first);
      expect(parsed(renamed).byStaff.find((r) => r.key === 'canbo1')?.name).toBe('Trần Văn Mới');
      expect(await read('2026-03-13')).toBe(renamed);

      config = { ...sampleCentre, centre: { ...sampleCentre.centre, name: 'Trung tâm mới' } };
      const retitled = await read('2026-03-13');
      expect(parsed(retitled).centreName).toBe('Trung tâm mới');

      await service.reload();
      const reloaded = await read('2026-03-13');
      expect(reloaded).not.toBe(retitled);
      await service.closeDay('2026-03-14', []);
      expect(await read('2026-03-13')).not.toBe(reloaded);

      // A period that reaches today is built afresh each time: today's figures still change.
      const onItsLastDay = createReportService({ dataDir: ownDir, getConfig: () => config, getStaff: () => directory, getToday: () => ({ state: emptyState('2026-03-13'), events: [] }) });
      const once = await onItsLastDay.reportJson('2026-03-02', '2026-03-13');
      expect(await onItsLastDay.reportJson('2026-03-02', '2026-03-13')).not.toBe(once);
    } finally {
      await rm(ownDir, { recursive: true, force: true });
    }
  });

  it('names rows from the config and the staff directory', () => {
    expect(report.byField.find((r) => r.key === 'dat-dai')?.name).toBe('Đất đai');
    expect(report.byCounter.find((r) => r.key === '4')?.name).toBe('Quầy 4 – Đất đai – Xây dựng');
    expect(report.byStaff.find((r) => r.key === 'canbo1')?.name).toBe('Nguyễn Thị Lan');
    expect(report.byDay.find((r) => r.key === '2026-03-16')?.name).toBe('16/03/2026 (Thứ Hai)');
    expect(report.byHour.find((r) => r.key === '8')?.name).toBe('08:00–09:00');
  });

  it('adds up across the 14/15 March quarter boundary: the two halves make the whole', async () => {
    const service = createReportService({
      dataDir,
      getConfig: () => sampleCentre,
      getStaff: () => staff,
      getToday: () => ({ state: emptyState('2026-05-01'), events: [] }),
    });
    const q1End = await service.report(FROM, '2026-03-14');
    const q2Start = await service.report('2026-03-15', TO);
    expect(q1End.totals.visits.visits).toBe(ledger.visits.filter((v) => v.day <= '2026-03-14').length);
    expect(q1End.totals.visits.visits + q2Start.totals.visits.visits).toBe(report.totals.visits.visits);
    expect(q1End.totals.services.services + q2Start.totals.services.services).toBe(report.totals.services.services);
    expect(q1End.totals.services.ratings.rated + q2Start.totals.services.ratings.rated).toBe(report.totals.services.ratings.rated);
    expect(q2Start.includesToday).toBe(false);
  });

  it('writes the official sentences with Vietnamese number formatting', () => {
    const rated = report.totals.services.ratings;
    const best = rated.levels[0];
    const text = report.sentences.join('\n');
    expect(text).toContain(`Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: ${new Intl.NumberFormat('vi-VN').format(ledger.visits.length)} lượt`);
    expect(text).toContain(`Tổng số lượt đánh giá: ${rated.rated};`);
    const percent = (Math.round(best.percent! * 10) / 10).toString().replace('.', ',');
    expect(text).toContain(`Rất hài lòng: ${best.count} lượt (${percent}%)`);
  });
});

describe('official sentences', () => {
  it('separates thousands with dots', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-report-sentences-'));
    try {
      await simulatePeriod({ dataDir, from: '2026-01-15', to: '2026-01-20', visits: 2150, seed: 3 });
      const service = createReportService({ dataDir, getConfig: () => sampleCentre, getStaff: () => [], getToday: () => ({ state: emptyState('2026-02-01'), events: [] }) });
      const report = await service.report('2026-01-15', '2026-01-20');
      expect(report.sentences.join('\n')).toContain('Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: 2.150 lượt');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
