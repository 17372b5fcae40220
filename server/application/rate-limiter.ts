// A token bucket per key: a kiosk may issue its configured number of tickets a minute,
// in bursts up to the same number, so a stuck button or a script cannot drain a field.
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly clock: () => number) {}

  take(key: string, perMinute: number): boolean {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) / 60_000) * perMinute);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
