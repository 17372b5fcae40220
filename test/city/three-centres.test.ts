// Three centre processes with simulated months and one city process on a real PostgreSQL,
// over HTTPS with the city's own certificate. The line to the city is cut while the centres
// work, restored, and the city is killed with -9 in the middle of the backlog and started
// again; one centre is restored from its backup on a fresh machine and sends everything
// again. At the end the city's figures for every centre equal that centre's own report
// exactly, and the city's totals are their sum.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../server/reports/calendar-days';
import { simulatePeriod } from '../../server/simulator/simulate';
import { localDay } from '@protocol/local-time';
import { freePort } from '../soak/server-process';
import { patience } from '../support/patience';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres';
import { request } from './https-json';
import { LinkProxy } from './link-proxy';
import { NodeProcess } from './node-process';
import { selfSignedCertificate } from './self-signed';

const PASSWORD = 'mat-khau-thanh-pho';
const TODAY = localDay(Date.now(), 'Asia/Ho_Chi_Minh');
const FROM = addDays(TODAY, -32);
const TO = addDays(TODAY, -3);
const CENTRES = [
  { id: 'phuong-hong-bang', name: 'Phường Hồng Bàng', visits: 1400, seed: 11 },
  { id: 'phuong-le-chan', name: 'Phường Lê Chân', visits: 900, seed: 12 },
  { id: 'xa-an-lao', name: 'Xã An Lão', visits: 500, seed: 13 },
];

/** The probe's first truthy answer; timeoutMs is for an idle machine and stretches with the load. */
async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  const deadline = Date.now() + patience(timeoutMs);
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!postgresBinDir())('three centres and a city', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-city-e2e-'));
  let db: ThrowawayPostgres;
  let sql: pg.Client;
  let city: NodeProcess;
  let proxy: LinkProxy;
  let ca: string;
  let cityToken: string;
  const centres: { id: string; name: string; process: NodeProcess; token: string; dataDir: string; days: number; lastDay: string; env: Record<string, string> }[] = [];

  const cityCall = (method: string, path: string, body?: unknown) => request(method, `${city.url}${path}`, { ca, token: cityToken, body });
  // One sign-in per centre process: a password hash per poll would slow the machine down.
  const sessions = new Map<string, string>();
  const centreLogin = async (c: (typeof centres)[number]) => {
    const key = `${c.id}:${c.process.starts}`;
    if (!sessions.has(key)) sessions.set(key, (await request('POST', `${c.process.url}/api/auth/login`, { body: { username: 'admin', password: PASSWORD } })).body.token);
    return sessions.get(key)!;
  };
  const link = async (c: (typeof centres)[number]) => (await request('GET', `${c.process.url}/api/city-link`, { token: await centreLogin(c) })).body;
  const storedDays = async () => Number((await sql.query('SELECT count(*) AS n FROM day_facts')).rows[0].n);

  beforeAll(async () => {
    db = await startThrowawayPostgres({ durable: false });
    sql = new pg.Client(db.url);
    await sql.connect();
    const tls = selfSignedCertificate(dir);
    ca = await readFile(tls.cert, 'utf8');
    const cityPort = await freePort();
    city = new NodeProcess(
      'city',
      'city-server/main.ts',
      { QMS_CITY_DATABASE_URL: db.url, PORT: String(cityPort), QMS_HOST: '127.0.0.1', QMS_CITY_TLS_CERT: tls.cert, QMS_CITY_TLS_KEY: tls.key, QMS_ADMIN_PASSWORD: PASSWORD },
      `https://127.0.0.1:${cityPort}`,
      dir,
      ca,
    );
    proxy = new LinkProxy(await freePort(), { host: '127.0.0.1', port: cityPort });
    const [, ...simulated] = await Promise.all([
      city.start(),
      ...CENTRES.map((c) => simulatePeriod({ dataDir: join(dir, c.id), from: FROM, to: TO, visits: c.visits, seed: c.seed })),
    ]);
    cityToken = (await request('POST', `${city.url}/api/auth/login`, { ca, body: { username: 'admin', password: PASSWORD } })).body.token;
    for (const [i, c] of CENTRES.entries()) {
      const { token } = (await cityCall('POST', '/api/city/centres', { id: c.id, name: c.name })).body;
      const port = await freePort();
      const dataDir = join(dir, c.id);
      const env = {
        QMS_DATA_DIR: dataDir,
        PORT: String(port),
        QMS_HOST: '127.0.0.1',
        QMS_ADMIN_PASSWORD: PASSWORD,
        QMS_PRINTER: `file:${join(dataDir, 'prints')}`,
        QMS_CITY_URL: `https://127.0.0.1:${proxy.port}`,
        QMS_CITY_TOKEN: token,
        QMS_CITY_CA: tls.cert,
        QMS_CITY_ROUND_SECONDS: '0.5',
        // Small batches, so the backlog is still going when the city is killed.
        QMS_CITY_BATCH_DAYS: '2',
      };
      centres.push({ ...c, token, dataDir, env, days: simulated[i].days.length, lastDay: simulated[i].days.at(-1)!.day, process: new NodeProcess(c.id, 'server/main.ts', env, `http://127.0.0.1:${port}`, dir) });
    }
    await Promise.all(centres.map((c) => c.process.start()));
  }, 180_000);

  afterAll(async () => {
    await proxy?.cut();
    await Promise.all(centres.map((c) => c.process.stop()));
    await city?.stop();
    await sql?.end();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a centre working while the line is cut, and shows the link failing with its backlog', async () => {
    const c = centres[0];
    const token = await centreLogin(c);
    const issued = await request('POST', `${c.process.url}/api/tickets`, { token, body: { serviceId: 'ho-tich' }, timeoutMs: 5000 });
    expect(issued.status).toBe(201);
    for (const centre of centres) {
      const state = await waitFor('the link to fail', 30_000, async () => {
        const s = await link(centre);
        return s.status === 'failing' && s;
      });
      expect(state).toMatchObject({ backlogDays: centre.days, source: 'env', tokenSet: true });
      expect(JSON.stringify(state)).not.toContain(centre.token);
    }
    expect(await storedDays()).toBe(0);
  }, 60_000);

  it('sends the backlog when the line returns, even with the city killed in the middle of it', async () => {
    const total = centres.reduce((s, c) => s + c.days, 0);
    proxy.delayMs = 20;
    await proxy.open();
    const partial = await waitFor('the first days at the city', 60_000, async () => {
      const n = await storedDays();
      return n > 0 && n;
    });
    await city.kill();
    expect(partial).toBeLessThan(total);
    await city.start();
    proxy.delayMs = 0;
    await waitFor('every day at the city', 120_000, async () => (await storedDays()) === total);
    for (const c of centres) await waitFor(`${c.id}'s backlog to empty`, 30_000, async () => (await link(c)).backlogDays === 0 && (await link(c)).status === 'ok');
    const list = await waitFor('the city to see every backlog empty', 30_000, async () => {
      const l = (await cityCall('GET', '/api/city/centres')).body;
      return l.every((x: any) => x.backlogDays === 0) && l;
    });
    for (const c of centres) expect(list.find((x: any) => x.id === c.id)).toMatchObject({ days: c.days, online: true, backlogDays: 0, lastDay: c.lastDay });
  }, 240_000);

  it("shows each centre's live figure at the city", async () => {
    const today = await waitFor('the live figure', 30_000, async () => {
      const t = (await cityCall('GET', '/api/city/today')).body;
      return t.centres.find((x: any) => x.id === centres[0].id)?.totals.waiting === 1 && t;
    });
    expect(today.centres.every((x: any) => x.online)).toBe(true);
    expect(today.byField.find((f: any) => f.serviceId === 'ho-tich').waiting).toBe(1);
    expect(today.totals.waiting).toBe(1);
  }, 60_000);

  it('counts nothing twice when a centre restored from its backup on a new machine sends every day again', async () => {
    const c = centres[1];
    const backup = await request('GET', `${c.process.url}/api/backup`, { token: await centreLogin(c) });
    expect(backup.status).toBe(200);
    await c.process.stop();
    rmSync(c.dataDir, { recursive: true, force: true });
    const restoredAt = Date.now();
    await c.process.start();
    const restored = await request('POST', `${c.process.url}/api/backup/restore`, { token: await centreLogin(c), raw: backup.bytes });
    expect(restored.status).toBe(200);
    // The restore brought back the old accounts and sessions: sign in again.
    sessions.delete(`${c.id}:${c.process.starts}`);
    // Its outbox is new: it sends every day again, and the city recognises each as a repeat.
    await waitFor('the restored centre to re-send', 60_000, async () => {
      const s = await link(c);
      return s.backlogDays === 0 && s.status === "ok" && s;
    });
    const outbox = JSON.parse(await readFile(join(c.dataDir, 'city-outbox.json'), 'utf8'));
    expect(Object.keys(outbox.acked)).toHaveLength(c.days);
    const replaced = await sql.query('SELECT count(*) AS n FROM day_facts WHERE centre_id = $1 AND received_at >= $2', [c.id, restoredAt]);
    expect(Number(replaced.rows[0].n)).toBe(0);
    expect(await storedDays()).toBe(centres.reduce((s, x) => s + x.days, 0));
  }, 120_000);

  it("ends with the city's figures for every centre equal to the centre's own report, and totals their sum", async () => {
    const cityReport = (await cityCall('GET', `/api/city/reports?from=${FROM}&to=${TO}`)).body;
    const strip = ({ key: _k, name: _n, centreId: _c, centreName: _cn, ...figures }: any) => figures;
    // What of a centre's report the city adds up: visits, and the service time and ratings of the services.
    const cityPart = (f: any) => ({ visits: f.visits, serviceTime: f.services.serviceTime, ratings: f.services.ratings });
    for (const c of centres) {
      const own = (await request('GET', `${c.process.url}/api/reports?from=${FROM}&to=${TO}`, { token: await centreLogin(c) })).body;
      expect(own.totals.visits.visits).toBeGreaterThan(0);
      expect(strip(cityReport.byCentre.find((r: any) => r.key === c.id))).toEqual(cityPart(own.totals));
      const fields = cityReport.byCentreField.filter((r: any) => r.centreId === c.id);
      expect(fields.map((r: any) => ({ key: r.key, name: r.name, ...strip(r) }))).toEqual(own.byField.map((r: any) => ({ key: r.key, name: r.name, ...cityPart(r) })));
    }
    for (const figure of ['visits', 'served', 'absent', 'unserved', 'serving', 'transferred', 'priority'])
      expect(cityReport.totals.visits[figure]).toBe(cityReport.byCentre.reduce((s: number, r: any) => s + r.visits[figure], 0));
    expect(cityReport.totals.visits.wait.count).toBe(cityReport.byCentre.reduce((s: number, r: any) => s + r.visits.wait.count, 0));
    expect(cityReport.totals.ratings.rated).toBe(cityReport.byCentre.reduce((s: number, r: any) => s + r.ratings.rated, 0));
    const xlsx = await request('GET', `${city.url}/api/city/reports/export.xlsx?from=${FROM}&to=${TO}`, { ca, token: cityToken });
    expect(xlsx.status).toBe(200);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
