// The "ding-dong" before a call, synthesised so a fresh install needs no sound files.
import { SPEECH_RATE } from './wav';

const DING_HZ = 659.25; // E5
const DONG_HZ = 523.25; // C5: a falling major third, the familiar two-tone gong
const DONG_STARTS_AT = 0.42;
const NOTE_SECONDS = 1.0;
const PEAK = 0.45; // softer than the speech: it announces, the words carry the message

export function chimePcm(rate = SPEECH_RATE): Int16Array {
  const total = Math.round((DONG_STARTS_AT + NOTE_SECONDS) * rate);
  const mix = new Float32Array(total);
  addBell(mix, rate, DING_HZ, 0);
  addBell(mix, rate, DONG_HZ, DONG_STARTS_AT);
  const pcm = new Int16Array(total);
  for (let i = 0; i < total; i++) pcm[i] = Math.round(Math.max(-1, Math.min(1, mix[i] * PEAK)) * 32767);
  return pcm;
}

/** A struck bell: a quick attack, an exponential decay, and a quieter octave for brightness. */
function addBell(mix: Float32Array, rate: number, hz: number, startSeconds: number): void {
  const start = Math.round(startSeconds * rate);
  const length = Math.min(Math.round(NOTE_SECONDS * rate), mix.length - start);
  const attack = 0.008 * rate;
  for (let i = 0; i < length; i++) {
    const t = i / rate;
    const envelope = Math.min(1, i / attack) * Math.exp(-t * 4.5) * (1 - i / length);
    const tone = Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(4 * Math.PI * hz * t) * Math.exp(-t * 6);
    mix[start + i] += envelope * tone * 0.75;
  }
}
