/**
 * What the staff queue's search box indexes and looks for (#4: case number, names, narrative).
 *
 * Names and narratives are sealed at rest, so the server indexes keyed hashes of short pieces of the
 * text instead of the text (a blind index). This file is the text side, shared by the server (index
 * and query) and the contracts (is a query searchable?): it normalises text and cuts it into pieces.
 */

/** Pieces are 2 characters: Japanese surnames and given names are often 2 characters (山田, 花子). */
export const SEARCH_GRAM_LENGTH = 2;

/** Longest query the search box accepts, in characters (the contracts enforce it). */
export const SEARCH_QUERY_MAX = 100;

const KATAKANA_TO_HIRAGANA = 0x60;

/** ァ..ヶ and the iteration marks ヽヾ have hiragana twins 0x60 below; ヷ..ヺ and ー do not. */
function foldKana(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x30a1 && code <= 0x30f6) || code === 0x30fd || code === 0x30fe
    ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA)
    : char;
}

/**
 * Words of a text as the search compares them: NFKC (full/half width: ｶﾀｶﾅ ≡ カタカナ, ＡＢＣ ≡ ABC),
 * lower case, katakana folded to hiragana (ヤマダ ≡ やまだ), punctuation and symbols dropped
 * (山田・太郎 ≡ 山田太郎, @foo_bar ≡ foobar), whitespace separating words.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .split(/\s+/u)
    .filter((word) => word !== '')
    .map((word) => Array.from(word, foldKana).join(''));
}

/**
 * The distinct 2-character pieces of every word of `text`, sorted (never in text order, so the
 * index says nothing about where a piece was). Words of one character give none.
 */
export function searchGrams(text: string): string[] {
  const grams = new Set<string>();
  for (const word of searchWords(text)) {
    const chars = Array.from(word);
    for (let i = 0; i + SEARCH_GRAM_LENGTH <= chars.length; i++) {
      grams.add(chars.slice(i, i + SEARCH_GRAM_LENGTH).join(''));
    }
  }
  return [...grams].sort();
}

/**
 * True when the query is (the beginning of) a case number: MM followed only by letters, digits,
 * dashes and spaces, at most 8 symbols (MM-7K3Q, mm7k3q9xd2, ＭＭ－７Ｋ３Ｑ). Such queries match case
 * numbers, not text.
 */
export function isCaseNumberQuery(q: string): boolean {
  const text = q.normalize('NFKC').trim().toUpperCase();
  if (!/^M\s*M[-\s0-9A-Z]*$/.test(text)) return false;
  return text.replace(/[^0-9A-Z]/g, '').length <= 10;
}

/**
 * True when a query can be searched: a case number (or its beginning), or text with at least one
 * word of 2 characters or more once punctuation is dropped.
 */
export function isSearchableQuery(q: string): boolean {
  return isCaseNumberQuery(q) || searchGrams(q).length > 0;
}
