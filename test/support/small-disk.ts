// A data folder on a disk that really fills up: a small tmpfs mounted for the test (CI runs
// as root). Where mounting is impossible the suite says so loudly and falls back to failing
// this process's file writes with ENOSPC (or EIO) on demand — a stand-in CI refuses
// (QMS_REQUIRE_ALL_SUITES=1), since it cannot produce the short writes a real disk does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, open, rm, statfs, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  /** The mount point; put the data folder inside it. */
  dir: string;
  kind: 'tmpfs' | 'injected';
  /** Takes every free byte (tmpfs) or makes every write fail with `code` (injected). */
  fill(code?: 'ENOSPC' | 'EIO'): Promise<void>;
  /** Gives the space back. */
  free(): Promise<void>;
  dispose(): Promise<void>;
}

export async function smallDisk(sizeMiB = 8): Promise<SmallDisk> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-small-disk-'));
  const mounted = mountTmpfs(dir, sizeMiB);
  if (mounted.ok) return tmpfsDisk(dir);
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\nCANNOT MOUNT A TMPFS (${mounted.why}): the disk-full tests fall back to\n` +
      `an injected fs failing with ENOSPC/EIO. Run them as root to test a disk that really fills up.\n${bar}\n`,
  );
  if (process.env.QMS_REQUIRE_ALL_SUITES === '1') throw new Error('QMS_REQUIRE_ALL_SUITES=1: a tmpfs is required for the disk-full tests');
  return injectedDisk(dir);
}

/** Mounts a tmpfs of `sizeMiB` on `dir` (which must exist); false where this machine cannot. */
export function mountTmpfs(dir: string, sizeMiB: number): { ok: boolean; why: string } {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir]);
  return { ok: r.status === 0, why: String(r.stderr).trim() || 'mount failed' };
}

/** Takes every free byte of the filesystem `filler` is on: whole chunks while they fit, then pages, then bytes. */
export async function fillUp(filler: string): Promise<void> {
  const handle = await open(filler, 'a');
  const chunk = Buffer.alloc(64 * 1024, 0x78);
  try {
    for (const size of [64 * 1024, 4096, 1]) {
      for (;;) {
        try {
          const { bytesWritten } = await handle.write(chunk.subarray(0, size));
          if (bytesWritten < size) break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw err;
        }
      }
    }
  } finally {
    await handle.close();
  }
}

function tmpfsDisk(dir: string): SmallDisk {
  const filler = join(dir, 'filler');
  return {
    dir,
    kind: 'tmpfs',
    async fill() {
      await fillUp(filler);
      const s = await statfs(dir);
      if (s.bavail > 0) throw new Error(`the disk still has ${s.bavail} free blocks after filling`);
    },
    async free() {
      await unlink(filler).catch(() => undefined);
    },
    async dispose() {
      spawnSync('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

type Patched = Record<'write' | 'writeFile' | 'appendFile' | 'sync' | 'datasync', (...args: unknown[]) => Promise<unknown>>;

async function injectedDisk(dir: string): Promise<SmallDisk> {
  await mkdir(dir, { recursive: true });
  let failing: 'ENOSPC' | 'EIO' | null = null;
  // FileHandle's class is not exported; its prototype is reachable through any handle.
  const probe = await open(process.execPath, 'r');
  const proto = Object.getPrototypeOf(probe) as Patched;
  await probe.close();
  const names = ['write', 'writeFile', 'appendFile', 'sync', 'datasync'] as const;
  const originals = Object.fromEntries(names.map((n) => [n, proto[n]])) as Patched;
  for (const name of names) {
    const original = proto[name];
    proto[name] = function injected(this: unknown, ...args: unknown[]) {
      if (failing) {
        const err = Object.assign(new Error(`${failing}: injected ${name} failure`), { code: failing });
        return Promise.reject(err);
      }
      return original.apply(this, args);
    };
  }
  return {
    dir,
    kind: 'injected',
    async fill(code = 'ENOSPC') {
      failing = code;
    },
    async free() {
      failing = null;
    },
    async dispose() {
      failing = null;
      for (const name of names) proto[name] = originals[name];
      await rm(dir, { recursive: true, force: true });
    },
  };
}
