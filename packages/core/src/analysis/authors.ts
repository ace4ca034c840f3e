/**
 * The author view (issue #6): posts grouped by account, to find the few accounts behind a pile-on. Accumulates
 * one post at a time so it works on a stream.
 */
import { authorKey } from './bulk.js';
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

interface Tally {
  author: string;
  posts: number;
  flagged: number;
  worstScore: number;
  worstPostId: string;
  first?: { ms: number; at: string };
  last?: { ms: number; at: string };
  labels: Record<string, number>;
}

function widen(t: Tally, post: ImportedPost): void {
  const ms = post.postedAt ? Date.parse(post.postedAt) : NaN;
  if (!Number.isFinite(ms) || !post.postedAt) return;
  if (!t.first || ms < t.first.ms) t.first = { ms, at: post.postedAt };
  if (!t.last || ms > t.last.ms) t.last = { ms, at: post.postedAt };
}

/** Orders accounts by their worst post, then by how many posts they wrote, then by name. */
export function compareAuthors(a: AuthorSummary, b: AuthorSummary): number {
  return b.worstScore - a.worstScore || b.posts - a.posts || a.author.localeCompare(b.author);
}

/** Accumulates the author view; posts without an author are only counted (`unknown`). */
export function createAuthorView() {
  const tallies = new Map<string, Tally>();
  let unknown = 0;
  return {
    /** Adds one post (standing for `copies` identical posts by the same account). */
    add(post: ImportedPost, analysis: PostAnalysis, copies = 1): void {
      const key = authorKey(post.author);
      if (key === '') {
        unknown += copies;
        return;
      }
      let t = tallies.get(key);
      if (!t) {
        t = {
          author: (post.author as string).trim(),
          posts: 0,
          flagged: 0,
          worstScore: -1,
          worstPostId: post.id,
          labels: {},
        };
        tallies.set(key, t);
      }
      t.posts += copies;
      if (analysis.labels.length > 0) t.flagged += copies;
      if (analysis.score > t.worstScore) {
        t.worstScore = analysis.score;
        t.worstPostId = post.id;
      }
      for (const label of analysis.labels) t.labels[label] = (t.labels[label] ?? 0) + copies;
      widen(t, post);
    },
    /** Widens an account's first/last time with a copy merged into a post already added. */
    touch(post: ImportedPost): void {
      const t = tallies.get(authorKey(post.author));
      if (t) widen(t, post);
    },
    /** Accounts, worst score first, then by volume; `limit` keeps the top ones. */
    list(limit?: number): AuthorSummary[] {
      const all: AuthorSummary[] = [...tallies.values()].map((t) => ({
        author: t.author,
        posts: t.posts,
        flagged: t.flagged,
        worstScore: Math.max(0, t.worstScore),
        worstPostId: t.worstPostId,
        ...(t.first ? { firstAt: t.first.at } : {}),
        ...(t.last ? { lastAt: t.last.at } : {}),
        labels: { ...t.labels },
      }));
      all.sort(compareAuthors);
      return limit === undefined ? all : all.slice(0, limit);
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
