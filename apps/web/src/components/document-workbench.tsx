import { buildDocument, type DocumentKind, type DocumentMessage, type EvidenceItem, type Locale } from '@mimamoru/core';
import type { CaseDocument, DocumentInputJson } from '@mimamoru/contracts';
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../lib/api.js';
import { generateDocument, previewDocument, previewPdf, type DocumentsScope } from './documents-api.js';
import type { DocumentsMessages } from './documents-messages.js';
import './documents.css';
import { DocumentForm, asInput, draftOf, fieldId, focusField, overridesOf, type FieldHelp } from './document-form.js';

/** One evidence item the person may pick, with its number in the locker (証拠1, 証拠2 …). */
export interface PickableItem {
  readonly item: Pick<EvidenceItem, 'id' | 'platform' | 'postUrl'>;
  readonly number: number;
}

export interface DocumentWorkbenchProps {
  readonly scope: DocumentsScope;
  readonly kinds: readonly DocumentKind[];
  readonly items: readonly PickableItem[];
  readonly m: DocumentsMessages;
  readonly locale: Locale;
  readonly platformName: (platform: EvidenceItem['platform']) => string;
  /** Plain-language help under the fields (the victim's page). */
  readonly help?: FieldHelp;
  /** Extra words under a kind's one-line description (the victim's page). */
  readonly kindHelp?: Partial<Record<DocumentKind, string>>;
  /** After generating: the stored documents (the list reloads). */
  readonly onGenerated: (documents: readonly CaseDocument[]) => void;
  /** A failure the page handles itself (the session ended): true when handled. */
  readonly handleError: (error: unknown) => boolean;
  /** Heading level of the steps (the console nests them under the case's section). */
  readonly headingLevel: 2 | 3;
}

interface Filled {
  readonly kind: DocumentKind;
  readonly itemIds: readonly string[];
  readonly title: string;
  readonly redactable: boolean;
}

const messageText = (error: unknown, fallback: string) =>
  error instanceof ApiRequestError && error.body ? error.body.message : fallback;

/** Builds the document in the browser as the person types: its missing fields and warnings, live. */
function useLiveCheck(kind: DocumentKind | undefined, draft: DocumentInputJson | null) {
  const deferred = useDeferredValue(draft);
  return useMemo(() => {
    if (!kind || !deferred) return { errors: [] as DocumentMessage[], warnings: [] as DocumentMessage[] };
    try {
      const model = buildDocument(kind, asInput(deferred));
      return { errors: [...model.errors], warnings: [...model.warnings] };
    } catch {
      // A half-typed value the builder cannot read yet (the server checks it again on generating).
      return { errors: [] as DocumentMessage[], warnings: [] as DocumentMessage[] };
    }
  }, [kind, deferred]);
}

/**
 * Pick a document and the evidence; review the fields filled from the case (editable, checked as you type, each
 * problem linked to its field); preview the PDF in the page; finalise as PDF or DOCX (stored in the case).
 */
export function DocumentWorkbench({
  scope,
  kinds,
  items,
  m,
  locale,
  platformName,
  help,
  kindHelp,
  onGenerated,
  handleError,
  headingLevel,
}: DocumentWorkbenchProps) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const [kind, setKind] = useState<DocumentKind | undefined>(kinds.length === 1 ? kinds[0] : undefined);
  const [selected, setSelected] = useState<readonly string[]>(() => items.map((i) => i.item.id));
  const [filled, setFilled] = useState<Filled | null>(null);
  const [draft, setDraft] = useState<DocumentInputJson | null>(null);
  const [busy, setBusy] = useState<'fill' | 'preview' | 'pdf' | 'docx' | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [preview, setPreview] = useState<{
    readonly url: string;
    readonly stale: boolean;
    readonly copy: 'full' | 'redacted';
  } | null>(null);

  // Items added or removed elsewhere on the page: keep the choice to the items that still exist.
  const itemKey = items.map((i) => i.item.id).join(',');
  useEffect(() => {
    setSelected((current) => {
      const ids = itemKey === '' ? [] : itemKey.split(',');
      const kept = current.filter((id) => ids.includes(id));
      return kept.length > 0 ? kept : ids;
    });
  }, [itemKey]);

  const previewUrl = preview?.url;
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);

  const live = useLiveCheck(filled?.kind, draft);
  const invalid = useMemo(() => new Set(live.errors.flatMap((e) => (e.field ? [fieldId(e.field)] : []))), [live.errors]);

  const reset = () => {
    setFilled(null);
    setDraft(null);
    setPreview(null);
    setStatus('');
    setProblem('');
  };

  const ordered = items.filter((i) => selected.includes(i.item.id)).map((i) => i.item.id);
  const body = () =>
    filled && draft ? { kind: filled.kind, itemIds: filled.itemIds, overrides: overridesOf(filled.kind, draft) } : null;

  const fill = async (event: FormEvent) => {
    event.preventDefault();
    if (!kind || busy) return;
    setBusy('fill');
    setProblem('');
    setStatus('');
    try {
      const answer = await previewDocument(scope, { kind, itemIds: ordered }, locale);
      setFilled({ kind, itemIds: ordered, title: answer.title, redactable: answer.redactable });
      setDraft(draftOf(kind, answer.input));
      setPreview(null);
      // Focus the review so keyboard and screen-reader users land on what just appeared.
      requestAnimationFrame(() => document.getElementById('doc-review')?.focus());
    } catch (error) {
      if (!handleError(error)) setProblem(messageText(error, m.fillFailed));
    } finally {
      setBusy(null);
    }
  };

  const change = useCallback((next: DocumentInputJson) => {
    setDraft(next);
    setPreview((current) => (current ? { ...current, stale: true } : current));
  }, []);

  const showPreview = async (copy: 'full' | 'redacted') => {
    const request = body();
    if (!request || busy) return;
    setBusy('preview');
    setProblem('');
    try {
      const blob = await previewPdf(scope, request, locale, copy);
      setPreview({ url: URL.createObjectURL(blob), stale: false, copy });
      setStatus('');
    } catch (error) {
      if (!handleError(error)) setProblem(messageText(error, m.previewFailed));
    } finally {
      setBusy(null);
    }
  };

  const generate = async (format: 'pdf' | 'docx') => {
    const request = body();
    if (!request || busy || live.errors.length > 0) return;
    setBusy(format);
    setProblem('');
    setStatus('');
    try {
      const answer = await generateDocument(scope, { ...request, format }, locale);
      setStatus(m.generated(answer.documents.length));
      onGenerated(answer.documents);
    } catch (error) {
      if (!handleError(error)) setProblem(messageText(error, m.generateFailed));
    } finally {
      setBusy(null);
    }
  };

  const blocked = live.errors.length > 0;
  const name = filled ? filled.title : '';
  return (
    <div className="doc-workbench">
      <form onSubmit={fill} noValidate>
        <fieldset className="field-group doc-kinds">
          <legend>{m.kindLegend}</legend>
          {kinds.map((k) => (
            <div className="doc-kind" key={k}>
              <input
                type="radio"
                name="doc-kind"
                id={`doc-kind-${k}`}
                checked={kind === k}
                aria-describedby={`doc-kind-${k}-desc`}
                onChange={() => {
                  setKind(k);
                  reset();
                }}
              />
              <label htmlFor={`doc-kind-${k}`}>
                <strong>{m.kinds[k].name}</strong>
              </label>
              <p id={`doc-kind-${k}-desc`} className="small doc-kind-desc">
                {m.kinds[k].description}
                {kindHelp?.[k] ? ` ${kindHelp[k]}` : ''}
              </p>
            </div>
          ))}
        </fieldset>
        <fieldset className="field-group doc-items">
          <legend>{m.itemsLegend}</legend>
          {items.length === 0 ? (
            <p>{m.noItems}</p>
          ) : (
            <>
              <p className="small">{m.itemsHelp}</p>
              {items.map(({ item, number }) => (
                <div className="checkbox-field" key={item.id}>
                  <input
                    type="checkbox"
                    id={`doc-item-${item.id}`}
                    checked={selected.includes(item.id)}
                    onChange={(e) => {
                      setSelected((current) =>
                        e.target.checked ? [...current, item.id] : current.filter((id) => id !== item.id),
                      );
                      reset();
                    }}
                  />
                  <label htmlFor={`doc-item-${item.id}`} className="doc-item-label">
                    {m.itemLabel(number, platformName(item.platform), item.postUrl)}
                  </label>
                </div>
              ))}
            </>
          )}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={!kind || ordered.length === 0 || busy !== null} aria-busy={busy === 'fill'}>
          {busy === 'fill' ? m.filling : m.fill}
        </button>
      </form>
      <div role="status" className="small">
        {status}
      </div>
      {problem ? (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      ) : null}

      {filled && draft ? (
        <>
          <section aria-labelledby="doc-review-title" className="doc-review">
            <H id="doc-review-title">
              {m.reviewTitle}：{name}
            </H>
            <div id="doc-review" tabIndex={-1}>
              <p className="small">{m.reviewHelp}</p>
              <DocumentForm
                kind={filled.kind}
                draft={draft}
                onChange={change}
                m={m}
                locale={locale}
                platformName={platformName}
                invalid={invalid}
                help={help}
              />
            </div>
          </section>
          <section aria-labelledby="doc-check-title" className="doc-check">
            <H id="doc-check-title">{blocked ? m.errorsTitle(live.errors.length) : m.noErrors}</H>
            {blocked ? (
              <>
                <p className="small">{m.errorsHelp}</p>
                <ul className="doc-errors">
                  {live.errors.map((error, i) => (
                    <li key={`${error.code}-${error.field ?? ''}-${i}`}>
                      <a
                        href={`#${fieldId(error.field ?? 'review')}`}
                        onClick={(event) => {
                          event.preventDefault();
                          focusField(error.field);
                        }}
                      >
                        {error.message[locale]}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {live.warnings.length > 0 ? (
              <>
                <p>
                  <strong>{m.warningsTitle}</strong>
                </p>
                <ul className="small">
                  {live.warnings.map((w, i) => (
                    <li key={`${w.code}-${i}`}>{w.message[locale]}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="doc-preview-title" className="doc-preview">
            <H id="doc-preview-title">{m.previewTitle}</H>
            <div className="actions actions-wrap">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void showPreview('full')}
                disabled={blocked || busy !== null}
                aria-busy={busy === 'preview'}
              >
                {busy === 'preview' ? m.previewing : m.preview}
              </button>
              {filled.redactable ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void showPreview('redacted')}
                  disabled={blocked || busy !== null}
                >
                  {m.previewRedacted}
                </button>
              ) : null}
            </div>
            {preview ? (
              <>
                {preview.stale ? <p className="small notice">{m.previewStale}</p> : null}
                <iframe
                  className="doc-preview-frame"
                  title={m.previewFrame(preview.copy === 'redacted' ? `${name}${m.redactedSuffix}` : name)}
                  src={preview.url}
                />
                <p className="small">
                  <a href={preview.url} target="_blank" rel="noopener">
                    {m.previewFallback}
                  </a>
                </p>
              </>
            ) : null}
            {blocked ? (
              <p id="doc-generate-blocked" className="small">
                {m.generateBlocked}
              </p>
            ) : null}
            <div className="actions actions-wrap">
              <button
                type="button"
                className="button button-primary"
                onClick={() => void generate('pdf')}
                disabled={blocked || busy !== null}
                aria-describedby={blocked ? 'doc-generate-blocked' : undefined}
                aria-busy={busy === 'pdf'}
              >
                {busy === 'pdf' ? m.generating : m.generatePdf}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void generate('docx')}
                disabled={blocked || busy !== null}
                aria-describedby={blocked ? 'doc-generate-blocked' : undefined}
                aria-busy={busy === 'docx'}
              >
                {busy === 'docx' ? m.generating : m.generateDocx}
              </button>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
