/**
 * The bulk layer over the per-post engine (issue #6): identical posts merged with a count, the same text from
 * many accounts labelled `spam-pile-on`, thread structure from `replyTo`. Keys are 53-bit hashes so a stream of
 * 100,000 posts costs a few MB however long the posts are.
 */
import type { ImportedPost, PostAnalysis } from './types.js';

/** The label added to each post whose text was posted by at least `PILE_ON_MIN_ACCOUNTS` accounts. */
export const PILE_ON_LABEL = 'spam-pile-on';
export const PILE_ON_MIN_ACCOUNTS = 5;

/**
 * The form two posts are compared in: NFKC, lower case, whitespace collapsed, leading @mentions dropped (a reply's
 * addressees differ between accounts posting the same words).
 */
export function canonicalText(text: string): string {
  if (isCanonical(text)) return text;
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^(?:\s*@[\w.]+)+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * True when canonicalText would return the text unchanged, found in one pass without allocating: printable ASCII
 * without capitals or `@`, single inner spaces, and the Japanese characters NFKC leaves alone and never composes
 * (、。「」『』, hiragana, katakana and ー, CJK ideographs). Most posts of a Japanese flame are such text.
 */
function isCanonical(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20) return false;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20) {
        if (space) return false;
        space = true;
        continue;
      }
      if (c < 0x20 || c === 0x7f || c === 0x40 || (c >= 0x41 && c <= 0x5a)) return false;
    } else if (
      !(
        (c >= 0x4e00 && c <= 0x9fff) ||
        (c >= 0x3041 && c <= 0x3096) ||
        (c >= 0x30a1 && c <= 0x30fa) ||
        c === 0x30fc ||
        c === 0x3001 ||
        c === 0x3002 ||
        (c >= 0x300c && c <= 0x300f)
      )
    )
      return false;
    space = false;
  }
  return true;
}

/** An account name compared without case, width or a leading `@`. */
export function authorKey(author: string | undefined): string {
  return (author ?? '').normalize('NFKC').trim().replace(/^@/, '').toLowerCase();
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash; collisions are negligible for 10^5–10^6 keys. */
export function hash53(text: string, seed = 0): number {
  return hash53Of(text, undefined, seed);
}

/** hash53 of `${first}\u0000${second}` (or of `first` alone), without building the string. */
function hash53Of(first: string, second: string | undefined, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < first.length; i++) {
    const ch = first.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  if (second !== undefined) {
    h1 = Math.imul(h1, 2654435761);
    h2 = Math.imul(h2, 1597334677);
    for (let i = 0; i < second.length; i++) {
      const ch = second.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A map from 53-bit hash keys (hash53) to 32-bit integers: open addressing over typed arrays, so 10^5–10^6 keys
 * cost 12 bytes each and no garbage (a Map<number, number> boxes every key above 2^31).
 */
export class HashCounter {
  /** key + 1 per slot (0 = empty; keys are below 2^53, so key + 1 stays exact). */
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  /** `expected`: keys to make room for at once (the table still grows past them). */
  constructor(expected = 0) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.keys = new Float64Array(slots);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** Keys stored. */
  get size(): number {
    return this.count;
  }

  private slot(key: number): number {
    const stored = key + 1;
    let i = (key >>> 0) & this.mask;
    for (;;) {
      const k = this.keys[i] as number;
      if (k === stored || k === 0) return i;
      i = (i + 1) & this.mask;
    }
  }

  has(key: number): boolean {
    return this.keys[this.slot(key)] !== 0;
  }

  /** The value, or undefined when the key is absent. */
  get(key: number): number | undefined {
    const i = this.slot(key);
    return this.keys[i] === 0 ? undefined : this.values[i];
  }

  set(key: number, value: number): void {
    const i = this.claim(key); // before reading this.values: claim may grow the table
    this.values[i] = value;
  }

  /** Stores `value` unless the key is there: the value already stored, or undefined when stored now (one probe). */
  putIfAbsent(key: number, value: number): number | undefined {
    const i = this.slot(key);
    if (this.keys[i] !== 0) return this.values[i];
    const at = this.claim(key, i); // before reading this.values: claim may grow the table
    this.values[at] = value;
    return undefined;
  }

  /** Adds 1 to the key's value (0 when absent) and returns the sum (one probe). */
  increment(key: number): number {
    const i = this.claim(key);
    const value = (this.values[i] as number) + 1;
    this.values[i] = value;
    return value;
  }

  /** The key's slot, made (value 0) when absent; `at` is its slot if already looked up. */
  private claim(key: number, at = this.slot(key)): number {
    let i = at;
    if (this.keys[i] !== 0) return i;
    if ((this.count + 1) * 2 > this.keys.length) {
      this.grow();
      i = this.slot(key);
    }
    this.keys[i] = key + 1;
    this.values[i] = 0;
    this.count += 1;
    return i;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j] as number;
      if (k === 0) continue;
      const i = this.slot(k - 1);
      this.keys[i] = k;
      this.values[i] = values[j] as number;
    }
  }
}

/** How many times one account posted this text, and how many accounts posted it. */
export interface BulkStats {
  /** Posts with this text by this account (1 when unique). */
  readonly copies: number;
  /** Distinct known accounts that posted this text (0 when the author is unknown). */
  readonly accounts: number;
  readonly pileOn: boolean;
}

/**
 * One pass over the posts: `see` each one as it comes; the first of identical posts (same text, same account) is
 * kept and numbered 0, 1, 2 … in arrival order, later copies are counted against it. After the last post,
 * `stats(ordinal)` tells a kept post's copies and accounts. Posts without an author count as one unknown account,
 * so identical lines of a plain-text file are merged. Costs 13 bytes per kept post plus the two hash tables.
 */
export function createBulkIndex(options: { minAccounts?: number; expectedPosts?: number } = {}) {
  // A pile-on takes at least two accounts, so a post as first seen (one account) is never one.
  const minAccounts = Math.max(2, options.minAccounts ?? PILE_ON_MIN_ACCOUNTS);
  /** hash(author, text) → ordinal of the kept post. */
  const pairs = new HashCounter(options.expectedPosts);
  /** hash(text) → distinct known authors. */
  const texts = new HashCounter(options.expectedPosts);
  /** Per kept post: its text's key, its copies, whether its author is known. */
  const capacity = Math.max(1024, options.expectedPosts ?? 0);
  let textKeys = new Float64Array(capacity);
  let copies = new Int32Array(capacity);
  let known = new Uint8Array(capacity);
  let kept = 0;
  const grow = () => {
    const t = new Float64Array(textKeys.length * 2);
    t.set(textKeys);
    textKeys = t;
    const c = new Int32Array(copies.length * 2);
    c.set(copies);
    copies = c;
    const k = new Uint8Array(known.length * 2);
    k.set(known);
    known = k;
  };
  const accountsOf = (ordinal: number) => texts.get(textKeys[ordinal] as number) ?? 0;
  return {
    /**
     * Counts a post by its text and its author's `authorKey` ('' when unknown): returns its ordinal (≥ 0) when
     * it is the first with this text and author, else `~ordinal` (< 0) of the kept post it is a copy of.
     */
    see(rawText: string, author: string): number {
      const text = canonicalText(rawText);
      const at = pairs.putIfAbsent(hash53Of(author, text, 1), kept);
      if (at !== undefined) {
        copies[at] = (copies[at] as number) + 1;
        return ~at;
      }
      if (kept === textKeys.length) grow();
      const textKey = hash53Of(text, undefined, 0);
      textKeys[kept] = textKey;
      copies[kept] = 1;
      known[kept] = author === '' ? 0 : 1;
      if (author !== '') texts.increment(textKey);
      return kept++;
    },
    /** A kept post's copies and accounts so far (final after the last `see`). */
    stats(ordinal: number): BulkStats {
      const accounts = accountsOf(ordinal);
      return { copies: copies[ordinal] as number, accounts, pileOn: accounts >= minAccounts };
    },
    /** The stats a kept post had when it was first seen: one copy, its own account (if known), no pile-on. */
    firstStats(ordinal: number): BulkStats {
      return known[ordinal] === 1 ? FIRST_KNOWN : FIRST_UNKNOWN;
    },
    /** Whether `stats(ordinal)` now differs from `firstStats(ordinal)` (a later copy or another account). */
    changed(ordinal: number): boolean {
      return copies[ordinal] !== 1 || accountsOf(ordinal) !== known[ordinal];
    },
    /** Distinct (text, author) pairs: the posts that remain after merging. */
    get distinct() {
      return kept;
    },
  };
}

export type BulkIndex = ReturnType<typeof createBulkIndex>;

const FIRST_KNOWN: BulkStats = Object.freeze({ copies: 1, accounts: 1, pileOn: false });
const FIRST_UNKNOWN: BulkStats = Object.freeze({ copies: 1, accounts: 0, pileOn: false });

/** Adds what the bulk layer knows to one post's analysis: the pile-on label and the counts, explained. */
export function withBulkStats<A extends Pick<PostAnalysis, 'labels' | 'explanation'>>(analysis: A, stats: BulkStats): A {
  const ja: string[] = [];
  const en: string[] = [];
  if (stats.pileOn) {
    ja.push(
      `同じ文面が ${stats.accounts} のアカウントから投稿されています（組織的な集団投稿の可能性があります）。`,
    );
    en.push(`The same text was posted by ${stats.accounts} accounts (a possible coordinated pile-on).`);
  }
  if (stats.copies > 1) {
    ja.push(`同じアカウントが同じ文面を ${stats.copies} 回投稿しています（1 件にまとめました）。`);
    en.push(`The same account posted this text ${stats.copies} times (merged into one).`);
  }
  if (ja.length === 0) return analysis;
  // Sentences are joined as explain.ts joins them: directly in Japanese, with a space in English.
  const join = (first: string, more: string[], by: string) =>
    [first, ...more].filter((s) => s !== '').join(by);
  return {
    ...analysis,
    labels:
      stats.pileOn && !analysis.labels.includes(PILE_ON_LABEL)
        ? [...analysis.labels, PILE_ON_LABEL]
        : analysis.labels,
    explanation: { ja: join(analysis.explanation.ja, ja, ''), en: join(analysis.explanation.en, en, ' ') },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Threads

export interface ThreadPosition {
  /** The first post of the conversation: the earliest ancestor reachable (it may be absent from the input). */
  readonly root: string;
  /** 0 for a root, 1 for a direct reply … */
  readonly depth: number;
  readonly parent?: string;
}

export interface ThreadSummary {
  readonly root: string;
  /** Whether the root post itself is in the input. */
  readonly rootPresent: boolean;
  /** Posts of the input in this thread. */
  readonly size: number;
  readonly maxDepth: number;
}

/** Thread structure from `replyTo`; cycles are cut where they close. */
export function buildThreads(posts: Iterable<Pick<ImportedPost, 'id' | 'replyTo'>>) {
  const parent = new Map<string, string | undefined>();
  for (const p of posts) parent.set(p.id, p.replyTo && p.replyTo !== p.id ? p.replyTo : undefined);
  const cache = new Map<string, { root: string; depth: number }>();

  // One path buffer and one "seen on this walk" map for all walks (stamped per walk): no allocation per post.
  const path: string[] = [];
  const onPath = new Map<string, number>();
  let walk = 0;
  const locate = (id: string): { root: string; depth: number } => {
    const cached = cache.get(id);
    if (cached) return cached;
    path.length = 0;
    walk += 1;
    let at: string = id;
    let base: { root: string; depth: number } | undefined;
    for (;;) {
      const known = cache.get(at);
      if (known) {
        base = known;
        break;
      }
      path.push(at);
      onPath.set(at, walk);
      const up = parent.get(at);
      if (up === undefined || onPath.get(up) === walk) break;
      at = up;
    }
    // path[last] is the root unless a cached ancestor was reached.
    let depth = base ? base.depth + 1 : 0;
    const root = base ? base.root : (path[path.length - 1] as string);
    for (let i = path.length - 1; i >= 0; i--) {
      cache.set(path[i] as string, { root, depth });
      depth += 1;
    }
    return cache.get(id) as { root: string; depth: number };
  };

  return {
    position(id: string): ThreadPosition {
      const { root, depth } = locate(id);
      const up = parent.get(id);
      return up !== undefined && depth > 0 ? { root, depth, parent: up } : { root, depth };
    },
    /** Threads with more than one post, largest first. */
    threads(): ThreadSummary[] {
      const byRoot = new Map<string, { size: number; maxDepth: number }>();
      for (const id of parent.keys()) {
        const { root, depth } = locate(id);
        const t = byRoot.get(root) ?? { size: 0, maxDepth: 0 };
        t.size += 1;
        t.maxDepth = Math.max(t.maxDepth, depth);
        byRoot.set(root, t);
      }
      return [...byRoot.entries()]
        .filter(([, t]) => t.size > 1 || t.maxDepth > 0)
        .map(([root, t]) => ({ root, rootPresent: parent.has(root), ...t }))
        .sort((a, b) => b.size - a.size || b.maxDepth - a.maxDepth || a.root.localeCompare(b.root));
    },
  };
}
