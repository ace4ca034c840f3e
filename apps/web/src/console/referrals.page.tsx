import type { REFERRAL_OUTCOMES, ReferralOutcome } from '@mimamoru/contracts';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { Link } from '../lib/router.js';
import { ConflictHitsTable } from './conflict-hits.js';
import { handleStaffError, useConsoleTitle, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';
import { useRT } from './referral-i18n.js';
import {
  conflictsOf,
  fetchOwnReferrals,
  fetchReferral,
  referralActions,
  referralAttachmentUrl,
  type LawyerReferral,
} from './referrals-api.js';
import type { StaffSession } from './staff-session.js';
import { ConsoleTable, errorText, StaffLoadState, useStaffApi, useStaffResource } from './staff-resource.js';
import './referrals.css';

const OUTCOMES: typeof REFERRAL_OUTCOMES = [
  'removed',
  'identified',
  'settled',
  'suit-filed',
  'complaint-filed',
  'advice-only',
  'not-pursued',
];

/** /console (for lawyers) and /console/referrals: the cases referred to the signed-in lawyer. */
export function LawyerReferralsPage() {
  const r = useRT();
  const l = r.lawyerList;
  const { locale } = useLocale();
  useConsoleTitle(l.title);
  const { state, reload } = useStaffApi((signal) => fetchOwnReferrals(locale, signal), [locale]);
  return (
    <>
      <h1 tabIndex={-1}>{l.title}</h1>
      <p>{l.intro}</p>
      <StaffLoadState state={state} onRetry={reload} />
      {state.status === 'ready' && state.data.referrals.length === 0 ? <p>{l.none}</p> : null}
      {state.status === 'ready' && state.data.referrals.length > 0 ? (
        <ConsoleTable caption={l.caption}>
          <thead>
            <tr>
              <th scope="col">{l.caseNumber}</th>
              <th scope="col">{l.status}</th>
              <th scope="col">{l.received}</th>
              <th scope="col">{l.expires}</th>
              <th scope="col">{l.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.referrals.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/console/referrals/${item.id}`} className="console-mono console-case-link">
                    {item.caseNumber}
                  </Link>
                </td>
                <td>
                  <span className={`console-badge referral-status-${item.status}`}>
                    {r.statuses[item.status]}
                  </span>
                </td>
                <td className="console-nowrap">{formatStaffTime(item.createdAt, locale)}</td>
                <td className="console-nowrap">{item.expiresOn}</td>
                <td>{item.outcome ? r.outcomes[item.outcome] : '—'}</td>
              </tr>
            ))}
          </tbody>
        </ConsoleTable>
      ) : null}
    </>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="console-panel">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** /console/referrals/:id: the referral for its lawyer — only the parts the consultant shared. */
export function LawyerReferralPage({ id, session }: { readonly id: string; readonly session: StaffSession }) {
  const c = useCT();
  const r = useRT();
  const f = r.referral;
  const { locale } = useLocale();
  const {
    data,
    setData,
    status: loadStatus,
    reload,
  } = useStaffResource((signal) => fetchReferral(id, locale, signal), [id, locale]);
  useConsoleTitle(data ? data.caseNumber : r.lawyerList.title);

  if (loadStatus === 'loading' && !data) return <Loading />;
  if (loadStatus === 'not-found')
    return (
      <>
        <h1 tabIndex={-1}>{f.notFound}</h1>
        <p>
          <Link to="/console/referrals">{f.back}</Link>
        </p>
      </>
    );
  if (loadStatus === 'error' || !data) return <LoadError message={c.loadError} onRetry={reload} />;

  const shared = data.case;
  return (
    <article className="console-case">
      <p className="console-back">
        <Link to="/console/referrals">← {f.back}</Link>
      </p>
      <header className="console-case-head">
        <h1 tabIndex={-1} className="console-mono">
          {data.caseNumber}
        </h1>
        <span className={`console-badge referral-status-${data.status}`}>{r.statuses[data.status]}</span>
        {shared ? <span className="console-badge console-stage">{c.stages[shared.stage]}</span> : null}
      </header>
      <div className="console-case-grid">
        <div className="console-case-main">
          <Panel id="referral-about" title={f.shared}>
            <dl className="console-dl">
              <dt>{f.expires}</dt>
              <dd>{data.expiresOn}</dd>
              <dt>{f.referredBy}</dt>
              <dd>
                {data.referredBy?.displayName ?? ''} {formatStaffTime(data.createdAt, locale)}
              </dd>
              <dt>{f.shared}</dt>
              <dd>{data.shares.map((s) => r.sections[s]).join('、')}</dd>
            </dl>
            {data.note ? (
              <>
                <h3>{f.note}</h3>
                <p className="pre-wrap">{data.note}</p>
              </>
            ) : null}
            {shared ? null : <p className="notice notice-hint">{f.notLive}</p>}
          </Panel>
          {shared ? <SharedCase referral={data} /> : null}
        </div>
        <div className="console-case-side">
          <Conflicts data={data} />
          <Answer data={data} csrf={session.csrfToken} onChange={setData} />
        </div>
      </div>
    </article>
  );
}

function Conflicts({ data }: { readonly data: LawyerReferral }) {
  const r = useRT();
  const f = r.referral;
  const { hits, searched } = data.conflicts;
  return (
    <Panel id="referral-conflicts" title={f.conflictsTitle}>
      {hits.length === 0 ? (
        <p>{f.noHits(searched)}</p>
      ) : (
        <>
          <p>{f.hitsIntro}</p>
          <ConflictHitsTable hits={hits} />
          {data.lawyerAcknowledgedAt ? <p className="small">{f.lawyerAcknowledged}</p> : null}
        </>
      )}
    </Panel>
  );
}

/** Accept or decline a pending referral; report the outcome of an accepted one. */
function Answer({
  data,
  csrf,
  onChange,
}: {
  readonly data: LawyerReferral;
  readonly csrf: string;
  readonly onChange: (next: LawyerReferral) => void;
}) {
  const c = useCT();
  const r = useRT();
  const f = r.referral;
  const { locale } = useLocale();
  const [acknowledged, setAcknowledged] = useState(false);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<ReferralOutcome | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const problemRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const hits = data.conflicts.hits;
  const run = async (write: () => Promise<LawyerReferral>, done: string) => {
    setProblem(null);
    setStatus('');
    setBusy(true);
    try {
      onChange(await write());
      setStatus(done);
    } catch (error) {
      if (handleStaffError(error)) return;
      const found = conflictsOf(error);
      if (found) onChange({ ...data, conflicts: found });
      setProblem(errorText(error, c.networkError));
    } finally {
      setBusy(false);
    }
  };

  const accept = () => {
    if (hits.length > 0 && !acknowledged) {
      setProblem(f.acknowledgeRequired);
      document.getElementById('referral-lawyer-acknowledge')?.focus();
      return;
    }
    void run(
      () =>
        referralActions.accept(
          data.id,
          { version: data.version, ...(hits.length > 0 ? { acknowledgeConflicts: true } : {}) },
          csrf,
          locale,
        ),
      f.accepted,
    );
  };
  const decline = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        referralActions.decline(
          data.id,
          { version: data.version, ...(reason.trim() ? { reason } : {}) },
          csrf,
          locale,
        ),
      f.declined,
    );
  };
  const report = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setProblem(f.chooseOutcome);
      return;
    }
    void run(
      () =>
        referralActions.outcome(
          data.id,
          { version: data.version, outcome, ...(note.trim() ? { note } : {}) },
          csrf,
          locale,
        ),
      f.recorded,
    );
  };

  // An expired referral that had been accepted (answered, not declined) can still report its outcome.
  const canReport = data.status === 'accepted' || (data.status === 'expired' && data.respondedAt !== null);
  const feedback = (
    <>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {problem ? (
        <p className="notice notice-error" role="alert" tabIndex={-1} ref={problemRef}>
          {problem}
        </p>
      ) : null}
    </>
  );

  if (data.status === 'pending')
    return (
      <Panel id="referral-answer" title={f.answerTitle}>
        {feedback}
        {hits.length > 0 ? (
          <div className="checkbox-field">
            <input
              id="referral-lawyer-acknowledge"
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
            />
            <label htmlFor="referral-lawyer-acknowledge">{f.acknowledge}</label>
          </div>
        ) : null}
        <button type="button" className="button button-primary" onClick={accept} aria-busy={busy}>
          {busy ? f.accepting : f.accept}
        </button>
        <form onSubmit={decline} noValidate className="referral-decline">
          <div className="field">
            <label htmlFor="referral-decline-reason">{f.declineReason}</label>
            <textarea
              id="referral-decline-reason"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary">
            {f.decline}
          </button>
        </form>
      </Panel>
    );
  if (canReport)
    return (
      <Panel id="referral-answer" title={f.outcomeTitle}>
        {feedback}
        <form onSubmit={report} noValidate>
          <div className="field">
            <label htmlFor="referral-outcome">{f.outcome}</label>
            <select
              id="referral-outcome"
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as ReferralOutcome | '')}
            >
              <option value="">{c.casePage.choose}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {r.outcomes[o]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="referral-outcome-note">{f.outcomeNote}</label>
            <textarea
              id="referral-outcome-note"
              rows={3}
              maxLength={4000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary" aria-busy={busy}>
            {f.recordOutcome}
          </button>
        </form>
      </Panel>
    );
  return (
    <Panel id="referral-answer" title={f.answerTitle}>
      {feedback}
      <dl className="console-dl">
        <dt>{f.status}</dt>
        <dd>{r.statuses[data.status]}</dd>
        {data.outcome ? (
          <>
            <dt>{f.outcome}</dt>
            <dd>{r.outcomes[data.outcome]}</dd>
          </>
        ) : null}
        {data.outcomeNote ? (
          <>
            <dt>{f.outcomeNote}</dt>
            <dd className="pre-wrap">{data.outcomeNote}</dd>
          </>
        ) : null}
        {data.declineReason ? (
          <>
            <dt>{f.declineReason}</dt>
            <dd className="pre-wrap">{data.declineReason}</dd>
          </>
        ) : null}
      </dl>
    </Panel>
  );
}

/** The shared sections, each only when present in the answer (the server leaves out the rest). */
function SharedCase({ referral }: { readonly referral: LawyerReferral }) {
  const c = useCT();
  const r = useRT();
  const f = r.referral;
  const t = useT();
  const { locale } = useLocale();
  const shared = referral.case;
  if (!shared) return null;
  return (
    <>
      {shared.contact ? (
        <Panel id="shared-contact" title={f.contact}>
          {shared.contact.notes ? (
            <div className="console-safe-contact" role="note" aria-label={f.safeContact}>
              <strong>{f.safeContact}</strong>
              <p className="pre-wrap">{shared.contact.notes}</p>
            </div>
          ) : null}
          <dl className="console-dl">
            <dt>{f.name}</dt>
            <dd>{shared.contact.name ?? c.casePage.anonymous}</dd>
            <dt>{f.channel}</dt>
            <dd>{c.casePage.channels[shared.contact.channel]}</dd>
            {shared.contact.email ? (
              <>
                <dt>{f.email}</dt>
                <dd>{shared.contact.email}</dd>
              </>
            ) : null}
            {shared.contact.phone ? (
              <>
                <dt>{f.phone}</dt>
                <dd>{shared.contact.phone}</dd>
              </>
            ) : null}
          </dl>
        </Panel>
      ) : null}
      {shared.narrative ? (
        <Panel id="shared-narrative" title={f.narrative}>
          {shared.narrative.happenedAt ? (
            <p className="small">
              {f.happenedAt}: {shared.narrative.happenedAt}
            </p>
          ) : null}
          <p className="pre-wrap console-narrative">{shared.narrative.text}</p>
        </Panel>
      ) : null}
      {shared.posts ? (
        <Panel id="shared-posts" title={f.posts}>
          <p>
            {f.platforms}:{' '}
            {shared.posts.platforms.map((x) => t.guide.platformOptions[x]).join('、') || f.none}
          </p>
          {shared.posts.postUrls.length > 0 ? (
            <ul className="console-urls">
              {shared.posts.postUrls.map((url) => (
                <li key={url} className="console-mono">
                  {url}
                </li>
              ))}
            </ul>
          ) : null}
        </Panel>
      ) : null}
      {shared.parties ? (
        <Panel id="shared-parties" title={f.parties}>
          {shared.parties.length === 0 ? (
            <p>{f.none}</p>
          ) : (
            <ul className="referral-parties">
              {shared.parties.map((p) => (
                <li key={p.id}>
                  <span className={`console-badge referral-role-${p.role}`}>{r.roles[p.role]}</span>{' '}
                  <span className="small muted">{r.kinds[p.kind]}</span>{' '}
                  <strong className="referral-party-value">{p.value}</strong>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ) : null}
      {shared.guide ? (
        <Panel id="shared-guide" title={f.guide}>
          {shared.guide.result ? (
            shared.guide.result.assessment.length === 0 ? (
              <p>{t.result.assessmentNone}</p>
            ) : (
              <ul className="console-plain-list">
                {shared.guide.result.assessment.map((a) => (
                  <li key={a.category}>
                    <strong>{a.label}</strong>{' '}
                    <span className={`console-badge console-likelihood-${a.likelihood}`}>
                      {t.result.likelihood[a.likelihood]}
                    </span>
                  </li>
                ))}
              </ul>
            )
          ) : (
            <p>{f.noGuide}</p>
          )}
          <h3>{f.deadlines}</h3>
          {shared.guide.offenderKnownSince ? (
            <p className="small">{f.offenderKnown(shared.guide.offenderKnownSince)}</p>
          ) : null}
          {shared.guide.deadlines.length === 0 ? (
            <p>{f.none}</p>
          ) : (
            <ul className="console-deadlines">
              {shared.guide.deadlines.map((d) => (
                <li key={d.id} className="console-deadline">
                  <span className="console-deadline-name">
                    {c.deadlines[d.id as keyof typeof c.deadlines] ?? d.id}
                  </span>
                  <span className="console-nowrap">
                    <strong>{d.date}</strong> （{c.casePage.daysLeft(d.daysLeft)}）
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ) : null}
      {shared.attachments ? (
        <Panel id="shared-attachments" title={f.attachments}>
          {shared.attachments.length === 0 ? (
            <p>{f.none}</p>
          ) : (
            <ul className="console-plain-list">
              {shared.attachments.map((a) => (
                <li key={a.id}>
                  <a
                    href={referralAttachmentUrl(referral.id, a.id)}
                    download={a.filename}
                    aria-label={f.download(a.filename)}
                  >
                    {a.filename}
                  </a>{' '}
                  <span className="muted small">({Math.ceil(a.size / 1024)} KB)</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ) : null}
      {shared.messages ? (
        <Panel id="shared-messages" title={f.messages}>
          {shared.messages.length === 0 ? (
            <p>{f.none}</p>
          ) : (
            <ol className="console-thread">
              {shared.messages.map((m) => (
                <li key={m.id} className={`console-message console-message-${m.author}`}>
                  <p className="console-message-meta">
                    <strong>{m.author === 'victim' ? f.fromVictim : f.fromConsultant}</strong>{' '}
                    <span className="muted">{formatStaffTime(m.createdAt, locale)}</span>
                  </p>
                  <p className="pre-wrap">{m.body}</p>
                </li>
              ))}
            </ol>
          )}
        </Panel>
      ) : null}
      {shared.timeline ? (
        <Panel id="shared-timeline" title={f.timeline}>
          {shared.timeline.length === 0 ? (
            <p>{f.none}</p>
          ) : (
            <ol className="console-history">
              {[...shared.timeline].reverse().map((e) => (
                <li key={e.id}>
                  <span className="muted small console-nowrap">{formatStaffTime(e.createdAt, locale)}</span>{' '}
                  {c.casePage.events[e.type]}
                  {e.type === 'stage-changed' && typeof e.detail.to === 'string' && e.detail.to in c.stages
                    ? ` → ${c.stages[e.detail.to as keyof typeof c.stages]}`
                    : ''}
                </li>
              ))}
            </ol>
          )}
        </Panel>
      ) : null}
    </>
  );
}
