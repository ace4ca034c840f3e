import {
  formatYen,
  getWindow,
  localizeWindow,
  type LegalBasis,
  type Locale,
  type TriageResult,
  type WindowId,
  type WindowView,
} from '@mimamoru/core';
import { useEffect, type ReactNode } from 'react';
import type { Messages } from '../i18n/ja.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { formatDate } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { ChannelLink } from './channel-link.js';
import { mainChannel } from './window-bits.js';

function localView(id: WindowId, locale: Locale, now: Date): WindowView | undefined {
  const window = getWindow(id);
  return window ? localizeWindow(window, locale, now) : undefined;
}

/**
 * A triage result, section by section, as /result (computed in the browser) and /saved (recomputed by
 * the server) both show it. The page owns the heading and intro above it, and what can be done with the
 * answers: `children` (a box above the buttons) and `actions` (buttons next to "print").
 */
export function ResultView({
  result,
  actions,
  children,
}: {
  readonly result: TriageResult;
  readonly actions: ReactNode;
  readonly children?: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();

  // Collapsed legal bases are opened for printing, so the paper copy carries every source.
  useEffect(() => {
    const openAll = () =>
      document.querySelectorAll('details.basis').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', openAll);
    return () => window.removeEventListener('beforeprint', openAll);
  }, []);

  return (
    <>
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
        {children}
        <div className="actions actions-wrap">
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t.result.print}
          </button>
          {actions}
        </div>
      </section>
    </>
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
          const main = view ? mainChannel(view) : undefined;
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
              <dd>{t.result.yen(formatYen(h.incomeLimitJpy))}</dd>
            </>
          ) : null}
          {h.assetLimitJpy !== null ? (
            <>
              <dt>{t.result.assetLimit}</dt>
              <dd>{t.result.yen(formatYen(h.assetLimitJpy))}</dd>
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
