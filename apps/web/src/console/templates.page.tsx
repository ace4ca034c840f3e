import { LOCALES, REPLY_TEMPLATE_PLACEHOLDERS, type Locale } from '@mimamoru/core';
import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { ActionFeedback, ConsoleTable, StaffLoadState, useStaffApi } from './staff-resource.js';
import { handleStaffError, useConsoleTitle, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';
import {
  archiveTemplate,
  createTemplate,
  fetchTemplates,
  updateTemplate,
  type ReplyTemplate,
} from './settings-api.js';
import type { StaffSession } from './staff-session.js';
import './console-settings.css';

/** /console/templates (admin): the reply templates, their placeholders, create, edit, archive. */
export function TemplatesPage({ session }: { readonly session: StaffSession }) {
  const c = useCT();
  const p = c.templates;
  useConsoleTitle(p.title);
  const { locale } = useLocale();
  const { state, reload } = useStaffApi(
    (signal) => fetchTemplates({ archived: true }, locale, signal),
    [locale],
  );
  const [editing, setEditing] = useState<ReplyTemplate | null>(null);
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  const failed = (error: unknown) => {
    if (handleStaffError(error)) return;
    setActionError(error instanceof ApiRequestError && error.body ? error.body.message : c.networkError);
  };

  const onArchive = async (template: ReplyTemplate) => {
    if (!window.confirm(p.archiveConfirm(template.title))) return;
    setActionError(null);
    try {
      await archiveTemplate(template.id, template.version, session.csrfToken, locale);
      setStatus(p.archivedDone(template.title));
      if (editing?.id === template.id) setEditing(null);
      reload();
    } catch (error) {
      failed(error);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{p.title}</h1>
      <p>{p.intro}</p>
      <section className="console-panel" aria-labelledby="templates-placeholders">
        <h2 id="templates-placeholders">{p.placeholdersTitle}</h2>
        <p>{p.placeholdersIntro}</p>
        <dl className="console-dl">
          {REPLY_TEMPLATE_PLACEHOLDERS.map((name) => (
            <Fragment key={name}>
              <dt className="console-mono">{`{{${name}}}`}</dt>
              <dd>{p.placeholders[name]}</dd>
            </Fragment>
          ))}
        </dl>
        <p className="small">{p.noPersonalData}</p>
      </section>
      <ActionFeedback status={status} error={actionError} />
      <StaffLoadState state={state} onRetry={reload} />
      {state.status === 'ready' ? (
        <ConsoleTable caption={p.caption}>
          <thead>
            <tr>
              <th scope="col">{p.titleLabel}</th>
              <th scope="col">{p.language}</th>
              <th scope="col">{p.state}</th>
              <th scope="col">{p.updatedAt}</th>
              <th scope="col">{p.actions}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.templates.map((template) => (
              <tr key={template.id} className={template.archivedAt ? 'console-row-muted' : undefined}>
                <th scope="row">
                  {template.title}
                  <details>
                    <summary className="small">{p.preview}</summary>
                    <p className="pre-wrap console-template-body" lang={template.locale}>
                      {template.body}
                    </p>
                  </details>
                </th>
                <td>{p.languages[template.locale]}</td>
                <td>
                  {template.archivedAt ? p.archived : p.active}
                  {template.createdBy ? null : <span className="small muted"> · {p.shipped}</span>}
                </td>
                <td className="console-nowrap">{formatStaffTime(template.updatedAt, locale)}</td>
                <td>
                  {template.archivedAt ? null : (
                    <div className="console-button-row">
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={p.editLabel(template.title)}
                        onClick={() => {
                          setActionError(null);
                          setEditing(template);
                        }}
                      >
                        {p.edit}
                      </button>
                      <button
                        type="button"
                        className="button button-danger button-small"
                        aria-label={p.archiveLabel(template.title)}
                        onClick={() => void onArchive(template)}
                      >
                        {p.archive}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ConsoleTable>
      ) : null}
      <TemplateForm
        key={editing?.id ?? 'new'}
        editing={editing}
        csrf={session.csrfToken}
        onDone={(message) => {
          setStatus(message);
          setEditing(null);
          reload();
        }}
        onCancel={() => setEditing(null)}
      />
    </>
  );
}

function TemplateForm({
  editing,
  csrf,
  onDone,
  onCancel,
}: {
  readonly editing: ReplyTemplate | null;
  readonly csrf: string;
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
}) {
  const c = useCT();
  const p = c.templates;
  const { locale } = useLocale();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [language, setLanguage] = useState<Locale>(editing?.locale ?? 'ja');
  const [body, setBody] = useState(editing?.body ?? '');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening a template for editing moves focus to its form.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!title.trim() || !body.trim()) {
      setMissing(true);
      document.getElementById(title.trim() ? 'template-body' : 'template-title')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const input = { title: title.trim(), locale: language, body: body.trim() };
    try {
      const saved = editing
        ? await updateTemplate(editing.id, { ...input, version: editing.version }, csrf, locale)
        : await createTemplate(input, csrf, locale);
      if (!editing) {
        setTitle('');
        setBody('');
      }
      onDone(editing ? p.updated(saved.title) : p.created(saved.title));
    } catch (e) {
      if (!handleStaffError(e))
        setError(e instanceof ApiRequestError && e.body ? e.body.message : c.networkError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="console-panel" aria-labelledby="template-form-title">
      <h2 id="template-form-title" tabIndex={-1} ref={heading}>
        {editing ? p.editTitle(editing.title) : p.createTitle}
      </h2>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {missing ? (
        <p className="field-error" id="template-missing">
          {p.missing}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="template-title">{p.titleLabel}</label>
          <input
            id="template-title"
            type="text"
            maxLength={120}
            autoComplete="off"
            value={title}
            aria-invalid={missing && !title.trim() ? true : undefined}
            aria-describedby={missing ? 'template-missing' : undefined}
            onChange={(e) => {
              setMissing(false);
              setTitle(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="template-language">{p.language}</label>
          <select
            id="template-language"
            value={language}
            onChange={(e) => setLanguage(e.target.value as Locale)}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {p.languages[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="template-body">{p.bodyLabel}</label>
          <textarea
            id="template-body"
            rows={12}
            maxLength={10_000}
            lang={language}
            value={body}
            aria-invalid={missing && !body.trim() ? true : undefined}
            aria-describedby={missing ? 'template-missing' : undefined}
            onChange={(e) => {
              setMissing(false);
              setBody(e.target.value);
            }}
          />
        </div>
        <div className="console-button-row">
          <button type="submit" className="button button-primary" aria-busy={busy}>
            {busy ? p.saving : p.save}
          </button>
          {editing ? (
            <button type="button" className="button button-quiet" onClick={onCancel}>
              {p.cancel}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
