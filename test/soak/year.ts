// A year in an hour: 250 working days against the real server process, its clock driven by
// libfaketime (each morning 07:45, weekends jumped over, so every night is a rollover and
// every Monday a jump over several days), its data folder on a tmpfs. Four kiosk-like
// clients issue, three counters call and finish; at random moments the disk fills up for a
// few seconds, the clock steps back over midnight, the server is killed and started again.
// At the end: every acknowledged ticket is in its day's journal exactly once and no number
// twice, the year's report equals the clients' own count, the server's memory after each
// rollover stays at its base, and the data folder stays bounded (backups rotated).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../server/simulator/seeded-random';
import { ackedTicketProblems, issuedInJournal, type AckedTicket } from '../support/acked-tickets';
import { faketimeStamp } from '../support/faketime-server';
import { keepAliveClient } from '../support/keep-alive-http';
import { fillUp, mountTmpfs } from '../support/small-disk';
import { http, httpOk } from './http';
import { freePort, LIBFAKETIME, ServerProcess } from './server-process';
import { sleep } from './tracked-send';

export interface YearOptions {
  days: number;
  seed: number;
  /** Real seconds of traffic per working day. */
  daySeconds: number;
  log: (line: string) => void;
  keepFiles?: boolean;
}

export interface YearResult {
  ok: boolean;
  failures: string[];
  figures: Record<string, unknown>;
}

const ADMIN = 'year-soak-admin-pw';
const HOUR = 3_600_000;
// Hà Nội is UTC+7: 07:45 local is 00:45 UTC of the same date.
const MORNING_UTC_MS = 45 * 60_000;
/** Counter → the field it serves and the staff member at it (sample centre). */
const DESKS = [
  { counterId: 2, serviceId: 'cong-an', staff: 'canbo1' },
  { counterId: 3, serviceId: 'bhxh', staff: 'canbo2' },
  { counterId: 9, serviceId: 'kinh-doanh', staff: 'canbo3' },
];

function workingDays(count: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(2027, 0, 4); days.length < count; t += 24 * HOUR) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

const utcOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

function rssMiB(pid: number | undefined): number {
  if (!pid) return 0;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

function duMiB(dir: string): number {
  const r = spawnSync('du', ['-sm', dir]);
  return Number(String(r.stdout).split('\t')[0]) || 0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function runYear(opts: YearOptions): Promise<YearResult> {
  const began = Date.now();
  const log = (line: string) => opts.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(5)} s] ${line}`);
  const rng = seededRandom(`year:${opts.seed}`);
  const failures: string[] = [];
  const workDir = await mkdtemp(join(tmpdir(), 'qms-year-'));
  const dataDir = join(workDir, 'data');
  const clockFile = join(workDir, 'clock');
  await mkdir(dataDir);
  if (!existsSync(LIBFAKETIME)) throw new Error(`the year soak needs libfaketime (${LIBFAKETIME}): apt-get install faketime`);
  const tmpfs = mountTmpfs(dataDir, 2048);
  if (!tmpfs.ok) log(`!!! cannot mount a tmpfs (${tmpfs.why}): the disk-full fault is NOT PLAYED`);
  const days = workingDays(opts.days);
  const setClock = (utcMs: number) => writeFileSync(clockFile, `${faketimeStamp(utcMs)}\n`);
  setClock(utcOf(days[0]) + MORNING_UTC_MS);

  const server = new ServerProcess({
    dataDir,
    logDir: workDir,
    port: await freePort(),
    adminPassword: ADMIN,
    printer: `file:${join(dataDir, 'prints')}`,
    slowDiskFile: join(workDir, 'no-slow-disk'),
    clockFile,
    // Every event at info level would make the soak's own log copies the biggest files here.
    env: { QMS_LOG_LEVEL: 'warn' },
    // A year of journals to read back, on a machine shared with other work.
    startTimeoutMs: 120_000,
  });
  const url = server.url;
  const serverTime = async () => (await httpOk(url, 'GET', '/api/health')).time as number;
  const untilServerTime = async (atLeast: number) => {
    for (let i = 0; i < 100 && (await serverTime()) < atLeast; i++) await sleep(100);
  };

  const acked = new Map<string, AckedTicket[]>();
  const counts = { issued: 0, served: 0, noShows: 0, refused503: 0, otherRefusals: 0, inDoubt: 0 };
  const faults = { diskFull: 0, clockBack: 0, restarts: 0, rollovers: 0 };
  const rss: number[] = [];
  const recoverSeconds: number[] = [];
  try {
    await server.start();
    log(`server on ${url}, data in ${dataDir} (${tmpfs.ok ? 'tmpfs' : 'plain disk'}), ${days.length} working days from ${days[0]} to ${days.at(-1)}`);

    // The sample staff replace 'doimatkhau' at their first sign-in, as each officer would.
    const passwords = new Map<string, string>();
    const signIn = async (username: string, password: string) => {
      const current = passwords.get(username) ?? password;
      const { token, mustChangePassword } = await httpOk(url, 'POST', '/api/auth/login', { username, password: current });
      if (mustChangePassword) {
        const newPassword = `${username}-year-soak-pw`;
        await httpOk(url, 'POST', '/api/auth/password', { currentPassword: current, newPassword }, token);
        passwords.set(username, newPassword);
      }
      return token as string;
    };
    const issueOne = async (client: ReturnType<typeof keepAliveClient>, serviceId: string) => {
      const r = await client.request('POST', '/api/tickets', { serviceId }).catch((err: Error) => {
        counts.inDoubt++;
        log(`an issue got no answer (${err.message}): in doubt`);
        return null;
      });
      if (!r) return false;
      if (r.status === 201) {
        // Asked through the issuing client, signed in: anonymous requests from one address have
        // a budget since issue 12, and this asks after every ticket.
        const day = (await client.request('GET', '/api/health')).body.day as string;
        const list = acked.get(day) ?? [];
        list.push({ id: r.body.id, label: r.body.label });
        acked.set(day, list);
        counts.issued++;
        return true;
      }
      if (r.status === 503) counts.refused503++;
      else counts.otherRefusals++;
      return false;
    };

    for (const [i, day] of days.entries()) {
      const morning = utcOf(day) + MORNING_UTC_MS;
      setClock(morning);
      await untilServerTime(morning);
      const admin = await signIn('admin', ADMIN);
      const issuers = Array.from({ length: 4 }, () => keepAliveClient(url, admin));
      // The first command of the day rolls the old one over; memory is read right after.
      await issueOne(issuers[0], DESKS[0].serviceId);
      if ((await issuers[0].request('GET', '/api/health')).body.day !== day) failures.push(`${day}: the server did not roll over to the day`);
      faults.rollovers++;
      rss.push(rssMiB(server.pid));

      const staff = await Promise.all(DESKS.map((d) => signIn(d.staff, 'doimatkhau')));
      for (const [k, d] of DESKS.entries()) await http(url, 'POST', `/api/counters/${d.counterId}/sign-in`, {}, staff[k]);

      const target = rng.int(30, 70);
      let issuing = true;
      const diskFullAt = tmpfs.ok && rng.chance(0.05) ? rng.int(1000, opts.daySeconds * 600) : -1;
      const dayStart = Date.now();
      const issue = async (c: ReturnType<typeof keepAliveClient>) => {
        while (issuing && Date.now() - dayStart < opts.daySeconds * 800) {
          if ((acked.get(day)?.length ?? 0) >= target) break;
          await issueOne(c, DESKS[rng.int(0, DESKS.length - 1)].serviceId);
          await sleep(rng.int(20, 120));
        }
      };
      const work = async (k: number) => {
        const d = DESKS[k];
        const desk = keepAliveClient(url, staff[k]);
        while (Date.now() - dayStart < opts.daySeconds * 1000) {
          const called = await desk.request('POST', `/api/counters/${d.counterId}/next`, {}).catch(() => ({ status: 0, body: null }) as const);
          if (called.status !== 200) {
            if (!issuing && called.body?.code === 'queue-empty') break;
            await sleep(100);
            continue;
          }
          await sleep(rng.int(10, 80));
          const noShow = rng.chance(0.08);
          for (let tries = 0; tries < 50; tries++) {
            const r = await desk
              .request('POST', `/api/counters/${d.counterId}/${noShow ? 'no-show' : 'finish'}`, noShow ? { requeue: false } : {})
              .catch(() => ({ status: 0, body: null }));
            if (r.status === 200) {
              if (noShow) counts.noShows++;
              else counts.served++;
              break;
            }
            await sleep(200); // the disk is full: the citizen is still at the desk
          }
        }
        desk.close();
      };
      const fillTheDisk = async () => {
        if (diskFullAt < 0) return;
        await sleep(diskFullAt);
        await fillUp(join(dataDir, 'filler'));
        faults.diskFull++;
        log(`${day}: disk full`);
        await sleep(rng.int(1500, 3000));
        await unlink(join(dataDir, 'filler'));
        // A kiosk that keeps trying: how soon after the space came back does it get a number?
        const freedAt = Date.now();
        const kiosk = keepAliveClient(url, admin);
        while (!(await issueOne(kiosk, DESKS[2].serviceId)) && Date.now() - freedAt < 30_000) await sleep(20);
        kiosk.close();
        recoverSeconds.push((Date.now() - freedAt) / 1000);
        log(`${day}: space back, issuing again after ${((Date.now() - freedAt) / 1000).toFixed(2)} s`);
      };
      const issuing4 = Promise.all(issuers.map(issue)).then(() => {
        issuing = false;
      });
      await Promise.all([issuing4, ...DESKS.map((_, k) => work(k)), fillTheDisk()]);
      for (const c of issuers) c.close();
      for (const [k, d] of DESKS.entries()) await http(url, 'POST', `/api/counters/${d.counterId}/sign-out`, {}, staff[k]);

      const next = days[i + 1];
      if (next && rng.chance(0.04)) {
        // After midnight, then a bad NTP answer: 23:59 of the day before.
        const nextMidnight = utcOf(next) - 7 * HOUR;
        setClock(nextMidnight + 60_000);
        await untilServerTime(nextMidnight + 60_000);
        const c = keepAliveClient(url, await signIn('admin', ADMIN));
        await issueOne(c, DESKS[0].serviceId);
        setClock(nextMidnight - 60_000);
        await sleep(2200);
        await issueOne(c, DESKS[1].serviceId);
        c.close();
        faults.clockBack++;
        log(`${day}: clock stepped back over midnight`);
      }
      if (rng.chance(0.03)) {
        await server.kill();
        await server.start();
        faults.restarts++;
        log(`${day}: kill -9 and restart`);
      }
      if (i % 10 === 9) log(`${day}: ${i + 1} days, ${counts.issued} tickets, rss ${rss.at(-1)} MiB, data ${duMiB(dataDir)} MiB`);
    }

    // Close the last day: the next morning's first look rolls it over.
    const after = utcOf(days.at(-1)!) + 24 * HOUR + MORNING_UTC_MS;
    setClock(after);
    await untilServerTime(after);
    const admin = await signIn('admin', ADMIN);
    await http(url, 'POST', '/api/tickets', { serviceId: 'does-not-exist' }, admin);
    await sleep(1000);

    for (const [day, list] of acked) {
      const problems = ackedTicketProblems(list, await issuedInJournal(dataDir, day));
      for (const p of problems) failures.push(`${day}: ${p}`);
    }
    const report = await httpOk(url, 'GET', `/api/reports?from=${days[0]}&to=${days.at(-1)}`, undefined, admin);
    const totals = report.totals.visits;
    if (totals.visits !== counts.issued) failures.push(`the year's report counts ${totals.visits} visits, the clients were given ${counts.issued} tickets`);
    if (totals.served !== counts.served) failures.push(`the year's report counts ${totals.served} served, the counters finished ${counts.served}`);
    if (totals.absent !== counts.noShows) failures.push(`the year's report counts ${totals.absent} absent, the counters marked ${counts.noShows}`);

    // Memory after each rollover: the last weeks at the level of the first (after warm-up).
    const base = median(rss.slice(10, 30));
    const end = median(rss.slice(-20));
    if (end > base + 64) failures.push(`memory after a rollover grew from ${base} MiB (days 10–30) to ${end} MiB (last 20 days)`);
    const backups = (await readdir(join(dataDir, 'backups')).catch(() => [] as string[])).filter((n) => n.startsWith('tu-dong-'));
    if (backups.length > 14) failures.push(`${backups.length} daily backups kept, the centre keeps 14`);
    const backupBytes = (await Promise.all(backups.map((b) => stat(join(dataDir, 'backups', b)).then((s) => s.size)))).reduce((a, b) => a + b, 0);

    return {
      ok: failures.length === 0,
      failures,
      figures: {
        days: days.length,
        elapsedMinutes: Number(((Date.now() - began) / 60_000).toFixed(1)),
        tickets: counts.issued,
        served: counts.served,
        noShows: counts.noShows,
        refusedWhileDiskFull: counts.refused503,
        otherRefusals: counts.otherRefusals,
        inDoubt: counts.inDoubt,
        report: { visits: totals.visits, served: totals.served, absent: totals.absent },
        faults,
        secondsToIssueAfterSpaceReturned: recoverSeconds,
        rssAfterRolloverMiB: { first: rss[0], base, end, max: Math.max(...rss) },
        dataFolderMiB: duMiB(dataDir),
        dailyBackupsKept: backups.length,
        backupsMiB: Number((backupBytes / 1024 / 1024).toFixed(1)),
      },
    };
  } finally {
    await server.stop().catch(() => undefined);
    if (tmpfs.ok) {
      if (opts.keepFiles) spawnSync('cp', ['-a', dataDir, join(workDir, 'data-kept')]);
      spawnSync('umount', ['-l', dataDir]);
    }
    if (!opts.keepFiles) await rm(workDir, { recursive: true, force: true });
    else log(`files kept in ${workDir}`);
  }
}
