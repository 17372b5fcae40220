// The city server on a real, throw-away PostgreSQL: its schema made at start and kept on a
// restart, sign-in, centres and their credentials, days stored once whatever is repeated,
// refusals that change nothing, and the report over what was stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { sampleCentre } from '@protocol/sample-centre';
import { centreProfile } from '../../server/city-link/centre-profile';
import { serializeSummary, type DaySummary } from '../../server/reports/day-summary';
import { daySummary } from '../support/day-summaries';
import { createCityApp, type CityApp } from '../../city-server/create-city-app';
import { loadCitySettings } from '../../city-server/settings';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres';

const profile = centreProfile(sampleCentre);

function summary(day: string, waits: number[]): DaySummary {
  return daySummary(
    day,
    ['ho-tich', 'chung-thuc'],
    [],
    waits.map((w, i) => ({ field: i % 2, end: 'served', waitMs: w, serviceMs: 60_000 + i, score: 3 })),
  );
}

describe.skipIf(!postgresBinDir())('city server on PostgreSQL', () => {
  let pg: ThrowawayPostgres;
  let city: CityApp;
  let base: string;
  let admin: string;

  const start = async () => {
    const settings = { ...loadCitySettings({ QMS_CITY_DATABASE_URL: pg.url, QMS_CITY_ALLOW_HTTP: '1', QMS_ADMIN_PASSWORD: 'mat-khau-thu', PORT: '0', QMS_HOST: '127.0.0.1' }) };
    city = await createCityApp({ settings, logger: pino({ level: process.env.DEBUG_CITY ? 'error' : 'silent' }) });
    base = `http://127.0.0.1:${await city.listen()}`;
  };
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    pg = await startThrowawayPostgres({ durable: false });
    await start();
    expect(city.migrationsApplied).toEqual([1]);
    admin = (await call('POST', '/api/auth/login', undefined, { username: 'admin', password: 'mat-khau-thu' })).body.token;
  });
  afterAll(async () => {
    await city?.close();
    await pg?.stop();
  });

  it('refuses a wrong password and anyone not signed in', async () => {
    expect((await call('POST', '/api/auth/login', undefined, { username: 'admin', password: 'sai' })).body.code).toBe('login-failed');
    expect((await call('GET', '/api/city/centres')).status).toBe(401);
    expect((await call('GET', '/api/city/centres', 'khong-phai-token')).status).toBe(401);
  });

  it('registers a centre once and shows its token once', async () => {
    const created = await call('POST', '/api/city/centres', admin, { id: 'phuong-a', name: 'Phường A' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ id: 'phuong-a', token: expect.any(String) });
    expect((await call('POST', '/api/city/centres', admin, { id: 'phuong-a', name: 'Lần nữa' })).body.code).toBe('centre-exists');
    expect((await call('POST', '/api/city/centres', admin, { id: 'Phường B', name: 'B' })).body.code).toBe('invalid-payload');
    const list = (await call('GET', '/api/city/centres', admin)).body;
    expect(list).toEqual([expect.objectContaining({ id: 'phuong-a', name: 'Phường A', online: false, days: 0, lastDay: null })]);
    expect(JSON.stringify(list)).not.toContain(created.body.token);
  });

  it('stores a day once: a repeat is a duplicate, an older version is superseded, a newer one replaces it', async () => {
    const { token } = (await call('POST', '/api/city/centres', admin, { id: 'phuong-b', name: 'Phường B' })).body;
    const send = (version: number, waits: number[]) =>
      call('POST', '/api/city/ingest/days', token, { profile, days: [{ day: '2026-03-02', version, summary: serializeSummary(summary('2026-03-02', waits)) }] });
    expect((await send(100, [1000, 2000, 3000])).body.results).toEqual([{ day: '2026-03-02', version: 100, status: 'stored' }]);
    expect((await send(100, [1000, 2000, 3000])).body.results[0].status).toBe('duplicate');
    expect((await send(50, [9000])).body.results[0].status).toBe('superseded');
    let report = (await call('GET', '/api/city/reports?from=2026-03-01&to=2026-03-31', admin)).body;
    expect(report.byCentre.find((r: any) => r.key === 'phuong-b').visits.visits).toBe(3);
    expect((await send(200, [1000, 2000, 3000, 4000])).body.results[0].status).toBe('stored');
    report = (await call('GET', '/api/city/reports?from=2026-03-01&to=2026-03-31', admin)).body;
    const b = report.byCentre.find((r: any) => r.key === 'phuong-b');
    expect(b.visits.visits).toBe(4);
    expect(b.visits.wait.medianSeconds).toBe(2.5);
  });

  it('refuses a batch with one unreadable day whole, and a revoked credential', async () => {
    const { token } = (await call('POST', '/api/city/centres', admin, { id: 'phuong-c', name: 'Phường C' })).body;
    const good = { day: '2026-03-03', version: 1, summary: serializeSummary(summary('2026-03-03', [1000])) };
    const bad = { day: '2026-03-04', version: 1, summary: serializeSummary(summary('2026-03-05', [1000])) };
    const refused = await call('POST', '/api/city/ingest/days', token, { profile, days: [good, bad] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'invalid-payload', messageVi: expect.any(String), details: [expect.objectContaining({ path: 'days.1.summary' })] });
    const list = (await call('GET', '/api/city/centres', admin)).body;
    expect(list.find((c: any) => c.id === 'phuong-c')).toMatchObject({ days: 0 });
    await call('POST', '/api/city/centres/phuong-c/revoke', admin);
    expect((await call('POST', '/api/city/ingest/days', token, { profile, days: [good] })).status).toBe(401);
    expect((await call('POST', '/api/city/ingest/live', token, { day: '2026-03-03', at: 1, backlogDays: 0, fields: [] })).status).toBe(401);
  });

  it('holds one centre to its rate without slowing another', async () => {
    const { token } = (await call('POST', '/api/city/centres', admin, { id: 'phuong-d', name: 'Phường D' })).body;
    const { token: other } = (await call('POST', '/api/city/centres', admin, { id: 'phuong-e', name: 'Phường E' })).body;
    const live = { day: '2026-03-03', at: Date.now(), backlogDays: 2, fields: [] };
    // The bucket refills while the requests go (2 a second), so the refusal comes at 120 or a little later.
    const codes: number[] = [];
    while (codes.length < 400 && codes.at(-1) !== 429) codes.push((await call('POST', '/api/city/ingest/live', token, live)).status);
    expect(codes.at(-1)).toBe(429);
    expect(codes.slice(0, 120)).toEqual(Array(120).fill(200));
    expect((await call('POST', '/api/city/ingest/live', other, live)).status).toBe(200);
  });

  it('shows each centre live, summed per field over the centres online', async () => {
    const { token } = (await call('POST', '/api/city/centres', admin, { id: 'phuong-f', name: 'Phường F' })).body;
    const field = { serviceId: 'ho-tich', name: 'Hộ tịch', waiting: 4, serving: 1, served: 10, visits: 15, waitCount: 11, waitSumSeconds: 1100, rated: 8, satisfied: 6 };
    await call('POST', '/api/city/ingest/live', token, { day: '2026-03-03', at: Date.now(), backlogDays: 3, fields: [field] });
    // An older figure arriving late does not replace the newer one.
    await call('POST', '/api/city/ingest/live', token, { day: '2026-03-03', at: 5, backlogDays: 3, fields: [{ ...field, waiting: 99 }] });
    const today = (await call('GET', '/api/city/today', admin)).body;
    const f = today.centres.find((c: any) => c.id === 'phuong-f');
    expect(f).toMatchObject({ online: true, totals: { waiting: 4, serving: 1, served: 10, averageWaitSeconds: 100, satisfactionPercent: 75 } });
    expect(today.byField.find((x: any) => x.serviceId === 'ho-tich').waiting).toBeGreaterThanOrEqual(4);
    expect((await call('GET', '/api/city/centres', admin)).body.find((c: any) => c.id === 'phuong-f')).toMatchObject({ online: true, backlogDays: 3 });
  });

  it('keeps its schema and figures across a restart', async () => {
    const before = (await call('GET', '/api/city/reports?from=2026-03-01&to=2026-03-31', admin)).body;
    await city.close();
    await start();
    expect(city.migrationsApplied).toEqual([]);
    const after = (await call('GET', '/api/city/reports?from=2026-03-01&to=2026-03-31', admin)).body;
    expect({ ...after, generatedAt: 0 }).toEqual({ ...before, generatedAt: 0 });
  });
});
