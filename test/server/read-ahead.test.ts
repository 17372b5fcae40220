// A manager's sign-in starts the reports' thread reading ahead (server/reports/read-ahead.ts):
// days kept only as journals are summarised then, before any report is asked; an officer's
// sign-in leaves the thread alone. The reports page asks again as it opens.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../server/reports/calendar-days';
import { simulatePeriod, type SimulationResult } from '../../server/simulator/simulate';
import { patience } from '../support/patience';
import { startTestServer, type TestServer } from '../support/server';

let dataDir: string;
let server: TestServer;
let sim: SimulationResult;

const summaryFiles = async () => (await readdir(join(dataDir, 'summaries')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-read-ahead-'));
  server = await startTestServer({ dataDir });
  // The reports' thread takes tasks in turn: this one ends after what the server reads at start.
  await server.app.ctx.reports.closedSummaries(['2000-01-01']);
  // Written after that: two weeks of three months ago
  // (inside the reporting years read ahead whatever today is, before the weeks the wait
  // estimates read), kept as journals only, as a folder restored without its summaries.
  const today = new Date().toISOString().slice(0, 10);
  sim = await simulatePeriod({ dataDir, from: addDays(today, -100), to: addDays(today, -87), visits: 300, seed: 3 });
  await rm(join(dataDir, 'summaries'), { recursive: true });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('reading ahead at a manager’s sign-in', () => {
  it('is not started by an officer’s sign-in', async () => {
    await server.login('canbo1');
    await new Promise((r) => setTimeout(r, patience(1500)));
    expect(await summaryFiles()).toEqual([]);
  });

  it('summarises the closed days from their journals before any report is asked', async () => {
    await server.login();
    const deadline = Date.now() + patience(15_000);
    while ((await summaryFiles()).length < sim.days.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await summaryFiles()).sort()).toEqual(sim.days.map((d) => `${d.day}.json`).sort());
  });

  // So that no background clip of the voice starts between the two (server/foreground-work.ts).
  it('is asked while the sign-in is still foreground work', async () => {
    const { reports, foreground } = server.app.ctx;
    const prepare = reports.prepare;
    const busy: boolean[] = [];
    reports.prepare = () => {
      busy.push(foreground.whenIdle(1) !== null);
      return prepare();
    };
    try {
      await server.login();
      expect(busy).toEqual([true]);
    } finally {
      reports.prepare = prepare;
    }
  });

  // The service runs it again only where the thread may have gone (server/reports/read-ahead.test.ts).
  it('is asked again as the reports page opens (its presets), not by another page', async () => {
    const token = await server.login();
    const reports = server.app.ctx.reports;
    const prepare = reports.prepare;
    let asked = 0;
    reports.prepare = () => {
      asked++;
      return prepare();
    };
    try {
      expect((await server.http('GET', '/api/reports/today', undefined, token)).status).toBe(200);
      expect(asked).toBe(0);
      expect((await server.http('GET', '/api/reports/presets?date=2026-03-02', undefined, token)).status).toBe(200);
      expect(asked).toBe(1);
    } finally {
      reports.prepare = prepare;
    }
  });
});
