// Guessing passwords from the LAN: after 5 failures in 15 minutes for one name (or 20 from
// one address) further attempts are refused for 15 minutes, right password or not.
const WINDOW_MS = 15 * 60_000;
const PER_NAME = 5;
const PER_ADDRESS = 20;

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  isLocked(name: string, address: string, now: number): boolean {
    return this.recent(`n:${name}`, now).length >= PER_NAME || this.recent(`a:${address}`, now).length >= PER_ADDRESS;
  }

  fail(name: string, address: string, now: number): void {
    for (const key of [`n:${name}`, `a:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A right password clears the name's count; the address's count stays (a guesser may know one password). */
  succeed(name: string): void {
    this.failures.delete(`n:${name}`);
  }
}
