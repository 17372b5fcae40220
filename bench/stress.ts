// How many devices one server holds: step up the number of connected displays until the
// p99 time from a call to every display passes 50 ms. Clients run in another process.
import { spawn } from 'node:child_process';
import { startTestServer, type TestServer } from '../test/support/server';
import { percentile, type Figure } from './stats';

const CALLS = 100;
const LIMIT_MS = 50;

async function runStep(server: TestServer, display: string, staff: string, n: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/stress-clients.ts', server.url, display, staff, String(n), String(CALLS)]);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`stress clients failed: ${err}`);
  return JSON.parse(out.trim().split('\n').pop()!) as number[];
}

export async function benchStress(): Promise<Figure[]> {
  const server = await startTestServer({ env: { QMS_MAX_CONNECTIONS: '5000', QMS_SOCKET_RATE_SCALE: '1000' } });
  const figures: Figure[] = [];
  try {
    const admin = await server.login();
    const display = await server.pair('central-display-1');
    const staff = await server.login('canbo1');
    await server.http('POST', '/api/counters/6/sign-in', undefined, staff);
    let held = 0;
    for (const n of [25, 50, 100, 200, 400, 800]) {
      for (let i = 0; i < CALLS + 1; i++) await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin);
      const started = performance.now();
      const times = await runStep(server, display, staff, n);
      const p99 = percentile(times, 0.99);
      const elapsedS = (performance.now() - started) / 1000;
      figures.push({ name: `${n} displays: call → all p99`, value: p99, unit: 'ms' });
      figures.push({ name: `${n} displays: messages delivered per second`, value: (CALLS * n * 2) / elapsedS, unit: '/s' });
      if (p99 > LIMIT_MS) break;
      held = n;
    }
    figures.push({ name: `most displays with call p99 ≤ ${LIMIT_MS} ms`, value: held, unit: '', target: '≥ 400' });
    figures.push({ name: 'server memory (rss) after the steps', value: process.memoryUsage().rss / 1_048_576, unit: 'MiB' });
    return figures;
  } finally {
    await server.close();
  }
}
