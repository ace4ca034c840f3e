import { triage, type Locale, type TriageAnswers, type TriageResult } from '@mimamoru/core';
import { useMemo, useState } from 'react';
import { CopyField } from '../components/copy-field.js';
import { ResultView } from '../components/result-view.js';
import { toAnswers, useGuide } from '../guide/guide-state.js';
import { startConsultFromGuide } from '../intake/consult-draft.js';
import type { Messages } from '../i18n/ja.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { saveTriage, type SaveTriageResponse } from '../lib/api.js';
import { usePageTitle } from '../lib/page-title.js';
import { savedCodeText } from '../lib/saved-code.js';
import { Link, navigate } from '../lib/router.js';

/** The triage result, computed in the browser from the wizard answers. */
export function ResultPage() {
  const t = useT();
  const { locale } = useLocale();
  const { draft, finished, reset, setStep } = useGuide();
  usePageTitle(t.result.pageTitle);

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
  const consult = () => {
    startConsultFromGuide(answers);
    navigate('/consult');
  };

  return (
    <div className="result">
      <h1 tabIndex={-1}>{t.result.pageTitle}</h1>
      <p className="lead-small">{t.result.intro}</p>
      <ResultView
        result={result}
        actions={
          <>
            <button type="button" className="button button-secondary" onClick={editAnswers}>
              {t.result.editAnswers}
            </button>
            <button type="button" className="button button-quiet" onClick={startOver}>
              {t.result.startOver}
            </button>
          </>
        }
      >
        <div className="save-box consult-box">
          <h3>{t.result.consultTitle}</h3>
          <p>{t.result.consultBody}</p>
          <button type="button" className="button button-primary" onClick={consult}>
            {t.result.consult}
          </button>
        </div>
        <SaveResult answers={answers} t={t} locale={locale} />
      </ResultView>
    </div>
  );
}

function SaveResult({
  answers,
  t,
  locale,
}: {
  readonly answers: TriageAnswers;
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
        <CopyField
          label={t.result.savedBoth}
          value={savedCodeText(state.saved.id, state.saved.key, t)}
          id="saved-both"
        />
        <p className="saved-reopen">
          {t.result.savedReopen} <Link to="/saved">{t.nav.saved}</Link>
        </p>
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
