// A stand-in for espeak-ng in tests: each text becomes a tone of its own pitch, as long as the
// text, slower at a lower rate, with silence around it as a recorder leaves. Instant and exact.
import type { Synthesizer } from './synthesizer';
import { SPEECH_RATE } from './wav';

export const TONE_SILENCE_SECONDS = 0.2;

export function toneFor(text: string, rate: number): Float32Array {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  const hz = 200 + (hash % 600);
  const seconds = (0.05 + 0.03 * [...text].length) / rate;
  const samples = new Float32Array(Math.round(seconds * SPEECH_RATE));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.35 * Math.sin((2 * Math.PI * hz * i) / SPEECH_RATE + 0.5);
  return samples;
}

export function createToneSynthesizer(): Synthesizer & { calls: string[] } {
  const calls: string[] = [];
  return {
    id: 'tone stand-in 1',
    calls,
    speak(text, rate) {
      calls.push(text);
      const silence = Math.round(TONE_SILENCE_SECONDS * SPEECH_RATE);
      const tone = toneFor(text, rate);
      const samples = new Float32Array(silence * 2 + tone.length);
      samples.set(tone, silence);
      return { samples, phonemes: text };
    },
  };
}
