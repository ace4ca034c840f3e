import type { AnalysisResultsPage, AnalysisRunView } from '@mimamoru/contracts';
import { IMPORT_FORMATS, POST_FIELDS, type ColumnMapping, type ImportFormat, type PostField } from '@mimamoru/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ResultRow } from '../analysis/analysis-run.js';
import { previewFile } from '../analysis/csv-preview.js';
import { DEFAULT_FILTERS, type ResultFilters } from '../analysis/results-filter.js';
import { ResultsTable } from '../analysis/results-table.js';
import { useLocale } from '../i18n/locale-context.js';
import { request } from '../lib/api.js';
import { analysisConsoleMessages } from './analysis-console-messages.js';
import { handleStaffError, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';
import { WriteProblemNotice, writeProblem, type WriteProblem } from './staff-resource.js';

const POLL_MS = 2000;
const MAX_SELECTED = 500;

/** The results query the server understands (blank filters left out; the regular expression goes as `q`). */
function resultsQuery(filters: ResultFilters, page: number): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string) => {
    if (value.trim() !== '') params.set(key, value.trim());
  };
  put('label', filters.label);
  put('minScore', filters.minScore);
  put('maxScore', filters.maxScore);
  put('author', filters.author);
  put('from', filters.from);
  put('to', filters.to);
  if (filters.regex.trim() !== '') params.set('q', filters.regex);
  params.set('sort', filters.sort);
  params.set('page', String(page));
  return params.toString();
}

/**
 * The case page's post analysis (#6, staff): upload a file (with a simple CSV column mapping) or paste posts,
 * follow the `analysis.run` job's progress, then browse the server-filtered results, add selected posts to the
 * evidence locker or export them as a PDF or CSV report.
 */
export function CaseAnalysis({
  caseId,
  csrf,
  onEvidenceAdded,
}: {
  readonly caseId: string;
  readonly csrf: string;
  readonly onEvidenceAdded: () => void;
}) {
  const c = useCT();
  const { locale } = useLocale();
  const m = analysisConsoleMessages(locale);
  const id = useId().replace(/:/g, '');
  const base = `/api/cases/${encodeURIComponent(caseId)}/analyses`;

  const [mode, setMode] = useState<'file' | 'text'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [headers, setHeaders] = useState<readonly string[]>([]);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const [status, setStatus] = useState('');

  const [runs, setRuns] = useState<AnalysisRunView[]>([]);
  const [round, setRound] = useState(0);
  const [openRun, setOpenRun] = useState<string | null>(null);
  const [filters, setFilters] = useState<ResultFilters>(DEFAULT_FILTERS);
  const [page, setPage] = useState(1);
  const [results, setResults] = useState<AnalysisResultsPage | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** The run just started: its results open when it finishes. */
  const follow = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    request<{ runs: AnalysisRunView[] }>(base, locale, {}, controller.signal).then(
      (list) => {
        setRuns(list.runs);
        const followed = list.runs.find((r) => r.id === follow.current);
        if (followed && followed.status !== 'queued' && followed.status !== 'running') {
          follow.current = null;
          if (followed.status === 'done') {
            setOpenRun(followed.id);
            setFilters(DEFAULT_FILTERS);
            setPage(1);
            setSelected(new Set());
            setResults(null);
          }
        } else setOpenRun((current) => current ?? list.runs.find((r) => r.status === 'done')?.id ?? null);
        if (list.runs.some((r) => r.status === 'queued' || r.status === 'running')) {
          timer = setTimeout(() => setRound((n) => n + 1), POLL_MS);
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) handleStaffError(error);
      },
    );
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [base, locale, round]);

  const shown = runs.find((r) => r.id === openRun && r.status === 'done');
  useEffect(() => {
    if (!shown) return;
    const controller = new AbortController();
    request<AnalysisResultsPage>(`${base}/${shown.id}/results?${resultsQuery(filters, page)}`, locale, {}, controller.signal).then(
      (found) => {
        setResults(found);
        setProblem(null);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const found = writeProblem(error, '', c.networkError);
        if (found) setProblem(found);
      },
    );
    return () => controller.abort();
  }, [base, shown, filters, page, locale, c.networkError]);

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setMissing(null);
    setHeaders([]);
    setMapping({});
    if (!chosen) return;
    const preview = await previewFile(chosen, chosen.name);
    setFormat(preview.format);
    if (preview.format === 'csv') {
      setHeaders(preview.headers);
      setMapping(preview.mapping);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (mode === 'file' && !file) return setMissing(m.noFile);
    if (mode === 'text' && text.trim() === '') return setMissing(m.noText);
    setBusy(true);
    setProblem(null);
    setStatus('');
    try {
      let init: RequestInit;
      if (mode === 'file' && file) {
        const form = new FormData();
        if (format) form.append('format', format);
        if (format === 'csv' && Object.keys(mapping).length > 0) form.append('columns', JSON.stringify(mapping));
        form.append('file', file, file.name);
        init = { method: 'POST', headers: { 'x-csrf-token': csrf }, body: form };
      } else {
        init = { method: 'POST', headers: { 'x-csrf-token': csrf, 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) };
      }
      const run = await request<AnalysisRunView>(base, locale, init);
      setStatus(m.queued);
      setText('');
      follow.current = run.id;
      setRuns((list) => [run, ...list]);
      setRound((n) => n + 1);
    } catch (error) {
      const found = writeProblem(error, '', c.networkError);
      if (found) setProblem(found);
    } finally {
      setBusy(false);
    }
  };

  const addEvidence = async () => {
    if (!shown || busy || selected.size === 0 || selected.size > MAX_SELECTED) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await request<{ added: unknown[] }>(`${base}/${shown.id}/evidence`, locale, {
        method: 'POST',
        headers: { 'x-csrf-token': csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify({ postIds: [...selected] }),
      });
      setStatus(m.added(result.added.length));
      setSelected(new Set());
      onEvidenceAdded();
    } catch (error) {
      const found = writeProblem(error, '', c.networkError);
      if (found) setProblem(found);
    } finally {
      setBusy(false);
    }
  };

  const reportHref = (kind: 'pdf' | 'csv') =>
    shown ? `${base}/${shown.id}/report.${kind}?${[...selected].map((p) => `postIds=${encodeURIComponent(p)}`).join('&')}` : '';

  const mapField = (field: PostField, header: string) => {
    const next: Partial<Record<PostField, string>> = { ...mapping };
    if (header === '') delete next[field];
    else next[field] = header;
    setMapping(next as Partial<ColumnMapping>);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="console-panel">
      <h2 id={`${id}-title`}>{m.title}</h2>
      <p className="small">{m.intro}</p>
      <WriteProblemNotice problem={problem} staleText="" reloadText="" onReload={() => setRound((n) => n + 1)} />
      <p className="visually-hidden" role="status">
        {status}
      </p>

      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{m.sourceLegend}</legend>
          {(['file', 'text'] as const).map((value) => (
            <label key={value} className="console-radio">
              <input
                type="radio"
                name={`${id}-mode`}
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  setMissing(null);
                }}
              />{' '}
              {value === 'file' ? m.sourceFile : m.sourceText}
            </label>
          ))}
        </fieldset>
        {mode === 'file' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-file`}>{m.fileLabel}</label>
              <p className="field-help small" id={`${id}-file-help`}>
                {m.fileHelp}
              </p>
              <input
                id={`${id}-file`}
                type="file"
                accept=".csv,.tsv,.jsonl,.ndjson,.json,.txt,text/csv,text/plain,application/json"
                aria-describedby={`${id}-file-help${missing ? ` ${id}-missing` : ''}`}
                aria-invalid={missing ? true : undefined}
                onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-format`}>{m.formatLabel}</label>
              <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | '')}>
                <option value="">{m.formatAuto}</option>
                {IMPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {m.formats[f]}
                  </option>
                ))}
              </select>
            </div>
            {format === 'csv' && headers.length > 0 ? (
              <fieldset>
                <legend>{m.mappingLegend}</legend>
                <p className="field-help small">{m.mappingHelp}</p>
                {POST_FIELDS.map((field) => (
                  <div className="field" key={field}>
                    <label htmlFor={`${id}-map-${field}`}>{m.fields[field]}</label>
                    <select id={`${id}-map-${field}`} value={mapping[field] ?? ''} onChange={(e) => mapField(field, e.target.value)}>
                      <option value="">{m.mappingNone}</option>
                      {headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </fieldset>
            ) : null}
          </>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-text`}>{m.textLabel}</label>
            <p className="field-help small" id={`${id}-text-help`}>
              {m.textHelp}
            </p>
            <textarea
              id={`${id}-text`}
              rows={6}
              value={text}
              aria-describedby={`${id}-text-help${missing ? ` ${id}-missing` : ''}`}
              aria-invalid={missing ? true : undefined}
              onChange={(e) => {
                setText(e.target.value);
                setMissing(null);
              }}
            />
          </div>
        )}
        {missing ? (
          <p className="field-error" id={`${id}-missing`}>
            {missing}
          </p>
        ) : null}
        <button type="submit" className="button button-secondary" aria-busy={busy} disabled={busy}>
          {m.submit}
        </button>
      </form>

      <h3>{m.runs}</h3>
      {runs.length === 0 ? (
        <p className="small">{m.noRuns}</p>
      ) : (
        <ul className="small">
          {runs.map((run) => (
            <li key={run.id}>
              {m.runLine(formatStaffTime(run.requestedAt, locale), m.sources[run.source])} · <strong>{m.statuses[run.status]}</strong>
              {run.status === 'queued' || run.status === 'running' ? (
                <>
                  {' '}
                  <progress max={1} value={run.progress} aria-label={m.progress}>
                    {Math.round(run.progress * 100)}%
                  </progress>
                </>
              ) : null}
              {run.status === 'done' ? (
                <>
                  <p>
                    {m.counts(run.posts, run.flagged, run.skippedLines)}
                    {run.summary && run.summary.accounts > 0 ? ` · ${m.topAuthor(run.summary.topAuthorPosts, run.summary.accounts)}` : ''}
                  </p>
                  {run.id === shown?.id ? (
                    <span className="console-badge">{m.opened}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => {
                        setOpenRun(run.id);
                        setFilters(DEFAULT_FILTERS);
                        setPage(1);
                        setSelected(new Set());
                        setResults(null);
                      }}
                    >
                      {m.open}
                    </button>
                  )}
                </>
              ) : null}
              {run.error ? <p className="field-error">{run.error.message[locale]}</p> : null}
              {run.summary && run.summary.issues.length > 0 ? (
                <details>
                  <summary>
                    {m.skippedLines} ({run.summary.issueCount})
                  </summary>
                  <ul>
                    {run.summary.issues.map((issue) => (
                      <li key={`${issue.line}-${issue.code}`}>
                        {m.line(issue.line)}: {issue.message[locale]}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {shown ? (
        <>
          <h3>{m.resultsTitle}</h3>
          {results ? (
            <ResultsTable
              rows={results.rows as unknown as ResultRow[]}
              locale={locale}
              selected={selected}
              onSelectedChange={setSelected}
              headingLevel={3}
              authors={results.authors}
              unknownAuthors={results.unknownAuthors}
              remote={{
                total: results.total,
                page: results.page,
                filters,
                onFiltersChange: (next) => {
                  setFilters(next);
                  setPage(1);
                },
                onPageChange: setPage,
              }}
              actions={
                selected.size === 0 ? (
                  <p className="small">{m.selectHint}</p>
                ) : selected.size > MAX_SELECTED ? (
                  <p className="field-error">{m.tooMany}</p>
                ) : (
                  <>
                    <button type="button" className="button" aria-busy={busy} disabled={busy} onClick={() => void addEvidence()}>
                      {m.addEvidence(selected.size)}
                    </button>{' '}
                    <a className="button button-secondary" href={reportHref('pdf')} download>
                      {m.reportPdf}
                    </a>{' '}
                    <a className="button button-secondary" href={reportHref('csv')} download>
                      {m.reportCsv}
                    </a>
                  </>
                )
              }
            />
          ) : (
            <p className="small" role="status">
              {m.loadingResults}
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
