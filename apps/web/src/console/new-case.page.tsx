import {
  CONTACT_CHANNELS,
  GOALS,
  LOCALES,
  PLATFORMS,
  PRIVACY_POLICY_VERSION,
  STAFF_INTAKE_CHANNELS,
  type ContactChannel,
  type Goal,
  type Locale,
  type Platform,
} from '@mimamoru/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ChoiceList, fieldErrors, PlatformChoices, toggleIn } from '../components/consult-fields.js';
import { CopyField } from '../components/copy-field.js';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { ApiRequestError, type ApiFieldIssue } from '../lib/api.js';
import { Link } from '../lib/router.js';
import { handleStaffError, useConsoleTitle, useCT } from './console-app.js';
import type { StaffSession } from './staff-session.js';
import { openStaffCase, type StaffCaseOpened, type StaffCaseOpenRequest } from './teams-api.js';

type StaffChannel = (typeof STAFF_INTAKE_CHANNELS)[number];

/** Fields of the form that a problem can point at. */
type Field =
  | 'channel'
  | 'narrative'
  | 'platforms'
  | 'postUrls'
  | 'happenedAt'
  | 'goals'
  | 'name'
  | 'contactChannel'
  | 'email'
  | 'phone'
  | 'notes'
  | 'emailAccessKey'
  | 'consent'
  | 'general';
type Errors = Partial<Record<Field, string>>;

const FIELD_ORDER: readonly Field[] = [
  'channel',
  'narrative',
  'platforms',
  'postUrls',
  'happenedAt',
  'goals',
  'name',
  'contactChannel',
  'email',
  'phone',
  'notes',
  'emailAccessKey',
  'consent',
  'general',
];

/** The control each field's problem links to (the first option of a group). */
const CONTROL: Record<Exclude<Field, 'general'>, string> = {
  channel: `new-channel-${STAFF_INTAKE_CHANNELS[0]}`,
  narrative: 'new-narrative',
  platforms: `new-platform-${PLATFORMS[0]}`,
  postUrls: 'new-urls',
  happenedAt: 'new-happened',
  goals: `new-goal-${GOALS[0]}`,
  name: 'new-name',
  contactChannel: `new-contact-${CONTACT_CHANNELS[0]}`,
  email: 'new-email',
  phone: 'new-phone',
  notes: 'new-notes',
  emailAccessKey: 'new-email-key',
  consent: 'new-consent',
};

const errorId = (field: Field) => `new-error-${field}`;

/** The field a server issue path ("contact.email", "postUrls.2") belongs to. */
function fieldOfIssue(path: string): Field {
  const [head, second] = path.split('.');
  switch (head) {
    case 'channel':
    case 'narrative':
    case 'platforms':
    case 'postUrls':
    case 'happenedAt':
    case 'goals':
    case 'name':
    case 'emailAccessKey':
    case 'consent':
      return head;
    case 'contact':
      return second === 'email' || second === 'phone' || second === 'notes' ? second : 'contactChannel';
    default:
      return 'general';
  }
}

interface Draft {
  channel: StaffChannel;
  narrative: string;
  platforms: Platform[];
  postUrls: string;
  happenedAt: string;
  goals: Goal[];
  name: string;
  contactChannel: ContactChannel;
  email: string;
  phone: string;
  notes: string;
  emailAccessKey: boolean;
  language: Locale;
  consent: boolean;
}

/** The request: trimmed values, empty optional fields left out, one URL per non-empty line. */
function toRequest(draft: Draft): StaffCaseOpenRequest {
  const name = draft.name.trim();
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  const notes = draft.notes.trim();
  return {
    channel: draft.channel,
    ...(name ? { name } : {}),
    narrative: draft.narrative.trim(),
    platforms: draft.platforms,
    postUrls: draft.postUrls
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    ...(draft.happenedAt ? { happenedAt: draft.happenedAt } : {}),
    goals: draft.goals,
    contact: {
      channel: draft.contactChannel,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      ...(notes ? { notes } : {}),
    },
    consent: { privacyPolicyVersion: PRIVACY_POLICY_VERSION, accepted: true },
    ...(draft.emailAccessKey ? { emailAccessKey: true } : {}),
    locale: draft.language,
  };
}

/** The key in groups of four, to read out; the groups are not part of the key. */
export function keyInGroups(key: string): string {
  return key.match(/.{1,4}/g)?.join(' ') ?? key;
}

/** /console/cases/new: a consultation taken by phone, e-mail, letter or in person; then the number and key, once. */
export function NewCasePage({ session }: { readonly session: StaffSession }) {
  const c = useCT();
  useConsoleTitle(c.newCase.title);
  const [opened, setOpened] = useState<{ result: StaffCaseOpened; emailed: boolean } | null>(null);
  const [round, setRound] = useState(0);
  if (opened)
    return (
      <OpenedPanel
        opened={opened.result}
        emailed={opened.emailed}
        onAnother={() => {
          setOpened(null);
          setRound((n) => n + 1);
        }}
      />
    );
  return (
    <NewCaseForm
      key={round}
      csrf={session.csrfToken}
      onOpened={(result, emailed) => setOpened({ result, emailed })}
    />
  );
}

function NewCaseForm({
  csrf,
  onOpened,
}: {
  readonly csrf: string;
  readonly onOpened: (opened: StaffCaseOpened, emailed: boolean) => void;
}) {
  const c = useCT();
  const n = c.newCase;
  const t = useT();
  const { locale } = useLocale();
  const [draft, setDraft] = useState<Draft>({
    channel: 'phone',
    narrative: '',
    platforms: [],
    postUrls: '',
    happenedAt: '',
    goals: [],
    name: '',
    contactChannel: 'in-app',
    email: '',
    phone: '',
    notes: '',
    emailAccessKey: false,
    language: 'ja',
    consent: false,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);

  useEffect(() => {
    if (focusSummary > 0) summary.current?.focus();
  }, [focusSummary]);

  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const show = (found: Errors) => {
    setErrors(found);
    setFocusSummary((k) => k + 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found: Errors = {};
    if (draft.narrative.trim() === '') found.narrative = n.narrativeMissing;
    if (!draft.consent) found.consent = n.consentMissing;
    if (Object.keys(found).length > 0) {
      show(found);
      return;
    }
    setSending(true);
    try {
      const body = toRequest(draft);
      const opened = await openStaffCase(body, csrf, locale);
      onOpened(opened, body.emailAccessKey === true);
    } catch (error) {
      setSending(false);
      if (handleStaffError(error)) return;
      if (error instanceof ApiRequestError && error.body?.issues && error.body.issues.length > 0) {
        const fromServer: Errors = {};
        for (const issue of error.body.issues as readonly ApiFieldIssue[])
          fromServer[fieldOfIssue(issue.path)] ??= issue.message;
        show(fromServer);
      } else {
        show({
          general: error instanceof ApiRequestError && error.body ? error.body.message : c.networkError,
        });
      }
    }
  };

  const items: SummaryItem[] = FIELD_ORDER.flatMap((field) => {
    const message = errors[field];
    if (!message) return [];
    return [{ fieldId: field === 'general' ? null : CONTROL[field], message }];
  });
  const { describedBy, invalid, errorText } = fieldErrors(errors, errorId);

  return (
    <div className="console-new-case">
      <p className="console-back">
        <Link to="/console">← {n.back}</Link>
      </p>
      <h1 tabIndex={-1}>{n.title}</h1>
      <p className="field-help">{n.intro}</p>
      {items.length > 0 ? (
        <ErrorSummary ref={summary} title={n.errorsTitle(items.length)} intro={n.errorsIntro} items={items} />
      ) : null}
      <form
        method="post"
        noValidate
        onSubmit={onSubmit}
        aria-busy={sending}
        className="console-new-case-form"
      >
        <fieldset className="console-panel" aria-describedby={describedBy('channel')}>
          <legend>
            <h2>{n.channelLegend}</h2>
          </legend>
          {errorText('channel')}
          <ChoiceList
            type="radio"
            idPrefix="new-channel"
            name="channel"
            options={STAFF_INTAKE_CHANNELS}
            isChecked={(channel) => draft.channel === channel}
            onChange={(channel) => update({ channel })}
            label={(channel) => c.intakeChannels[channel]}
            compact
          />
        </fieldset>

        <Panel>
          <h2>
            <label htmlFor="new-narrative">{n.narrative}</label>
          </h2>
          <p className="field-help" id="new-narrative-help">
            {n.narrativeHelp}
          </p>
          <textarea
            id="new-narrative"
            rows={8}
            maxLength={20_000}
            aria-required="true"
            value={draft.narrative}
            onChange={(e) => update({ narrative: e.target.value })}
            aria-invalid={invalid('narrative')}
            aria-describedby={describedBy('narrative', 'new-narrative-help')}
          />
          {errorText('narrative')}
        </Panel>

        <fieldset className="console-panel" aria-describedby={describedBy('platforms')}>
          <legend>
            <h2>{n.platforms}</h2>
          </legend>
          {errorText('platforms')}
          <PlatformChoices
            idPrefix="new-platform"
            value={draft.platforms}
            onChange={(platforms) => update({ platforms })}
          />
        </fieldset>

        <Panel>
          <div className="field">
            <label htmlFor="new-urls">{n.postUrls}</label>
            <p className="field-help" id="new-urls-help">
              {n.postUrlsHelp}
            </p>
            <textarea
              id="new-urls"
              rows={3}
              spellCheck={false}
              autoCapitalize="off"
              value={draft.postUrls}
              onChange={(e) => update({ postUrls: e.target.value })}
              aria-invalid={invalid('postUrls')}
              aria-describedby={describedBy('postUrls', 'new-urls-help')}
            />
            {errorText('postUrls')}
          </div>
          <div className="field">
            <label htmlFor="new-happened">{n.happenedAt}</label>
            <input
              id="new-happened"
              type="date"
              value={draft.happenedAt}
              onChange={(e) => update({ happenedAt: e.target.value })}
              aria-invalid={invalid('happenedAt')}
              aria-describedby={describedBy('happenedAt')}
            />
            {errorText('happenedAt')}
          </div>
        </Panel>

        <fieldset className="console-panel" aria-describedby={describedBy('goals')}>
          <legend>
            <h2>{n.goals}</h2>
          </legend>
          {errorText('goals')}
          <ChoiceList
            type="checkbox"
            idPrefix="new-goal"
            name="goals"
            options={GOALS}
            isChecked={(goal) => draft.goals.includes(goal)}
            onChange={(goal, on) => update({ goals: toggleIn(draft.goals, goal, on) })}
            label={(goal) => t.guide.goalOptions[goal].label}
            compact
          />
        </fieldset>

        <Panel>
          <div className="field">
            <label htmlFor="new-name">{n.name}</label>
            <input
              id="new-name"
              type="text"
              autoComplete="off"
              maxLength={100}
              value={draft.name}
              onChange={(e) => update({ name: e.target.value })}
              aria-invalid={invalid('name')}
              aria-describedby={describedBy('name')}
            />
            {errorText('name')}
          </div>
          <div className="field">
            <label htmlFor="new-language">{n.language}</label>
            <select
              id="new-language"
              value={draft.language}
              onChange={(e) => update({ language: e.target.value as Locale })}
            >
              {LOCALES.map((value) => (
                <option key={value} value={value}>
                  {n.languages[value]}
                </option>
              ))}
            </select>
          </div>
        </Panel>

        <section className="console-panel" aria-labelledby="new-contact-title">
          <h2 id="new-contact-title">{n.contactLegend}</h2>
          <fieldset className="subquestion" aria-describedby={describedBy('contactChannel')}>
            <legend className="visually-hidden">{n.contactLegend}</legend>
            {errorText('contactChannel')}
            <ChoiceList
              type="radio"
              idPrefix="new-contact"
              name="contact-channel"
              options={CONTACT_CHANNELS}
              isChecked={(channel) => draft.contactChannel === channel}
              onChange={(channel) => update({ contactChannel: channel })}
              label={(channel) => n.contactChannels[channel]}
            />
          </fieldset>
          <div className="field">
            <label htmlFor="new-phone">{n.phone}</label>
            <input
              id="new-phone"
              type="tel"
              autoComplete="off"
              maxLength={21}
              value={draft.phone}
              onChange={(e) => update({ phone: e.target.value })}
              aria-required={draft.contactChannel === 'phone' ? true : undefined}
              aria-invalid={invalid('phone')}
              aria-describedby={describedBy('phone')}
            />
            {errorText('phone')}
          </div>
          <div className="field">
            <label htmlFor="new-email">{n.email}</label>
            <input
              id="new-email"
              type="email"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={254}
              value={draft.email}
              onChange={(e) => update({ email: e.target.value })}
              aria-required={draft.contactChannel === 'email' || draft.emailAccessKey ? true : undefined}
              aria-invalid={invalid('email')}
              aria-describedby={describedBy('email')}
            />
            {errorText('email')}
          </div>
          <div className="checkbox-field checkbox-field-top">
            <input
              id="new-email-key"
              type="checkbox"
              checked={draft.emailAccessKey}
              onChange={(e) => update({ emailAccessKey: e.target.checked })}
              aria-invalid={invalid('emailAccessKey')}
              aria-describedby={describedBy('emailAccessKey', 'new-email-key-help')}
            />
            <label htmlFor="new-email-key">{n.emailKey}</label>
          </div>
          <p className="field-help checkbox-help" id="new-email-key-help">
            {n.emailKeyHelp}
          </p>
          {errorText('emailAccessKey')}
          <div className="field">
            <label htmlFor="new-notes">{n.notes}</label>
            <textarea
              id="new-notes"
              rows={2}
              maxLength={1000}
              value={draft.notes}
              onChange={(e) => update({ notes: e.target.value })}
              aria-invalid={invalid('notes')}
              aria-describedby={describedBy('notes')}
            />
            {errorText('notes')}
          </div>
        </section>

        <Panel>
          <div className="checkbox-field consent-field">
            <input
              id="new-consent"
              type="checkbox"
              checked={draft.consent}
              onChange={(e) => update({ consent: e.target.checked })}
              aria-required="true"
              aria-invalid={invalid('consent')}
              aria-describedby={describedBy('consent')}
            />
            <label htmlFor="new-consent">{n.consent}</label>
          </div>
          {errorText('consent')}
        </Panel>

        {errors.general ? (
          <p className="notice notice-error" id={errorId('general')}>
            {errors.general}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" aria-busy={sending}>
          {sending ? n.submitting : n.submit}
        </button>
      </form>
    </div>
  );
}

function Panel({ children }: { readonly children: ReactNode }) {
  return <div className="console-panel">{children}</div>;
}

/** The number and key, shown once, with the words to pass them on. */
function OpenedPanel({
  opened,
  emailed,
  onAnother,
}: {
  readonly opened: StaffCaseOpened;
  readonly emailed: boolean;
  readonly onAnother: () => void;
}) {
  const c = useCT();
  const n = c.newCase;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const caseUrl = `${window.location.origin}/case`;
  return (
    <div className="console-new-case">
      <p className="console-back">
        <Link to="/console">← {n.back}</Link>
      </p>
      <h1 tabIndex={-1} ref={heading}>
        {n.doneTitle}
      </h1>
      <p className="notice notice-hint">
        <strong>{n.doneWarning}</strong>
      </p>
      <section className="console-panel" aria-labelledby="opened-codes">
        <h2 id="opened-codes" className="visually-hidden">
          {n.caseNumber} / {n.accessKey}
        </h2>
        <CopyField label={n.caseNumber} value={opened.caseNumber} id="opened-number" />
        <CopyField label={n.accessKey} value={opened.accessKey} id="opened-key" wrap />
        <p className="small">{n.keyGroups}</p>
        <p className="console-mono console-key-groups" lang="en">
          {keyInGroups(opened.accessKey)}
        </p>
        {emailed ? <p className="notice notice-done">{n.emailed}</p> : null}
      </section>
      <section className="console-panel" aria-labelledby="opened-read-out">
        <h2 id="opened-read-out">{n.readOutTitle}</h2>
        <p>{n.readOut(opened.caseNumber, caseUrl)}</p>
        <CopyButton
          label={n.copyReadOut}
          text={`${n.readOut(opened.caseNumber, caseUrl)}\n${n.accessKey}: ${opened.accessKey}`}
        />
      </section>
      <div className="console-button-row">
        <Link to={`/console/cases/${opened.id}`} className="button button-primary">
          {n.openCase}
        </Link>
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {n.another}
        </button>
      </div>
    </div>
  );
}

/** Copies a text that is already on the screen (for pasting into an e-mail or letter). */
function CopyButton({ label, text }: { readonly label: string; readonly text: string }) {
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => void copy()}>
        {label}
      </button>
      <p className="copy-status" role="status">
        {status === 'copied' ? t.common.copied : status === 'failed' ? t.common.copyFailed : ''}
      </p>
    </>
  );
}
