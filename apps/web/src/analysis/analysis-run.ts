import {
  analyzePost,
  analyzePostsWithSummary,
  createPostReader,
  importPastedText,
  type AuthorSummary,
  type CsvOptions,
  type ImportedPost,
  type ImportFatal,
  type ImportFormat,
  type ImportIssue,
  type Localized,
  type PostAnalysis,
} from '@mimamoru/core';

/** One analysed post as the results table shows it (the console's server results have the same shape). */
export interface ResultRow {
  readonly post: ImportedPost;
  readonly analysis: PostAnalysis;
  /** Identical posts by the same account merged into this one (1 when unique). */
  readonly copies?: number;
  /** Accounts that posted the same text. */
  readonly accounts?: number;
}

/** What the page asks the worker to analyse. */
export type AnalysisSource =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'file';
      readonly file: Blob;
      readonly format: ImportFormat;
      readonly csv?: CsvOptions;
    };

export interface AnalysisRequest {
  readonly source: AnalysisSource;
  readonly victimNames: readonly string[];
  readonly victimHandles: readonly string[];
}

export interface AnalysisOutcome {
  readonly rows: ResultRow[];
  readonly authors: AuthorSummary[];
  /** Posts without an author. */
  readonly unknownAuthors: number;
  /** The first issues (skipped lines), and how many there were in all. */
  readonly issues: ImportIssue[];
  readonly issueCount: number;
  /** Posts read, before identical ones were merged. */
  readonly postsRead: number;
  readonly ms: number;
}

export type AnalysisProgress =
  | { readonly phase: 'read'; readonly done: number; readonly total: number }
  | { readonly phase: 'analyze'; readonly done: number; readonly total: number };

/** Messages from the analysis worker: progress (about ten a second at most), then a result or a failure. */
export type AnalysisWorkerMessage =
  | { readonly type: 'progress'; readonly progress: AnalysisProgress }
  | { readonly type: 'done'; readonly outcome: AnalysisOutcome }
  | { readonly type: 'failed'; readonly message: Localized };

/** Skipped lines listed one by one; the rest are counted. */
const MAX_ISSUES = 50;

async function readFile(
  file: Blob,
  format: ImportFormat,
  csv: CsvOptions | undefined,
  report: (progress: AnalysisProgress) => void,
): Promise<{ posts: ImportedPost[]; issues: ImportIssue[]; issueCount: number; fatal: ImportFatal | null }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = createPostReader({
    format,
    ...(csv ? { csv } : {}),
    decode: (bytes) => decoder.decode(bytes),
  });
  const posts: ImportedPost[] = [];
  const issues: ImportIssue[] = [];
  let issueCount = 0;
  const take = (step: { posts: ImportedPost[]; issues: ImportIssue[] }) => {
    for (const post of step.posts) posts.push(post);
    issueCount += step.issues.length;
    for (const issue of step.issues) if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  const stream = file.stream().getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    take(reader.push(value));
    if (reader.fatal) return { posts: [], issues, issueCount, fatal: reader.fatal };
    report({ phase: 'read', done: reader.bytesRead, total: file.size });
  }
  take(reader.end());
  return { posts, issues, issueCount, fatal: reader.fatal };
}

/**
 * Reads the posts (pasted text or a file, streamed) and analyses them with core: identical posts by one account
 * merged, pile-ons labelled, the author view built. Runs in the worker; pure apart from reading the Blob.
 */
export async function runAnalysis(
  request: AnalysisRequest,
  report: (progress: AnalysisProgress) => void,
): Promise<{ ok: true; outcome: AnalysisOutcome } | { ok: false; message: Localized }> {
  const started = Date.now();
  const { source } = request;
  let read: { posts: ImportedPost[]; issues: ImportIssue[]; issueCount: number; fatal: ImportFatal | null };
  if (source.kind === 'text') {
    const pasted = importPastedText(source.text);
    read = { posts: pasted.posts, issues: pasted.issues.slice(0, MAX_ISSUES), issueCount: pasted.issues.length, fatal: pasted.fatal };
  } else read = await readFile(source.file, source.format, source.csv, report);
  if (read.fatal) return { ok: false, message: read.fatal.message };
  if (read.posts.length === 0)
    return {
      ok: false,
      message: { ja: '分析できる投稿がありませんでした。', en: 'There was no post to analyse.' },
    };

  const { posts } = read;
  const options = { victimNames: request.victimNames, victimHandles: request.victimHandles };
  const { results, summary } = analyzePostsWithSummary(posts, analyzePost, {
    ...options,
    onProgress: (done) => report({ phase: 'analyze', done, total: posts.length }),
  });
  const rows: ResultRow[] = results.map(({ post, analysis, copies, accounts }) => ({ post, analysis, copies, accounts }));
  const authors = summary.authors;
  return {
    ok: true,
    outcome: {
      rows,
      authors: authors.list(),
      unknownAuthors: authors.unknown,
      issues: read.issues,
      issueCount: read.issueCount,
      postsRead: posts.length,
      ms: Date.now() - started,
    },
  };
}

