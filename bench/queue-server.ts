// The queue server's figures: call → every display, against a bare socket.io broadcast
// plus one fsync on the same machine in the same run; durable issues per second from 16
// concurrent clients, against a bare node:http + fdatasync floor (durable-floor.ts) in turn;
// and the server's memory.
import { spawn } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { io as ioClient, type Socket } from 'socket.io-client';
import { sampleCentre } from '@protocol/sample-centre';
import { startTestServer, type TestServer } from '../test/support/server';
import { startDurableFloor } from './durable-floor';
import { percentile, type Figure } from './stats';
import { timeCallToDisplays } from './time-call-to-displays';

const DISPLAYS = 25;
const CALLS = 300;

async function connectAll(url: string, tokens: (string | undefined)[]): Promise<Socket[]> {
  return Promise.all(
    tokens.map(
      (token) =>
        new Promise<Socket>((resolve, reject) => {
          const s = ioClient(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
          s.once('connect', () => resolve(s));
          s.once('connect_error', reject);
        }),
    ),
  );
}

/** The floor: a socket.io server that fsyncs one line and broadcasts it to the same clients. */
async function bareBroadcast(): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'qms-bench-bare-'));
  const file = await open(join(dir, 'log'), 'a');
  const http = createServer();
  const io = new Server(http);
  io.on('connection', (s) => {
    s.on('go', async (n: number, ack: () => void) => {
      await file.write(`{"n":${n}}\n`);
      await file.datasync();
      io.emit('went', n);
      ack();
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const displays = await connectAll(url, Array(DISPLAYS).fill(undefined));
  const [sender] = await connectAll(url, [undefined]);
  const times: number[] = [];
  for (let n = 0; n < CALLS; n++) {
    const started = performance.now();
    let got = 0;
    await new Promise<void>((resolve) => {
      for (const d of displays)
        d.once('went', () => {
          if (++got === DISPLAYS) resolve();
        });
      sender.emit('go', n, () => undefined);
    });
    times.push(performance.now() - started);
  }
  for (const s of [...displays, sender]) s.close();
  io.close();
  await file.close();
  await rm(dir, { recursive: true, force: true });
  return times;
}

async function benchConfig(server: TestServer, admin: string) {
  const config = structuredClone(sampleCentre);
  // Large number blocks: a benchmark issues far more than a day's 999 per field.
  config.services = config.services.map((s, i) => ({ ...s, prefix: '', numberStart: i * 80_000 + 1, numberEnd: (i + 1) * 80_000, dailyCap: null }));
  const res = await server.http('PUT', '/api/config', config, admin);
  if (res.status !== 200) throw new Error(`bench config refused: ${JSON.stringify(res.body)}`);
}

async function callToDisplays(server: TestServer, admin: string): Promise<number[]> {
  const tokens: string[] = [];
  for (let i = 0; i < DISPLAYS; i++) tokens.push(await server.pair(i < 2 ? `central-display-${i + 1}` : `counter-display-${(i % 10) + 1}`));
  const displays = await connectAll(server.url, tokens);
  const staff = (await server.client(await server.login('canbo1'))).socket;
  await staff.emitWithAck('counter:sign-in', { counterId: 6 });
  const issuer = (await server.client(admin)).socket;
  for (let i = 0; i < CALLS + 5; i++) await issuer.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
  const times: number[] = [];
  for (let n = 0; n < CALLS; n++) times.push(await timeCallToDisplays(displays, staff, 6));
  for (const d of displays) d.close();
  return times;
}

async function durableIssues(url: string, admin: string): Promise<{ perSecond: number; total: number }> {
  const services = sampleCentre.services.map((x) => x.id);
  // Asynchronous on purpose: the server runs in this process and must keep serving.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/issue-load-client.ts', url, admin, '3', '16', ...services]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load client failed: ${stderr}`);
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as { total: number; refused: number; elapsed: number };
  if (out.refused) throw new Error(`${out.refused} issues refused`);
  return { perSecond: (out.total / out.elapsed) * 1000, total: out.total };
}

export async function benchQueueServer(): Promise<Figure[]> {
  const bare = await bareBroadcast();
  // Calls and issues back to back, far faster than a person: past every socket's command budget.
  const server = await startTestServer({ env: { QMS_SOCKET_RATE_SCALE: '1000' } });
  try {
    const admin = await server.login();
    await benchConfig(server, admin);
    const calls = await callToDisplays(server, admin);
    // The same client against the project and the bare floor, twice, in turn: a change in the
    // machine's load during the run touches both.
    const floorDir = await mkdtemp(join(tmpdir(), 'qms-bench-floor-'));
    const floor = await startDurableFloor(floorDir);
    const ours: number[] = [];
    const floors: number[] = [];
    try {
      for (let round = 0; round < 2; round++) {
        ours.push((await durableIssues(server.url, admin)).perSecond);
        floors.push((await durableIssues(floor.url, admin)).perSecond);
      }
    } finally {
      await floor.close();
      await rm(floorDir, { recursive: true, force: true });
    }
    const issued = ours.reduce((a, b) => a + b, 0) / ours.length;
    const floorRate = floors.reduce((a, b) => a + b, 0) / floors.length;
    const mem = process.memoryUsage();
    const p99 = percentile(calls, 0.99);
    const bareP99 = percentile(bare, 0.99);
    return [
      { name: `call → all ${DISPLAYS} displays p50`, value: percentile(calls, 0.5), unit: 'ms', target: '' },
      { name: `call → all ${DISPLAYS} displays p99`, value: p99, unit: 'ms', target: '≤ 15' },
      { name: `bare socket.io + fsync → ${DISPLAYS} clients p50`, value: percentile(bare, 0.5), unit: 'ms', target: '' },
      { name: `bare socket.io + fsync → ${DISPLAYS} clients p99`, value: bareP99, unit: 'ms', target: '' },
      { name: 'call p99 ÷ bare p99', value: p99 / bareP99, unit: '×', target: '≤ 2' },
      { name: 'durable ticket issues, 16 HTTP clients', value: issued, unit: '/s', target: `≥ 2000 (two runs: ${ours.map((r) => r.toFixed(0)).join(', ')})` },
      { name: 'bare node:http + append + fdatasync floor, same client', value: floorRate, unit: '/s', target: `two runs, in turn: ${floors.map((r) => r.toFixed(0)).join(', ')}` },
      { name: 'durable issues ÷ the floor', value: issued / floorRate, unit: '×', target: '≥ 0.5' },
      { name: 'tickets in the day after the run', value: Object.keys(server.app.ctx.queue.state.tickets).length, unit: '', target: '' },
      { name: 'process memory (rss) after the run', value: mem.rss / 1_048_576, unit: 'MiB', target: '' },
      { name: 'heap used after the run', value: mem.heapUsed / 1_048_576, unit: 'MiB', target: '' },
    ];
  } finally {
    await server.close();
  }
}
