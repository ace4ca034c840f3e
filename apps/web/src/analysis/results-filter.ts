import { authorKey, type AnalysisSpan, type Locale } from '@mimamoru/core';
import type { ResultRow } from './analysis-run.js';

export const RESULT_SORTS = ['score', 'time', 'author-volume'] as const;
export type ResultSort = (typeof RESULT_SORTS)[number];

/** The table's filters; empty strings mean "any". `label` '' is every post, '*' any post with a label. */
export interface ResultFilters {
  readonly label: string;
  readonly minScore: string;
  readonly maxScore: string;
  readonly author: string;
  readonly from: string;
  readonly to: string;
  readonly regex: string;
  readonly sort: ResultSort;
}

export const DEFAULT_FILTERS: ResultFilters = {
  label: '',
  minScore: '',
  maxScore: '',
  author: '',
  from: '',
  to: '',
  regex: '',
  sort: 'score',
};

/** `label` value keeping the posts that got at least one label. */
export const ANY_LABEL = '*';

const JST_OFFSET_MS = 9 * 3600_000;

/** The instant a post was made, or NaN when its time is unknown or unreadable. */
function timeOf(row: ResultRow): number {
  return row.post.postedAt ? Date.parse(row.post.postedAt) : NaN;
}

/** Start of a Japan-time calendar day given as YYYY-MM-DD, in ms (NaN when blank). */
function dayStart(day: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) - JST_OFFSET_MS : NaN;
}

function score(value: string, fallback: number): number {
  const n = Number(value.trim());
  return value.trim() === '' || !Number.isFinite(n) ? fallback : n;
}

/**
 * Filters and sorts result rows. An invalid regular expression leaves the rows unfiltered by text and sets
 * `regexInvalid` (the page shows a message rather than an empty table).
 */
export function applyFilters(
  rows: readonly ResultRow[],
  filters: ResultFilters,
): { rows: ResultRow[]; regexInvalid: boolean } {
  let pattern: RegExp | null = null;
  let regexInvalid = false;
  if (filters.regex.trim() !== '') {
    try {
      pattern = new RegExp(filters.regex, 'iu');
    } catch {
      regexInvalid = true;
    }
  }
  const min = score(filters.minScore, 0);
  const max = score(filters.maxScore, 1);
  const author = authorKey(filters.author);
  const from = dayStart(filters.from);
  const to = dayStart(filters.to) + 86_400_000;
  const out = rows.filter((row) => {
    const { analysis, post } = row;
    if (filters.label === ANY_LABEL && analysis.labels.length === 0) return false;
    if (filters.label !== '' && filters.label !== ANY_LABEL && !analysis.labels.includes(filters.label)) return false;
    if (analysis.score < min || analysis.score > max) return false;
    if (author !== '' && !authorKey(post.author).includes(author)) return false;
    if (!Number.isNaN(from) || !Number.isNaN(to)) {
      const at = timeOf(row);
      if (Number.isNaN(at)) return false;
      if (!Number.isNaN(from) && at < from) return false;
      if (!Number.isNaN(to) && at >= to) return false;
    }
    if (pattern && !pattern.test(post.text)) return false;
    return true;
  });
  if (filters.sort === 'time') out.sort((a, b) => (timeOf(b) || 0) - (timeOf(a) || 0) || b.analysis.score - a.analysis.score);
  else if (filters.sort === 'author-volume') {
    const volume = new Map<string, number>();
    for (const row of rows) {
      const key = authorKey(row.post.author);
      volume.set(key, (volume.get(key) ?? 0) + (row.copies ?? 1));
    }
    const of = (row: ResultRow) => (authorKey(row.post.author) === '' ? 0 : (volume.get(authorKey(row.post.author)) ?? 0));
    out.sort((a, b) => of(b) - of(a) || b.analysis.score - a.analysis.score);
  } else out.sort((a, b) => b.analysis.score - a.analysis.score || (b.accounts ?? 0) - (a.accounts ?? 0));
  return { rows: out, regexInvalid };
}

/** A piece of the original text: flagged (with the categories that flagged it) or not. */
export interface TextSegment {
  readonly text: string;
  readonly categories: readonly string[];
}

/** Splits the original text at the flagged spans (overlaps merged) so each flagged stretch can be marked. */
export function segmentText(text: string, spans: readonly AnalysisSpan[]): TextSegment[] {
  const valid = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; categories: Set<string> }[] = [];
  for (const span of valid) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.categories.add(span.category);
    } else merged.push({ start: span.start, end: span.end, categories: new Set([span.category]) });
  }
  const out: TextSegment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), categories: [] });
    out.push({ text: text.slice(m.start, m.end), categories: [...m.categories] });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), categories: [] });
  return out;
}

/** A post time in Japan time (as the victim reads it); a bare date or an unreadable value as given. */
export function formatPostTime(value: string | undefined, locale: Locale): string {
  if (!value) return '';
  if (!/T\d{2}:\d{2}/.test(value)) return value;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return value;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(ms));
}
