import type {
  CASE_PARTY_KINDS,
  CASE_PARTY_ROLES,
  REFERRAL_SECTIONS,
  ReferralSection,
} from '@mimamoru/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale } from '../i18n/locale-context.js';
import { errorText, useStaffApi } from './staff-resource.js';
import { ConflictHitsTable } from './conflict-hits.js';
import {
  CheckList,
  directoryQuery,
  DirectoryHouterasu,
  DirectorySelects,
  NO_DIRECTORY_FILTERS,
} from './lawyer-fields.js';
import { handleStaffError, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';
import { useRT } from './referral-i18n.js';
import {
  conflictsOf,
  fetchCaseReferrals,
  fetchLawyers,
  fetchParties,
  partyActions,
  referralActions,
  type CaseParties,
  type CaseReferrals,
  type ConflictCheck,
  type LawyerEntry,
} from './referrals-api.js';
import type { StaffSession } from './staff-session.js';
import './referrals.css';

// Typed against the contracts but not imported at run time (that would bring zod into the chunk).
const ROLES: typeof CASE_PARTY_ROLES = ['adverse', 'client'];
const KINDS: typeof CASE_PARTY_KINDS = ['handle', 'name', 'url'];
const SECTIONS: typeof REFERRAL_SECTIONS = [
  'narrative',
  'posts',
  'guide',
  'attachments',
  'messages',
  'contact',
  'parties',
  'timeline',
];
/** Shared unless the consultant unticks them; the victim's contact, messages and files only when chosen. */
const DEFAULT_SECTIONS: readonly ReferralSection[] = ['narrative', 'posts', 'guide', 'parties'];
const DEFAULT_DAYS = 14;

/** A day in Japan (YYYY-MM-DD), `days` from today. */
function japanDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The parties panel and the referral panel of a case page (case workers). */
export function CaseReferrals({
  caseId,
  session,
}: {
  readonly caseId: string;
  readonly session: StaffSession;
}) {
  const { locale } = useLocale();
  const parties = useStaffApi((signal) => fetchParties(caseId, locale, signal), [caseId, locale]);
  const [current, setCurrent] = useState<CaseParties | null>(null);
  useEffect(() => {
    if (parties.state.status === 'ready') setCurrent(parties.state.data);
  }, [parties.state]);
  return (
    <>
      <PartiesPanel
        caseId={caseId}
        csrf={session.csrfToken}
        parties={current}
        failed={parties.state.status === 'error'}
        onRetry={parties.reload}
        onChange={setCurrent}
      />
      <ReferralsPanel caseId={caseId} csrf={session.csrfToken} parties={current} />
    </>
  );
}

function PartiesPanel({
  caseId,
  csrf,
  parties,
  failed,
  onRetry,
  onChange,
}: {
  readonly caseId: string;
  readonly csrf: string;
  readonly parties: CaseParties | null;
  readonly failed: boolean;
  readonly onRetry: () => void;
  readonly onChange: (parties: CaseParties) => void;
}) {
  const c = useCT();
  const r = useRT();
  const p = r.parties;
  const { locale } = useLocale();
  const [role, setRole] = useState<(typeof ROLES)[number]>('adverse');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('handle');
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const run = async (write: () => Promise<CaseParties>, done: string) => {
    setProblem(null);
    setStatus('');
    try {
      onChange(await write());
      setStatus(done);
      return true;
    } catch (error) {
      if (!handleStaffError(error)) setProblem(errorText(error, c.networkError));
      return false;
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setEmpty(true);
      document.getElementById('party-value')?.focus();
      return;
    }
    if (await run(() => partyActions.add(caseId, { role, kind, value }, csrf, locale), p.added)) setValue('');
  };

  return (
    <section aria-labelledby="case-parties" className="console-panel">
      <h2 id="case-parties">{p.title}</h2>
      <p className="small">{p.intro}</p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {failed ? <LoadError message={c.loadError} onRetry={onRetry} /> : null}
      {!parties && !failed ? <Loading /> : null}
      {parties && parties.parties.length === 0 ? <p>{p.none}</p> : null}
      {parties && parties.parties.length > 0 ? (
        <ul className="referral-parties">
          {parties.parties.map((party) => (
            <li key={party.id}>
              <span className={`console-badge referral-role-${party.role}`}>{r.roles[party.role]}</span>{' '}
              <span className="small muted">{r.kinds[party.kind]}</span>{' '}
              <strong className="referral-party-value">{party.value}</strong>{' '}
              <span className="small muted">
                （{p.normalized}: <span className="console-mono">{party.normalized}</span>）
              </span>{' '}
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={p.removeLabel(party.value)}
                onClick={() => {
                  if (window.confirm(p.removeConfirm(party.value)))
                    void run(() => partyActions.remove(caseId, party.id, csrf, locale), p.removed);
                }}
              >
                {p.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={add} noValidate aria-label={p.add}>
        <div className="console-inline-form">
          <div className="field">
            <label htmlFor="party-role">{p.role}</label>
            <select id="party-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
              {ROLES.map((x) => (
                <option key={x} value={x}>
                  {r.roles[x]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="party-kind">{p.kind}</label>
            <select id="party-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {KINDS.map((x) => (
                <option key={x} value={x}>
                  {r.kinds[x]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="party-value">{p.value}</label>
          <p className="field-help small" id="party-value-help">
            {p.valueHelp}
          </p>
          <input
            id="party-value"
            type="text"
            maxLength={500}
            value={value}
            aria-invalid={empty ? true : undefined}
            aria-describedby={`party-value-help${empty ? ' party-value-empty' : ''}`}
            onChange={(e) => {
              setEmpty(false);
              setValue(e.target.value);
            }}
          />
          {empty ? (
            <p id="party-value-empty" className="field-error">
              {p.empty}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button-secondary">
          {p.add}
        </button>
      </form>
    </section>
  );
}

function ReferralsPanel({
  caseId,
  csrf,
  parties,
}: {
  readonly caseId: string;
  readonly csrf: string;
  readonly parties: CaseParties | null;
}) {
  const c = useCT();
  const r = useRT();
  const q = r.caseReferrals;
  const { locale } = useLocale();
  const loaded = useStaffApi((signal) => fetchCaseReferrals(caseId, locale, signal), [caseId, locale]);
  const [list, setList] = useState<CaseReferrals | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (loaded.state.status === 'ready') setList(loaded.state.data);
  }, [loaded.state]);

  const withdraw = async (id: string, version: number) => {
    if (!window.confirm(q.withdrawConfirm)) return;
    setProblem(null);
    setStatus('');
    try {
      setList(await referralActions.withdraw(id, version, csrf, locale));
      setStatus(q.withdrawn);
    } catch (error) {
      if (!handleStaffError(error)) setProblem(errorText(error, c.networkError));
    }
  };

  return (
    <section aria-labelledby="case-referrals" className="console-panel">
      <h2 id="case-referrals">{q.title}</h2>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {loaded.state.status === 'error' ? <LoadError message={c.loadError} onRetry={loaded.reload} /> : null}
      {!list && loaded.state.status === 'loading' ? <Loading /> : null}
      {list && list.referrals.length === 0 ? <p>{q.none}</p> : null}
      {list && list.referrals.length > 0 ? (
        <ul className="referral-list">
          {list.referrals.map((item) => (
            <li key={item.id} className="referral-item">
              <p className="referral-item-head">
                <strong>{item.lawyer.displayName}</strong>{' '}
                <span className={`console-badge referral-status-${item.status}`}>
                  {r.statuses[item.status]}
                </span>
              </p>
              <dl className="console-dl">
                <dt>{q.sharedSections}</dt>
                <dd>{item.shares.map((s) => r.sections[s]).join('、')}</dd>
                <dt>{q.expires}</dt>
                <dd>{item.expiresOn}</dd>
                <dt>{q.sentBy}</dt>
                <dd>
                  {item.createdBy?.displayName ?? ''} {formatStaffTime(item.createdAt, locale)}
                </dd>
                {item.conflictHits > 0 ? (
                  <>
                    <dt>{r.referral.conflictsTitle}</dt>
                    <dd>
                      {q.conflictsAcknowledged(item.conflictHits, item.acknowledgedBy?.displayName ?? '')}
                      {item.lawyerAcknowledgedAt ? ` ／ ${q.lawyerAcknowledged}` : ''}
                    </dd>
                  </>
                ) : null}
                {item.declineReason ? (
                  <>
                    <dt>{q.declineReason}</dt>
                    <dd className="pre-wrap">{item.declineReason}</dd>
                  </>
                ) : null}
                {item.outcome ? (
                  <>
                    <dt>{q.outcome}</dt>
                    <dd>{r.outcomes[item.outcome]}</dd>
                  </>
                ) : null}
                {item.outcomeNote ? (
                  <>
                    <dt>{q.outcomeNote}</dt>
                    <dd className="pre-wrap">{item.outcomeNote}</dd>
                  </>
                ) : null}
              </dl>
              {item.status === 'pending' || item.status === 'accepted' ? (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => void withdraw(item.id, item.version)}
                >
                  {q.withdraw}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <NewReferral
        caseId={caseId}
        csrf={csrf}
        parties={parties}
        onSent={(next) => {
          setList(next);
          setStatus(q.sent);
        }}
      />
    </section>
  );
}

function NewReferral({
  caseId,
  csrf,
  parties,
  onSent,
}: {
  readonly caseId: string;
  readonly csrf: string;
  readonly parties: CaseParties | null;
  readonly onSent: (list: CaseReferrals) => void;
}) {
  const c = useCT();
  const r = useRT();
  const q = r.caseReferrals;
  const d = r.directory;
  const { locale } = useLocale();
  const [filters, setFilters] = useState(NO_DIRECTORY_FILTERS);
  const directory = useStaffApi(
    (signal) => fetchLawyers({ available: true, ...directoryQuery(filters) }, locale, signal),
    [filters, locale],
  );
  const [lawyerId, setLawyerId] = useState('');
  const [sections, setSections] = useState<ReadonlySet<ReferralSection>>(new Set(DEFAULT_SECTIONS));
  const [expiresOn, setExpiresOn] = useState(() => japanDay(DEFAULT_DAYS));
  const [note, setNote] = useState('');
  const [check, setCheck] = useState<{ lawyerId: string; result: ConflictCheck } | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState<'check' | 'send' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  // Closed until needed, so the case page stays short; it closes again once a referral is sent.
  const [open, setOpen] = useState(false);

  // A different lawyer or different parties need a new check (and a new acknowledgement).
  useEffect(() => {
    setCheck(null);
    setAcknowledged(false);
  }, [lawyerId, parties]);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const lawyers = directory.state.status === 'ready' ? directory.state.data.lawyers : [];
  const chosen = lawyers.find((l) => l.id === lawyerId);
  const current = check && check.lawyerId === lawyerId ? check.result : null;
  const hits = current?.hits ?? [];

  const runCheck = async () => {
    setProblem(null);
    if (!chosen) {
      setProblem(q.chooseLawyerFirst);
      return;
    }
    setBusy('check');
    try {
      const result = await referralActions.checkConflicts(caseId, chosen.id, csrf, locale);
      setCheck({ lawyerId: chosen.id, result });
      setAcknowledged(false);
    } catch (error) {
      if (!handleStaffError(error)) setProblem(errorText(error, c.networkError));
    } finally {
      setBusy(null);
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!chosen) return setProblem(q.chooseLawyerFirst);
    if (sections.size === 0) return setProblem(q.chooseSections);
    if (!current) return setProblem(q.checkFirst);
    if (hits.length > 0 && !acknowledged) {
      document.getElementById('referral-acknowledge')?.focus();
      return setProblem(q.acknowledgeRequired);
    }
    setBusy('send');
    try {
      const list = await referralActions.create(
        caseId,
        {
          lawyerId: chosen.id,
          shares: SECTIONS.filter((s) => sections.has(s)),
          expiresOn,
          ...(note.trim() ? { note } : {}),
          ...(hits.length > 0 ? { acknowledgeConflicts: true } : {}),
        },
        csrf,
        locale,
      );
      onSent(list);
      setOpen(false);
      setLawyerId('');
      setNote('');
      setCheck(null);
    } catch (error) {
      if (handleStaffError(error)) return;
      const found = conflictsOf(error);
      if (found) {
        // New matches since the check: show them and ask again.
        setCheck({ lawyerId: chosen.id, result: found });
        setAcknowledged(false);
      }
      setProblem(errorText(error, c.networkError));
    } finally {
      setBusy(null);
    }
  };

  const loadLine = (l: LawyerEntry) =>
    l.profile ? d.load(l.openReferrals, l.profile.capacity, l.pendingReferrals) : d.noProfile;

  return (
    <details className="referral-new" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{q.newTitle}</summary>
      <form onSubmit={send} noValidate aria-label={q.newTitle}>
        {problem ? (
          <p className="notice notice-error" role="alert" tabIndex={-1} ref={problemRef}>
            {problem}
          </p>
        ) : null}
        <fieldset className="referral-fieldset">
          <legend>{d.filters}</legend>
          <div className="console-filters">
            <DirectorySelects idPrefix="referral" value={filters} onChange={setFilters} />
          </div>
          <DirectoryHouterasu idPrefix="referral" value={filters} onChange={setFilters} />
        </fieldset>

        <fieldset className="referral-fieldset">
          <legend>{q.chooseLawyer}</legend>
          {directory.state.status === 'loading' ? <Loading /> : null}
          {directory.state.status === 'error' ? (
            <LoadError message={c.loadError} onRetry={directory.reload} />
          ) : null}
          {directory.state.status === 'ready' && lawyers.length === 0 ? <p>{q.noLawyers}</p> : null}
          <ul className="referral-lawyers">
            {lawyers.map((l) => {
              const full = l.profile !== null && l.openReferrals >= l.profile.capacity;
              return (
                <li key={l.id}>
                  <input
                    type="radio"
                    id={`referral-lawyer-${l.id}`}
                    name="referral-lawyer"
                    value={l.id}
                    checked={lawyerId === l.id}
                    onChange={() => setLawyerId(l.id)}
                    aria-describedby={`referral-lawyer-${l.id}-detail`}
                  />
                  <label htmlFor={`referral-lawyer-${l.id}`}>
                    <strong>{l.displayName}</strong>
                    {l.profile?.office ? ` （${l.profile.office}）` : ''}
                  </label>
                  <p className="small" id={`referral-lawyer-${l.id}-detail`}>
                    {l.profile
                      ? [
                          l.profile.specialties.map((s) => r.specialties[s]).join('・'),
                          l.profile.regions
                            .map((x) => (x === 'nationwide' ? r.nationwide : (r.prefectures[x] ?? x)))
                            .join('・'),
                          l.profile.languages.map((x) => r.languages[x]).join('・'),
                          l.profile.acceptsHouterasu ? r.houterasu : null,
                        ]
                          .filter(Boolean)
                          .join(' ／ ')
                      : d.noProfile}
                    <br />
                    {loadLine(l)}
                    {full ? ` ・ ${d.full}` : ''}
                  </p>
                </li>
              );
            })}
          </ul>
        </fieldset>

        <fieldset className="referral-fieldset">
          <legend>{q.sections}</legend>
          <p className="field-help small">{q.sectionsHelp}</p>
          <CheckList
            idPrefix="referral-section"
            items={SECTIONS}
            selected={sections}
            nameOf={(s) => r.sections[s]}
            onChange={setSections}
          />
        </fieldset>

        <div className="field">
          <label htmlFor="referral-expires">{q.expiresOn}</label>
          <p className="field-help small" id="referral-expires-help">
            {q.expiresHelp}
          </p>
          <input
            id="referral-expires"
            type="date"
            value={expiresOn}
            min={japanDay()}
            aria-describedby="referral-expires-help"
            onChange={(e) => setExpiresOn(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="referral-note">{q.note}</label>
          <p className="field-help small" id="referral-note-help">
            {q.noteHelp}
          </p>
          <textarea
            id="referral-note"
            rows={3}
            maxLength={4000}
            value={note}
            aria-describedby="referral-note-help"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>

        <div className="referral-check" aria-live="polite">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void runCheck()}
            aria-busy={busy === 'check'}
          >
            {busy === 'check' ? q.checking : q.check}
          </button>
          {current && hits.length === 0 ? (
            <p className="notice notice-done">{q.noHits(current.searched)}</p>
          ) : null}
          {current && hits.length > 0 ? (
            <div className="notice notice-hint referral-hits-box">
              <h4>{q.hitsTitle(hits.length)}</h4>
              <ConflictHitsTable hits={hits} />
              <div className="checkbox-field">
                <input
                  id="referral-acknowledge"
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.target.checked)}
                />
                <label htmlFor="referral-acknowledge">{q.acknowledge}</label>
              </div>
            </div>
          ) : null}
        </div>
        <button type="submit" className="button button-primary" aria-busy={busy === 'send'}>
          {busy === 'send' ? q.sending : q.send}
        </button>
      </form>
    </details>
  );
}
