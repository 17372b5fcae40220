// Passwords are stored as scrypt hashes: slow on purpose, built into Node, no native addon.
// The hashing runs in one worker thread with a bounded queue (piscina): on the libuv pool it
// would hold the threads the journal's fsync needs, and a burst of sign-ins would stall tickets.
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import Piscina from 'piscina';
import { QueueError } from '@protocol/errors';

const N = 16384;
/** Sign-ins waiting for the hasher beyond this are refused (rate-limited) rather than queued without end. */
const MAX_WAITING = 64;

const hasher = new Piscina<{ password: string; salt: Uint8Array; keylen: number; N: number }, Uint8Array>({
  filename: new URL('./scrypt-worker.mjs', import.meta.url).href,
  minThreads: 1,
  maxThreads: 1,
  maxQueue: MAX_WAITING,
  // The thread stays for the next sign-in; an idle one does not keep the process alive.
  idleTimeout: Infinity,
  // The worker is plain JavaScript: it must not inherit the process's --import loaders (a
  // TypeScript preload such as the soak's slow disk cannot load in a worker on Node 20).
  execArgv: [],
});

async function scrypt(password: string, salt: Buffer, keylen: number, n: number): Promise<Buffer> {
  if (hasher.queueSize >= MAX_WAITING) throw new QueueError('rate-limited');
  return Buffer.from(await hasher.run({ password, salt, keylen, N: n }));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, N);
  return `scrypt$${N}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, Number(n));
  return timingSafeEqual(actual, expected);
}

/** Tokens are random; only their hash is stored, so a copied data folder grants nothing. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens seen lately and their hashes: every request of a console or a kiosk hashes the same token again. */
const recentHashes = new Map<string, string>();
const RECENT_HASHES = 4096;

/** A token's SHA-256 (sessions and pairings are stored by it, never by the token). */
export function hashToken(token: string): string {
  let hash = recentHashes.get(token);
  if (hash === undefined) {
    hash = createHash('sha256').update(token).digest('base64url');
    // A flood of made-up tokens empties the list rather than growing it.
    if (recentHashes.size >= RECENT_HASHES) recentHashes.clear();
    recentHashes.set(token, hash);
  }
  return hash;
}

/** A password a person can type from the log once: no look-alike characters. */
export function randomPassword(length = 12): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
