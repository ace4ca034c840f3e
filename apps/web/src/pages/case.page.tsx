import { ATTACHMENT_LIMITS, normalizeCaseNumber, type Locale } from '@mimamoru/core';
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { analysisMessages } from '../analysis/analysis-messages.js';
import { CopyField } from '../components/copy-field.js';
import { Loading } from '../components/load-state.js';
import { setCaseSession, useCaseSession, type CaseSession } from '../intake/victim-session.js';
import type { Messages } from '../i18n/ja.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { splitCaseCode } from '../lib/case-code.js';
import { checkFile, formatBytes } from '../lib/file-check.js';
import { formatDate } from '../lib/format.js';
import {
  addVictimAttachments,
  attachmentHref,
  fetchVictimCase,
  logoutVictim,
  openVictimSession,
  requestKeyReset,
  requestErasure,
  rotateAccessKey,
  sendVictimMessage,
  withdrawCase,
  type VictimCase,
} from '../lib/intake-api.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link } from '../lib/router.js';
import { cleanCodePart } from '../lib/saved-code.js';
import { CaseEvidence } from './case-evidence.js';
import { documentsMessages } from '../components/documents-messages.js';

/** Why the case page closed, said calmly on the login form. */
type Ended = 'expired' | 'logged-out' | 'withdrawn' | 'erased';

/** A date and time in Japan time, as people read it ("2026年11月29日 15:40（日本時間）"). */
export function formatJapanTime(iso: string, t: Messages): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(t.dates.intl, {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${text}${t.dates.japanTime}`;
}

const isUnauthorized = (error: unknown) => error instanceof ApiRequestError && error.status === 401;

/** /case: the victim's own case, opened with the case number and access key. */
export function CasePage() {
  const t = useT();
  usePageTitle(t.casePage.pageTitle);
  const session = useCaseSession();
  const [ended, setEnded] = useState<Ended | null>(null);
  const [justOpened, setJustOpened] = useState(false);

  const end = useCallback((reason: Ended) => {
    setCaseSession(null);
    setEnded(reason);
    setJustOpened(false);
  }, []);

  if (session)
    return <CaseView key={session.caseNumber} session={session} onEnded={end} focusHeading={justOpened} />;
  return (
    <CaseLogin
      ended={ended}
      onOpened={() => {
        setEnded(null);
        setJustOpened(true);
      }}
    />
  );
}

// ————————————————————————————————————————— login —————————————————————————————————————————

type LoginError = 'missing' | 'bad-number' | 'invalid' | 'too-many' | 'network';

function CaseLogin({ ended, onOpened }: { readonly ended: Ended | null; readonly onOpened: () => void }) {
  const t = useT();
  const p = t.casePage;
  const { locale } = useLocale();
  const [number, setNumber] = useState('');
  const [key, setKey] = useState('');
  const [split, setSplit] = useState(false);
  const [error, setError] = useState<{ kind: LoginError; minutes?: number } | null>(null);
  const [opening, setOpening] = useState(false);
  const endedNotice = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (ended) endedNotice.current?.focus();
  }, [ended]);

  const onNumberChange = (event: ChangeEvent<HTMLInputElement>) => {
    setError(null);
    const both = splitCaseCode(event.target.value);
    if (both) {
      setNumber(both.caseNumber);
      setKey(both.accessKey);
      setSplit(true);
    } else {
      setNumber(event.target.value);
      setSplit(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (opening) return;
    const accessKey = cleanCodePart(key);
    if (number.trim() === '' || accessKey === '') {
      setError({ kind: 'missing' });
      document.getElementById(number.trim() === '' ? 'case-number' : 'case-key')?.focus();
      return;
    }
    const caseNumber = normalizeCaseNumber(number);
    if (!caseNumber) {
      setError({ kind: 'bad-number' });
      document.getElementById('case-number')?.focus();
      return;
    }
    setOpening(true);
    try {
      const session = await openVictimSession(caseNumber, accessKey, locale);
      setNumber('');
      setKey('');
      onOpened();
      setCaseSession({ caseNumber: session.caseNumber, csrfToken: session.csrfToken });
    } catch (caught) {
      setOpening(false);
      if (caught instanceof ApiRequestError && caught.status === 429)
        setError({ kind: 'too-many', minutes: Math.max(1, Math.ceil((caught.retryAfter ?? 60) / 60)) });
      else if (caught instanceof ApiRequestError && (caught.status === 401 || caught.status === 400))
        setError({ kind: 'invalid' });
      else setError({ kind: 'network' });
    }
  };

  const errorText = !error
    ? null
    : error.kind === 'missing'
      ? p.missing
      : error.kind === 'bad-number'
        ? p.badNumber
        : error.kind === 'invalid'
          ? p.invalid
          : error.kind === 'too-many'
            ? p.tooMany(error.minutes ?? 1)
            : p.networkError;
  const endedText =
    ended === 'expired'
      ? p.expired
      : ended === 'logged-out'
        ? p.loggedOut
        : ended === 'withdrawn'
          ? p.withdrawn
          : ended === 'erased'
            ? p.erased
            : null;
  const numberInvalid =
    error && (error.kind === 'bad-number' || (error.kind === 'missing' && !number.trim()));

  return (
    <div className="case-login">
      <h1 tabIndex={-1}>{p.pageTitle}</h1>
      {endedText ? (
        <p
          className={`notice ${ended === 'expired' ? 'notice-hint' : 'notice-done'}`}
          role="status"
          tabIndex={-1}
          ref={endedNotice}
        >
          {endedText}
        </p>
      ) : null}
      <p>{p.loginIntro}</p>
      <form className="saved-form" method="post" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="case-number">{p.numberLabel}</label>
          <p className="field-help" id="case-number-help">
            {p.numberHelp}
          </p>
          <input
            id="case-number"
            name="caseNumber"
            type="text"
            className="code-input"
            value={number}
            onChange={onNumberChange}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={`case-number-help${errorText ? ' case-login-error' : ''}`}
            aria-invalid={numberInvalid ? true : undefined}
          />
          <p className="split-status" role="status">
            {split ? p.split : ''}
          </p>
        </div>
        <div className="field">
          <label htmlFor="case-key">{p.keyLabel}</label>
          <p className="field-help" id="case-key-help">
            {p.keyHelp}
          </p>
          <input
            id="case-key"
            name="accessKey"
            type="text"
            className="code-input"
            value={key}
            onChange={(e) => {
              setError(null);
              setKey(e.target.value);
            }}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={`case-key-help${errorText ? ' case-login-error' : ''}`}
            aria-invalid={error?.kind === 'missing' && cleanCodePart(key) === '' ? true : undefined}
          />
        </div>
        {errorText ? (
          <p
            id="case-login-error"
            className={`notice ${error?.kind === 'missing' || error?.kind === 'bad-number' ? 'notice-hint' : 'notice-error'}`}
            role="alert"
          >
            {errorText}
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-wide" aria-busy={opening}>
          {opening ? p.opening : p.open}
        </button>
      </form>
      <p className="small saved-privacy">{p.privacy}</p>
      <LostKey />
      <p>
        <Link to="/consult">{t.nav.consult}</Link>
      </p>
    </div>
  );
}

/** "鍵をなくしたとき": asks for a reset link; the answer is the same whatever was typed. */
function LostKey() {
  const t = useT();
  const p = t.casePage;
  const { locale } = useLocale();
  const [number, setNumber] = useState('');
  const [email, setEmail] = useState('');
  const [state, setState] = useState<
    { status: 'idle' | 'sending' | 'done' | 'missing' | 'bad-number' } | { status: 'error'; message: string }
  >({ status: 'idle' });
  const done = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state.status === 'done') done.current?.focus();
  }, [state.status]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.status === 'sending') return;
    if (number.trim() === '' || email.trim() === '') {
      setState({ status: 'missing' });
      return;
    }
    const caseNumber = normalizeCaseNumber(number);
    if (!caseNumber) {
      setState({ status: 'bad-number' });
      return;
    }
    setState({ status: 'sending' });
    try {
      await requestKeyReset(caseNumber, email.trim(), locale);
      setState({ status: 'done' });
    } catch (error) {
      setState({
        status: 'error',
        message:
          error instanceof ApiRequestError && error.body
            ? (error.body.issues?.[0]?.message ?? error.body.message)
            : p.networkError,
      });
    }
  };

  const message =
    state.status === 'missing'
      ? p.lostMissing
      : state.status === 'bad-number'
        ? p.badNumber
        : state.status === 'error'
          ? state.message
          : null;

  return (
    <details className="lost-key">
      <summary>
        <h2>{p.lostTitle}</h2>
      </summary>
      <p>{p.lostBody}</p>
      {state.status === 'done' ? (
        <p className="notice notice-done" role="status" tabIndex={-1} ref={done}>
          {p.lostDone}
        </p>
      ) : (
        <form method="post" noValidate onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor="lost-number">{p.numberLabel}</label>
            <input
              id="lost-number"
              name="caseNumber"
              type="text"
              className="code-input"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby={message ? 'lost-error' : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="lost-email">{p.lostEmail}</label>
            <input
              id="lost-email"
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-describedby={message ? 'lost-error' : undefined}
            />
          </div>
          {message ? (
            <p id="lost-error" className="notice notice-hint" role="alert">
              {message}
            </p>
          ) : null}
          <button type="submit" className="button button-secondary" aria-busy={state.status === 'sending'}>
            {state.status === 'sending' ? p.lostSending : p.lostSend}
          </button>
        </form>
      )}
      <p className="small">{p.lostNoEmail}</p>
    </details>
  );
}

// ————————————————————————————————————————— the case —————————————————————————————————————————

function CaseView({
  session,
  onEnded,
  focusHeading,
}: {
  readonly session: CaseSession;
  readonly onEnded: (reason: Ended) => void;
  readonly focusHeading: boolean;
}) {
  const t = useT();
  const p = t.casePage;
  const { locale } = useLocale();
  const [data, setData] = useState<VictimCase | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [refreshNote, setRefreshNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (signal?: AbortSignal, announce = false) => {
      try {
        const loaded = await fetchVictimCase(locale, signal);
        setData(loaded);
        setLoadError(false);
        if (announce) setRefreshNote(p.refreshed);
      } catch (error) {
        if (signal?.aborted) return;
        if (isUnauthorized(error)) onEnded('expired');
        else setLoadError(true);
      }
    },
    [locale, onEnded, p.refreshed],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);

  /** Runs a write; a 401 means the session ended (idle too long, or the key was changed elsewhere). */
  const guard = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await action();
    } catch (error) {
      if (isUnauthorized(error)) {
        onEnded('expired');
        return undefined;
      }
      throw error;
    }
  };

  const logout = async () => {
    try {
      await logoutVictim(session.csrfToken, locale);
    } catch {
      // The session ends on this device all the same.
    }
    onEnded('logged-out');
  };

  return (
    <div className="case">
      <div className="case-head">
        <h1 tabIndex={-1} ref={heading}>
          {p.pageTitle}
        </h1>
        <p className="case-number">{p.caseNumberIs(session.caseNumber)}</p>
        <div className="actions actions-wrap case-head-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setRefreshNote('');
              void load(undefined, true);
            }}
          >
            {p.refresh}
          </button>
          <button type="button" className="button button-quiet" onClick={logout}>
            {p.logout}
          </button>
        </div>
        <p className="copy-status" role="status">
          {refreshNote}
        </p>
      </div>

      {loadError ? (
        <div className="notice notice-error" role="alert">
          <p>{p.networkError}</p>
          <button type="button" className="button button-secondary" onClick={() => void load()}>
            {t.common.retry}
          </button>
        </div>
      ) : null}
      {!data && !loadError ? <Loading /> : null}

      {data ? (
        <>
          <section className="result-section" aria-labelledby="case-status-title">
            <h2 id="case-status-title">{p.statusTitle}</h2>
            <p className={`case-status case-status-${data.status}`}>
              <strong>{p.statuses[data.status].label}</strong>
            </p>
            <p>{p.statuses[data.status].text}</p>
            <p className="small">{p.submittedOn(formatJapanTime(data.createdAt, t))}</p>
          </section>

          <Messages
            data={data}
            session={session}
            locale={locale}
            guard={guard}
            onSent={(message) => setData((d) => (d ? { ...d, messages: [...d.messages, message] } : d))}
          />

          <Attachments
            data={data}
            session={session}
            locale={locale}
            guard={guard}
            onAdded={(attachments) =>
              setData((d) => (d ? { ...d, attachments: [...d.attachments, ...attachments] } : d))
            }
          />

          <CaseEvidence session={session} locale={locale} guard={guard} />
          <section className="result-section" aria-labelledby="case-analyze-title">
            <h2 id="case-analyze-title">{analysisMessages(locale).caseSectionTitle}</h2>
            <p>{analysisMessages(locale).caseSectionBody}</p>
            <p>
              <Link to="/analyze" className="button button-secondary">
                {analysisMessages(locale).caseSectionLink}
              </Link>
            </p>
          </section>
          <section className="result-section" aria-labelledby="case-documents-title">
            <h2 id="case-documents-title">{documentsMessages(locale).title}</h2>
            <p>{documentsMessages(locale).victim.linkHelp}</p>
            <p>
              <Link to="/case/documents" className="button button-secondary">
                {documentsMessages(locale).victim.link}
              </Link>
            </p>
          </section>
          <YourConsultation data={data} />
          <RotateKey session={session} locale={locale} guard={guard} />
          {/* An open consultation is withdrawn; a finished one keeps its outcome and is only erased. */}
          <Withdraw
            mode={data.status === 'closed' ? 'erase' : 'withdraw'}
            session={session}
            locale={locale}
            guard={guard}
            onDone={(mode) => onEnded(mode === 'erase' ? 'erased' : 'withdrawn')}
          />
          <p>
            <button type="button" className="button button-secondary button-wide" onClick={logout}>
              {p.logout}
            </button>
          </p>
        </>
      ) : null}
    </div>
  );
}

type Guard = <T>(action: () => Promise<T>) => Promise<T | undefined>;

interface WriteProps {
  readonly session: CaseSession;
  readonly locale: Locale;
  readonly guard: Guard;
}

function Messages({
  data,
  session,
  locale,
  guard,
  onSent,
}: WriteProps & {
  readonly data: VictimCase;
  readonly onSent: (message: VictimCase['messages'][number]) => void;
}) {
  const t = useT();
  const p = t.casePage;
  const [body, setBody] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'empty' | 'error'>('idle');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (state === 'sending') return;
    if (body.trim() === '') {
      setState('empty');
      document.getElementById('case-message')?.focus();
      return;
    }
    setState('sending');
    try {
      const sent = await guard(() => sendVictimMessage(body.trim(), session.csrfToken, locale));
      if (!sent) return;
      onSent(sent.message);
      setBody('');
      setState('sent');
    } catch {
      setState('error');
    }
  };

  return (
    <section className="result-section" aria-labelledby="case-messages-title">
      <h2 id="case-messages-title">{p.messagesTitle}</h2>
      {data.messages.length === 0 ? (
        <p>{p.noMessages}</p>
      ) : (
        <ol className="thread">
          {data.messages.map((message) => (
            <li key={message.id} className={`message message-${message.author}`}>
              <p className="message-meta">
                <strong className="message-author">{p.authors[message.author]}</strong>{' '}
                <time dateTime={message.createdAt}>{formatJapanTime(message.createdAt, t)}</time>
              </p>
              <p className="message-body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="message-form" method="post" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="case-message">{p.messageLabel}</label>
          <p className="field-help" id="case-message-help">
            {p.messageHelp}
          </p>
          <textarea
            id="case-message"
            name="body"
            rows={4}
            maxLength={10_000}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              if (state !== 'sending') setState('idle');
            }}
            aria-invalid={state === 'empty' ? true : undefined}
            aria-describedby={`case-message-help${state === 'empty' || state === 'error' ? ' case-message-error' : ''}`}
          />
          {state === 'empty' || state === 'error' ? (
            <p className="field-error" id="case-message-error">
              {state === 'empty' ? p.messageEmpty : p.sendError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button-primary" aria-busy={state === 'sending'}>
          {state === 'sending' ? p.sending : p.send}
        </button>
        <p className="copy-status" role="status" aria-live="polite">
          {state === 'sent' ? p.sent : ''}
        </p>
      </form>
    </section>
  );
}

function Attachments({
  data,
  session,
  locale,
  guard,
  onAdded,
}: WriteProps & {
  readonly data: VictimCase;
  readonly onAdded: (attachments: VictimCase['attachments']) => void;
}) {
  const t = useT();
  const p = t.casePage;
  const c = t.consult;
  const [chosen, setChosen] = useState<File[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (chosen.length === 0) {
      setNotes([p.noFilesChosen]);
      input.current?.focus();
      return;
    }
    const problems: string[] = [];
    const ok: File[] = [];
    for (const file of chosen) {
      const problem =
        data.attachments.length + ok.length >= ATTACHMENT_LIMITS.maxFiles
          ? 'too-many'
          : await checkFile(file);
      if (problem) problems.push(c.files.rejected(file.name, c.files.problems[problem]));
      else ok.push(file);
    }
    if (ok.length === 0) {
      setNotes(problems);
      return;
    }
    setSending(true);
    try {
      const added = await guard(() => addVictimAttachments(ok, session.csrfToken, locale));
      if (!added) return;
      onAdded(added.attachments);
      setChosen([]);
      if (input.current) input.current.value = '';
      setNotes([p.filesAdded(added.attachments.length), ...problems]);
    } catch (error) {
      setNotes([
        error instanceof ApiRequestError && error.body ? error.body.message : p.sendError,
        ...problems,
      ]);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="result-section" aria-labelledby="case-files-title">
      <h2 id="case-files-title">{p.attachmentsTitle}</h2>
      {data.attachments.length === 0 ? (
        <p>{p.noAttachments}</p>
      ) : (
        <ul className="file-list">
          {data.attachments.map((a) => (
            <li key={a.id} className="file-item">
              <a href={attachmentHref(a.id)} download={a.filename} className="file-name">
                {p.download(a.filename)}
              </a>
              <span className="file-size">{formatBytes(a.size, t.dates.intl)}</span>
            </li>
          ))}
        </ul>
      )}
      <form method="post" noValidate onSubmit={onSubmit} encType="multipart/form-data">
        <div className="field">
          <label htmlFor="case-files">{p.addFilesLabel}</label>
          <p className="field-help" id="case-files-limits">
            {c.files.limits}
          </p>
          <input
            id="case-files"
            ref={input}
            name="files"
            type="file"
            multiple
            accept={ATTACHMENT_LIMITS.types.join(',')}
            onChange={(e) => {
              setChosen([...(e.currentTarget.files ?? [])]);
              setNotes([]);
            }}
            aria-describedby="case-files-limits"
          />
        </div>
        <div className="file-notes" role="status">
          {notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
        <button type="submit" className="button button-secondary" aria-busy={sending}>
          {sending ? p.addingFiles : p.addFiles}
        </button>
      </form>
    </section>
  );
}

function YourConsultation({ data }: { readonly data: VictimCase }) {
  const t = useT();
  const p = t.casePage;
  const none = <span className="muted">{p.none}</span>;
  return (
    <section className="result-section" aria-labelledby="case-yours-title">
      <h2 id="case-yours-title">{p.yourConsultationTitle}</h2>
      <dl className="case-fields">
        <dt>{p.fields.narrative}</dt>
        <dd className="pre-wrap">{data.narrative}</dd>
        <dt>{p.fields.platforms}</dt>
        <dd>
          {data.platforms.length > 0
            ? data.platforms
                .map((x) => t.guide.platformOptions[x])
                .join(t.meta.htmlLang === 'ja' ? '、' : ', ')
            : none}
        </dd>
        <dt>{p.fields.postUrls}</dt>
        <dd>
          {data.postUrls.length > 0 ? (
            <ul className="url-list">
              {data.postUrls.map((url, i) => (
                <li key={`${i}-${url}`} className="break">
                  {url}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        <dt>{p.fields.happenedAt}</dt>
        <dd>{data.happenedAt ? formatDate(data.happenedAt, t.dates.intl) : none}</dd>
        <dt>{p.fields.goals}</dt>
        <dd>
          {data.goals.length > 0
            ? data.goals.map((g) => t.guide.goalOptions[g].label).join(t.meta.htmlLang === 'ja' ? '、' : ', ')
            : none}
        </dd>
        <dt>{p.fields.name}</dt>
        <dd>{data.name ?? none}</dd>
        <dt>{p.fields.channel}</dt>
        <dd>{t.consult.contact.channels[data.contact.channel].label}</dd>
        <dt>{p.fields.email}</dt>
        <dd className="break">{data.contact.email ?? none}</dd>
        {data.contact.phone ? (
          <>
            <dt>{p.fields.phone}</dt>
            <dd>{data.contact.phone}</dd>
          </>
        ) : null}
        <dt>{p.fields.notes}</dt>
        <dd className="pre-wrap">{data.contact.notes ?? none}</dd>
        <dt>{p.fields.policy}</dt>
        <dd>
          <Link to="/privacy">{t.privacy.version(data.privacyPolicyVersion)}</Link>
        </dd>
      </dl>
    </section>
  );
}

function RotateKey({ session, locale, guard }: WriteProps) {
  const t = useT();
  const p = t.casePage;
  const [state, setState] = useState<
    { status: 'idle' | 'rotating' | 'error' } | { status: 'done'; accessKey: string }
  >({ status: 'idle' });
  const done = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state.status === 'done') done.current?.focus();
  }, [state.status]);

  const rotate = async () => {
    if (state.status === 'rotating' || !window.confirm(p.rotateConfirm)) return;
    setState({ status: 'rotating' });
    try {
      const rotated = await guard(() => rotateAccessKey(session.csrfToken, locale));
      if (rotated) setState({ status: 'done', accessKey: rotated.accessKey });
    } catch {
      setState({ status: 'error' });
    }
  };

  return (
    <section className="result-section" aria-labelledby="case-rotate-title">
      <h2 id="case-rotate-title">{p.rotateTitle}</h2>
      <p>{p.rotateBody}</p>
      {state.status === 'done' ? (
        <div className="saved-box code-box">
          <p className="code-warning" tabIndex={-1} ref={done}>
            <strong>{p.rotated}</strong>
          </p>
          <CopyField label={p.newKey} value={state.accessKey} id="case-new-key" wrap />
        </div>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={rotate}
          aria-busy={state.status === 'rotating'}
        >
          {state.status === 'rotating' ? p.rotating : p.rotate}
        </button>
      )}
      {state.status === 'error' ? (
        <p className="notice notice-error" role="alert">
          {p.actionError}
        </p>
      ) : null}
    </section>
  );
}

/**
 * Withdrawal (open consultation) or the erasure request (finished one): both erase at once, after a
 * check box and a confirmation. The list of what goes is the same.
 */
function Withdraw({
  mode,
  session,
  locale,
  guard,
  onDone,
}: WriteProps & {
  readonly mode: 'withdraw' | 'erase';
  readonly onDone: (mode: 'withdraw' | 'erase') => void;
}) {
  const t = useT();
  const p = t.casePage;
  const [checked, setChecked] = useState(false);
  const [state, setState] = useState<'idle' | 'withdrawing' | 'needs-check' | 'error'>('idle');
  const text =
    mode === 'erase'
      ? {
          title: p.eraseTitle,
          body: p.eraseBody,
          kept: p.eraseKept,
          check: p.eraseCheck,
          needsCheck: p.eraseNeedsCheck,
          confirm: p.eraseConfirm,
          button: p.erase,
          busy: p.erasing,
        }
      : {
          title: p.withdrawTitle,
          body: p.withdrawBody,
          kept: p.withdrawKept,
          check: p.withdrawCheck,
          needsCheck: p.withdrawNeedsCheck,
          confirm: p.withdrawConfirm,
          button: p.withdraw,
          busy: p.withdrawing,
        };

  const withdraw = async () => {
    if (state === 'withdrawing') return;
    if (!checked) {
      setState('needs-check');
      document.getElementById('case-withdraw-check')?.focus();
      return;
    }
    if (!window.confirm(text.confirm)) return;
    setState('withdrawing');
    try {
      const done = await guard(() =>
        mode === 'erase'
          ? requestErasure(session.csrfToken, locale)
          : withdrawCase(session.csrfToken, locale),
      );
      if (done) onDone(mode);
    } catch {
      setState('error');
    }
  };

  return (
    <section className="result-section withdraw-box" aria-labelledby="case-withdraw-title">
      <h2 id="case-withdraw-title">{text.title}</h2>
      <p id="case-withdraw-body">{text.body}</p>
      <ul>
        {p.withdrawErased.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="small">{text.kept}</p>
      <div className="checkbox-field">
        <input
          id="case-withdraw-check"
          type="checkbox"
          checked={checked}
          onChange={(e) => {
            setChecked(e.target.checked);
            if (state === 'needs-check') setState('idle');
          }}
          aria-invalid={state === 'needs-check' ? true : undefined}
          aria-describedby={state === 'needs-check' ? 'case-withdraw-error' : undefined}
        />
        <label htmlFor="case-withdraw-check">{text.check}</label>
      </div>
      {state === 'needs-check' || state === 'error' ? (
        <p className="field-error" id="case-withdraw-error" role="alert">
          {state === 'needs-check' ? text.needsCheck : p.actionError}
        </p>
      ) : null}
      <button
        type="button"
        className="button button-danger"
        onClick={withdraw}
        aria-busy={state === 'withdrawing'}
      >
        {state === 'withdrawing' ? text.busy : text.button}
      </button>
    </section>
  );
}
