// What a text-to-speech engine gives the clip store: one phrase's audio and its phonemes.

export interface Spoken {
  /** Mono at SPEECH_RATE, floats in [-1, 1], with whatever silence the engine leaves around it. */
  samples: Float32Array;
  /** The engine's own reading, e.g. "x_ˌo1_ŋ_" for "không" (espeak-ng's IPA, "_" between phonemes). */
  phonemes: string;
}

export interface Synthesizer {
  /** The engine and its version: part of every generated clip's provenance, so an upgrade is noticed. */
  readonly id: string;
  /** Synchronous CPU work; `rate` 1 is the engine's normal speed. */
  speak(text: string, rate: number): Spoken;
}
