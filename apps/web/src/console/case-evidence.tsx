import { PLATFORMS, platformOfUrl, type Platform } from '@mimamoru/core';
import type { EvidenceLocker } from '@mimamoru/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { ApiRequestError, request } from '../lib/api.js';
import { handleStaffError, useCT } from './console-app.js';
import { evidenceMessages } from './evidence-messages.js';
import { formatStaffTime } from './format.js';

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
  const t = useT();
  const { locale } = useLocale();
  const m = evidenceMessages(locale);
  const [url, setUrl] = useState('');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [accountId, setAccountId] = useState('');
  const [postedAt, setPostedAt] = useState('');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<'url' | 'files' | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const chosen: Platform = platform || platformOfUrl(url) || 'other';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setProblem('url');
      document.getElementById('evidence-add-url')?.focus();
      return;
    }
    if (files.length === 0) {
      setProblem('files');
      fileInput.current?.focus();
      return;
    }
    const form = new FormData();
    const item = {
      platform: chosen,
      postUrl: url.trim(),
      ...(accountId.trim() ? { accountId: accountId.trim() } : {}),
      ...(postedAt.trim() ? { postedAt: { asShown: postedAt.trim() } } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    };
    form.append('data', JSON.stringify({ item }));
    for (const file of files) form.append('files', file, file.name);
    setBusy(true);
    setStatus('');
    try {
      onAdded(await request<EvidenceLocker>(base(caseId), locale, { method: 'POST', headers: { 'x-csrf-token': csrf }, body: form }));
      setUrl('');
      setPlatform('');
      setAccountId('');
      setPostedAt('');
      setText('');
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
      setStatus(m.added);
    } catch (error) {
      if (handleStaffError(error)) return;
      setStatus(error instanceof ApiRequestError && error.body ? error.body.message : m.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{m.addTitle}</h3>
      <form className="console-inline-form" onSubmit={submit} noValidate encType="multipart/form-data">
        <div className="field">
          <label htmlFor="evidence-add-url">{m.urlLabel}</label>
          <input
            id="evidence-add-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2048}
            value={url}
            aria-invalid={problem === 'url' ? true : undefined}
            aria-describedby={problem === 'url' ? 'evidence-add-url-error' : undefined}
            onChange={(e) => {
              setProblem(null);
              setUrl(e.target.value);
            }}
          />
          {problem === 'url' ? (
            <p id="evidence-add-url-error" className="field-error">
              {m.urlInvalid}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="evidence-add-platform">{m.platform}</label>
          <select id="evidence-add-platform" value={chosen} onChange={(e) => setPlatform(e.target.value as Platform)}>
            {PLATFORMS.map((x) => (
              <option key={x} value={x}>
                {t.guide.platformOptions[x]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="evidence-add-account">{m.accountLabel}</label>
          <input id="evidence-add-account" maxLength={200} value={accountId} onChange={(e) => setAccountId(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="evidence-add-posted">{m.postedAtLabel}</label>
          <input id="evidence-add-posted" maxLength={100} value={postedAt} onChange={(e) => setPostedAt(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="evidence-add-text">{m.textLabel}</label>
          <textarea id="evidence-add-text" rows={3} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="evidence-add-files">{m.filesLabel}</label>
          <input
            id="evidence-add-files"
            ref={fileInput}
            type="file"
            multiple
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,video/mp4,video/quicktime,video/webm"
            aria-invalid={problem === 'files' ? true : undefined}
            aria-describedby={problem === 'files' ? 'evidence-add-files-error' : undefined}
            onChange={(e) => {
              setProblem(null);
              setFiles([...(e.currentTarget.files ?? [])]);
            }}
          />
          {problem === 'files' ? (
            <p id="evidence-add-files-error" className="field-error">
              {m.noFiles}
            </p>
          ) : null}
        </div>
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
