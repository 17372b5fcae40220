// A copy that survives the PC: every daily archive also goes to a second location (here a
// tmpfs standing for a USB drive), read back and checked, rotated like the backups folder; a
// missing, unmounted or full location raises an alert the managers see until a copy succeeds.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { smallDisk, type SmallDisk } from '../support/small-disk';

const DAY = 86_400_000;
let now = Date.UTC(2026, 2, 16, 2, 0); // 09:00 in Hà Nội, Monday 16/03/2026
let server: TestServer | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const c of cleanups.splice(0)) await c();
});

/** A USB drive stands here as a small tmpfs; without one (not root) the test is skipped, loudly, by small-disk.ts. */
async function drive(sizeMiB: number): Promise<SmallDisk | null> {
  const d = await smallDisk(sizeMiB);
  cleanups.push(() => d.dispose());
  return d.kind === 'tmpfs' ? d : null;
}

async function start(dataDir?: string) {
  now = Date.UTC(2026, 2, 16, 2, 0);
  server = await startTestServer({ ...(dataDir ? { dataDir } : {}), deps: { clock: () => now, prepareVoiceOnChange: false } });
  const admin = await server.login();
  await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
  return { s: server, admin };
}

async function setLocation(s: TestServer, admin: string, secondLocation: string, keepDays = 14) {
  const config = (await s.http('GET', '/api/config', undefined, admin)).body;
  config.backup = { keepDays, secondLocation };
  expect((await s.http('PUT', '/api/config', config, admin)).status).toBe(200);
}

const copyNow = async (s: TestServer, admin: string) => (await s.http('POST', '/api/backup/second-location/copy', undefined, admin)).body;
const alerts = async (s: TestServer, admin: string) => (await s.http('GET', '/api/reports/today', undefined, admin)).body.alerts as { id: string; message: string }[];
const daily = (names: string[]) => names.filter((n) => n.startsWith('tu-dong-')).sort();

/** The next day at 09:00, signed in again (yesterday's session has expired), with one ticket so the day opens. */
async function nextDay(s: TestServer): Promise<string> {
  now += DAY;
  const admin = await s.login();
  await s.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
  return admin;
}

describe('the second backup location', () => {
  it('gets every daily archive, byte for byte, rotated like the backups folder, and the time of the last good copy', async () => {
    const usb = await drive(8);
    if (!usb) return;
    const { s, admin: first0 } = await start();
    let admin = first0;
    await setLocation(s, admin, usb.dir, 2);
    const first = await copyNow(s, admin);
    expect(first).toMatchObject({ location: usb.dir, problem: null, lastGoodCopy: { name: 'tu-dong-2026-03-16.tar.gz', at: now } });
    expect(await readFile(join(usb.dir, 'tu-dong-2026-03-16.tar.gz'))).toEqual(await readFile(join(s.dataDir, 'backups', 'tu-dong-2026-03-16.tar.gz')));

    for (let i = 0; i < 2; i++) {
      admin = await nextDay(s);
      await copyNow(s, admin);
    }
    expect(daily(await readdir(usb.dir))).toEqual(['tu-dong-2026-03-17.tar.gz', 'tu-dong-2026-03-18.tar.gz']);
    expect(daily(await readdir(join(s.dataDir, 'backups')))).toEqual(['tu-dong-2026-03-17.tar.gz', 'tu-dong-2026-03-18.tar.gz']);
    expect((await readdir(usb.dir)).filter((n) => n.endsWith('.partial'))).toEqual([]);

    // After a restart the managers' app still shows when the last good copy was made.
    const dataDir = s.dataDir;
    await s.close({ keepData: true });
    server = await startTestServer({ dataDir, deps: { clock: () => now, prepareVoiceOnChange: false } });
    const manager = await server.login();
    expect((await server.http('GET', '/api/backup/second-location', undefined, manager)).body).toMatchObject({ lastGoodCopy: { name: 'tu-dong-2026-03-18.tar.gz', at: now }, problem: null });
    await server.close();
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('raises an alert while the drive is missing or not mounted, and clears it once a copy is made', async () => {
    const { s, admin } = await start();
    const mountPoint = join(await mkdtemp(join(tmpdir(), 'qms-usb-')), 'usb');
    cleanups.push(() => rm(join(mountPoint, '..'), { recursive: true, force: true }));
    await setLocation(s, admin, mountPoint);

    const missing = await copyNow(s, admin);
    expect(missing).toMatchObject({ lastGoodCopy: null, problem: { message: expect.stringContaining('không thấy thư mục này') } });
    expect(await alerts(s, admin)).toContainEqual(expect.objectContaining({ id: 'storage:second-location', message: expect.stringContaining(mountPoint) }));

    // The folder is there but the drive is not mounted on it: the copy would stay on the same disk.
    await mkdir(mountPoint);
    expect((await copyNow(s, admin)).problem.message).toContain('cùng ổ đĩa');
    expect(await readdir(mountPoint)).toEqual([]);

    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) return; // not root: small-disk.ts says so loudly in the other tests (and CI refuses)
    cleanups.unshift(async () => void spawnSync('umount', ['-l', mountPoint]));
    expect(await copyNow(s, admin)).toMatchObject({ problem: null, lastGoodCopy: { name: 'tu-dong-2026-03-16.tar.gz' } });
    expect((await alerts(s, admin)).map((a) => a.id)).not.toContain('storage:second-location');
  });

  it('on a tiny drive that fills up: the copy fails whole, the alert says the drive is full, the last good copy stays', async () => {
    const usb = await drive(1);
    if (!usb) return;
    const { s, admin: firstDay } = await start();
    await setLocation(s, firstDay, usb.dir);
    expect((await copyNow(s, firstDay)).problem).toBeNull();

    // Everything else on the drive takes the rest of its space.
    await usb.fill();
    const admin = await nextDay(s);
    const full = await copyNow(s, admin);
    expect(full).toMatchObject({ problem: { message: 'ổ đầy, không còn chỗ' }, lastGoodCopy: { name: 'tu-dong-2026-03-16.tar.gz' } });
    expect(await readdir(usb.dir)).toEqual(['filler', 'tu-dong-2026-03-16.tar.gz']);
    expect(await alerts(s, admin)).toContainEqual(expect.objectContaining({ id: 'storage:second-location', message: expect.stringContaining('ổ đầy') }));

    await usb.free();
    expect(await copyNow(s, admin)).toMatchObject({ problem: null, lastGoodCopy: { name: 'tu-dong-2026-03-17.tar.gz' } });
  });
});
