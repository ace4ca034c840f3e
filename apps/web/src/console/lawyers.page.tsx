import type { LawyerLanguage, LawyerSpecialty } from '@mimamoru/contracts';
import { useState, type FormEvent } from 'react';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { StaffLoadState, useStaffApi } from './staff-resource.js';
import { handleStaffError, useConsoleTitle, useCT } from './console-app.js';
import {
  CheckList,
  directoryQuery,
  DirectoryHouterasu,
  DirectorySelects,
  LANGUAGES,
  NO_DIRECTORY_FILTERS,
  PREFECTURES,
  SPECIALTIES,
} from './lawyer-fields.js';
import { useRT } from './referral-i18n.js';
import type { ReferralMessages } from './referral-messages.js';
import { fetchLawyers, saveLawyerProfile, type LawyerEntry } from './referrals-api.js';
import type { StaffSession } from './staff-session.js';
import './referrals.css';

const REGIONS = ['nationwide', ...PREFECTURES];

function regionName(r: ReferralMessages, code: string): string {
  return code === 'nationwide' ? r.nationwide : (r.prefectures[code] ?? code);
}

/**
 * /console/lawyers: the directory (case workers), every profile editable by an admin; for a lawyer,
 * their own profile.
 */
export function LawyersPage({ session }: { readonly session: StaffSession }) {
  const c = useCT();
  const r = useRT();
  const d = r.directory;
  const { locale } = useLocale();
  const isLawyer = session.account.role === 'lawyer';
  useConsoleTitle(isLawyer ? r.profile.title : d.title);
  const [filters, setFilters] = useState(NO_DIRECTORY_FILTERS);
  const [applied, setApplied] = useState(filters);
  const { state, reload } = useStaffApi(
    (signal) => fetchLawyers(directoryQuery(applied), locale, signal),
    [applied, locale],
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<LawyerEntry | null>(null);
  const [notice, setNotice] = useState('');
  const savedNotice = (
    <>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {notice ? <p className="notice notice-done">{notice}</p> : null}
    </>
  );

  if (isLawyer) {
    // After a save the form stays, with the new version for the next save.
    const own = saved ?? (state.status === 'ready' ? state.data.lawyers[0] : undefined);
    return (
      <>
        <h1 tabIndex={-1}>{r.profile.title}</h1>
        <p>{r.profile.intro}</p>
        {savedNotice}
        {!own && state.status === 'loading' ? <Loading /> : null}
        {state.status === 'error' ? <LoadError message={c.loadError} onRetry={reload} /> : null}
        {own ? (
          <ProfileForm
            lawyer={own}
            csrf={session.csrfToken}
            onSaved={(entry) => {
              setSaved(entry);
              setNotice(r.profile.saved);
            }}
          />
        ) : null}
      </>
    );
  }

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(filters);
  };

  return (
    <>
      <h1 tabIndex={-1}>{d.title}</h1>
      <p>{d.intro}</p>
      {savedNotice}
      <form className="console-panel" onSubmit={apply} aria-labelledby="lawyers-filters">
        <h2 id="lawyers-filters" className="visually-hidden">
          {d.filters}
        </h2>
        <div className="console-filters">
          <DirectorySelects idPrefix="lawyers" value={filters} onChange={setFilters} />
          <button type="submit" className="button button-secondary">
            {d.apply}
          </button>
        </div>
        <DirectoryHouterasu idPrefix="lawyers" value={filters} onChange={setFilters} />
      </form>
      <StaffLoadState state={state} onRetry={reload} />
      {state.status === 'ready' && state.data.lawyers.length === 0 ? <p>{d.none}</p> : null}
      {state.status === 'ready' ? (
        <ul className="referral-directory">
          {state.data.lawyers.map((lawyer) => (
            <li key={lawyer.id} className="console-panel">
              <h2 className="referral-lawyer-name">{lawyer.displayName}</h2>
              <LawyerSummary lawyer={lawyer} />
              {session.account.role === 'admin' ? (
                editing === lawyer.id ? (
                  <>
                    <ProfileForm
                      lawyer={lawyer}
                      csrf={session.csrfToken}
                      onSaved={() => {
                        setEditing(null);
                        setNotice(r.profile.saved);
                        reload();
                      }}
                    />
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      onClick={() => setEditing(null)}
                    >
                      {d.close}
                    </button>
                  </>
                ) : (
                  <p className="console-button-row">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => {
                        setNotice('');
                        setEditing(lawyer.id);
                      }}
                    >
                      {d.edit(lawyer.displayName)}
                    </button>
                  </p>
                )
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function LawyerSummary({ lawyer }: { readonly lawyer: LawyerEntry }) {
  const r = useRT();
  const d = r.directory;
  const p = lawyer.profile;
  if (!p) return <p className="muted">{d.noProfile}</p>;
  return (
    <dl className="console-dl">
      {p.office ? (
        <>
          <dt>{d.office}</dt>
          <dd>{p.office}</dd>
        </>
      ) : null}
      <dt>{d.specialty}</dt>
      <dd>{p.specialties.map((s) => r.specialties[s]).join('・') || '—'}</dd>
      <dt>{d.region}</dt>
      <dd>{p.regions.map((x) => regionName(r, x)).join('・') || '—'}</dd>
      <dt>{d.language}</dt>
      <dd>{p.languages.map((x) => r.languages[x]).join('・') || '—'}</dd>
      <dt>{r.houterasu}</dt>
      <dd>{p.acceptsHouterasu ? d.houterasuYes : d.houterasuNo}</dd>
      <dt>{d.loadLabel}</dt>
      <dd>
        {d.load(lawyer.openReferrals, p.capacity, lawyer.pendingReferrals)}
        {p.available ? '' : ` ・ ${d.unavailable}`}
      </dd>
    </dl>
  );
}

/** Edits one profile (admin: any lawyer; a lawyer: their own). */
function ProfileForm({
  lawyer,
  csrf,
  onSaved,
}: {
  readonly lawyer: LawyerEntry;
  readonly csrf: string;
  readonly onSaved: (entry: LawyerEntry) => void;
}) {
  const c = useCT();
  const r = useRT();
  const p = r.profile;
  const { locale } = useLocale();
  const current = lawyer.profile;
  const [office, setOffice] = useState(current?.office ?? '');
  const [specialties, setSpecialties] = useState<ReadonlySet<LawyerSpecialty>>(
    new Set(current?.specialties ?? []),
  );
  const [regions, setRegions] = useState<ReadonlySet<string>>(new Set(current?.regions ?? []));
  const [languages, setLanguages] = useState<ReadonlySet<LawyerLanguage>>(
    new Set(current?.languages ?? ['ja']),
  );
  const [capacity, setCapacity] = useState(String(current?.capacity ?? 3));
  const [houterasu, setHouterasu] = useState(current?.acceptsHouterasu ?? false);
  const [available, setAvailable] = useState(current?.available ?? true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [capacityInvalid, setCapacityInvalid] = useState(false);
  const prefix = `profile-${lawyer.id}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const count = Number(capacity);
    if (!/^\d{1,3}$/.test(capacity.trim()) || count > 100) {
      setCapacityInvalid(true);
      document.getElementById(`${prefix}-capacity`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const entry = await saveLawyerProfile(
        lawyer.id,
        {
          office,
          specialties: SPECIALTIES.filter((s) => specialties.has(s)),
          regions: ['nationwide', ...PREFECTURES].filter((x) => regions.has(x)),
          languages: LANGUAGES.filter((x) => languages.has(x)),
          capacity: count,
          acceptsHouterasu: houterasu,
          available,
          ...(current ? { version: current.version } : {}),
        },
        csrf,
        locale,
      );
      onSaved(entry);
    } catch (error) {
      if (!handleStaffError(error))
        setProblem(error instanceof ApiRequestError && error.body ? error.body.message : c.networkError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate className="referral-profile" aria-label={p.title}>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${prefix}-office`}>{p.office}</label>
        <input
          id={`${prefix}-office`}
          type="text"
          maxLength={200}
          value={office}
          onChange={(e) => setOffice(e.target.value)}
        />
      </div>
      <fieldset className="referral-fieldset">
        <legend>{p.specialties}</legend>
        <CheckList
          idPrefix={`${prefix}-specialty`}
          items={SPECIALTIES}
          selected={specialties}
          nameOf={(s) => r.specialties[s]}
          onChange={setSpecialties}
        />
      </fieldset>
      <fieldset className="referral-fieldset">
        <legend>{p.regions}</legend>
        <p className="field-help small">{p.regionsHelp}</p>
        <CheckList
          idPrefix={`${prefix}-region`}
          items={REGIONS}
          selected={regions}
          nameOf={(code) => regionName(r, code)}
          onChange={setRegions}
          className="referral-checks referral-checks-dense"
        />
      </fieldset>
      <fieldset className="referral-fieldset">
        <legend>{p.languages}</legend>
        <CheckList
          idPrefix={`${prefix}-language`}
          items={LANGUAGES}
          selected={languages}
          nameOf={(x) => r.languages[x]}
          onChange={setLanguages}
        />
      </fieldset>
      <div className="field">
        <label htmlFor={`${prefix}-capacity`}>{p.capacity}</label>
        <p className="field-help small" id={`${prefix}-capacity-help`}>
          {p.capacityHelp}
        </p>
        <input
          id={`${prefix}-capacity`}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={capacity}
          aria-invalid={capacityInvalid ? true : undefined}
          aria-describedby={`${prefix}-capacity-help${capacityInvalid ? ` ${prefix}-capacity-error` : ''}`}
          onChange={(e) => {
            setCapacityInvalid(false);
            setCapacity(e.target.value);
          }}
        />
        {capacityInvalid ? (
          <p id={`${prefix}-capacity-error`} className="field-error">
            {p.capacityInvalid}
          </p>
        ) : null}
      </div>
      <div className="checkbox-field">
        <input
          id={`${prefix}-houterasu`}
          type="checkbox"
          checked={houterasu}
          onChange={(e) => setHouterasu(e.target.checked)}
        />
        <label htmlFor={`${prefix}-houterasu`}>{p.houterasu}</label>
      </div>
      <div className="checkbox-field">
        <input
          id={`${prefix}-available`}
          type="checkbox"
          checked={available}
          onChange={(e) => setAvailable(e.target.checked)}
        />
        <label htmlFor={`${prefix}-available`}>{p.available}</label>
      </div>
      <button type="submit" className="button button-primary" aria-busy={busy}>
        {busy ? p.saving : p.save}
      </button>
    </form>
  );
}
