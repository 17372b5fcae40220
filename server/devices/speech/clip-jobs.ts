// The CPU work behind a clip, the same whether the speech worker or the calling thread runs it.
import { levelSamples, levelWavFile, type ClipKind } from './level-clip';
import type { Synthesizer } from './synthesizer';

export interface RenderedClip {
  /** Trimmed and levelled, 16-bit mono at SPEECH_RATE. */
  pcm: Int16Array;
  phonemes: string;
}

export type ClipJob = { job: 'render'; text: string; rate: number } | { job: 'level'; file: Uint8Array; kind: ClipKind };

export type ClipJobResult<J extends ClipJob> = J extends { job: 'render' } ? RenderedClip : Int16Array;

export function runClipJob(synthesizer: Synthesizer, job: ClipJob): RenderedClip | Int16Array {
  if (job.job === 'level') return levelWavFile(job.file, job.kind);
  const spoken = synthesizer.speak(job.text, job.rate);
  return { pcm: levelSamples(spoken.samples, 'speech'), phonemes: spoken.phonemes };
}
