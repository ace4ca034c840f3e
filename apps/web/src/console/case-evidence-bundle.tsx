import { useState } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { handleStaffError } from './console-app.js';
import { evidenceMessages } from './evidence-messages.js';

/**
 * "Export the evidence bundle": POSTs to the bundle route (CSRF header) and saves the streamed ZIP
 * under the server's file name. The browser verification page (/verify) checks what was saved.
 */
export function CaseEvidenceBundle({ caseId, csrf }: { readonly caseId: string; readonly csrf: string }) {
  const { locale } = useLocale();
  const m = evidenceMessages(locale);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const exportBundle = async () => {
    if (busy) return;
    setBusy(true);
    setStatus(m.exporting);
    try {
      const res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/evidence/bundle`, {
        method: 'POST',
        headers: { 'x-csrf-token': csrf, 'Accept-Language': locale },
        credentials: 'same-origin',
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
        if (handleStaffError(new ApiRequestError(res.status, `http-${res.status}`))) return;
        setStatus(body?.error?.message ?? m.exportFailed);
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'evidence.zip';
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(m.exported(name));
    } catch {
      setStatus(m.exportFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field">
      <button type="button" className="button button-secondary" aria-busy={busy} disabled={busy} onClick={() => void exportBundle()}>
        {m.exportBundle}
      </button>
      <p role="status" className="small">
        {status}
      </p>
    </div>
  );
}
