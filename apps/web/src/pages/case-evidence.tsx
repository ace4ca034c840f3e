import type { Locale } from '@mimamoru/core';
import type { EvidenceLocker } from '@mimamoru/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { EvidenceCaptureGuide } from '../components/evidence-guide.js';
import { evidenceGuideMessages } from '../components/evidence-guide-messages.js';
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
import type { CaseSession } from '../intake/victim-session.js';
import { useT } from '../i18n/locale-context.js';
import { ApiRequestError, request } from '../lib/api.js';

type Guard = <T>(action: () => Promise<T>) => Promise<T | undefined>;

/** An item being corrected or removed (one at a time). */
type Editing = { readonly itemId: string; readonly mode: 'correct' | 'remove' } | null;

function post(url: string, csrf: string, locale: Locale, body: FormData | object): Promise<EvidenceLocker> {
  const isForm = body instanceof FormData;
  return request<EvidenceLocker>(url, locale, {
    method: 'POST',
    headers: { 'x-csrf-token': csrf, ...(isForm ? {} : { 'Content-Type': 'application/json' }) },
    body: isForm ? body : JSON.stringify(body),
  });
}

const itemUrl = (itemId: string, action: 'correct' | 'remove') =>
  `/api/victim/evidence/${encodeURIComponent(itemId)}/${action}`;

/**
 * The victim's evidence section: what a useful capture shows (pictures, DOMAIN.md §7), what is saved with each item's
 * record (added, corrected, removed: by whom, when, why) and the chain check, corrections and removals that append
 * to the record, and a form for one more post (URL, service, account, post time as shown, text, files as taken).
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
  const r = evidenceRecordMessages(locale);
  const g = evidenceGuideMessages(locale);
  const [locker, setLocker] = useState<EvidenceLocker | null>(null);
  const [round, setRound] = useState(0);
  const draft = useEvidenceItemDraft('evidence');
  const [note, setNote] = useState('');
  const [recordNote, setRecordNote] = useState('');
  const [sending, setSending] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [guideOpen, setGuideOpen] = useState<boolean | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    request<EvidenceLocker>('/api/victim/evidence', locale, {}, controller.signal).then(
      (loaded) => {
        setLocker(loaded);
        // Open the pictures until the first item is saved; afterwards they stay one click away.
        setGuideOpen((open) => open ?? loaded.items.length === 0);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [locale, round]);

  const failureOf = (error: unknown): WriteFailure => {
    if (error instanceof ApiRequestError && error.body) {
      return {
        stale: error.status === 409 && error.body.code === 'evidence.item_changed',
        text: error.body.message,
      };
    }
    return { stale: false, text: p.sendError };
  };

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
      setNote(failureOf(error)?.text ?? p.sendError);
    } finally {
      setSending(false);
    }
  };

  const saved = (message: string) => (next: EvidenceLocker) => {
    setLocker(next);
    setEditing(null);
    setRecordNote(message);
  };

  const numbers = itemNumbers(locker?.entries ?? []);
  const numberOf = (itemId: string) => numbers.get(itemId) ?? 0;
  const formatTime = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'ja-JP', {
      timeZone: 'Asia/Tokyo',
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  return (
    <section className="result-section" aria-labelledby="case-evidence-title">
      <h2 id="case-evidence-title">{p.title}</h2>
      <p>{p.intro}</p>
      {guideOpen === null ? null : (
        <details className="notice" open={guideOpen} onToggle={(e) => setGuideOpen(e.currentTarget.open)}>
          <summary>{g.title}</summary>
          <EvidenceCaptureGuide locale={locale} headingLevel={3} hideTitle />
        </details>
      )}

      {locker && !locker.verification.ok ? <p className="notice notice-caveat">{p.chainBroken}</p> : null}
      <h3>{p.listTitle}</h3>
      {locker?.verification.ok && locker.entries.length > 0 ? (
        <p className="small">{r.chainOk(locker.entries.length)}</p>
      ) : null}
      <div role="status">{recordNote ? <p className="notice notice-hint">{recordNote}</p> : null}</div>
      {locker === null || locker.items.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <ul className="evidence-record-list">
          {locker.items.map((item) => {
            const n = numberOf(item.id);
            const own = locker.entries.filter((e) => e.itemId === item.id);
            const expectedSeq = latestSeq(locker.entries, item.id);
            const mode = editing?.itemId === item.id ? editing.mode : null;
            return (
              <li key={item.id} className="evidence-record-item">
                <h4>
                  {r.itemLabel(n)} · {t.guide.platformOptions[item.platform]}
                </h4>
                <p style={{ overflowWrap: 'anywhere', margin: 0 }}>{item.postUrl}</p>
                <p className="small" style={{ margin: 0 }}>
                  {[item.accountId, item.postedAt?.asShown, p.files(item.files.length)]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <details>
                  <summary>{r.history(own.length)}</summary>
                  <EvidenceEntryList entries={own} m={r} actors={r.victimActors} formatTime={formatTime} />
                </details>
                {mode === 'correct' ? (
                  <EvidenceCorrectionForm
                    item={item}
                    number={n}
                    expectedSeq={expectedSeq}
                    fieldTexts={p}
                    m={r}
                    textRows={4}
                    send={(form) =>
                      guard(() => post(itemUrl(item.id, 'correct'), session.csrfToken, locale, form))
                    }
                    failureOf={failureOf}
                    onSaved={saved(r.corrected)}
                    onStale={() => setRound((x) => x + 1)}
                    onCancel={() => setEditing(null)}
                  />
                ) : mode === 'remove' ? (
                  <EvidenceRemoveForm
                    itemId={item.id}
                    number={n}
                    expectedSeq={expectedSeq}
                    m={r}
                    send={(body) =>
                      guard(() => post(itemUrl(item.id, 'remove'), session.csrfToken, locale, body))
                    }
                    failureOf={failureOf}
                    onSaved={saved(r.removed)}
                    onStale={() => setRound((x) => x + 1)}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <EvidenceRecordActions
                    number={n}
                    m={r}
                    onChoose={(mode) => {
                      setRecordNote('');
                      setEditing({ itemId: item.id, mode });
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {locker && locker.entries.length > 0 ? (
        <details className="evidence-record-all">
          <summary>{r.allHistory}</summary>
          <EvidenceEntryList
            entries={locker.entries}
            m={r}
            actors={r.victimActors}
            formatTime={formatTime}
            label={(itemId) => r.itemLabel(numberOf(itemId))}
          />
        </details>
      ) : null}

      <h3>{p.addTitle}</h3>
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
