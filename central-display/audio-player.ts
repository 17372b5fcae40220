// Plays one spoken call: fetch the server's WAV (chime + phrase, already repeated as
// configured, or the chime alone) with the device token, then play it through one <audio>
// element to its end.
// Every wait has a limit, so a stuck download or a silent sound card cannot hold the queue.
import { routeOf } from '@client/api';
import type { Call, PlayCall } from './call-announcer';

const FETCH_LIMIT_MS = 15_000;
/** Before the length of the sound is known. */
const START_LIMIT_MS = 20_000;
/** Beyond the sound's own length. */
const END_MARGIN_MS = 5_000;

export function voiceUrl(call: Call): string {
  return routeOf('voice:call', { label: call.label, counter: call.counterId }).url;
}

export function createAudioPlayer(token: string, audio: HTMLAudioElement = new Audio()): PlayCall {
  return (call, started) => playServerSound(token, audio, voiceUrl(call), () => started('clips'));
}

/** Fetches one of the server's sounds with the device token and plays it to its end. */
export async function playServerSound(token: string, audio: HTMLAudioElement, url: string, started: () => void): Promise<void> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(FETCH_LIMIT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const src = URL.createObjectURL(await res.blob());
  try {
    await playToEnd(audio, src, started);
  } finally {
    audio.removeAttribute('src');
    URL.revokeObjectURL(src);
  }
}

function playToEnd(audio: HTMLAudioElement, src: string, started: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let limit = setTimeout(() => finish(new Error('audio did not start')), START_LIMIT_MS);
    const finish = (err?: Error) => {
      clearTimeout(limit);
      audio.onended = audio.onerror = audio.onloadedmetadata = null;
      if (err) {
        audio.pause();
        reject(err);
      } else resolve();
    };
    audio.onloadedmetadata = () => {
      clearTimeout(limit);
      const lengthMs = Number.isFinite(audio.duration) ? audio.duration * 1000 : START_LIMIT_MS;
      limit = setTimeout(() => finish(new Error('audio did not end')), lengthMs + END_MARGIN_MS);
    };
    audio.onended = () => finish();
    audio.onerror = () => finish(new Error(`media error ${audio.error?.code ?? ''}`.trim()));
    audio.src = src;
    audio.play().then(started, (err: unknown) => finish(err instanceof Error ? err : new Error(String(err))));
  });
}
