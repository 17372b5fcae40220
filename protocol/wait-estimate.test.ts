import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateWait, expectedWaitMinutes, rangeAround, widestFrom } from './wait-estimate';

/** The rule as the ticket text states it, each candidate tried: what rangeAround finds by halving. */
function nearestTryingEach(minutes: number) {
  let best = { low: 0, high: 10 };
  let bestDistance = Infinity;
  for (let low = Math.max(0, Math.floor((minutes * 0.5) / 5) * 5); low <= Math.max(0, minutes); low += 5) {
    const high = low + widestFrom(low);
    if (high < minutes) continue;
    const distance = Math.abs((low + high) / 2 - minutes);
    if (distance <= bestDistance) {
      best = { low, high };
      bestDistance = distance;
    }
  }
  return best;
}

describe('rangeAround()', () => {
  it('takes the same range as trying every candidate, for short waits and for a line of thousands', () => {
    for (let tenths = 0; tenths <= 6000; tenths++) expect(rangeAround(tenths / 10)).toEqual(nearestTryingEach(tenths / 10));
    fc.assert(
      fc.property(fc.double({ min: -10, max: 200_000, noNaN: true }), (minutes) => {
        expect(rangeAround(minutes)).toEqual(nearestTryingEach(minutes));
      }),
    );
  });

  it('holds the expected minutes, ends on whole five minutes, and is never wider than 10 minutes or half its midpoint', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 600, noNaN: true }), (minutes) => {
        const { low, high } = rangeAround(minutes);
        expect(low % 5).toBe(0);
        expect(high % 5).toBe(0);
        expect(low).toBeLessThanOrEqual(minutes);
        expect(high).toBeGreaterThanOrEqual(minutes);
        expect(high - low).toBeLessThanOrEqual(Math.max(10, (low + high) / 4));
        expect(high - low).toBeGreaterThanOrEqual(10);
      }),
    );
  });

  it('is as wide as the rule allows from its low end, so no range is narrower than it may be', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 600, noNaN: true }), (minutes) => {
        const { low, high } = rangeAround(minutes);
        expect(high - low).toBe(widestFrom(low));
        // Five minutes wider would break the rule.
        expect(high + 5 - low).toBeGreaterThan(Math.max(10, (low + high + 5) / 4));
      }),
    );
  });

  it('gives the ticket text\'s example for twenty minutes, and the widest allowed range for a long wait', () => {
    expect(rangeAround(20)).toEqual({ low: 15, high: 25 });
    expect(rangeAround(60)).toEqual({ low: 45, high: 75 });
    // 30–45 would also hold 37 minutes, but 30–50 is allowed (half of 40 is 20) and centred nearer.
    expect(rangeAround(37)).toEqual({ low: 30, high: 50 });
    expect(rangeAround(3)).toEqual({ low: 0, high: 10 });
  });
});

describe('expectedWaitMinutes()', () => {
  const pace = { turns: [0, 3, 7.5, 12], minutesPerCall: 4, basis: 'today' as const };
  it('reads the projected turn of the place in line', () => {
    expect(expectedWaitMinutes(0, pace)).toBe(0);
    expect(expectedWaitMinutes(2, pace)).toBe(7.5);
    expect(expectedWaitMinutes(3, pace)).toBe(12);
  });
  it('goes on from the last projected turn at the field\'s pace', () => {
    expect(expectedWaitMinutes(4, pace)).toBe(16);
    expect(expectedWaitMinutes(6, pace)).toBe(24);
  });
  it('counts half a turn more than the places ahead when nothing is projected (no counter open)', () => {
    expect(expectedWaitMinutes(0, { ...pace, turns: [] })).toBe(2);
    expect(expectedWaitMinutes(5, { ...pace, turns: [] })).toBe(22);
  });
  it('has no range for a field the server has not measured', () => {
    expect(estimateWait(3, 'ho-tich', { at: 0, paces: {} })).toBeUndefined();
    expect(estimateWait(3, 'ho-tich', undefined)).toBeUndefined();
    expect(estimateWait(2, 'ho-tich', { at: 0, paces: { 'ho-tich': pace } })).toEqual({ low: 5, high: 15 });
  });
});
