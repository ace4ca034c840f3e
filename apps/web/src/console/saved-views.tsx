import { useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { Link } from '../lib/router.js';
import { useStaffApi } from './staff-resource.js';
import type { QueueFilters } from './cases-api.js';
import { handleStaffError, useCT } from './console-app.js';
import { searchOf, viewLink, viewQueryOf } from './queue-query.js';
import { createView, deleteView, fetchViews, type SavedView } from './settings-api.js';
import type { StaffSession } from './staff-session.js';
import './console-settings.css';

/** The queue's saved views: links that apply their filters, and a form to save the current ones. */
export function SavedViews({
  filters,
  session,
}: {
  readonly filters: QueueFilters;
  readonly session: StaffSession;
}) {
  const c = useCT();
  const v = c.views;
  const { locale } = useLocale();
  const { state, reload } = useStaffApi((signal) => fetchViews(locale, signal), [locale]);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [nameMissing, setNameMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = `/console${searchOf({ ...filters, page: 1 })}`;

  const fail = (e: unknown) => {
    if (handleStaffError(e)) return;
    setError(e instanceof ApiRequestError && e.body ? e.body.message : c.networkError);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setNameMissing(true);
      document.getElementById('view-name')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const view = await createView(
        { name: trimmed, query: viewQueryOf(filters), shared },
        session.csrfToken,
        locale,
      );
      setStatus(v.saved(view.name));
      setName('');
      setShared(false);
      reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (view: SavedView) => {
    if (!window.confirm(v.deleteConfirm(view.name))) return;
    setError(null);
    try {
      await deleteView(view.id, session.csrfToken, locale);
      setStatus(v.deleted(view.name));
      reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section className="console-views" aria-labelledby="views-title">
      <h2 id="views-title" className="console-views-title">
        {v.title}
      </h2>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        state.data.views.length === 0 ? (
          <p className="small muted">{v.none}</p>
        ) : (
          <ul className="console-chips">
            {state.data.views.map((view) => {
              const link = viewLink(view.query);
              return (
                <li key={view.id} className="console-chip">
                  <Link to={link} aria-current={link === current ? 'true' : undefined}>
                    {view.name}
                  </Link>
                  {view.shared ? (
                    <span className="small muted">
                      {view.owner.id === session.account.id ? v.shared : v.by(view.owner.displayName)}
                    </span>
                  ) : null}
                  {view.deletable ? (
                    <button
                      type="button"
                      className="console-chip-remove"
                      aria-label={v.deleteLabel(view.name)}
                      onClick={() => void remove(view)}
                    >
                      ×
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      <details className="console-views-save">
        <summary>{v.saveTitle}</summary>
        <form className="console-inline-form" onSubmit={save} noValidate>
          <div className="field">
            <label htmlFor="view-name">{v.nameLabel}</label>
            <input
              id="view-name"
              type="text"
              maxLength={80}
              autoComplete="off"
              value={name}
              aria-invalid={nameMissing ? true : undefined}
              aria-describedby={nameMissing ? 'view-name-error' : undefined}
              onChange={(e) => {
                setNameMissing(false);
                setName(e.target.value);
              }}
            />
            {nameMissing ? (
              <p id="view-name-error" className="field-error">
                {v.nameMissing}
              </p>
            ) : null}
          </div>
          <div className="checkbox-field">
            <input
              id="view-shared"
              type="checkbox"
              checked={shared}
              onChange={(e) => setShared(e.target.checked)}
            />
            <label htmlFor="view-shared">{v.share}</label>
          </div>
          <button type="submit" className="button button-secondary" aria-busy={busy}>
            {v.save}
          </button>
        </form>
      </details>
    </section>
  );
}
