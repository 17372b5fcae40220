// Password hashing must not stall the queue: tickets issued by a manager's integration while
// bursts of 200 wrong sign-ins arrive, against the same tickets before the bursts, in the
// same run. Tickets and bursts come from two other processes, so neither's own work shows
// up as the server's delay.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { sampleCentre } from '@protocol/sample-centre';
import { startTestServer } from '../test/support/server';
import { idleStall, measureStall } from './loop-stall';
import { percentile, type Figure } from './stats';

interface Burst {
  at: number;
  end: number;
  answers: Record<string, number>;
}

function run(args: string[], untilClosed?: Promise<unknown>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sign-in-burst-client.ts', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  // A guessing script runs on its own machine: here its process yields the cores to the server's.
  if (args[0] === 'burst' && child.pid) setPriority(child.pid, 19);
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  if (untilClosed) void untilClosed.finally(() => child.stdin.end());
  else child.stdin.end();
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`sign-in bench client ${args[0]} exited with ${code}`)))));
}

export async function benchSignInBurst(): Promise<Figure[]> {
  const server = await startTestServer();
  try {
    const admin = await server.login();
    const idle = await idleStall();
    const services = sampleCentre.services.filter((s) => s.dailyCap === null).map((s) => s.id);
    const bursts = run(['burst', server.url]);
    const tickets = run(['tickets', server.url, admin, ...services], bursts);
    const held = await measureStall(() => bursts);
    const b = JSON.parse(held.value) as { oneName: Burst; spread: Burst };
    const times = JSON.parse(await tickets) as [number, number][];
    const within = (w: Burst) => times.filter(([at, ms]) => at + ms >= w.at && at <= w.end).map(([, ms]) => ms);
    const quiet = times.filter(([at]) => at < b.oneName.at).map(([, ms]) => ms);
    const oneName = within(b.oneName);
    const spread = within(b.spread);
    const quietP50 = percentile(quiet, 0.5);
    const refused = (a: Record<string, number>) => (a['account-locked'] ?? 0) + (a['rate-limited'] ?? 0);
    const worst = Math.max(...oneName, ...spread);
    return [
      { name: 'ticket issue before the bursts, p50', value: quietP50, unit: 'ms', target: `${quiet.length} tickets` },
      { name: 'ticket issue before the bursts, slowest (the load floor)', value: Math.max(...quiet), unit: 'ms' },
      { name: '200 wrong sign-ins, one name: ticket max', value: Math.max(...oneName), unit: 'ms', target: `${oneName.length} tickets; hashed ${b.oneName.answers['login-failed'] ?? 0}, refused ${refused(b.oneName.answers)}` },
      { name: '200 wrong sign-ins, 200 addresses: ticket p50', value: percentile(spread, 0.5), unit: 'ms', target: `${spread.length} tickets in ${b.spread.end - b.spread.at} ms` },
      { name: '200 wrong sign-ins, 200 addresses: ticket max', value: Math.max(...spread), unit: 'ms', target: `hashed ${b.spread.answers['login-failed'] ?? 0}, refused ${refused(b.spread.answers)}` },
      { name: 'event loop held on CPU during the bursts', value: held.cpuMs, unit: 'ms', target: `≤ 50 (idle floor ${idle.cpuMs.toFixed(1)} ms)` },
      { name: 'event loop held by the clock during the bursts', value: held.wallMs, unit: 'ms', target: `idle floor ${idle.wallMs.toFixed(1)} ms` },
      { name: 'main thread waiting for a core during the bursts', value: held.queuedMs, unit: 'ms', target: `idle floor ${idle.queuedMs.toFixed(1)} ms` },
      { name: 'delay a burst adds to a ticket (worst − quiet p50)', value: worst - quietP50, unit: 'ms', target: `≤ 50 (the load's own: slowest quiet − quiet p50 ${(Math.max(...quiet) - quietP50).toFixed(0)} ms)` },
      { name: 'the same beyond the slowest quiet ticket', value: Math.max(0, worst - Math.max(...quiet)), unit: 'ms' },
    ];
  } finally {
    await server.close();
  }
}
