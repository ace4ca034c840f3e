import { useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { useApi } from '../lib/use-api.js';
import type { StaffCase } from './cases-api.js';
import { useCT } from './console-app.js';
import { fetchTeams, moveCaseTeam } from './teams-api.js';

/** Admins: move the case to another team (its consultants then see it). */
export function CaseTeam({
  data,
  act,
  csrf,
}: {
  readonly data: StaffCase;
  readonly act: (write: () => Promise<StaffCase>, done?: string) => Promise<boolean>;
  readonly csrf: string;
}) {
  const c = useCT();
  const p = c.casePage;
  const { locale } = useLocale();
  const { state } = useApi((signal) => fetchTeams(locale, signal), [locale]);
  const [target, setTarget] = useState('');
  if (state.status !== 'ready' || state.data.teams.length < 2) return null;
  const others = state.data.teams.filter((team) => team.id !== data.team.id);
  const chosen = others.find((team) => team.id === target);

  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      document.getElementById('case-team')?.focus();
      return;
    }
    const done = p.moveTeamDone(chosen.name);
    if (
      await act(() => moveCaseTeam(data.id, { teamId: chosen.id, version: data.version }, csrf, locale), done)
    )
      setTarget('');
  };

  return (
    <section aria-labelledby="case-team-title" className="console-panel">
      <h2 id="case-team-title">{p.moveTeam}</h2>
      <p className="small">
        {p.team}: <strong>{data.team.name}</strong>
      </p>
      <form className="console-inline-form" onSubmit={move}>
        <div className="field">
          <label htmlFor="case-team">{p.moveTeamTo}</label>
          <p className="field-help small" id="case-team-help">
            {p.moveTeamHelp}
          </p>
          <select
            id="case-team"
            value={chosen?.id ?? ''}
            aria-describedby="case-team-help"
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{p.choose}</option>
            {others.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {p.moveTeam}
        </button>
      </form>
    </section>
  );
}
