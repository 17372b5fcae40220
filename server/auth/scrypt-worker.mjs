// Runs in the password hasher's worker thread (plain JavaScript: a worker loads it without
// the TypeScript loader). scryptSync here keeps the work off the libuv thread pool, which
// the day journal needs for every fsync.
import { scryptSync } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

// Where a core is contended (a one-core centre PC, or a busy one), the queue's thread goes
// first: this thread alone runs at a lower priority (Linux: a thread's own id, from
// /proc/thread-self, names it to setpriority). Elsewhere it keeps the normal priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  /* not Linux, or not allowed: hashing at the normal priority */
}

export default function scrypt({ password, salt, keylen, N }) {
  return scryptSync(password, salt, keylen, { N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}
