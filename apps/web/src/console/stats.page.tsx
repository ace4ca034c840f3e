import { categoryLabel } from '@mimamoru/core';
import { useState, type FormEvent } from 'react';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { useApi } from '../lib/use-api.js';
import { handleStaffError, useConsoleTitle, useCT } from './console-app.js';
import { fetchStats, statsCsvUrl, type Stats, type StatsPeriod } from './stats-api.js';
import { BarChart, ChartBlock, ColumnChart, StackedBar, type ChartItem, type Tone } from './stats-charts.js';
import type { StaffSession } from './staff-session.js';
import './stats.css';

/** /console/stats (admins: every team; consultants: their team): charts of SQL aggregates, CSV export. */
export function StatsPage({ session: _session }: { readonly session: StaffSession }) {
  const c = useCT();
  const u = c.stats;
  useConsoleTitle(u.title);
  const { locale } = useLocale();
  const [period, setPeriod] = useState<StatsPeriod>({});
  const [draft, setDraft] = useState({ from: '', to: '' });
  const { state, reload } = useApi(
    (signal) =>
      fetchStats(period, locale, signal).then(
        (stats) => {
          // The server fills in the default period: show it in the form.
          setDraft((d) => (d.from || d.to ? d : { from: stats.period.from, to: stats.period.to }));
          return stats;
        },
        (error: unknown) => {
          handleStaffError(error);
          throw error;
        },
      ),
    [locale, period.from, period.to],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  };

  return (
    <>
      <h1 tabIndex={-1}>{u.title}</h1>
      <p className="stats-intro">{u.intro}</p>
      <form className="console-filters stats-period" aria-label={u.period} onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="stats-from">{u.from}</label>
          <input
            id="stats-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="stats-to">{u.to}</label>
          <input
            id="stats-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {u.apply}
        </button>
        <a
          className="button button-quiet"
          href={statsCsvUrl(period, locale)}
          download
          aria-describedby="stats-csv-help"
        >
          {u.csv}
        </a>
      </form>
      <p id="stats-csv-help" className="stats-note">
        {u.csvHelp}
      </p>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? (
        <LoadError
          message={
            state.httpStatus === 403 ? c.forbidden : state.httpStatus === 400 ? u.badPeriod : c.loadError
          }
          onRetry={reload}
        />
      ) : null}
      {state.status === 'ready' ? <StatsView stats={state.data} /> : null}
    </>
  );
}

function StatsView({ stats }: { readonly stats: Stats }) {
  const c = useCT();
  const u = c.stats;
  const t = useT();
  const { locale } = useLocale();
  const count = (value: number) => u.count(value);
  const item = (key: string, label: string, value: number): ChartItem => ({
    key,
    label,
    value,
    text: count(value),
  });
  const f = stats.firstResponse;
  const { outcomes } = stats;

  const weeks = stats.perWeek.map((week) => ({
    ...item(week.weekStart, u.weekName(week.weekStart), week.count),
    axis: u.weekAxis(week.weekStart),
  }));
  const platforms = stats.byPlatform.map((row) =>
    item(row.platform, t.guide.platformOptions[row.platform], row.count),
  );
  const categories = stats.byCategory.map((row) =>
    item(row.category, categoryLabel(row.category, locale), row.count),
  );
  const channels = stats.byChannel.map((row) => item(row.channel, u.channelNames[row.channel], row.count));
  const slaParts: (ChartItem & { tone: Tone })[] = [
    { ...item('met', u.slaStates.met, f.met), tone: 'accent' },
    { ...item('missed', u.slaStates.missed, f.missed), tone: 'missed' },
    { ...item('pending', u.slaStates.pending, f.pending), tone: 'pending' },
    { ...item('ended', u.slaStates.ended, f.endedWithoutReply), tone: 'muted' },
  ];
  const reached = outcomes.stagesReached.map((row) => item(row.stage, u.reachedNames[row.stage], row.count));
  const resolvedFrom = outcomes.resolvedFrom.map((row) =>
    item(row.stage, u.resolvedFromNames[row.stage], row.count),
  );
  const takedown = outcomes.posts.takedown.map((row) =>
    item(row.state, u.takedownStates[row.state], row.count),
  );
  const disclosure = outcomes.posts.disclosure.map((row) =>
    item(row.state, u.disclosureStates[row.state], row.count),
  );
  const current = outcomes.currentStages.map((row) => item(row.stage, c.stages[row.stage], row.count));
  const duration = (ms: number | null) => (ms === null ? u.noData : u.duration(ms));
  const decided = f.met + f.missed;

  return (
    <div className="stats-view">
      <p className="stats-scope">
        <strong>{u.periodShown(stats.period.from, stats.period.to)}</strong>{' '}
        {stats.scope.teamId === null ? u.scopeAll : u.scopeTeam}
      </p>

      <section aria-labelledby="stats-summary">
        <h2 id="stats-summary">{u.summary}</h2>
        <dl className="stats-cards">
          <div>
            <dt>{u.received}</dt>
            <dd>
              <span className="stats-figure">{count(stats.received)}</span>
              <span className="stats-sub">{u.withdrawnOf(stats.withdrawn)}</span>
            </dd>
          </div>
          <div>
            <dt>{u.median}</dt>
            <dd>
              <span className="stats-figure">{duration(f.medianMs)}</span>
              <span className="stats-sub">{u.answered(f.answered)}</span>
            </dd>
          </div>
          <div>
            <dt>{u.p90}</dt>
            <dd>
              <span className="stats-figure">{duration(f.p90Ms)}</span>
              <span className="stats-sub">{u.answered(f.answered)}</span>
            </dd>
          </div>
          <div>
            <dt>{u.metPercent}</dt>
            <dd>
              <span className="stats-figure">
                {f.metPercent === null ? u.noData : u.percent(f.metPercent)}
              </span>
              <span className="stats-sub">{u.metOf(f.met, decided)}</span>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="stats-volume">
        <h2 id="stats-volume">{u.volume}</h2>
        {stats.received === 0 ? <p>{u.empty}</p> : null}
        <ChartBlock title={u.perWeek} columns={[u.weekCol, u.countCol]} items={weeks}>
          <ColumnChart title={u.perWeek} items={weeks} />
        </ChartBlock>
        <div className="stats-grid">
          <ChartBlock
            title={u.platforms}
            note={u.platformsNote}
            columns={[u.platformCol, u.countCol]}
            items={platforms}
          >
            <BarChart title={u.platforms} items={platforms} />
          </ChartBlock>
          <ChartBlock
            title={u.categories}
            note={u.categoriesNote(stats.withoutCategory)}
            columns={[u.categoryCol, u.countCol]}
            items={categories}
          >
            <BarChart title={u.categories} items={categories} />
          </ChartBlock>
          <ChartBlock title={u.channels} columns={[u.channelCol, u.countCol]} items={channels}>
            <BarChart title={u.channels} items={channels} />
          </ChartBlock>
        </div>
      </section>

      <section aria-labelledby="stats-first-response">
        <h2 id="stats-first-response">{u.firstResponse}</h2>
        <p className="stats-note">{u.firstResponseNote(f.targetHours)}</p>
        <ChartBlock title={u.sla} columns={[u.slaCol, u.countCol]} items={slaParts}>
          <StackedBar title={u.sla} parts={slaParts} />
        </ChartBlock>
      </section>

      <section aria-labelledby="stats-outcomes">
        <h2 id="stats-outcomes">{u.outcomes}</h2>
        <p className="stats-note">{u.outcomesNote}</p>
        <div className="stats-grid">
          <ChartBlock
            title={u.reached}
            note={u.reachedNote}
            columns={[u.stageCol, u.countCol]}
            items={reached}
          >
            <BarChart title={u.reached} items={reached} />
          </ChartBlock>
          <ChartBlock
            title={u.resolvedFrom}
            note={u.resolvedFromNote}
            columns={[u.stageCol, u.countCol]}
            items={resolvedFrom}
          >
            <BarChart title={u.resolvedFrom} items={resolvedFrom} />
          </ChartBlock>
          <ChartBlock
            title={`${u.posts}: ${u.takedown}`}
            note={u.postsNote(outcomes.posts.total)}
            columns={[u.stateCol, u.countCol]}
            items={takedown}
          >
            <BarChart title={`${u.posts}: ${u.takedown}`} items={takedown} />
          </ChartBlock>
          <ChartBlock
            title={`${u.posts}: ${u.disclosure}`}
            note={u.postsNote(outcomes.posts.total)}
            columns={[u.stateCol, u.countCol]}
            items={disclosure}
          >
            <BarChart title={`${u.posts}: ${u.disclosure}`} items={disclosure} />
          </ChartBlock>
          <ChartBlock title={u.current} columns={[u.stageCol, u.countCol]} items={current}>
            <BarChart title={u.current} items={current} tone="muted" />
          </ChartBlock>
        </div>
      </section>
    </div>
  );
}
