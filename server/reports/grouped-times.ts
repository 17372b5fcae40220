// Exact average, median and 90th percentile of a time, per group, for several groupings
// at once. Instead of sorting each group, the tickets are put in time order once (a radix
// sort: linear, no comparisons) and one walk through that order counts, for every grouping
// at once, how many of each group it has passed, noting the values at the ranks it needs.
// A ticket's groups sit side by side (rowKeys) and travel with its time through the sort,
// so the walk reads memory in order: fetching them by ticket index would miss the cache
// once per ticket, which cost more than everything else together.

/** rowKeys[i * groupings + k]: ticket i's group in grouping k, or NO_GROUP. */
export const NO_GROUP = 0xffff;

export interface GroupTimes {
  count: Float64Array;
  sumMs: Float64Array;
  medianMs: Float64Array;
  p90Ms: Float64Array;
}

const DIGIT_BITS = 13;
const DIGITS = 1 << DIGIT_BITS;
const PASSES = 2;
/** Two 13-bit digits order times up to 2^26 ms (18.6 hours), beyond any wait or service within
 *  a working day; a longer time counts as 18.6 hours. Two passes instead of three is a third
 *  less work on a million rows. */
export const MAX_VALUE = 2 ** (DIGIT_BITS * PASSES) - 1;

/** The 0-based ranks that give the median (two, averaged) and the nearest-rank 90th percentile of n values. */
export function quantileRanks(n: number): { lo: number; hi: number; p90: number } {
  return { lo: Math.floor((n - 1) / 2), hi: Math.ceil((n - 1) / 2), p90: Math.ceil(0.9 * n) - 1 };
}

// Each loop over the tickets is a function of its own. A fresh reports thread runs a loop
// in V8's interpreter until it is compiled where it runs (on-stack replacement); in a
// function of several loops, the code after that loop had no type feedback yet, so the
// compiled code was thrown away at each next loop and the interpreter took over again. A
// loop alone in its function is compiled once, and the next call starts in that code: a
// thread's first groupedTimes over 50,000 rows took 40 ms that way, 20 ms this way.

function countMeasured(valuesMs: Int32Array): number {
  let measured = 0;
  for (let i = 0; i < valuesMs.length; i++) if (valuesMs[i] >= 0) measured++;
  return measured;
}

function gatherMeasured(valuesMs: Int32Array, source: Uint32Array, words: number, values: Int32Array, rows: Uint32Array): void {
  let k = 0;
  for (let i = 0; i < valuesMs.length; i++) {
    const v = valuesMs[i];
    if (v < 0) continue;
    values[k] = v > MAX_VALUE ? MAX_VALUE : v;
    for (let w = 0; w < words; w++) rows[k * words + w] = source[i * words + w];
    k++;
  }
}

/** starts[d]: where the first value with digit d goes. */
function digitStarts(values: Int32Array, shift: number, starts: Int32Array): void {
  starts.fill(0);
  for (let j = 0; j < values.length; j++) starts[(values[j] >>> shift) & (DIGITS - 1)]++;
  let start = 0;
  for (let d = 0; d < DIGITS; d++) {
    const c = starts[d];
    starts[d] = start;
    start += c;
  }
}

function scatter(values: Int32Array, rows: Uint32Array, words: number, shift: number, starts: Int32Array, nextValues: Int32Array, nextRows: Uint32Array): void {
  for (let j = 0; j < values.length; j++) {
    const at = starts[(values[j] >>> shift) & (DIGITS - 1)]++;
    nextValues[at] = values[j];
    for (let w = 0; w < words; w++) nextRows[at * words + w] = rows[j * words + w];
  }
}

/** The tickets that have a time (value ≥ 0), in time order (stable): their times and their rows of group keys. */
export function sortByTime(valuesMs: Int32Array, rowKeys: Uint16Array, width: number): { values: Int32Array; rowKeys: Uint16Array } {
  if (width % 2 !== 0) throw new RangeError('rows of group keys must have an even width');
  // Rows move as 32-bit words: two keys at a time.
  const words = width / 2;
  const source = new Uint32Array(rowKeys.buffer, rowKeys.byteOffset, rowKeys.length / 2);
  const measured = countMeasured(valuesMs);
  let values = new Int32Array(measured);
  let rows = new Uint32Array(measured * words);
  gatherMeasured(valuesMs, source, words, values, rows);
  let nextValues = new Int32Array(measured);
  let nextRows = new Uint32Array(measured * words);
  const starts = new Int32Array(DIGITS);
  for (let pass = 0; pass < PASSES; pass++) {
    const shift = pass * DIGIT_BITS;
    digitStarts(values, shift, starts);
    scatter(values, rows, words, shift, starts, nextValues, nextRows);
    [values, nextValues] = [nextValues, values];
    [rows, nextRows] = [nextRows, rows];
  }
  return { values, rowKeys: new Uint16Array(rows.buffer) };
}

function countAndSum(values: Int32Array, keys: Uint16Array, offsets: Int32Array, count: Float64Array, sumMs: Float64Array): void {
  const width = offsets.length;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    const row = j * width;
    for (let k = 0; k < width; k++) {
      const g = keys[row + k];
      if (g === NO_GROUP) continue;
      count[offsets[k] + g]++;
      sumMs[offsets[k] + g] += v;
    }
  }
}

/** Walks the times in order, noting each group's values at its median's and 90th percentile's ranks. */
function valuesAtRanks(values: Int32Array, keys: Uint16Array, offsets: Int32Array, ranks: { lo: Float64Array; hi: Float64Array; p90: Float64Array }, medianMs: Float64Array, p90Ms: Float64Array): void {
  const width = offsets.length;
  const { lo, hi, p90 } = ranks;
  const loValue = new Float64Array(medianMs.length);
  const seen = new Float64Array(medianMs.length);
  for (let j = 0; j < values.length; j++) {
    const row = j * width;
    const v = values[j];
    for (let k = 0; k < width; k++) {
      const g = keys[row + k];
      if (g === NO_GROUP) continue;
      const s = offsets[k] + g;
      const rank = seen[s]++;
      if (rank === lo[s]) loValue[s] = v;
      if (rank === hi[s]) medianMs[s] = (loValue[s] + v) / 2;
      if (rank === p90[s]) p90Ms[s] = v;
    }
  }
}

/**
 * valuesMs[i] < 0 means ticket i has no such time. groupCounts[k] is how many groups
 * grouping k has (an even number of groupings). Answers one GroupTimes per grouping, and
 * with `total` one more (a single group) for every row that has a time: it needs no key.
 */
export function groupedTimes(valuesMs: Int32Array, rowKeys: Uint16Array, groupCounts: readonly number[], options: { total?: boolean } = {}): GroupTimes[] {
  const width = groupCounts.length;
  // All groupings' groups in flat arrays: grouping k's group g is at offsets[k] + g.
  const offsets = new Int32Array(width);
  let slots = 0;
  groupCounts.forEach((groups, k) => {
    offsets[k] = slots;
    slots += groups;
  });
  const sorted = sortByTime(valuesMs, rowKeys, width);
  const values = sorted.values;
  const keys = sorted.rowKeys;

  const count = new Float64Array(slots);
  const sumMs = new Float64Array(slots);
  countAndSum(values, keys, offsets, count, sumMs);
  const lo = new Float64Array(slots);
  const hi = new Float64Array(slots);
  const p90 = new Float64Array(slots);
  for (let s = 0; s < slots; s++) {
    const r = quantileRanks(count[s]);
    lo[s] = r.lo;
    hi[s] = r.hi;
    p90[s] = r.p90;
  }
  const medianMs = new Float64Array(slots).fill(NaN);
  const p90Ms = new Float64Array(slots).fill(NaN);
  valuesAtRanks(values, keys, offsets, { lo, hi, p90 }, medianMs, p90Ms);
  const out = groupCounts.map((groups, k) => {
    const part = (a: Float64Array) => a.subarray(offsets[k], offsets[k] + groups);
    return { count: part(count), sumMs: part(sumMs), medianMs: part(medianMs), p90Ms: part(p90Ms) };
  });
  if (options.total) out.push(totalOf(values));
  return out;
}

/** The times of all rows, from the sorted values alone. */
function totalOf(sorted: Int32Array): GroupTimes {
  const m = sorted.length;
  let sum = 0;
  for (let j = 0; j < m; j++) sum += sorted[j];
  const r = quantileRanks(m);
  return {
    count: Float64Array.of(m),
    sumMs: Float64Array.of(sum),
    medianMs: Float64Array.of(m === 0 ? NaN : (sorted[r.lo] + sorted[r.hi]) / 2),
    p90Ms: Float64Array.of(m === 0 ? NaN : sorted[r.p90]),
  };
}
