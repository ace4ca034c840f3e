import type { EvidenceLocker } from '@mimamoru/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { EvidenceItemFields, useEvidenceItemDraft } from '../components/evidence-item-fields.js';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { request } from '../lib/api.js';
import { CaseEvidenceBundle } from './case-evidence-bundle.js';
import { handleStaffError, useCT } from './console-app.js';
import { evidenceMessages } from './evidence-messages.js';
import { formatStaffTime } from './format.js';
import { errorText } from './staff-resource.js';

const base = (caseId: string) => `/api/staff/cases/${encodeURIComponent(caseId)}/evidence`;

/**
 * The case page's evidence panel: the items as they stand, their files with SHA-256, the chain check
 * the server ran on this read (a break is an alert), and the signing key's fingerprint.
 */
export function CaseEvidence({ caseId, csrf }: { readonly caseId: string; readonly csrf: string }) {
  const c = useCT();
  const t = useT();
  const { locale } = useLocale();
  const m = evidenceMessages(locale);
  const [locker, setLocker] = useState<EvidenceLocker | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoadFailed(false);
    request<EvidenceLocker>(base(caseId), locale, {}, controller.signal).then(setLocker, (error: unknown) => {
      if (controller.signal.aborted || handleStaffError(error)) return;
      setLoadFailed(true);
    });
    return () => controller.abort();
  }, [caseId, locale, attempt]);

  const v = locker?.verification;
  return (
    <section aria-labelledby="case-evidence" className="console-panel">
      <h2 id="case-evidence">{m.title}</h2>
      <p className="small">{m.intro}</p>
      {loadFailed ? <LoadError message={c.loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {locker === null && !loadFailed ? <Loading /> : null}
      {v && !v.ok ? (
        <div role="alert" className="notice notice-error">
          <strong>{m.chainBroken(v.seq, v.problem ? m.problems[v.problem] : '')}</strong>
        </div>
      ) : null}
      {v?.ok && locker && locker.entries.length > 0 ? <p className="small">{m.chainOk(locker.entries.length)}</p> : null}
      {locker && locker.items.length === 0 ? <p>{m.none}</p> : null}
      {locker && locker.items.length > 0 ? (
        <ul className="console-targets" aria-label={m.items}>
          {locker.items.map((item) => (
            <li key={item.id} className="console-target">
              <dl>
                <dt>{m.platform}</dt>
                <dd>{t.guide.platformOptions[item.platform]}</dd>
                <dt>{m.url}</dt>
                <dd className="console-mono">{item.postUrl}</dd>
                {item.accountId || item.displayName ? (
                  <>
                    <dt>{m.account}</dt>
                    <dd>{[item.displayName, item.accountId].filter(Boolean).join(' ')}</dd>
                  </>
                ) : null}
                {item.postedAt ? (
                  <>
                    <dt>{m.postedAt}</dt>
                    <dd>
                      {item.postedAt.asShown}
                      {item.postedAt.timeZone ? ` (${item.postedAt.timeZone})` : ''}
                    </dd>
                  </>
                ) : null}
                <dt>{m.capturedAt}</dt>
                <dd>{formatStaffTime(item.capturedAt, locale)}</dd>
                <dt>{m.capturedBy}</dt>
                <dd>{m.capturedByNames[item.capturedBy]}</dd>
                {item.text ? (
                  <>
                    <dt>{m.text}</dt>
                    <dd style={{ whiteSpace: 'pre-wrap' }}>{item.text}</dd>
                  </>
                ) : null}
              </dl>
              <h3 className="small">{m.files}</h3>
              <ul>
                {item.files.map((file) => (
                  <li key={file.sha256}>
                    <a href={`${base(caseId)}/files/${file.sha256}`} aria-label={m.download(file.name)} download>
                      {file.name}
                    </a>{' '}
                    <span className="small">({file.contentType}, {file.size.toLocaleString(locale)} B)</span>
                    <br />
                    <span className="small">
                      {m.sha256}: <code className="console-mono" style={{ overflowWrap: 'anywhere' }}>{file.sha256}</code>
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      {locker && locker.entries.length > 0 ? (
        <details>
          <summary>{m.history}</summary>
          <ol>
            {locker.entries.map((e) => (
              <li key={e.seq}>
                {formatStaffTime(e.at, locale)} · {m.entryTypes[e.type]} · {m.actorNames[e.actorType]}
                {e.reason ? ` · ${e.reason}` : ''}
                <br />
                <code className="small console-mono" style={{ overflowWrap: 'anywhere' }}>{e.hash}</code>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {locker && locker.items.length > 0 ? <CaseEvidenceBundle caseId={caseId} csrf={csrf} /> : null}
      <AddEvidence caseId={caseId} csrf={csrf} onAdded={setLocker} />
      {locker ? (
        <p className="small">
          {m.key}: <code className="console-mono">{locker.key.fingerprintDisplay}</code>
          <br />
          {m.keyHelp}
        </p>
      ) : null}
    </section>
  );
}

/** A consultant adds an item: the post's URL, service, account, time as shown, text and files. */
function AddEvidence({
  caseId,
  csrf,
  onAdded,
}: {
  readonly caseId: string;
  readonly csrf: string;
  readonly onAdded: (locker: EvidenceLocker) => void;
}) {
  const { locale } = useLocale();
  const m = evidenceMessages(locale);
  const draft = useEvidenceItemDraft('evidence-add');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const form = draft.toForm();
    if (!form) return;
    setBusy(true);
    setStatus('');
    try {
      onAdded(await request<EvidenceLocker>(base(caseId), locale, { method: 'POST', headers: { 'x-csrf-token': csrf }, body: form }));
      draft.reset();
      setStatus(m.added);
    } catch (error) {
      if (handleStaffError(error)) return;
      setStatus(errorText(error, m.failed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{m.addTitle}</h3>
      <form className="console-inline-form" onSubmit={submit} noValidate encType="multipart/form-data">
        <EvidenceItemFields draft={draft} texts={{ ...m, platformLabel: m.platform }} textRows={3} />
        <p role="status" className="small">
          {status}
        </p>
        <button type="submit" className="button button-secondary" aria-busy={busy} disabled={busy}>
          {m.add}
        </button>
      </form>
    </>
  );
}
