import { todayInTokyo, type TriageAnswers } from '@mimamoru/core';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ResultView } from '../components/result-view.js';
import { useGuide } from '../guide/guide-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { ApiRequestError, eraseSavedTriage, fetchSavedTriage, type SavedTriage } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { usePageTitle } from '../lib/page-title.js';
import { navigate } from '../lib/router.js';
import { cleanCodePart, splitSavedCode, type SavedCode } from '../lib/saved-code.js';

type OpenError = 'missing' | 'not-found' | 'outdated' | 'network';

type State =
  | { readonly status: 'form'; readonly error?: OpenError; readonly erased?: boolean }
  | { readonly status: 'opening' }
  | {
      readonly status: 'opened';
      readonly code: SavedCode;
      readonly saved: SavedTriage;
      readonly erase: 'idle' | 'erasing' | 'error';
    };

/** 404 (wrong id, wrong key or expired: the server does not say which) and 400 (malformed) read the same. */
function openError(error: unknown): OpenError {
  if (error instanceof ApiRequestError) {
    if (error.status === 404 || error.status === 400) return 'not-found';
    if (error.status === 409) return 'outdated';
  }
  return 'network';
}

const ID_FIELD = 'saved-open-id';
const KEY_FIELD = 'saved-open-key';

/**
 * Opens a result saved earlier, from its id and key. Both stay in this component's memory only:
 * never in the URL, the history, localStorage or sessionStorage; the key travels in a request header.
 */
export function SavedPage() {
  const t = useT();
  const { locale } = useLocale();
  const { draft, loadAnswers } = useGuide();
  usePageTitle(t.saved.pageTitle);

  const [id, setId] = useState('');
  const [key, setKey] = useState('');
  const [split, setSplit] = useState(false);
  const [state, setState] = useState<State>({ status: 'form' });
  const heading = useRef<HTMLHeadingElement>(null);
  const erasedNotice = useRef<HTMLParagraphElement>(null);

  const opened = state.status === 'opened' ? state : null;
  const erased = state.status === 'form' && state.erased === true;

  // Move focus to what changed: the result's heading once opened, the form's heading once closed,
  // the confirmation once erased. Buttons stay enabled while busy, so focus is never dropped.
  const lastStatus = useRef(state.status);
  useEffect(() => {
    const before = lastStatus.current;
    lastStatus.current = state.status;
    if (before === state.status) return;
    if (state.status === 'opened') heading.current?.focus();
    else if (state.status === 'form' && before === 'opened') {
      // From the bottom of a long result back to the top of the form.
      window.scrollTo({ top: 0 });
      (erased ? erasedNotice : heading).current?.focus({ preventScroll: true });
    }
  }, [state.status, erased]);

  // The result comes localized from the server: fetch it again when the language is switched.
  const shownLocale = useRef(locale);
  const openedCode = opened?.code;
  useEffect(() => {
    if (!openedCode || shownLocale.current === locale) return;
    const controller = new AbortController();
    fetchSavedTriage(openedCode.id, openedCode.key, locale, controller.signal).then(
      (saved) => {
        shownLocale.current = locale;
        setState((s) => (s.status === 'opened' && s.code === openedCode ? { ...s, saved } : s));
      },
      () => {
        // Keep showing the result in the language it was opened in.
      },
    );
    return () => controller.abort();
  }, [openedCode, locale]);

  // A hint about what was typed goes once the person types again.
  const clearError = () =>
    setState((s) => (s.status === 'form' && s.error ? { status: 'form', erased: s.erased } : s));

  const onIdChange = (event: ChangeEvent<HTMLInputElement>) => {
    clearError();
    const both = splitSavedCode(event.target.value);
    if (both) {
      setId(both.id);
      setKey(both.key);
      setSplit(true);
    } else {
      setId(event.target.value);
      setSplit(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.status === 'opening') return;
    const code = { id: cleanCodePart(id), key: cleanCodePart(key) };
    if (code.id === '' || code.key === '') {
      setState({ status: 'form', error: 'missing' });
      document.getElementById(code.id === '' ? ID_FIELD : KEY_FIELD)?.focus();
      return;
    }
    setState({ status: 'opening' });
    try {
      const saved = await fetchSavedTriage(code.id, code.key, locale);
      shownLocale.current = locale;
      setId('');
      setKey('');
      setSplit(false);
      setState({ status: 'opened', code, saved, erase: 'idle' });
    } catch (error) {
      setState({ status: 'form', error: openError(error) });
    }
  };

  const erase = async () => {
    if (!opened || opened.erase === 'erasing' || !window.confirm(t.saved.eraseConfirm)) return;
    const { code } = opened;
    setState({ ...opened, erase: 'erasing' });
    try {
      await eraseSavedTriage(code.id, code.key, locale);
      setState({ status: 'form', erased: true });
    } catch (error) {
      // Already gone (erased elsewhere, or expired meanwhile): the person's wish is met all the same.
      if (error instanceof ApiRequestError && error.status === 404)
        setState({ status: 'form', erased: true });
      else setState((s) => (s.status === 'opened' ? { ...s, erase: 'error' } : s));
    }
  };

  const continueWith = (answers: TriageAnswers) => {
    if (draft.facts.length > 0 && !window.confirm(t.saved.continueConfirm)) return;
    loadAnswers(answers);
    navigate('/guide');
  };

  if (opened) {
    const savedOn = formatDate(todayInTokyo(new Date(opened.saved.createdAt)), t.dates.intl, false);
    return (
      <div className="result">
        <h1 tabIndex={-1} ref={heading}>
          {t.result.pageTitle}
        </h1>
        <p className="lead-small">{t.saved.openedIntro(savedOn)}</p>
        <ResultView
          result={opened.saved.result}
          actions={
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => continueWith(opened.saved.answers)}
              >
                {t.saved.continueWith}
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setState({ status: 'form' })}
              >
                {t.saved.close}
              </button>
            </>
          }
        >
          <div className="save-box erase-box">
            <h3>{t.saved.eraseTitle}</h3>
            <p>{t.saved.eraseBody}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={erase}
              aria-busy={opened.erase === 'erasing'}
            >
              {opened.erase === 'erasing' ? t.saved.erasing : t.saved.erase}
            </button>
            {opened.erase === 'error' ? (
              <p className="notice notice-error" role="alert">
                {t.saved.eraseError}
              </p>
            ) : null}
          </div>
        </ResultView>
      </div>
    );
  }

  const error = state.status === 'form' ? state.error : undefined;
  const opening = state.status === 'opening';
  const errorText =
    error === 'missing'
      ? t.saved.missing
      : error === 'not-found'
        ? t.saved.notFound
        : error === 'outdated'
          ? t.saved.outdated
          : error === 'network'
            ? t.saved.networkError
            : null;

  return (
    <div className="saved">
      <h1 tabIndex={-1} ref={heading}>
        {t.saved.pageTitle}
      </h1>
      {erased ? (
        <p className="notice notice-done" role="status" tabIndex={-1} ref={erasedNotice}>
          {t.saved.erased}
        </p>
      ) : null}
      <p>{t.saved.intro}</p>
      {/* method="post": should the form ever submit without script, the values stay out of the URL. */}
      <form className="saved-form" method="post" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={ID_FIELD}>{t.result.savedId}</label>
          <p className="field-help" id={`${ID_FIELD}-help`}>
            {t.saved.idHelp}
          </p>
          <input
            id={ID_FIELD}
            name="id"
            type="text"
            className="code-input"
            value={id}
            onChange={onIdChange}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={`${ID_FIELD}-help`}
            aria-invalid={error === 'missing' && cleanCodePart(id) === '' ? true : undefined}
          />
          <p className="split-status" role="status">
            {split ? t.saved.split : ''}
          </p>
        </div>
        <div className="field">
          <label htmlFor={KEY_FIELD}>{t.result.savedKey}</label>
          <input
            id={KEY_FIELD}
            name="key"
            type="text"
            className="code-input"
            value={key}
            onChange={(e) => {
              clearError();
              setKey(e.target.value);
            }}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-invalid={error === 'missing' && cleanCodePart(key) === '' ? true : undefined}
          />
        </div>
        {errorText ? (
          <p className={`notice ${error === 'missing' ? 'notice-hint' : 'notice-error'}`} role="alert">
            {errorText}
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-wide" aria-busy={opening}>
          {opening ? t.saved.opening : t.saved.open}
        </button>
      </form>
      <p className="small saved-privacy">{t.saved.privacy}</p>
    </div>
  );
}
