// The names of the short clips a call is built from, and the Vietnamese each one says.
// Keys are file names (<key>.wav) a centre uses to replace a clip with its own recording,
// so they are plain ASCII; README.md lists them with their words.
import type { VoiceConfig } from '@protocol/config';
import { DIGIT_WORDS, LETTER_NAMES } from '@protocol/spoken-words';

export const CHIME = 'chime';
/** Not a clip: a silence between two repetitions of the call. */
export const PAUSE = 'pause';

export const digitKey = (d: number) => `digit-${d}`;

/** Words a number needs besides the digits; "mười" and "mươi" differ only by tone, so their keys name it. */
const NUMBER_WORD_KEYS: Record<string, string> = {
  mười: 'word-muoi-huyen',
  mươi: 'word-muoi-ngang',
  mốt: 'word-mot',
  tư: 'word-tu',
  lăm: 'word-lam',
  trăm: 'word-tram',
  lẻ: 'word-le',
  nghìn: 'word-nghin',
};

export function letterKey(letter: string): string {
  return letter === 'Đ' ? 'letter-dd' : `letter-${letter.toLowerCase()}`;
}

/** The clip key for a word of numberWords(). */
export function numberWordKey(word: string): string {
  const digit = (DIGIT_WORDS as readonly string[]).indexOf(word);
  if (digit >= 0) return digitKey(digit);
  const key = NUMBER_WORD_KEYS[word];
  if (!key) throw new Error(`no clip for number word "${word}"`);
  return key;
}

export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export type TemplatePart = { kind: 'phrase'; key: string; text: string } | { kind: 'number' } | { kind: 'counter' };

const RESERVED_KEY = /^(chime|pause|digit-.*|word-.*|letter-.*|counter-.*)$/;

/** Splits the call template into its fixed phrases and the {number} / {counter} slots.
 *  Two phrases that lose their difference in ASCII ("số" / "sổ") get distinct keys. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const keyOfText = new Map<string, string>();
  const usedKeys = new Set<string>();
  for (const piece of template.split(/(\{number\}|\{counter\})/)) {
    if (piece === '{number}') parts.push({ kind: 'number' });
    else if (piece === '{counter}') parts.push({ kind: 'counter' });
    else {
      const text = piece.trim();
      const slug = asciiSlug(text);
      if (!slug) continue; // punctuation or spaces only: nothing to say
      let key = keyOfText.get(text);
      if (!key) {
        const base = RESERVED_KEY.test(slug) ? `phrase-${slug}` : slug;
        key = base;
        for (let n = 2; usedKeys.has(key); n++) key = `${base}-${n}`;
        keyOfText.set(text, key);
        usedKeys.add(key);
      }
      parts.push({ kind: 'phrase', key, text });
    }
  }
  return parts;
}

/** Every spoken clip a call with this voice can use, with the text that the default clip says.
 *  The chime is not here: it is synthesised, not spoken. */
export function spokenClipTexts(voice: Pick<VoiceConfig, 'template'>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const part of templateParts(voice.template)) if (part.kind === 'phrase') texts.set(part.key, part.text);
  DIGIT_WORDS.forEach((word, d) => texts.set(digitKey(d), word));
  for (const [word, key] of Object.entries(NUMBER_WORD_KEYS)) texts.set(key, word);
  for (const [letter, name] of Object.entries(LETTER_NAMES)) texts.set(letterKey(letter), name);
  return texts;
}
