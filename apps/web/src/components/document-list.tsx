import type { Locale } from '@mimamoru/core';
import type { CaseDocumentList } from '@mimamoru/contracts';
import { useEffect, useState } from 'react';
import { documentFileUrl, listDocuments, type DocumentsScope } from './documents-api.js';
import type { DocumentsMessages } from './documents-messages.js';

/** The documents stored in the case: which, by whom, when, the SHA-256 recorded in the chain, and a download. */
export function DocumentList({
  scope,
  m,
  locale,
  round,
  formatTime,
  handleError,
  headingLevel,
}: {
  readonly scope: DocumentsScope;
  readonly m: DocumentsMessages;
  readonly locale: Locale;
  /** Bumped after generating: the list reads the case again. */
  readonly round: number;
  readonly formatTime: (iso: string) => string;
  readonly handleError: (error: unknown) => boolean;
  readonly headingLevel: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const [list, setList] = useState<CaseDocumentList | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const caseKey = scope.audience === 'staff' ? scope.caseId : 'victim';
  useEffect(() => {
    const controller = new AbortController();
    setFailed(false);
    listDocuments(scope, locale, controller.signal).then(setList, (error: unknown) => {
      if (controller.signal.aborted || handleError(error)) return;
      setFailed(true);
    });
    return () => controller.abort();
    // The scope object is rebuilt on each render; the case it names is what matters.
  }, [caseKey, locale, round, attempt]);

  return (
    <section aria-labelledby="doc-list-title" className="doc-list">
      <H id="doc-list-title">{m.listTitle}</H>
      {failed ? (
        <p className="small">
          {m.loadFailed}{' '}
          <button type="button" className="button button-quiet button-small" onClick={() => setAttempt((n) => n + 1)}>
            {m.retry}
          </button>
        </p>
      ) : null}
      {list && list.documents.length === 0 ? <p className="small">{m.listNone}</p> : null}
      {list && list.documents.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="doc-list-title" tabIndex={0}>
          <table className="doc-table">
            <thead>
              <tr>
                <th scope="col">{m.listKind}</th>
                <th scope="col">{m.listWho}</th>
                <th scope="col">{m.listWhen}</th>
                <th scope="col">{m.listHash}</th>
                <th scope="col">{m.listDownload}</th>
              </tr>
            </thead>
            <tbody>
              {list.documents.map((doc) => (
                <tr key={doc.id}>
                  <td>{doc.title}</td>
                  <td>{doc.generatedBy.type === 'victim' ? m.byVictim : (doc.generatedBy.displayName ?? '')}</td>
                  <td>
                    <time dateTime={doc.generatedAt}>{formatTime(doc.generatedAt)}</time>
                  </td>
                  <td>
                    <code title={doc.sha256} className="console-mono">
                      {doc.sha256.slice(0, 12)}
                    </code>
                    <span className="small"> · {m.chainNote(doc.chainSeq)}</span>
                  </td>
                  <td>
                    <a href={documentFileUrl(scope, doc.id)} download aria-label={m.download(doc.title, doc.format.toUpperCase())}>
                      {doc.format.toUpperCase()}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
