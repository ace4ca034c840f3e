import type { EvidenceLocker, EvidenceTimestampList } from '@mimamoru/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { EvidenceItemFields, useEvidenceItemDraft } from '../components/evidence-item-fields.js';
import {
  EvidenceCorrectionForm,
  EvidenceEntryList,
  EvidenceRecordActions,
  EvidenceRemoveForm,
  itemNumbers,
  latestSeq,
  type WriteFailure,
} from '../components/evidence-record.js';
import { evidenceRecordMessages } from '../components/evidence-record-messages.js';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { ApiRequestError, request } from '../lib/api.js';
import { CaseEvidenceBundle } from './case-evidence-bundle.js';
import { handleStaffError, useCT } from './console-app.js';
import { evidenceMessages } from './evidence-messages.js';
import { formatStaffTime } from './format.js';
import { errorText } from './staff-resource.js';

const base = (caseId: string) => `/api/staff/cases/${encodeURIComponent(caseId)}/evidence`;

/** An item being corrected or removed (one at a time). */
type Editing = { readonly itemId: string; readonly mode: 'correct' | 'remove' } | null;

/** A failed correction or removal: null when the session ended (the login page takes over). */
function failureOf(error: unknown, fallback: string): WriteFailure {
  if (handleStaffError(error)) return null;
  const stale = error instanceof ApiRequestError && error.status === 409 && error.body?.code === 'evidence.item_changed';
  return { stale, text: errorText(error, fallback) };
}

/**
 * The case page's evidence panel: the items as they stand with each one's record (added, corrected, removed: who,
 * when, why), corrections and removals that append to the chain, their files with SHA-256, the chain check the
 * server ran on this read (a break is an alert), the signed head, the RFC 3161 timestamps and the key's fingerprint.
 */
export function CaseEvidence({ caseId, csrf }: { readonly caseId: string; readonly csrf: string }) {
  const c = useCT();
  const t = useT();
  const { locale } = useLocale();
  const m = evidenceMessages(locale);
  const [locker, setLocker] = useState<EvidenceLocker | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');
  const r = evidenceRecordMessages(locale);

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
  const numbers = itemNumbers(locker?.entries ?? []);
  const numberOf = (itemId: string) => numbers.get(itemId) ?? 0;
  const formatTime = (iso: string) => formatStaffTime(iso, locale);
  const saved = (message: string) => (next: EvidenceLocker) => {
    setLocker(next);
    setEditing(null);
    setStatus(message);
  };
  const post = (url: string, body: FormData | object) =>
    request<EvidenceLocker>(url, locale, {
      method: 'POST',
      headers: { 'x-csrf-token': csrf, ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) },
      body: body instanceof FormData ? body : JSON.stringify(body),
    });
  const itemUrl = (itemId: string, action: 'correct' | 'remove') => `${base(caseId)}/${encodeURIComponent(itemId)}/${action}`;
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
      <div role="status">{status ? <p className="small">{status}</p> : null}</div>
      {locker && locker.items.length === 0 ? <p>{m.none}</p> : null}
      {locker && locker.items.length > 0 ? (
        <ul className="console-targets" aria-label={m.items}>
          {locker.items.map((item) => (
            <li key={item.id} className="console-target">
              <h3 className="small">
                {r.itemLabel(numberOf(item.id))} · {t.guide.platformOptions[item.platform]}
              </h3>
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
              <details>
                <summary>{r.history(locker.entries.filter((e) => e.itemId === item.id).length)}</summary>
                <EvidenceEntryList
                  entries={locker.entries.filter((e) => e.itemId === item.id)}
                  m={r}
                  actors={r.staffActors}
                  formatTime={formatTime}
                />
              </details>
              {editing?.itemId === item.id && editing.mode === 'correct' ? (
                <EvidenceCorrectionForm
                  item={item}
                  number={numberOf(item.id)}
                  expectedSeq={latestSeq(locker.entries, item.id)}
                  fieldTexts={{ ...m, platformLabel: m.platform }}
                  m={r}
                  textRows={3}
                  send={(form) => post(itemUrl(item.id, 'correct'), form)}
                  failureOf={(error) => failureOf(error, m.failed)}
                  onSaved={saved(r.corrected)}
                  onStale={() => setAttempt((n) => n + 1)}
                  onCancel={() => setEditing(null)}
                />
              ) : editing?.itemId === item.id && editing.mode === 'remove' ? (
                <EvidenceRemoveForm
                  itemId={item.id}
                  number={numberOf(item.id)}
                  expectedSeq={latestSeq(locker.entries, item.id)}
                  m={r}
                  send={(body) => post(itemUrl(item.id, 'remove'), body)}
                  failureOf={(error) => failureOf(error, m.failed)}
                  onSaved={saved(r.removed)}
                  onStale={() => setAttempt((n) => n + 1)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <EvidenceRecordActions
                  number={numberOf(item.id)}
                  m={r}
                  onChoose={(mode) => {
                    setStatus('');
                    setEditing({ itemId: item.id, mode });
                  }}
                />
              )}
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
                {formatStaffTime(e.at, locale)} · {r.itemLabel(numberOf(e.itemId))} · {m.entryTypes[e.type]} ·{' '}
                {m.actorNames[e.actorType]}
                {e.reason ? ` · ${e.reason}` : ''}
                <br />
                <code className="small console-mono" style={{ overflowWrap: 'anywhere' }}>{e.hash}</code>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {locker && locker.items.length > 0 ? <CaseEvidenceBundle caseId={caseId} csrf={csrf} items={locker.items.length} /> : null}
      <AddEvidence caseId={caseId} csrf={csrf} onAdded={setLocker} />
      {locker ? (
        <p className="small">
          {m.key}: <code className="console-mono">{locker.key.fingerprintDisplay}</code>
          <br />
          {locker.head ? (
            <>
              {m.headSigned(locker.head.seq, formatStaffTime(locker.head.signedAt, locale))}
              <br />
            </>
          ) : null}
          {m.keyHelp}
        </p>
      ) : null}
      {locker && locker.entries.length > 0 ? <EvidenceTimestamps caseId={caseId} entries={locker.entries.length} /> : null}
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
      <p className="small">
        <a href="/evidence-guide" target="_blank" rel="noopener">
          {m.guideLink}
        </a>
      </p>
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

/** The case's RFC 3161 tokens: which record each covers, the TSA's time and name from the token, and the check. */
function EvidenceTimestamps({ caseId, entries }: { readonly caseId: string; readonly entries: number }) {
  const { locale } = useLocale();
  const m = evidenceMessages(locale);
  const [list, setList] = useState<EvidenceTimestampList | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    setFailed(false);
    request<EvidenceTimestampList>(`${base(caseId)}/timestamps`, locale, {}, controller.signal).then(setList, (error: unknown) => {
      if (controller.signal.aborted || handleStaffError(error)) return;
      setFailed(true);
    });
    return () => controller.abort();
  }, [caseId, locale, entries]);
  return (
    <section aria-labelledby="case-evidence-timestamps">
      <h3 id="case-evidence-timestamps">{m.timestampsTitle}</h3>
      {failed ? <p className="small">{m.timestampsFailed}</p> : null}
      {list && list.timestamps.length === 0 ? <p className="small">{m.timestampsNone}</p> : null}
      {list && list.timestamps.length > 0 ? (
        <ul className="small" aria-label={m.timestampsTitle}>
          {list.timestamps.map((stamp) => (
            <li key={`${stamp.seq}-${stamp.serialHex}-${stamp.tsaUrl}`}>
              <strong>{m.timestampEntry(stamp.seq)}</strong> · {m.timestampTime}:{' '}
              <time dateTime={stamp.genTime}>{formatStaffTime(stamp.genTime, locale)}</time> · {m.timestampTsa}:{' '}
              {stamp.tsaName || stamp.tsaUrl} · {stamp.ok ? `${m.timestampOk}${stamp.chainChecked ? m.timestampAnchored : ''}` : m.timestampBad((stamp.problem && m.timestampProblems[stamp.problem]) ?? stamp.problem ?? '')}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
