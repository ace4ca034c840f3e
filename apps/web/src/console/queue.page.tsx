import {
  isSearchableQuery,
  PLATFORMS,
  PRIORITY_LEVELS,
  SEARCH_QUERY_MAX,
  WORKFLOW_STAGES,
  type Platform,
  type PriorityLevel,
} from '@mimamoru/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useLocale, useT } from '../i18n/locale-context.js';
import { useApi } from '../lib/use-api.js';
import { ConsoleTable, StaffLoadState, useStaffApi } from './staff-resource.js';
import { Link, navigate, useLocationSearch } from '../lib/router.js';
import { fetchQueue, QUEUE_PAGE_SIZE, type CaseQueuePage, type QueueFilters } from './cases-api.js';
import { useConsoleTitle, useCT } from './console-app.js';
import { fetchTeams } from './teams-api.js';
import { filtersFromSearch, searchOf } from './queue-query.js';
import { SavedViews } from './saved-views.js';
import type { StaffSession } from './staff-session.js';

type Item = CaseQueuePage['cases'][number];
const STAGE_FILTERS = ['open', 'all', ...WORKFLOW_STAGES.filter((s) => s !== 'withdrawn')] as const;

/** Choices of the deadline filter, in days. */
const DEADLINE_WINDOWS = [7, 14, 30, 90] as const;

/** The standard windows, plus the one a link or saved view asks for. */
const deadlineChoices = (current: number | undefined): number[] =>
  [...new Set([...DEADLINE_WINDOWS, ...(current !== undefined ? [current] : [])])].sort((a, b) => a - b);

/** Filters survive going to a case and back (same tab); the URL's query string wins when it has one. */
let lastFilters: QueueFilters = { stage: 'open', page: 1 };

/** Priority as a word and a colour, never colour alone. */
export function PriorityBadge({ level }: { readonly level: PriorityLevel }) {
  const c = useCT();
  return <span className={`console-badge console-priority-${level}`}>{c.priorities[level]}</span>;
}

/** /console: the queue, most urgent first (the server orders it). */
export function QueuePage({ session }: { readonly session: StaffSession }) {
  const c = useCT();
  const q = c.queue;
  const t = useT();
  useConsoleTitle(q.title);
  const { locale } = useLocale();
  // The query string is the state, so a filtered queue (and a saved view) is a link.
  const search = useLocationSearch();
  const filters = useMemo(() => filtersFromSearch(search) ?? lastFilters, [search]);
  const filtersKey = searchOf(filters);
  const [draft, setDraft] = useState(filters);
  const [searchInvalid, setSearchInvalid] = useState(false);
  useEffect(() => {
    lastFilters = filters;
    setDraft(filters);
    if (window.location.search !== filtersKey) navigate(`/console${filtersKey}`, { replace: true });
    // filtersKey names the filters' content; the object itself changes on every URL read.
  }, [filtersKey]);
  const setFilters = (next: QueueFilters) => navigate(`/console${searchOf(next)}`);
  const { state, reload } = useStaffApi(
    (signal) => fetchQueue(filters, locale, signal),
    [locale, filtersKey],
  );
  // Admins see every team's cases and may narrow to one; a consultant's queue is their team's.
  const isAdmin = session.account.role === 'admin';
  const { state: teams } = useApi(
    (signal) => (isAdmin ? fetchTeams(locale, signal) : Promise.resolve({ teams: [] })),
    [locale, isAdmin],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.q?.trim();
    // The server says the same (search-too-short); saying it here spares a round trip.
    if (text && !isSearchableQuery(text)) {
      setSearchInvalid(true);
      document.getElementById('queue-q')?.focus();
      return;
    }
    setSearchInvalid(false);
    setFilters({ ...draft, q: text ? text : undefined, page: 1 });
  };
  const goTo = (page: number) => {
    setFilters({ ...filters, page });
    document.getElementById('queue-results')?.focus();
  };

  const now = Date.now();
  const sla = (item: Item) => {
    const status = item.sla.status;
    const text =
      status === 'met' || status === 'paused'
        ? c.slaStatus[status]
        : `${c.slaStatus[status]} · ${q.remaining(item.sla.remainingMs)}`;
    return <span className={`console-sla console-sla-${status}`}>{text}</span>;
  };

  return (
    <>
      <h1 tabIndex={-1}>{q.title}</h1>
      {session.account.role !== 'lawyer' ? (
        <p className="console-button-row">
          <Link to="/console/cases/new" className="button button-secondary">
            {q.newCase}
          </Link>
        </p>
      ) : null}
      <form className="console-filters" role="search" aria-label={q.filters} onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="queue-stage">{q.stage}</label>
          <select
            id="queue-stage"
            value={draft.stage}
            onChange={(e) => setDraft({ ...draft, stage: e.target.value as QueueFilters['stage'] })}
          >
            {STAGE_FILTERS.map((stage) => (
              <option key={stage} value={stage}>
                {stage === 'open' ? q.stageOpen : stage === 'all' ? q.stageAll : c.stages[stage]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-platform">{q.platform}</label>
          <select
            id="queue-platform"
            value={draft.platform ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, platform: (e.target.value || undefined) as Platform | undefined })
            }
          >
            <option value="">{q.any}</option>
            {PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {t.guide.platformOptions[platform]}
              </option>
            ))}
          </select>
        </div>
        {isAdmin && teams.status === 'ready' && teams.data.teams.length > 1 ? (
          <div className="field">
            <label htmlFor="queue-team">{q.teamFilter}</label>
            <select
              id="queue-team"
              value={draft.team ?? ''}
              onChange={(e) => {
                const { team: _team, ...rest } = draft;
                setDraft(e.target.value ? { ...rest, team: e.target.value } : rest);
              }}
            >
              <option value="">{q.any}</option>
              {teams.data.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="queue-assignee">{q.assignee}</label>
          <select
            id="queue-assignee"
            value={draft.assignee ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, assignee: (e.target.value || undefined) as QueueFilters['assignee'] })
            }
          >
            <option value="">{q.any}</option>
            <option value="me">{q.assigneeMe}</option>
            <option value="none">{q.assigneeNone}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-priority">{q.priority}</label>
          <select
            id="queue-priority"
            value={draft.priority ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, priority: (e.target.value || undefined) as PriorityLevel | undefined })
            }
          >
            <option value="">{q.any}</option>
            {PRIORITY_LEVELS.map((level) => (
              <option key={level} value={level}>
                {c.priorities[level]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-deadline">{q.deadlineWithin}</label>
          <select
            id="queue-deadline"
            value={draft.deadlineWithinDays ?? ''}
            onChange={(e) => {
              const { deadlineWithinDays: _days, ...rest } = draft;
              setDraft(e.target.value ? { ...rest, deadlineWithinDays: Number(e.target.value) } : rest);
            }}
          >
            <option value="">{q.any}</option>
            {deadlineChoices(draft.deadlineWithinDays).map((days) => (
              <option key={days} value={days}>
                {q.deadlineDays(days)}
              </option>
            ))}
          </select>
        </div>
        <div className="field console-search-field">
          <label htmlFor="queue-q">{q.search}</label>
          <p className="field-help" id="queue-q-help">
            {q.searchHelp}
          </p>
          {searchInvalid ? (
            <p className="field-error" id="queue-q-error">
              {q.searchTooShort}
            </p>
          ) : null}
          <input
            id="queue-q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={SEARCH_QUERY_MAX}
            aria-describedby={searchInvalid ? 'queue-q-help queue-q-error' : 'queue-q-help'}
            aria-invalid={searchInvalid ? true : undefined}
            value={draft.q ?? ''}
            onChange={(e) => {
              setDraft({ ...draft, q: e.target.value });
              if (searchInvalid && isSearchableQuery(e.target.value.trim())) setSearchInvalid(false);
            }}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {q.apply}
        </button>
      </form>
      <SavedViews filters={filters} session={session} />
      <div id="queue-results" tabIndex={-1}>
        <StaffLoadState state={state} onRetry={reload} />
        {state.status === 'ready' ? (
          <>
            <p className="console-count" role="status">
              {q.count(
                state.data.total,
                (state.data.page - 1) * state.data.pageSize + 1,
                (state.data.page - 1) * state.data.pageSize + state.data.cases.length,
              )}
            </p>
            {state.data.cases.length === 0 ? (
              <p>{q.empty}</p>
            ) : (
              <ConsoleTable caption={q.caption} className="console-queue">
                <thead>
                  <tr>
                    <th scope="col">{q.priority}</th>
                    <th scope="col">{q.number}</th>
                    <th scope="col">{q.stage}</th>
                    <th scope="col">{q.channel}</th>
                    <th scope="col">{q.team}</th>
                    <th scope="col">{q.platform}</th>
                    <th scope="col">{q.assignee}</th>
                    <th scope="col">{q.age}</th>
                    <th scope="col">{q.sla}</th>
                    <th scope="col">{q.nextDeadline}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.cases.map((item) => (
                    <tr key={item.id} className={`console-row-${item.priorityLevel}`}>
                      <td>
                        <PriorityBadge level={item.priorityLevel} />
                      </td>
                      <th scope="row">
                        <Link to={`/console/cases/${item.id}`} className="console-mono console-case-link">
                          {item.caseNumber}
                        </Link>
                      </th>
                      <td className="console-nowrap">{c.stages[item.stage]}</td>
                      <td className="console-nowrap">{c.intakeChannels[item.channel]}</td>
                      <td className="console-nowrap">{item.team.name}</td>
                      <td>{item.platforms.map((p) => t.guide.platformOptions[p]).join('、') || q.none}</td>
                      <td>
                        {item.assignee ? (
                          item.assignee.displayName
                        ) : (
                          <span className="muted console-nowrap">{q.unassigned}</span>
                        )}
                      </td>
                      <td className="console-nowrap">{q.ageText(now - Date.parse(item.createdAt))}</td>
                      <td>{sla(item)}</td>
                      <td>
                        {item.nextDeadline ? (
                          <>
                            <span className="console-nowrap">{item.nextDeadline.date}</span>{' '}
                            <span className="small muted">
                              {c.deadlines[item.nextDeadline.id as keyof typeof c.deadlines] ??
                                item.nextDeadline.id}
                            </span>
                          </>
                        ) : (
                          <span className="muted">{q.none}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ConsoleTable>
            )}
            {state.data.total > QUEUE_PAGE_SIZE ? (
              <nav className="console-pager" aria-label={q.pager}>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={filters.page <= 1}
                  onClick={() => goTo(filters.page - 1)}
                >
                  {q.prev}
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={state.data.page * state.data.pageSize >= state.data.total}
                  onClick={() => goTo(filters.page + 1)}
                >
                  {q.next}
                </button>
              </nav>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
