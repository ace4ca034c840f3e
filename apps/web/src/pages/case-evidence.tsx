import type { Locale } from '@mimamoru/core';
import type { EvidenceLocker } from '@mimamoru/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { EvidenceItemFields, useEvidenceItemDraft } from '../components/evidence-item-fields.js';
import type { CaseSession } from '../intake/victim-session.js';
import { useT } from '../i18n/locale-context.js';
import { ApiRequestError, request } from '../lib/api.js';

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
  const draft = useEvidenceItemDraft('evidence');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    request<EvidenceLocker>('/api/victim/evidence', locale, {}, controller.signal).then(setLocker, () => undefined);
    return () => controller.abort();
  }, [locale]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const form = draft.toForm();
    if (!form) return;
    setSending(true);
    setNote('');
    try {
      const next = await guard(() => post('/api/victim/evidence', session.csrfToken, locale, form));
      if (!next) return;
      setLocker(next);
      draft.reset();
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
        <EvidenceItemFields draft={draft} texts={p} textRows={4} />
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
