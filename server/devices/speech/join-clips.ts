// One call's clips into one stretch of PCM, with the silences that give it its rhythm.
import { CHIME, PAUSE } from './clip-catalog';

export interface Clip {
  key: string;
  pcm: Int16Array;
}

export const GAP_SECONDS = 0.09; // between words: digits read one by one stay distinct
export const AFTER_CHIME_SECONDS = 0.3;
export const PAUSE_SECONDS = 0.9; // between the two readings of the call

/** Silences stretch with the speech: at rate 0.9 every gap is 1/0.9 as long. */
export function silenceBefore(previous: string | null, key: string, speechRate: number): number {
  if (previous === null) return 0;
  const seconds = key === PAUSE ? PAUSE_SECONDS : previous === PAUSE ? 0 : previous === CHIME ? AFTER_CHIME_SECONDS : GAP_SECONDS;
  return seconds / speechRate;
}

export function joinClips(clips: Clip[], { sampleRate, speechRate }: { sampleRate: number; speechRate: number }): Int16Array {
  const offsets: number[] = [];
  let length = 0;
  clips.forEach((clip, i) => {
    length += Math.round(silenceBefore(i === 0 ? null : clips[i - 1].key, clip.key, speechRate) * sampleRate);
    offsets.push(length);
    length += clip.pcm.length;
  });
  const out = new Int16Array(length);
  clips.forEach((clip, i) => out.set(clip.pcm, offsets[i]));
  return out;
}
