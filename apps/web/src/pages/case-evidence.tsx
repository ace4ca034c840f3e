import { PLATFORMS, platformOfUrl, type Locale, type Platform } from '@mimamoru/core';
import type { EvidenceLocker } from '@mimamoru/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaseSession } from '../intake/victim-session.js';
import { useT } from '../i18n/locale-context.js';
import { ApiRequestError, request } from '../lib/api.js';

const EVIDENCE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'video/mp4',
  'video/quicktime',
  'video/webm',
];

type Guard = <T>(action: () => Promise<T>) => Promise<T | undefined>;

function post(url: string, csrf: string, locale: Locale, body: FormData | object): Promise<EvidenceLocker> {
  const isForm = body instanceof FormData;
  return request<EvidenceLocker>(url, locale, {
    method: 'POST',
    headers: { 'x-csrf-token': csrf, ...(isForm ? {} : { 'Content-Type': 'application/json' }) },
    body: isForm ? body : JSON.stringify(body),
  });
}

/**
 * The victim's evidence section: how to take a useful screenshot (DOMAIN.md §7), a form for one post
 * (URL, service, account, post time as shown, text, files kept exactly as taken) and what is saved.
 */
export function CaseEvidence({
  session,
  locale,
  guard,
}: {
  readonly session: CaseSession;
  readonly locale: Locale;
  readonly guard: Guard;
}) {
  const t = useT();
  const p = t.caseEvidence;
  const [locker, setLocker] = useState<EvidenceLocker | null>(null);
  const [url, setUrl] = useState('');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [accountId, setAccountId] = useState('');
  const [postedAt, setPostedAt] = useState('');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [invalid, setInvalid] = useState<'url' | 'files' | null>(null);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const chosen: Platform = platform || platformOfUrl(url) || 'other';

  useEffect(() => {
    const controller = new AbortController();
    request<EvidenceLocker>('/api/victim/evidence', locale, {}, controller.signal).then(setLocker, () => undefined);
    return () => controller.abort();
  }, [locale]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const trimmed = url.trim();
    if (!/^https?:\/\/\S+$/i.test(trimmed)) {
      setInvalid('url');
      document.getElementById('evidence-url')?.focus();
      return;
    }
    if (files.length === 0) {
      setInvalid('files');
      fileInput.current?.focus();
      return;
    }
    const form = new FormData();
    const item = {
      platform: chosen,
      postUrl: trimmed,
      ...(accountId.trim() ? { accountId: accountId.trim() } : {}),
      ...(postedAt.trim() ? { postedAt: { asShown: postedAt.trim() } } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    };
    form.append('data', JSON.stringify({ item }));
    for (const file of files) form.append('files', file, file.name);
    setSending(true);
    setNote('');
    try {
      const next = await guard(() => post('/api/victim/evidence', session.csrfToken, locale, form));
      if (!next) return;
      setLocker(next);
      setUrl('');
      setPlatform('');
      setAccountId('');
      setPostedAt('');
      setText('');
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
      setNote(p.added);
    } catch (error) {
      setNote(error instanceof ApiRequestError && error.body ? error.body.message : p.sendError);
    } finally {
      setSending(false);
    }
  };

  const remove = async (itemId: string) => {
    if (sending) return;
    setSending(true);
    try {
      const next = await guard(() =>
        post(`/api/victim/evidence/${encodeURIComponent(itemId)}/remove`, session.csrfToken, locale, { reason: p.removeReason }),
      );
      if (next) setLocker(next);
    } catch (error) {
      setNote(error instanceof ApiRequestError && error.body ? error.body.message : p.sendError);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="result-section" aria-labelledby="case-evidence-title">
      <h2 id="case-evidence-title">{p.title}</h2>
      <p>{p.intro}</p>
      <div className="notice">
        <h3>{p.guideTitle}</h3>
        <ul>
          {p.guide.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="small">{p.guideSource}</p>
      </div>

      {locker && !locker.verification.ok ? <p className="notice notice-caveat">{p.chainBroken}</p> : null}
      <h3>{p.listTitle}</h3>
      {locker === null || locker.items.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <ul className="file-list">
          {locker.items.map((item) => (
            <li key={item.id} className="file-item">
              <span className="file-name" style={{ overflowWrap: 'anywhere' }}>
                {t.guide.platformOptions[item.platform]} · {item.postUrl}
              </span>
              <span className="file-size">
                {item.postedAt ? `${item.postedAt.asShown} · ` : ''}
                {p.files(item.files.length)}
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={p.removeLabel(item.postUrl)}
                disabled={sending}
                onClick={() => void remove(item.id)}
              >
                {p.remove}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form method="post" noValidate onSubmit={onSubmit} encType="multipart/form-data">
        <div className="field">
          <label htmlFor="evidence-url">{p.urlLabel}</label>
          <p className="field-help" id="evidence-url-help">
            {p.urlHelp}
          </p>
          <input
            id="evidence-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2048}
            value={url}
            aria-invalid={invalid === 'url' ? true : undefined}
            aria-describedby={invalid === 'url' ? 'evidence-url-help evidence-url-error' : 'evidence-url-help'}
            onChange={(e) => {
              setInvalid(null);
              setUrl(e.target.value);
            }}
          />
          {invalid === 'url' ? (
            <p id="evidence-url-error" className="field-error">
              {p.urlInvalid}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="evidence-platform">{p.platformLabel}</label>
          <select id="evidence-platform" value={chosen} onChange={(e) => setPlatform(e.target.value as Platform)}>
            {PLATFORMS.map((x) => (
              <option key={x} value={x}>
                {t.guide.platformOptions[x]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="evidence-account">{p.accountLabel}</label>
          <input
            id="evidence-account"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={accountId}
            onChange={(e) => setAccountId(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="evidence-posted">{p.postedAtLabel}</label>
          <p className="field-help" id="evidence-posted-help">
            {p.postedAtHelp}
          </p>
          <input
            id="evidence-posted"
            autoComplete="off"
            maxLength={100}
            value={postedAt}
            aria-describedby="evidence-posted-help"
            onChange={(e) => setPostedAt(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="evidence-text">{p.textLabel}</label>
          <textarea id="evidence-text" rows={4} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="evidence-files">{p.filesLabel}</label>
          <p className="field-help" id="evidence-files-help">
            {p.filesHelp}
          </p>
          <input
            id="evidence-files"
            ref={fileInput}
            name="files"
            type="file"
            multiple
            accept={EVIDENCE_TYPES.join(',')}
            aria-invalid={invalid === 'files' ? true : undefined}
            aria-describedby={invalid === 'files' ? 'evidence-files-help evidence-files-error' : 'evidence-files-help'}
            onChange={(e) => {
              setInvalid(null);
              setFiles([...(e.currentTarget.files ?? [])]);
            }}
          />
          {invalid === 'files' ? (
            <p id="evidence-files-error" className="field-error">
              {p.noFiles}
            </p>
          ) : null}
        </div>
        <div className="file-notes" role="status">
          {note ? <p>{note}</p> : null}
        </div>
        <button type="submit" className="button button-secondary" aria-busy={sending}>
          {sending ? p.adding : p.add}
        </button>
      </form>
    </section>
  );
}
