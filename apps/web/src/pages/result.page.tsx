import {
  getWindow,
  localizeWindow,
  triage,
  type LegalBasis,
  type Locale,
  type TriageResult,
  type WindowId,
  type WindowView,
} from '@mimamoru/core';
import { useEffect, useMemo, useState } from 'react';
import { CopyField } from '../components/copy-field.js';
import { ChannelLink } from '../components/channel-link.js';
import { toAnswers, useGuide } from '../guide/guide-state.js';
import type { Messages } from '../i18n/ja.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { saveTriage, type SaveTriageResponse } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link, navigate } from '../lib/router.js';

function localView(id: WindowId, locale: Locale, now: Date): WindowView | undefined {
  const window = getWindow(id);
  return window ? localizeWindow(window, locale, now) : undefined;
}

/** The triage result, computed in the browser from the wizard answers. */
export function ResultPage() {
  const t = useT();
  const { locale } = useLocale();
  const { draft, finished, reset, setStep } = useGuide();
  usePageTitle(t.result.pageTitle);

  // Collapsed legal bases are opened for printing, so the paper copy carries every source.
  useEffect(() => {
    const openAll = () =>
      document.querySelectorAll('details.basis').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', openAll);
    return () => window.removeEventListener('beforeprint', openAll);
  }, []);

  const answers = useMemo(() => toAnswers(draft), [draft]);
  const computed = useMemo((): { result: TriageResult } | { error: true } | null => {
    if (!finished || draft.facts.length === 0) return null;
    try {
      return { result: triage(answers, { locale }) };
    } catch (error) {
      console.error(error);
      return { error: true };
    }
  }, [answers, finished, draft.facts.length, locale]);

  if (!computed) {
    return (
      <div>
        <h1 tabIndex={-1}>{t.result.pageTitle}</h1>
        <p>{t.result.noAnswers}</p>
        <p>
          <Link to="/guide" className="button button-primary">
            {t.result.noAnswersAction}
          </Link>
        </p>
      </div>
    );
  }
  if ('error' in computed) {
    return (
      <div>
        <h1 tabIndex={-1}>{t.result.pageTitle}</h1>
        <p className="notice notice-error" role="alert">
          {t.result.computeError}
        </p>
      </div>
    );
  }

  const { result } = computed;
  const startOver = () => {
    if (!window.confirm(t.result.startOverConfirm)) return;
    reset();
    navigate('/guide');
  };
  const editAnswers = () => {
    setStep(0);
    navigate('/guide');
  };

  return (
    <div className="result">
      <h1 tabIndex={-1}>{t.result.pageTitle}</h1>
      <p className="lead-small">{t.result.intro}</p>
      <p className="as-of">{t.result.asOf(formatDate(result.asOf, t.dates.intl))}</p>

      <EmergencySection result={result} t={t} locale={locale} />
      <AssessmentSection result={result} t={t} />
      <DeadlinesSection result={result} t={t} />
      <StepsSection result={result} t={t} locale={locale} />
      <WindowsSection result={result} t={t} locale={locale} />
      <LawyerSection result={result} t={t} />
      <HouterasuSection result={result} t={t} />

      <section className="result-section disclaimer-box" aria-labelledby="disclaimer-title">
        <h2 id="disclaimer-title">{t.result.disclaimerTitle}</h2>
        <p>{result.disclaimer}</p>
      </section>

      <section className="result-section no-print" aria-labelledby="actions-title">
        <h2 id="actions-title">{t.result.actionsTitle}</h2>
        <SaveResult answers={answers} t={t} locale={locale} />
        <div className="actions actions-wrap">
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t.result.print}
          </button>
          <button type="button" className="button button-secondary" onClick={editAnswers}>
            {t.result.editAnswers}
          </button>
          <button type="button" className="button button-quiet" onClick={startOver}>
            {t.result.startOver}
          </button>
        </div>
      </section>
    </div>
  );
}

interface SectionProps {
  readonly result: TriageResult;
  readonly t: Messages;
}

function EmergencySection({ result, t, locale }: SectionProps & { readonly locale: Locale }) {
  if (result.emergency.length === 0) return null;
  const now = new Date();
  return (
    <section className="result-section emergency-box" aria-labelledby="result-emergency-title">
      <h2 id="result-emergency-title">{t.result.emergencyTitle}</h2>
      <ul className="emergency-list">
        {result.emergency.map((id) => {
          const view = localView(id, locale, now);
          const reasons = result.emergencyReasons.filter((r) => r.windowId === id);
          const phones = view?.channels.filter((c) => c.type === 'phone') ?? [];
          const channels = phones.length > 0 ? phones : (view?.channels.slice(0, 1) ?? []);
          return (
            <li key={id} className="emergency-item">
              <h3>{view?.name ?? id}</h3>
              {reasons.map((r) => (
                <p key={r.reason}>{r.reason}</p>
              ))}
              <ul className="channel-list">
                {channels.map((channel) => (
                  <li key={`${channel.type}-${channel.value}`}>
                    <ChannelLink channel={channel} large />
                    <span className="channel-hours">{channel.hours}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function BasisList({ basis, t }: { readonly basis: readonly LegalBasis[]; readonly t: Messages }) {
  if (basis.length === 0) return null;
  return (
    <details className="basis">
      <summary>{t.result.basisTitle}</summary>
      <ul>
        {basis.map((b) => (
          <li key={`${b.law}-${b.article}-${b.source}`}>
            <a href={b.source} target="_blank" rel="noopener noreferrer" className="print-url">
              <span lang="ja">
                {b.law} {b.article}
              </span>
              <span className="visually-hidden"> {t.common.opensInNewTab}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

function AssessmentSection({ result, t }: SectionProps) {
  return (
    <section className="result-section" aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t.result.assessmentTitle}</h2>
      <p className="hint">{t.result.assessmentIntro}</p>
      {result.assessment.length === 0 ? (
        <p>{t.result.assessmentNone}</p>
      ) : (
        <ul className="card-list">
          {result.assessment.map((a) => (
            <li key={a.category} className="card">
              <h3>{a.label}</h3>
              <p className="badges">
                <span className={`badge badge-${a.likelihood}`}>{t.result.likelihood[a.likelihood]}</span>
                {a.civil ? <span className="badge badge-neutral">{t.result.civil}</span> : null}
                {a.criminal ? <span className="badge badge-neutral">{t.result.criminal}</span> : null}
              </p>
              <p>{a.explanation}</p>
              {a.complaintRequired ? <p className="small">{t.result.complaintRequired}</p> : null}
              {a.penalty ? (
                <p className="small">
                  {t.result.penalty}: {a.penalty}
                </p>
              ) : null}
              <BasisList basis={a.basis} t={t} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const STATUS_ICON = { passed: '✕', soon: '!', ok: '✓' } as const;

function DeadlinesSection({ result, t }: SectionProps) {
  const deadlines = [...result.deadlines].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section className="result-section" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t.result.deadlinesTitle}</h2>
      <p className="hint">{t.result.deadlinesIntro}</p>
      {deadlines.length === 0 ? (
        <p>{t.result.deadlinesNone}</p>
      ) : (
        <ol className="deadline-list">
          {deadlines.map((d) => (
            <li key={d.id} className={`deadline deadline-${d.status}`}>
              <h3>{d.label}</h3>
              <div className="deadline-head">
                <span className={`status status-${d.status}`}>
                  <span aria-hidden="true" className="status-icon">
                    {STATUS_ICON[d.status]}
                  </span>
                  {t.result.deadlineStatus[d.status]}
                </span>
                <span className="deadline-date">
                  <time dateTime={d.date}>{t.result.deadlineBy(formatDate(d.date, t.dates.intl))}</time>
                  <span className="deadline-days">{t.result.daysLeft(d.daysLeft)}</span>
                </span>
              </div>
              <p>{d.explanation}</p>
              {d.statutory ? null : <p className="small">{t.result.notStatutory}</p>}
              <BasisList basis={d.basis} t={t} />
            </li>
          ))}
        </ol>
      )}
      {result.pendingDeadlines.length > 0 ? (
        <>
          <h3>{t.result.pendingTitle}</h3>
          <ul className="pending-list">
            {result.pendingDeadlines.map((p) => (
              <li key={p.id}>
                <strong>{p.label}</strong>
                <br />
                {t.result.pendingNeeds}: {p.needs}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function StepsSection({ result, t, locale }: SectionProps & { readonly locale: Locale }) {
  if (result.steps.length === 0) return null;
  const now = new Date();
  return (
    <section className="result-section" aria-labelledby="steps-title">
      <h2 id="steps-title">{t.result.stepsTitle}</h2>
      <p className="hint">{t.result.stepsIntro}</p>
      <ol className="step-list">
        {result.steps.map((step) => (
          <li key={step.id} className="step-item">
            <h3>
              {step.title}
              {step.urgent ? <span className="badge badge-urgent">{t.result.urgent}</span> : null}
            </h3>
            <p>{step.detail}</p>
            {step.duration || step.cost ? (
              <dl className="step-meta">
                {step.duration ? (
                  <>
                    <dt>{t.result.duration}</dt>
                    <dd>{step.duration}</dd>
                  </>
                ) : null}
                {step.cost ? (
                  <>
                    <dt>{t.result.cost}</dt>
                    <dd>{step.cost}</dd>
                  </>
                ) : null}
              </dl>
            ) : null}
            {step.windowIds.length > 0 ? (
              <ul className="inline-links">
                {step.windowIds.map((id) => (
                  <li key={id}>
                    <Link to={`/windows/${id}`}>{localView(id, locale, now)?.name ?? id}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {step.link ? (
              <p>
                {step.link.startsWith('/') ? (
                  <Link to={step.link}>{t.result.stepLink}</Link>
                ) : (
                  <a href={step.link} target="_blank" rel="noopener noreferrer" className="print-url">
                    {t.result.stepLink}
                    <span className="visually-hidden"> {t.common.opensInNewTab}</span>
                  </a>
                )}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function WindowsSection({ result, t, locale }: SectionProps & { readonly locale: Locale }) {
  if (result.windows.length === 0) return null;
  const now = new Date();
  return (
    <section className="result-section" aria-labelledby="windows-title">
      <h2 id="windows-title">{t.result.windowsTitle}</h2>
      <ul className="card-list">
        {result.windows.map((match) => {
          const view = localView(match.id, locale, now);
          const name = view?.name ?? match.id;
          const main = view?.channels.find((c) => c.type === 'phone') ?? view?.channels[0];
          return (
            <li key={match.id} className="card">
              <h3>
                <Link to={`/windows/${match.id}`}>{name}</Link>
              </h3>
              {view ? <p>{view.does}</p> : null}
              {match.reasons.length > 0 ? (
                <ul className="reasons">
                  {match.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : null}
              {main ? <ChannelLink channel={main} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function LawyerSection({ result, t }: SectionProps) {
  return (
    <section className="result-section" aria-labelledby="lawyer-title">
      <h2 id="lawyer-title">{t.result.lawyerTitle}</h2>
      <p>{result.lawyerRecommended ? t.result.lawyerRecommended : t.result.lawyerNotRequired}</p>
      {result.lawyerReasons.length > 0 ? (
        <>
          <h3>{t.result.lawyerReasons}</h3>
          <ul>
            {result.lawyerReasons.map((r) => (
              <li key={r.id}>{r.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function HouterasuSection({ result, t }: SectionProps) {
  const h = result.houterasu;
  const summary =
    h.eligible === true
      ? t.result.houterasuEligible
      : h.eligible === false
        ? t.result.houterasuNotEligible
        : t.result.houterasuUnknown;
  return (
    <section className="result-section" aria-labelledby="houterasu-title">
      <h2 id="houterasu-title">{t.result.houterasuTitle}</h2>
      <p>{summary}</p>
      {h.incomeLimitJpy !== null || h.assetLimitJpy !== null ? (
        <dl className="step-meta">
          {h.incomeLimitJpy !== null ? (
            <>
              <dt>{t.result.incomeLimit}</dt>
              <dd>{t.result.yen(h.incomeLimitJpy)}</dd>
            </>
          ) : null}
          {h.assetLimitJpy !== null ? (
            <>
              <dt>{t.result.assetLimit}</dt>
              <dd>{t.result.yen(h.assetLimitJpy)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {h.reasons.length > 0 ? (
        <ul>
          {h.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      <BasisList basis={h.basis} t={t} />
    </section>
  );
}

function SaveResult({
  answers,
  t,
  locale,
}: {
  readonly answers: ReturnType<typeof toAnswers>;
  readonly t: Messages;
  readonly locale: Locale;
}) {
  const [state, setState] = useState<
    { status: 'idle' | 'saving' | 'error' } | { status: 'saved'; saved: SaveTriageResponse }
  >({ status: 'idle' });
  const onSave = async () => {
    setState({ status: 'saving' });
    try {
      setState({ status: 'saved', saved: await saveTriage(answers, locale) });
    } catch {
      setState({ status: 'error' });
    }
  };
  if (state.status === 'saved') {
    return (
      <div className="saved-box" role="status">
        <h3>{t.result.savedTitle}</h3>
        <p>{t.result.savedBody}</p>
        <CopyField label={t.result.savedId} value={state.saved.id} id="saved-id" />
        <CopyField label={t.result.savedKey} value={state.saved.key} id="saved-key" />
      </div>
    );
  }
  return (
    <div className="save-box">
      <p>{t.result.saveExplanation}</p>
      <button
        type="button"
        className="button button-primary"
        onClick={onSave}
        disabled={state.status === 'saving'}
      >
        {state.status === 'saving' ? t.result.saving : t.result.save}
      </button>
      {state.status === 'error' ? (
        <p className="notice notice-error" role="alert">
          {t.result.saveError}
        </p>
      ) : null}
    </div>
  );
}
