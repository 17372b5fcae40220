// How long the event loop is held, measured two ways while some work runs:
// - wall: the longest gap between two runs of a 1 ms timer (what a ticket waiting on the loop
//   feels), which on a machine shared with other work also counts the time the kernel gave
//   the core to someone else;
// - on CPU: the most time the main thread itself ran between two runs of that timer, from the
//   kernel's per-thread accounting (/proc/self/task/<tid>/schedstat, nanoseconds), which is the
//   project's own work holding the loop whatever the machine's load.
// - waiting for a core: the most time the main thread was ready to run but the kernel ran
//   something else, between two runs of the timer: the machine's share of the clock's gap.
// The same meter run while nothing happens gives the floor printed beside each figure.
import { openSync, readSync } from 'node:fs';

export interface Stall {
  /** Longest wall-clock gap between timer runs, less the timer's 1 ms. */
  wallMs: number;
  /** Most main-thread CPU time between two timer runs (NaN where the kernel does not say). */
  cpuMs: number;
  /** Most time the main thread waited for a core between two timer runs (NaN likewise). */
  queuedMs: number;
}

let schedstat: number | undefined;
const buffer = Buffer.alloc(128);

/** Nanoseconds the main thread has run and has waited for a core so far, or NaNs. */
function mainThreadNs(): [number, number] {
  try {
    schedstat ??= openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
    const n = readSync(schedstat, buffer, 0, buffer.length, 0);
    const [run, wait] = buffer.toString('latin1', 0, n).split(' ');
    return [Number(run), Number(wait)];
  } catch {
    return [NaN, NaN];
  }
}

/** Measures while `work` runs; the timer stops when it settles. */
export async function measureStall<T>(work: () => Promise<T>): Promise<Stall & { value: T }> {
  let lastWall = performance.now();
  let [lastRun, lastWait] = mainThreadNs();
  let wallMs = 0;
  let cpuMs = 0;
  let queuedMs = 0;
  const timer = setInterval(() => {
    const wall = performance.now();
    const [run, wait] = mainThreadNs();
    wallMs = Math.max(wallMs, wall - lastWall - 1);
    cpuMs = Math.max(cpuMs, (run - lastRun) / 1e6);
    queuedMs = Math.max(queuedMs, (wait - lastWait) / 1e6);
    lastWall = wall;
    // Reading the counters is itself main-thread work: the next interval starts after it.
    [lastRun, lastWait] = mainThreadNs();
  }, 1);
  try {
    const value = await work();
    return { wallMs, cpuMs, queuedMs, value };
  } finally {
    clearInterval(timer);
  }
}

/** The floor: the same meter over an idle wait of `ms`, as loaded as the machine is now. */
export async function idleStall(ms = 2000): Promise<Stall> {
  const { wallMs, cpuMs, queuedMs } = await measureStall(() => new Promise((r) => setTimeout(r, ms)));
  return { wallMs, cpuMs, queuedMs };
}
