/**
 * One-pass phrase matcher over normalised text: a character trie compiled once from every lexicon entry (terms
 * normalised by the same function as posts, homophone variants expanded). Walking from each position lets the
 * text's elongation mark ー and an intensifying っ be skipped when the pattern has none (ばーか ≈ ばか, ぶっさいく ≈
 * ぶさいく) and a mask ○ stand for any one
 * pattern character (し○ ≈ しね), which an Aho-Corasick automaton cannot do cheaply. Cost is about
 * (post length × 2) map lookups, since most positions fail on the first or second character.
 */
import type { LexiconEntry } from './wordlists/lexicon.js';
import { HOMOPHONE_VARIANTS } from './wordlists/lexicon.js';
import { MASK, normalizeText, type NormalizedText } from './normalize.js';

const LONG = 0x30fc;
/** っ (small tsu): skipped like ー when the pattern does not have it. */
const SOKUON = 0x3063;
const MASK_CODE = MASK.charCodeAt(0);

export interface CompiledEntry {
  readonly entry: LexiconEntry;
  /** The normalised pattern. */
  readonly pattern: string;
  readonly kanaBoundary: boolean;
  readonly asciiStart: boolean;
  readonly asciiEnd: boolean;
  /** A homophone-kanji variant (氏ね, 市ね): rejected right after another kanji, where it is part of a name (山田氏ね). */
  readonly notAfterKanji: boolean;
  /** Normalised `except` words with the offset of the pattern inside each. */
  readonly except: readonly { readonly word: string; readonly at: number }[];
}

interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  hits: CompiledEntry[] | undefined;
}

export interface Match {
  /** Normalised offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly compiled: CompiledEntry;
  /** How many text positions were masks. */
  readonly masked: number;
}

export interface Matcher {
  readonly root: TrieNode;
  /** The root's children by BMP code unit (an array, not the root's Map: one lookup per text position). */
  readonly firstStep: readonly (TrieNode | undefined)[];
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
}

function isHiraganaOnly(s: string): boolean {
  return /^[\u3041-\u309f\u30fc]+$/u.test(s);
}

function expandVariants(term: string): string[] {
  const out = new Set([term]);
  for (const [from, tos] of Object.entries(HOMOPHONE_VARIANTS)) {
    for (const existing of [...out]) {
      if (!existing.includes(from)) continue;
      for (const to of tos) out.add(existing.split(from).join(to));
    }
  }
  return [...out];
}

/** Compiles lexicon entries into a trie; call once and reuse. */
export function compileMatcher(entries: readonly LexiconEntry[]): Matcher {
  const root: TrieNode = { next: undefined, hits: undefined };
  const seen = new Set<string>();
  for (const entry of entries) {
    const terms = entry.variants === true ? entry.terms.flatMap(expandVariants) : entry.terms;
    const originals = new Set(entry.terms);
    const exceptWords = (entry.except ?? []).map((word) => normalizeText(word).text);
    for (const term of terms) {
      const pattern = normalizeText(term).text;
      if (pattern.length === 0) continue;
      const key = `${entry.rule}\u0000${pattern}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A pattern whose last vowel was folded to ー (頭おかしい → 頭おかしー) is found in a longer word by its stem.
      const stem = pattern.length > 1 && pattern.endsWith('ー') ? pattern.slice(0, -1) : pattern;
      const except = exceptWords
        .map((word) => ({ word, at: word.includes(pattern) ? word.indexOf(pattern) : word.indexOf(stem) }))
        .filter((e) => e.at >= 0);
      const compiled: CompiledEntry = {
        entry,
        pattern,
        kanaBoundary: entry.boundary ?? (isHiraganaOnly(pattern) && pattern.length <= 3),
        asciiStart: isAsciiAlnum(pattern.charCodeAt(0)),
        asciiEnd: isAsciiAlnum(pattern.charCodeAt(pattern.length - 1)),
        notAfterKanji: !originals.has(term) && isKanji(pattern.charCodeAt(0)),
        except,
      };
      let node = root;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        node.next ??= new Map();
        let child = node.next.get(c);
        if (child === undefined) {
          child = { next: undefined, hits: undefined };
          node.next.set(c, child);
        }
        node = child;
      }
      (node.hits ??= []).push(compiled);
    }
  }
  const firstStep: (TrieNode | undefined)[] = new Array<TrieNode | undefined>(0x10000).fill(undefined);
  for (const [c, child] of root.next ?? []) firstStep[c] = child;
  return { root, firstStep };
}

/** Particles and endings after which / before which a short hiragana insult still stands as its own word. */
const LEFT_OK = new Set([...'はがをにものとへやかよねさてでぞぜわっ、。!?「『(（ ー'].map((c) => c.charCodeAt(0)));
const RIGHT_OK = new Set([...'だでじやよねなさぞぜわっがはをにともの、。!?」』)） ーかめすwし'].map((c) => c.charCodeAt(0)));

/** Characters that cannot end a word: a mask right after one is inside a word. */
const WORD_INTERNAL = new Set([...'っゃゅょぁぃぅぇぉー'].map((c) => c.charCodeAt(0)));

/** Pronouns directly before a word also delimit it (お前しね, てめえばか). */
const ADDRESS_BEFORE = ['お前', 'おまえ', 'お前ら', 'おまえら', 'てめえ', 'てめー', '貴様', 'きさま', 'あんた', 'こいつ', 'あいつ', 'そいつ'].map(
  (w) => normalizeText(w).text,
);

function afterAddress(text: string, start: number): boolean {
  return ADDRESS_BEFORE.some((w) => start >= w.length && text.startsWith(w, start - w.length));
}

function isHira(code: number): boolean {
  return code >= 0x3041 && code <= 0x309f;
}

function isKanji(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || code === 0x3005;
}

const FULL_VOWELS: Readonly<Record<number, number>> = { 0x3042: 1, 0x3044: 2, 0x3046: 3, 0x3048: 4, 0x304a: 5 };
const VOWEL_ROWS = ['あかさたなはまやらわがざだばぱ', 'いきしちにひみりぎじぢびぴ', 'うくすつぬふむゆるぐずづぶぷ', 'えけせてねへめれげぜでべぺ', 'おこそとのほもよろをごぞどぼぽ'];
const VOWEL_OF = new Map<number, number>();
VOWEL_ROWS.forEach((row, v) => {
  for (const ch of row) VOWEL_OF.set(ch.charCodeAt(0), v + 1);
});

/** The character at `at` is a vowel lengthening the kana before it (しねえよ). */
function elongates(text: string, at: number): boolean {
  const v = FULL_VOWELS[text.charCodeAt(at)];
  return v !== undefined && at > 0 && VOWEL_OF.get(text.charCodeAt(at - 1)) === v;
}

const VOWEL_CHARS = [0, 0x3042, 0x3044, 0x3046, 0x3048, 0x304a];

/** The other spelling of text[pos]: the vowel for ー after a kana of that vowel, ー for such a vowel; else −1. */
function sameSound(text: string, pos: number, c: number): number {
  if (c === LONG) return VOWEL_CHARS[VOWEL_OF.get(text.charCodeAt(pos - 1)) ?? 0] || -1;
  return elongates(text, pos) ? LONG : -1;
}

function acceptable(n: NormalizedText, m: Match): boolean {
  const { text, katakana } = n;
  const c = m.compiled;
  const before = m.start > 0 ? text.charCodeAt(m.start - 1) : -1;
  const after = m.end < text.length ? text.charCodeAt(m.end) : -1;
  if (c.asciiStart && isAsciiAlnum(before)) return false;
  if (c.asciiEnd && isAsciiAlnum(after)) return false;
  if (c.notAfterKanji && isKanji(before) && !afterAddress(text, m.start)) return false;
  // A match that starts with a mask right after っ, a small kana or ー is the inside of a longer word (おっ○い).
  if (m.masked > 0 && text.charCodeAt(m.start) === MASK_CODE && WORD_INTERNAL.has(before)) return false;
  // …or between two katakana (ブ〇イク): the mask hides a letter of one katakana word, not the start of another.
  if (m.masked > 0 && text.charCodeAt(m.start) === MASK_CODE && m.start > 0 && katakana[m.start - 1] === 1 && katakana[m.start + 1] === 1) return false;
  for (const ex of c.except) {
    if (text.startsWith(ex.word, m.start - ex.at)) return false;
  }
  // A skipped っ before た/て/ち in hiragana is the past or て form of a verb or adjective (よかったわ ≠ かたわ,
  // わかってる), not an intensifier inside the word.
  if (katakana[m.start] !== 1 && !c.pattern.includes('っ') && isHiraganaOnly(c.pattern) && /っ[たてち]/.test(text.slice(m.start, m.end))) return false;
  if (!c.kanaBoundary) return true;
  let allKatakana = true;
  for (let i = m.start; i < m.end; i++) {
    if (katakana[i] !== 1 && text.charCodeAt(i) !== LONG) {
      allKatakana = false;
      break;
    }
  }
  if (allKatakana) {
    // A katakana run is one word: reject if the word continues on either side (カスタム, ドカス), unless it
    // continues with the same word repeated (シネシネシネ).
    const len = m.end - m.start;
    const word = text.slice(m.start, m.end);
    const leftRun = m.start > 0 && katakana[m.start - 1] === 1 && !(m.start >= len && text.startsWith(word, m.start - len));
    const rightRun = m.end < text.length && katakana[m.end] === 1 && after !== LONG && !text.startsWith(word, m.end);
    return !leftRun && !rightRun;
  }
  const leftOk = before === -1 || (!isHira(before) && !isKanji(before)) || LEFT_OK.has(before) || afterAddress(text, m.start);
  const rightOk = after === -1 || !isHira(after) || RIGHT_OK.has(after) || elongates(text, m.end);
  return leftOk && rightOk;
}

/** A post with this many matches is already at the top of every scale; stop there so adversarial input stays linear. */
export const MAX_MATCHES = 400;

/** Every acceptable match of the compiled lexicon in the normalised text (overlaps included), up to MAX_MATCHES. */
export function findMatches(n: NormalizedText, matcher: Matcher): Match[] {
  const text = n.text;
  const len = text.length;
  const out: Match[] = [];
  const { root, firstStep } = matcher;
  for (let s = 0; s < len && out.length < MAX_MATCHES; s++) {
    const c = text.charCodeAt(s);
    if (c === MASK_CODE) {
      if (s + 1 < len && text.charCodeAt(s + 1) !== MASK_CODE) walk(n, out, root, s, s, 0, 0);
      continue;
    }
    // The walk's first step from the root, taken here (the same as walk(n, out, root, s, s, 0, 0) would).
    const first = firstStep[c];
    if (first !== undefined) walk(n, out, first, s, s + 1, 0, 1);
  }
  return out;
}

/** Depth-first walk of the trie from text position `pos` (a module function: no closure per post). */
function walk(n: NormalizedText, out: Match[], node: TrieNode, start: number, pos: number, masked: number, depth: number): void {
  const text = n.text;
  /** False right after skipping a っ: the match does not end on it (死ねっ|て言われた keeps its context). */
  let canEnd = true;
  for (;;) {
    if (node.hits !== undefined && depth > 0 && canEnd) {
      for (const compiled of node.hits) {
        if (masked > 0 && (masked * 2 > compiled.pattern.length || compiled.pattern.length < 2)) continue;
        const m: Match = { start, end: pos, compiled, masked };
        if (acceptable(n, m)) out.push(m);
      }
    }
    const next = node.next;
    if (pos >= text.length || next === undefined) return;
    const c = text.charCodeAt(pos);
    if (c === MASK_CODE) {
      if (masked >= 2) return;
      for (const child of next.values()) walk(n, out, child, start, pos + 1, masked + 1, depth + 1);
      return;
    }
    const child = next.get(c);
    // ー and an intensifying っ inside a word are skipped when the pattern has none (ばーか, ブッサイク, キッモ).
    const skippable = (c === LONG || (c === SOKUON && text.charCodeAt(pos + 1) !== MASK_CODE)) && depth > 0;
    let stay = false;
    if (child !== undefined) {
      if (skippable) {
        walk(n, out, child, start, pos + 1, masked, depth + 1);
        stay = true;
      } else {
        node = child;
        depth++;
      }
    } else {
      // A vowel lengthening the kana before it and ー are the same sound (楽しい ≈ 楽しー, ねえ ≈ ねー).
      const alt = depth > 0 ? sameSound(text, pos, c) : -1;
      const altChild = alt > 0 ? next.get(alt) : undefined;
      if (altChild !== undefined) {
        node = altChild;
        depth++;
      } else if (skippable) stay = true;
      else return;
    }
    canEnd = !(stay && c === SOKUON);
    pos++;
  }
}
