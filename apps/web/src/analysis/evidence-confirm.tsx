import type { Locale } from '@mimamoru/core';
import type { EvidenceLocker } from '@mimamoru/contracts';
import { useEffect, useRef, useState } from 'react';
import { setCaseSession, type CaseSession } from '../intake/victim-session.js';
import { ApiRequestError, request } from '../lib/api.js';
import { Link } from '../lib/router.js';
import type { ResultRow } from './analysis-run.js';
import { analysisMessages, type AnalysisMessages } from './analysis-messages.js';
import { recordPdf } from './record-pdf.js';
import { formatPostTime } from './results-filter.js';
import { evidenceItemOf, fileStamp, hasPostUrl, type AnalysisEvidenceItem } from './selected-posts.js';

/** The record PDF attached to one post (the locker takes an item only with a file). */
function recordOf(row: ResultRow, item: AnalysisEvidenceItem, locale: Locale, m: AnalysisMessages): Blob {
  const made = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'medium',
  }).format(new Date());
  const explanation = locale === 'en' ? row.analysis.explanation.en : row.analysis.explanation.ja;
  const bytes = recordPdf([
    { title: m.recordTitle },
    { text: m.recordNotice },
    { text: '' },
    { text: `${m.recordMade}: ${made}` },
    { text: `${m.reportUrl}: ${item.postUrl}` },
    { text: `${m.reportAuthor}: ${row.post.author ?? m.noneValue}` },
    { text: `${m.reportTime}: ${formatPostTime(row.post.postedAt, locale) || m.noneValue}` },
    { text: `${m.reportScore}: ${row.analysis.score.toFixed(2)}` },
    { text: `${m.reportLabels}: ${row.analysis.labels.map((l) => m.labels[l] ?? l).join(' / ') || m.noLabel}` },
    { text: '' },
    { text: `${m.recordText}:` },
    { text: row.post.text },
    { text: '' },
    { text: `${m.reportExplanation}:` },
    { text: explanation || m.noLabel },
  ]);
  return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}

type Sending =
  | { readonly kind: 'confirm' }
  | { readonly kind: 'sending'; readonly done: number }
  | { readonly kind: 'done'; readonly added: number }
  | { readonly kind: 'failed'; readonly added: number; readonly message: string }
  | { readonly kind: 'ended' };

/**
 * Says exactly what "add to evidence" sends for the selected posts, then adds each as an item of the victim's case
 * (POST /api/victim/evidence, one chain entry per item) with its analysis record PDF.
 */
export function EvidenceConfirm({
  rows,
  session,
  locale,
  onClose,
}: {
  readonly rows: readonly ResultRow[];
  readonly session: CaseSession;
  readonly locale: Locale;
  readonly onClose: () => void;
}) {
  const m = analysisMessages(locale);
  const heading = useRef<HTMLHeadingElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<Sending>({ kind: 'confirm' });
  const sendable = rows.filter(hasPostUrl);
  const items = rows.map((row) => (hasPostUrl(row) ? evidenceItemOf(row, locale, m) : null));
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (state.kind !== 'confirm' && state.kind !== 'sending') status.current?.focus();
  }, [state.kind]);

  const send = async () => {
    let added = 0;
    setState({ kind: 'sending', done: 0 });
    const stamp = fileStamp();
    for (const [i, row] of rows.entries()) {
      const item = items[i];
      if (!item) continue;
      const form = new FormData();
      form.append('data', JSON.stringify({ item }));
      form.append('files', recordOf(row, item, locale, m), `analysis-record-${stamp}-${added + 1}.pdf`);
      try {
        await request<EvidenceLocker>('/api/victim/evidence', locale, {
          method: 'POST',
          headers: { 'x-csrf-token': session.csrfToken },
          body: form,
        });
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) {
          setCaseSession(null);
          setState({ kind: 'ended' });
          return;
        }
        const message = error instanceof ApiRequestError && error.body ? error.body.message : m.failed;
        setState({ kind: 'failed', added, message });
        return;
      }
      added += 1;
      setState({ kind: 'sending', done: added });
    }
    setState({ kind: 'done', added });
  };

  return (
    <section className="analysis-confirm" aria-labelledby="analysis-confirm-title">
      <h2 id="analysis-confirm-title" ref={heading} tabIndex={-1}>
        {m.confirmTitle}
      </h2>
      {state.kind === 'confirm' || state.kind === 'sending' ? (
        <>
          <p>{m.confirmIntro(session.caseNumber, sendable.length)}</p>
          <p className="notice notice-hint">{m.confirmFile}</p>
          <ol className="analysis-confirm-list">
            {rows.map((row, i) => {
              const item = items[i];
              return (
                <li key={`${row.post.id}-${i}`}>
                  {item ? (
                    <dl>
                      <dt>{m.reportUrl}</dt>
                      <dd className="analysis-report-url">{item.postUrl}</dd>
                      <dt>{m.reportAuthor}</dt>
                      <dd>{item.accountId ?? m.noneValue}</dd>
                      <dt>{m.reportTime}</dt>
                      <dd>{item.postedAt?.asShown ?? m.noneValue}</dd>
                      <dt>{m.recordText}</dt>
                      <dd className="analysis-confirm-text">{item.text}</dd>
                      <dt>{m.confirmRights}</dt>
                      <dd>{item.legal?.rights.map((r) => m.rights[r] ?? r).join('、') || m.noneValue}</dd>
                      <dt>{m.confirmContext}</dt>
                      <dd>{item.legal?.context ?? m.noneValue}</dd>
                    </dl>
                  ) : (
                    <p>
                      <span className="analysis-confirm-text">{row.post.text}</span>
                      <br />
                      <strong>{m.confirmNoUrl}</strong>
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          <div className="analysis-confirm-actions" aria-live="polite">
            {state.kind === 'sending' ? (
              <p>
                <progress max={sendable.length} value={state.done} aria-label={m.sending(state.done, sendable.length)} />{' '}
                {m.sending(state.done, sendable.length)}
              </p>
            ) : (
              <>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={sendable.length === 0}
                  onClick={() => void send()}
                >
                  {m.confirmSend(sendable.length)}
                </button>
                <button type="button" className="button button-secondary" onClick={onClose}>
                  {m.confirmCancel}
                </button>
              </>
            )}
          </div>
        </>
      ) : (
        <div ref={status} tabIndex={-1} role="status">
          {state.kind === 'done' ? (
            <p className="notice notice-hint">{m.added(state.added)}</p>
          ) : state.kind === 'failed' ? (
            <p className="notice notice-error">{m.addFailed(state.added, state.message)}</p>
          ) : (
            <p className="notice notice-error">{m.sessionEnded}</p>
          )}
          <p>
            <Link to="/case" className="button button-secondary">
              {state.kind === 'ended' ? m.caseLink : m.openLocker}
            </Link>{' '}
            <button type="button" className="button button-quiet" onClick={onClose}>
              {m.reportBack}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
