import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { simulatePeriod } from '../simulator/simulate';
import { readAheadPlan } from './read-ahead';
import { ForegroundWork } from '../foreground-work';
import { createReportService, type ReportServiceDeps } from './report-service';
import { WARM_UP_BUILDS, WARM_UP_DAYS } from './warm-up';

describe('what the reports thread reads before a manager asks', () => {
  it('covers the last reporting year and this one up to yesterday, a reporting month per range', () => {
    const plan = readAheadPlan('2026-12-02');
    expect(plan.months[0]).toEqual({ from: '2024-12-15', to: '2025-01-14' });
    expect(plan.months).toHaveLength(24);
    expect(plan.months.at(-1)).toEqual({ from: '2026-11-15', to: '2026-12-01' });
    // Each range starts the day after the one before ends: no day read twice, none left out.
    for (let i = 1; i < plan.months.length; i++) expect(plan.months[i].from > plan.months[i - 1].to).toBe(true);
    expect(plan.lastMonth).toEqual({ from: '2026-10-15', to: '2026-11-14' });
  });

  it('moves to the next reporting year on 15 December', () => {
    const plan = readAheadPlan('2026-12-15');
    expect(plan.months[0]).toEqual({ from: '2025-12-15', to: '2026-01-14' });
    expect(plan.months.at(-1)).toEqual({ from: '2026-11-15', to: '2026-12-14' });
    expect(plan.lastMonth).toEqual({ from: '2026-11-15', to: '2026-12-14' });
  });

  it('on the first day of a reporting year reads the whole last one', () => {
    const plan = readAheadPlan('2026-12-16');
    expect(plan.months).toHaveLength(13);
    expect(plan.months.at(-1)).toEqual({ from: '2026-12-15', to: '2026-12-15' });
    expect(plan.lastMonth).toEqual({ from: '2026-11-15', to: '2026-12-14' });
  });
});

// Today 16/03/2026 for each service here.
const serviceOn = (dataDir: string, more: Partial<ReportServiceDeps> = {}) =>
  createReportService({ dataDir, getConfig: () => sampleCentre, getStaff: () => [], getToday: () => ({ state: emptyState('2026-03-16'), events: [] }), ...more });

describe('a manager’s sign-in reading ahead (ReportService.prepare)', () => {
  it('holds the reporting years’ closed days in the reports’ thread: they report with their files gone', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-read-ahead-'));
    try {
      // The read-ahead covers 15/12/2024 to yesterday.
      const sim = await simulatePeriod({ dataDir, from: '2026-02-02', to: '2026-03-13', visits: 400, seed: 5 });
      const prepared = serviceOn(dataDir);
      const unprepared = serviceOn(dataDir);
      await prepared.prepare();
      await rm(join(dataDir, 'summaries'), { recursive: true });
      await rm(join(dataDir, 'journal'), { recursive: true });
      expect((await prepared.report('2026-02-02', '2026-03-13')).totals.visits.visits).toBe(sim.tickets);
      // The same folder read by a service that did not read ahead: nothing is left on disk.
      expect((await unprepared.report('2026-02-02', '2026-03-13')).totals.visits.visits).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('builds over the latest days first, and stops after the task it is on when the server closes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-read-ahead-'));
    try {
      // Early in the last reporting year, and the latest weeks: more days than a warm-up reads (warm-up.ts).
      const early = await simulatePeriod({ dataDir, from: '2025-01-20', to: '2025-01-24', visits: 50, seed: 6 });
      const latest = await simulatePeriod({ dataDir, from: '2026-01-05', to: '2026-03-13', visits: 500, seed: 6 });
      await rm(join(dataDir, 'summaries'), { recursive: true });
      const summarised = async () => (await readdir(join(dataDir, 'summaries')).catch(() => [] as string[])).map((f) => f.slice(0, 10)).sort();
      const closing = serviceOn(dataDir);
      const reading = closing.prepare();
      await closing.close();
      await reading;
      await closing.prepare();
      // The first warm-up read the latest days; the months before were never read.
      expect(await summarised()).toEqual(latest.days.slice(-WARM_UP_DAYS).map((d) => d.day));
      await serviceOn(dataDir).prepare();
      expect(await summarised()).toEqual([...early.days, ...latest.days].map((d) => d.day));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  // The voice's background clips wait for it (server/devices/speech/clip-renderer.ts).
  it('is foreground work from its first task to its last, as each report and file is; the city link’s tasks are not', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-read-ahead-'));
    try {
      await simulatePeriod({ dataDir, from: '2026-02-02', to: '2026-03-13', visits: 400, seed: 5 });
      const foreground = new ForegroundWork();
      const service = serviceOn(dataDir, { foreground });
      // A waiter let go between two of its tasks would find the next one running; one let go
      // before its last step, the work not done.
      const foregroundUntilDone = async (work: Promise<unknown>) => {
        let done = false;
        void work.then(() => (done = true));
        let releases = 0;
        for (let idle = foreground.whenIdle(60_000); idle; idle = foreground.whenIdle(60_000)) {
          await idle;
          releases++;
          await new Promise((r) => setImmediate(r));
        }
        const doneWhenIdle = done;
        await work;
        return { releases, done: doneWhenIdle };
      };
      expect(await foregroundUntilDone(service.prepare())).toEqual({ releases: 1, done: true });
      expect(await foregroundUntilDone(service.reportJson('2026-02-02', '2026-03-13'))).toEqual({ releases: 1, done: true });
      expect(await foregroundUntilDone(service.xlsx('2026-02-02', '2026-03-13'))).toEqual({ releases: 1, done: true });
      expect(await foregroundUntilDone(service.csv('2026-02-02', '2026-03-13', 'field'))).toEqual({ releases: 1, done: true });
      expect(await foregroundUntilDone(service.report('2026-02-02', '2026-03-12'))).toEqual({ releases: 1, done: true });
      // What no person waits for: the city link's lists and summaries, a day's close.
      const cityLink = service.closedDays();
      expect(foreground.whenIdle(1)).toBeNull();
      expect((await cityLink).length).toBeGreaterThan(0);
      const summaries = service.closedSummaries(['2026-02-02']);
      expect(foreground.whenIdle(1)).toBeNull();
      expect(await summaries).toHaveLength(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('runs again only in a new thread, or after a restore', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-read-ahead-'));
    const up = serviceOn(dataDir);
    try {
      const summarised = async () => (await readdir(join(dataDir, 'summaries')).catch(() => [] as string[])).length;
      const first = await simulatePeriod({ dataDir, from: '2026-02-02', to: '2026-02-06', visits: 100, seed: 9 });
      await up.prepare();
      // Days kept as journals only, written after it had read ahead.
      await rm(join(dataDir, 'summaries'), { recursive: true });
      const later = await simulatePeriod({ dataDir, from: '2026-02-09', to: '2026-02-13', visits: 100, seed: 10 });
      await rm(join(dataDir, 'summaries'), { recursive: true });
      await up.prepare();
      expect(await summarised()).toBe(0);
      expect(first.days.length).toBeGreaterThan(0);
      // A restore forgets what was read: the next prepare reads again.
      await up.reload();
      await up.prepare();
      expect(await summarised()).toBe(first.days.length + later.days.length);
    } finally {
      await up.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('never fails: a folder it cannot read is logged, and each report reads what it needs', async () => {
    const notAFolder = join(await mkdtemp(join(tmpdir(), 'qms-read-ahead-')), 'a-file');
    await writeFile(notAFolder, '');
    const warnings: string[] = [];
    const service = serviceOn(notAFolder, { logger: { warn: (_details, message) => void warnings.push(message) } });
    await expect(service.prepare()).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/reading ahead/)]);
    await expect(service.report('2026-02-02', '2026-03-13')).rejects.toThrow(/ENOTDIR/);
    await rm(dirname(notAFolder), { recursive: true, force: true });
  });
});

describe('the server compiling the reports’ code before it answers (ReportService.warmUp)', () => {
  it('builds over the latest days only, and not again while the thread is up', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-warm-up-'));
    try {
      await simulatePeriod({ dataDir, from: '2025-01-20', to: '2025-01-24', visits: 50, seed: 6 });
      const latest = await simulatePeriod({ dataDir, from: '2026-01-05', to: '2026-03-13', visits: 500, seed: 6 });
      await rm(join(dataDir, 'summaries'), { recursive: true });
      const summarised = async () => (await readdir(join(dataDir, 'summaries')).catch(() => [] as string[])).map((f) => f.slice(0, 10)).sort();
      const service = serviceOn(dataDir);
      expect(await service.warmUp()).toBe(WARM_UP_BUILDS.length);
      // The builds read the latest days; no month is read ahead.
      expect(await summarised()).toEqual(latest.days.slice(-WARM_UP_DAYS).map((d) => d.day));
      expect(await service.warmUp()).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('shares its thread’s state with a sign-in’s read-ahead', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-warm-up-'));
    try {
      const sim = await simulatePeriod({ dataDir, from: '2026-02-02', to: '2026-03-13', visits: 300, seed: 7 });
      // A report does not cost the thread its warmth.
      const reporting = serviceOn(dataDir);
      expect(await reporting.warmUp()).toBe(WARM_UP_BUILDS.length);
      await reporting.report('2026-03-02', '2026-03-06');
      expect(await reporting.warmUp()).toBe(0);
      await reporting.close();
      // A sign-in's read-ahead warms the thread as well.
      const preparedFirst = serviceOn(dataDir);
      await preparedFirst.prepare();
      expect(await preparedFirst.warmUp()).toBe(0);
      // Warmed first, a sign-in still reads the reporting years ahead.
      const warmedFirst = serviceOn(dataDir);
      expect(await warmedFirst.warmUp()).toBe(WARM_UP_BUILDS.length);
      await warmedFirst.prepare();
      await rm(join(dataDir, 'summaries'), { recursive: true });
      await rm(join(dataDir, 'journal'), { recursive: true });
      expect((await warmedFirst.report('2026-02-02', '2026-03-13')).totals.visits.visits).toBe(sim.tickets);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('builds nothing in a folder with no closed day, and never fails', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'qms-warm-up-'));
    try {
      expect(await serviceOn(empty).warmUp()).toBe(0);
      const notAFolder = join(empty, 'a-file');
      await writeFile(notAFolder, '');
      const warnings: string[] = [];
      const service = serviceOn(notAFolder, { logger: { warn: (_details, message) => void warnings.push(message) } });
      await expect(service.warmUp()).resolves.toBe(0);
      expect(warnings).toEqual([expect.stringMatching(/warming up the reports/)]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
