import type { EvidenceCapture, EvidenceCaptureList } from '@mimamoru/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isHttpUrl, UrlField } from '../components/evidence-item-fields.js';
import { useLocale } from '../i18n/locale-context.js';
import { request } from '../lib/api.js';
import { handleStaffError, useCT } from './console-app.js';
import { evidenceCaptureMessages } from './evidence-capture-messages.js';
import { formatStaffTime } from './format.js';
import { WriteProblemNotice, writeProblem, type WriteProblem } from './staff-resource.js';

const POLL_MS = 3000;

/**
 * The evidence panel's "capture a page" form (#5 server capture) and the case's capture statuses,
 * polled while one is waiting or running. `onCaptured` runs when a capture finishes.
 */
export function CaseEvidenceCapture({
  caseId,
  csrf,
  onCaptured,
}: {
  readonly caseId: string;
  readonly csrf: string;
  readonly onCaptured: () => void;
}) {
  const c = useCT();
  const { locale } = useLocale();
  const m = evidenceCaptureMessages(locale);
  const [url, setUrl] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const [status, setStatus] = useState('');
  const [captures, setCaptures] = useState<EvidenceCapture[]>([]);
  const [round, setRound] = useState(0);
  const finished = useRef<Set<string> | null>(null);
  const captured = useRef(onCaptured);
  captured.current = onCaptured;

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    request<EvidenceCaptureList>(
      `/api/staff/cases/${encodeURIComponent(caseId)}/evidence/captures`,
      locale,
      {},
      controller.signal,
    ).then(
      (list) => {
        const done = new Set(list.captures.filter((x) => x.status === 'done').map((x) => x.id));
        if (finished.current && [...done].some((id) => !finished.current?.has(id))) captured.current();
        finished.current = done;
        setCaptures(list.captures);
        if (list.captures.some((x) => x.status === 'queued' || x.status === 'running')) {
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
  }, [caseId, locale, round]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!isHttpUrl(url)) {
      setInvalid(true);
      return;
    }
    setBusy(true);
    setProblem(null);
    setStatus('');
    try {
      await request(`/api/cases/${encodeURIComponent(caseId)}/evidence/capture`, locale, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ url: url.trim() }),
      });
      setUrl('');
      setStatus(m.queued);
      setRound((n) => n + 1);
    } catch (error) {
      const found = writeProblem(error, '', c.networkError);
      if (found) setProblem(found);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="case-evidence-capture" className="console-panel">
      <h2 id="case-evidence-capture">{m.title}</h2>
      <WriteProblemNotice problem={problem} staleText="" reloadText="" onReload={() => setRound((n) => n + 1)} />
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <form className="console-inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <UrlField
          id="capture-url"
          label={m.urlLabel}
          help={m.help}
          helpClassName="field-help small"
          invalidText={m.urlInvalid}
          invalid={invalid}
          value={url}
          onChange={(value) => {
            setInvalid(false);
            setUrl(value);
          }}
        />
        <button type="submit" className="button button-secondary" aria-busy={busy} disabled={busy}>
          {m.submit}
        </button>
      </form>
      {captures.length > 0 ? (
        <ul aria-label={m.list} className="small">
          {captures.map((x) => (
            <li key={x.id}>
              <span className="console-mono" style={{ overflowWrap: 'anywhere' }}>
                {x.url}
              </span>{' '}
              · <strong>{m.statuses[x.status]}</strong> · {m.requested(formatStaffTime(x.requestedAt, locale))}
              {x.errorMessage ? <p className="field-error">{x.errorMessage}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
