// Names typed by managers and staff, and the reasons citizens pick, end up in the exports
// managers open in a spreadsheet. None of them may start a formula there.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_TABLES } from '@protocol/reports';
import { startTestServer, type TestServer } from '../support/server';

const FIELD = '=HYPERLINK("http://ke-gian.example/","Bấm vào đây")';
const COUNTER = "=cmd|' /C calc'!A0";
const STAFF = '@SUM(1+1)*cmd|" /C calc"!A0';
const REASON = '+1-1 lâu quá';
const CENTRE = '-2+3 Trung tâm';
const FORMULA_START = /^[=+\-@\t\r]/;

let server: TestServer;
let admin: string;
let day: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  const config = (await server.http('GET', '/api/config', undefined, admin)).body;
  config.centre.name = CENTRE;
  config.services.find((s: { id: string }) => s.id === 'ho-tich').name = FIELD;
  config.counters.find((c: { id: number }) => c.id === 5).name = COUNTER;
  config.rating.reasons.push(REASON);
  expect((await server.http('PUT', '/api/config', config, admin)).status).toBe(200);
  expect((await server.http('PATCH', '/api/users/admin', { name: STAFF }, admin)).status).toBe(200);

  const ticket = (await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).body;
  expect((await server.http('POST', '/api/counters/5/sign-in', undefined, admin)).status).toBe(200);
  expect((await server.http('POST', '/api/counters/5/next', undefined, admin)).status).toBe(200);
  expect((await server.http('POST', '/api/counters/5/finish', undefined, admin)).status).toBe(200);
  const lowest = config.rating.levels.find((l: { asksReason: boolean }) => l.asksReason).score;
  expect((await server.http('POST', '/api/ratings', { ticketId: ticket.id, score: lowest, reason: REASON })).status).toBe(201);
  day = server.app.ctx.queue.state.day;
});
afterAll(() => server.close());

describe('exports with formula-like names', () => {
  it.each(EXPORT_TABLES)('the %s CSV starts no cell with = + - @ tab or CR, and keeps the text', async (table) => {
    const res = await fetch(`${server.url}/api/reports/export.csv?from=${day}&to=${day}&breakdown=${table}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const rows = Papa.parse<string[]>((await res.text()).replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const cells = rows.flat();
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    const expected = { field: FIELD, counter: COUNTER, staff: STAFF, reason: REASON }[table as string];
    if (expected) expect(cells).toContain(`'${expected}`);
  });

  it('the workbook holds every name as text, never as a formula', async () => {
    const res = await fetch(`${server.url}/api/reports/export.xlsx?from=${day}&to=${day}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const texts: string[] = [];
    const formulas: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(`${sheet.name}!${cell.address}`);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(formulas).toEqual([]);
    for (const name of [FIELD, COUNTER, STAFF, CENTRE]) expect(texts.some((t) => t.includes(name))).toBe(true);
    expect(texts.some((t) => t.includes(REASON))).toBe(true);
  });

  it('refuses a rating reason the centre did not list, and stores nothing', async () => {
    const t = (await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).body;
    await server.http('POST', '/api/counters/5/next', undefined, admin);
    await server.http('POST', '/api/counters/5/finish', undefined, admin);
    const seq = server.app.ctx.queue.state.seq;
    const res = await server.http('POST', '/api/ratings', { ticketId: t.id, score: 1, reason: '=HYPERLINK("http://x")' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'unknown-reason', messageVi: expect.stringContaining('Lý do') });
    expect(server.app.ctx.queue.state.seq).toBe(seq);
    expect(server.app.ctx.queue.state.tickets[t.id].rating).toBeUndefined();
  });
});
