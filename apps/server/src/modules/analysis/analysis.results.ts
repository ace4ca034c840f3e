import type { AnalysisResultRow, AnalysisResultsQuery } from '@mimamoru/contracts';
import { ANALYSIS_AUTHORS_LISTED, ANALYSIS_PAGE_SIZE } from '@mimamoru/contracts';
import { authorKey, createAuthorView, type AuthorSummary, type PostAnalysis } from '@mimamoru/core';
import { createAnalysisBadPatternError } from './analysis.errors.js';

/**
 * A run's results are JSON lines (one {@link AnalysisResultRow} each) split over encrypted blobs of about
 * {@link RESULT_CHUNK_BYTES}. Reading decrypts one chunk at a time, so filtering 100,000 posts holds one
 * chunk plus a small sort key per matching post, and only the page's rows are kept whole.
 */
export const RESULT_CHUNK_BYTES = 4 * 1024 * 1024;

/** Where a row lives: its chunk and its line in the chunk. */
interface RowRef {
  readonly chunk: number;
  readonly line: number;
  readonly score: number;
  readonly time: number;
  readonly author: string;
  readonly accounts: number;
}

const JST_OFFSET_MS = 9 * 3600_000;
const dayStart = (day: string | undefined) => (day ? Date.parse(`${day}T00:00:00Z`) - JST_OFFSET_MS : NaN);

/** Splits a chunk's bytes into its JSON lines. */
export function chunkLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  return text.split('\n').filter((l) => l !== '');
}

/** The row filter of GET …/results; the same rules as the browser's table (apps/web/src/analysis/results-filter.ts). */
export function createRowFilter(query: Omit<AnalysisResultsQuery, 'sort' | 'page'>) {
  let pattern: RegExp | null = null;
  if (query.q && query.q.trim() !== '') {
    try {
      pattern = new RegExp(query.q, 'iu');
    } catch {
      throw createAnalysisBadPatternError();
    }
  }
  const min = query.minScore ?? 0;
  const max = query.maxScore ?? 1;
  const author = authorKey(query.author);
  const from = dayStart(query.from);
  const to = dayStart(query.to) + 86_400_000;
  return (row: AnalysisResultRow): boolean => {
    const { analysis, post } = row;
    if (query.label === '*' && analysis.labels.length === 0) return false;
    if (query.label && query.label !== '*' && !analysis.labels.includes(query.label)) return false;
    if (analysis.score < min || analysis.score > max) return false;
    if (author !== '' && !authorKey(post.author).includes(author)) return false;
    if (!Number.isNaN(from) || !Number.isNaN(to)) {
      const at = post.postedAt ? Date.parse(post.postedAt) : NaN;
      if (Number.isNaN(at)) return false;
      if (!Number.isNaN(from) && at < from) return false;
      if (!Number.isNaN(to) && at >= to) return false;
    }
    return !(pattern && !pattern.test(post.text));
  };
}

/**
 * Filters, sorts and pages rows read chunk by chunk (with the author view of the whole run) (`readChunk(i)` returns chunk i's bytes). Sorts as the
 * browser does: score (then accounts), time (newest first), or author volume (posts by the account, copies
 * counted, over the whole run).
 */
export async function queryResults(
  chunkCount: number,
  readChunk: (index: number) => Promise<Uint8Array>,
  query: AnalysisResultsQuery,
): Promise<{
  rows: AnalysisResultRow[];
  total: number;
  page: number;
  pageSize: number;
  authors: AuthorSummary[];
  unknownAuthors: number;
}> {
  const keep = createRowFilter(query);
  const refs: RowRef[] = [];
  const volume = new Map<string, number>();
  const authors = createAuthorView();
  for (let chunk = 0; chunk < chunkCount; chunk += 1) {
    const lines = chunkLines(await readChunk(chunk));
    lines.forEach((text, line) => {
      const row = JSON.parse(text) as AnalysisResultRow;
      const author = authorKey(row.post.author);
      authors.add(row.post, row.analysis as unknown as PostAnalysis, row.copies);
      if (query.sort === 'author-volume' && author !== '') volume.set(author, (volume.get(author) ?? 0) + row.copies);
      if (!keep(row)) return;
      const time = row.post.postedAt ? Date.parse(row.post.postedAt) : NaN;
      refs.push({ chunk, line, score: row.analysis.score, time, author, accounts: row.accounts });
    });
  }
  if (query.sort === 'time') refs.sort((a, b) => (b.time || 0) - (a.time || 0) || b.score - a.score);
  else if (query.sort === 'author-volume') {
    const of = (r: RowRef) => (r.author === '' ? 0 : (volume.get(r.author) ?? 0));
    refs.sort((a, b) => of(b) - of(a) || b.score - a.score);
  } else refs.sort((a, b) => b.score - a.score || b.accounts - a.accounts);

  const pageSize = ANALYSIS_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(refs.length / pageSize));
  const page = Math.min(query.page, pages);
  const slice = refs.slice((page - 1) * pageSize, page * pageSize);
  const wanted = new Map<number, Set<number>>();
  for (const r of slice) {
    let lines = wanted.get(r.chunk);
    if (!lines) wanted.set(r.chunk, (lines = new Set()));
    lines.add(r.line);
  }
  const found = new Map<string, AnalysisResultRow>();
  for (const [chunk, lines] of wanted) {
    const all = chunkLines(await readChunk(chunk));
    for (const line of lines) found.set(`${chunk}:${line}`, JSON.parse(all[line] ?? 'null') as AnalysisResultRow);
  }
  const rows = slice.map((r) => found.get(`${r.chunk}:${r.line}`)).filter((r): r is AnalysisResultRow => r !== undefined);
  return {
    rows,
    total: refs.length,
    page,
    pageSize,
    authors: authors.list(ANALYSIS_AUTHORS_LISTED),
    unknownAuthors: authors.unknown,
  };
}

/** The rows with these post ids (first row per id), in the order asked, and the ids not found. */
export async function findRows(
  chunkCount: number,
  readChunk: (index: number) => Promise<Uint8Array>,
  postIds: readonly string[],
): Promise<{ rows: AnalysisResultRow[]; missing: string[] }> {
  const wanted = new Set(postIds);
  const found = new Map<string, AnalysisResultRow>();
  for (let chunk = 0; chunk < chunkCount && found.size < wanted.size; chunk += 1) {
    for (const text of chunkLines(await readChunk(chunk))) {
      const row = JSON.parse(text) as AnalysisResultRow;
      if (wanted.has(row.post.id) && !found.has(row.post.id)) found.set(row.post.id, row);
    }
  }
  const ids = [...wanted];
  return {
    rows: ids.map((id) => found.get(id)).filter((r): r is AnalysisResultRow => r !== undefined),
    missing: ids.filter((id) => !found.has(id)),
  };
}
