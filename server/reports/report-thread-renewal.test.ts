import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { simulatePeriod } from '../simulator/simulate';
import { IDLE_MS, renewReportThread, whenReportThreadRenewed } from './report-pool';
import { createReportService, type ReportService, type ReportServiceDeps, type RenewedThread } from './report-service';
import { rowsOf } from './summary-store';
import { WARM_UP_BUILDS } from './warm-up';

// Today 16/03/2026 for each service here.
const services: ReportService[] = [];
const serviceOn = (dataDir: string, more: Partial<ReportServiceDeps> = {}) => {
  const service = createReportService({ dataDir, getConfig: () => sampleCentre, getStaff: () => [], getToday: () => ({ state: emptyState('2026-03-16'), events: [] }), ...more });
  services.push(service);
  return service;
};
const dirs: string[] = [];
const folder = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qms-renewal-'));
  dirs.push(dir);
  return dir;
};
const summarised = async (dataDir: string) => (await readdir(join(dataDir, 'summaries')).catch(() => [] as string[])).map((f) => f.slice(0, 10)).sort();

afterEach(async () => {
  vi.useRealTimers();
  for (const s of services.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('the reports’ thread renewed after a minute idle (report-pool.ts)', () => {
  it('is prepared by the service: its code compiled and the reporting years read, which answer with their files gone', async () => {
    const dataDir = await folder();
    const sim = await simulatePeriod({ dataDir, from: '2026-02-02', to: '2026-03-13', visits: 300, seed: 11 });
    const service = serviceOn(dataDir);
    // The old thread was warm and had read every day: the new one has neither.
    await service.prepare();
    await service.report('2026-02-02', '2026-02-27');
    const [prepared] = (await renewReportThread()) as RenewedThread[];
    expect(prepared).toEqual({ builds: WARM_UP_BUILDS.length, rowsHeld: expect.any(Number), everyDay: true });
    expect(prepared.rowsHeld).toBeGreaterThan(sim.tickets);
    await rm(join(dataDir, 'summaries'), { recursive: true });
    await rm(join(dataDir, 'journal'), { recursive: true });
    expect((await service.report('2026-02-02', '2026-03-13')).totals.visits.visits).toBe(sim.tickets);
    // Nothing is left to read or compile for a sign-in or a start.
    await service.prepare();
    expect(await summarised(dataDir)).toEqual([]);
    expect(await service.warmUp()).toBe(0);
  });

  it('reads the latest months first and stops at its bound; a sign-in then reads the rest', async () => {
    const dataDir = await folder();
    const early = await simulatePeriod({ dataDir, from: '2025-01-20', to: '2025-01-24', visits: 50, seed: 12 });
    const latest = await simulatePeriod({ dataDir, from: '2026-01-05', to: '2026-03-13', visits: 500, seed: 12 });
    // The bound: this year's rows, more than the warm-up's latest 31 days hold (warm-up.ts).
    const counting = serviceOn(dataDir);
    const thisYear = await counting.closedSummaries(latest.days.map((d) => d.day));
    await counting.close();
    const service = serviceOn(dataDir, { keptRows: thisYear.reduce((n, d) => n + rowsOf(d), 0) });
    await service.report('2026-02-02', '2026-02-27');
    await rm(join(dataDir, 'summaries'), { recursive: true });
    const [prepared] = (await renewReportThread()) as RenewedThread[];
    expect(prepared).toMatchObject({ builds: WARM_UP_BUILDS.length, everyDay: false });
    expect(await summarised(dataDir)).toEqual(latest.days.map((d) => d.day));
    await service.prepare();
    expect(await summarised(dataDir)).toEqual([...early.days, ...latest.days].map((d) => d.day));
  });

  it('is not renewed while a task runs, and a closed service prepares nothing', async () => {
    const dataDir = await folder();
    await simulatePeriod({ dataDir, from: '2026-03-02', to: '2026-03-13', visits: 100, seed: 13 });
    const service = serviceOn(dataDir);
    const report = service.report('2026-03-02', '2026-03-13');
    expect(await renewReportThread()).toBeNull();
    await report;
    await service.close();
    expect(await renewReportThread()).toEqual([]);
  });

  it('never fails: a folder it cannot read is logged, and each report reads what it needs', async () => {
    const notAFolder = join(await folder(), 'a-file');
    await writeFile(notAFolder, '');
    const warnings: string[] = [];
    const service = serviceOn(notAFolder, { logger: { warn: (_details, message) => void warnings.push(message) } });
    await expect(service.report('2026-03-02', '2026-03-13')).rejects.toThrow(/ENOTDIR/);
    expect(await renewReportThread()).toEqual([{ builds: 0, rowsHeld: 0, everyDay: false }]);
    expect(warnings).toEqual([expect.stringMatching(/preparing the new reports’ thread failed/)]);
  });

  it('comes a minute after a task that may leave memory there, not after a new thread’s preparation', async () => {
    const dataDir = await folder();
    await simulatePeriod({ dataDir, from: '2026-03-02', to: '2026-03-13', visits: 100, seed: 14 });
    const service = serviceOn(dataDir);
    // A renewal ends its old thread and prepares the new one in real time, after the timer.
    const { setTimeout: realTimeout } = globalThis;
    const settle = () => new Promise((r) => realTimeout(r, 500));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let renewals = 0;
    const stop = whenReportThreadRenewed(async () => void renewals++);
    try {
      // The warm-up's builds are meant to stay: no renewal follows them.
      expect(await service.warmUp()).toBe(WARM_UP_BUILDS.length);
      await vi.advanceTimersByTimeAsync(IDLE_MS * 2);
      await settle();
      expect(renewals).toBe(0);
      await service.report('2026-03-02', '2026-03-13');
      await vi.advanceTimersByTimeAsync(IDLE_MS - 100);
      // A report within the minute puts it off.
      await service.report('2026-03-02', '2026-03-12');
      await vi.advanceTimersByTimeAsync(IDLE_MS - 100);
      await settle();
      expect(renewals).toBe(0);
      await vi.advanceTimersByTimeAsync(100);
      await settle();
      expect(renewals).toBe(1);
      // The service's preparation of the new thread ran its tasks; none calls for another.
      await settle();
      expect(await service.warmUp()).toBe(0);
      await vi.advanceTimersByTimeAsync(IDLE_MS * 2);
      await settle();
      expect(renewals).toBe(1);
    } finally {
      stop();
    }
  });
});
