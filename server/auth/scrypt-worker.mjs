// Runs in the password hasher's worker thread (plain JavaScript: a worker loads it without
// the TypeScript loader). scryptSync here keeps the work off the libuv thread pool, which
// the day journal needs for every fsync.
import { scryptSync } from 'node:crypto';

export default function scrypt({ password, salt, keylen, N }) {
  return scryptSync(password, salt, keylen, { N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}
