// What a call says, as Vietnamese words: the server's clips and the central display's own
// voice read the same sentence. Numbers the Vietnamese way: espeak-ng reads digits literally
// ("mười năm" for 15); a citizen expects "mười lăm", "hai mươi mốt", "một trăm lẻ năm".

export const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

export const MAX_SPOKEN_NUMBER = 999_999;

/** 0 … 999 999 as Vietnamese words: 15 → ["mười", "lăm"], 1005 → ["một", "nghìn", "không", "trăm", "lẻ", "năm"]. */
export function numberWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`numberWords: ${n} is not an integer in 0…${MAX_SPOKEN_NUMBER}`);
  }
  if (n === 0) return [DIGIT_WORDS[0]];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands > 0) words.push(...belowThousand(thousands, false), 'nghìn');
  // After "nghìn" an empty hundreds place is still said: 1005 is "một nghìn không trăm lẻ năm".
  if (rest > 0) words.push(...belowThousand(rest, thousands > 0));
  return words;
}

function belowThousand(n: number, sayEmptyHundreds: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const hasHundredsPlace = hundreds > 0 || sayEmptyHundreds;
  const words: string[] = [];
  if (hasHundredsPlace) words.push(DIGIT_WORDS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0) {
      if (hasHundredsPlace) words.push('lẻ');
      words.push(DIGIT_WORDS[units]);
    }
  } else if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGIT_WORDS[units]);
  } else {
    words.push(DIGIT_WORDS[tens], 'mươi');
    if (units === 1) words.push('mốt');
    else if (units === 4) words.push('tư');
    else if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGIT_WORDS[units]);
  }
  return words;
}

/** How letters of a ticket prefix are read out ("T001" → "tê không không một"). */
export const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a', B: 'bê', C: 'xê', D: 'dê', Đ: 'đê', E: 'e', F: 'ép', G: 'giê', H: 'hát', I: 'i', J: 'gi',
  K: 'ca', L: 'e lờ', M: 'em mờ', N: 'en nờ', O: 'o', P: 'pê', Q: 'quy', R: 'e rờ', S: 'ét xì',
  T: 'tê', U: 'u', V: 'vê', W: 'vê kép', X: 'ích xì', Y: 'i dài', Z: 'dét',
};

/** A letter of a label as a key of LETTER_NAMES: Vietnamese vowels with marks fall back to their base letter. */
export function spokenLetter(ch: string): string | null {
  const upper = ch.toUpperCase();
  if (LETTER_NAMES[upper]) return upper;
  const base = upper.normalize('NFD').replace(/\p{M}/gu, '');
  return LETTER_NAMES[base] ? base : null;
}

/** A ticket number is read digit by digit, a prefix letter by letter; anything else (a dash) is not read. */
export function ticketLabelWords(label: string): string[] {
  const words: string[] = [];
  for (const ch of label) {
    if (ch >= '0' && ch <= '9') words.push(DIGIT_WORDS[Number(ch)]);
    else {
      const letter = spokenLetter(ch);
      if (letter) words.push(LETTER_NAMES[letter]);
    }
  }
  return words;
}

/** The call as one sentence: "Xin mời công dân có số thứ tự một không không năm đến quầy số ba". */
export function callSentence(template: string, label: string, counterId: number): string {
  return template
    .replace(/\{number\}/g, ticketLabelWords(label).join(' '))
    .replace(/\{counter\}/g, numberWords(counterId).join(' '))
    .replace(/\s+/g, ' ')
    .trim();
}
