// Clips come with their own silence around the words (espeak-ng adds ~0.36 s after each,
// a microphone adds breath and room noise). Cut it so the joiner alone decides the rhythm
// of a call: every clip then starts and ends MARGIN_SECONDS from its first and last sound.
// "Sound" is judged in 10 ms frames against the clip's own loudest frame, so a quiet
// recording is trimmed like a loud one, and a noisy room's floor never counts as speech.

const FRAME_SECONDS = 0.01;
export const MARGIN_SECONDS = 0.02;
/** Soft onsets ("x", "s", "h") sit 25–35 dB under the vowels. */
const BELOW_LOUDEST_DB = 40;
/** A recording's noise floor is its quietest tenth of frames; speech stands well above it. */
const ABOVE_FLOOR_DB = 10;
/** Never so strict that a recording without any pause loses its quieter syllables. */
const MOST_BELOW_LOUDEST_DB = 20;
const FADE_SECONDS = 0.005;

export function trimSilence(samples: Float32Array, rate: number): Float32Array {
  const frame = Math.max(1, Math.round(FRAME_SECONDS * rate));
  const frames = Math.floor(samples.length / frame);
  if (frames === 0) return samples.subarray(0, 0);
  const levels = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) sum += samples[i] * samples[i];
    levels[f] = 10 * Math.log10(sum / frame + 1e-20);
  }
  const sorted = Float64Array.from(levels).sort();
  const loudest = sorted[frames - 1];
  if (loudest < -90) return samples.subarray(0, 0); // digital silence
  const floor = sorted[Math.floor(frames / 10)];
  const threshold = Math.min(loudest - MOST_BELOW_LOUDEST_DB, Math.max(loudest - BELOW_LOUDEST_DB, floor + ABOVE_FLOOR_DB));
  let first = 0;
  while (levels[first] < threshold) first++;
  let last = frames - 1;
  while (levels[last] < threshold) last--;
  const margin = Math.round(MARGIN_SECONDS * rate);
  const start = Math.max(0, first * frame - margin);
  const end = Math.min(samples.length, (last + 1) * frame + margin);
  const out = samples.slice(start, end);
  // A cut through room noise would click: fade the margins in and out.
  const fade = Math.min(Math.round(FADE_SECONDS * rate), Math.floor(out.length / 2));
  for (let i = 0; i < fade; i++) {
    const g = i / fade;
    out[i] *= g;
    out[out.length - 1 - i] *= g;
  }
  return out;
}
