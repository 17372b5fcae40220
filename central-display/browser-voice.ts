// The call spoken by the display's own system voice (Web Speech API) where it has a Vietnamese
// one — Windows ships "Microsoft An" — after the server's chime, `repeats` times. A display
// without a Vietnamese voice, or whose voice fails before it has said anything, plays the
// server's clips instead, so the call is always heard. Every wait has a limit: a voice that
// never reports its end (Chromium's long-utterance bug) is cancelled and the queue goes on.
import type { VoiceConfig } from '@protocol/config';
import { callSentence } from '@protocol/spoken-words';
import type { Call, PlayCall } from './call-announcer';

/** The parts of window.speechSynthesis used here (tests pass a stand-in). */
export interface SpeechSynthesisLike {
  getVoices(): SpeechSynthesisVoice[];
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

export interface BrowserVoiceDeps {
  synth: SpeechSynthesisLike;
  makeUtterance: (text: string) => SpeechSynthesisUtterance;
  /** The server's chime through the display's audio element; `started` when it sounds. */
  playChime: (started: () => void) => Promise<void>;
  /** The server's clips, for a display with no Vietnamese voice. */
  fallback: PlayCall;
  settings: () => VoiceConfig;
  /** How long a list of voices that is still empty is waited for (browsers load it late). */
  voicesWaitMs?: number;
  /** Seconds allowed per character of the sentence, beyond a fixed margin, before giving up. */
  secondsPerChar?: number;
}

const MARGIN_MS = 5_000;
const PAUSE_SECONDS = 0.9; // between two readings, as in the server's joined call

export function findVietnameseVoice(voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const vietnamese = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi'));
  return vietnamese.find((v) => v.localService) ?? vietnamese[0] ?? null;
}

async function loadVoices(synth: SpeechSynthesisLike, waitMs: number): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length || waitMs <= 0) return now;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener('voiceschanged', done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, waitMs);
    synth.addEventListener('voiceschanged', done);
  });
}

export function createBrowserVoicePlayer(deps: BrowserVoiceDeps): PlayCall {
  const { synth, settings } = deps;
  const secondsPerChar = deps.secondsPerChar ?? 0.15;

  const speakOnce = (text: string, voice: SpeechSynthesisVoice, rate: number, onStart: () => void) =>
    new Promise<void>((resolve, reject) => {
      const utterance = deps.makeUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = rate;
      const limit = setTimeout(() => finish(new Error('the system voice did not finish')), MARGIN_MS + (text.length * secondsPerChar * 1000) / rate);
      const finish = (err?: Error) => {
        clearTimeout(limit);
        utterance.onstart = utterance.onend = utterance.onerror = null;
        if (err) {
          synth.cancel();
          reject(err);
        } else resolve();
      };
      utterance.onstart = onStart;
      utterance.onend = () => finish();
      utterance.onerror = (e) => finish(new Error(`speech synthesis: ${(e as SpeechSynthesisErrorEvent).error ?? 'error'}`));
      synth.speak(utterance);
    });

  return async (call: Call, started) => {
    const config = settings();
    const voice = findVietnameseVoice(await loadVoices(synth, deps.voicesWaitMs ?? 1000));
    if (!voice) return deps.fallback(call, () => started('clips'));
    const text = callSentence(config.template, call.label, call.counterId);
    let begun = false;
    const begin = () => {
      if (!begun) started('browser-voice');
      begun = true;
    };
    if (config.chime) await deps.playChime(begin);
    for (let i = 0; i < config.repeats; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, (PAUSE_SECONDS / config.rate) * 1000));
      try {
        await speakOnce(text, voice, config.rate, begin);
      } catch (err) {
        // Nothing said yet (a chime at most): the clips still carry the call.
        if (i === 0) return deps.fallback(call, () => started('clips'));
        throw err;
      }
    }
  };
}
