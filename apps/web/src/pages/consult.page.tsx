import {
  ATTACHMENT_LIMITS,
  CONTACT_CHANNELS,
  GOALS,
  PLATFORMS,
  PRIVACY_POLICY_VERSION,
  todayInTokyo,
  type Locale,
} from '@mimamoru/core';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { ChoiceList, fieldErrors, PlatformChoices, toggleIn } from '../components/consult-fields.js';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.js';
import {
  clearConsultDraft,
  loadConsultDraft,
  saveConsultDraft,
  type ConsultDraft,
} from '../intake/consult-draft.js';
import { SubmittedView, type Submitted } from '../intake/submitted-view.js';
import type { Messages } from '../i18n/ja.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { ApiRequestError, type ApiFieldIssue } from '../lib/api.js';
import { checkFile, formatBytes, type FileProblem } from '../lib/file-check.js';
import { submitConsultation, type ConsultationRequest } from '../lib/intake-api.js';
import { usePageTitle } from '../lib/page-title.js';

/** Where a problem is shown: a field of the form (`postUrls.3` is the 4th URL row) or `general`. */
type ErrorKey =
  | 'narrative'
  | 'platforms'
  | 'postUrls'
  | `postUrls.${number}`
  | 'happenedAt'
  | 'goals'
  | 'name'
  | 'channel'
  | 'email'
  | 'phone'
  | 'notes'
  | 'files'
  | 'consent'
  | 'general';
type Errors = Partial<Record<ErrorKey, string>>;

const MAX_URLS = 100;
const ORDER: readonly (keyof Messages['consult']['errors']['fieldNames'])[] = [
  'narrative',
  'platforms',
  'postUrls',
  'happenedAt',
  'goals',
  'name',
  'channel',
  'email',
  'phone',
  'notes',
  'files',
  'consent',
  'general',
];

const urlId = (row: number) => `consult-url-${row}`;

/** The control an error key points at (for the summary's links and aria-describedby). */
function fieldIdOf(key: ErrorKey): string | null {
  if (key.startsWith('postUrls.')) return urlId(Number(key.slice('postUrls.'.length)));
  switch (key) {
    case 'narrative':
      return 'consult-narrative';
    case 'platforms':
      return `consult-platform-${PLATFORMS[0]}`;
    case 'postUrls':
      return urlId(0);
    case 'happenedAt':
      return 'consult-happened';
    case 'goals':
      return `consult-goal-${GOALS[0]}`;
    case 'name':
      return 'consult-name';
    case 'channel':
      return `consult-channel-${CONTACT_CHANNELS[0]}`;
    case 'email':
      return 'consult-email';
    case 'phone':
      return 'consult-phone';
    case 'notes':
      return 'consult-notes';
    case 'files':
      return 'consult-files';
    case 'consent':
      return 'consult-consent';
    default:
      return null;
  }
}

const errorId = (key: ErrorKey) => `consult-error-${key.replace('.', '-')}`;

/** An http(s) address the server will accept (its contract uses URL parsing too). */
export function isPostUrl(value: string): boolean {
  const text = value.trim();
  if (text.length > 2048) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;
// The same shape as the contract's phone rule.
const PHONE_SHAPE = /^\+?[0-9０-９][0-9０-９\-‐－ ()（）]{8,19}$/;

/** One field's problem as the person can fix it here, or undefined. */
function checkField(key: ErrorKey, draft: ConsultDraft, t: Messages, today: string): string | undefined {
  const e = t.consult.errors;
  if (key.startsWith('postUrls.')) {
    const value = draft.postUrls[Number(key.slice('postUrls.'.length))] ?? '';
    return value.trim() === '' || isPostUrl(value) ? undefined : e.urlInvalid;
  }
  switch (key) {
    case 'narrative':
      return draft.narrative.trim() === '' ? e.narrativeRequired : undefined;
    case 'happenedAt':
      return draft.happenedAt && draft.happenedAt > today ? e.dateFuture : undefined;
    case 'email': {
      const email = draft.email.trim();
      if (email === '') {
        if (draft.channel === 'email') return e.emailRequired;
        return draft.emailAccessKey ? e.emailForKey : undefined;
      }
      return EMAIL_SHAPE.test(email) ? undefined : e.emailInvalid;
    }
    case 'phone': {
      if (draft.channel !== 'phone') return undefined;
      const phone = draft.phone.trim();
      if (phone === '') return e.phoneRequired;
      return PHONE_SHAPE.test(phone) ? undefined : e.phoneInvalid;
    }
    case 'consent':
      return draft.consent ? undefined : e.consentRequired;
    default:
      return undefined;
  }
}

function validate(draft: ConsultDraft, t: Messages, today: string): Errors {
  const errors: Errors = {};
  const keys: ErrorKey[] = [
    'narrative',
    ...draft.postUrls.map((_, i) => `postUrls.${i}` as const),
    'happenedAt',
    'email',
    'phone',
    'consent',
  ];
  for (const key of keys) {
    const message = checkField(key, draft, t, today);
    if (message) errors[key] = message;
  }
  return errors;
}

/** Maps a server issue path ("contact.email", "postUrls.2") to the field it belongs to. */
function keyOfIssue(path: string, sentRows: readonly number[]): ErrorKey {
  const [head, second] = path.split('.');
  switch (head) {
    case 'narrative':
    case 'name':
    case 'happenedAt':
    case 'platforms':
    case 'goals':
      return head;
    case 'postUrls': {
      const row = second !== undefined ? sentRows[Number(second)] : undefined;
      return row !== undefined ? `postUrls.${row}` : 'postUrls';
    }
    case 'contact':
      return second === 'email' || second === 'phone' || second === 'notes' ? second : 'channel';
    case 'consent':
      return 'consent';
    case 'emailAccessKey':
      return 'email';
    default:
      return 'general';
  }
}

function fromIssues(issues: readonly ApiFieldIssue[], sentRows: readonly number[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const key = keyOfIssue(issue.path, sentRows);
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The request body: trimmed values, empty optional fields left out, empty URL rows dropped. */
function toRequest(draft: ConsultDraft, locale: Locale): { body: ConsultationRequest; sentRows: number[] } {
  const sentRows: number[] = [];
  const postUrls: string[] = [];
  draft.postUrls.forEach((url, row) => {
    if (url.trim() === '') return;
    sentRows.push(row);
    postUrls.push(url.trim());
  });
  const name = draft.name.trim();
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  const notes = draft.notes.trim();
  const body: ConsultationRequest = {
    ...(name ? { name } : {}),
    narrative: draft.narrative.trim(),
    platforms: [...draft.platforms],
    postUrls,
    ...(draft.happenedAt ? { happenedAt: draft.happenedAt } : {}),
    goals: [...draft.goals],
    // The Guide's answers are the contract's TriageAnswers, only typed readonly on the web side.
    ...(draft.triage ? { triage: draft.triage as NonNullable<ConsultationRequest['triage']> } : {}),
    contact: {
      channel: draft.channel,
      ...(email ? { email } : {}),
      ...(draft.channel === 'phone' && phone ? { phone } : {}),
      ...(notes ? { notes } : {}),
    },
    consent: { privacyPolicyVersion: PRIVACY_POLICY_VERSION, accepted: true },
    ...(draft.emailAccessKey ? { emailAccessKey: true } : {}),
    locale,
  };
  return { body, sentRows };
}

interface ChosenFile {
  readonly id: number;
  readonly file: File;
}

/** The consultation form (/consult), then the case number and key, shown once. */
export function ConsultPage() {
  const t = useT();
  usePageTitle(t.consult.pageTitle);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!submitted) return;
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [submitted]);

  if (submitted) return <SubmittedView submitted={submitted} headingRef={heading} />;
  return <ConsultForm onSubmitted={setSubmitted} />;
}

function ConsultForm({ onSubmitted }: { readonly onSubmitted: (submitted: Submitted) => void }) {
  const t = useT();
  const c = t.consult;
  const { locale } = useLocale();
  const today = todayInTokyo(new Date());
  const [draft, setDraft] = useState<ConsultDraft>(loadConsultDraft);
  const [fromGuide] = useState(() => draft.triage !== undefined);
  const [errors, setErrors] = useState<Errors>({});
  const [summaryShown, setSummaryShown] = useState(false);
  const [files, setFiles] = useState<readonly ChosenFile[]>([]);
  const [fileNotes, setFileNotes] = useState<readonly string[]>([]);
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const nextFileId = useRef(1);
  const focusSummary = useRef(false);

  useEffect(() => saveConsultDraft(draft), [draft]);

  useEffect(() => {
    if (!focusSummary.current) return;
    focusSummary.current = false;
    summary.current?.focus({ preventScroll: true });
    summary.current?.scrollIntoView({ block: 'start', behavior: 'instant' });
  });

  /** Updates the draft; a field that shows a problem is checked again as the person fixes it. */
  const update = (patch: Partial<ConsultDraft>, recheck: readonly ErrorKey[] = []) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (recheck.some((key) => errors[key])) {
      setErrors((current) => {
        const updated = { ...current };
        for (const key of recheck) {
          if (!current[key]) continue;
          const message = checkField(key, next, t, today);
          if (message) updated[key] = message;
          else delete updated[key];
        }
        return updated;
      });
    }
  };

  /** Inline check of URL rows (when leaving a row, or adding one). */
  const checkUrlRows = (rows: readonly number[], urls: readonly string[] = draft.postUrls) => {
    setErrors((current) => {
      const updated = { ...current };
      for (const row of rows) {
        const key = `postUrls.${row}` as const;
        const message = checkField(key, { ...draft, postUrls: urls }, t, today);
        if (message) updated[key] = message;
        else delete updated[key];
      }
      return updated;
    });
  };

  /**
   * Leaving a URL row checks it, but never between the press and the release of a button: the message
   * would push the button away from under the finger. A button that takes focus checks the rows itself
   * (or the submit does); where buttons take no focus (Safari), the check waits a moment.
   */
  const onUrlBlur = (row: number, next: EventTarget | null) => {
    if (next instanceof HTMLButtonElement) return;
    if (next === null) window.setTimeout(() => checkUrlRows([row]), 250);
    else checkUrlRows([row]);
  };

  const setUrl = (row: number, value: string) =>
    update({ postUrls: draft.postUrls.map((u, i) => (i === row ? value : u)) }, [`postUrls.${row}`]);

  const addUrl = () => {
    if (draft.postUrls.length >= MAX_URLS) return;
    const row = draft.postUrls.length;
    setDraft({ ...draft, postUrls: [...draft.postUrls, ''] });
    checkUrlRows(draft.postUrls.map((_, i) => i));
    window.setTimeout(() => document.getElementById(urlId(row))?.focus(), 0);
  };

  const removeUrl = (row: number) => {
    const postUrls = draft.postUrls.filter((_, i) => i !== row);
    setDraft({ ...draft, postUrls: postUrls.length > 0 ? postUrls : [''] });
    // Errors of later rows move up with their rows.
    setErrors((current) => {
      const updated: Errors = {};
      for (const [key, message] of Object.entries(current) as [ErrorKey, string][]) {
        if (!key.startsWith('postUrls.')) updated[key] = message;
        else {
          const i = Number(key.slice('postUrls.'.length));
          if (i < row) updated[key] = message;
          else if (i > row) updated[`postUrls.${i - 1}`] = message;
        }
      }
      return updated;
    });
    const focusRow = Math.min(row, postUrls.length - 1);
    window.setTimeout(
      () => document.getElementById(focusRow >= 0 ? urlId(focusRow) : 'consult-url-add')?.focus(),
      0,
    );
  };

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const picked = [...(input.files ?? [])];
    input.value = '';
    if (picked.length === 0) return;
    const accepted: ChosenFile[] = [];
    const notes: string[] = [];
    let count = files.length;
    for (const file of picked) {
      const problem: FileProblem | null =
        count >= ATTACHMENT_LIMITS.maxFiles ? 'too-many' : await checkFile(file);
      if (problem) notes.push(c.files.rejected(file.name, c.files.problems[problem]));
      else {
        accepted.push({ id: nextFileId.current++, file });
        count += 1;
      }
    }
    setFiles((current) => [...current, ...accepted]);
    setFileNotes(accepted.length > 0 ? [c.files.added(accepted.length), ...notes] : notes);
    setErrors((current) => {
      if (!current.files) return current;
      const updated = { ...current };
      delete updated.files;
      return updated;
    });
  };

  const removeFile = (id: number) => {
    const index = files.findIndex((f) => f.id === id);
    const rest = files.filter((f) => f.id !== id);
    setFiles(rest);
    setFileNotes([]);
    const next = rest[Math.min(index, rest.length - 1)];
    window.setTimeout(
      () => document.getElementById(next ? `consult-file-remove-${next.id}` : 'consult-files')?.focus(),
      0,
    );
  };

  const showErrors = (found: Errors) => {
    setErrors(found);
    setSummaryShown(true);
    focusSummary.current = true;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = validate(draft, t, today);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    const { body, sentRows } = toRequest(draft, locale);
    setSending(true);
    try {
      const created = await submitConsultation(
        body,
        files.map((f) => f.file),
        locale,
      );
      clearConsultDraft();
      onSubmitted({
        caseNumber: created.caseNumber,
        accessKey: created.accessKey,
        emailed: body.emailAccessKey === true,
      });
    } catch (error) {
      setSending(false);
      if (error instanceof ApiRequestError && error.body) {
        const { body: problem } = error;
        if (problem.issues && problem.issues.length > 0) showErrors(fromIssues(problem.issues, sentRows));
        else if (problem.code.startsWith('intake.') && problem.code !== 'intake.consultation_missing')
          showErrors({ files: problem.message });
        else showErrors({ general: problem.message });
      } else if (error instanceof ApiRequestError && error.status === 0) {
        showErrors({ general: c.errors.network });
      } else {
        showErrors({ general: c.errors.general });
      }
    }
  };

  const summaryItems: SummaryItem[] = [];
  for (const base of ORDER) {
    if (base === 'postUrls') {
      if (errors.postUrls) summaryItems.push({ fieldId: urlId(0), message: errors.postUrls });
      draft.postUrls.forEach((_, row) => {
        const message = errors[`postUrls.${row}`];
        if (message)
          summaryItems.push({
            fieldId: urlId(row),
            message: c.errors.summaryItem(c.urls.label(row + 1), message),
          });
      });
      continue;
    }
    const message = errors[base];
    if (message)
      summaryItems.push({
        fieldId: fieldIdOf(base),
        message: base === 'general' ? message : c.errors.summaryItem(c.errors.fieldNames[base], message),
      });
  }

  const { describedBy, invalid, errorText } = fieldErrors(errors, errorId);

  const emailRequired = draft.channel === 'email' || draft.emailAccessKey;

  return (
    <div className="consult">
      <h1 tabIndex={-1}>{c.pageTitle}</h1>
      <p className="lead-small">{c.intro}</p>
      {fromGuide ? <p className="notice notice-hint">{c.fromGuide}</p> : null}

      {summaryShown && summaryItems.length > 0 ? (
        <ErrorSummary
          ref={summary}
          title={c.errors.summaryTitle(summaryItems.length)}
          intro={c.errors.summaryIntro}
          items={summaryItems}
        />
      ) : null}

      {/* method="post": should the form ever submit without script, nothing goes into the URL. */}
      <form className="consult-form" method="post" noValidate onSubmit={onSubmit} aria-busy={sending}>
        <Section>
          <h2>
            <label htmlFor="consult-narrative">{c.narrative.label}</label>
          </h2>
          <p className="field-help" id="consult-narrative-help">
            {c.narrative.help}
          </p>
          <ul className="prompt-list" id="consult-narrative-prompts">
            {c.narrative.prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
          <textarea
            id="consult-narrative"
            name="narrative"
            rows={8}
            maxLength={20_000}
            required
            aria-required="true"
            value={draft.narrative}
            onChange={(e) => update({ narrative: e.target.value }, ['narrative'])}
            aria-invalid={invalid('narrative')}
            aria-describedby={describedBy('narrative', 'consult-narrative-help', 'consult-narrative-prompts')}
          />
          {errorText('narrative')}
        </Section>

        <fieldset
          className="form-section"
          aria-describedby={describedBy('platforms', 'consult-platforms-help')}
        >
          <legend>
            <h2>{c.platforms.title}</h2>
          </legend>
          <p className="field-help" id="consult-platforms-help">
            {c.platforms.help}
          </p>
          {errorText('platforms')}
          <PlatformChoices
            idPrefix="consult-platform"
            value={draft.platforms}
            onChange={(platforms) => update({ platforms })}
          />
        </fieldset>

        <fieldset className="form-section" aria-describedby="consult-urls-help">
          <legend>
            <h2>{c.urls.title}</h2>
          </legend>
          <p className="field-help" id="consult-urls-help">
            {c.urls.help}
          </p>
          {errorText('postUrls')}
          <ol className="url-rows">
            {draft.postUrls.map((url, row) => {
              const key = `postUrls.${row}` as const;
              return (
                <li key={row} className="url-row">
                  <label htmlFor={urlId(row)}>{c.urls.label(row + 1)}</label>
                  <div className="url-row-inputs">
                    <input
                      id={urlId(row)}
                      name="postUrls"
                      type="url"
                      inputMode="url"
                      autoComplete="off"
                      autoCapitalize="off"
                      spellCheck={false}
                      placeholder="https://"
                      value={url}
                      maxLength={2048}
                      onChange={(e) => setUrl(row, e.target.value)}
                      onBlur={(e) => onUrlBlur(row, e.relatedTarget)}
                      aria-invalid={invalid(key)}
                      aria-describedby={describedBy(key)}
                    />
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => removeUrl(row)}
                      aria-label={c.urls.remove(row + 1)}
                      hidden={draft.postUrls.length === 1 && url === ''}
                    >
                      {c.urls.removeShort}
                    </button>
                  </div>
                  {errorText(key)}
                </li>
              );
            })}
          </ol>
          {draft.postUrls.length < MAX_URLS ? (
            <button id="consult-url-add" type="button" className="button button-secondary" onClick={addUrl}>
              {c.urls.add}
            </button>
          ) : (
            <p className="field-help">{c.urls.max}</p>
          )}
        </fieldset>

        <Section>
          <h2>
            <label htmlFor="consult-happened">{c.when.label}</label>
          </h2>
          <p className="field-help" id="consult-happened-help">
            {c.when.help}
          </p>
          <input
            id="consult-happened"
            name="happenedAt"
            type="date"
            max={today}
            value={draft.happenedAt}
            onChange={(e) => update({ happenedAt: e.target.value }, ['happenedAt'])}
            aria-invalid={invalid('happenedAt')}
            aria-describedby={describedBy('happenedAt', 'consult-happened-help')}
          />
          {errorText('happenedAt')}
        </Section>

        <fieldset className="form-section" aria-describedby="consult-goals-help">
          <legend>
            <h2>{c.goals.title}</h2>
          </legend>
          <p className="field-help" id="consult-goals-help">
            {c.goals.help}
          </p>
          <ChoiceList
            type="checkbox"
            idPrefix="consult-goal"
            name="goals"
            options={GOALS}
            isChecked={(goal) => draft.goals.includes(goal)}
            onChange={(goal, on) => update({ goals: toggleIn(draft.goals, goal, on) })}
            label={(goal) => t.guide.goalOptions[goal].label}
            example={(goal) => t.guide.goalOptions[goal].example || undefined}
          />
        </fieldset>

        <Section>
          <h2>
            <label htmlFor="consult-name">{c.name.label}</label>
          </h2>
          <p className="field-help" id="consult-name-help">
            {c.name.help}
          </p>
          <input
            id="consult-name"
            name="name"
            type="text"
            autoComplete="nickname"
            maxLength={100}
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name', 'consult-name-help')}
          />
          {errorText('name')}
        </Section>

        <section className="form-section" aria-labelledby="consult-contact-title">
          <h2 id="consult-contact-title">{c.contact.title}</h2>
          <fieldset className="subquestion" aria-describedby={describedBy('channel')}>
            <legend>{c.contact.legend}</legend>
            {errorText('channel')}
            <ChoiceList
              type="radio"
              idPrefix="consult-channel"
              name="channel"
              options={CONTACT_CHANNELS}
              isChecked={(channel) => draft.channel === channel}
              onChange={(channel) => update({ channel }, ['email', 'phone', 'channel'])}
              label={(channel) => c.contact.channels[channel].label}
              example={(channel) => c.contact.channels[channel].example}
            />
          </fieldset>

          {draft.channel === 'phone' ? (
            <div className="field">
              <label htmlFor="consult-phone">{c.contact.phoneLabel}</label>
              <p className="field-help" id="consult-phone-help">
                {c.contact.phoneHelp}
              </p>
              <input
                id="consult-phone"
                name="phone"
                type="tel"
                autoComplete="tel"
                maxLength={21}
                value={draft.phone}
                onChange={(e) => update({ phone: e.target.value }, ['phone'])}
                aria-required="true"
                aria-invalid={invalid('phone')}
                aria-describedby={describedBy('phone', 'consult-phone-help')}
              />
              {errorText('phone')}
            </div>
          ) : null}

          <div className="field">
            <label htmlFor="consult-email">
              {emailRequired ? c.contact.emailLabelRequired : c.contact.emailLabelOptional}
            </label>
            <p className="field-help" id="consult-email-help">
              {c.contact.emailHelp}
            </p>
            <input
              id="consult-email"
              name="email"
              type="email"
              autoComplete="email"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={254}
              value={draft.email}
              onChange={(e) => update({ email: e.target.value }, ['email'])}
              aria-required={emailRequired ? true : undefined}
              aria-invalid={invalid('email')}
              aria-describedby={describedBy('email', 'consult-email-help')}
            />
            {errorText('email')}
          </div>

          <div className="checkbox-field checkbox-field-top">
            <input
              id="consult-email-key"
              name="emailAccessKey"
              type="checkbox"
              checked={draft.emailAccessKey}
              onChange={(e) => update({ emailAccessKey: e.target.checked }, ['email'])}
              aria-describedby="consult-email-key-help"
            />
            <label htmlFor="consult-email-key">{c.emailKey.label}</label>
          </div>
          <p className="field-help checkbox-help" id="consult-email-key-help">
            {c.emailKey.help}
          </p>

          <div className="field">
            <label htmlFor="consult-notes">{c.contact.notesLabel}</label>
            <p className="field-help" id="consult-notes-help">
              {c.contact.notesHelp}
            </p>
            <textarea
              id="consult-notes"
              name="notes"
              rows={3}
              maxLength={1000}
              value={draft.notes}
              onChange={(e) => update({ notes: e.target.value })}
              aria-invalid={invalid('notes')}
              aria-describedby={describedBy('notes', 'consult-notes-help')}
            />
            {errorText('notes')}
          </div>
        </section>

        <Section>
          <h2>{c.files.title}</h2>
          <p className="field-help" id="consult-files-help">
            {c.files.help}
          </p>
          <div className="field">
            <label htmlFor="consult-files">{c.files.label}</label>
            <p className="field-help limits" id="consult-files-limits">
              {c.files.limits}
            </p>
            <input
              id="consult-files"
              name="files"
              type="file"
              multiple
              accept={ATTACHMENT_LIMITS.types.join(',')}
              onChange={onFiles}
              aria-invalid={invalid('files')}
              aria-describedby={describedBy('files', 'consult-files-limits', 'consult-files-help')}
            />
            {errorText('files')}
          </div>
          <div className="file-notes" role="status">
            {fileNotes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
          {files.length > 0 ? (
            <>
              <h3 id="consult-files-chosen">{c.files.chosen(files.length)}</h3>
              <ul className="file-list" aria-labelledby="consult-files-chosen">
                {files.map(({ id, file }) => (
                  <li key={id} className="file-item">
                    <span className="file-name">{file.name}</span>
                    <span className="file-size">{formatBytes(file.size, t.dates.intl)}</span>
                    <button
                      id={`consult-file-remove-${id}`}
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => removeFile(id)}
                      aria-label={c.files.remove(file.name)}
                    >
                      {c.files.removeShort}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>

        <fieldset className="form-section" aria-describedby="consult-consent-body">
          <legend>
            <h2>{c.consent.title}</h2>
          </legend>
          <p id="consult-consent-body">{c.consent.body}</p>
          <p>
            <a href="/privacy" target="_blank" rel="noopener">
              {c.consent.link}
              {c.consent.version(PRIVACY_POLICY_VERSION)}
              <span className="visually-hidden"> {t.common.opensInNewTab}</span>
            </a>
          </p>
          <div className="checkbox-field consent-field">
            <input
              id="consult-consent"
              name="consent"
              type="checkbox"
              checked={draft.consent}
              onChange={(e) => update({ consent: e.target.checked }, ['consent'])}
              aria-required="true"
              aria-invalid={invalid('consent')}
              aria-describedby={describedBy('consent')}
            />
            <label htmlFor="consult-consent">{c.consent.label}</label>
          </div>
          {errorText('consent')}
        </fieldset>

        {summaryShown && errors.general ? (
          <p className="notice notice-error" id={errorId('general')}>
            {errors.general}
          </p>
        ) : null}

        <button type="submit" className="button button-primary button-large button-wide" aria-busy={sending}>
          {sending ? c.submitting : c.submit}
        </button>
        <p className="kept-note">{c.draftNote}</p>
      </form>
    </div>
  );
}

function Section({ children }: { readonly children: ReactNode }) {
  return <div className="form-section">{children}</div>;
}
