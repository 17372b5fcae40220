// The centre's own voice, recorded clip by clip in the managers' app: a recording is levelled
// and kept as a draft (voice/drafts/<key>.wav) to be heard alone and in a whole sample call;
// kept, it becomes voice/custom/<key>.wav (written durably before the answer); reverted, the
// engine's clip speaks again.
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CentreConfig } from '@protocol/config';
import { QueueError } from '@protocol/errors';
import type { ClipGroup, VoiceClip, VoiceClipList } from '@protocol/voice-clips';
import { LETTER_NAMES, numberWords, spokenLetter } from '@protocol/spoken-words';
import { CHIME, letterKey, numberWordKey, spokenClipTexts, templateParts } from './clip-catalog';
import { customClipDir, recordingComment } from './clip-store';
import { SilentClipError } from './normalize-loudness';
import { counterKey } from './plan-call';
import type { Voice } from './voice';
import { SPEECH_RATE, WavFormatError, decodeWav, encodeWav, toPcm16 } from './wav';

export const MAX_RECORDING_BYTES = 4 * 2 ** 20; // 20 s of 48 kHz 16-bit mono, more than any clip needs
const MIN_SECONDS = 0.15;
const MAX_SECONDS = 6;

export const draftClipDir = (dataDir: string) => join(dataDir, 'voice', 'drafts');

const unusable = (message: string) => new QueueError('invalid-audio', [{ path: 'audio', message }]);

export function createVoiceRecordings({ dataDir, voice }: { dataDir: string; voice: Voice }) {
  const customPath = (key: string) => join(customClipDir(dataDir), `${key}.wav`);
  const draftPath = (key: string) => join(draftClipDir(dataDir), `${key}.wav`);
  const exists = async (path: string) => (await stat(path).catch(() => null))?.isFile() ?? false;

  /** Every clip a call of this centre can use, in the order a manager records them. */
  function catalogue(config: CentreConfig): Omit<VoiceClip, 'recorded' | 'draft' | 'inUse'>[] {
    const texts = spokenClipTexts(config.voice);
    const group = (key: string): ClipGroup =>
      key.startsWith('digit-') ? 'digit' : key.startsWith('word-') ? 'number-word' : key.startsWith('letter-') ? 'letter' : 'phrase';
    const spoken = [...texts].map(([key, words]) => ({ key, group: group(key), words }));
    const counters = config.counters.map((c) => ({ key: counterKey(c.id), group: 'counter' as const, words: numberWords(c.id).join(' '), label: c.name }));
    return [...spoken, ...counters, { key: CHIME, group: 'chime', words: '' }];
  }

  /** The clips some configured call says: the template's phrases, every digit, the letters of the
   *  fields' prefixes, and each open counter's own clip or else its number words. */
  function keysInUse(config: CentreConfig, recorded: Set<string>): Set<string> {
    const keys = new Set<string>();
    for (const part of templateParts(config.voice.template)) if (part.kind === 'phrase') keys.add(part.key);
    if (config.voice.template.includes('{number}')) {
      for (let d = 0; d <= 9; d++) keys.add(`digit-${d}`);
      for (const s of config.services.filter((x) => x.active)) {
        for (const ch of s.prefix) {
          const letter = spokenLetter(ch);
          if (letter && LETTER_NAMES[letter]) keys.add(letterKey(letter));
        }
      }
    }
    if (config.voice.template.includes('{counter}')) {
      for (const c of config.counters.filter((x) => x.active)) {
        if (recorded.has(counterKey(c.id))) keys.add(counterKey(c.id));
        else for (const word of numberWords(c.id)) keys.add(numberWordKey(word));
      }
    }
    return keys;
  }

  async function list(config: CentreConfig): Promise<VoiceClipList> {
    const all = catalogue(config);
    const recorded = new Set<string>();
    const drafts = new Set<string>();
    await Promise.all(
      all.map(async ({ key }) => {
        if (await exists(customPath(key))) recorded.add(key);
        if (await exists(draftPath(key))) drafts.add(key);
      }),
    );
    const inUse = keysInUse(config, recorded);
    const clips = all.map((c) => ({ ...c, recorded: recorded.has(c.key), draft: drafts.has(c.key), inUse: inUse.has(c.key) }));
    return { clips, inUse: inUse.size, recordedInUse: [...inUse].filter((k) => recorded.has(k)).length };
  }

  function requireKnown(config: CentreConfig, key: string): void {
    if (!catalogue(config).some((c) => c.key === key)) throw new QueueError('not-found');
  }

  /** Checks, trims and levels a recording, and keeps it as the clip's draft. */
  async function saveDraft(config: CentreConfig, key: string, file: Buffer): Promise<{ seconds: number }> {
    requireKnown(config, key);
    let pcm: Int16Array;
    try {
      pcm = await voice.renderer.level(file, key === CHIME ? 'chime' : 'speech', 'now');
    } catch (error) {
      if (error instanceof WavFormatError) throw unusable('Tệp gửi lên không phải âm thanh WAV đọc được.');
      if (error instanceof SilentClipError) throw unusable('Bản ghi không có tiếng: hãy kiểm tra micrô rồi ghi lại.');
      throw error;
    }
    const seconds = pcm.length / SPEECH_RATE;
    if (seconds < MIN_SECONDS) throw unusable('Bản ghi quá ngắn: hãy đọc rõ cả từ rồi mới dừng.');
    if (seconds > MAX_SECONDS) throw unusable(`Bản ghi dài quá ${MAX_SECONDS} giây sau khi cắt khoảng lặng: mỗi đoạn chỉ gồm vài từ.`);
    await writeDurably(draftPath(key), encodeWav(pcm, SPEECH_RATE, recordingComment()));
    return { seconds };
  }

  async function readDraft(key: string): Promise<Int16Array | null> {
    const file = await readFile(draftPath(key)).catch(() => null);
    return file && toPcm16(decodeWav(file), SPEECH_RATE);
  }

  /** The draft becomes the clip calls say. */
  async function keep(config: CentreConfig, key: string): Promise<void> {
    requireKnown(config, key);
    if (!(await exists(draftPath(key)))) throw new QueueError('not-found');
    await mkdir(customClipDir(dataDir), { recursive: true });
    await rename(draftPath(key), customPath(key));
    await syncDir(customClipDir(dataDir));
    await syncDir(draftClipDir(dataDir));
  }

  async function discard(config: CentreConfig, key: string): Promise<void> {
    requireKnown(config, key);
    await rm(draftPath(key), { force: true });
  }

  /** Back to the engine's clip (or the synthesised chime). */
  async function revert(config: CentreConfig, key: string): Promise<void> {
    requireKnown(config, key);
    await rm(customPath(key), { force: true });
    await syncDir(customClipDir(dataDir)).catch(() => undefined); // no folder: nothing was recorded
  }

  /** What the clip sounds like now in calls, or its draft. */
  async function clipAudio(config: CentreConfig, key: string, which: 'current' | 'draft'): Promise<Buffer> {
    requireKnown(config, key);
    if (which === 'draft') {
      const draft = await readDraft(key);
      if (!draft) throw new QueueError('not-found');
      return encodeWav(draft, SPEECH_RATE);
    }
    if (key === CHIME) return voice.chimeAudio();
    if (key.startsWith('counter-')) {
      const own = await voice.store.readCustom(key);
      if (own) return encodeWav(own.pcm, SPEECH_RATE);
      const id = Number(key.slice('counter-'.length));
      return voice.callAudio('0', id, { ...config.voice, template: '{counter}', repeats: 1, chime: false, announce: 'clips' });
    }
    const clip = await voice.store.load(key, spokenClipTexts(config.voice).get(key), config.voice.rate);
    return encodeWav(clip.pcm, SPEECH_RATE);
  }

  /** A whole call as configured that says this clip, with its draft in its place when asked. */
  async function sampleCall(config: CentreConfig, key: string, withDraft: boolean): Promise<Buffer> {
    requireKnown(config, key);
    const { label, counterId } = sampleFor(config, key);
    const settings = { ...config.voice, announce: 'clips' as const };
    if (!withDraft) return voice.callAudio(label, counterId, settings);
    const draft = await readDraft(key);
    if (!draft) throw new QueueError('not-found');
    return voice.callAudio(label, counterId, settings, { replace: { key, pcm: draft } });
  }

  return { list, saveDraft, keep, discard, revert, clipAudio, sampleCall };
}

export type VoiceRecordings = ReturnType<typeof createVoiceRecordings>;

/** A ticket and counter whose call says the clip: T001 for the letter T, counter 15 for "lăm". */
export function sampleFor(config: CentreConfig, key: string): { label: string; counterId: number } {
  const firstCounter = config.counters.find((c) => c.active)?.id ?? config.counters[0]?.id ?? 1;
  const plain = config.services.find((s) => s.active && !s.prefix);
  const label = String(plain?.numberStart ?? 1001);
  if (key.startsWith('digit-')) return { label: `${label.slice(0, -1)}${key.slice(6)}`, counterId: firstCounter };
  if (key.startsWith('letter-')) {
    const letter = Object.keys(LETTER_NAMES).find((l) => letterKey(l) === key)!;
    return { label: `${letter}001`, counterId: firstCounter };
  }
  if (key.startsWith('counter-')) return { label, counterId: Number(key.slice('counter-'.length)) };
  if (key.startsWith('word-')) {
    // The smallest counter number that says the word; "nghìn" needs a thousand.
    for (let n = 1; n <= 1000; n++) if (numberWords(n).some((w) => numberWordKey(w) === key)) return { label, counterId: n };
  }
  return { label, counterId: firstCounter };
}

async function writeDurably(path: string, data: Buffer): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
