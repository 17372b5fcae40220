// The scripted morning over HTTP: every act credited to the counter that did it, and the
// console's route, the dashboard and the period report give the same figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MORNING_COUNTERS, MORNING_DAY, movableClock, playMorning } from '../support/scripted-morning';
import { startTestServer, type TestServer } from '../support/server';

describe('a scripted morning over HTTP', () => {
  let server: TestServer;
  let admin: string;
  let tokens: Record<number, string>;
  const clock = movableClock();

  beforeAll(async () => {
    server = await startTestServer({ deps: { clock: clock.now } });
    admin = await server.login();
    ({ tokens } = await playMorning(server, clock));
  });
  afterAll(async () => {
    await server?.close();
  });

  const pick = (s: { services: number; finished: number; transfers: number; absences: number }) => ({
    services: s.services,
    finished: s.finished,
    transfers: s.transfers,
    absences: s.absences,
  });

  it('credits each counter with its own services in the console, the dashboard and the report alike', async () => {
    const today = (await server.http('GET', '/api/reports/today', undefined, admin)).body;
    const report = (await server.http('GET', `/api/reports?from=${MORNING_DAY}&to=${MORNING_DAY}`, undefined, admin)).body;
    for (const [id, expected] of Object.entries(MORNING_COUNTERS)) {
      const mine = await server.http('GET', `/api/counters/${id}/today`, undefined, tokens[Number(id)]);
      expect(mine.status).toBe(200);
      expect(pick(mine.body.counter.services), `console ${id}`).toEqual(expected);
      expect(pick(today.counters.find((c: { id: number }) => c.id === Number(id)).services), `dashboard ${id}`).toEqual(expected);
      expect(pick(report.byCounter.find((c: { key: string }) => c.key === id).services), `report ${id}`).toEqual(expected);
      expect(mine.body.staff.key).toBe(`canbo${id}`);
    }
    expect(report.totals.visits).toMatchObject({ visits: 3, served: 3, absent: 0, transferred: 3 });
    expect(report.totals.services.outcomes.find((o: { id: string }) => o.id === 'tiep-nhan')).toMatchObject({ count: 1, dossiers: 2 });
    expect(report.dossiers.map((d: { code: string }) => d.code)).toEqual(['H23.1-0001', 'H23.1-0002']);
    expect(report.byStaff.find((s: { key: string }) => s.key === 'canbo5').time.pauses).toEqual([{ reason: 'Đi họp', seconds: 1800 }]);
  });

  it('lets an officer read only their own counter’s figures', async () => {
    expect((await server.http('GET', '/api/counters/6/today', undefined, tokens[5])).body.code).toBe('not-your-counter');
    expect((await server.http('GET', '/api/counters/6/today', undefined, await server.pair('kiosk-1'))).status).toBe(403);
    expect((await server.http('GET', '/api/counters/6/today', undefined, admin)).status).toBe(200);
    expect((await server.http('GET', '/api/counters/99/today', undefined, admin)).body.code).toBe('unknown-counter');
  });

  it('refuses an outcome not in the list and a malformed dossier code, in both languages, and changes nothing', async () => {
    await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    await server.http('POST', '/api/counters/5/next', {}, tokens[5]);
    const seq = (await server.http('GET', '/api/health')).body.seq;
    const unknown = await server.http('POST', '/api/counters/5/finish', { outcome: 'nop-thue' }, tokens[5]);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'unknown-outcome', messageVi: expect.stringContaining('kết quả phục vụ'), message: expect.stringContaining('outcome') });
    const badCode = await server.http('POST', '/api/counters/5/finish', { outcome: 'khac', dossierCodes: ['H23 <script>'] }, tokens[5]);
    expect(badCode.status).toBe(400);
    expect(badCode.body.code).toBe('invalid-payload');
    expect(badCode.body.details[0].path).toBe('dossierCodes.0');
    expect((await server.http('GET', '/api/health')).body.seq).toBe(seq);
    expect((await server.http('POST', '/api/counters/5/finish', { outcome: 'khac', dossierCodes: ['000.00.12.H23-260316-0009'] }, tokens[5])).status).toBe(200);
  });
});
