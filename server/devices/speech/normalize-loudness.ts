// Every clip at one loudness, so no word of a call is quieter than its neighbours: a gain to
// the target, then, where the loudest instants would pass the true-peak ceiling, a gain that
// dips smoothly around them (a look-ahead limiter) rather than the whole clip turned down.
import { integratedLoudness, truePeakEnvelope } from './loudness';

export const SPEECH_LUFS = -16;
/** The chime announces; the words carry the message. */
export const CHIME_LUFS = -20;
export const TRUE_PEAK_CEILING_DB = -1;

/** Changes whenever the processing would: part of each generated clip's provenance. */
export const LEVELLING_ID = `${SPEECH_LUFS} LUFS, ${TRUE_PEAK_CEILING_DB} dBTP, trim 20 ms`;

const LIMITER_WINDOW_SECONDS = 0.005;
const PASSES = 4;
const TOLERANCE_LU = 0.1;

export class SilentClipError extends Error {
  override name = 'SilentClipError';
}

export function normalizeLoudness(samples: Float32Array, rate: number, targetLufs = SPEECH_LUFS): Float32Array {
  let out: Float32Array = Float32Array.from(samples);
  const ceiling = 10 ** (TRUE_PEAK_CEILING_DB / 20);
  for (let pass = 0; pass < PASSES; pass++) {
    const loudness = integratedLoudness(out, rate);
    if (!Number.isFinite(loudness)) throw new SilentClipError('no sound above the absolute gate');
    const gain = 10 ** ((targetLufs - loudness) / 20);
    for (let i = 0; i < out.length; i++) out[i] *= gain;
    const limited = limitPeaks(out, rate, ceiling);
    if (!limited) return out;
    out = limited;
    if (Math.abs(integratedLoudness(out, rate) - targetLufs) < TOLERANCE_LU) return out;
  }
  // Still short of the target after limiting: the ceiling wins over the loudness.
  return limitPeaks(out, rate, ceiling) ?? out;
}

/** null when no instant passes the ceiling. */
function limitPeaks(samples: Float32Array, rate: number, ceiling: number): Float32Array | null {
  const envelope = truePeakEnvelope(samples);
  const wanted = new Float32Array(samples.length);
  let any = false;
  for (let i = 0; i < samples.length; i++) {
    wanted[i] = envelope[i] > ceiling ? (ceiling / envelope[i]) * 0.999 : 1;
    if (wanted[i] < 1) any = true;
  }
  if (!any) return null;
  const w = Math.max(1, Math.round(LIMITER_WINDOW_SECONDS * rate));
  // The minimum over ±w, then its average over ±w/2: every sample's gain stays at or under what
  // each instant within reach needs, and the gain moves without steps (no clicks).
  const lowest = slidingMin(wanted, w);
  const half = Math.max(1, Math.floor(w / 2));
  const out = new Float32Array(samples.length);
  let sum = 0;
  for (let i = -half; i < samples.length; i++) {
    const enter = i + half;
    if (enter < samples.length) sum += lowest[enter];
    const leave = i - half - 1;
    if (leave >= 0) sum -= lowest[leave];
    if (i >= 0) {
      const count = Math.min(samples.length - 1, i + half) - Math.max(0, i - half) + 1;
      out[i] = samples[i] * (sum / count);
    }
  }
  return out;
}

function slidingMin(values: Float32Array, reach: number): Float32Array {
  const out = new Float32Array(values.length);
  const deque: number[] = [];
  let head = 0;
  for (let i = 0; i < values.length + reach; i++) {
    if (i < values.length) {
      while (deque.length > head && values[deque[deque.length - 1]] >= values[i]) deque.pop();
      deque.push(i);
    }
    const centre = i - reach;
    if (centre >= 0) {
      while (deque[head] < centre - reach) head++;
      out[centre] = values[deque[head]];
    }
  }
  return out;
}
