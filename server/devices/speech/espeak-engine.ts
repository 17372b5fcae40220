// espeak-ng's Vietnamese voice, from @echogarden/espeak-ng-emscripten (espeak-ng 1.52-dev
// compiled to JavaScript, GPL-3.0). Chosen over npm `espeak-ng` 1.0.2 (the same 1.52-dev
// Vietnamese rules: its vi_dict is byte-identical) because it keeps one engine loaded and
// speaks through espeak-ng's library API: 10–40 ms a clip here instead of ~110–470 ms for a
// fresh WebAssembly instance per phrase, and the phonemes come with the audio.
// Synchronous CPU work: it runs in the speech worker, never on the server's event loop.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Synthesizer } from './synthesizer';
import { SPEECH_RATE } from './wav';

/** espeak-ng's default speed in words per minute, i.e. rate 1. */
export const ESPEAK_NORMAL_WPM = 175;
const PACKAGE = '@echogarden/espeak-ng-emscripten';

/** espeak-ng reads these alone other than a Vietnamese speaker says them: the letter J's
 *  name "gi" comes out as the bare onset [z], 15 dB under the other letters. "di" is the
 *  same syllable [zi] in the northern reading espeak-ng follows. */
const RESPELLED: Record<string, string> = { gi: 'di' };

interface EspeakWorker {
  rate: number;
  samplerate: number;
  set_voice(name: string): number;
  synthesize_and_get_phonemes(text: string, onAudio: (samples: Int16Array, events: unknown[]) => boolean): string;
}

const require = createRequire(import.meta.url);

export function espeakEngineId(): string {
  const packageDir = dirname(require.resolve(`${PACKAGE}/package.json`));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return `espeak-ng 1.52-dev vi (${PACKAGE} ${version})`;
}

export async function createEspeakSynthesizer(): Promise<Synthesizer> {
  const { default: load } = (await import(PACKAGE)) as { default: () => Promise<{ eSpeakNGWorker: new () => EspeakWorker }> };
  const espeak = new (await load()).eSpeakNGWorker();
  if (espeak.set_voice('vi') !== 0) throw new Error('espeak-ng has no Vietnamese voice');
  if (espeak.samplerate !== SPEECH_RATE) throw new Error(`espeak-ng speaks at ${espeak.samplerate} Hz, expected ${SPEECH_RATE}`);
  return {
    id: espeakEngineId(),
    speak(text, rate) {
      espeak.rate = Math.round(ESPEAK_NORMAL_WPM * rate);
      const chunks: Int16Array[] = [];
      const phonemes = espeak.synthesize_and_get_phonemes(RESPELLED[text.trim().toLowerCase()] ?? text, (samples) => {
        chunks.push(samples);
        return false; // false: go on
      });
      const length = chunks.reduce((n, c) => n + c.length, 0);
      if (length === 0) throw new Error(`espeak-ng gave no audio for "${text}"`);
      const samples = new Float32Array(length);
      let at = 0;
      for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) samples[at++] = chunk[i] / 32768;
      return { samples, phonemes: phonemes.trim() };
    },
  };
}
