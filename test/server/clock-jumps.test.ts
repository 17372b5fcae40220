// The running server's wall clock stepped by libfaketime: back over the centre's midnight
// (00:01 → 23:59 the day before) and then forward over several days, and a restart while
// the clock is behind. The queue's time only moves forward: no closed day reopens, no
// ticket of the new day disappears, no number is issued twice, managers see an alert with
// both times, and a jump over several days closes each day once.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ackedTicketProblems, issuedInJournal, type AckedTicket } from '../support/acked-tickets';
import { hasFaketime, setServerClock, startFaketimeServer, type FaketimeServer } from '../support/faketime-server';
import { keepAliveClient } from '../support/keep-alive-http';
import { patience } from '../support/patience';

const ADMIN = 'clock-test-admin-pw';
// The sample centre is in Hà Nội (UTC+7): 17:00 UTC is local midnight.
const LOCAL_MIDNIGHT_25 = Date.UTC(2026, 10, 24, 17, 0);
const MINUTE = 60_000;

let server: FaketimeServer | undefined;
let dataDir = '';
afterEach(async () => {
  await server?.stop();
  server = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function health(url: string): Promise<{ day: string; time: number }> {
  return (await fetch(`${url}/api/health`)).json() as Promise<{ day: string; time: number }>;
}

/** Waits until the server's clock reads at least (or, stepping back, at most) the time set. */
async function untilServerTime(url: string, test: (t: number) => boolean): Promise<void> {
  await expect.poll(async () => test((await health(url)).time), { timeout: patience(10_000), interval: 100, message: 'the server clock did not move' }).toBe(true);
}

describe.skipIf(!hasFaketime())('a server whose clock jumps (libfaketime)', () => {
  it('never reopens a closed day, never hides a ticket and never issues a number twice', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-clock-'));
    const clockFile = join(dataDir, '..', `${dataDir.split('/').pop()}.faketime`);
    setServerClock(clockFile, LOCAL_MIDNIGHT_25 - 2 * MINUTE); // 23:58 on the 24th
    server = await startFaketimeServer({ dataDir, timestampFile: clockFile, adminPassword: ADMIN });
    const signIn = async () => {
      const r = await keepAliveClient(server!.url).request('POST', '/api/auth/login', { username: 'admin', password: ADMIN });
      return keepAliveClient(server!.url, r.body.token as string);
    };
    let admin = await signIn();
    const acked = new Map<string, AckedTicket[]>();
    const issue = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const r = await admin.request('POST', '/api/tickets', { serviceId: 'ho-tich' });
        expect(r.status).toBe(201);
        // The day the ticket belongs to: a command rolls the day over before it is decided.
        const day = (await health(server!.url)).day;
        const list = acked.get(day) ?? [];
        list.push({ id: r.body.id, label: r.body.label });
        acked.set(day, list);
      }
    };

    await issue(3);
    setServerClock(clockFile, LOCAL_MIDNIGHT_25 + MINUTE); // 00:01 on the 25th
    await untilServerTime(server.url, (t) => t >= LOCAL_MIDNIGHT_25);
    await issue(4);
    expect((await health(server.url)).day).toBe('2026-11-25');

    // A bad NTP answer: 23:59 on the 24th again.
    setServerClock(clockFile, LOCAL_MIDNIGHT_25 - MINUTE);
    await untilServerTime(server.url, () => true);
    await sleep(1500);
    await issue(4);
    const afterBack = await health(server.url);
    expect(afterBack.day).toBe('2026-11-25');
    const state = (await admin.request('GET', '/api/state')).body as { services: { id: string; waiting: number }[] };
    expect(state.services.find((s) => s.id === 'ho-tich')!.waiting).toBe(8);
    // The alert names the machine's time (the 24th, a minute or so before midnight as libfaketime
    // reads its file on a loaded machine) and the queue's (the 25th).
    const clockAlert = async () =>
      ((await admin.request('GET', '/api/reports/today')).body.alerts as { kind: string; message: string }[]).find((a) => a.kind === 'clock')?.message ?? '';
    await expect.poll(clockAlert, { timeout: patience(10_000), interval: 200 }).toMatch(/23:5\d.*24\/11\/2026/);
    expect(await clockAlert()).toMatch(/00:0\d.*25\/11\/2026/);

    // A restart while the clock is still behind opens the newest day, not the one before.
    await server.stop();
    server = await startFaketimeServer({ dataDir, timestampFile: clockFile, adminPassword: ADMIN });
    admin = await signIn();
    expect((await health(server.url)).day).toBe('2026-11-25');
    await issue(2);

    // Forward over several days: 09:00 on the 28th.
    setServerClock(clockFile, LOCAL_MIDNIGHT_25 + 3 * 24 * 60 * MINUTE + 9 * 60 * MINUTE);
    await untilServerTime(server.url, (t) => t > LOCAL_MIDNIGHT_25 + 3 * 24 * 60 * MINUTE);
    admin = await signIn();
    await issue(3);
    expect((await health(server.url)).day).toBe('2026-11-28');
    const summaries = async () => (await readdir(join(dataDir, 'summaries')).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
    await expect.poll(summaries, { timeout: patience(10_000), interval: 100 }).toEqual(['2026-11-24.json', '2026-11-25.json']);
    expect((await readdir(join(dataDir, 'journal'))).filter((f) => f.endsWith('.jsonl')).sort()).toEqual(['2026-11-24.jsonl', '2026-11-25.jsonl', '2026-11-28.jsonl']);
    // Each day was closed once, by one rollover.
    const rollovers = server.log().match(/"msg":"new day"/g) ?? [];
    expect(rollovers).toHaveLength(1);

    for (const [day, list] of acked) {
      const labels = list.map((t) => t.label);
      expect(labels[0]).toBe('2001');
      expect(ackedTicketProblems(list, await issuedInJournal(dataDir, day))).toEqual([]);
    }
    expect(acked.get('2026-11-25')!.map((t) => t.label)).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007', '2008', '2009', '2010']);
  }, 120_000);
});
