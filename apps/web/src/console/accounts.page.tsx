import type { STAFF_ROLES, StaffRole } from '@mimamoru/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CopyField } from '../components/copy-field.js';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { ActionFeedback, ConsoleTable, StaffLoadState, useStaffApi } from './staff-resource.js';
import { AccountTeamCell, NewAccountTeam, TeamsPanel } from './accounts-teams.js';
import { handleStaffError, useConsoleTitle, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';
import {
  createAccount,
  disableAccount,
  fetchAccounts,
  type StaffAccountCreated,
  type StaffAccountSummary,
} from './staff-api.js';
import type { StaffSession } from './staff-session.js';
import { fetchTeams, type Team } from './teams-api.js';

// Typed against the contract but not imported at run time (that would bring zod into the chunk).
const ROLES: typeof STAFF_ROLES = ['admin', 'consultant', 'lawyer'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** /console/accounts (admin): list, create (shows the setup link once), disable. */
export function AccountsPage({ session }: { readonly session: StaffSession }) {
  const c = useCT();
  const a = c.accounts;
  useConsoleTitle(a.title);
  const { locale } = useLocale();
  const { state, reload } = useStaffApi((signal) => fetchAccounts(locale, signal), [locale]);
  const [created, setCreated] = useState<StaffAccountCreated | null>(null);
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const { state: teamsState, reload: reloadTeams } = useApi(
    (signal) => fetchTeams(locale, signal).catch(() => ({ teams: [] })),
    [locale],
  );
  const teams: readonly Team[] = teamsState.status === 'ready' ? teamsState.data.teams : [];

  const onDisable = async (account: StaffAccountSummary) => {
    if (!window.confirm(a.disableConfirm(account.displayName))) return;
    setActionError(null);
    try {
      await disableAccount(account.id, session.csrfToken, locale);
      setStatus(a.disabled(account.displayName));
      reload();
    } catch (error) {
      if (handleStaffError(error)) return;
      setActionError(error instanceof ApiRequestError && error.body ? error.body.message : c.networkError);
    }
  };

  const stateOf = (account: StaffAccountSummary) =>
    account.disabledAt
      ? a.stateDisabled
      : account.lockedUntil && Date.parse(account.lockedUntil) > Date.now()
        ? a.stateLocked
        : account.enrolled
          ? a.stateActive
          : a.statePending;

  return (
    <>
      <h1 tabIndex={-1}>{a.title}</h1>
      <ActionFeedback status={status} error={actionError} />
      <StaffLoadState state={state} onRetry={reload} />
      {state.status === 'ready' ? (
        <ConsoleTable caption={a.listCaption}>
          <thead>
            <tr>
              <th scope="col">{a.name}</th>
              <th scope="col">{a.email}</th>
              <th scope="col">{a.role}</th>
              <th scope="col">{a.team}</th>
              <th scope="col">{a.state}</th>
              <th scope="col">{a.createdAt}</th>
              <th scope="col">{a.actions}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.accounts.map((account) => (
              <tr key={account.id} className={account.disabledAt ? 'console-row-muted' : undefined}>
                <th scope="row">{account.displayName}</th>
                <td>{account.email}</td>
                <td>{c.roles[account.role]}</td>
                <td>
                  <AccountTeamCell
                    account={account}
                    teams={teams}
                    csrf={session.csrfToken}
                    onChanged={(text) => {
                      setActionError(null);
                      setStatus(text);
                      reload();
                    }}
                    onError={setActionError}
                  />
                </td>
                <td>{stateOf(account)}</td>
                <td>{formatStaffTime(account.createdAt, locale)}</td>
                <td>
                  {account.disabledAt || account.id === session.account.id ? null : (
                    <button
                      type="button"
                      className="button button-danger button-small"
                      aria-label={a.disableLabel(account.displayName)}
                      onClick={() => void onDisable(account)}
                    >
                      {a.disable}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ConsoleTable>
      ) : null}
      <CreateAccount
        csrf={session.csrfToken}
        teams={teams}
        onCreated={(result) => {
          setCreated(result);
          reload();
        }}
      />
      {created ? <CreatedLink created={created} /> : null}
      <TeamsPanel
        teams={teams}
        csrf={session.csrfToken}
        onCreated={(text) => {
          setStatus(text);
          reloadTeams();
        }}
      />
    </>
  );
}

function CreatedLink({ created }: { readonly created: StaffAccountCreated }) {
  const c = useCT();
  const { locale } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [created]);
  return (
    <div className="notice notice-done console-created" tabIndex={-1} ref={ref} role="status">
      <p>{c.accounts.created(created.account.email)}</p>
      <CopyField label={c.accounts.setupLink} value={created.setupUrl} id="created-setup-url" wrap />
      <p className="small">{c.accounts.expires(formatStaffTime(created.expiresAt, locale))}</p>
    </div>
  );
}

function CreateAccount({
  csrf,
  teams,
  onCreated,
}: {
  readonly csrf: string;
  readonly teams: readonly Team[];
  readonly onCreated: (created: StaffAccountCreated) => void;
}) {
  const c = useCT();
  const a = c.accounts;
  const { locale } = useLocale();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('consultant');
  // '' = the server's choice: the default team for a consultant, none for an admin.
  const [team, setTeam] = useState('');
  const [error, setError] = useState<{ field?: 'email' | 'name'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!EMAIL.test(email.trim())) {
      setError({ field: 'email', text: a.emailInvalid });
      document.getElementById('new-email')?.focus();
      return;
    }
    if (!name.trim()) {
      setError({ field: 'name', text: a.nameMissing });
      document.getElementById('new-name')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createAccount(
        {
          email: email.trim(),
          role,
          displayName: name.trim(),
          ...(team && role !== 'lawyer' ? { teamId: team } : {}),
        },
        csrf,
        locale,
      );
      setEmail('');
      setName('');
      onCreated(created);
    } catch (caught) {
      if (handleStaffError(caught)) return;
      setError({
        text: caught instanceof ApiRequestError && caught.body ? caught.body.message : c.networkError,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-title" className="console-panel">
      <h2 id="create-title">{a.createTitle}</h2>
      <p className="field-help">{a.createIntro}</p>
      <form method="post" noValidate onSubmit={onSubmit} className="console-inline-form">
        <div className="field">
          <label htmlFor="new-email">{a.email}</label>
          <input
            id="new-email"
            type="email"
            autoComplete="off"
            value={email}
            aria-invalid={error?.field === 'email' ? true : undefined}
            aria-describedby={error ? 'create-error' : undefined}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-name">{a.name}</label>
          <input
            id="new-name"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={name}
            aria-invalid={error?.field === 'name' ? true : undefined}
            aria-describedby={error ? 'create-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-role">{a.role}</label>
          <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {c.roles[value]}
              </option>
            ))}
          </select>
        </div>
        <NewAccountTeam
          role={role}
          teams={teams}
          value={team || (role === 'consultant' ? (teams[0]?.id ?? '') : '')}
          onChange={setTeam}
        />
        <button type="submit" className="button button-primary" aria-busy={busy}>
          {busy ? a.creating : a.create}
        </button>
      </form>
      {error ? (
        <p id="create-error" className="notice notice-error" role="alert">
          {error.text}
        </p>
      ) : null}
    </section>
  );
}
