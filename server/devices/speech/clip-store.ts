// Finds the audio for a clip key: a centre's own recording first (<dataDir>/voice/custom/<key>.wav),
// then the generated default (<dataDir>/voice/default/<key>.wav).
// Each default clip carries its provenance (engine and version, levelling, speed, words) in its
// WAV comment: that is its cache key. A clip made from other words or at another speed is made
// again before it is used; one made by another engine or levelling (an upgrade) keeps serving
// while its replacement is made in the background, once.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chimePcm } from './chime';
import { CHIME, PAUSE } from './clip-catalog';
import type { ClipRenderer, Priority } from './clip-renderer';
import { LEVELLING_ID } from './normalize-loudness';
import { trimSilence } from './trim-silence';
import { SPEECH_RATE, decodeWav, encodeWav, floatToPcm16, pcm16ToFloat, toPcm16 } from './wav';

export interface SpeechLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface LoadedClip {
  pcm: Int16Array;
  /** Changes whenever the audio would: part of the cache key of a joined call. */
  source: string;
}

export interface Provenance {
  engine: string;
  levelling: string;
  rate: number;
  text: string;
  phonemes: string;
}

const DECODED_CACHE_LIMIT = 512;

export const customClipDir = (dataDir: string) => join(dataDir, 'voice', 'custom');
export const defaultClipDir = (dataDir: string) => join(dataDir, 'voice', 'default');

/** Releases before this one wrote "espeak-ng vi rate=0.9: <words>", unlevelled. */
const LEGACY_PROVENANCE = /^(.*) rate=([\d.]+): (.*)$/s;

export function parseProvenance(comment: string | null): Provenance | null {
  if (!comment) return null;
  if (comment.startsWith('{')) {
    try {
      const p = JSON.parse(comment) as Provenance;
      return typeof p.text === 'string' && typeof p.rate === 'number' ? p : null;
    } catch {
      return null;
    }
  }
  const legacy = LEGACY_PROVENANCE.exec(comment);
  return legacy ? { engine: legacy[1], levelling: 'none', rate: Number(legacy[2]), text: legacy[3], phonemes: '' } : null;
}

/** Written into a recording the managers' app levelled, so it is used as it is. */
export const recordingComment = () => JSON.stringify({ levelling: LEVELLING_ID, source: 'recorded' });

/** A recording levelled by this release, ready as it is; null for anything else (a hand-made file). */
function levelledRecording(file: Buffer): Int16Array | null {
  try {
    const wav = decodeWav(file);
    return wav.sampleRate === SPEECH_RATE && wav.comment === recordingComment() ? toPcm16(wav, SPEECH_RATE) : null;
  } catch {
    return null;
  }
}

type Freshness = 'current' | 'stale' | 'other';

export function createClipStore({ dataDir, renderer, logger }: { dataDir: string; renderer: ClipRenderer; logger?: SpeechLogger }) {
  const decoded = new Map<string, LoadedClip & { provenance: Provenance | null }>();
  const rendering = new Map<string, Promise<void>>();
  const chime = chimePcm(SPEECH_RATE);

  const fileVersion = async (path: string): Promise<string | null> => {
    const info = await stat(path).catch(() => null);
    return info?.isFile() ? `${info.ino}:${info.mtimeMs}:${info.size}` : null;
  };

  const remember = (cacheKey: string, entry: LoadedClip & { provenance: Provenance | null }) => {
    decoded.delete(cacheKey); // re-insert: Map order is the LRU order
    if (decoded.size >= DECODED_CACHE_LIMIT) decoded.delete(decoded.keys().next().value!);
    decoded.set(cacheKey, entry);
    return entry;
  };

  /** A recording, levelled in the worker; null (and a warning) when it cannot be used. */
  async function readCustom(key: string): Promise<LoadedClip | null> {
    const path = join(customClipDir(dataDir), `${key}.wav`);
    const version = await fileVersion(path);
    if (!version) return null;
    const cacheKey = `${path}|${version}`;
    const hit = decoded.get(cacheKey);
    if (hit) return remember(cacheKey, hit);
    try {
      const file = await readFile(path);
      const pcm = levelledRecording(file) ?? (await renderer.level(file, key === CHIME ? 'chime' : 'speech', 'now'));
      return remember(cacheKey, { pcm, source: `custom:${version}`, provenance: null });
    } catch (error) {
      logger?.warn({ err: error, path }, 'custom voice clip is not a readable WAV with sound; using the default clip');
      return null;
    }
  }

  async function readDefault(key: string): Promise<(LoadedClip & { provenance: Provenance | null }) | null> {
    const path = join(defaultClipDir(dataDir), `${key}.wav`);
    const version = await fileVersion(path);
    if (!version) return null;
    const cacheKey = `${path}|${version}`;
    const hit = decoded.get(cacheKey);
    if (hit) return remember(cacheKey, hit);
    try {
      const wav = decodeWav(await readFile(path));
      const provenance = parseProvenance(wav.comment);
      let pcm = toPcm16(wav, SPEECH_RATE);
      // An older release's clip was stored with espeak-ng's silence around it.
      if (provenance?.levelling !== LEVELLING_ID) pcm = floatToPcm16(trimSilence(pcm16ToFloat(pcm), SPEECH_RATE));
      return remember(cacheKey, { pcm, source: `default:${version}`, provenance });
    } catch {
      return null; // a torn file is simply made again
    }
  }

  const freshness = (p: Provenance | null, text: string, rate: number): Freshness => {
    if (!p || p.text !== text || p.rate !== rate) return 'other';
    return p.engine === renderer.engineId && p.levelling === LEVELLING_ID ? 'current' : 'stale';
  };

  /** Makes the default clip with the current engine; a second request for the same clip joins the first. */
  function renderDefault(key: string, text: string, rate: number, priority: Priority): Promise<void> {
    const path = join(defaultClipDir(dataDir), `${key}.wav`);
    const job = `${path}|${rate}|${text}`;
    const pending = rendering.get(job);
    if (pending) {
      // A call now waits for a clip queued in the background: it moves to the front.
      if (priority === 'now') renderer.hurry(text, rate);
      return pending;
    }
    const made = (async () => {
      const clip = await renderer.render(text, rate, priority);
      const provenance: Provenance = { engine: renderer.engineId, levelling: LEVELLING_ID, rate, text, phonemes: clip.phonemes };
      await mkdir(defaultClipDir(dataDir), { recursive: true });
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, encodeWav(clip.pcm, SPEECH_RATE, JSON.stringify(provenance)));
      await rename(tmp, path);
    })().finally(() => {
      if (rendering.get(job) === made) rendering.delete(job);
    });
    rendering.set(job, made);
    return made;
  }

  /** For prepare(): makes the clip unless a current one is on disk; an upgrade's stale clip is replaced too. */
  async function ensureDefault(key: string, text: string, rate: number): Promise<void> {
    if (freshness((await readDefault(key))?.provenance ?? null, text, rate) !== 'current') await renderDefault(key, text, rate, 'background');
  }

  /** For makeMissing(): makes the clip now where none of these words at this speed is on disk; an upgrade's stale one is left to prepare(). */
  async function ensureSayable(key: string, text: string, rate: number): Promise<void> {
    if (freshness((await readDefault(key))?.provenance ?? null, text, rate) === 'other') await renderDefault(key, text, rate, 'now');
  }

  /** The clip's audio, trimmed and levelled. `text` is what the default clip says. */
  async function load(key: string, text: string | undefined, rate: number): Promise<LoadedClip> {
    if (key === PAUSE) return { pcm: new Int16Array(0), source: 'silence' };
    const custom = await readCustom(key);
    if (custom) return custom;
    if (key === CHIME) return { pcm: chime, source: 'synthesised' };
    if (text === undefined) throw new Error(`no words known for clip ${key}`);
    const existing = await readDefault(key);
    const state = freshness(existing?.provenance ?? null, text, rate);
    if (existing && state === 'current') return existing;
    if (existing && state === 'stale') {
      renderDefault(key, text, rate, 'background').catch((err) => logger?.warn({ err, key }, 'voice clip could not be made again'));
      return existing;
    }
    await renderDefault(key, text, rate, 'now');
    const made = await readDefault(key);
    if (!made || freshness(made.provenance, text, rate) !== 'current') throw new Error(`default clip ${key} could not be made`);
    return made;
  }

  return { load, ensureDefault, ensureSayable, readDefault, readCustom };
}

export type ClipStore = ReturnType<typeof createClipStore>;
