// Listening to the real voice: espeak-ng's Vietnamese in the speech worker. What it reads
// (its phonemes, syllable by syllable), how loud every clip is (measured by sox, not by our own
// meter), and where each clip sits in a joined call.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VoiceConfig } from '@protocol/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSox, soxLoudness, soxSamplePeak, soxTruePeak } from '../../../test/support/sox-loudness';
import { spokenClipTexts } from './clip-catalog';
import { defaultClipDir, parseProvenance } from './clip-store';
import { silenceBefore } from './join-clips';
import { integratedLoudness } from './loudness';
import { SPEECH_LUFS } from './normalize-loudness';
import { planCall } from './plan-call';
import { createVoice, type Voice } from './voice';
import { SPEECH_RATE, decodeWav, encodeWav, monoAt, toPcm16 } from './wav';

const voice: VoiceConfig = {
  template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  repeats: 2,
  rate: 0.9,
  chime: true,
  announce: 'clips',
  playOnDeviceIds: [],
};

/** What a Vietnamese listener must hear in each clip: per syllable "onset/final/tone".
 *  espeak-ng 1.49 (the release before) read không as [xo], công as [ɡo], có as [ɡɔ], quầy as [wəj]. */
const EXPECTED: Record<string, string> = {
  'Xin mời công dân có số thứ tự': 's/n/ngang m/j/huyền k/ŋ/ngang z/n/ngang k//sắc s//sắc t//sắc t̪//nặng',
  'đến quầy số': 'ɗ/n/sắc kw//huyền s//sắc',
  không: 'x/ŋ/ngang',
  một: 'm/t̪/nặng',
  hai: 'h/j/ngang',
  ba: 'b//ngang',
  bốn: 'b/n/sắc',
  năm: 'n/m/ngang',
  sáu: 's/w/sắc',
  bảy: 'b/j/hỏi',
  tám: 't̪/m/sắc',
  chín: 'tʃ/n/sắc',
  mười: 'm/j/huyền',
  mươi: 'm/j/ngang',
  mốt: 'm/t̪/sắc',
  tư: 't̪//ngang',
  lăm: 'l/m/ngang',
  trăm: 'tʃ/m/ngang',
  lẻ: 'l//hỏi',
  nghìn: 'ŋ/n/huyền',
  a: '//ngang',
  bê: 'b//ngang',
  xê: 's//ngang',
  dê: 'z//ngang',
  đê: 'ɗ//ngang',
  e: '//ngang',
  ép: '/p/sắc',
  giê: 'z//ngang',
  hát: 'h/t̪/sắc',
  i: '//ngang',
  gi: 'z//ngang',
  ca: 'k//ngang',
  'e lờ': '//ngang l//huyền',
  'em mờ': '/m/ngang m//huyền',
  'en nờ': '/n/ngang n//huyền',
  o: '//ngang',
  pê: 'p//ngang',
  quy: 'kw//ngang',
  'e rờ': '//ngang z//huyền',
  'ét xì': '/t̪/sắc s//huyền',
  tê: 't̪//ngang',
  u: '//ngang',
  vê: 'v//ngang',
  'vê kép': 'v//ngang k/p/sắc',
  'ích xì': '/c/sắc s//huyền',
  'i dài': '//ngang z/j/huyền',
  dét: 'z/t̪/sắc',
};

/** espeak-ng's tone phonemes (phsource/ph_vietnam): 7 is the level tone at the end of a clause; 3 prints as ɜ in IPA. */
const TONES: Record<string, string> = { '1': 'ngang', '7': 'ngang', '2': 'huyền', '3': 'sắc', ɜ: 'sắc', '4': 'hỏi', '5': 'ngã', '6': 'nặng' };

/** "k_w_ˈəɪ2_ s_ˈoɜ_" → "kw//huyền s//sắc": the phonemes before the toned vowel, after it, and the tone. */
export function syllables(phonemes: string): string {
  return phonemes
    .trim()
    .split(/\s+/)
    .map((word) => {
      const parts = word.split('_').filter(Boolean).map((p) => p.replace(/[ˈˌ]/g, ''));
      const vowel = parts.findIndex((p) => /[1-7ɜ]$/.test(p));
      if (vowel < 0) return `${parts.join('')}/?/none`;
      const tone = TONES[parts[vowel].slice(-1)];
      return `${parts.slice(0, vowel).join('')}/${parts.slice(vowel + 1).join('')}/${tone}`;
    })
    .join(' ');
}

let dataDir: string;
let speech: Voice;
const clipFile = (key: string) => join(defaultClipDir(dataDir), `${key}.wav`);
const listenersBefore = { uncaught: 0, rejection: 0 };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-espeak-'));
  listenersBefore.uncaught = process.listenerCount('uncaughtException');
  listenersBefore.rejection = process.listenerCount('unhandledRejection');
  speech = createVoice({ dataDir });
  await speech.prepare(voice);
}, 120_000);

afterAll(async () => {
  await speech.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('espeak-ng 1.52 reads every clip right', () => {
  it('has an expected reading for every clip a call can use', () => {
    expect([...spokenClipTexts(voice).values()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each([...spokenClipTexts(voice)])('%s: "%s" has the expected onsets, finals and tones', async (key, text) => {
    const provenance = parseProvenance(decodeWav(await readFile(clipFile(key))).comment);
    expect(provenance).toMatchObject({ engine: speech.renderer.engineId, text, rate: voice.rate });
    expect(syllables(provenance!.phonemes)).toBe(EXPECTED[text]);
  });

  it('are slower at a lower rate', async () => {
    const length = async (rate: number) => (await speech.renderer.render('xin mời công dân có số thứ tự', rate, 'now')).pcm.length;
    expect(await length(0.7)).toBeGreaterThan((await length(1.2)) * 1.3);
  });

  it('leave no process-wide listeners behind (espeak-ng runs in its own thread)', () => {
    expect(process.listenerCount('uncaughtException')).toBe(listenersBefore.uncaught);
    expect(process.listenerCount('unhandledRejection')).toBe(listenersBefore.rejection);
  });
});

describe.skipIf(!hasSox)('every clip at one loudness, measured by sox', () => {
  it('the sox meter reads a 997 Hz sine at −20 dBFS as −23.0 LUFS (as BS.1770 says), and ours agrees', async () => {
    const sine = join(dataDir, 'sine.wav');
    execFileSync('sox', ['-n', '-r', '22050', '-b', '16', sine, 'synth', '3', 'sine', '997', 'vol', '0.1']);
    expect(soxLoudness(sine)).toBeCloseTo(-23.01, 1);
    expect(integratedLoudness(monoAt(decodeWav(await readFile(sine))), SPEECH_RATE)).toBeCloseTo(-23.01, 1);
  });

  it(`spreads no more than 1 dB around ${SPEECH_LUFS} LUFS, every true peak at or under −1 dBFS`, () => {
    const levels = speech.clipKeys(voice).filter((k) => k !== 'chime').map((key) => ({ key, lufs: soxLoudness(clipFile(key)) }));
    const loudness = levels.map((l) => l.lufs);
    expect(Math.max(...loudness) - Math.min(...loudness), JSON.stringify(levels)).toBeLessThanOrEqual(1);
    for (const { key, lufs } of levels) {
      expect(Math.abs(lufs - SPEECH_LUFS), key).toBeLessThan(0.6);
      expect(soxSamplePeak(clipFile(key)), key).toBeLessThanOrEqual(-1);
      expect(soxTruePeak(clipFile(key)), key).toBeLessThanOrEqual(-0.9);
    }
  });

  it('levels a quiet recording as loud as the generated clips', async () => {
    const quiet = join(dataDir, 'quiet.wav');
    execFileSync('sox', [clipFile('digit-0'), '-r', '48000', '-c', '2', quiet, 'vol', '0.05', 'pad', '0.8', '1.2']);
    const levelled = join(dataDir, 'levelled.wav');
    await writeFile(levelled, encodeWav(await speech.renderer.level(await readFile(quiet), 'speech', 'now')));
    expect(soxLoudness(levelled)).toBeCloseTo(soxLoudness(clipFile('digit-0')), 0);
  });
});

describe('a joined call', () => {
  it('has every clip of the plan in order, with the planned silence between them and nothing else', async () => {
    const plan = planCall({ label: '1005', counterId: 15, voice });
    const call = toPcm16(decodeWav(await speech.callAudio('1005', 15, voice)));
    let at = 0;
    for (const [i, key] of plan.entries()) {
      const gap = Math.round(silenceBefore(i === 0 ? null : plan[i - 1], key, voice.rate) * SPEECH_RATE);
      expect(call.subarray(at, at + gap).every((v) => v === 0), `silence before ${key}`).toBe(true);
      at += gap;
      if (key === 'pause') continue;
      const clip = key === 'chime' ? toPcm16(decodeWav(await speech.chimeAudio())) : toPcm16(decodeWav(await readFile(clipFile(key))));
      expect(call.subarray(at, at + clip.length), `${key} at sample ${at}`).toEqual(clip);
      at += clip.length;
    }
    expect(at).toBe(call.length);
  });
});
