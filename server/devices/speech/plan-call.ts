// Which clips, in which order, make up one spoken call. Pure: the audio comes later.
import type { VoiceConfig } from '@protocol/config';
import { numberWords, spokenLetter } from '@protocol/spoken-words';
import { CHIME, PAUSE, digitKey, letterKey, numberWordKey, templateParts } from './clip-catalog';

export interface CallToPlan {
  /** The ticket as printed: "1005", "A025". */
  label: string;
  counterId: number;
  voice: Pick<VoiceConfig, 'template' | 'repeats' | 'chime'> & Partial<Pick<VoiceConfig, 'announce'>>;
  /** The centre recorded this counter's own clip (its name or number said as one): it replaces the number words. */
  counterRecorded?: boolean;
}

export const counterKey = (counterId: number) => `counter-${counterId}`;

/** ['chime', 'xin-moi-cong-dan-co-so-thu-tu', 'digit-1', 'digit-0', 'digit-0', 'digit-5', 'den-quay-so', 'digit-3', 'pause', …again] */
export function planCall({ label, counterId, voice, counterRecorded = false }: CallToPlan): string[] {
  if (voice.announce === 'chime-only') return [CHIME];
  const once: string[] = [];
  for (const part of templateParts(voice.template)) {
    if (part.kind === 'phrase') once.push(part.key);
    else if (part.kind === 'number') once.push(...ticketLabelKeys(label));
    else if (counterRecorded) once.push(counterKey(counterId));
    else once.push(...numberWords(counterId).map(numberWordKey));
  }
  const plan = voice.chime ? [CHIME] : [];
  for (let i = 0; i < voice.repeats; i++) {
    if (i > 0) plan.push(PAUSE);
    plan.push(...once);
  }
  return plan;
}

/** A ticket number is read digit by digit, a prefix letter by letter; anything else (a dash) is not read. */
export function ticketLabelKeys(label: string): string[] {
  const keys: string[] = [];
  for (const ch of label) {
    if (ch >= '0' && ch <= '9') keys.push(digitKey(Number(ch)));
    else {
      const letter = spokenLetter(ch);
      if (letter) keys.push(letterKey(letter));
    }
  }
  return keys;
}
