import type { DeadlineStatus, WorkflowStage } from '@mimamoru/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Loading, LoadError } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { Link } from '../lib/router.js';
import { caseActions, fetchCase, type StaffCase } from './cases-api.js';
import { CaseReferrals } from './case-referrals.js';
import { ErasedCase } from './case-erasure.js';
import { useConsoleTitle, useCT } from './console-app.js';
import { formatStaffTime } from './format.js';
import { CaseTargets } from './case-targets.js';
import { CaseEvidence } from './case-evidence.js';
import { CaseEvidenceCapture } from './case-evidence-capture.js';
import { CaseDocuments } from './case-documents.js';
import { CaseAnalysis } from './case-analysis.js';
import { CaseTeam } from './case-team.js';
import { PriorityBadge } from './queue.page.js';
import { ReplyTemplatePicker } from './reply-template-picker.js';
import type { StaffSession } from './staff-session.js';
import { useStaffResource, WriteProblemNotice, writeProblem, type WriteProblem } from './staff-resource.js';

const deadlineStatus = (daysLeft: number): DeadlineStatus =>
  daysLeft < 0 ? 'passed' : daysLeft <= 30 ? 'soon' : 'ok';

/** Today in Japan (YYYY-MM-DD), the default for "the poster became known". */
function todayInJapan(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** /console/cases/:id: everything about one case, and the actions on it. */
export function StaffCasePage({ id, session }: { readonly id: string; readonly session: StaffSession }) {
  const c = useCT();
  const { locale } = useLocale();
  const {
    data,
    setData,
    status: loadStatus,
    reload: refetch,
  } = useStaffResource((signal) => fetchCase(id, locale, signal), [id, locale]);
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const [status, setStatus] = useState('');
  /** Bumped when a server capture finishes, so the evidence panel reads the locker again. */
  const [evidenceRound, setEvidenceRound] = useState(0);
  useConsoleTitle(data ? data.caseNumber : c.nav.queue);

  /** Runs a write; the answer is the whole case. True when it worked (the form may clear itself). */
  const act = async (write: () => Promise<StaffCase>, done = c.casePage.saved): Promise<boolean> => {
    setProblem(null);
    setStatus('');
    try {
      setData(await write());
      setStatus(done);
      return true;
    } catch (error) {
      const found = writeProblem(error, 'cases.stale', c.networkError);
      if (found) setProblem(found);
      return false;
    }
  };

  if (loadStatus === 'loading' && !data) return <Loading />;
  if (loadStatus === 'not-found')
    return (
      <>
        <h1 tabIndex={-1}>{c.casePage.notFound}</h1>
        <p>
          <Link to="/console">{c.casePage.back}</Link>
        </p>
      </>
    );
  if (loadStatus === 'error' || !data) return <LoadError message={c.loadError} onRetry={refetch} />;

  const p = c.casePage;
  const csrf = session.csrfToken;
  const reload = () => {
    setProblem(null);
    refetch();
  };
  // Personal data erased (retention or the victim's request): a read-only page of what remains.
  if (data.erasure) return <ErasedCase data={data} erasure={data.erasure} />;

  return (
    <article className="console-case">
      <p className="console-back">
        <Link to="/console">← {p.back}</Link>
      </p>
      <header className="console-case-head">
        <h1 tabIndex={-1} className="console-mono">
          {data.caseNumber}
        </h1>
        <PriorityBadge level={data.priority.level} />
        <span className="console-badge console-stage">{c.stages[data.stage]}</span>
        <span className={`console-sla console-sla-${data.sla.status}`}>
          {c.queue.sla}: {c.slaStatus[data.sla.status]}
          {data.sla.status === 'running' || data.sla.status === 'warning' || data.sla.status === 'breached'
            ? ` · ${c.queue.remaining(data.sla.remainingMs)}`
            : ''}
        </span>
      </header>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <WriteProblemNotice problem={problem} staleText={p.stale} reloadText={p.reload} onReload={reload} />
      <div className="console-case-grid">
        <div className="console-case-main">
          <Intake data={data} />
          <Guide data={data} />
          <CaseTargets caseId={data.id} csrf={csrf} onChanged={refetch} />
          <CaseEvidence key={evidenceRound} caseId={data.id} csrf={csrf} />
          <CaseEvidenceCapture caseId={data.id} csrf={csrf} onCaptured={() => setEvidenceRound((n) => n + 1)} />
          <CaseDocuments key={`documents-${evidenceRound}`} caseId={data.id} csrf={csrf} />
          <CaseAnalysis caseId={data.id} csrf={csrf} onEvidenceAdded={() => setEvidenceRound((n) => n + 1)} />
          <Messages data={data} act={act} csrf={csrf} meName={session.account.displayName} />
          <Notes data={data} act={act} csrf={csrf} />
          <CaseReferrals caseId={data.id} session={session} />
        </div>
        <div className="console-case-side">
          <Workflow data={data} act={act} csrf={csrf} me={session.account.id} />
          {session.account.role === 'admin' ? <CaseTeam data={data} act={act} csrf={csrf} /> : null}
          <Deadlines data={data} />
          <Tasks data={data} act={act} csrf={csrf} />
          <History data={data} />
        </div>
      </div>
    </article>
  );
}

type Act = (write: () => Promise<StaffCase>, done?: string) => Promise<boolean>;
interface PartProps {
  readonly data: StaffCase;
  readonly act: Act;
  readonly csrf: string;
}

function Section({
  id,
  title,
  children,
  className,
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={`console-panel ${className ?? ''}`}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Intake({ data }: { readonly data: StaffCase }) {
  const c = useCT();
  const p = c.casePage;
  const t = useT();
  const { locale } = useLocale();
  const { intake } = data;
  return (
    <Section id="case-intake" title={p.intake}>
      {intake.contact.notes ? (
        <div className="console-safe-contact" role="note" aria-label={p.safeContact}>
          <strong>{p.safeContact}</strong>
          <p className="pre-wrap">{intake.contact.notes}</p>
        </div>
      ) : null}
      <dl className="console-dl">
        <Row label={p.received}>{formatStaffTime(data.createdAt, locale)}</Row>
        <Row label={p.intakeChannel}>
          {c.intakeChannels[data.channel]}
          {data.openedBy ? (
            <span className="small muted"> {p.openedBy(data.openedBy.displayName)}</span>
          ) : null}
        </Row>
        <Row label={p.team}>{data.team.name}</Row>
        <Row label={p.firstResponse}>
          {data.firstResponseAt ? formatStaffTime(data.firstResponseAt, locale) : p.notYet}
        </Row>
        <Row label={p.name}>{intake.name ?? p.anonymous}</Row>
        <Row label={p.contact}>
          {p.channels[intake.contact.channel]}
          {intake.contact.email ? (
            <>
              <br />
              {p.email}: {intake.contact.email}
            </>
          ) : null}
          {intake.contact.phone ? (
            <>
              <br />
              {p.phone}: {intake.contact.phone}
            </>
          ) : null}
        </Row>
        <Row label={p.platforms}>
          {intake.platforms.map((x) => t.guide.platformOptions[x]).join('、') || c.queue.none}
        </Row>
        {intake.happenedAt ? <Row label={p.happenedAt}>{intake.happenedAt}</Row> : null}
        <Row label={p.goals}>
          {intake.goals.map((g) => t.guide.goalOptions[g].label).join('、') || c.queue.none}
        </Row>
        {data.priority.reasons.length > 0 ? (
          <Row label={p.priorityReasons}>
            <ul className="console-plain-list">
              {data.priority.reasons.map((r) => (
                <li key={r.id}>{r.text[locale]}</li>
              ))}
            </ul>
          </Row>
        ) : null}
      </dl>
      <h3>{p.narrative}</h3>
      <p className="pre-wrap console-narrative">{intake.narrative}</p>
      {intake.postUrls.length > 0 ? (
        <>
          <h3>{p.postUrls}</h3>
          <ul className="console-urls">
            {intake.postUrls.map((url) => (
              <li key={url} className="console-mono">
                {url}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.attachments.length > 0 ? (
        <>
          <h3>{p.attachments}</h3>
          <ul className="console-plain-list">
            {data.attachments.map((a) => (
              <li key={a.id}>
                {a.filename} <span className="muted small">({Math.ceil(a.size / 1024)} KB)</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function Guide({ data }: { readonly data: StaffCase }) {
  const c = useCT();
  const p = c.casePage;
  const t = useT();
  return (
    <Section id="case-guide" title={p.guide}>
      {data.guide ? (
        <>
          <h3>{p.assessment}</h3>
          {data.guide.assessment.length === 0 ? (
            <p>{t.result.assessmentNone}</p>
          ) : (
            <ul className="console-plain-list">
              {data.guide.assessment.map((a) => (
                <li key={a.category}>
                  <strong>{a.label}</strong>{' '}
                  <span className={`console-badge console-likelihood-${a.likelihood}`}>
                    {t.result.likelihood[a.likelihood]}
                  </span>{' '}
                  <span className="small muted">
                    {[a.civil ? t.result.civil : null, a.criminal ? t.result.criminal : null]
                      .filter(Boolean)
                      .join(' / ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>{p.noGuide}</p>
      )}
    </Section>
  );
}

function Deadlines({ data }: { readonly data: StaffCase }) {
  const c = useCT();
  const p = c.casePage;
  return (
    <Section id="case-deadlines" title={p.deadlinesTitle}>
      {data.offenderKnownSince ? <p className="small">{p.offenderKnown(data.offenderKnownSince)}</p> : null}
      {data.deadlines.length === 0 ? (
        <p>{p.deadlinesNone}</p>
      ) : (
        <ul className="console-deadlines">
          {data.deadlines.map((d) => {
            const state = deadlineStatus(d.daysLeft);
            return (
              <li key={d.id} className={`console-deadline console-deadline-${state}`}>
                <span className="console-deadline-name">
                  {c.deadlines[d.id as keyof typeof c.deadlines] ?? d.id}
                </span>
                <span className="console-nowrap">
                  <strong>{d.date}</strong> （{p.daysLeft(d.daysLeft)}・{p.deadlineState[state]}）
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function Workflow({ data, act, csrf, me }: PartProps & { readonly me: string }) {
  const c = useCT();
  const p = c.casePage;
  const { locale } = useLocale();
  const [target, setTarget] = useState<WorkflowStage | ''>('');
  const [knownSince, setKnownSince] = useState(todayInJapan);
  type Target = Exclude<WorkflowStage, 'withdrawn'>;
  const next = data.nextStages.filter((s): s is Target => s !== 'withdrawn');
  // No stage is preselected: a stage change is always a deliberate choice.
  const chosen = next.find((s) => s === target) ?? '';

  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      document.getElementById('case-stage')?.focus();
      return;
    }
    if (await act(() => caseActions.stage(data.id, { to: chosen, version: data.version }, csrf, locale)))
      setTarget('');
  };
  const assign = (body: Parameters<typeof caseActions.assign>[1]) =>
    void act(() => caseActions.assign(data.id, body, csrf, locale));
  const recordOffender = (event: FormEvent) => {
    event.preventDefault();
    if (!knownSince) return;
    void act(() => caseActions.offender(data.id, { knownSince, version: data.version }, csrf, locale));
  };

  return (
    <Section id="case-workflow" title={p.workflow}>
      <dl className="console-dl">
        <Row label={p.stageNow}>{c.stages[data.stage]}</Row>
        <Row label={p.assign}>{data.assignee ? data.assignee.displayName : c.queue.unassigned}</Row>
      </dl>
      {next.length > 0 ? (
        <form className="console-inline-form" onSubmit={move}>
          <div className="field">
            <label htmlFor="case-stage">{p.moveTo}</label>
            <select
              id="case-stage"
              value={chosen}
              onChange={(e) => setTarget(e.target.value as WorkflowStage)}
            >
              <option value="">{p.choose}</option>
              {next.map((s) => (
                <option key={s} value={s}>
                  {c.stages[s]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary">
            {p.move}
          </button>
        </form>
      ) : (
        <p>{p.noNextStages}</p>
      )}
      <div className="console-button-row" role="group" aria-label={p.assign}>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => assign({ assigneeId: me, version: data.version })}
        >
          {p.assignMe}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => assign({ strategy: 'round-robin', version: data.version })}
        >
          {p.assignRoundRobin}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => assign({ strategy: 'least-open', version: data.version })}
        >
          {p.assignLeastOpen}
        </button>
        {data.assignee ? (
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => assign({ assigneeId: null, version: data.version })}
          >
            {p.unassign}
          </button>
        ) : null}
      </div>
      <form className="console-inline-form" onSubmit={recordOffender}>
        <div className="field">
          <label htmlFor="case-offender">{p.offender}</label>
          <p className="field-help small" id="case-offender-help">
            {p.offenderHelp}
          </p>
          <input
            id="case-offender"
            type="date"
            value={knownSince}
            max={todayInJapan()}
            aria-describedby="case-offender-help"
            onChange={(e) => setKnownSince(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {p.offenderSave}
        </button>
      </form>
    </Section>
  );
}

function Messages({ data, act, csrf, meName }: PartProps & { readonly meName: string }) {
  const c = useCT();
  const p = c.casePage;
  const { locale } = useLocale();
  const [body, setBody] = useState('');
  const [waiting, setWaiting] = useState(true);
  const [busy, setBusy] = useState(false);
  const [empty, setEmpty] = useState(false);
  const [inserted, setInserted] = useState('');

  /** A template's filled text goes into the reply, still editable; typed text is replaced only if confirmed. */
  const insertTemplate = (text: string) => {
    if (body.trim() && body !== text && !window.confirm(p.templateReplace)) return;
    setEmpty(false);
    setBody(text);
    setInserted(p.templateInserted);
    document.getElementById('case-reply')?.focus();
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!body.trim()) {
      setEmpty(true);
      document.getElementById('case-reply')?.focus();
      return;
    }
    setBusy(true);
    const ok = await act(
      () =>
        caseActions.reply(data.id, { body, awaitingVictim: waiting, version: data.version }, csrf, locale),
      p.sent,
    );
    setBusy(false);
    if (ok) setBody('');
  };

  return (
    <Section id="case-messages" title={p.messages}>
      {data.messages.length === 0 ? (
        <p>{p.noMessages}</p>
      ) : (
        <ol className="console-thread">
          {data.messages.map((m) => (
            <li key={m.id} className={`console-message console-message-${m.author}`}>
              <p className="console-message-meta">
                <strong>{m.author === 'victim' ? p.fromVictim : p.fromConsultant}</strong>{' '}
                <span className="muted">{formatStaffTime(m.createdAt, locale)}</span>
              </p>
              <p className="pre-wrap">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <ReplyTemplatePicker
        caseLocale={data.locale}
        caseNumber={data.caseNumber}
        consultantName={meName}
        onInsert={insertTemplate}
      />
      <p className="visually-hidden" role="status">
        {inserted}
      </p>
      <form onSubmit={send} noValidate>
        <div className="field">
          <label htmlFor="case-reply">{p.replyLabel}</label>
          <p className="field-help small" id="case-reply-help">
            {p.replyHelp}
          </p>
          <textarea
            id="case-reply"
            rows={5}
            maxLength={10_000}
            value={body}
            aria-describedby={`case-reply-help${empty ? ' case-reply-empty' : ''}`}
            aria-invalid={empty ? true : undefined}
            onChange={(e) => {
              setEmpty(false);
              setBody(e.target.value);
            }}
          />
          {empty ? (
            <p id="case-reply-empty" className="field-error">
              {p.empty}
            </p>
          ) : null}
        </div>
        <div className="checkbox-field">
          <input
            id="case-awaiting"
            type="checkbox"
            checked={waiting}
            onChange={(e) => setWaiting(e.target.checked)}
          />
          <label htmlFor="case-awaiting">{p.awaitingVictim}</label>
        </div>
        <button type="submit" className="button button-primary" aria-busy={busy}>
          {busy ? p.sending : p.send}
        </button>
      </form>
    </Section>
  );
}

function Notes({ data, act, csrf }: PartProps) {
  const c = useCT();
  const p = c.casePage;
  const { locale } = useLocale();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      document.getElementById('case-note')?.focus();
      return;
    }
    if (await act(() => caseActions.note(data.id, { body }, csrf, locale))) setBody('');
  };
  return (
    <Section id="case-notes" title={p.notes} className="console-internal">
      <p className="console-internal-label">{p.notesWarning}</p>
      {data.notes.length === 0 ? (
        <p>{p.noNotes}</p>
      ) : (
        <ol className="console-thread">
          {data.notes.map((n) => (
            <li key={n.id} className="console-message console-note">
              <p className="console-message-meta">
                <strong>{n.author?.displayName ?? p.system}</strong>{' '}
                <span className="muted">{formatStaffTime(n.createdAt, locale)}</span>
              </p>
              <p className="pre-wrap">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={add} noValidate>
        <div className="field">
          <label htmlFor="case-note">{p.noteLabel}</label>
          <textarea
            id="case-note"
            rows={3}
            maxLength={10_000}
            value={body}
            aria-invalid={empty ? true : undefined}
            aria-describedby={empty ? 'case-note-empty' : undefined}
            onChange={(e) => {
              setEmpty(false);
              setBody(e.target.value);
            }}
          />
          {empty ? (
            <p id="case-note-empty" className="field-error">
              {p.empty}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button-secondary">
          {p.addNote}
        </button>
      </form>
    </Section>
  );
}

function Tasks({ data, act, csrf }: PartProps) {
  const c = useCT();
  const p = c.casePage;
  const { locale } = useLocale();
  return (
    <Section id="case-tasks" title={p.tasks}>
      {data.tasks.length === 0 ? (
        <p>{p.noTasks}</p>
      ) : (
        <ul className="console-tasks">
          {data.tasks.map((task) => {
            const title = task.title[locale];
            return (
              <li key={task.id} className={task.doneAt ? 'console-task-done' : undefined}>
                <span className="console-task-title">{title}</span>
                <span className="small">
                  {task.doneAt ? p.doneAt(formatStaffTime(task.doneAt, locale)) : p.due(task.dueOn)}
                </span>
                {task.doneAt ? null : (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={p.doneLabel(title)}
                    onClick={() => void act(() => caseActions.taskDone(data.id, task.id, csrf, locale))}
                  >
                    {p.done}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

/** "削除: 削除依頼中 → 削除済み" for a post's track change on the timeline. */
function targetChange(c: ReturnType<typeof useCT>, detail: StaffCase['events'][number]['detail']): string {
  const { track, from, to } = detail;
  if (track !== 'takedown' && track !== 'disclosure') return '';
  const names: Readonly<Record<string, string>> = c.targets[track];
  const name = (state: unknown) => (typeof state === 'string' ? (names[state] ?? state) : '');
  return `${c.targets.tracks[track]}: ${name(from)} → ${name(to)}`;
}

function History({ data }: { readonly data: StaffCase }) {
  const c = useCT();
  const p = c.casePage;
  const { locale } = useLocale();
  if (data.events.length === 0) return null;
  const detail = (e: StaffCase['events'][number]) => {
    const to = e.detail.to;
    if (e.type === 'stage-changed' && typeof to === 'string' && to in c.stages)
      return `→ ${c.stages[to as WorkflowStage]}`;
    if (e.type === 'offender-recorded' && typeof e.detail.knownSince === 'string') return e.detail.knownSince;
    // Team ids are not names: the current team is the one name the case page knows.
    if (e.type === 'team-changed' && to === data.team.id) return `→ ${data.team.name}`;
    if (e.type === 'target-changed') return targetChange(c, e.detail);
    return '';
  };
  return (
    <Section id="case-history" title={p.history}>
      <ol className="console-history">
        {[...data.events].reverse().map((e) => (
          <li key={e.id}>
            <span className="muted small console-nowrap">{formatStaffTime(e.createdAt, locale)}</span>{' '}
            {p.events[e.type]} {detail(e)}{' '}
            <span className="muted small">{e.actor?.displayName ?? p.system}</span>
          </li>
        ))}
      </ol>
    </Section>
  );
}
