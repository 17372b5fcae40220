// Where a core is contended (a one-core centre PC, or a busy one), the queue's thread goes
// first: a worker thread doing background CPU work (reports, the voice's clips) calls this as
// it starts, and it alone runs at a lower priority. Linux names a thread to setpriority by its
// own id (/proc/thread-self); elsewhere, or where it is not allowed, it keeps the normal one.
// The password hasher's worker, plain JavaScript, does the same itself (auth/scrypt-worker.mjs).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export function runBelowTheQueue(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
  } catch {
    /* not Linux, or not allowed: the normal priority */
  }
}
