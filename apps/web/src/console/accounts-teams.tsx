import type { StaffRole } from '@mimamoru/contracts';
import { useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { handleStaffError, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';
import type { StaffAccountSummary } from './staff-api.js';
import { createTeam, setAccountTeam, type Team } from './teams-api.js';

const messageOf = (error: unknown, fallback: string) =>
  error instanceof ApiRequestError && error.body ? error.body.message : fallback;

/** The team cell of an account row: a select and a button (consultants need a team; lawyers have none). */
export function AccountTeamCell({
  account,
  teams,
  csrf,
  onChanged,
  onError,
}: {
  readonly account: StaffAccountSummary;
  readonly teams: readonly Team[];
  readonly csrf: string;
  readonly onChanged: (text: string) => void;
  readonly onError: (text: string) => void;
}) {
  const c = useCT();
  const a = c.accounts;
  const { locale } = useLocale();
  const [choice, setChoice] = useState(account.teamId ?? '');
  const [busy, setBusy] = useState(false);
  const nameOf = (id: string | null) => teams.find((team) => team.id === id)?.name ?? a.noTeam;
  if (account.role === 'lawyer' || account.disabledAt) return <>{nameOf(account.teamId)}</>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || choice === (account.teamId ?? '')) return;
    setBusy(true);
    try {
      await setAccountTeam(account.id, choice === '' ? null : choice, csrf, locale);
      onChanged(a.teamChanged(account.displayName, nameOf(choice === '' ? null : choice)));
    } catch (error) {
      if (!handleStaffError(error)) onError(messageOf(error, c.networkError));
    } finally {
      setBusy(false);
    }
  };

  const selectId = `account-team-${account.id}`;
  return (
    <form className="console-team-cell" onSubmit={save}>
      <label htmlFor={selectId} className="visually-hidden">
        {a.teamLabel(account.displayName)}
      </label>
      <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {account.role === 'admin' ? <option value="">{a.noTeam}</option> : null}
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button-secondary button-small"
        aria-label={a.teamSaveLabel(account.displayName)}
        aria-busy={busy}
        disabled={choice === (account.teamId ?? '')}
      >
        {a.teamSave}
      </button>
    </form>
  );
}

/** The team a new account joins: consultants one of the teams (default first), admins optionally. */
export function NewAccountTeam({
  role,
  teams,
  value,
  onChange,
}: {
  readonly role: StaffRole;
  readonly teams: readonly Team[];
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const c = useCT();
  const a = c.accounts;
  if (role === 'lawyer' || teams.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor="new-team">{a.team}</label>
      <select id="new-team" value={value} onChange={(e) => onChange(e.target.value)}>
        {role === 'admin' ? <option value="">{a.noTeam}</option> : null}
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Admins: the list of teams and a form to add one. */
export function TeamsPanel({
  teams,
  csrf,
  onCreated,
}: {
  readonly teams: readonly Team[];
  readonly csrf: string;
  readonly onCreated: (text: string) => void;
}) {
  const c = useCT();
  const a = c.accounts;
  const { locale } = useLocale();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError(a.teamNameMissing);
      document.getElementById('new-team-name')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { team } = await createTeam(name.trim(), csrf, locale);
      setName('');
      onCreated(a.teamCreated(team.name));
    } catch (caught) {
      if (!handleStaffError(caught)) setError(messageOf(caught, c.networkError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="teams-title" className="console-panel">
      <h2 id="teams-title">{a.teamsTitle}</h2>
      <p className="field-help">{a.teamsIntro}</p>
      <p className="field-help">{a.teamHelp}</p>
      <ul className="console-plain-list" aria-label={a.teamsCaption}>
        {teams.map((team) => (
          <li key={team.id}>
            <strong>{team.name}</strong>{' '}
            <span className="small muted">
              <span className="console-mono">{team.id}</span> · {formatStaffTime(team.createdAt, locale)}
            </span>
          </li>
        ))}
      </ul>
      <form method="post" noValidate onSubmit={submit} className="console-inline-form">
        <div className="field">
          <label htmlFor="new-team-name">{a.teamName}</label>
          <input
            id="new-team-name"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'new-team-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary" aria-busy={busy}>
          {a.teamCreate}
        </button>
      </form>
      {error ? (
        <p id="new-team-error" className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
