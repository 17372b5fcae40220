// Two connected pseudo-terminals made by socat, standing in for a serial cable in tests:
// a driver opens one end as if it were /dev/ttyUSB0, the test plays the device on the other.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** Path of one end (a symlink to /dev/pts/N). */
  a: string;
  b: string;
  /** Ends socat: both ends disappear, as when a USB serial adapter is pulled out. */
  unplug(): Promise<void>;
  /** Brings both ends back under the same paths (new pseudo-terminals behind them). */
  plugIn(): Promise<void>;
  /** Unplugs and removes the temp folder. */
  close(): Promise<void>;
}

export function hasSocat(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

const LINK_WAIT_MS = 10_000;

export async function openPtyPair(): Promise<PtyPair> {
  const dir = await mkdtemp(join(tmpdir(), 'qms-pty-'));
  const a = join(dir, 'A');
  const b = join(dir, 'B');
  let running: { process: ChildProcess; exited: Promise<void> } | null = null;

  const unplug = async () => {
    if (!running) return;
    const { process, exited } = running;
    running = null;
    if (process.exitCode === null && process.signalCode === null) process.kill();
    await exited;
  };

  const plugIn = async () => {
    if (running) return;
    const process = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<void>((resolve) => process.once('exit', () => resolve()));
    running = { process, exited };
    let log = '';
    process.stderr!.on('data', (d) => (log += d));
    try {
      await waitForLinks(process, [a, b], () => log);
    } catch (error) {
      await unplug();
      throw error;
    }
  };

  try {
    await plugIn();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    a,
    b,
    unplug,
    plugIn,
    close: async () => {
      await unplug();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForLinks(socat: ChildProcess, links: string[], log: () => string): Promise<void> {
  const deadline = Date.now() + LINK_WAIT_MS;
  for (;;) {
    if (socat.exitCode !== null) throw new Error(`socat exited with ${socat.exitCode}: ${log()}`);
    const present = await Promise.all(links.map((l) => stat(l).then(() => true, () => false)));
    // socat logs "starting data transfer loop" once both ends are ready to carry bytes.
    if (present.every(Boolean) && log().includes('starting data transfer loop')) return;
    if (Date.now() > deadline) throw new Error(`socat links did not appear within ${LINK_WAIT_MS} ms: ${log()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
