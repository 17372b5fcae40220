// A stand-in for espeak-ng in tests: each text becomes a tone of its own pitch, as long as the
// text, slower at a lower rate, with silence around it as espeak-ng leaves. Instant and exact.
import type { Synthesize } from './espeak-wasm';
import { SPEECH_RATE, encodeWav } from './wav';

export const TONE_SILENCE_SECONDS = 0.2;

export function toneFor(text: string, rate: number): Int16Array {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  const hz = 200 + (hash % 600);
  const seconds = (0.05 + 0.03 * [...text].length) / rate;
  const pcm = new Int16Array(Math.round(seconds * SPEECH_RATE));
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(12_000 * Math.sin((2 * Math.PI * hz * i) / SPEECH_RATE + 0.5));
  return pcm;
}

export function createToneSynthesizer(): Synthesize & { calls: string[] } {
  const calls: string[] = [];
  const synthesize = async (text: string, { rate }: { rate: number }) => {
    calls.push(text);
    const silence = new Int16Array(Math.round(TONE_SILENCE_SECONDS * SPEECH_RATE));
    const tone = toneFor(text, rate);
    const pcm = new Int16Array(silence.length * 2 + tone.length);
    pcm.set(tone, silence.length);
    return encodeWav(pcm, SPEECH_RATE);
  };
  return Object.assign(synthesize, { calls });
}
