// The data folder on a small disk that fills up while four clients issue tickets as fast as
// they can: while it is full every answer is a clear 503, nothing is confirmed that is not
// on disk, sign-in keeps working, and issuing resumes by itself within seconds of space
// coming back. After a restart every confirmed ticket is there once and no number twice.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/server';
import { keepAliveClient } from '../support/keep-alive-http';
import { smallDisk, type SmallDisk } from '../support/small-disk';
import { ackedTicketProblems, issuedInJournal, type AckedTicket } from '../support/acked-tickets';

const SERVICES = ['chung-thuc', 'ho-tich', 'dat-dai', 'xay-dung', 'kinh-doanh', 'bao-tro-xa-hoi', 'tu-phap', 'cong-an', 'bhxh'];

let server: TestServer | undefined;
let disk: SmallDisk | undefined;
afterEach(async () => {
  await server?.close().catch(() => undefined);
  server = undefined;
  await disk?.dispose();
  disk = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a disk that fills up during a storm of four clients', () => {
  it('confirms only what is on disk, answers 503 while full, lets people sign in and issues again soon after space returns', async () => {
    disk = await smallDisk(8);
    const dataDir = join(disk.dir, 'data');
    await mkdir(dataDir);
    server = await startTestServer({ dataDir });
    const admin = await server.login();
    const clients = Array.from({ length: 4 }, () => keepAliveClient(server!.url, admin));

    const acked: AckedTicket[] = [];
    const statuses = new Map<string, number>();
    const whileFull: { status: number; code?: string }[] = [];
    let phase: 'before' | 'full' | 'after' = 'before';
    let firstAfterFreeAt = 0;
    let stop = false;
    let n = 0;
    const worker = async (c: ReturnType<typeof keepAliveClient>) => {
      while (!stop) {
        const r = await c.request('POST', '/api/tickets', { serviceId: SERVICES[n++ % SERVICES.length] });
        const at = phase;
        statuses.set(`${at} ${r.status}`, (statuses.get(`${at} ${r.status}`) ?? 0) + 1);
        if (r.status === 201) {
          acked.push({ id: r.body.id, label: r.body.label });
          if (at === 'after' && !firstAfterFreeAt) firstAfterFreeAt = Date.now();
        } else if (at === 'full') whileFull.push({ status: r.status, code: r.body?.code });
        // A refusal comes back at once; do not spin on it.
        if (r.status !== 201) await sleep(2);
      }
    };
    const workers = clients.map(worker);

    while (acked.length < 200) await sleep(5);
    await disk.fill();
    phase = 'full';
    await sleep(2500);
    // Signing in writes nothing that needs the disk to have room.
    const signIn = await server.http('POST', '/api/auth/login', { username: 'canbo1', password: 'doimatkhau' });
    const alerts = (await server.http('GET', '/api/reports/today', undefined, admin)).body.alerts as { kind: string; message: string }[];
    await sleep(500);
    const ackedWhileFull = acked.length;

    await disk.free();
    const freedAt = Date.now();
    phase = 'after';
    while (!firstAfterFreeAt && Date.now() - freedAt < 20_000) await sleep(20);
    const ackedAtFree = acked.length;
    while (acked.length < ackedAtFree + 200 && Date.now() - freedAt < 30_000) await sleep(5);
    stop = true;
    await Promise.all(workers);
    for (const c of clients) c.close();

    const day = server.app.ctx.queue.state.day;
    await server.close();
    // The same data folder, a fresh start: what was confirmed must be read back.
    server = await startTestServer({ dataDir });
    const reread = server.app.ctx.queue.state;
    const missingAfterRestart = acked.filter((t) => reread.tickets[t.id]?.label !== t.label);
    const problems = ackedTicketProblems(acked, await issuedInJournal(dataDir, day));

    const figures = {
      disk: disk.kind,
      answers: Object.fromEntries(statuses),
      acked: acked.length,
      ackedWhileFull,
      secondsToIssueAgain: firstAfterFreeAt ? (firstAfterFreeAt - freedAt) / 1000 : null,
      lostAfterRestart: missingAfterRestart.length,
      problems,
    };
    console.log(`disk-full storm: ${JSON.stringify(figures)}`);

    expect(problems).toEqual([]);
    expect(missingAfterRestart).toEqual([]);
    expect(whileFull.length).toBeGreaterThan(0);
    expect(whileFull.filter((w) => w.status !== 503 || w.code !== 'storage-unavailable')).toEqual([]);
    expect(signIn.status).toBe(200);
    expect(alerts.some((a) => a.kind === 'storage' && a.message.startsWith('Ổ đĩa đầy'))).toBe(true);
    expect(firstAfterFreeAt - freedAt).toBeLessThan(5000);
    expect(acked.length).toBeGreaterThanOrEqual(ackedAtFree + 200);
  }, 90_000);
});
