// The clips of the centre's own voice, as the managers' app lists them (GET /api/voice/clips).

export type ClipGroup = 'phrase' | 'digit' | 'number-word' | 'letter' | 'counter' | 'chime';

export interface VoiceClip {
  /** The file name in voice/custom/ without ".wav". */
  key: string;
  group: ClipGroup;
  /** What the clip says (for a counter, what the engine says for it today). */
  words: string;
  /** A counter's name, for its clip. */
  label?: string;
  recorded: boolean;
  /** A recording waits to be kept or discarded. */
  draft: boolean;
  /** Some call of this centre, as configured, says this clip. */
  inUse: boolean;
}

export interface VoiceClipList {
  clips: VoiceClip[];
  /** Of the clips in use, how many the centre has recorded. */
  recordedInUse: number;
  inUse: number;
}
