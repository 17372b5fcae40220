// Guessing passwords or pairing codes from the LAN. An attempt is counted when it starts,
// before the slow hash, so a burst sent at once is refused beyond the limit instead of all
// being checked. Two rules:
// - per (name, address) pair: `perPair` failures within the window lock that pair for the
//   window, right password or not. A stranger at one address does not lock a name for
//   everyone else, and does not lock the other names at their own address.
// - per address, across names: after `freePerAddress` failures the address waits before each
//   further attempt, 1 s, 2 s, 4 s … up to `maxBackoffMs`, one attempt at a time. Spraying
//   one password over every name is slowed without locking anyone out for long.
import { QueueError } from '@protocol/errors';

export interface ThrottleLimits {
  perPair: number;
  freePerAddress: number;
  windowMs: number;
  maxBackoffMs: number;
}

export const LOGIN_LIMITS: ThrottleLimits = { perPair: 5, freePerAddress: 10, windowMs: 15 * 60_000, maxBackoffMs: 60_000 };
/** Pairing codes have no name: the pair is (address, "code"); a 6-digit code survives 20 guesses an address per window. */
export const PAIRING_LIMITS: ThrottleLimits = { perPair: 20, freePerAddress: 5, windowMs: 15 * 60_000, maxBackoffMs: 60_000 };

interface Tally {
  failures: number[];
  inFlight: number;
}

/** One started attempt: the caller settles it once the check is done. */
export interface Attempt {
  failed(): void;
  succeeded(): void;
  /** The check itself could not run (the hasher was busy): the attempt counts for nothing. */
  abandoned(): void;
}

export class AttemptThrottle {
  private pairs = new Map<string, Tally>();
  private addresses = new Map<string, Tally>();

  constructor(
    private readonly clock: () => number,
    private readonly limits: ThrottleLimits = LOGIN_LIMITS,
  ) {}

  private tally(map: Map<string, Tally>, key: string, now: number): Tally {
    const t = map.get(key) ?? { failures: [], inFlight: 0 };
    t.failures = t.failures.filter((at) => now - at < this.limits.windowMs);
    if (t.failures.length || t.inFlight) map.set(key, t);
    else map.delete(key);
    return t;
  }

  /** Whether the address must wait before its next attempt. */
  private mustWait(t: Tally, now: number): boolean {
    const over = t.failures.length + t.inFlight - this.limits.freePerAddress;
    if (over < 0) return false;
    // Over the free allowance: one attempt at a time, each after the backoff since the last failure.
    if (t.inFlight > 0) return true;
    const backoff = Math.min(this.limits.maxBackoffMs, 1000 * 2 ** over);
    return now < (t.failures.at(-1) ?? now) + backoff;
  }

  /** Starts an attempt or refuses it (account-locked, rate-limited) without it being checked. */
  begin(name: string, address: string, now = this.clock()): Attempt {
    const pairKey = `${address}\u0000${name}`;
    const pair = this.tally(this.pairs, pairKey, now);
    if (pair.failures.length >= this.limits.perPair) throw new QueueError('account-locked');
    // Attempts still being checked may all fail: no more may start than could fail before the lock.
    if (pair.failures.length + pair.inFlight >= this.limits.perPair) throw new QueueError('rate-limited');
    const from = this.tally(this.addresses, address, now);
    if (this.mustWait(from, now)) throw new QueueError('rate-limited');
    pair.inFlight++;
    from.inFlight++;
    this.pairs.set(pairKey, pair);
    this.addresses.set(address, from);
    let settled = false;
    const settle = (outcome: 'failed' | 'succeeded' | 'abandoned') => {
      if (settled) return;
      settled = true;
      pair.inFlight--;
      from.inFlight--;
      const at = this.clock();
      if (outcome === 'failed') {
        pair.failures.push(at);
        from.failures.push(at);
      }
      // A right password clears the pair; the address keeps its count (a guesser may know one password).
      if (outcome === 'succeeded') pair.failures = [];
      this.tally(this.pairs, pairKey, at);
      this.tally(this.addresses, address, at);
    };
    return { failed: () => settle('failed'), succeeded: () => settle('succeeded'), abandoned: () => settle('abandoned') };
  }
}
