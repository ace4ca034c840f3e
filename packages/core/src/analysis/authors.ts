/**
 * The author view (issue #6): posts grouped by account, to find the few accounts behind a pile-on. Accumulates
 * one post at a time so it works on a stream.
 */
import { authorKey } from './bulk.js';
import { isCanonicalUtcIso } from './import.js';
import type { ImportedPost, PostAnalysis } from './types.js';

export interface AuthorSummary {
  /** The account as first seen (e.g. `@someone`). */
  readonly author: string;
  /** Posts by this account, identical copies included. */
  readonly posts: number;
  /** Posts that got at least one label. */
  readonly flagged: number;
  readonly worstScore: number;
  readonly worstPostId: string;
  /** Earliest and latest `postedAt` among posts with a readable time (ISO 8601). */
  readonly firstAt?: string;
  readonly lastAt?: string;
  /** Label → number of this account's posts carrying it. */
  readonly labels: Readonly<Record<string, number>>;
}

/** An account's running totals; flat fields and a lazily made label map keep one hidden class for all. */
interface Tally {
  author: string;
  posts: number;
  flagged: number;
  worstScore: number;
  worstPostId: string;
  /** Earliest and latest readable `postedAt`, with their times (NaN while not needed: see widen). */
  firstAt: string | undefined;
  firstMs: number;
  lastAt: string | undefined;
  lastMs: number;
  /** Both firstAt and lastAt are canonical UTC times (isCanonicalUtcIso). */
  canonical: boolean;
  labels: Map<string, number> | undefined;
}

const msOf = (at: string, ms: number) => (Number.isNaN(ms) ? Date.parse(at) : ms);

function widen(t: Tally, post: ImportedPost): void {
  const at = post.postedAt;
  if (!at) return;
  // Canonical UTC times (nearly all, after import) order as strings: no Date.parse.
  if (t.canonical && isCanonicalUtcIso(at)) {
    if (at < (t.firstAt as string)) {
      t.firstAt = at;
      t.firstMs = NaN;
    }
    if (at > (t.lastAt as string)) {
      t.lastAt = at;
      t.lastMs = NaN;
    }
    return;
  }
  const ms = Date.parse(at);
  if (!Number.isFinite(ms)) return;
  if (t.firstAt === undefined || ms < msOf(t.firstAt, t.firstMs)) {
    t.firstAt = at;
    t.firstMs = ms;
  }
  if (t.lastAt === undefined || ms > msOf(t.lastAt, t.lastMs)) {
    t.lastAt = at;
    t.lastMs = ms;
  }
  t.canonical = isCanonicalUtcIso(t.firstAt) && isCanonicalUtcIso(t.lastAt);
}

/** An account in an author view, as `add` returns it (opaque). */
declare const authorHandle: unique symbol;
export interface AuthorHandle {
  readonly [authorHandle]: true;
}

/** Orders accounts by their worst post, then by how many posts they wrote, then by name. */
export function compareAuthors(a: AuthorSummary, b: AuthorSummary): number {
  return b.worstScore - a.worstScore || b.posts - a.posts || a.author.localeCompare(b.author);
}

/** Accumulates the author view; posts without an author are only counted (`unknown`). */
export function createAuthorView() {
  const tallies = new Map<string, Tally>();
  /** Raw author → its tally (or null without an author): one Map lookup a post instead of an NFKC pass. */
  const byRaw = new Map<string, Tally | null>();
  let unknown = 0;
  /** The account's tally; `{ key }` for an account not seen yet; null without an author. */
  const lookup = (author: string | undefined): { key: string } | Tally | null => {
    if (author !== undefined) {
      const hit = byRaw.get(author);
      if (hit !== undefined) return hit;
    }
    const key = authorKey(author);
    if (key === '') {
      if (author !== undefined) byRaw.set(author, null);
      return null;
    }
    const tally = tallies.get(key);
    if (tally && author !== undefined) byRaw.set(author, tally);
    return tally ?? { key };
  };
  const count = (t: Tally, labels: readonly string[], n: number) => {
    if (labels.length > 0) t.flagged += n;
    for (const label of labels) {
      t.labels ??= new Map();
      t.labels.set(label, (t.labels.get(label) ?? 0) + n);
    }
  };
  return {
    /**
     * Adds one post (standing for `copies` identical posts by the same account). Returns the account's handle
     * for `addCopy`, `addLabel` and later `add`s (skipping the lookup), or null when the post has no author.
     */
    add(post: ImportedPost, analysis: PostAnalysis, copies = 1, handle?: AuthorHandle | null): AuthorHandle | null {
      const found = handle === undefined ? lookup(post.author) : (handle as unknown as Tally | null);
      if (found === null) {
        unknown += copies;
        return null;
      }
      let t: Tally;
      if ('key' in found) {
        t = {
          author: (post.author as string).trim(),
          posts: 0,
          flagged: 0,
          worstScore: -1,
          worstPostId: post.id,
          firstAt: undefined,
          firstMs: NaN,
          lastAt: undefined,
          lastMs: NaN,
          canonical: false,
          labels: undefined,
        };
        tallies.set(found.key, t);
        byRaw.set(post.author as string, t);
      } else t = found;
      t.posts += copies;
      count(t, analysis.labels, copies);
      if (analysis.score > t.worstScore) {
        t.worstScore = analysis.score;
        t.worstPostId = post.id;
      }
      widen(t, post);
      return t as unknown as AuthorHandle;
    },
    /**
     * Adds a copy of a post already added for the same account (`handle` from `add`; null for no author):
     * one more post with the same labels, and its time.
     */
    addCopy(handle: AuthorHandle | null, copy: ImportedPost, labels: readonly string[]): void {
      if (handle === null) {
        unknown += 1;
        return;
      }
      const t = handle as unknown as Tally;
      t.posts += 1;
      count(t, labels, 1);
      widen(t, copy);
    },
    /**
     * Adds a label found after the post was added (the pile-on label, known only once every post is read) to
     * `n` of the account's posts that carried `labels` before.
     */
    addLabel(handle: AuthorHandle | null, label: string, n: number, labels: readonly string[]): void {
      if (handle === null) return;
      const t = handle as unknown as Tally;
      if (labels.length === 0) t.flagged += n;
      t.labels ??= new Map();
      t.labels.set(label, (t.labels.get(label) ?? 0) + n);
    },
    /** Accounts, worst score first, then by volume; `limit` keeps the top ones. */
    list(limit?: number): AuthorSummary[] {
      // Sorted as compareAuthors orders the summaries, then only the kept ones are built.
      const order = [...tallies.values()].sort(
        (a, b) =>
          Math.max(0, b.worstScore) - Math.max(0, a.worstScore) ||
          b.posts - a.posts ||
          a.author.localeCompare(b.author),
      );
      return (limit === undefined ? order : order.slice(0, limit)).map((t) => ({
        author: t.author,
        posts: t.posts,
        flagged: t.flagged,
        worstScore: Math.max(0, t.worstScore),
        worstPostId: t.worstPostId,
        ...(t.firstAt !== undefined ? { firstAt: t.firstAt } : {}),
        ...(t.lastAt !== undefined ? { lastAt: t.lastAt } : {}),
        labels: t.labels ? Object.fromEntries(t.labels) : {},
      }));
    },
    get accounts() {
      return tallies.size;
    },
    /** Posts that had no author. */
    get unknown() {
      return unknown;
    },
  };
}
