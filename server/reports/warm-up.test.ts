import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCentre } from '@protocol/sample-centre';
import { simulatePeriod, type SimulationResult } from '../simulator/simulate';
import { SummaryStore } from './summary-store';
import { warmUp, WARM_UP_BUILDS, WARM_UP_DAYS } from './warm-up';

const ROWS = Math.max(...WARM_UP_BUILDS);

const request = (from: string, to: string, today: string, rows = ROWS) => ({ from, to, today, rows, config: sampleCentre, staff: [], now: Date.parse('2026-03-16T09:00:00+07:00'), todaySummary: null });

describe('the warm-up builds over the latest closed days', () => {
  let dataDir: string;
  let sim: SimulationResult;
  let small: SimulationResult;
  let store: SummaryStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-warm-up-'));
    // About 2 rows (a visit and its service) per ticket: more rows than one warm-up takes.
    sim = await simulatePeriod({ dataDir, from: '2026-01-05', to: '2026-03-13', visits: 25_000, seed: 7 });
    // A small centre's summer: a few tickets a day, more days than a warm-up looks back at.
    small = await simulatePeriod({ dataDir, from: '2025-06-02', to: '2025-08-29', visits: 600, seed: 8 });
    store = new SummaryStore({ dataDir, timeZone: () => sampleCentre.centre.timeZone });
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const rowsFrom = async (from: string, to: string) => (await store.summaries(await store.daysWithData(from, to))).reduce((n, s) => n + s.visitCount + s.serviceCount, 0);

  it.each([...new Set(WARM_UP_BUILDS)])('takes the latest days up to its %i rows, the queue’s day left out', async (rows) => {
    const days = sim.days.map((d) => d.day);
    const built = await warmUp(store, request('2024-12-15', '2026-03-15', days.at(-1)!, rows));
    expect(built).not.toBeNull();
    // The queue's day (the last simulated) is not closed: the day before it ends the build.
    expect(built!.to).toBe(days.at(-2));
    expect(built!.rows).toBe(await rowsFrom(built!.from, built!.to));
    expect(built!.rows).toBeGreaterThanOrEqual(rows);
    // The day before its first would not have been needed: one day fewer falls short.
    const second = days[days.indexOf(built!.from) + 1];
    expect(await rowsFrom(second, built!.to)).toBeLessThan(rows);
    expect(days.indexOf(built!.from)).toBeGreaterThan(0);
  });

  it('looks back no further than its days where the rows are few', async () => {
    const days = small.days.map((d) => d.day);
    const built = await warmUp(store, request('2025-01-01', '2025-12-31', ''));
    expect(days.length).toBeGreaterThan(WARM_UP_DAYS);
    expect(built).toEqual({ from: days.at(-WARM_UP_DAYS), to: days.at(-1), rows: await rowsFrom(days.at(-WARM_UP_DAYS)!, days.at(-1)!) });
    expect(built!.rows).toBeLessThan(ROWS);
  });

  it('builds over every day of a short period, and over nothing without days', async () => {
    const built = await warmUp(store, request('2026-01-05', '2026-01-09', ''));
    expect(built).toEqual({ from: sim.days[0].day, to: '2026-01-09', rows: await rowsFrom('2026-01-05', '2026-01-09') });
    expect(await warmUp(store, request('2024-01-01', '2024-12-31', ''))).toBeNull();
  });
});
