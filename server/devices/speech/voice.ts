// The spoken call as one WAV, for the central displays to play.
import type { VoiceConfig } from '@protocol/config';
import { CHIME, spokenClipTexts } from './clip-catalog';
import { createClipStore, type SpeechLogger } from './clip-store';
import { createEspeakSynthesizer, type Synthesize } from './espeak-wasm';
import { joinClips } from './join-clips';
import { planCall } from './plan-call';
import { SPEECH_RATE, encodeWav } from './wav';

export interface Voice {
  /** "Xin mời công dân có số thứ tự 1 0 0 5 đến quầy số 3", as configured, as a WAV file. */
  callAudio(label: string, counterId: number, voice: VoiceConfig): Promise<Buffer>;
  /** Makes every missing default clip for this voice (and warms the synthesiser). Call at start. */
  prepare(voice: VoiceConfig): Promise<void>;
  /** Every clip a call with this voice can use: the file names (<key>.wav) a centre can record. */
  clipKeys(voice: VoiceConfig): string[];
}

const JOINED_CACHE_LIMIT = 32; // a recall replays the same call; ~0.4 MB each

export function createVoice({
  dataDir,
  logger,
  synthesize = createEspeakSynthesizer(),
}: {
  dataDir: string;
  logger?: SpeechLogger;
  /** Replaceable so tests can count or fake synthesis. */
  synthesize?: Synthesize;
}): Voice {
  const store = createClipStore({ dataDir, synthesize, logger });
  const joined = new Map<string, Buffer>();

  async function callAudio(label: string, counterId: number, voice: VoiceConfig): Promise<Buffer> {
    const plan = planCall({ label, counterId, voice });
    const texts = spokenClipTexts(voice);
    const clips = await Promise.all(plan.map((key) => store.load(key, texts.get(key), voice.rate)));
    // The template is in the key because default clips made from other words share the source 'default'.
    const cacheKey = JSON.stringify([plan, voice.template, voice.rate, clips.map((c) => c.source)]);
    const cached = joined.get(cacheKey);
    if (cached) {
      joined.delete(cacheKey);
      joined.set(cacheKey, cached);
      return cached;
    }
    const pcm = joinClips(
      plan.map((key, i) => ({ key, pcm: clips[i].pcm })),
      { sampleRate: SPEECH_RATE, speechRate: voice.rate },
    );
    const wav = encodeWav(pcm, SPEECH_RATE);
    if (joined.size >= JOINED_CACHE_LIMIT) joined.delete(joined.keys().next().value!);
    joined.set(cacheKey, wav);
    return wav;
  }

  async function prepare(voice: VoiceConfig): Promise<void> {
    const started = Date.now();
    for (const [key, text] of spokenClipTexts(voice)) await store.ensureDefault(key, text, voice.rate);
    logger?.info({ ms: Date.now() - started, rate: voice.rate }, 'default voice clips ready');
  }

  const clipKeys = (voice: VoiceConfig) => [CHIME, ...spokenClipTexts(voice).keys()];

  return { callAudio, prepare, clipKeys };
}
