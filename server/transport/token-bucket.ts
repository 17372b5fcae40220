// A token bucket: `burst` commands at once, then `perSecond` more each second.
export interface Budget {
  perSecond: number;
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly budget: Budget,
    now: number,
  ) {
    this.tokens = budget.burst;
    this.at = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.budget.burst, this.tokens + ((now - this.at) / 1000) * this.budget.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
