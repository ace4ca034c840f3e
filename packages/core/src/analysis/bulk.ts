/**
 * The bulk layer over the per-post engine (issue #6): identical posts merged with a count, the same text from
 * many accounts labelled `spam-pile-on`, thread structure from `replyTo`. Keys are 53-bit hashes so a stream of
 * 100,000 posts costs a few MB however long the posts are.
 */
import type { AnalysisOptions, ImportedPost, PostAnalysis } from './types.js';

/** The label added to each post whose text was posted by at least `PILE_ON_MIN_ACCOUNTS` accounts. */
export const PILE_ON_LABEL = 'spam-pile-on';
export const PILE_ON_MIN_ACCOUNTS = 5;

/**
 * The form two posts are compared in: NFKC, lower case, whitespace collapsed, leading @mentions dropped (a reply's
 * addressees differ between accounts posting the same words).
 */
export function canonicalText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^(?:\s*@[\w.]+)+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
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
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  private mask = 1023;
  private count = 0;

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
    let i = this.slot(key);
    if (this.keys[i] === 0) {
      if ((this.count + 1) * 2 > this.keys.length) {
        this.grow();
        i = this.slot(key);
      }
      this.keys[i] = key + 1;
      this.count += 1;
    }
    this.values[i] = value;
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
 * Two passes over the same posts: `add` each one, then `stats` tells a post's copies and accounts and `claim`
 * is true only for the first of identical posts (the one to keep). Posts without an author count as one unknown
 * account, so identical lines of a plain-text file are merged.
 */
export function createBulkIndex(options: { minAccounts?: number } = {}) {
  const minAccounts = options.minAccounts ?? PILE_ON_MIN_ACCOUNTS;
  /** hash(text, author) → copies; negated once claimed. */
  const pairs = new HashCounter();
  /** hash(text) → distinct known authors. */
  const texts = new HashCounter();
  /** Raw author → authorKey (a Map lookup instead of an NFKC pass for an account seen before). */
  const authorKeys = new Map<string, string>();
  const keys = (post: ImportedPost) => {
    const text = canonicalText(post.text);
    let author = post.author === undefined ? '' : authorKeys.get(post.author);
    if (author === undefined) {
      author = authorKey(post.author);
      authorKeys.set(post.author as string, author);
    }
    return { text: hash53Of(text, undefined, 0), pair: hash53Of(author, text, 1), known: author !== '' };
  };
  /** Keys of the first pass by arrival order, so the second pass need not recompute them (16 bytes a post). */
  let recorded = new Float64Array(2048);
  let added = 0;
  const keysAt = (post: ImportedPost, ordinal: number | undefined) => {
    if (ordinal === undefined || ordinal >= added) return keys(post);
    return { text: recorded[2 * ordinal] as number, pair: recorded[2 * ordinal + 1] as number };
  };
  return {
    /** First pass: counts the post (its `ordinal` is its place in this pass, 0-based). */
    add(post: ImportedPost): void {
      const k = keys(post);
      if (2 * added + 2 > recorded.length) {
        const grown = new Float64Array(recorded.length * 2);
        grown.set(recorded);
        recorded = grown;
      }
      recorded[2 * added] = k.text;
      recorded[2 * added + 1] = k.pair;
      added += 1;
      const copies = pairs.get(k.pair);
      pairs.set(k.pair, (copies ?? 0) + 1);
      if (copies === undefined && k.known) texts.set(k.text, (texts.get(k.text) ?? 0) + 1);
    },
    stats(post: ImportedPost): BulkStats {
      const k = keys(post);
      const accounts = texts.get(k.text) ?? 0;
      return { copies: Math.abs(pairs.get(k.pair) ?? 1), accounts, pileOn: accounts >= minAccounts };
    },
    /**
     * For the second pass: the post's stats the first time its text and author come by, null for a later copy
     * (`claim` and `stats` in one). Pass the post's `ordinal` (its place in the first pass) to reuse its keys.
     */
    take(post: ImportedPost, ordinal?: number): BulkStats | null {
      const k = keysAt(post, ordinal);
      const copies = pairs.get(k.pair);
      if (copies !== undefined && copies < 0) return null;
      pairs.set(k.pair, -(copies ?? 1));
      const accounts = texts.get(k.text) ?? 0;
      return { copies: copies ?? 1, accounts, pileOn: accounts >= minAccounts };
    },
    /** True the first time it is asked for a given text and author (after every `add`). */
    claim(post: ImportedPost): boolean {
      const k = keys(post);
      const copies = pairs.get(k.pair);
      if (copies === undefined || copies > 0) {
        pairs.set(k.pair, -(copies ?? 1));
        return true;
      }
      return false;
    },
    /** Distinct (text, author) pairs: the posts that remain after merging. */
    get distinct() {
      return pairs.size;
    },
  };
}

/** Adds what the bulk layer knows to one post's analysis: the pile-on label and the counts, explained. */
export function withBulkStats(analysis: PostAnalysis, stats: BulkStats): PostAnalysis {
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

  const locate = (id: string): { root: string; depth: number } => {
    const cached = cache.get(id);
    if (cached) return cached;
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string = id;
    let base: { root: string; depth: number } | undefined;
    for (;;) {
      const known = cache.get(at);
      if (known) {
        base = known;
        break;
      }
      path.push(at);
      onPath.add(at);
      const up = parent.get(at);
      if (up === undefined || onPath.has(up)) break;
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

// ---------------------------------------------------------------------------------------------------------------
// In memory (pasted text, the browser worker)

export interface BulkPostResult {
  readonly post: ImportedPost;
  readonly analysis: PostAnalysis;
  readonly copies: number;
  readonly accounts: number;
  readonly thread: ThreadPosition;
}

/**
 * Analyses posts held in memory: merges identical ones, labels pile-ons, places each in its thread, and returns
 * them most serious first. `analyze` is the per-post engine (`analyzePost`).
 */
export function analyzePosts(
  posts: readonly ImportedPost[],
  analyze: (text: string, options: AnalysisOptions) => PostAnalysis,
  options: AnalysisOptions & { minAccounts?: number } = {},
): BulkPostResult[] {
  const index = createBulkIndex(options);
  for (const post of posts) index.add(post);
  const threads = buildThreads(posts);
  const results: BulkPostResult[] = [];
  for (const [i, post] of posts.entries()) {
    const stats = index.take(post, i);
    if (!stats) continue;
    results.push({
      post,
      analysis: withBulkStats(analyze(post.text, options), stats),
      copies: stats.copies,
      accounts: stats.accounts,
      thread: threads.position(post.id),
    });
  }
  return results.sort((a, b) => b.analysis.score - a.analysis.score || b.accounts - a.accounts);
}
