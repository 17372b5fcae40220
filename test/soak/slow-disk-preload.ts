// Loaded into the server process with `node --import` by the soak test, never by the
// server itself: a slow disk from outside the server's code. While the file named by
// SOAK_SLOW_DISK_FILE holds a number of milliseconds, every fsync/fdatasync through a
// fs/promises FileHandle (the durable JSON files) waits that long before it reaches the disk,
// and so does every write to a file opened with O_DSYNC (the journal's group commit, whose
// sync is its write's own) once its bytes are written, as a disk busy with someone else's
// writes would make it. The bytes written before the sync are already in the page cache, so a
// kill -9 during the wait leaves them in the file although nobody was told they were saved:
// the case a slow disk adds to the soak's reconciliation.
import { constants, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { openFlags } from '../support/proc';

const flagFile = process.env.SOAK_SLOW_DISK_FILE;

function currentDelayMs(): number {
  if (!flagFile) return 0;
  try {
    const ms = Number(readFileSync(flagFile, 'utf8'));
    return Number.isFinite(ms) && ms > 0 ? ms : 0;
  } catch {
    return 0; // no file: the disk is fast
  }
}

/** The file descriptor was opened for synchronised data writes (Linux: its flags in fdinfo). */
function syncsOnWrite(fd: number): boolean {
  try {
    return constants.O_DSYNC !== undefined && (openFlags(fd) & constants.O_DSYNC) !== 0;
  } catch {
    return false;
  }
}

if (flagFile) {
  // FileHandle's class is not exported; its prototype is reachable through any handle.
  const probe = await open(process.execPath, 'r');
  const proto = Object.getPrototypeOf(probe) as Record<'sync' | 'datasync' | 'write', (this: { fd: number }, ...args: unknown[]) => Promise<unknown>>;
  await probe.close();
  for (const name of ['sync', 'datasync'] as const) {
    const original = proto[name];
    proto[name] = async function slowed(this: { fd: number }) {
      const ms = currentDelayMs();
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      return original.call(this);
    };
  }
  const write = proto.write;
  proto.write = async function slowedSyncingWrite(this: { fd: number }, ...args: unknown[]) {
    const written = await write.apply(this, args);
    const ms = currentDelayMs();
    if (ms > 0 && syncsOnWrite(this.fd)) await new Promise((resolve) => setTimeout(resolve, ms));
    return written;
  };
}
