import { DOCUMENT_KINDS } from '@mimamoru/core';
import type { EvidenceLocker } from '@mimamoru/contracts';
import { useEffect, useMemo, useState } from 'react';
import { DocumentList } from '../components/document-list.js';
import { DocumentWorkbench, type PickableItem } from '../components/document-workbench.js';
import type { DocumentsScope } from '../components/documents-api.js';
import { documentsMessages } from '../components/documents-messages.js';
import { itemNumbers } from '../components/evidence-record.js';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { request } from '../lib/api.js';
import { handleStaffError, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';

/**
 * The case page's 書類 section (#7): pick one of the seven documents and the evidence items, review the fields
 * filled from the case, preview the PDF, finalise as PDF or DOCX; and the documents already made (who, when,
 * SHA-256 as recorded in the evidence chain).
 */
export function CaseDocuments({ caseId, csrf }: { readonly caseId: string; readonly csrf: string }) {
  const c = useCT();
  const t = useT();
  const { locale } = useLocale();
  const m = documentsMessages(locale);
  const [locker, setLocker] = useState<EvidenceLocker | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [round, setRound] = useState(0);
  const scope = useMemo<DocumentsScope>(() => ({ audience: 'staff', caseId, csrf }), [caseId, csrf]);

  useEffect(() => {
    const controller = new AbortController();
    setLoadFailed(false);
    request<EvidenceLocker>(`/api/staff/cases/${encodeURIComponent(caseId)}/evidence`, locale, {}, controller.signal).then(
      setLocker,
      (error: unknown) => {
        if (controller.signal.aborted || handleStaffError(error)) return;
        setLoadFailed(true);
      },
    );
    return () => controller.abort();
  }, [caseId, locale, attempt]);

  const items = useMemo<PickableItem[]>(() => {
    if (!locker) return [];
    const numbers = itemNumbers(locker.entries);
    return locker.items.map((item) => ({ item, number: numbers.get(item.id) ?? 0 }));
  }, [locker]);

  return (
    <section aria-labelledby="case-documents" className="console-panel case-documents">
      <h2 id="case-documents">{m.title}</h2>
      <p className="small">{m.intro}</p>
      {loadFailed ? <LoadError message={c.loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {locker === null && !loadFailed ? <Loading /> : null}
      {locker ? (
        <DocumentWorkbench
          scope={scope}
          kinds={DOCUMENT_KINDS}
          items={items}
          m={m}
          locale={locale}
          platformName={(platform) => t.guide.platformOptions[platform]}
          onGenerated={() => setRound((n) => n + 1)}
          handleError={handleStaffError}
          headingLevel={3}
        />
      ) : null}
      <DocumentList
        scope={scope}
        m={m}
        locale={locale}
        round={round}
        formatTime={(iso) => formatStaffTime(iso, locale)}
        handleError={handleStaffError}
        headingLevel={3}
      />
    </section>
  );
}
