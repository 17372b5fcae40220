// Finds the audio for a clip key: a centre's own recording first (<dataDir>/voice/custom/<key>.wav),
// then the generated default (<dataDir>/voice/default/<key>.wav), made with espeak-ng when it is
// missing or was made from other words or at another speed.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chimePcm } from './chime';
import { CHIME, PAUSE } from './clip-catalog';
import type { Synthesize } from './espeak-wasm';
import { trimSilence } from './trim-silence';
import { SPEECH_RATE, decodeWav, encodeWav, toPcm16 } from './wav';

export interface SpeechLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface LoadedClip {
  pcm: Int16Array;
  /** Changes whenever the audio would: part of the cache key of a joined call. */
  source: string;
}

const DECODED_CACHE_LIMIT = 512;

export const customClipDir = (dataDir: string) => join(dataDir, 'voice', 'custom');
export const defaultClipDir = (dataDir: string) => join(dataDir, 'voice', 'default');

/** Written into each default clip so a changed template or speed is noticed and regenerated. */
const provenance = (text: string, rate: number) => `espeak-ng vi rate=${rate}: ${text}`;

export function createClipStore({ dataDir, synthesize, logger }: { dataDir: string; synthesize: Synthesize; logger?: SpeechLogger }) {
  const decoded = new Map<string, { pcm: Int16Array; comment: string | null }>();
  const generating = new Map<string, Promise<void>>();
  const chime = chimePcm(SPEECH_RATE);

  async function readClip(path: string): Promise<{ pcm: Int16Array; comment: string | null; version: string } | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const version = `${info.mtimeMs}:${info.size}`;
    const cacheKey = `${path}|${version}`;
    let entry = decoded.get(cacheKey);
    if (entry) {
      decoded.delete(cacheKey); // re-insert: Map order is the LRU order
    } else {
      const wav = decodeWav(await readFile(path));
      entry = { pcm: trimSilence(toPcm16(wav, SPEECH_RATE), SPEECH_RATE), comment: wav.comment };
      if (decoded.size >= DECODED_CACHE_LIMIT) decoded.delete(decoded.keys().next().value!);
    }
    decoded.set(cacheKey, entry);
    return { ...entry, version };
  }

  async function readCustom(key: string): Promise<LoadedClip | null> {
    const path = join(customClipDir(dataDir), `${key}.wav`);
    try {
      const clip = await readClip(path);
      return clip && { pcm: clip.pcm, source: `custom:${clip.version}` };
    } catch (error) {
      logger?.warn({ err: error, path }, 'custom voice clip is not a readable WAV; using the default clip');
      return null;
    }
  }

  async function readDefault(key: string, text: string, rate: number): Promise<LoadedClip | null> {
    const path = join(defaultClipDir(dataDir), `${key}.wav`);
    const clip = await readClip(path).catch(() => null); // a torn file is simply made again
    return clip?.comment === provenance(text, rate) ? { pcm: clip.pcm, source: 'default' } : null;
  }

  /** Makes the default clip unless a current one is on disk. */
  async function ensureDefault(key: string, text: string, rate: number): Promise<void> {
    if (await readDefault(key, text, rate)) return;
    const path = join(defaultClipDir(dataDir), `${key}.wav`);
    let pending = generating.get(path);
    if (!pending) {
      pending = (async () => {
        const spoken = toPcm16(decodeWav(await synthesize(text, { rate })), SPEECH_RATE);
        await mkdir(defaultClipDir(dataDir), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        await writeFile(tmp, encodeWav(spoken, SPEECH_RATE, provenance(text, rate)));
        await rename(tmp, path);
      })().finally(() => generating.delete(path));
      generating.set(path, pending);
    }
    await pending;
  }

  /** The clip's audio, trimmed of surrounding silence. `text` is what the default clip says. */
  async function load(key: string, text: string | undefined, rate: number): Promise<LoadedClip> {
    if (key === PAUSE) return { pcm: new Int16Array(0), source: 'silence' };
    const custom = await readCustom(key);
    if (custom) return custom;
    if (key === CHIME) return { pcm: chime, source: 'synthesised' };
    if (text === undefined) throw new Error(`no words known for clip ${key}`);
    const current = await readDefault(key, text, rate);
    if (current) return current;
    await ensureDefault(key, text, rate);
    const made = await readDefault(key, text, rate);
    if (!made) throw new Error(`default clip ${key} could not be made`);
    return made;
  }

  return { load, ensureDefault };
}

export type ClipStore = ReturnType<typeof createClipStore>;
