// What the server gives back when the day rolls over: the compiled server (as npm start runs
// it, on a simulated year) settles, takes a busy day's tickets, and then its clock moves to the
// next day (libfaketime, as a centre's PC crosses midnight): the day's state goes to its
// summary on disk and the new day starts empty, so the heap and rss return to the settled base.
// The server runs under libfaketime only in this group, so no other group's figures carry it.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIBFAKETIME } from '../test/soak/server-process';
import { busyDayTickets, compileServer, http, MeteredServer, signIn, simulatedYear, THREADS_IDLE_MS } from './server-process';
import type { Figure } from './stats';

const MB = 2 ** 20;
/** The server's ticker looks for a new day every 15 s (server/app.ts). */
const ROLLOVER_WAIT_MS = 30_000;

async function dayOf(url: string, token: string): Promise<string> {
  const state = await http('GET', `${url}/api/state`, token);
  if (state.status !== 200) throw new Error(`state: ${state.status}`);
  return state.body.day as string;
}

export async function benchDayRollover(): Promise<Figure[]> {
  if (!existsSync(LIBFAKETIME)) throw new Error(`libfaketime is not installed (${LIBFAKETIME}; Debian: apt install faketime): the day cannot roll over in a running server`);
  compileServer();
  const dataDir = await mkdtemp(join(tmpdir(), 'qms-bench-day-'));
  const clockFile = `${dataDir}-clock`;
  let server: MeteredServer | undefined;
  try {
    await simulatedYear(dataDir);
    await writeFile(clockFile, '+0\n');
    server = await MeteredServer.start(dataDir, { LD_PRELOAD: LIBFAKETIME, FAKETIME_TIMESTAMP_FILE: clockFile, FAKETIME_CACHE_DURATION: '1', FAKETIME_DONT_FAKE_MONOTONIC: '1' });
    const { url } = server;
    const token = await signIn(url);
    // The base: the server a minute idle after a manager signed in (its threads settled).
    await new Promise((r) => setTimeout(r, THREADS_IDLE_MS));
    const base = await server.read();
    const load = await busyDayTickets(url, token, 6);
    const afterDay = await server.read();

    const day = await dayOf(url, token);
    await writeFile(clockFile, '+1d\n');
    // libfaketime reads the file again within a second; the manager's session has then expired
    // (a session lasts hours), so a new one is opened on the new clock.
    await new Promise((r) => setTimeout(r, 2000));
    const nextDayToken = await signIn(url);
    const deadline = Date.now() + ROLLOVER_WAIT_MS;
    while ((await dayOf(url, nextDayToken)) === day) {
      if (Date.now() > deadline) throw new Error(`the day did not roll over within ${ROLLOVER_WAIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const rolled = await server.read();
    // The day's close writes its summary in the reports' thread: that thread is renewed a minute later.
    await new Promise((r) => setTimeout(r, THREADS_IDLE_MS));
    const settled = await server.read();

    const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
    const dayHeap = afterDay.heapUsed - base.heapUsed;
    return [
      { name: 'day: rss a minute after a manager signed in (the base)', value: mb(base.rss), unit: 'MB' },
      { name: 'day: heap then', value: mb(base.heapUsed), unit: 'MB' },
      { name: `day: heap after a busy day (${load.total.toLocaleString('en')} tickets), growth from the base`, value: mb(dayHeap), unit: 'MB' },
      { name: 'day: rss then', value: mb(afterDay.rss), unit: 'MB' },
      { name: 'day: heap once the day rolled over, growth from the base', value: mb(rolled.heapUsed - base.heapUsed), unit: 'MB' },
      { name: "day: … of the busy day's heap, given back", value: Math.round(((afterDay.heapUsed - rolled.heapUsed) / dayHeap) * 100), unit: '%' },
      // Back to its base, give or take what a run's threads vary by (5 % of it).
      { name: 'day: rss a minute after the day rolled over, above the base', value: mb(settled.rss - base.rss), unit: 'MB', target: `≤ ${mb(base.rss * 0.05)} (5 % of the base)` },
    ];
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(clockFile, { force: true });
    await rm(`${dataDir}-server.log`, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await benchDayRollover()) console.log(`${f.name}: ${f.value} ${f.unit} ${f.target ?? ''}`);
}
