import { POST_FIELDS, tr, type ColumnMapping, type ImportFormat, type Locale, type Localized, type PostField } from '@mimamoru/core';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { useCaseSession } from '../intake/victim-session.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link } from '../lib/router.js';
import { AnalysisReport } from './analysis-report.js';
import type { AnalysisOutcome, AnalysisProgress, AnalysisRequest, AnalysisWorkerMessage, ResultRow } from './analysis-run.js';
import { analysisMessages, type AnalysisMessages } from './analysis-messages.js';
import { previewFile, type FilePreview } from './csv-preview.js';
import { EvidenceConfirm } from './evidence-confirm.js';
import { ResultsTable } from './results-table.js';
import { downloadText, fileStamp, selectedPostsCsv } from './selected-posts.js';

type State =
  | { readonly kind: 'input'; readonly error?: Localized | string; readonly note?: string }
  | { readonly kind: 'running'; readonly progress?: AnalysisProgress }
  | { readonly kind: 'results'; readonly outcome: AnalysisOutcome };

interface Run {
  readonly result: Promise<AnalysisWorkerMessage>;
  cancel(): void;
}

/** Analyses in a Web Worker so the page stays responsive; on the main thread where workers are unavailable. */
function startAnalysis(request: AnalysisRequest, onProgress: (progress: AnalysisProgress) => void): Run {
  const inPage = async (): Promise<AnalysisWorkerMessage> => {
    const { runAnalysis } = await import('./analysis-run.js');
    const result = await runAnalysis(request, onProgress);
    return result.ok ? { type: 'done', outcome: result.outcome } : { type: 'failed', message: result.message };
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (!worker) return { result: inPage(), cancel: () => undefined };
  const running = worker;
  const result = new Promise<AnalysisWorkerMessage>((resolve) => {
    running.onmessage = (event: MessageEvent<AnalysisWorkerMessage>) => {
      if (event.data.type === 'progress') onProgress(event.data.progress);
      else {
        running.terminate();
        resolve(event.data);
      }
    };
    running.onerror = (event) => {
      // The worker script could not load (an old browser, a blocked script): analyse here instead.
      event.preventDefault();
      running.terminate();
      resolve(inPage());
    };
  });
  running.postMessage(request);
  return { result, cancel: () => running.terminate() };
}

/** Names and handles typed by the victim: `@x` are handles, the rest names. */
function victimTerms(value: string): { victimNames: string[]; victimHandles: string[] } {
  const terms = value
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2)
    .slice(0, 20);
  return {
    victimNames: terms.filter((s) => !s.startsWith('@')),
    victimHandles: terms.filter((s) => s.startsWith('@')),
  };
}

function ProgressView({ progress, m, onCancel }: { readonly progress?: AnalysisProgress; readonly m: AnalysisMessages; readonly onCancel: () => void }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  // The form (and the button that started the analysis) is hidden meanwhile: keep focus on the progress.
  useEffect(() => box.current?.focus(), []);
  const text = !progress
    ? m.progressLabel
    : progress.phase === 'read'
      ? m.progressRead(m.bytes(progress.done), m.bytes(progress.total))
      : m.progressAnalyze(progress.done, progress.total);
  return (
    <div className="analysis-progress" ref={box} tabIndex={-1}>
      <label htmlFor={id}>{m.progressLabel}</label>
      {progress ? (
        <progress id={id} max={Math.max(1, progress.total)} value={progress.done} aria-describedby={`${id}-text`} />
      ) : (
        <progress id={id} aria-describedby={`${id}-text`} />
      )}
      {/* Not a live region: it changes ten times a second. The <progress> can be queried; the results heading takes
          focus when the analysis ends. */}
      <p id={`${id}-text`}>{text}</p>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {m.cancel}
      </button>
    </div>
  );
}

function MappingStep({
  preview,
  mapping,
  onChange,
  m,
}: {
  readonly preview: FilePreview;
  readonly mapping: Partial<ColumnMapping>;
  readonly onChange: (mapping: Partial<ColumnMapping>) => void;
  readonly m: AnalysisMessages;
}) {
  const id = useId();
  return (
    <fieldset className="analysis-mapping">
      <legend>{m.mappingTitle}</legend>
      <p className="field-help">{m.mappingHelp}</p>
      <div className="analysis-mapping-preview" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="analysis-preview-table">
          <caption id={`${id}-caption`}>{m.mappingPreview}</caption>
          <thead>
            <tr>
              {preview.headers.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {preview.headers.map((_, i) => (
                  <td key={i}>{(row[i] ?? '').slice(0, 80)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="analysis-mapping-fields">
        {POST_FIELDS.map((field: PostField) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{m.fields[field]}</label>
            <select
              id={`${id}-${field}`}
              value={mapping[field] ?? ''}
              aria-invalid={field === 'text' && !mapping.text ? true : undefined}
              aria-describedby={field === 'text' && !mapping.text ? `${id}-text-error` : undefined}
              onChange={(e) => {
                const next: Partial<Record<PostField, string>> = { ...mapping };
                if (e.target.value === '') delete next[field];
                else next[field] = e.target.value;
                onChange(next);
              }}
            >
              <option value="">{m.mappingNone}</option>
              {preview.headers.map((h, i) => (
                <option key={i} value={h}>
                  {h}
                </option>
              ))}
            </select>
            {field === 'text' && !mapping.text ? (
              <p className="field-error" id={`${id}-text-error`}>
                {m.mappingNoText}
              </p>
            ) : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function InputForm({
  m,
  error,
  locale,
  onRun,
}: {
  readonly m: AnalysisMessages;
  readonly error?: Localized | string;
  readonly locale: Locale;
  readonly onRun: (request: AnalysisRequest) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [format, setFormat] = useState<ImportFormat>('text');
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [victim, setVictim] = useState('');
  const [missing, setMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  /** The preview of the file chosen last, while it is being read (its first 64 KB: format and columns). */
  const previewing = useRef<Promise<FilePreview> | null>(null);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setMissing(false);
    previewing.current = null;
    if (!chosen) return;
    const pending = previewFile(chosen, chosen.name);
    previewing.current = pending;
    const p = await pending;
    // A file chosen since then has its own preview.
    if (previewing.current !== pending) return;
    setPreview(p);
    setFormat(p.format);
    setMapping(p.mapping);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const terms = victimTerms(victim);
    if (file) {
      // "Analyse" pressed before the file's preview is read: use the format and columns it finds, not the defaults.
      const guessed = preview === null && previewing.current ? await previewing.current : null;
      const runFormat = guessed ? guessed.format : format;
      const runMapping = guessed ? guessed.mapping : mapping;
      if (runFormat === 'csv' && !runMapping.text) return;
      onRun({
        source: {
          kind: 'file',
          file,
          format: runFormat,
          ...(runFormat === 'csv'
            ? { csv: { mapping: runMapping, delimiter: (guessed ?? preview)?.delimiter ?? ',' } }
            : {}),
        },
        ...terms,
      });
    } else if (text.trim() !== '') onRun({ source: { kind: 'text', text }, ...terms });
    else {
      setMissing(true);
      document.getElementById(`${id}-paste`)?.focus();
    }
  };

  const errorText = error === undefined ? undefined : typeof error === 'string' ? error : tr(error, locale);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="analysis-form">
      <h2>{m.inputTitle}</h2>
      {errorText ? (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{m.failed}</strong> {errorText}
          </p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-paste`}>{m.pasteLabel}</label>
        <p className="field-help" id={`${id}-paste-help`}>
          {m.pasteHelp}
        </p>
        <textarea
          id={`${id}-paste`}
          rows={8}
          value={text}
          disabled={file !== null}
          spellCheck={false}
          aria-invalid={missing ? true : undefined}
          aria-describedby={`${id}-paste-help${missing ? ` ${id}-missing` : ''}`}
          onChange={(e) => {
            setText(e.target.value);
            setMissing(false);
          }}
        />
        {missing ? (
          <p className="field-error" id={`${id}-missing`}>
            {m.nothingToAnalyze}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{m.fileLabel}</label>
        <p className="field-help" id={`${id}-file-help`}>
          {m.fileHelp}
        </p>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.jsonl,.ndjson,.txt,text/csv,text/plain,application/x-ndjson"
          aria-describedby={`${id}-file-help`}
          onChange={(e) => void choose(e.currentTarget.files?.[0] ?? null)}
        />
        {file ? (
          <p className="small">
            {m.fileChosen(file.name, m.bytes(file.size))}{' '}
            <button
              type="button"
              className="button-link"
              onClick={() => {
                if (fileInput.current) fileInput.current.value = '';
                void choose(null);
              }}
            >
              {m.clearFile}
            </button>
          </p>
        ) : null}
      </div>
      {file && preview ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-format`}>{m.formatLabel}</label>
            <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
              {(['csv', 'jsonl', 'text'] as const).map((f) => (
                <option key={f} value={f}>
                  {m.formats[f]}
                </option>
              ))}
            </select>
          </div>
          {format === 'csv' && preview.headers.length > 0 ? (
            <MappingStep preview={preview} mapping={mapping} onChange={setMapping} m={m} />
          ) : null}
        </>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-victim`}>{m.victimLabel}</label>
        <p className="field-help" id={`${id}-victim-help`}>
          {m.victimHelp}
        </p>
        <input
          id={`${id}-victim`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={victim}
          aria-describedby={`${id}-victim-help`}
          onChange={(e) => setVictim(e.target.value)}
        />
      </div>
      <p>
        <button type="submit" className="button button-primary button-large">
          {m.analyze}
        </button>
      </p>
    </form>
  );
}

function Results({
  outcome,
  locale,
  m,
  onStartOver,
}: {
  readonly outcome: AnalysisOutcome;
  readonly locale: Locale;
  readonly m: AnalysisMessages;
  readonly onStartOver: () => void;
}) {
  const session = useCaseSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [mode, setMode] = useState<'table' | 'report' | 'evidence'>('table');
  const [hint, setHint] = useState('');
  useEffect(() => {
    if (mode === 'table') heading.current?.focus();
  }, [mode]);
  // The selection in rank order (the order of the results).
  const chosen = useMemo<ResultRow[]>(
    () => outcome.rows.filter((row) => selected.has(row.post.id)),
    [outcome.rows, selected],
  );
  const flagged = outcome.rows.filter((r) => r.analysis.labels.length > 0).length;
  const merged = outcome.postsRead - outcome.rows.length;

  if (mode === 'report') return <AnalysisReport rows={chosen} locale={locale} onBack={() => setMode('table')} />;
  if (mode === 'evidence' && session)
    return <EvidenceConfirm rows={chosen} session={session} locale={locale} onClose={() => setMode('table')} />;

  const need = (action: () => void) => () => {
    if (chosen.length === 0) setHint(m.selectFirst);
    else {
      setHint('');
      action();
    }
  };
  const actions = (
    <>
      {session ? (
        <button type="button" className="button button-primary" onClick={need(() => setMode('evidence'))}>
          {m.addToEvidence(chosen.length)}
        </button>
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        onClick={need(() =>
          downloadText(selectedPostsCsv(chosen, locale, m), `${m.csvName}-${fileStamp()}.csv`, 'text/csv;charset=utf-8'),
        )}
      >
        {m.downloadCsv(chosen.length)}
      </button>
      <button type="button" className="button button-secondary" onClick={need(() => setMode('report'))}>
        {m.openReport(chosen.length)}
      </button>
      {hint ? (
        <p className="field-error" role="alert">
          {hint}
        </p>
      ) : null}
    </>
  );

  return (
    <section aria-labelledby="analysis-results-title">
      <h2 id="analysis-results-title" ref={heading} tabIndex={-1}>
        {m.resultsTitle}
      </h2>
      <p>{m.summary(outcome.rows.length, flagged, outcome.ms)}</p>
      {merged > 0 ? <p className="small">{m.merged(merged)}</p> : null}
      {outcome.issueCount > 0 ? (
        <details className="notice notice-caveat">
          <summary>{m.skipped(outcome.issueCount)}</summary>
          <ul>
            {outcome.issues.map((issue, i) => (
              <li key={i}>{m.skippedLine(issue.line, tr(issue.message, locale))}</li>
            ))}
            {outcome.issueCount > outcome.issues.length ? (
              <li>{m.skippedMore(outcome.issueCount - outcome.issues.length)}</li>
            ) : null}
          </ul>
        </details>
      ) : null}
      {session ? null : (
        <p className="notice notice-hint">
          {m.noCaseHint} <Link to="/case">{m.caseLink}</Link>
        </p>
      )}
      <ResultsTable
        rows={outcome.rows}
        authors={outcome.authors}
        unknownAuthors={outcome.unknownAuthors}
        locale={locale}
        selected={selected}
        onSelectedChange={setSelected}
        actions={actions}
        headingLevel={3}
      />
      <p>
        <button type="button" className="button button-quiet" onClick={onStartOver}>
          {m.startOver}
        </button>
      </p>
    </section>
  );
}

/** /analyze: the victim pastes or chooses posts; they are analysed in this browser and never uploaded. */
export function AnalyzePage() {
  const { locale } = useLocale();
  const m = analysisMessages(locale);
  usePageTitle(m.pageTitle);
  const [state, setState] = useState<State>({ kind: 'input' });
  const runRef = useRef<Run | undefined>(undefined);
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => () => runRef.current?.cancel(), []);

  const run = (request: AnalysisRequest) => {
    runRef.current?.cancel();
    setState({ kind: 'running' });
    const started = startAnalysis(request, (progress) =>
      setState((s) => (s.kind === 'running' ? { kind: 'running', progress } : s)),
    );
    runRef.current = started;
    void started.result.then(
      (message) => {
        if (runRef.current !== started) return;
        runRef.current = undefined;
        if (message.type === 'done') setState({ kind: 'results', outcome: message.outcome });
        else if (message.type === 'failed') setState({ kind: 'input', error: message.message });
      },
      () => setState({ kind: 'input', error: m.workerFailed }),
    );
  };

  const cancel = () => {
    runRef.current?.cancel();
    runRef.current = undefined;
    setState({ kind: 'input', note: m.cancelled });
    statusRef.current?.focus();
  };

  return (
    <div className="analysis-page">
      <h1 tabIndex={-1}>{m.pageTitle}</h1>
      <p className="lead">{m.lead}</p>
      <div className="notice notice-hint analysis-local">
        <p>
          <strong>{m.localOnly}</strong>
        </p>
        <p className="small">{m.localOnlyMore}</p>
      </div>
      <p className="small">{m.notAdvice}</p>
      <div ref={statusRef} tabIndex={-1}>
        {state.kind === 'input' && state.note ? (
          <p className="notice" role="status">
            {state.note}
          </p>
        ) : null}
        {state.kind === 'running' ? <ProgressView progress={state.progress} m={m} onCancel={cancel} /> : null}
        {state.kind === 'results' ? (
          <Results outcome={state.outcome} locale={locale} m={m} onStartOver={() => setState({ kind: 'input' })} />
        ) : (
          // Kept while the analysis runs, so stopping it or an error leaves the pasted text in place.
          <div hidden={state.kind === 'running'}>
            <InputForm m={m} locale={locale} error={state.kind === 'input' ? state.error : undefined} onRun={run} />
          </div>
        )}
      </div>
    </div>
  );
}
