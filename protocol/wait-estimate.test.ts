import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateWait, expectedWaitMinutes, rangeAround } from './wait-estimate';

describe('rangeAround()', () => {
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

  it('gives the ticket text\'s example for twenty minutes', () => {
    expect(rangeAround(20)).toEqual({ low: 15, high: 25 });
    expect(rangeAround(60)).toEqual({ low: 45, high: 75 });
  });
});

describe('expectedWaitMinutes()', () => {
  const pace = { minutesPerCall: 4, freeCounters: 0, basis: 'today' as const };
  it('grows with the places ahead', () => {
    expect(expectedWaitMinutes(0, pace)).toBe(2);
    expect(expectedWaitMinutes(5, pace)).toBe(22);
  });
  it('is nothing while a counter of the field is free for the ticket', () => {
    expect(expectedWaitMinutes(1, { ...pace, freeCounters: 2 })).toBe(0);
    expect(expectedWaitMinutes(2, { ...pace, freeCounters: 2 })).toBe(2);
  });
  it('has no range for a field the server has not measured', () => {
    expect(estimateWait(3, 'ho-tich', { at: 0, paces: {} })).toBeUndefined();
    expect(estimateWait(3, 'ho-tich', undefined)).toBeUndefined();
  });
});
