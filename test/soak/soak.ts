// The soak: a busy day at high speed against the real server process, with every device of
// the centre connected through the apps' own connection code, faults injected while it
// runs, then the end-of-day reconciliation. runSoak() is used by `npm run soak` (run.ts)
// and, shorter, by soak.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Connection } from '../../client/connection';
import type { CentreConfig } from '@protocol/config';
import { seededRandom } from '../../server/simulator/seeded-random';
import { startTcpPrinter, type TcpPrinterEmulator } from '../printer/tcp-printer-emulator';
import { listenLikeTheSpeaker, type AnnouncementCoverage } from './announcements';
import { enrol, RATING_PROMPT_SECONDS, soakCentre, STAFFED_COUNTERS, writeCentreConfig } from './centre-setup';
import { checkDayEnd } from './day-end';
import { FaultRunner, planFaults, type FaultStats } from './faults';
import { httpOk } from './http';
import { KioskActor } from './kiosk-actor';
import { Ledger } from './ledger';
import { PhoneActor } from './phone-actor';
import { check, type Check } from './check';
import { fillUp, mountTmpfs } from '../support/small-disk';
import { freePort, LIBFAKETIME, ServerProcess } from './server-process';
import { StaffActor } from './staff-actor';
import { TerminalActor } from './terminal-actor';
import { isOnline, sleep } from './tracked-send';

export interface SoakOptions {
  /** Length of the simulated day (wall-clock time of the busy part). */
  durationMs: number;
  /** kill -9 and restart of the server during the day. */
  kills: number;
  seed: number;
  /** Citizens per second arriving at the kiosk, on average over the day. */
  arrivalsPerSecond?: number;
  /** Median time a citizen spends at a desk. */
  serviceMedianMs?: number;
  /** Keep the data folder and server logs (printed in the summary) instead of deleting them. */
  keepFiles?: boolean;
  log?: (line: string) => void;
}

export interface SoakResult {
  seed: number;
  durationMs: number;
  elapsedMs: number;
  tickets: number;
  commands: { total: number; ok: number; refused: number; inDoubt: number; inDoubtHappened: number; byType: Record<string, number> };
  /** Calls and recalls of the day, and how many the speaking display announced. */
  announcements: Omit<AnnouncementCoverage, 'missedOnline'> & { missedOnline: number };
  phones: number;
  faults: FaultStats;
  checks: Check[];
  ok: boolean;
  /** Things worth a look that are not part of the checks. */
  observations: string[];
  workDir: string;
}

const ADMIN_PASSWORD = 'soak-admin-password';
const MAX_PHONES = 8;

function counterOfDevice(config: CentreConfig, deviceId: string): { counterId?: number } {
  const counterId = config.devices.find((d) => d.id === deviceId)?.counterId;
  return counterId !== undefined ? { counterId } : {};
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(50);
  }
  return false;
}

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const began = Date.now();
  const log = (line: string) => opts.log?.(`[${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const observations: string[] = [];
  const workDir = await mkdtemp(join(tmpdir(), 'qms-soak-'));
  const dataDir = join(workDir, 'data');
  const slowDiskFile = join(workDir, 'slow-disk-ms');
  const clockFile = join(workDir, 'clock-offset');
  const connections: Connection[] = [];
  const phones = new Set<PhoneActor>();
  const everyPhone: PhoneActor[] = [];
  let printer: TcpPrinterEmulator | undefined;
  let server: ServerProcess | undefined;
  let faults: FaultRunner | undefined;
  // A crash of the soak itself must not leave a server behind on the fixed port.
  let mounted = false;
  const killServerOnExit = () => {
    try {
      if (server?.pid) process.kill(server.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    if (mounted) spawnSync('umount', ['-l', dataDir]);
    if (!opts.keepFiles) rmSync(workDir, { recursive: true, force: true });
  };
  process.once('exit', killServerOnExit);

  try {
    // The data folder on its own tmpfs, so the disk can really fill up; the clock under libfaketime.
    await mkdir(dataDir);
    const tmpfs = mountTmpfs(dataDir, 512);
    mounted = tmpfs.ok;
    const faketime = existsSync(LIBFAKETIME);
    for (const [missing, fault] of [[!mounted, `disk-full (cannot mount a tmpfs: ${tmpfs.why})`], [!faketime, `clock-back (no ${LIBFAKETIME})`]] as const) {
      if (!missing) continue;
      if (process.env.QMS_REQUIRE_ALL_SUITES === '1') throw new Error(`QMS_REQUIRE_ALL_SUITES=1: the soak cannot play its ${fault} fault`);
      observations.push(`NOT PLAYED: the ${fault} fault`);
    }
    writeFileSync(clockFile, '+0\n');
    printer = await startTcpPrinter({ status: 'ok' });
    const port = await freePort();
    server = new ServerProcess({
      dataDir,
      logDir: workDir,
      port,
      adminPassword: ADMIN_PASSWORD,
      printer: `tcp://127.0.0.1:${printer.port}`,
      slowDiskFile,
      ...(faketime ? { clockFile } : {}),
    });
    const config = soakCentre(Date.now());
    await writeCentreConfig(dataDir, config);
    await server.start();
    // The first start makes the voice's clips, in the speech thread, before the server answers:
    // a thread that cannot start under the soak's own preloads leaves every call unspoken.
    const voiceReady = await server.waitForLog('default voice clips ready', 60_000);
    const call = await fetch(`${server.url}/api/voice/call.wav?label=1234&counter=3`).then(
      async (res): Promise<{ status: number; riff: boolean; error?: string }> => ({ status: res.status, riff: Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString('latin1') === 'RIFF' }),
      (err: Error) => ({ status: 0, riff: false, error: err.message }),
    );
    const voiceCheck = check(
      'the first start made the voice\'s clips, and a call is spoken',
      [
        ...(voiceReady ? [] : [`not ready 60 s after the first start (its log: server-1.log, kept with --keep)`]),
        ...(call.status === 200 && call.riff ? [] : [`GET /api/voice/call.wav answered ${call.error ?? call.status}${call.riff ? '' : ' without a WAV'}`]),
      ],
    );
    log(`server on ${server.url}, data in ${dataDir}, centre's zone ${config.centre.timeZone}`);
    const { adminToken, staffTokens, deviceTokens } = await enrol(server.url, ADMIN_PASSWORD, config);
    const url = server.url;

    const open = (token: string) => {
      const conn = connect({ url, token });
      connections.push(conn);
      return conn;
    };
    const deviceConn = new Map<string, Connection>();
    for (const [id, token] of deviceTokens) deviceConn.set(id, open(token));
    const staffConn = new Map<number, Connection>();
    for (const [counterId, token] of staffTokens) staffConn.set(counterId, open(token));
    const managerConn = open(adminToken);
    if (!(await until(() => connections.every(isOnline), 20_000))) throw new Error('not every device came online');
    log(`${connections.length} connections online (23 devices, 10 staff consoles, 1 manager)`);

    const ledger = new Ledger();
    const rngFor = (name: string) => seededRandom(`${opts.seed}:${name}`);
    const kiosk = new KioskActor(deviceConn.get('kiosk-1')!, ledger, rngFor('kiosk'), opts.arrivalsPerSecond ?? 3);
    const staff = STAFFED_COUNTERS.map(
      (id) =>
        new StaffActor(
          staffConn.get(id)!,
          id,
          ledger,
          rngFor(`staff-${id}`),
          { serviceMedianMs: opts.serviceMedianMs ?? 4000 },
          STAFFED_COUNTERS.filter((c) => c !== id),
          config.counters.find((c) => c.id === id)!.serviceIds,
        ),
    );
    const terminals = STAFFED_COUNTERS.map((id) => new TerminalActor(deviceConn.get(`rating-terminal-${id}`)!, id, ledger, rngFor(`terminal-${id}`)));
    // central-display-1 is the one that speaks (voice.playOnDeviceIds in the sample centre).
    const speaker = listenLikeTheSpeaker(deviceConn.get('central-display-1')!);

    let running = true;
    const isRunning = () => running;
    const phoneRng = rngFor('phones');
    let phoneCount = 0;
    const phoneRuns: Promise<void>[] = [];
    kiosk.onIssued((t) => {
      if (!running || phones.size >= MAX_PHONES || !phoneRng.chance(0.3)) return;
      const phone = new PhoneActor(`phone-${++phoneCount}`, url, t.id, ledger, phoneRng);
      phones.add(phone);
      everyPhone.push(phone);
      phoneRuns.push(
        phone.run(isRunning).then(async () => {
          if (!running) return; // still following its ticket at the end of the day: checked
          await sleep(1000);
          phones.delete(phone);
          phone.close();
        }),
      );
    });

    faults = new FaultRunner({
      server,
      printer,
      setSlowDisk: (ms) => writeFileSync(slowDiskFile, String(ms)),
      disk: mounted
        ? { fill: () => fillUp(join(dataDir, 'filler')), free: () => unlink(join(dataDir, 'filler')).catch(() => undefined) }
        : null,
      setClockBack: (seconds) => writeFileSync(clockFile, seconds > 0 ? `-${seconds}\n` : '+0\n'),
      connections: () => [...connections, ...[...phones].map((p) => p.conn)],
      log,
    });
    const plan = planFaults({ durationMs: opts.durationMs, kills: opts.kills, diskFull: mounted, clockBack: faketime }, rngFor('faults'));
    const startedAt = Date.now();
    const dayFraction = () => Math.min(1, (Date.now() - startedAt) / opts.durationMs);
    log(`day starts: ${opts.durationMs / 1000} s, ${plan.length} faults planned (${opts.kills} kills), seed ${opts.seed}`);
    const actors = [kiosk.run(dayFraction, isRunning), ...staff.map((s) => s.run(isRunning)), ...terminals.map((t) => t.run(isRunning))];
    const faultsPlayed = faults.play(plan, startedAt, isRunning);
    await sleep(opts.durationMs);
    // A restart slowed by a loaded machine pushes back the faults planned after it: the day
    // goes on until every one of them has happened, so it always has the faults asked for.
    await faultsPlayed;
    running = false;
    await Promise.all([...actors, ...phoneRuns]);
    log(`day over: ${kiosk.issued.length} tickets acknowledged; faults stop`);

    await faults.heal();
    if (!(await until(() => connections.every(isOnline), 20_000))) observations.push('not every device was back online 20 s after the faults stopped');
    // Closing time: each counter finishes the citizen at its desk.
    await Promise.all(staff.map((s) => s.finishDay(Date.now() + 20_000)));
    // Rating prompts still open expire on the server's timers; then nothing moves any more.
    await sleep(RATING_PROMPT_SECONDS * 1000 + 1000);
    const serverSeq = async () => (await httpOk(url, 'GET', '/api/health')).seq as number;
    const converged = await until(async () => {
        const seq = await serverSeq();
        return connections.every((c) => isOnline(c) && c.data.state?.seq === seq);
      },
      15_000,
    );
    if (!converged) observations.push('screens had not all reached the server sequence 15 s after the end of the day');

    if (opts.keepFiles) await writeFile(join(workDir, 'ledger.json'), JSON.stringify(ledger.records, null, 1));
    const end = await checkDayEnd({
      url,
      adminToken,
      dataDir,
      config,
      ledger,
      screens: [
        ...[...deviceConn].map(([name, conn]) => ({ name, conn, ...counterOfDevice(config, name) })),
        ...[...staffConn].map(([counterId, conn]) => ({ name: `staff-${counterId} console`, conn, counterId })),
        { name: 'manager', conn: managerConn },
      ],
      phones: [...phones],
      everyPhone,
      printedTickets: printer.tickets,
      speaker,
    });
    observations.push(...end.observations);

    const checks = [voiceCheck, ...end.checks];
    const records = ledger.records;
    const byType: Record<string, number> = {};
    for (const r of records) byType[r.command.type] = (byType[r.command.type] ?? 0) + 1;
    return {
      seed: opts.seed,
      durationMs: opts.durationMs,
      elapsedMs: Date.now() - began,
      tickets: end.tickets,
      commands: {
        total: records.length,
        ok: records.filter((r) => r.outcome.kind === 'ok').length,
        refused: records.filter((r) => r.outcome.kind === 'refused').length,
        inDoubt: records.filter((r) => r.outcome.kind === 'in-doubt').length,
        inDoubtHappened: end.inDoubtHappened,
        byType,
      },
      announcements: { ...end.announcements, missedOnline: end.announcements.missedOnline.length },
      phones: phoneCount,
      faults: faults.stats,
      checks,
      ok: checks.every((c) => c.ok),
      observations,
      workDir,
    };
  } finally {
    faults?.cancel();
    for (const p of phones) p.close();
    for (const c of connections) c.close();
    await server?.stop().catch(() => undefined);
    await printer?.close().catch(() => undefined);
    if (mounted) {
      // The tmpfs goes with the run: a kept run keeps a copy of the data folder.
      if (opts.keepFiles) spawnSync('cp', ['-a', dataDir, join(workDir, 'data-kept')]);
      spawnSync('umount', ['-l', dataDir]);
    }
    process.off('exit', killServerOnExit);
    if (opts.keepFiles) await writeFile(join(workDir, 'KEPT-BY-SOAK'), 'kept for inspection\n').catch(() => undefined);
    else await rm(workDir, { recursive: true, force: true });
  }
}
