import { describe, expect, it } from 'vitest';
import { AFTER_CHIME_SECONDS, GAP_SECONDS, PAUSE_SECONDS, joinClips } from './join-clips';

const clip = (key: string, value: number, length: number) => ({ key, pcm: new Int16Array(length).fill(value) });

describe('joinClips', () => {
  it('lays the clips end to end in order with the configured silences between them', () => {
    const rate = 1000;
    const clips = [clip('chime', 1, 50), clip('xin-moi', 2, 30), clip('digit-1', 3, 20), clip('pause', 0, 0), clip('xin-moi', 2, 30)];
    const out = joinClips(clips, { sampleRate: rate, speechRate: 1 });
    const afterChime = AFTER_CHIME_SECONDS * rate;
    const gap = GAP_SECONDS * rate;
    const pause = PAUSE_SECONDS * rate;
    expect(out.length).toBe(50 + afterChime + 30 + gap + 20 + pause + 30);
    const runs: [number, number][] = [];
    out.forEach((v) => (runs.length && runs.at(-1)![0] === v ? runs.at(-1)![1]++ : runs.push([v, 1])));
    expect(runs).toEqual([[1, 50], [0, afterChime], [2, 30], [0, gap], [3, 20], [0, pause], [2, 30]]);
  });

  it('stretches the silences when speech is slower', () => {
    const clips = [clip('a', 1, 10), clip('b', 1, 10)];
    const normal = joinClips(clips, { sampleRate: 1000, speechRate: 1 }).length;
    const slow = joinClips(clips, { sampleRate: 1000, speechRate: 0.5 }).length;
    expect(slow - 20).toBe(2 * (normal - 20));
  });
});
