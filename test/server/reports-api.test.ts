// The reports over HTTP, on a simulated quarter: the totals equal the simulation's own
// count, the workbook opens with a real reader and holds the same numbers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatePeriod, type SimulationResult } from '../../server/simulator/simulate';
import { startTestServer, type TestServer } from '../support/server';

let dataDir: string;
let server: TestServer;
let sim: SimulationResult;
let admin: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-reports-'));
  // Q2 by the centres' rule: 15/03 – 14/06.
  sim = await simulatePeriod({ dataDir, from: '2026-03-15', to: '2026-06-14', visits: 1500, seed: 7 });
  server = await startTestServer({ dataDir });
  admin = await server.login();
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('GET /api/reports', () => {
  it('counts every simulated visit of the quarter and the official sentence says so', async () => {
    const res = await server.http('GET', '/api/reports?from=2026-03-15&to=2026-06-14', undefined, admin);
    expect(res.status).toBe(200);
    expect(res.body.totals.visits.visits).toBe(sim.tickets);
    expect(res.body.byField.reduce((n: number, r: { visits: { visits: number } }) => n + r.visits.visits, 0)).toBe(sim.tickets);
    const formatted = new Intl.NumberFormat('vi-VN').format(sim.tickets);
    expect(res.body.sentences.join('\n')).toContain(`Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: ${formatted}`);
  });

  it('offers the 15th-to-14th presets containing a day', async () => {
    const res = await server.http('GET', '/api/reports/presets?date=2026-05-01', undefined, admin);
    expect(res.body).toEqual(expect.arrayContaining([expect.objectContaining({ from: '2026-03-15', to: '2026-06-14' })]));
  });

  it('refuses a backwards range with a Vietnamese reason', async () => {
    const res = await server.http('GET', '/api/reports?from=2026-06-14&to=2026-03-15', undefined, admin);
    expect(res.status).toBe(400);
    expect(res.body.details[0].message.length).toBeGreaterThan(0);
  });

  it('exports a workbook with the same totals', async () => {
    const res = await fetch(`${server.url}/api/reports/export.xlsx?from=2026-03-15&to=2026-06-14`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const cells: unknown[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value))));
    expect(cells).toContain(sim.tickets);
  });

  it('is for managers only', async () => {
    const staff = await server.login('canbo1');
    expect((await server.http('GET', '/api/reports?from=2026-03-15&to=2026-06-14', undefined, staff)).status).toBe(403);
  });
});
