// What goes wrong during the soak's day, planned up front from the seed (so a run can be
// described and repeated) and then played against the running system: the server killed
// with -9 and started again, devices losing the network, the printer running out of paper
// or going silent, the disk slowing down, the disk filling up, the server's clock stepping back.
import type { Connection } from '../../client/connection';
import type { Random } from '../../server/simulator/seeded-random';
import type { TcpPrinterEmulator } from '../printer/tcp-printer-emulator';
import type { ServerProcess } from './server-process';
import { sleep } from './tracked-send';

export type Fault =
  | { at: number; kind: 'kill'; downMs: number }
  /** pick: which connected device, as a fraction of the list; awayMs 0 = a blip the device recovers from by itself. */
  | { at: number; kind: 'drop'; pick: number; awayMs: number }
  | { at: number; kind: 'paper-runs-out'; afterTickets: number }
  | { at: number; kind: 'printer-silent' }
  | { at: number; kind: 'printer-ok' }
  /** ms 0 = the disk is fast again. */
  | { at: number; kind: 'slow-disk'; ms: number }
  /** The data folder's disk full for `ms`, then the space comes back. */
  | { at: number; kind: 'disk-full'; ms: number }
  /** The server's wall clock set back by `seconds` (0: right again, a jump forward). */
  | { at: number; kind: 'clock-back'; seconds: number };

export interface FaultPlanOptions {
  durationMs: number;
  kills: number;
  /** The data folder is on a disk the soak can fill (a tmpfs). */
  diskFull?: boolean;
  /** The server runs under libfaketime, so its clock can be stepped. */
  clockBack?: boolean;
}

const MIN_KILL_GAP_MS = 4000;

export function planFaults(opts: FaultPlanOptions, rng: Random): Fault[] {
  const d = opts.durationMs;
  const faults: Fault[] = [];
  const between = (from: number, to: number) => Math.round(from * d + rng.next() * (to - from) * d);

  // Slow-disk windows; the first kill lands inside the first one, so some events are
  // written but not yet synced (nor acknowledged) when the server dies.
  const slowWindows = Math.max(1, Math.round(d / 45_000));
  const killTimes: number[] = [];
  for (let i = 0; i < slowWindows; i++) {
    const start = between(0.15 + (0.65 * i) / slowWindows, 0.15 + (0.65 * (i + 1)) / slowWindows - 0.05);
    const length = rng.int(3000, 6000);
    faults.push({ at: start, kind: 'slow-disk', ms: rng.int(150, 400) });
    faults.push({ at: start + length, kind: 'slow-disk', ms: 0 });
    if (i === 0 && opts.kills > 0) killTimes.push(start + rng.int(1000, Math.min(2500, length - 500)));
  }
  for (let tries = 0; killTimes.length < opts.kills && tries < 1000; tries++) {
    const at = between(0.1, 0.85);
    if (killTimes.every((k) => Math.abs(k - at) >= MIN_KILL_GAP_MS)) killTimes.push(at);
  }
  for (const at of killTimes) faults.push({ at, kind: 'kill', downMs: rng.int(200, 1500) });

  // The printer: one roll running out and one silent spell per minute of the day.
  const printerEpisodes = Math.max(1, Math.round(d / 60_000));
  for (let i = 0; i < printerEpisodes; i++) {
    const segment = d / printerEpisodes;
    const paperAt = Math.round(i * segment + segment * (0.1 + 0.1 * rng.next()));
    faults.push({ at: paperAt, kind: 'paper-runs-out', afterTickets: rng.int(2, 6) });
    faults.push({ at: paperAt + rng.int(4000, 7000), kind: 'printer-ok' });
    const silentAt = Math.round(i * segment + segment * (0.55 + 0.1 * rng.next()));
    faults.push({ at: silentAt, kind: 'printer-silent' });
    faults.push({ at: silentAt + rng.int(4000, 7000), kind: 'printer-ok' });
  }

  // Early in the day: a kill's restart holds the plan up for its downtime.
  if (opts.diskFull) faults.push({ at: between(0.3, 0.4), kind: 'disk-full', ms: rng.int(2000, 3500) });
  if (opts.clockBack) {
    faults.push({ at: between(0.12, 0.18), kind: 'clock-back', seconds: rng.int(300, 900) });
    faults.push({ at: between(0.5, 0.6), kind: 'clock-back', seconds: 0 });
  }

  for (let at = between(0.03, 0.05); at < 0.9 * d; at += rng.int(1000, 3000)) {
    faults.push({ at, kind: 'drop', pick: rng.next(), awayMs: rng.chance(0.65) ? 0 : rng.int(500, 3000) });
  }
  return faults.sort((a, b) => a.at - b.at);
}

export interface FaultTargets {
  server: ServerProcess;
  printer: TcpPrinterEmulator;
  setSlowDisk(ms: number): void;
  /** Fills the data folder's disk / gives the space back; null when it is not on a disk the soak can fill. */
  disk: { fill(): Promise<void>; free(): Promise<void> } | null;
  /** Sets the server's clock `seconds` behind the real time (libfaketime). */
  setClockBack(seconds: number): void;
  /** Every client connection now (devices, consoles, phones). */
  connections(): Connection[];
  log(line: string): void;
}

export interface FaultStats {
  kills: number;
  /** Milliseconds from each kill until the restarted server answered. */
  downtimesMs: number[];
  blips: number;
  awayDrops: number;
  paperOuts: number;
  printerSilences: number;
  slowDiskWindows: number;
  diskFullWindows: number;
  clockSteps: number;
}

/** Plays the plan from `startedAt`; returns when it is done or `running()` turns false. */
export class FaultRunner {
  readonly stats: FaultStats = { kills: 0, downtimesMs: [], blips: 0, awayDrops: 0, paperOuts: 0, printerSilences: 0, slowDiskWindows: 0, diskFullWindows: 0, clockSteps: 0 };
  private readonly away = new Map<Connection, NodeJS.Timeout>();

  constructor(private readonly targets: FaultTargets) {}

  async play(plan: readonly Fault[], startedAt: number, running: () => boolean): Promise<void> {
    for (const fault of plan) {
      const wait = startedAt + fault.at - Date.now();
      if (wait > 0) await sleep(wait);
      if (!running()) return;
      await this.apply(fault);
    }
  }

  private async apply(fault: Fault): Promise<void> {
    const t = this.targets;
    switch (fault.kind) {
      case 'kill': {
        const killedAt = Date.now();
        t.log(`kill -9 server (pid ${t.server.pid})`);
        await t.server.kill();
        this.stats.kills++;
        await sleep(fault.downMs);
        await t.server.start();
        this.stats.downtimesMs.push(Date.now() - killedAt);
        t.log(`server back after ${Date.now() - killedAt} ms`);
        return;
      }
      case 'drop': {
        const live = t.connections().filter((c) => c.socket.connected);
        if (live.length === 0) return;
        const conn = live[Math.min(live.length - 1, Math.floor(fault.pick * live.length))];
        if (fault.awayMs === 0) {
          // The cable pulled and plugged back: socket.io notices and reconnects by itself.
          conn.socket.io.engine.close();
          this.stats.blips++;
        } else {
          conn.socket.disconnect();
          this.away.set(conn, setTimeout(() => this.comeBack(conn), fault.awayMs));
          this.stats.awayDrops++;
        }
        return;
      }
      case 'paper-runs-out':
        t.printer.emulated.paperLeftForTickets = fault.afterTickets;
        this.stats.paperOuts++;
        t.log(`printer: paper runs out after ${fault.afterTickets} more tickets`);
        return;
      case 'printer-silent':
        t.printer.setStatus('offline');
        this.stats.printerSilences++;
        t.log('printer: stops answering');
        return;
      case 'printer-ok':
        t.printer.emulated.paperLeftForTickets = null;
        t.printer.setStatus('ok');
        t.log('printer: ready again (new roll / back online)');
        return;
      case 'slow-disk':
        t.setSlowDisk(fault.ms);
        if (fault.ms > 0) this.stats.slowDiskWindows++;
        t.log(fault.ms > 0 ? `disk: every fsync ${fault.ms} ms slower` : 'disk: fast again');
        return;
      case 'disk-full':
        if (!t.disk) return;
        await t.disk.fill();
        this.stats.diskFullWindows++;
        t.log(`disk: full for ${fault.ms} ms`);
        await sleep(fault.ms);
        await t.disk.free();
        t.log('disk: space back');
        return;
      case 'clock-back':
        t.setClockBack(fault.seconds);
        this.stats.clockSteps++;
        t.log(fault.seconds > 0 ? `clock: the server's clock set ${fault.seconds} s back` : "clock: the server's clock right again");
        return;
    }
  }

  private comeBack(conn: Connection): void {
    this.away.delete(conn);
    // A phone whose citizen has gone home meanwhile stays closed.
    if (this.targets.connections().includes(conn)) conn.socket.connect();
  }

  /** Everything back to normal for the end-of-day checks. */
  async heal(): Promise<void> {
    const t = this.targets;
    t.setSlowDisk(0);
    await t.disk?.free();
    t.setClockBack(0);
    t.printer.emulated.paperLeftForTickets = null;
    t.printer.setStatus('ok');
    for (const [conn, timer] of this.away) {
      clearTimeout(timer);
      this.comeBack(conn);
    }
    if (!t.server.running) await t.server.start();
  }

  /** Stops pending reconnects (the run is being torn down). */
  cancel(): void {
    for (const timer of this.away.values()) clearTimeout(timer);
    this.away.clear();
  }
}
