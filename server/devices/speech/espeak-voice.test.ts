// The real synthesiser: espeak-ng's Vietnamese voice in WebAssembly, from the text2wav package.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VoiceConfig } from '@protocol/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultClipDir } from './clip-store';
import { createEspeakSynthesizer } from './espeak-wasm';
import { trimSilence } from './trim-silence';
import { createVoice, type Voice } from './voice';
import { SPEECH_RATE, decodeWav, toPcm16 } from './wav';

const voice: VoiceConfig = {
  template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  repeats: 2,
  rate: 0.9,
  chime: true,
  playOnDeviceIds: [],
};

const rms = (pcm: Int16Array) => Math.sqrt(pcm.reduce((s, v) => s + v * v, 0) / Math.max(1, pcm.length));

let dataDir: string;
let speech: Voice;
const listenersBefore = { uncaught: 0, rejection: 0 };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-espeak-'));
  listenersBefore.uncaught = process.listenerCount('uncaughtException');
  listenersBefore.rejection = process.listenerCount('unhandledRejection');
  speech = createVoice({ dataDir });
  await speech.prepare(voice);
}, 120_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('default clips spoken by espeak-ng', () => {
  it('are audible speech of a plausible length for every spoken key', async () => {
    for (const key of speech.clipKeys(voice).filter((k) => k !== 'chime')) {
      const wav = decodeWav(await readFile(join(defaultClipDir(dataDir), `${key}.wav`)));
      const spoken = trimSilence(toPcm16(wav), SPEECH_RATE);
      const seconds = spoken.length / SPEECH_RATE;
      expect(seconds, key).toBeGreaterThan(0.1);
      expect(seconds, key).toBeLessThan(4);
      expect(rms(spoken), key).toBeGreaterThan(600);
    }
  });

  it('say "lăm" and "năm" with different sounds, so 15 is not read "mười năm"', async () => {
    const clip = async (key: string) => toPcm16(decodeWav(await readFile(join(defaultClipDir(dataDir), `${key}.wav`))));
    const lam = await clip('word-lam');
    const nam = await clip('digit-5');
    const same = lam.length === nam.length && lam.every((v, i) => v === nam[i]);
    expect(same).toBe(false);
    expect(decodeWav(await readFile(join(defaultClipDir(dataDir), 'word-lam.wav'))).comment).toMatch(/: lăm$/);
  });

  it('make a call of the expected length: chime, then the sentence twice', async () => {
    const pcm = toPcm16(decodeWav(await speech.callAudio('1005', 3, voice)));
    const seconds = pcm.length / SPEECH_RATE;
    expect(seconds).toBeGreaterThan(5);
    expect(seconds).toBeLessThan(16);
  });

  it('are slower at a lower rate', async () => {
    const synthesize = createEspeakSynthesizer();
    const length = async (rate: number) => trimSilence(toPcm16(decodeWav(await synthesize('xin mời công dân có số thứ tự', { rate }))), SPEECH_RATE).length;
    expect(await length(0.7)).toBeGreaterThan((await length(1.2)) * 1.3);
  });

  it('leave no process-wide listeners behind', () => {
    expect(process.listenerCount('uncaughtException')).toBe(listenersBefore.uncaught);
    expect(process.listenerCount('unhandledRejection')).toBe(listenersBefore.rejection);
  });
});
