import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedTimes, NO_GROUP, quantileRanks, sortByTime } from './grouped-times';

/** The textbook way: collect each group's values, sort, pick. */
function naive(values: number[], keys: number[], groups: number) {
  return Array.from({ length: groups }, (_, g) => {
    const xs = values.filter((v, i) => v >= 0 && keys[i] === g).sort((a, b) => a - b);
    if (xs.length === 0) return { count: 0, sum: 0, median: NaN, p90: NaN };
    const median = xs.length % 2 === 1 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    return { count: xs.length, sum: xs.reduce((a, b) => a + b, 0), median, p90: xs[Math.ceil(xs.length * 0.9) - 1] };
  });
}

describe('groupedTimes()', () => {
  it('matches sorting each group separately, for any values and groupings', () => {
    const ticket = fc.record({
      value: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 2 ** 26 - 1 })),
      a: fc.integer({ min: 0, max: 3 }),
      b: fc.oneof(fc.constant(NO_GROUP), fc.integer({ min: 0, max: 6 })),
    });
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 300 }), (tickets) => {
        const values = Int32Array.from(tickets, (t) => t.value);
        const rowKeys = new Uint16Array(tickets.length * 2);
        tickets.forEach((t, i) => {
          rowKeys[i * 2] = t.a;
          rowKeys[i * 2 + 1] = t.b;
        });
        const [byA, byB, all] = groupedTimes(values, rowKeys, [4, 7], { total: true });
        const check = (got: typeof byA, keys: number[], groups: number) =>
          naive([...values], keys, groups).forEach((want, g) => {
            expect(got.count[g]).toBe(want.count);
            expect(got.sumMs[g]).toBe(want.sum);
            expect(got.medianMs[g]).toBe(want.median);
            expect(got.p90Ms[g]).toBe(want.p90);
          });
        check(byA, tickets.map((t) => t.a), 4);
        check(byB, tickets.map((t) => (t.b === NO_GROUP ? -1 : t.b)), 7);
        check(all, tickets.map(() => 0), 1);
      }),
      { numRuns: 200 },
    );
  });

  it('puts times in order with their rows, keeping ties in ticket order', () => {
    const values = Int32Array.of(5000, -1, 3, 5000, 2 ** 25 + 7, 0);
    const rowKeys = Uint16Array.of(0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15);
    const sorted = sortByTime(values, rowKeys, 2);
    expect([...sorted.values]).toEqual([0, 3, 5000, 5000, 2 ** 25 + 7]);
    expect([...sorted.rowKeys]).toEqual([5, 15, 2, 12, 0, 10, 3, 13, 4, 14]);
  });

  it('takes the nearest rank for the 90th percentile and the two middle values for the median', () => {
    expect(quantileRanks(1)).toEqual({ lo: 0, hi: 0, p90: 0 });
    expect(quantileRanks(10)).toEqual({ lo: 4, hi: 5, p90: 8 });
    expect(quantileRanks(11)).toEqual({ lo: 5, hi: 5, p90: 9 });
  });
});
