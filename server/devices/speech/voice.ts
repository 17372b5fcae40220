// The spoken call as one WAV, for the central displays to play.
import type { VoiceConfig } from '@protocol/config';
import type { ForegroundWork } from '../../foreground-work';
import { withinLimit } from '../../within-limit';
import { CHIME, spokenClipTexts } from './clip-catalog';
import { createInlineRenderer, createWorkerRenderer, type ClipRenderer } from './clip-renderer';
import { createClipStore, type ClipStore, type LoadedClip, type SpeechLogger } from './clip-store';
import { joinClips } from './join-clips';
import { counterKey, planCall } from './plan-call';
import type { Synthesizer } from './synthesizer';
import { SPEECH_RATE, encodeWav } from './wav';

export interface CallOptions {
  /** A clip to say in place of the stored one (a recording not yet kept, heard in a sample call). */
  replace?: { key: string; pcm: Int16Array };
}

export interface Voice {
  /** "Xin mời công dân có số thứ tự 1 0 0 5 đến quầy số 3", as configured, as a WAV file. */
  callAudio(label: string, counterId: number, voice: VoiceConfig, options?: CallOptions): Promise<Buffer>;
  /** The chime alone: a display that speaks with its own voice plays it first. */
  chimeAudio(): Promise<Buffer>;
  /** Makes every missing or outdated default clip for this voice, in the background. Call at start. */
  prepare(voice: VoiceConfig): Promise<void>;
  /** Makes now every default clip that has no file of its words at this speed (a new data
   *  folder's); one an older engine made (an upgrade) is left to prepare(). Answers when they
   *  are made, true, or after `limitMs`, false, while they go on being made: an engine that
   *  hangs never keeps the server from answering. */
  makeMissing(voice: VoiceConfig, limitMs: number): Promise<boolean>;
  /** Every clip a call with this voice can use: the file names (<key>.wav) a centre can record. */
  clipKeys(voice: VoiceConfig): string[];
  readonly store: ClipStore;
  readonly renderer: ClipRenderer;
  close(): Promise<void>;
}

const JOINED_CACHE_LIMIT = 32; // a recall replays the same call; ~0.4 MB each

export function createVoice({
  dataDir,
  logger,
  synthesizer,
  foreground,
}: {
  dataDir: string;
  logger?: SpeechLogger;
  /** What a person waits for (a sign-in, a report): the clips nobody waits for yet give way to it. */
  foreground?: ForegroundWork;
  /** Tests pass an instant stand-in, run in their own thread; by default espeak-ng speaks in a worker. */
  synthesizer?: Synthesizer;
}): Voice {
  const renderer = synthesizer ? createInlineRenderer(synthesizer) : createWorkerRenderer({ foreground });
  const store = createClipStore({ dataDir, renderer, logger });
  const joined = new Map<string, Buffer>();

  async function callAudio(label: string, counterId: number, voice: VoiceConfig, options: CallOptions = {}): Promise<Buffer> {
    const { replace } = options;
    const ownCounterClip = replace?.key === counterKey(counterId) || !!(await store.readCustom(counterKey(counterId)));
    const plan = planCall({ label, counterId, voice, counterRecorded: ownCounterClip });
    const texts = spokenClipTexts(voice);
    const clips: LoadedClip[] = await Promise.all(
      plan.map((key) => (key === replace?.key ? { pcm: replace.pcm, source: 'replaced' } : store.load(key, texts.get(key), voice.rate))),
    );
    // The template is in the key because default clips made from other words share one file name.
    const cacheKey = replace ? null : JSON.stringify([plan, voice.template, voice.rate, clips.map((c) => c.source)]);
    const cached = cacheKey && joined.get(cacheKey);
    if (cacheKey && cached) {
      joined.delete(cacheKey);
      joined.set(cacheKey, cached);
      return cached;
    }
    const pcm = joinClips(
      plan.map((key, i) => ({ key, pcm: clips[i].pcm })),
      { sampleRate: SPEECH_RATE, speechRate: voice.rate },
    );
    const wav = encodeWav(pcm, SPEECH_RATE);
    if (cacheKey) {
      if (joined.size >= JOINED_CACHE_LIMIT) joined.delete(joined.keys().next().value!);
      joined.set(cacheKey, wav);
    }
    return wav;
  }

  async function prepare(voice: VoiceConfig): Promise<void> {
    const started = Date.now();
    await Promise.all([...spokenClipTexts(voice)].map(([key, text]) => store.ensureDefault(key, text, voice.rate)));
    logger?.info({ ms: Date.now() - started, rate: voice.rate, engine: renderer.engineId }, 'default voice clips ready');
  }

  async function makeMissing(voice: VoiceConfig, limitMs: number): Promise<boolean> {
    const made = Promise.all([...spokenClipTexts(voice)].map(([key, text]) => store.ensureSayable(key, text, voice.rate)));
    return (await withinLimit(made, limitMs)) !== null;
  }

  const chimeAudio = async () => encodeWav((await store.load(CHIME, undefined, 1)).pcm, SPEECH_RATE);
  const clipKeys = (voice: VoiceConfig) => [CHIME, ...spokenClipTexts(voice).keys()];

  return { callAudio, chimeAudio, prepare, makeMissing, clipKeys, store, renderer, close: () => renderer.close() };
}
