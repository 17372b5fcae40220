// A folder on its own small filesystem (a tmpfs; CI runs as root): a data folder that is not
// on the temp folder's filesystem, or a backup drive that fills up. Where mounting is
// impossible the caller's test is skipped loudly, and CI (QMS_REQUIRE_ALL_SUITES=1) fails.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TmpfsFolder {
  dir: string;
  dispose(): Promise<void>;
}

export async function tmpfsFolder(sizeKiB: number): Promise<TmpfsFolder | null> {
  const dir = await mkdtemp(join(tmpdir(), 'qms-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    const why = String(mounted.stderr).trim() || 'mount failed';
    if (process.env.QMS_REQUIRE_ALL_SUITES === '1') throw new Error(`QMS_REQUIRE_ALL_SUITES=1: a tmpfs is required (${why})`);
    console.warn(`\n${'!'.repeat(78)}\nCANNOT MOUNT A TMPFS (${why}): this test is skipped. Run it as root.\n${'!'.repeat(78)}\n`);
    return null;
  }
  return {
    dir,
    async dispose() {
      spawnSync('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
