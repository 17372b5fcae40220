// The report's figures against a plain, independent count over the raw journal lines of a
// simulated period that crosses month and quarter boundaries (15/03 starts Q2).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyState, replay, type QueueEvent, type QueueState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { sampleStaff } from '../centre/sample-staff';
import { createReportService } from './report-service';
import type { Figures, Report } from '@protocol/reports';
import { simulatePeriod } from '../simulator/simulate';

const FROM = '2026-03-01';
const TO = '2026-04-20';
const TODAY = '2026-04-20';
const TZ_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh, no daylight saving

interface Tally {
  field: string;
  day: string;
  hour: number;
  issuedAt: number;
  priority: boolean;
  firstCall?: number;
  lastCall?: number;
  counter?: number;
  staff?: string;
  end: 'waiting' | 'serving' | 'done' | 'absent';
  finishedAt?: number;
  transferred: boolean;
  score?: number;
  reason?: string;
}

/** Reads every journal line and follows each ticket by hand, without the protocol's reducer. */
async function tallyJournals(dataDir: string): Promise<Tally[]> {
  const tickets: Tally[] = [];
  for (const name of (await readdir(join(dataDir, 'journal'))).sort()) {
    const day = name.slice(0, 10);
    if (day < FROM || day > TO) continue;
    const byId = new Map<string, Tally>();
    const lines = (await readFile(join(dataDir, 'journal', name), 'utf8')).split('\n').filter(Boolean);
    for (const line of lines) {
      const e = JSON.parse(line);
      const t = byId.get(e.ticketId ?? e.ticket?.id);
      if (e.type === 'ticket.issued') {
        const hour = new Date(e.at + TZ_OFFSET_MS).getUTCHours();
        const fresh: Tally = { field: e.ticket.serviceId, day, hour, issuedAt: e.at, priority: e.ticket.priority, end: 'waiting', transferred: false };
        byId.set(e.ticket.id, fresh);
        tickets.push(fresh);
      } else if (e.type === 'ticket.called') {
        t!.firstCall ??= e.at;
        t!.lastCall = e.at;
        t!.counter = e.counterId;
        t!.staff = e.staffId;
        t!.end = 'serving';
      } else if (e.type === 'ticket.no-show') {
        t!.end = e.requeue ? 'waiting' : 'absent';
      } else if (e.type === 'ticket.transferred') {
        t!.field = e.toServiceId;
        t!.transferred = true;
        t!.end = 'waiting';
      } else if (e.type === 'ticket.finished') {
        t!.end = 'done';
        t!.finishedAt = e.at;
      } else if (e.type === 'ticket.rated') {
        t!.score = e.score;
        t!.reason = e.reason;
      }
    }
  }
  return tickets;
}

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

function expectFigures(actual: Figures, tickets: Tally[]): void {
  const served = tickets.filter((t) => t.end === 'done');
  const waits = tickets.filter((t) => t.firstCall !== undefined).map((t) => (t.firstCall! - t.issuedAt) / 1000);
  const services = served.map((t) => (t.finishedAt! - t.lastCall!) / 1000);
  const rated = tickets.filter((t) => t.score !== undefined);
  expect(actual.visits).toBe(tickets.length);
  expect(actual.served).toBe(served.length);
  expect(actual.noShows).toBe(tickets.filter((t) => t.end === 'absent').length);
  expect(actual.unserved + actual.serving).toBe(tickets.filter((t) => t.end === 'waiting' || t.end === 'serving').length);
  expect(actual.transferred).toBe(tickets.filter((t) => t.transferred).length);
  expect(actual.priority).toBe(tickets.filter((t) => t.priority).length);
  expect(actual.wait.count).toBe(waits.length);
  expect(actual.wait.medianSeconds).toBe(median(waits));
  expect(actual.wait.p90Seconds).toBe(p90(waits));
  if (waits.length > 0) expect(actual.wait.averageSeconds).toBeCloseTo(waits.reduce((a, b) => a + b, 0) / waits.length, 6);
  expect(actual.service.medianSeconds).toBe(median(services));
  expect(actual.service.p90Seconds).toBe(p90(services));
  expect(actual.ratings.rated).toBe(rated.length);
  expect(actual.ratings.notRated).toBe(served.length - rated.length);
  for (const level of actual.ratings.levels) {
    const count = rated.filter((t) => t.score === level.score).length;
    expect(level.count, level.label).toBe(count);
    if (rated.length > 0) expect(level.percent).toBeCloseTo((100 * count) / rated.length, 9);
  }
  const reasons = new Map<string, number>();
  for (const t of rated) if (t.reason) reasons.set(t.reason, (reasons.get(t.reason) ?? 0) + 1);
  expect(Object.fromEntries(actual.ratings.reasons.map((r) => [r.reason, r.count]))).toEqual(Object.fromEntries(reasons));
}

function groupBy<K>(tickets: Tally[], key: (t: Tally) => K | undefined): Map<K, Tally[]> {
  const out = new Map<K, Tally[]>();
  for (const t of tickets) {
    const k = key(t);
    if (k === undefined) continue;
    out.set(k, [...(out.get(k) ?? []), t]);
  }
  return out;
}

describe('report figures over a simulated period', () => {
  let dataDir: string;
  let tickets: Tally[];
  let report: Report;
  let todayState: QueueState;
  const staff = sampleStaff.map((s) => ({ id: s.username, name: s.name }));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-report-figures-'));
    await simulatePeriod({ dataDir, from: FROM, to: TO, visits: 900, seed: 11 });
    const todayEvents = (await readFile(join(dataDir, 'journal', `${TODAY}.jsonl`), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as QueueEvent);
    todayState = replay(TODAY, todayEvents);
    const service = createReportService({ dataDir, getConfig: () => sampleCentre, getStaff: () => staff, getToday: () => ({ state: todayState }) });
    report = await service.report(FROM, TO);
    tickets = await tallyJournals(dataDir);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts the same totals, times and ratings as a plain tally of the journals', () => {
    expect(tickets.length).toBe(900);
    expect(report.includesToday).toBe(true);
    expectFigures(report.totals, tickets);
  });

  it('gives each field, counter, staff member, day and hour the figures of its own tickets', () => {
    const checks: [Report['byField'], Map<string, Tally[]>][] = [
      [report.byField, groupBy(tickets, (t) => t.field)],
      [report.byCounter, groupBy(tickets, (t) => (t.counter === undefined ? undefined : String(t.counter)))],
      [report.byStaff, groupBy(tickets, (t) => t.staff)],
      [report.byDay, groupBy(tickets, (t) => t.day)],
      [report.byHour, groupBy(tickets, (t) => String(t.hour))],
    ];
    for (const [rows, groups] of checks) {
      expect(rows.filter((r) => r.visits > 0).map((r) => r.key).sort()).toEqual([...groups.keys()].sort());
      for (const row of rows) expectFigures(row, groups.get(row.key) ?? []);
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
    const service = createReportService({ dataDir, getConfig: () => sampleCentre, getStaff: () => staff, getToday: () => ({ state: emptyState('2026-05-01') }) });
    const q1End = await service.report(FROM, '2026-03-14');
    const q2Start = await service.report('2026-03-15', TO);
    expect(q1End.totals.visits).toBe(tickets.filter((t) => t.day <= '2026-03-14').length);
    expect(q1End.totals.visits + q2Start.totals.visits).toBe(report.totals.visits);
    expect(q1End.totals.ratings.rated + q2Start.totals.ratings.rated).toBe(report.totals.ratings.rated);
    expect(q2Start.includesToday).toBe(false);
  });

  it('writes the official sentences with Vietnamese number formatting', () => {
    const rated = report.totals.ratings;
    const best = rated.levels[0];
    expect(report.sentences).toContain(`Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: ${tickets.length}`);
    expect(report.sentences).toContain(`Tổng số lượt đánh giá: ${rated.rated}`);
    const percent = (Math.round(best.percent! * 10) / 10).toString().replace('.', ',');
    expect(report.sentences).toContain(`Rất hài lòng: ${best.count} (${percent}%)`);
  });
});

describe('official sentences', () => {
  it('separates thousands with dots', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-report-sentences-'));
    try {
      await simulatePeriod({ dataDir, from: '2026-01-15', to: '2026-01-20', visits: 2150, seed: 3 });
      const service = createReportService({ dataDir, getConfig: () => sampleCentre, getStaff: () => [], getToday: () => ({ state: emptyState('2026-02-01') }) });
      const report = await service.report('2026-01-15', '2026-01-20');
      expect(report.sentences).toContain('Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: 2.150');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
