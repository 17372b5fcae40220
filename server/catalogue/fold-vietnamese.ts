// Citizens type without diacritics ("dang ky ket hon") or with an input method that puts
// the tone mark on another vowel ("hoà" / "hòa"); both must find "Đăng ký kết hôn".
// Folding drops every tone and vowel mark so all such spellings become the same key; it also
// writes a lone final "y" after consonants as "i", since both spellings are taught ("kí"/"ký",
// "lí"/"lý", "mĩ"/"mỹ").

const combiningMarks = /[\u0300-\u036f]/g;

/** "Đăng ký Kết hôn!" → "dang ki ket hon": lower case, no marks, đ → d, words joined by one space. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(combiningMarks, '')
    // đ is a letter of its own in Unicode, not d + a mark, so NFD leaves it whole.
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\b([bcdghklmnpqrstvx]+)y\b/g, '$1i');
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  const folded = foldVietnamese(text);
  return folded ? folded.split(' ') : [];
}
