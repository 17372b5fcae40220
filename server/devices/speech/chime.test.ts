import { describe, expect, it } from 'vitest';
import { chimePcm } from './chime';

/** Frequency from upward zero crossings over a window. */
function pitch(pcm: Int16Array, rate: number, fromSeconds: number, toSeconds: number): number {
  const from = Math.round(fromSeconds * rate);
  const to = Math.round(toSeconds * rate);
  let crossings = 0;
  for (let i = from + 1; i < to; i++) if (pcm[i - 1] < 0 && pcm[i] >= 0) crossings++;
  return crossings / (toSeconds - fromSeconds);
}

describe('chimePcm', () => {
  it('is a falling two-tone ding-dong: a higher note, then a lower one', () => {
    const rate = 22050;
    const pcm = chimePcm(rate);
    expect(pitch(pcm, rate, 0.05, 0.35)).toBeCloseTo(659, -1);
    expect(pitch(pcm, rate, 0.75, 1.05)).toBeCloseTo(523, -1);
  });

  it('stays soft and fades out to silence', () => {
    const pcm = chimePcm(22050);
    expect(Math.max(...pcm.map(Math.abs))).toBeLessThan(0.6 * 32767);
    expect(Math.abs(pcm[pcm.length - 1])).toBeLessThan(50);
  });
});
