// The real server as a centre runs it (`npm start`: node dist-server/main.mjs, the compiled
// server, in its own process; compiled first when its sources changed) on a data
// folder holding a simulated year: what it holds in memory after start, after a year's report
// as a manager asks for it, per ticket of a busy day and after sockets come and go; and what a
// single ticket waits, with the server's own event-loop delay, while a manager changes the
// voice's speed (every clip made again) and reports and exports the year — each beside the same
// measure taken while nothing else runs. Memory is read after a full collection
// (bench/server-meter.ts), so it is what the server holds, not garbage not yet collected.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as ioClient, type Socket } from 'socket.io-client';
import { addDays } from '@protocol/calendar-days';
import { localDay } from '@protocol/local-time';
import { sampleCentre } from '@protocol/sample-centre';
import { simulatePeriod } from '../server/simulator/simulate';
import { freePort } from '../test/soak/server-process';
import { percentile, type Figure } from './stats';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The environment the centre's systemd unit gives the server (deploy/linux), which the bench runs it with. */
const UNIT_ENV = Object.fromEntries(
  [...readFileSync(new URL('../deploy/linux/hanh-chinh-cong.service', import.meta.url), 'utf8').matchAll(/^Environment=([A-Z_]+)=(.*)$/gm)]
    .filter(([, name]) => name !== 'QMS_SETTINGS_FILE')
    .map(([, name, value]) => [name, value]),
);
/** The speech thread goes and the reports' thread is renewed after a minute idle (clip-renderer.ts, report-pool.ts). */
export const THREADS_IDLE_MS = 65_000;
const METER = fileURLToPath(new URL('./server-meter.mjs', import.meta.url));

/** What bench/server-meter.mjs answers. */
type MeterRequest = { op: 'reset-loop' } | { op: 'read'; collect: boolean };
interface MeterReading {
  /** Event-loop delay (ms), and the most CPU time the main thread ran between two 1 ms timer runs. */
  loop: { p50: number; p99: number; max: number; cpuMaxMs: number };
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
}
const STEADY_CLIENT = fileURLToPath(new URL('./steady-ticket-client.ts', import.meta.url));
const LOAD_CLIENT = fileURLToPath(new URL('./issue-load-client.ts', import.meta.url));
export const PASSWORD = 'bench-admin-password';
const YEAR_VISITS = 36_000;
const MB = 2 ** 20;
const SERVICES = sampleCentre.services.map((s) => s.id);

/** The compiled server in its own process, with the meter's preload (bench/server-meter.mjs) answering over IPC. */
export class MeteredServer {
  private replies: ((m: unknown) => void)[] = [];
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (m) => this.replies.shift()?.(m));
  }

  /** `env`: what this start adds to the systemd unit's environment (bench/day-rollover.ts: libfaketime's). */
  static async start(dataDir: string, env: Record<string, string> = {}): Promise<MeteredServer> {
    const port = await freePort();
    const log = openSync(join(dataDir, '..', `${dataDir.split('/').pop()}-server.log`), 'w');
    const child = spawn(process.execPath, ['--expose-gc', '--import', METER, 'dist-server/main.mjs'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...UNIT_ENV,
        QMS_DATA_DIR: dataDir,
        PORT: String(port),
        QMS_HOST: '127.0.0.1',
        QMS_ADMIN_PASSWORD: PASSWORD,
        QMS_LOG_LEVEL: 'warn',
        // The sockets' part comes from one address: let them all in, as phones from many would.
        QMS_PHONE_SOCKETS_PER_ADDRESS: '2000',
        QMS_MAX_CONNECTIONS: '2000',
        ...env,
      },
      stdio: ['ignore', log, log, 'ipc'],
    });
    closeSync(log);
    const server = new MeteredServer(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited during start (code ${child.exitCode})`);
      if (Date.now() > deadline) throw new Error('server did not answer within 120 s');
      if (await fetch(`${server.url}/api/health`).then((r) => r.ok, () => false)) return server;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private ask<T>(m: MeterRequest): Promise<T> {
    return new Promise((resolve) => {
      this.replies.push(resolve as (m: unknown) => void);
      this.child.send(m);
    });
  }

  resetLoop(): Promise<unknown> {
    return this.ask({ op: 'reset-loop' });
  }

  read(collect = true): Promise<MeterReading> {
    return this.ask({ op: 'read', collect });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

// node:http with keep-alive, not fetch: fetch's own work on a 7 MB answer (tens of ms on
// this client) would be counted as the server's.
const agent = new Agent({ keepAlive: true });

export function http(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: any; ms: number }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      agent,
      headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        // The server's answer, to its last byte: the client's own parsing is not the server's time.
        const ms = performance.now() - started;
        const bytes = Buffer.concat(chunks);
        const json = (res.headers['content-type'] ?? '').includes('json');
        resolve({ status: res.statusCode ?? 0, body: json ? JSON.parse(bytes.toString('utf8')) : bytes, ms });
      });
    });
    req.end(payload);
  });
}

function runClient(script: string, args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${script} exited ${code}`))));
  });
}

/** A busy day's tickets: as many as 16 integration clients issue in `seconds` (bench/issue-load-client.ts). */
export const busyDayTickets = (url: string, token: string, seconds: number): Promise<{ total: number; refused: number }> =>
  runClient(LOAD_CLIENT, [url, token, String(seconds), '16', ...SERVICES]);

const STEADY_EVERY_MS = '50';
const steadyTickets = (url: string, token: string, seconds: number): Promise<{ latencies: number[]; refused: number }> =>
  runClient(STEADY_CLIENT, [url, token, String(seconds), STEADY_EVERY_MS, ...SERVICES]);

/** `n` phones' sockets, ten handshakes at a time (the server caps unfinished ones per address). */
async function sockets(url: string, n: number): Promise<Socket[]> {
  const connected: Socket[] = [];
  while (connected.length < n) {
    const batch = Math.min(10, n - connected.length);
    connected.push(
      ...(await Promise.all(
        Array.from(
          { length: batch },
          () =>
            new Promise<Socket>((resolve, reject) => {
              const s = ioClient(url, { transports: ['websocket'], forceNew: true, reconnection: false });
              s.once('connect', () => resolve(s));
              s.once('connect_error', reject);
            }),
        ),
      )),
    );
  }
  return connected;
}

export const signIn = async (url: string): Promise<string> =>
  (await http('POST', `${url}/api/auth/login`, undefined, { username: 'admin', password: PASSWORD })).body.token as string;

/** The year report the moment a manager can sign in: its time, checked to count the whole year. */
async function askYear(url: string, from: string, to: string): Promise<{ ms: number }> {
  const token = await signIn(url);
  const year = await http('GET', `${url}/api/reports?from=${from}&to=${to}`, token);
  if (year.status !== 200 || year.body.totals.visits.visits !== YEAR_VISITS) throw new Error(`year report: ${year.status} ${JSON.stringify(year.body).slice(0, 200)}`);
  return year;
}

/** Compiles the server (and builds the apps) when their sources changed, as npm start does. */
export function compileServer(): void {
  if (spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' }).status !== 0) throw new Error('the server could not be compiled');
}

/** A data folder holding a simulated year up to yesterday: its first and last day. */
export async function simulatedYear(dataDir: string): Promise<{ from: string; to: string }> {
  const today = localDay(Date.now(), sampleCentre.centre.timeZone);
  const from = addDays(today, -365);
  const to = addDays(today, -1);
  await simulatePeriod({ dataDir, from, to, visits: YEAR_VISITS, seed: 1, config: sampleCentre });
  return { from, to };
}

export async function benchServerProcess(): Promise<Figure[]> {
  compileServer();
  const dataDir = await mkdtemp(join(tmpdir(), 'qms-bench-server-'));
  let server: MeteredServer | undefined;
  try {
    const { from, to } = await simulatedYear(dataDir);

    // The centre's very first start makes the voice's clips (a second of CPU on both cores)
    // before it answers; every later start finds them on disk. A manager asks for the year the
    // moment the server answers, both times.
    server = await MeteredServer.start(dataDir);
    const firstEver = await askYear(server.url, from, to);
    await new Promise((r) => setTimeout(r, 8000));
    await server.stop();

    server = await MeteredServer.start(dataDir);
    const { url } = server;
    const token = await signIn(url);
    const year = `${url}/api/reports?from=${from}&to=${to}`;
    const first = await askYear(url, from, to);
    await new Promise((r) => setTimeout(r, 3000));
    const afterStart = await server.read();
    // The same year again is its kept answer; five other closed periods (the year less a day,
    // two, …) are built in the reports' thread, warm by now.
    const again: number[] = [];
    for (let i = 0; i < 5; i++) again.push((await http('GET', year, token)).ms);
    const warm: number[] = [];
    for (let i = 1; i <= 5; i++) warm.push((await http('GET', `${url}/api/reports?from=${from}&to=${addDays(to, -i)}`, token)).ms);
    const afterReports = await server.read();

    // A single ticket's wait, quiet and then while the voice is remade and the year reported.
    await server.resetLoop();
    const quiet = await steadyTickets(url, token, 10);
    const quietLoop = (await server.read(false)).loop;
    await server.resetLoop();
    const busyTickets = steadyTickets(url, token, 20);
    await new Promise((r) => setTimeout(r, 1000));
    const config = (await http('GET', `${url}/api/config`, token)).body;
    const rateChange = await http('PUT', `${url}/api/config`, token, { ...config, voice: { ...config.voice, rate: config.voice.rate === 1 ? 0.9 : 1 } });
    if (rateChange.status !== 200) throw new Error(`voice rate change: ${rateChange.status} ${JSON.stringify(rateChange.body).slice(0, 200)}`);
    for (let i = 0; i < 2; i++) {
      // A period not asked before, so the year is built again, not sent as kept.
      await http('GET', `${url}/api/reports?from=${from}&to=${addDays(to, -10 - i)}`, token);
      await http('GET', `${url}/api/reports/export.xlsx?from=${from}&to=${to}`, token);
    }
    const busy = await busyTickets;
    const busyLoop = (await server.read(false)).loop;

    // What a busy day's tickets hold: the heap before and after as many as 16 clients issue in 6 s.
    const beforeDay = await server.read();
    const load = await busyDayTickets(url, token, 6);
    const afterDay = await server.read();
    const perTicket = (afterDay.heapUsed - beforeDay.heapUsed) / load.total;

    // 400 phones come and go.
    const beforeSockets = await server.read();
    const phones = await sockets(url, 400);
    const withSockets = await server.read();
    for (const s of phones) s.disconnect();
    await new Promise((r) => setTimeout(r, 2000));
    const afterSockets = await server.read();
    // What it holds for the rest of the day once the speech thread has gone and the reports' thread was renewed.
    await new Promise((r) => setTimeout(r, THREADS_IDLE_MS));
    const settled = await server.read();

    const p = (xs: number[], q: number) => Math.round(percentile(xs, q) * 10) / 10;
    const mb = (bytes: number) => Math.round(bytes / MB);
    const figures: Figure[] = [
      { name: `server: rss after start with a simulated year (${YEAR_VISITS.toLocaleString('en')} visits)`, value: mb(afterStart.rss), unit: 'MB' },
      { name: 'server: heap after start with that year', value: mb(afterStart.heapUsed), unit: 'MB' },
      { name: 'server: first year report at its very first start (the voice\'s clips made first), as a manager asks it', value: Math.round(firstEver.ms), unit: 'ms', target: '≤ 100' },
      { name: 'server: first year report after a restart, as a manager asks it', value: Math.round(first.ms), unit: 'ms', target: '≤ 100' },
      { name: 'server: the same year again (its kept answer, median of 5)', value: Math.round(percentile(again, 0.5) * 10) / 10, unit: 'ms', target: '≤ 100' },
      { name: 'server: another closed period of the year built in the warm thread (median of 5)', value: Math.round(percentile(warm, 0.5)), unit: 'ms', target: '≤ 100' },
      { name: 'server: rss after those year reports (the reports\' thread still up)', value: mb(afterReports.rss), unit: 'MB' },
      { name: `server: one ticket every ${STEADY_EVERY_MS} ms, quiet: p50 / p99 (p50)`, value: p(quiet.latencies, 0.5), unit: 'ms' },
      { name: 'server: … quiet p99', value: p(quiet.latencies, 0.99), unit: 'ms' },
      { name: 'server: … while the voice is remade and the year reported + exported: p50', value: p(busy.latencies, 0.5), unit: 'ms' },
      { name: 'server: … the same, p99', value: p(busy.latencies, 0.99), unit: 'ms', target: '≤ 50' },
      { name: 'server: … the same, slowest', value: p(busy.latencies, 1), unit: 'ms' },
      { name: 'server: event-loop delay, quiet: p99 / max (p99)', value: Math.round(quietLoop.p99 * 10) / 10, unit: 'ms' },
      { name: 'server: … quiet, max', value: Math.round(quietLoop.max * 10) / 10, unit: 'ms' },
      { name: 'server: … during that work, p99', value: Math.round(busyLoop.p99 * 10) / 10, unit: 'ms' },
      { name: 'server: … during that work, max', value: Math.round(busyLoop.max * 10) / 10, unit: 'ms' },
      { name: 'server: main thread on CPU between two 1 ms timer runs, quiet: most', value: Math.round(quietLoop.cpuMaxMs * 10) / 10, unit: 'ms' },
      { name: 'server: … during that work: most (the loop held by the server itself)', value: Math.round(busyLoop.cpuMaxMs * 10) / 10, unit: 'ms', target: '≤ 20' },
      { name: `server: heap a busy day's ticket holds (${load.total.toLocaleString('en')} issued)`, value: Math.round(perTicket), unit: 'B', target: '≤ 2048' },
      { name: 'server: rss after that busy day', value: mb(afterDay.rss), unit: 'MB' },
      { name: 'server: heap with 400 phones connected, growth', value: mb(withSockets.heapUsed - beforeSockets.heapUsed), unit: 'MB' },
      { name: 'server: heap after they left, growth from before', value: Math.round(((afterSockets.heapUsed - beforeSockets.heapUsed) / MB) * 10) / 10, unit: 'MB' },
      { name: 'server: rss after they left', value: mb(afterSockets.rss), unit: 'MB' },
      { name: 'server: rss after all that, a minute idle (the speech thread gone, the reports\' renewed)', value: mb(settled.rss), unit: 'MB', target: '≤ 160' },
      { name: 'server: heap then', value: mb(settled.heapUsed), unit: 'MB' },
    ];
    await rm(`${dataDir}-server.log`, { force: true });
    return figures;
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await benchServerProcess()) console.log(`${f.name}: ${f.value} ${f.unit} ${f.target ?? ''}`);
}
