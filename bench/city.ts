// `npm run bench -- city`: a generated city of 114 centres and a year each (~4 million
// tickets) on a throw-away PostgreSQL with fsync on. Every centre sends its whole year at
// once, as a link back after an outage would (keep-alive HTTPS clients in this process, the
// city in its own), then the one-year report is asked for: warm (the facts in memory) and
// cold (the city restarted, the facts read back from PostgreSQL).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_DAYS_PER_BATCH } from '../protocol/city';
import { sampleCentre } from '../protocol/sample-centre';
import { centreProfile } from '../server/city-link/centre-profile';
import { serializeSummary } from '../server/reports/day-summary';
import { seededRandom } from '../server/simulator/seeded-random';
import { freePort } from '../test/soak/server-process';
import { NodeProcess } from '../test/city/node-process';
import { selfSignedCertificate } from '../test/city/self-signed';
import { startThrowawayPostgres } from '../test/support/postgres';
import { reportingYear, syntheticDay, workingDays } from './reports-synthetic-year';
import type { Figure } from './stats';

const CENTRES = 114;
const TICKETS_PER_YEAR = 4_000_000;
const PASSWORD = 'bench-thanh-pho';

interface Answer {
  status: number;
  body: Buffer;
}

function call(agent: Agent, base: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method,
        agent,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function ok(a: Answer, what: string): any {
  if (a.status !== 200) throw new Error(`${what}: ${a.status} ${a.body.toString().slice(0, 300)}`);
  return JSON.parse(a.body.toString());
}

function rssMiB(pid: number | undefined): number {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function benchCity(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-bench-city-'));
  const db = await startThrowawayPostgres({ durable: true });
  const tls = selfSignedCertificate(dir);
  const ca = readFileSync(tls.cert, 'utf8');
  const port = await freePort();
  const city = new NodeProcess(
    'city',
    'city-server/main.ts',
    { QMS_CITY_DATABASE_URL: db.url, PORT: String(port), QMS_HOST: '127.0.0.1', QMS_CITY_TLS_CERT: tls.cert, QMS_CITY_TLS_KEY: tls.key, QMS_ADMIN_PASSWORD: PASSWORD, QMS_LOG_LEVEL: 'warn' },
    `https://127.0.0.1:${port}`,
    dir,
    ca,
  );
  let agent = new Agent({ keepAlive: true, maxSockets: CENTRES + 4, ca });
  try {
    await city.start();
    const admin = ok(await call(agent, city.url, 'POST', '/api/auth/login', undefined, { username: 'admin', password: PASSWORD }), 'login').token as string;
    const { from, to } = reportingYear(2026);
    const days = workingDays(from, to);
    const perDay = Math.round(TICKETS_PER_YEAR / CENTRES / days.length);
    const profile = centreProfile(sampleCentre);
    const centres: { token: string; days: { day: string; version: number; summary: string }[] }[] = [];
    let tickets = 0;
    for (let c = 0; c < CENTRES; c++) {
      const { token } = ok(await call(agent, city.url, 'POST', '/api/city/centres', admin, { id: `trung-tam-${c + 1}`, name: `Trung tâm ${c + 1}` }), 'register');
      const rng = seededRandom(c + 1);
      centres.push({ token, days: days.map((day) => ({ day, version: 1, summary: serializeSummary(syntheticDay(rng, day, perDay)) })) });
      tickets += perDay * days.length;
    }

    // Every centre sends its year at once, one batch after another as its link does.
    const started = performance.now();
    await Promise.all(
      centres.map(async (c) => {
        for (let i = 0; i < c.days.length; i += MAX_DAYS_PER_BATCH) {
          const ack = ok(await call(agent, city.url, 'POST', '/api/city/ingest/days', c.token, { profile, days: c.days.slice(i, i + MAX_DAYS_PER_BATCH) }), 'ingest');
          if (ack.results.some((r: { status: string }) => r.status !== 'stored')) throw new Error('a day was not stored');
        }
      }),
    );
    const ingestSeconds = (performance.now() - started) / 1000;
    const centreDays = CENTRES * days.length;

    const report = async () => {
      const t0 = performance.now();
      const r = ok(await call(agent, city.url, 'GET', `/api/city/reports?from=${from}&to=${to}`, admin), 'report');
      if (r.totals.visits.visits !== tickets) throw new Error(`the report counted ${r.totals.visits.visits} of ${tickets} tickets`);
      return performance.now() - t0;
    };
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await report());
    warm.sort((a, b) => a - b);
    const rssWarm = rssMiB(city.pid);

    await city.stop();
    // The old connections died with the server.
    agent.destroy();
    agent = new Agent({ keepAlive: true, maxSockets: 4, ca });
    const restart = performance.now();
    await city.start();
    const cold = await report();
    const coldFromStart = performance.now() - restart;

    return [
      { name: `city: ${CENTRES} centres × ${days.length} days, tickets`, value: tickets, unit: '' },
      { name: 'city: every centre sends its year at once, centre-days/s', value: centreDays / ingestSeconds, unit: '/s', target: '≥ 114' },
      { name: 'city: the same, tickets/s', value: tickets / ingestSeconds, unit: '/s' },
      { name: 'city: the whole year of all centres ingested in', value: ingestSeconds, unit: 's' },
      { name: 'city: one-year report, warm, median of 5', value: warm[2], unit: 'ms', target: '≤ 1000' },
      { name: 'city: one-year report, warm, slowest of 5', value: warm[4], unit: 'ms' },
      { name: 'city: one-year report, first after a restart', value: cold, unit: 'ms' },
      { name: 'city: restart → first year report answered', value: coldFromStart, unit: 'ms' },
      { name: 'city: server memory with the year in memory (rss)', value: rssWarm, unit: 'MiB' },
    ];
  } finally {
    agent.destroy();
    await city.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
