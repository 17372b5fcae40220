// Search as citizens type: no diacritics or case needed, the last word may be half typed,
// every word must match somewhere. Ranking, best first: the code, the name starting with the
// query, the name containing it as a phrase, all words in the name, words found also in the
// field's name, and last in the required papers. Within a rank the shorter (more general)
// name comes first, so "khai sinh" puts "Đăng ký khai sinh" before its special cases.
// Within a rank, a name with the query exactly as typed (filler words included) comes first,
// then names whose words the query spells out in full before half-typed matches.
// Everything is folded once when the index is built; a query only compares prefixes.
import type { Procedure } from '@protocol/catalogue';
import { foldVietnamese, foldedWords } from './fold-vietnamese';

export interface SearchOptions {
  /** Only procedures of this field. */
  serviceId?: string;
  /** At most this many results; a text query defaults to 50, browsing (empty query) returns all. */
  limit?: number;
}

export const defaultSearchLimit = 50;

interface Entry {
  procedure: Procedure;
  name: string;
  nameWords: string[];
  fieldWords: string[];
  paperWords: string[];
  code: string;
}

/** Higher is better; 0 is no match. */
const Rank = { InPapers: 1, WithField: 2, AllWordsInName: 3, PhraseInName: 4, NameStarts: 5, CodePrefix: 6, Code: 7 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

/** Words people add around what they look for ("thủ tục đăng ký khai sinh") that no name contains. */
const fillerPhrases = /\b(?:thu tuc hanh chinh|thu tuc|tthc)\b/g;

/** typed: the whole query folded, filler included, since a name may contain the filler itself
 *  ("Liên thông thủ tục hành chính…"); phrase and words: without it. */
function queryWords(query: string): { typed: string; phrase: string; words: string[] } {
  const folded = foldVietnamese(query);
  const withoutFiller = folded.replace(fillerPhrases, ' ').replace(/\s+/g, ' ').trim();
  const phrase = withoutFiller || folded;
  return { typed: folded, phrase, words: phrase ? phrase.split(' ') : [] };
}

const hasPrefix = (words: string[], prefix: string) => words.some((w) => w.startsWith(prefix));

/** How many query words are whole words of the name: "tam tru" is "tạm trú", not "tạm … trước". */
const wholeWords = (entry: Entry, words: string[]) => words.filter((w) => entry.nameWords.includes(w)).length;

const containsPhrase = (entry: Entry, phrase: string) => ` ${entry.name}`.includes(` ${phrase}`);

function rank(entry: Entry, typed: string, phrase: string, words: string[], compactQuery: string): Rank | 0 {
  if (entry.code === compactQuery) return Rank.Code;
  if (/\d/.test(compactQuery) && compactQuery.length >= 3 && entry.code.startsWith(compactQuery)) return Rank.CodePrefix;
  if (entry.name.startsWith(phrase) || entry.name.startsWith(typed)) return Rank.NameStarts;
  if (containsPhrase(entry, phrase) || containsPhrase(entry, typed)) return Rank.PhraseInName;
  if (words.every((w) => hasPrefix(entry.nameWords, w))) return Rank.AllWordsInName;
  if (words.every((w) => hasPrefix(entry.nameWords, w) || hasPrefix(entry.fieldWords, w))) return Rank.WithField;
  if (words.every((w) => hasPrefix(entry.nameWords, w) || hasPrefix(entry.fieldWords, w) || hasPrefix(entry.paperWords, w))) return Rank.InPapers;
  return 0;
}

export interface SearchIndex {
  search(query: string, opts?: SearchOptions): Procedure[];
}

/** serviceNames: field id → the field's name in the centre's configuration, so "hộ tịch" finds its procedures. */
export function buildSearchIndex(procedures: Procedure[], serviceNames: ReadonlyMap<string, string>): SearchIndex {
  const entries: Entry[] = procedures.map((procedure) => ({
    procedure,
    name: foldVietnamese(procedure.name),
    nameWords: foldedWords(procedure.name),
    fieldWords: [...new Set([...foldedWords(serviceNames.get(procedure.serviceId) ?? ''), ...foldedWords(procedure.serviceId)])],
    paperWords: [...new Set(procedure.papers.flatMap(foldedWords))],
    code: procedure.code.toLowerCase(),
  }));

  return {
    search(query, opts = {}) {
      const inField = opts.serviceId === undefined ? entries : entries.filter((e) => e.procedure.serviceId === opts.serviceId);
      const { typed, phrase, words } = queryWords(query);
      if (!words.length) return inField.slice(0, opts.limit).map((e) => e.procedure);
      const compactQuery = query.replace(/\s+/g, '').toLowerCase();
      return inField
        .map((entry, order) => ({ entry, order, rank: rank(entry, typed, phrase, words, compactQuery) }))
        .filter((hit) => hit.rank > 0)
        .map((hit) => ({ ...hit, typed: containsPhrase(hit.entry, typed) ? 1 : 0, whole: wholeWords(hit.entry, words) }))
        .sort((a, b) => b.rank - a.rank || b.typed - a.typed || b.whole - a.whole || a.entry.name.length - b.entry.name.length || a.order - b.order)
        .slice(0, opts.limit ?? defaultSearchLimit)
        .map((hit) => hit.entry.procedure);
    },
  };
}
