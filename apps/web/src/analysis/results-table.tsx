import {
  ANALYSIS_CATEGORIES,
  createAuthorView,
  PILE_ON_LABEL,
  type AuthorSummary,
  type Locale,
} from '@mimamoru/core';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ResultRow } from './analysis-run.js';
import { analysisMessages, type AnalysisMessages } from './analysis-messages.js';
import {
  ANY_LABEL,
  applyFilters,
  DEFAULT_FILTERS,
  RESULT_SORTS,
  formatPostTime,
  segmentText,
  type ResultFilters,
  type ResultSort,
} from './results-filter.js';
import './analysis.css';

export { formatPostTime };

/** Rows per page: 100,000 results stay usable because only one page is ever in the DOM. */
export const RESULTS_PAGE_SIZE = 100;

/** For a server that filters, sorts and pages itself (the console): the table shows `rows` as the current page. */
export interface RemoteResults {
  readonly total: number;
  readonly page: number;
  readonly filters: ResultFilters;
  readonly onFiltersChange: (filters: ResultFilters) => void;
  readonly onPageChange: (page: number) => void;
}

export interface ResultsTableProps {
  readonly rows: readonly ResultRow[];
  readonly locale: Locale;
  /** Selected posts, by post id. */
  readonly selected: ReadonlySet<string>;
  readonly onSelectedChange: (next: ReadonlySet<string>) => void;
  /** Buttons for the selected posts (add to evidence, CSV, report …), shown with the selection count. */
  readonly actions?: ReactNode;
  /** The author view; computed from `rows` when absent. */
  readonly authors?: readonly AuthorSummary[];
  readonly unknownAuthors?: number;
  readonly remote?: RemoteResults;
  readonly headingLevel?: 2 | 3;
}

const LABEL_OPTIONS = [...ANALYSIS_CATEGORIES, PILE_ON_LABEL] as const;

/** A label as a chip, in the page's language. */
export function LabelChips({ labels, m }: { readonly labels: readonly string[]; readonly m: AnalysisMessages }) {
  if (labels.length === 0) return <span className="analysis-chip analysis-chip-none">{m.noLabel}</span>;
  return (
    <ul className="analysis-chips">
      {labels.map((label) => (
        <li key={label} className={`analysis-chip analysis-chip-${label}`}>
          {m.labels[label] ?? label}
        </li>
      ))}
    </ul>
  );
}

/** The original text with each flagged stretch in <mark> (titled with what flagged it). */
export function HighlightedText({ row, m }: { readonly row: ResultRow; readonly m: AnalysisMessages }) {
  const segments = useMemo(() => segmentText(row.post.text, row.analysis.spans), [row]);
  return (
    <>
      {segments.map((s, i) =>
        s.categories.length === 0 ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark key={i} title={s.categories.map((c) => m.labels[c] ?? c).join(' / ')}>
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}

function ScoreCell({ score }: { readonly score: number }) {
  const level = score >= 0.8 ? 'high' : score >= 0.5 ? 'mid' : 'low';
  return (
    <span className={`analysis-score analysis-score-${level}`}>
      <span className="analysis-score-value">{score.toFixed(2)}</span>
      <span className="analysis-score-track" aria-hidden="true">
        <span className="analysis-score-bar" style={{ width: `${Math.round(score * 100)}%` }} />
      </span>
    </span>
  );
}

function Filters({
  filters,
  onChange,
  regexInvalid,
  m,
  id,
}: {
  readonly filters: ResultFilters;
  readonly onChange: (next: ResultFilters) => void;
  readonly regexInvalid: boolean;
  readonly m: AnalysisMessages;
  readonly id: string;
}) {
  const set = (patch: Partial<ResultFilters>) => onChange({ ...filters, ...patch });
  return (
    <details className="analysis-filters">
      <summary>{m.filtersTitle}</summary>
      <div className="analysis-filter-grid">
        <div className="field">
          <label htmlFor={`${id}-label`}>{m.filterLabel}</label>
          <select id={`${id}-label`} value={filters.label} onChange={(e) => set({ label: e.target.value })}>
            <option value="">{m.filterAll}</option>
            <option value={ANY_LABEL}>{m.filterAnyLabel}</option>
            {LABEL_OPTIONS.map((label) => (
              <option key={label} value={label}>
                {m.labels[label]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{m.sortLabel}</label>
          <select id={`${id}-sort`} value={filters.sort} onChange={(e) => set({ sort: e.target.value as ResultSort })}>
            {RESULT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {m.sorts[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-min`}>{m.minScore}</label>
          <input
            id={`${id}-min`}
            type="number"
            inputMode="decimal"
            min={0}
            max={1}
            step={0.05}
            value={filters.minScore}
            onChange={(e) => set({ minScore: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>{m.maxScore}</label>
          <input
            id={`${id}-max`}
            type="number"
            inputMode="decimal"
            min={0}
            max={1}
            step={0.05}
            value={filters.maxScore}
            onChange={(e) => set({ maxScore: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-author`}>{m.filterAuthor}</label>
          <input
            id={`${id}-author`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={filters.author}
            onChange={(e) => set({ author: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{m.filterFrom}</label>
          <input id={`${id}-from`} type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{m.filterTo}</label>
          <input id={`${id}-to`} type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
        <div className="field analysis-filter-wide">
          <label htmlFor={`${id}-regex`}>{m.filterRegex}</label>
          <p className="field-help" id={`${id}-regex-help`}>
            {m.filterRegexHelp}
          </p>
          <input
            id={`${id}-regex`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            value={filters.regex}
            aria-invalid={regexInvalid ? true : undefined}
            aria-describedby={`${id}-regex-help${regexInvalid ? ` ${id}-regex-error` : ''}`}
            onChange={(e) => set({ regex: e.target.value })}
          />
          {regexInvalid ? (
            <p className="field-error" id={`${id}-regex-error`}>
              {m.regexInvalid}
            </p>
          ) : null}
        </div>
      </div>
      <p>
        <button type="button" className="button button-quiet" onClick={() => onChange({ ...DEFAULT_FILTERS })}>
          {m.clearFilters}
        </button>
      </p>
    </details>
  );
}

function Pager({
  page,
  pages,
  onPage,
  m,
}: {
  readonly page: number;
  readonly pages: number;
  readonly onPage: (page: number) => void;
  readonly m: AnalysisMessages;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="analysis-pager" aria-label={m.pagination}>
      <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {m.prevPage}
      </button>
      <span>{m.page(page, pages)}</span>
      <button
        type="button"
        className="button button-secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {m.nextPage}
      </button>
    </nav>
  );
}

function AuthorTable({
  authors,
  unknown,
  locale,
  m,
  onShowPosts,
}: {
  readonly authors: readonly AuthorSummary[];
  readonly unknown: number;
  readonly locale: Locale;
  readonly m: AnalysisMessages;
  readonly onShowPosts: (author: string) => void;
}) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(authors.length / RESULTS_PAGE_SIZE));
  const shown = authors.slice((page - 1) * RESULTS_PAGE_SIZE, page * RESULTS_PAGE_SIZE);
  const c = m.authorColumns;
  if (authors.length === 0) return <p>{m.noAuthors}</p>;
  return (
    <>
      {unknown > 0 ? <p className="small">{m.unknownAuthors(unknown)}</p> : null}
      <table className="analysis-table analysis-authors">
        <thead>
          <tr>
            <th scope="col">{c.author}</th>
            <th scope="col">{c.posts}</th>
            <th scope="col">{c.flagged}</th>
            <th scope="col">{c.worst}</th>
            <th scope="col">{c.first}</th>
            <th scope="col">{c.last}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a.author}>
              <th scope="row" data-label={c.author}>
                <button type="button" className="button-link" onClick={() => onShowPosts(a.author)}>
                  <span className="visually-hidden">{m.authorShowPosts(a.author)}</span>
                  <span aria-hidden="true">{a.author}</span>
                </button>
              </th>
              <td data-label={c.posts}>{a.posts.toLocaleString(locale === 'en' ? 'en-GB' : 'ja-JP')}</td>
              <td data-label={c.flagged}>{a.flagged.toLocaleString(locale === 'en' ? 'en-GB' : 'ja-JP')}</td>
              <td data-label={c.worst}>
                <ScoreCell score={a.worstScore} />
              </td>
              <td data-label={c.first}>{formatPostTime(a.firstAt, locale) || '—'}</td>
              <td data-label={c.last}>{formatPostTime(a.lastAt, locale) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} pages={pages} onPage={setPage} m={m} />
    </>
  );
}

/**
 * The ranked results of a post analysis: filters (label, score range, author, dates, regular expression), sort,
 * one page of 100 rows (a table that becomes cards on a phone), labels with their legal explanation, the flagged
 * words marked in the original text, distressing text blurred until shown, bulk selection and an author view.
 * Used by /analyze (rows analysed in the browser) and by the staff console (`remote`: the server pages).
 */
export function ResultsTable({
  rows,
  locale,
  selected,
  onSelectedChange,
  actions,
  authors,
  unknownAuthors,
  remote,
  headingLevel = 2,
}: ResultsTableProps) {
  const m = analysisMessages(locale);
  const id = useId().replace(/:/g, '');
  const [view, setView] = useState<'posts' | 'authors'>('posts');
  const [localFilters, setLocalFilters] = useState<ResultFilters>(DEFAULT_FILTERS);
  const [localPage, setLocalPage] = useState(1);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [revealAll, setRevealAll] = useState(false);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const filters = remote?.filters ?? localFilters;

  const filtered = useMemo(() => (remote ? { rows: [...rows], regexInvalid: false } : applyFilters(rows, filters)), [
    rows,
    filters,
    remote,
  ]);
  const regexInvalid = !remote && filtered.regexInvalid;
  const total = remote ? remote.total : filtered.rows.length;
  const page = remote ? remote.page : localPage;
  const pages = Math.max(1, Math.ceil(total / RESULTS_PAGE_SIZE));
  const pageRows = remote
    ? filtered.rows
    : filtered.rows.slice((page - 1) * RESULTS_PAGE_SIZE, page * RESULTS_PAGE_SIZE);
  const offset = (page - 1) * RESULTS_PAGE_SIZE;

  const authorList = useMemo(() => {
    if (authors) return { list: authors, unknown: unknownAuthors ?? 0 };
    const view = createAuthorView();
    for (const row of rows) view.add(row.post, row.analysis, row.copies ?? 1);
    return { list: view.list(), unknown: view.unknown };
  }, [authors, unknownAuthors, rows]);

  const setFilters = (next: ResultFilters) => {
    if (remote) remote.onFiltersChange(next);
    else {
      setLocalFilters(next);
      setLocalPage(1);
    }
  };
  const setPage = (next: number) => {
    if (remote) remote.onPageChange(next);
    else setLocalPage(next);
    document.getElementById(`${id}-results`)?.focus();
  };

  // "Select all" covers every row the filters keep (in server mode, the rows of this page).
  const selectable = remote ? pageRows : filtered.rows;
  const selectedHere = selectable.reduce((n, row) => n + (selected.has(row.post.id) ? 1 : 0), 0);
  const allSelected = selectable.length > 0 && selectedHere === selectable.length;
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selectedHere > 0 && !allSelected;
  }, [selectedHere, allSelected]);
  const toggleAll = () => {
    const next = new Set(selected);
    for (const row of selectable) {
      if (allSelected) next.delete(row.post.id);
      else next.add(row.post.id);
    }
    onSelectedChange(next);
  };
  const toggle = (postId: string) => {
    const next = new Set(selected);
    if (next.has(postId)) next.delete(postId);
    else next.add(postId);
    onSelectedChange(next);
  };
  const toggleReveal = (postId: string) => {
    const next = new Set(revealed);
    if (next.has(postId)) next.delete(postId);
    else next.add(postId);
    setRevealed(next);
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const c = m.columns;

  return (
    <div className="analysis-results">
      <div className="analysis-view-switch" role="group" aria-label={m.viewLabel}>
        <button type="button" className="analysis-tab" aria-pressed={view === 'posts'} onClick={() => setView('posts')}>
          {m.tablePosts}
        </button>
        <button
          type="button"
          className="analysis-tab"
          aria-pressed={view === 'authors'}
          onClick={() => setView('authors')}
        >
          {m.tableAuthors}
        </button>
      </div>

      {view === 'authors' ? (
        <AuthorTable
          authors={authorList.list}
          unknown={authorList.unknown}
          locale={locale}
          m={m}
          onShowPosts={(author) => {
            setFilters({ ...DEFAULT_FILTERS, author });
            setView('posts');
          }}
        />
      ) : (
        <>
          <Filters filters={filters} onChange={setFilters} regexInvalid={regexInvalid} m={m} id={id} />

          <div className="analysis-toolbar">
            <p className="analysis-count" role="status">
              {m.shown(pageRows.length, total)}
            </p>
            <button type="button" className="button button-secondary" onClick={() => {
              setRevealAll((all) => !all);
              setRevealed(new Set());
            }}>
              {revealAll ? m.hideAll : m.showAll}
            </button>
          </div>
          <p className="small">{m.blurNote}</p>

          <div className="analysis-selection">
            <div className="checkbox-field">
              <input
                ref={selectAllRef}
                id={`${id}-all`}
                type="checkbox"
                checked={allSelected}
                disabled={selectable.length === 0}
                onChange={toggleAll}
              />
              <label htmlFor={`${id}-all`}>{m.selectAll(selectable.length)}</label>
            </div>
            <p className="analysis-selected">
              <span aria-live="polite">{m.selected(selected.size)}</span>
              {selected.size > 0 ? (
                <button type="button" className="button-link" onClick={() => onSelectedChange(new Set())}>
                  {m.clearSelection}
                </button>
              ) : null}
            </p>
            {actions ? (
              <div className="analysis-actions" role="group" aria-label={m.actionsLabel}>
                {actions}
              </div>
            ) : null}
          </div>

          <Heading id={`${id}-results`} tabIndex={-1} className="visually-hidden">
            {m.shown(pageRows.length, total)}
          </Heading>
          {pageRows.length === 0 ? (
            <p>{m.noRows}</p>
          ) : (
            <table className="analysis-table analysis-posts">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{c.select}</span>
                  </th>
                  <th scope="col">{c.score}</th>
                  <th scope="col">{c.post}</th>
                  <th scope="col">{c.author}</th>
                  <th scope="col">{c.time}</th>
                </tr>
              </thead>
              <tbody>
                {pageRows.map((row, i) => {
                  const n = offset + i + 1;
                  const postId = row.post.id;
                  const sensitive = row.analysis.labels.length > 0;
                  const hidden = sensitive && (revealAll ? revealed.has(postId) : !revealed.has(postId));
                  const explanation = locale === 'en' ? row.analysis.explanation.en : row.analysis.explanation.ja;
                  const checkbox = `${id}-row-${n}`;
                  return (
                    <tr key={`${postId}-${n}`} className={selected.has(postId) ? 'is-selected' : undefined}>
                      <td className="analysis-cell-select">
                        <input
                          id={checkbox}
                          type="checkbox"
                          checked={selected.has(postId)}
                          onChange={() => toggle(postId)}
                        />
                        <label htmlFor={checkbox} className="visually-hidden">
                          {m.selectRow(n)}
                        </label>
                      </td>
                      <td className="analysis-cell-score" data-label={c.score}>
                        <ScoreCell score={row.analysis.score} />
                      </td>
                      <td className="analysis-cell-post">
                        <p className="analysis-post-number">{m.postNumber(n)}</p>
                        <LabelChips labels={row.analysis.labels} m={m} />
                        {(row.copies ?? 1) > 1 || (row.accounts ?? 0) > 1 ? (
                          <p className="small analysis-counts">
                            {[
                              (row.copies ?? 1) > 1 ? m.copies(row.copies ?? 1) : '',
                              (row.accounts ?? 0) > 1 ? m.accounts(row.accounts ?? 0) : '',
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </p>
                        ) : null}
                        <div className={hidden ? 'analysis-blur-box is-hidden' : 'analysis-blur-box'}>
                          {hidden ? <p className="visually-hidden">{m.hiddenText}</p> : null}
                          <div className="analysis-blur" aria-hidden={hidden ? true : undefined}>
                            <p className="analysis-text">
                              <HighlightedText row={row} m={m} />
                            </p>
                            {explanation ? <p className="analysis-explanation small">{explanation}</p> : null}
                          </div>
                        </div>
                        {sensitive ? (
                          <button
                            type="button"
                            className="button button-secondary button-small"
                            aria-expanded={!hidden}
                            onClick={() => toggleReveal(postId)}
                          >
                            {hidden ? m.show : m.hide}
                            <span className="visually-hidden">{` ${m.postNumber(n)}`}</span>
                          </button>
                        ) : null}
                      </td>
                      <td className="analysis-cell-author" data-label={c.author}>
                        {row.post.author ?? '—'}
                      </td>
                      <td className="analysis-cell-time" data-label={c.time}>
                        {formatPostTime(row.post.postedAt, locale) || '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <Pager page={page} pages={pages} onPage={setPage} m={m} />
        </>
      )}
    </div>
  );
}
