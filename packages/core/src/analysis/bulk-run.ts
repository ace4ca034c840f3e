/**
 * A bulk run (issue #6): posts analysed in one pass as they stream in — each kept post (the first of identical
 * ones) analysed once, copies counted, the author view and the label counts built — then `finish` settles what
 * only the whole input can tell: copies, the number of accounts behind a text and the pile-on label. Used by
 * `mimamoru analyze` and the server job (cli/analyze.command.ts, which write each post's line at once and patch
 * the few whose stats changed) and by the in-memory callers below (pasted text, the browser worker).
 */
import { createAuthorView, type AuthorHandle } from './authors.js';
import { authorKey, buildThreads, createBulkIndex, PILE_ON_LABEL, withBulkStats, type BulkStats, type ThreadPosition } from './bulk.js';
import type { AnalysisOptions, ImportedPost, PostAnalysis } from './types.js';

/** A kept post: its place among kept posts, its analysis and stats as first seen (no copies, one account). */
export interface KeptPost {
  readonly ordinal: number;
  readonly analysis: PostAnalysis;
  readonly stats: BulkStats;
}

export interface BulkRunSummary {
  /** Posts read (copies included) and kept (after merging). */
  readonly read: number;
  readonly written: number;
  /** Kept posts per label (the pile-on label included) and kept posts without any label. */
  readonly labels: Readonly<Record<string, number>>;
  readonly unlabelled: number;
  readonly authors: ReturnType<typeof createAuthorView>;
  /** Ordinals of the kept posts whose stats changed after `push` (later copies, more accounts), ascending. */
  readonly changed: readonly number[];
}

const NO_LABELS: readonly string[] = Object.freeze([]);

/** An account as the run first met it: its key for comparing posts and its handle in the author view. */
interface Account {
  readonly key: string;
  handle: AuthorHandle | null | undefined;
}

const NO_ACCOUNT: Account = Object.freeze({ key: '', handle: null });

/**
 * `expectedPosts` sizes the tables at once (a guess is fine: they grow). The caller passes each post to `push`,
 * then calls `finish` once.
 */
export function createBulkRun(
  analyze: (text: string) => PostAnalysis,
  options: { minAccounts?: number; expectedPosts?: number } = {},
) {
  const index = createBulkIndex(options);
  const authors = createAuthorView();
  /** Raw author → account: one Map lookup a post resolves both the key (NFKC) and the author view's tally. */
  const accounts = new Map<string, Account>();
  /** Per kept post: its account's handle and its labels before the bulk layer's. */
  const handles: (AuthorHandle | null)[] = [];
  const labelsOf: (readonly string[])[] = [];
  const labels: Record<string, number> = {};
  let unlabelled = 0;
  let read = 0;
  let summary: BulkRunSummary | undefined;
  return {
    /** Counts the post; analyses it when it is the first with its text and author, else returns null. */
    push(post: ImportedPost): KeptPost | null {
      if (summary) throw new Error('createBulkRun: push after finish');
      read += 1;
      let account = NO_ACCOUNT;
      if (post.author !== undefined) {
        account = accounts.get(post.author) as Account;
        if (account === undefined) {
          account = { key: authorKey(post.author), handle: undefined };
          accounts.set(post.author, account);
        }
      }
      const ordinal = index.see(post.text, account.key);
      if (ordinal < 0) {
        authors.addCopy(handles[~ordinal] as AuthorHandle | null, post, labelsOf[~ordinal] as readonly string[]);
        return null;
      }
      const analysis = analyze(post.text);
      const handle = authors.add(post, analysis, 1, account.handle);
      if (account !== NO_ACCOUNT) account.handle = handle;
      handles.push(handle);
      labelsOf.push(analysis.labels.length === 0 ? NO_LABELS : analysis.labels);
      if (analysis.labels.length === 0) unlabelled += 1;
      for (const label of analysis.labels) labels[label] = (labels[label] ?? 0) + 1;
      return { ordinal, analysis, stats: index.firstStats(ordinal) };
    },
    /** A kept post's final stats (after `finish`). */
    stats: (ordinal: number): BulkStats => index.stats(ordinal),
    /** Whether a kept post's stats changed since `push` returned it (so its analysis must be redone by `final`). */
    changed: (ordinal: number): boolean => index.changed(ordinal),
    /** A kept post's analysis with what the bulk layer knows: pile-on label, copies, accounts, explained. */
    final: (ordinal: number, analysis: PostAnalysis): PostAnalysis => withBulkStats(analysis, index.stats(ordinal)),
    /** After the last post: adds the pile-on label to the counts and the author view. */
    finish(): BulkRunSummary {
      if (summary) return summary;
      const changed: number[] = [];
      for (let ordinal = 0; ordinal < index.distinct; ordinal++) {
        if (!index.changed(ordinal)) continue;
        changed.push(ordinal);
        const stats = index.stats(ordinal);
        if (!stats.pileOn) continue;
        const before = labelsOf[ordinal] as readonly string[];
        if (before.includes(PILE_ON_LABEL)) continue;
        labels[PILE_ON_LABEL] = (labels[PILE_ON_LABEL] ?? 0) + 1;
        if (before.length === 0) unlabelled -= 1;
        authors.addLabel(handles[ordinal] as AuthorHandle | null, PILE_ON_LABEL, stats.copies, before);
      }
      summary = { read, written: index.distinct, labels, unlabelled, authors, changed };
      return summary;
    },
  };
}

export type BulkRun = ReturnType<typeof createBulkRun>;

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
 * them most serious first, with the run's summary (author view, label counts). `analyze` is the per-post engine
 * (`analyzePost`); `onProgress` is told every 500 posts.
 */
export function analyzePostsWithSummary(
  posts: readonly ImportedPost[],
  analyze: (text: string, options: AnalysisOptions) => PostAnalysis,
  options: AnalysisOptions & { minAccounts?: number; onProgress?: (done: number) => void } = {},
): { results: BulkPostResult[]; summary: BulkRunSummary } {
  const run = createBulkRun((text) => analyze(text, options), options);
  const kept: { post: ImportedPost; analysis: PostAnalysis; ordinal: number }[] = [];
  for (const [i, post] of posts.entries()) {
    const k = run.push(post);
    if (k) kept.push({ post, analysis: k.analysis, ordinal: k.ordinal });
    if (i % 500 === 499) options.onProgress?.(i + 1);
  }
  options.onProgress?.(posts.length);
  const summary = run.finish();
  const threads = buildThreads(posts);
  const results = kept.map(({ post, analysis, ordinal }): BulkPostResult => {
    const stats = run.stats(ordinal);
    return {
      post,
      analysis: run.changed(ordinal) ? run.final(ordinal, analysis) : analysis,
      copies: stats.copies,
      accounts: stats.accounts,
      thread: threads.position(post.id),
    };
  });
  results.sort((a, b) => b.analysis.score - a.analysis.score || b.accounts - a.accounts);
  return { results, summary };
}

/** analyzePostsWithSummary's results alone. */
export function analyzePosts(
  posts: readonly ImportedPost[],
  analyze: (text: string, options: AnalysisOptions) => PostAnalysis,
  options: AnalysisOptions & { minAccounts?: number } = {},
): BulkPostResult[] {
  return analyzePostsWithSummary(posts, analyze, options).results;
}
