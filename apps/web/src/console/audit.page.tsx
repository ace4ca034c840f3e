import { useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ConsoleTable, StaffLoadState, useStaffApi } from './staff-resource.js';
import { useConsoleTitle, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';
import { auditQuery, fetchAudit, type AuditFilters, type AuditPage as AuditPageData } from './staff-api.js';
import type { StaffSession } from './staff-session.js';

type Entry = AuditPageData['entries'][number];

/** /console/audit (admin): the append-only audit log, filtered, paged, exportable as CSV. */
export function AuditPage({ session: _session }: { readonly session: StaffSession }) {
  const c = useCT();
  const u = c.audit;
  useConsoleTitle(u.title);
  const { locale } = useLocale();
  const [draft, setDraft] = useState({ actor: '', action: '', from: '', to: '' });
  const [filters, setFilters] = useState<AuditFilters>({ page: 1 });
  const { state, reload } = useStaffApi((signal) => fetchAudit(filters, locale, signal), [locale, filters]);
  const page = filters.page ?? 1;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft, page: 1 });
  };
  const goTo = (next: number) => {
    setFilters({ ...filters, page: next });
    document.getElementById('audit-results')?.focus();
  };
  const actorText = (entry: Entry) =>
    entry.actorType === 'system'
      ? u.system
      : entry.actorType === 'victim'
        ? `${u.victim}${entry.actorId ? ` ${entry.actorId}` : ''}`
        : (entry.actorId ?? '');
  const { page: _page, ...csvFilters } = filters;

  return (
    <>
      <h1 tabIndex={-1}>{u.title}</h1>
      <form className="console-filters" role="search" aria-label={u.filters} onSubmit={onSubmit}>
        {(['actor', 'action', 'from', 'to'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`audit-${key}`}>{u[key]}</label>
            <input
              id={`audit-${key}`}
              type={key === 'from' || key === 'to' ? 'date' : 'text'}
              value={draft[key]}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </div>
        ))}
        <button type="submit" className="button button-secondary">
          {u.apply}
        </button>
        <a className="button button-quiet" href={`/api/staff/audit.csv${auditQuery(csvFilters)}`} download>
          {u.csv}
        </a>
      </form>
      <div id="audit-results" tabIndex={-1}>
        <StaffLoadState state={state} onRetry={reload} />
        {state.status === 'ready' && state.data.entries.length === 0 ? <p>{u.empty}</p> : null}
        {state.status === 'ready' && state.data.entries.length > 0 ? (
          <ConsoleTable caption={u.caption}>
            <thead>
              <tr>
                <th scope="col">{u.at}</th>
                <th scope="col">{u.actorCol}</th>
                <th scope="col">{u.actionCol}</th>
                <th scope="col">{u.target}</th>
                <th scope="col">{u.detail}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="console-nowrap">{formatStaffTime(entry.at, locale)}</td>
                  <td className="console-mono">{actorText(entry)}</td>
                  <td className="console-mono">{entry.action}</td>
                  <td className="console-mono">
                    {[entry.targetType, entry.targetId].filter(Boolean).join(' ')}
                  </td>
                  <td className="console-mono console-detail">
                    {entry.detail ? JSON.stringify(entry.detail) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </ConsoleTable>
        ) : null}
      </div>
      {state.status === 'ready' ? (
        <nav className="console-pager" aria-label={u.page(page)}>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={page <= 1}
            onClick={() => goTo(page - 1)}
          >
            {u.prev}
          </button>
          <span>{u.page(page)}</span>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={!state.data.hasMore}
            onClick={() => goTo(page + 1)}
          >
            {u.next}
          </button>
        </nav>
      ) : null}
    </>
  );
}
