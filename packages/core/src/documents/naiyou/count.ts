import { BRACKET_PAIRS, COMMON_SYMBOLS, COUNTED_SYMBOL_RANGES, DINGBAT_NUMBER_VALUES } from './rules.js';

/**
 * Character counting for 内容証明 (rules and sources in rules.ts):
 * - each character or symbol counts 1; a full-width or ASCII space counts 1 (it takes a cell);
 * - a PAIR of brackets counts 1, on the line of the opening bracket: the opening bracket counts 1 and its matching
 *   closing bracket 0, wherever it is (also on a later line); a closing bracket with no open partner counts 1;
 * - (1), （一）, (ア) at the start of a line (list numbering, 「序列を示す記号」) count 1 as a whole;
 * - enclosed and squared symbols count as COUNTED_SYMBOL_RANGES says (① 2, ㎡ 2, ㎏ 2 …).
 * Text is taken grapheme by grapheme (a character with its combining marks, or a whole emoji sequence, is one).
 */

export type TokenKind =
  | 'text' // kana, kanji, digits, punctuation
  | 'symbol' // a common symbol
  | 'space'
  | 'open' // an opening bracket (counts 1)
  | 'close' // a closing bracket (0 when it closes an open bracket, else 1)
  | 'latin' // a Latin (or Greek, Cyrillic) letter: allowed in proper nouns only
  | 'counted-symbol' // enclosed or squared symbol counting more than 1
  | 'numbering' // (1)-style list numbering at the start of a line, counting 1
  | 'control' // control or invisible format character: not allowed
  | 'emoji' // not allowed
  | 'halfwidth-katakana' // not allowed
  | 'unusual'; // any other symbol or script: not allowed

export interface NaiyouToken {
  readonly text: string;
  readonly kind: TokenKind;
  /** Counted characters. */
  readonly count: number;
  /** Grid cells it occupies (one per grapheme). */
  readonly cells: number;
}

/** The brackets still open (their opening characters, innermost last), carried from line to line. */
export type BracketState = readonly string[];

export const DISALLOWED_KINDS: ReadonlySet<TokenKind> = new Set([
  'control',
  'emoji',
  'halfwidth-katakana',
  'unusual',
]);

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** Characters that never join a neighbour into one grapheme (ASCII, kana, kanji, full-width forms): a fast path. */
const SIMPLE = /^[\u0020-\u007E\u3000-\u3098\u309B-\u30FF\u4E00-\u9FFF\uFF01-\uFF9D]*$/u;

export function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return Array.from(text);
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const OPENERS = new Map(BRACKET_PAIRS.map(([open, close]) => [open, close]));
const CLOSERS = new Map(BRACKET_PAIRS.map(([open, close]) => [close, open]));
const SELF_CLOSING = new Set(BRACKET_PAIRS.filter(([open, close]) => open === close).map(([open]) => open));
const COMMON = new Set(Array.from(COMMON_SYMBOLS));

const NUMBERING =
  /^([ \u3000]*)([(（](?:[0-9０-９]{1,3}|[〇一二三四五六七八九十]{1,3}|[ァ-ヶ]|[ぁ-ゖ])[)）])/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Emoji_Modifier}|\uFE0F|\u20E3|[\u{1F1E6}-\u{1F1FF}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}]/u;
const LETTER = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
/** Marks allowed after a base character: combining (han)dakuten, and ideographic variation selectors (人名の異体字). */
const ALLOWED_MARK = /^[\u3099\u309A\u{E0100}-\u{E01EF}\uFE00-\uFE0E]$/u;

function inRange(cp: number, from: number, to: number): boolean {
  return cp >= from && cp <= to;
}

/** Kana, kanji, CJK punctuation, digits (ASCII and full-width) and ASCII/full-width punctuation. */
function isJapaneseText(cp: number): boolean {
  return (
    inRange(cp, 0x3001, 0x303f) || // CJK symbols and punctuation (、。々〆〇 …); U+3000 is a space
    inRange(cp, 0x3041, 0x309f) || // hiragana, ゛゜ゝゞ
    inRange(cp, 0x30a0, 0x30ff) || // katakana, ー・ヽヾ
    inRange(cp, 0x31f0, 0x31ff) || // small katakana extension
    inRange(cp, 0x3400, 0x4dbf) || // CJK extension A
    inRange(cp, 0x4e00, 0x9fff) || // CJK unified ideographs
    inRange(cp, 0xf900, 0xfaff) || // CJK compatibility ideographs
    inRange(cp, 0x20000, 0x3ffff) || // CJK extensions B–H
    inRange(cp, 0x30, 0x39) || // 0–9
    inRange(cp, 0xff10, 0xff19) // ０–９
  );
}

function isPunctuation(cp: number): boolean {
  return (
    inRange(cp, 0x21, 0x2f) ||
    inRange(cp, 0x3a, 0x40) ||
    inRange(cp, 0x5b, 0x60) ||
    inRange(cp, 0x7b, 0x7e) ||
    inRange(cp, 0xff01, 0xff0f) ||
    inRange(cp, 0xff1a, 0xff20) ||
    inRange(cp, 0xff3b, 0xff40) ||
    inRange(cp, 0xff5b, 0xff60) ||
    inRange(cp, 0xffe0, 0xffe6)
  );
}

/** Counted characters of an enclosed (① ⑴ ㈱) or squared (㎡ ㌔ ㍻) symbol; undefined when it is neither. */
export function countedSymbolCount(grapheme: string): number | undefined {
  const cp = grapheme.codePointAt(0) ?? 0;
  const range = COUNTED_SYMBOL_RANGES.find((r) => inRange(cp, r.from, r.to));
  if (!range) return undefined;
  const expanded = grapheme.normalize('NFKC');
  if (range.kind === 'squared') return graphemes(expanded).length;
  if (expanded !== grapheme) {
    const inner = expanded.replace(/^\((.*)\)$/u, '$1');
    return graphemes(inner).length + 1;
  }
  const dingbat = DINGBAT_NUMBER_VALUES.find((r) => inRange(cp, r.from, r.to));
  const value = dingbat ? dingbat.first + (cp - dingbat.from) : 0;
  return String(value).length + 1;
}

/** The kind and count of one grapheme, brackets aside (see tokenizeLine). */
export function classifyGrapheme(grapheme: string): { kind: TokenKind; count: number } {
  const [base = '', ...marks] = Array.from(grapheme);
  const cp = base.codePointAt(0) ?? 0;
  if (EMOJI.test(grapheme) || (grapheme.includes('\u200D') && PICTOGRAPHIC.test(grapheme))) {
    return { kind: 'emoji', count: 1 };
  }
  if (CONTROL.test(base)) return { kind: 'control', count: 1 };
  if (inRange(cp, 0xff61, 0xff9f)) return { kind: 'halfwidth-katakana', count: 1 };
  if (marks.some((mark) => !ALLOWED_MARK.test(mark))) return { kind: 'unusual', count: 1 };
  if (base === ' ' || base === '\u3000') return { kind: 'space', count: 1 };
  const counted = countedSymbolCount(base);
  if (counted !== undefined) return { kind: 'counted-symbol', count: counted };
  if (isJapaneseText(cp)) return { kind: 'text', count: 1 };
  if (LETTER.test(base)) return { kind: 'latin', count: 1 };
  if (isPunctuation(cp) || COMMON.has(base)) return { kind: 'symbol', count: 1 };
  return { kind: 'unusual', count: 1 };
}

/**
 * Splits one line into tokens with their counts, given the brackets left open by the lines before.
 * Returns the tokens and the brackets still open after the line.
 */
export function tokenizeLine(
  line: string,
  open: BracketState = [],
): { tokens: NaiyouToken[]; open: BracketState } {
  const stack = [...open];
  const tokens: NaiyouToken[] = [];
  const numbering = NUMBERING.exec(line);
  const numberingStart = numbering ? (numbering[1] ?? '').length : -1;
  const items = graphemes(line);
  let index = 0;
  let position = 0; // UTF-16 offset of items[index]
  while (index < items.length) {
    const g = items[index] as string;
    if (numbering && position === numberingStart) {
      const text = numbering[2] as string;
      const cells = graphemes(text).length;
      tokens.push({ text, kind: 'numbering', count: 1, cells });
      index += cells;
      position += text.length;
      continue;
    }
    index += 1;
    position += g.length;
    if (SELF_CLOSING.has(g)) {
      // A quote that is its own closer closes only the innermost open bracket; anywhere else it opens a pair.
      if (stack.at(-1) === g) {
        stack.pop();
        tokens.push({ text: g, kind: 'close', count: 0, cells: 1 });
      } else {
        stack.push(g);
        tokens.push({ text: g, kind: 'open', count: 1, cells: 1 });
      }
      continue;
    }
    if (OPENERS.has(g)) {
      stack.push(g);
      tokens.push({ text: g, kind: 'open', count: 1, cells: 1 });
      continue;
    }
    const opener = CLOSERS.get(g);
    if (opener !== undefined) {
      const last = stack.lastIndexOf(opener);
      if (last >= 0) stack.splice(last); // brackets opened inside and never closed were already counted 1
      tokens.push({ text: g, kind: 'close', count: last >= 0 ? 0 : 1, cells: 1 });
      continue;
    }
    const { kind, count } = classifyGrapheme(g);
    tokens.push({ text: g, kind, count, cells: 1 });
  }
  return { tokens, open: stack };
}

/** Counted characters of a text (any number of lines), by the 内容証明 rules. */
export function countNaiyouCharacters(text: string): number {
  let open: BracketState = [];
  let total = 0;
  for (const line of splitLines(text)) {
    const result = tokenizeLine(line, open);
    open = result.open;
    total += result.tokens.reduce((sum, token) => sum + token.count, 0);
  }
  return total;
}

/** Splits text into lines on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}

/** A line with no character other than spaces is blank: it is not counted (空白の行は0行). */
export function isBlankLine(line: string): boolean {
  return /^[ \u3000]*$/u.test(line);
}
