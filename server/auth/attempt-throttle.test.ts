import { describe, expect, it } from 'vitest';
import { QueueError } from '@protocol/errors';
import { AttemptThrottle, LOGIN_LIMITS } from './attempt-throttle';

function refusal(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof QueueError ? err.code : 'threw';
  }
}

describe('AttemptThrottle', () => {
  it('counts attempts still being checked, so a burst cannot pass the pair limit', () => {
    const t = new AttemptThrottle(() => 0);
    const started = Array.from({ length: LOGIN_LIMITS.perPair }, () => t.begin('admin', 'a'));
    expect(refusal(() => t.begin('admin', 'a'))).toBe('rate-limited');
    for (const a of started) a.failed();
    expect(refusal(() => t.begin('admin', 'a'))).toBe('account-locked');
  });

  it('frees the places of attempts that were abandoned or succeeded', () => {
    const t = new AttemptThrottle(() => 0);
    for (let i = 0; i < 10; i++) t.begin('admin', 'a').abandoned();
    for (let i = 0; i < 4; i++) t.begin('admin', 'a').failed();
    t.begin('admin', 'a').succeeded();
    for (let i = 0; i < 4; i++) t.begin('admin', 'a').failed();
    expect(refusal(() => t.begin('admin', 'a'))).toBeNull();
  });

  it('keeps pairs apart: another address or another name is not locked', () => {
    const t = new AttemptThrottle(() => 0);
    for (let i = 0; i < 5; i++) t.begin('admin', 'a').failed();
    expect(refusal(() => t.begin('admin', 'b'))).toBeNull();
    expect(refusal(() => t.begin('canbo1', 'a'))).toBeNull();
  });

  it('backs an address off after its free failures, doubling up to the cap, one attempt at a time', () => {
    let now = 0;
    const t = new AttemptThrottle(() => now);
    for (let i = 0; i < 10; i++) t.begin(`n${i}`, 'a').failed();
    expect(refusal(() => t.begin('x', 'a'))).toBe('rate-limited');
    now += 1000;
    const one = t.begin('x', 'a');
    expect(refusal(() => t.begin('y', 'a'))).toBe('rate-limited');
    one.failed();
    now += 1999;
    expect(refusal(() => t.begin('y', 'a'))).toBe('rate-limited');
    now += 1;
    t.begin('y', 'a').failed();
    for (let i = 0; i < 10; i++) {
      now += 60_000;
      t.begin(`z${i}`, 'a').failed();
    }
    now += 59_999;
    expect(refusal(() => t.begin('w', 'a'))).toBe('rate-limited');
    now += 1;
    expect(refusal(() => t.begin('w', 'a'))).toBeNull();
  });

  it('forgets failures after the window', () => {
    let now = 0;
    const t = new AttemptThrottle(() => now);
    for (let i = 0; i < 5; i++) t.begin('admin', 'a').failed();
    now += LOGIN_LIMITS.windowMs;
    expect(refusal(() => t.begin('admin', 'a'))).toBeNull();
  });
});
