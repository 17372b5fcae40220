import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VoiceConfig } from '@protocol/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ForegroundWork } from '../../foreground-work';
import { customClipDir, defaultClipDir } from './clip-store';
import { AFTER_CHIME_SECONDS, GAP_SECONDS, PAUSE_SECONDS } from './join-clips';
import { planCall } from './plan-call';
import { levelSamples } from './level-clip';
import { createToneSynthesizer } from './tone-synthesizer';
import { createVoice } from './voice';
import { SPEECH_RATE, decodeWav, encodeWav, pcm16ToFloat, toPcm16 } from './wav';

const voice: VoiceConfig = {
  template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  repeats: 2,
  rate: 0.9,
  chime: true,
  announce: 'clips',
  playOnDeviceIds: [],
};

/** A default clip as the store keeps it: the stand-in's tone, trimmed and levelled. */
const spokenClip = (text: string, rate: number) => levelSamples(createToneSynthesizer().speak(text, rate).samples, 'speech');
/** A recording as the store keeps it. */
const levelled = (pcm: Int16Array, kind: 'speech' | 'chime' = 'speech') => levelSamples(pcm16ToFloat(pcm), kind);

/** A distinct tone per key, so each clip can be found in the joined call. */
function keyTone(index: number, seconds = 0.12): Int16Array {
  const pcm = new Int16Array(Math.round(seconds * SPEECH_RATE));
  const hz = 300 + 37 * index;
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(9000 * Math.sin((2 * Math.PI * hz * i) / SPEECH_RATE + 1));
  return pcm;
}

function indexOfRun(haystack: Int16Array, needle: Int16Array, from: number): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-voice-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('createVoice with recorded clips in the custom folder', () => {
  it('joins every clip of the plan, in order, into one WAV as long as the clips and silences', async () => {
    const voiceWithAllCustom = createVoice({ dataDir, synthesizer: createToneSynthesizer() });
    const plan = planCall({ label: '1005', counterId: 3, voice });
    const keys = [...new Set(plan.filter((k) => k !== 'pause'))];
    const tones = new Map(keys.map((k, i) => [k, keyTone(i)]));
    const heard = new Map([...tones].map(([k, pcm]) => [k, levelled(pcm, k === 'chime' ? 'chime' : 'speech')]));
    await mkdir(customClipDir(dataDir), { recursive: true });
    for (const [key, pcm] of tones) await writeFile(join(customClipDir(dataDir), `${key}.wav`), encodeWav(pcm));

    const wav = await voiceWithAllCustom.callAudio('1005', 3, voice);
    const decoded = decodeWav(wav);
    expect(decoded.sampleRate).toBe(SPEECH_RATE);
    const pcm = toPcm16(decoded);

    const spoken = plan.filter((k) => k !== 'pause');
    const clipSeconds = spoken.reduce((s, k) => s + heard.get(k)!.length / SPEECH_RATE, 0);
    const silences = (AFTER_CHIME_SECONDS + (spoken.length - 2 - (voice.repeats - 1)) * GAP_SECONDS + PAUSE_SECONDS) / voice.rate;
    const seconds = pcm.length / SPEECH_RATE;
    expect(seconds).toBeGreaterThan(clipSeconds + silences - 0.01);
    expect(seconds).toBeLessThan(clipSeconds + silences + 0.01);

    let at = 0;
    for (const key of spoken) {
      const found = indexOfRun(pcm, heard.get(key)!, at);
      expect(found, `clip ${key} after sample ${at}`).toBeGreaterThanOrEqual(at);
      at = found + heard.get(key)!.length;
    }
  });

  it('uses a custom clip instead of the generated one, and the generated one when there is none', async () => {
    const synthesize = createToneSynthesizer();
    const speech = createVoice({ dataDir, synthesizer: synthesize });
    const plain = { ...voice, chime: false, repeats: 1 };
    const before = toPcm16(decodeWav(await speech.callAudio('1', 7, plain)));
    expect(indexOfRun(before, spokenClip('bảy', plain.rate), 0)).toBeGreaterThan(0);

    const recorded = keyTone(40);
    await mkdir(customClipDir(dataDir), { recursive: true });
    await writeFile(join(customClipDir(dataDir), 'digit-7.wav'), encodeWav(recorded));
    const after = toPcm16(decodeWav(await speech.callAudio('1', 7, plain)));
    expect(indexOfRun(after, levelled(recorded), 0)).toBeGreaterThan(0);
    expect(indexOfRun(after, spokenClip('bảy', plain.rate), 0)).toBe(-1);
  });

  it('converts a 48 kHz stereo recording to the call format', async () => {
    const stereo = new Int16Array(48000 * 0.5 * 2).map((_v, i) => (Math.floor(i / 2) % 48 < 24 ? 8000 : -8000));
    // encodeWav writes mono; the interleaved samples become stereo by patching the fmt chunk.
    const wav = encodeWav(stereo, 48000);
    wav.writeUInt16LE(2, 22); // channels
    wav.writeUInt32LE(48000 * 4, 28);
    wav.writeUInt16LE(4, 32);
    await mkdir(customClipDir(dataDir), { recursive: true });
    await writeFile(join(customClipDir(dataDir), 'chime.wav'), wav);
    const speech = createVoice({ dataDir, synthesizer: createToneSynthesizer() });
    const pcm = toPcm16(decodeWav(await speech.callAudio('1', 1, { ...voice, repeats: 1 })));
    // The 0.5 s square wave at 1 kHz leads the call, resampled: 11 025 samples, 1000 cycles.
    const lead = pcm.subarray(0, 11025);
    expect(lead.filter((v) => v > 1000).length).toBeGreaterThan(4500);
    expect(lead.filter((v) => v < -1000).length).toBeGreaterThan(4500);
  });

  it('falls back to the default clip when a custom file is not a WAV', async () => {
    const synthesize = createToneSynthesizer();
    const logged: string[] = [];
    const speech = createVoice({ dataDir, synthesizer: synthesize, logger: { info: () => {}, warn: (_d, m) => logged.push(m) } });
    await mkdir(customClipDir(dataDir), { recursive: true });
    await writeFile(join(customClipDir(dataDir), 'digit-7.wav'), 'not audio');
    const pcm = toPcm16(decodeWav(await speech.callAudio('1', 7, { ...voice, chime: false, repeats: 1 })));
    expect(indexOfRun(pcm, spokenClip('bảy', voice.rate), 0)).toBeGreaterThan(0);
    expect(logged).toHaveLength(1);
  });
});

describe('createVoice default clips', () => {
  it('answers a repeated call from its cache without joining again', async () => {
    const speech = createVoice({ dataDir, synthesizer: createToneSynthesizer() });
    const first = await speech.callAudio('1005', 3, voice);
    expect(await speech.callAudio('1005', 3, voice)).toBe(first);
    expect(await speech.callAudio('1005', 4, voice)).not.toBe(first);
  });

  it('prepare() makes a default clip for every spoken key, and calls then need no synthesis', async () => {
    const synthesize = createToneSynthesizer();
    const speech = createVoice({ dataDir, synthesizer: synthesize });
    await speech.prepare(voice);
    const spokenKeys = speech.clipKeys(voice).filter((k) => k !== 'chime');
    expect(synthesize.calls).toHaveLength(spokenKeys.length);
    for (const key of spokenKeys) {
      expect(decodeWav(await readFile(join(defaultClipDir(dataDir), `${key}.wav`))).mono.length).toBeGreaterThan(0);
    }

    await speech.callAudio('A025', 12, voice);
    expect(synthesize.calls).toHaveLength(spokenKeys.length);
  });

  it('makes the clips again at a new speed, and keeps them across restarts', async () => {
    const first = createToneSynthesizer();
    await createVoice({ dataDir, synthesizer: first }).callAudio('1', 1, voice);
    const again = createToneSynthesizer();
    await createVoice({ dataDir, synthesizer: again }).callAudio('1', 1, voice);
    expect(again.calls).toEqual([]);
    const faster = createToneSynthesizer();
    const fast = await createVoice({ dataDir, synthesizer: faster }).callAudio('1', 1, { ...voice, rate: 1.2 });
    expect(faster.calls.sort()).toEqual(['Xin mời công dân có số thứ tự', 'một', 'đến quầy số'].sort());
    expect(indexOfRun(toPcm16(decodeWav(fast)), spokenClip('một', 1.2), 0)).toBeGreaterThan(0);
  });

  it('makes a phrase again when the template changes its words but not its clip name', async () => {
    const synthesize = createToneSynthesizer();
    const speech = createVoice({ dataDir, synthesizer: synthesize });
    const plain = { ...voice, chime: false, repeats: 1 };
    await speech.callAudio('1', 1, plain);
    const withComma = { ...plain, template: 'Xin mời công dân có số thứ tự {number}, đến quầy số {counter}' };
    const pcm = toPcm16(decodeWav(await speech.callAudio('1', 1, withComma)));
    expect(synthesize.calls.at(-1)).toBe(', đến quầy số');
    expect(indexOfRun(pcm, spokenClip(', đến quầy số', plain.rate), 0)).toBeGreaterThan(0);
    expect(indexOfRun(pcm, spokenClip('đến quầy số', plain.rate), 0)).toBe(-1);
  });
});

describe('createVoice after an engine upgrade', () => {
  it("keeps saying an older release's clip while it makes the new one in the background, once", async () => {
    const plain = { ...voice, chime: false, repeats: 1 };
    const synthesize = createToneSynthesizer();
    const speech = createVoice({ dataDir, synthesizer: synthesize });
    await speech.prepare(plain);
    // The clip for "một" as release 1.49 wrote it: its own silence around, unlevelled, the old comment.
    const old = keyTone(3, 0.3);
    const withSilence = new Int16Array(old.length + 8000);
    withSilence.set(old, 4000);
    await writeFile(join(defaultClipDir(dataDir), 'digit-1.wav'), encodeWav(withSilence, SPEECH_RATE, `espeak-ng vi rate=${plain.rate}: một`));
    synthesize.calls.length = 0;

    const restarted = createVoice({ dataDir, synthesizer: synthesize });
    const first = toPcm16(decodeWav(await restarted.callAudio('1', 2, plain)));
    expect(indexOfRun(first, old.subarray(200, 2000), 0)).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(JSON.parse(decodeWav(await readFile(join(defaultClipDir(dataDir), 'digit-1.wav'))).comment!)).toMatchObject({ engine: synthesize.id, text: 'một' }));
    const later = toPcm16(decodeWav(await restarted.callAudio('1', 3, plain)));
    expect(indexOfRun(later, old.subarray(200, 2000), 0)).toBe(-1);
    expect(indexOfRun(later, spokenClip('một', plain.rate), 0)).toBeGreaterThan(0);
    await restarted.callAudio('11', 4, plain);
    expect(synthesize.calls).toEqual(['một']);
  });
});

describe('createVoice at start (makeMissing)', () => {
  it("makes every clip with no file now, and leaves an older release's clip to prepare()", async () => {
    const plain = { ...voice, chime: false, repeats: 1 };
    const synthesize = createToneSynthesizer();
    await createVoice({ dataDir, synthesizer: synthesize }).prepare(plain);
    const oldComment = `espeak-ng vi rate=${plain.rate}: một`;
    await writeFile(join(defaultClipDir(dataDir), 'digit-1.wav'), encodeWav(keyTone(3, 0.3), SPEECH_RATE, oldComment));
    await rm(join(defaultClipDir(dataDir), 'digit-2.wav'));
    synthesize.calls.length = 0;

    expect(await createVoice({ dataDir, synthesizer: synthesize }).makeMissing(plain, 10_000)).toBe(true);
    expect(synthesize.calls).toEqual(['hai']);
    expect(decodeWav(await readFile(join(defaultClipDir(dataDir), 'digit-1.wav'))).comment).toBe(oldComment);
  });

  // Before the server answers, the start's own report tasks running (server/main.ts).
  it('makes them in the speech worker whatever foreground work runs', async () => {
    const foreground = new ForegroundWork();
    const speech = createVoice({ dataDir, foreground });
    let endReport!: () => void;
    const report = foreground.during(() => new Promise<void>((r) => (endReport = r)));
    try {
      // Held back, each of the 47 clips would wait 5 s for the report (clip-renderer.ts).
      const held = new Promise((r) => setTimeout(() => r('held back'), 20_000));
      expect(await Promise.race([speech.makeMissing(voice, 60_000).then((made) => (made ? 'made' : 'late')), held])).toBe('made');
      expect(readdirSync(defaultClipDir(dataDir)).filter((f) => f.endsWith('.wav'))).toHaveLength(speech.clipKeys(voice).length - 1);
    } finally {
      endReport();
      await report;
      await speech.close();
    }
  });
  it('answers after its limit while the clips go on being made', async () => {
    const speech = createVoice({ dataDir });
    try {
      // The worker's start alone takes longer than a millisecond.
      expect(await speech.makeMissing(voice, 1)).toBe(false);
      await vi.waitFor(() => expect(readdirSync(defaultClipDir(dataDir)).filter((f) => f.endsWith('.wav'))).toHaveLength(speech.clipKeys(voice).length - 1), {
        timeout: 20_000,
        interval: 100,
      });
    } finally {
      await speech.close();
    }
  });
});

describe('createVoice settings', () => {
  it('gives the chime alone in chime-only mode', async () => {
    const speech = createVoice({ dataDir, synthesizer: createToneSynthesizer() });
    const pcm = toPcm16(decodeWav(await speech.callAudio('1005', 3, { ...voice, announce: 'chime-only' })));
    expect(pcm).toEqual(toPcm16(decodeWav(await speech.chimeAudio())));
    expect(pcm.length / SPEECH_RATE).toBeGreaterThan(1);
    expect(pcm.length / SPEECH_RATE).toBeLessThan(1.6);
  });

  it("says a counter's own recording in place of its number", async () => {
    const synthesize = createToneSynthesizer();
    const speech = createVoice({ dataDir, synthesizer: synthesize });
    const plain = { ...voice, chime: false, repeats: 1 };
    const recorded = keyTone(20, 0.4);
    await mkdir(customClipDir(dataDir), { recursive: true });
    await writeFile(join(customClipDir(dataDir), 'counter-15.wav'), encodeWav(recorded));
    const pcm = toPcm16(decodeWav(await speech.callAudio('1', 15, plain)));
    expect(indexOfRun(pcm, levelled(recorded), 0)).toBeGreaterThan(0);
    expect(synthesize.calls).not.toContain('lăm');
    const other = toPcm16(decodeWav(await speech.callAudio('1', 14, plain)));
    expect(indexOfRun(other, levelled(recorded), 0)).toBe(-1);
  });
});
