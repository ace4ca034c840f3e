import { AREAS, FACTS, GOALS, IDENTIFIABILITY, PLATFORMS, todayInTokyo, type Area } from '@mimamoru/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Choice, Question } from '../components/choice.js';
import { EmergencyBox, PhoneLineLink } from '../components/emergency-box.js';
import { meansStatus, useGuide, type GuideDraft } from '../guide/guide-state.js';
import { WIZARD_LANGUAGES, type Messages } from '../i18n/ja.js';
import { useT } from '../i18n/locale-context.js';
import { usePageTitle } from '../lib/page-title.js';
import { navigate } from '../lib/router.js';

export const STEP_IDS = [
  'facts',
  'identifiable',
  'platforms',
  'postedAt',
  'ongoing',
  'offender',
  'goals',
  'wellbeing',
  'about',
  'means',
] as const;
type StepId = (typeof STEP_IDS)[number];

function stepTitle(id: StepId, t: Messages): string {
  return id === 'wellbeing' ? t.guide.steps.wellbeing.question : t.guide.steps[id].title;
}

/** Why "Next" is disabled on a step, or null when the step may be left. */
function blocker(id: StepId, draft: GuideDraft, t: Messages, today: string): string | null {
  switch (id) {
    case 'facts':
      return draft.facts.length > 0 ? null : t.guide.chooseAtLeastOne;
    case 'identifiable':
      return draft.identifiable ? null : t.guide.chooseOne;
    case 'platforms':
      return draft.platforms.length > 0 ? null : t.guide.chooseAtLeastOne;
    case 'postedAt':
      if (draft.postedAtUnknown) return null;
      if (!draft.postedAt) return t.guide.steps.postedAt.needsAnswer;
      return draft.postedAt > today ? t.guide.steps.postedAt.futureError : null;
    case 'ongoing':
      return draft.ongoing ? null : t.guide.chooseOne;
    case 'offender':
      if (!draft.offenderKnown) return t.guide.chooseOne;
      return draft.offenderKnown === 'yes' && draft.knownSince > today
        ? t.guide.steps.offender.futureError
        : null;
    case 'goals':
      return draft.goals.length > 0 ? null : t.guide.chooseAtLeastOne;
    case 'wellbeing':
    case 'about':
      return null;
    case 'means': {
      const status = meansStatus(draft);
      if (status === 'partial') return t.guide.steps.means.needsAll;
      if (status === 'invalid') return t.guide.steps.means.invalidNumber;
      return null;
    }
  }
}

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

/** The wizard: one question per screen, answers kept in memory and sessionStorage. */
export function GuidePage() {
  const t = useT();
  const { draft, step: storedStep, update, setStep, finish } = useGuide();
  const step = Math.min(storedStep, STEP_IDS.length - 1);
  const id = STEP_IDS[step] ?? 'facts';
  const total = STEP_IDS.length;
  const today = todayInTokyo(new Date());
  const why = blocker(id, draft, t, today);
  const isLast = step === total - 1;
  const [announcement, setAnnouncement] = useState('');
  const shownStep = useRef(step);

  usePageTitle(t.guide.pageTitle);

  // Only on a real step change (not on mount, not when the locale changes the title text).
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    setAnnouncement(t.guide.stepAnnounce(step + 1, total, stepTitle(id, t)));
    document.getElementById('step-heading')?.focus();
    window.scrollTo({ top: 0 });
  }, [step, id, t, total]);

  const goNext = () => {
    if (why) return;
    if (isLast) {
      finish();
      navigate('/result');
    } else {
      setStep(step + 1);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    goNext();
  };
  const skipMeans = () => {
    update({ householdSize: '', monthlyIncome: '', housingCost: '', assets: '', area: '' });
    finish();
    navigate('/result');
  };

  return (
    <div className="guide">
      <h1 tabIndex={-1}>{t.guide.pageTitle}</h1>
      <div className="progress">
        <p className="progress-text" id="progress-text" aria-hidden="true">
          {t.guide.progressText(step + 1, total)}
        </p>
        <div
          className="progress-track"
          role="progressbar"
          aria-label={t.guide.progressLabel}
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={step + 1}
          aria-valuetext={t.guide.progressText(step + 1, total)}
        >
          <div className="progress-bar" style={{ width: `${((step + 1) / total) * 100}%` }} />
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      <form onSubmit={onSubmit} noValidate className="guide-form">
        <StepBody id={id} draft={draft} update={update} t={t} today={today} />

        {why ? (
          <p className="blocker" id="next-blocker">
            {why}
          </p>
        ) : null}
        <div className="actions">
          {step > 0 ? (
            <button type="button" className="button button-secondary" onClick={() => setStep(step - 1)}>
              {t.guide.back}
            </button>
          ) : null}
          <button
            type="submit"
            className="button button-primary"
            disabled={why !== null}
            aria-describedby={why ? 'next-blocker' : undefined}
          >
            {isLast ? t.guide.seeResult : t.guide.next}
          </button>
        </div>
        {id === 'means' ? (
          <div className="actions actions-skip">
            <button type="button" className="button button-quiet" onClick={skipMeans}>
              {t.guide.skipAndSeeResult}
            </button>
          </div>
        ) : null}
        <p className="kept-note">{t.guide.keptNote}</p>
      </form>
    </div>
  );
}

interface StepProps {
  readonly id: StepId;
  readonly draft: GuideDraft;
  readonly update: (patch: Partial<GuideDraft>) => void;
  readonly t: Messages;
  readonly today: string;
}

function StepBody({ id, draft, update, t, today }: StepProps): ReactNode {
  const s = t.guide.steps;
  switch (id) {
    case 'facts':
      return (
        <>
          <Question title={s.facts.title} hint={s.facts.hint} hintId="step-hint">
            {FACTS.map((fact) => (
              <Choice
                key={fact}
                type="checkbox"
                id={`fact-${fact}`}
                name="facts"
                value={fact}
                checked={draft.facts.includes(fact)}
                onChange={(e) => update({ facts: toggle(draft.facts, fact, e.target.checked) })}
                label={t.guide.factOptions[fact].label}
                example={t.guide.factOptions[fact].example}
              />
            ))}
          </Question>
          {draft.facts.includes('threat-life') ? (
            <div className="notice notice-urgent" role="note">
              <p>{s.wellbeing.dangerNote}</p>
              <p>
                <PhoneLineLink line="police-110" inline />
              </p>
            </div>
          ) : null}
        </>
      );
    case 'identifiable':
      return (
        <Question title={s.identifiable.title} hint={s.identifiable.hint} hintId="step-hint">
          {IDENTIFIABILITY.map((value) => (
            <Choice
              key={value}
              type="radio"
              id={`identifiable-${value}`}
              name="identifiable"
              value={value}
              checked={draft.identifiable === value}
              onChange={() => update({ identifiable: value })}
              label={t.guide.identifiableOptions[value].label}
              example={t.guide.identifiableOptions[value].example}
            />
          ))}
        </Question>
      );
    case 'platforms':
      return (
        <Question title={s.platforms.title} hint={s.platforms.hint} hintId="step-hint" columns>
          {PLATFORMS.map((platform) => (
            <Choice
              key={platform}
              type="checkbox"
              id={`platform-${platform}`}
              name="platforms"
              value={platform}
              checked={draft.platforms.includes(platform)}
              onChange={(e) => update({ platforms: toggle(draft.platforms, platform, e.target.checked) })}
              label={t.guide.platformOptions[platform]}
            />
          ))}
        </Question>
      );
    case 'postedAt': {
      const future = draft.postedAt !== '' && draft.postedAt > today && !draft.postedAtUnknown;
      return (
        <Question title={s.postedAt.title} hint={s.postedAt.hint} hintId="step-hint">
          <div className="field">
            <label htmlFor="posted-at">{s.postedAt.dateLabel}</label>
            <input
              id="posted-at"
              type="date"
              max={today}
              value={draft.postedAt}
              disabled={draft.postedAtUnknown}
              aria-invalid={future || undefined}
              aria-describedby={future ? 'posted-at-error' : undefined}
              onChange={(e) => update({ postedAt: e.target.value })}
            />
            {future ? (
              <p className="field-error" id="posted-at-error">
                {s.postedAt.futureError}
              </p>
            ) : null}
          </div>
          <Choice
            type="checkbox"
            id="posted-at-unknown"
            name="postedAtUnknown"
            value="unknown"
            checked={draft.postedAtUnknown}
            onChange={(e) => update({ postedAtUnknown: e.target.checked })}
            label={s.postedAt.unknownLabel}
          />
        </Question>
      );
    }
    case 'ongoing':
      return (
        <Question title={s.ongoing.title} hint={s.ongoing.hint} hintId="step-hint">
          {(['yes', 'no', 'unknown'] as const).map((value) => (
            <Choice
              key={value}
              type="radio"
              id={`ongoing-${value}`}
              name="ongoing"
              value={value}
              checked={draft.ongoing === value}
              onChange={() => update({ ongoing: value })}
              label={s.ongoing.options[value]}
            />
          ))}
        </Question>
      );
    case 'offender': {
      const future = draft.offenderKnown === 'yes' && draft.knownSince !== '' && draft.knownSince > today;
      return (
        <Question title={s.offender.title} hint={s.offender.hint} hintId="step-hint">
          <Choice
            type="radio"
            id="offender-no"
            name="offender"
            value="no"
            checked={draft.offenderKnown === 'no'}
            onChange={() => update({ offenderKnown: 'no' })}
            label={s.offender.unknown}
          />
          <Choice
            type="radio"
            id="offender-yes"
            name="offender"
            value="yes"
            checked={draft.offenderKnown === 'yes'}
            onChange={() => update({ offenderKnown: 'yes' })}
            label={s.offender.known}
          />
          {draft.offenderKnown === 'yes' ? (
            <div className="field field-nested">
              <label htmlFor="known-since">{s.offender.sinceLabel}</label>
              <p className="field-help" id="known-since-help">
                {s.offender.sinceHint}
              </p>
              <input
                id="known-since"
                type="date"
                max={today}
                value={draft.knownSince}
                aria-invalid={future || undefined}
                aria-describedby={future ? 'known-since-help known-since-error' : 'known-since-help'}
                onChange={(e) => update({ knownSince: e.target.value })}
              />
              {future ? (
                <p className="field-error" id="known-since-error">
                  {s.offender.futureError}
                </p>
              ) : null}
            </div>
          ) : null}
        </Question>
      );
    }
    case 'goals':
      return (
        <Question title={s.goals.title} hint={s.goals.hint} hintId="step-hint">
          {GOALS.map((goal) => (
            <Choice
              key={goal}
              type="checkbox"
              id={`goal-${goal}`}
              name="goals"
              value={goal}
              checked={draft.goals.includes(goal)}
              onChange={(e) => update({ goals: toggle(draft.goals, goal, e.target.checked) })}
              label={t.guide.goalOptions[goal].label}
              example={t.guide.goalOptions[goal].example || undefined}
            />
          ))}
        </Question>
      );
    case 'wellbeing':
      return (
        <>
          <p className="step-kicker">{s.wellbeing.title}</p>
          <p className="lead-small">{s.wellbeing.intro}</p>
          <Question title={s.wellbeing.question} hint={s.wellbeing.optionalNote} hintId="step-hint">
            {(['yes', 'no', 'skip'] as const).map((value) => (
              <Choice
                key={value}
                type="radio"
                id={`self-harm-${value}`}
                name="selfHarm"
                value={value}
                checked={draft.selfHarm === value}
                onChange={() => update({ selfHarm: value })}
                label={
                  value === 'yes' ? t.common.yes : value === 'no' ? t.common.no : t.common.preferNotToSay
                }
              />
            ))}
          </Question>
          {draft.selfHarm === 'yes' ? (
            <EmergencyBox
              id="wellbeing-help"
              title={s.wellbeing.urgentTitle}
              intro={s.wellbeing.urgentBody}
              lines={['inochi-denwa', 'yorisoi', 'police-110']}
              headingLevel={3}
            />
          ) : (
            <EmergencyBox
              id="wellbeing-help"
              title={s.wellbeing.helpTitle}
              intro={s.wellbeing.helpBody}
              lines={['inochi-denwa', 'yorisoi']}
              headingLevel={3}
            />
          )}
        </>
      );
    case 'about':
      return (
        <section className="question-group" aria-labelledby="step-heading">
          <h2 id="step-heading" tabIndex={-1}>
            {s.about.title}
          </h2>
          <p className="hint">{s.about.hint}</p>
          <YesNoGroup
            legend={s.about.minorLegend}
            name="minor"
            value={draft.minor}
            onChange={(minor) => update({ minor })}
            t={t}
          />
          <YesNoGroup
            legend={s.about.businessLegend}
            help={s.about.businessHelp}
            name="business"
            value={draft.business}
            onChange={(business) => update({ business })}
            t={t}
          />
          <div className="field">
            <label htmlFor="language">{s.about.languageLabel}</label>
            <p className="field-help" id="language-help">
              {s.about.languageHint}
            </p>
            <select
              id="language"
              value={draft.language}
              aria-describedby="language-help"
              onChange={(e) => update({ language: e.target.value })}
            >
              <option value="">—</option>
              {WIZARD_LANGUAGES.map((lang) => (
                <option key={lang} value={lang}>
                  {t.guide.languageOptions[lang]}
                </option>
              ))}
            </select>
          </div>
        </section>
      );
    case 'means':
      return <MeansStep draft={draft} update={update} t={t} />;
  }
}

interface YesNoGroupProps {
  readonly legend: string;
  readonly help?: string;
  readonly name: string;
  readonly value: GuideDraft['minor'];
  readonly onChange: (value: 'yes' | 'no' | 'unknown') => void;
  readonly t: Messages;
}

function YesNoGroup({ legend, help, name, value, onChange, t }: YesNoGroupProps) {
  return (
    <fieldset className="subquestion" aria-describedby={help ? `${name}-help` : undefined}>
      <legend>{legend}</legend>
      {help ? (
        <p className="field-help" id={`${name}-help`}>
          {help}
        </p>
      ) : null}
      <div className="choices choices-inline">
        {(['yes', 'no', 'unknown'] as const).map((option) => (
          <Choice
            key={option}
            type="radio"
            id={`${name}-${option}`}
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
            label={option === 'yes' ? t.common.yes : option === 'no' ? t.common.no : t.common.unknown}
          />
        ))}
      </div>
    </fieldset>
  );
}

function MeansStep({ draft, update, t }: Omit<StepProps, 'id' | 'today'>) {
  const m = t.guide.steps.means;
  const amount = (id: string, label: string, value: string, key: keyof GuideDraft, unit: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-unit">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => update({ [key]: e.target.value } as Partial<GuideDraft>)}
        />
        <span aria-hidden="true">{unit}</span>
      </div>
    </div>
  );
  return (
    <section className="question-group" aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1}>
        {m.title}
      </h2>
      <p>{m.why}</p>
      <p className="hint">
        {m.privacy} {m.optionalNote}
      </p>
      {amount('household-size', m.householdLabel, draft.householdSize, 'householdSize', m.people)}
      {amount('monthly-income', m.incomeLabel, draft.monthlyIncome, 'monthlyIncome', m.yen)}
      {amount('housing-cost', m.housingLabel, draft.housingCost, 'housingCost', m.yen)}
      {amount('assets', m.assetsLabel, draft.assets, 'assets', m.yen)}
      <fieldset className="subquestion">
        <legend>{m.areaLegend}</legend>
        <div className="choices">
          {[...AREAS, 'unknown' as const].map((area: Area | 'unknown') => (
            <Choice
              key={area}
              type="radio"
              id={`area-${area}`}
              name="area"
              value={area}
              checked={draft.area === area}
              onChange={() => update({ area })}
              label={area === 'unknown' ? m.areaUnknown : t.guide.areaOptions[area]}
            />
          ))}
        </div>
      </fieldset>
    </section>
  );
}
