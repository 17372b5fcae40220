// How long the event loop is held, measured two ways while some work runs:
// - wall: the longest gap between two runs of a 1 ms timer (what a ticket waiting on the loop
//   feels), which on a machine shared with other work also counts the time the kernel gave
//   the core to someone else;
// - on CPU: the most time the main thread itself ran between two runs of that timer, from the
//   kernel's per-thread accounting (/proc/self/task/<tid>/schedstat, nanoseconds), which is the
//   project's own work holding the loop whatever the machine's load.
// The same meter run while nothing happens gives the floor printed beside each figure.
import { readFileSync } from 'node:fs';

export interface Stall {
  /** Longest wall-clock gap between timer runs, less the timer's 1 ms. */
  wallMs: number;
  /** Most main-thread CPU time between two timer runs (NaN where the kernel does not say). */
  cpuMs: number;
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** Nanoseconds the main thread has run so far, or NaN. */
function mainThreadRunNs(): number {
  try {
    return Number(readFileSync(SCHEDSTAT, 'latin1').split(' ')[0]);
  } catch {
    return NaN;
  }
}

/** Measures while `work` runs; the timer stops when it settles. */
export async function measureStall<T>(work: () => Promise<T>): Promise<Stall & { value: T }> {
  let lastWall = performance.now();
  let lastRun = mainThreadRunNs();
  let wallMs = 0;
  let cpuMs = 0;
  const timer = setInterval(() => {
    const wall = performance.now();
    const run = mainThreadRunNs();
    wallMs = Math.max(wallMs, wall - lastWall - 1);
    cpuMs = Math.max(cpuMs, (run - lastRun) / 1e6);
    lastWall = wall;
    // Reading the counter is itself main-thread work: the next interval starts after it.
    lastRun = mainThreadRunNs();
  }, 1);
  try {
    const value = await work();
    return { wallMs, cpuMs, value };
  } finally {
    clearInterval(timer);
  }
}

/** The floor: the same meter over an idle wait of `ms`, as loaded as the machine is now. */
export async function idleStall(ms = 2000): Promise<Stall> {
  const { wallMs, cpuMs } = await measureStall(() => new Promise((r) => setTimeout(r, ms)));
  return { wallMs, cpuMs };
}
