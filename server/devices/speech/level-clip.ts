// One clip, generated or recorded, made ready to be joined: one format, silence trimmed,
// one loudness. Pure CPU work: the speech worker runs it off the server's event loop.
import { CHIME_LUFS, SPEECH_LUFS, normalizeLoudness } from './normalize-loudness';
import { trimSilence } from './trim-silence';
import { SPEECH_RATE, decodeWav, floatToPcm16, monoAt } from './wav';

export type ClipKind = 'speech' | 'chime';

export function levelSamples(samples: Float32Array, kind: ClipKind): Int16Array {
  const trimmed = trimSilence(samples, SPEECH_RATE);
  return floatToPcm16(normalizeLoudness(trimmed, SPEECH_RATE, kind === 'chime' ? CHIME_LUFS : SPEECH_LUFS));
}

/** A WAV file of any rate, channels and sample format → the clip as the joiner takes it.
 *  Throws WavFormatError for a file that is not a readable WAV, SilentClipError for silence. */
export function levelWavFile(file: Uint8Array, kind: ClipKind): Int16Array {
  return levelSamples(monoAt(decodeWav(Buffer.from(file.buffer, file.byteOffset, file.byteLength)), SPEECH_RATE), kind);
}
