import { useEffect, useRef, useState } from 'react';
import { CopyField } from '../components/copy-field.js';
import { Loading } from '../components/load-state.js';
import { setCaseSession } from '../intake/victim-session.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { caseCodeText } from '../lib/case-code.js';
import { confirmKeyReset, openVictimSession, type AccessKeyResetDone } from '../lib/intake-api.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link, navigate } from '../lib/router.js';

type State =
  | { readonly status: 'working' }
  | { readonly status: 'no-token' | 'invalid' | 'network' }
  | { readonly status: 'done'; readonly done: AccessKeyResetDone };

/**
 * /case/reset#<token>: the one-time link from the reset e-mail. The token is read from the fragment (it
 * never reaches a server log), removed from the address bar at once, and spent to make a new key.
 */
export function CaseResetPage() {
  const t = useT();
  const r = t.reset;
  const s = t.submitted;
  const { locale } = useLocale();
  usePageTitle(r.pageTitle);
  const [token] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')).trim());
  const [state, setState] = useState<State>(() =>
    token === '' ? { status: 'no-token' } : { status: 'working' },
  );
  const [opening, setOpening] = useState(false);
  const started = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
    if (started.current || token === '') return;
    started.current = true;
    confirmKeyReset(token, locale).then(
      (done) => setState({ status: 'done', done }),
      (error: unknown) =>
        setState({
          status:
            error instanceof ApiRequestError && error.status !== 0 && error.status < 500
              ? 'invalid'
              : 'network',
        }),
    );
  }, [token, locale]);

  useEffect(() => {
    if (state.status !== 'working') heading.current?.focus();
  }, [state.status]);

  const openCase = async (done: AccessKeyResetDone) => {
    if (opening) return;
    setOpening(true);
    try {
      const session = await openVictimSession(done.caseNumber, done.accessKey, locale);
      setCaseSession({ caseNumber: session.caseNumber, csrfToken: session.csrfToken });
    } catch {
      // The case page asks for the number and key instead.
    }
    navigate('/case');
  };

  return (
    <div className="case-reset">
      <h1 tabIndex={-1} ref={heading}>
        {r.pageTitle}
      </h1>
      {state.status === 'working' ? <Loading /> : null}
      {state.status === 'no-token' || state.status === 'invalid' || state.status === 'network' ? (
        <>
          <p className="notice notice-error" role="alert">
            {state.status === 'no-token'
              ? r.noToken
              : state.status === 'invalid'
                ? r.invalid
                : t.casePage.networkError}
          </p>
          <p>
            <Link to="/case">{t.nav.case}</Link>
          </p>
        </>
      ) : null}
      {state.status === 'done' ? (
        <>
          <div className="saved-box code-box">
            <p className="code-warning">
              <strong>{r.done}</strong>
            </p>
            <CopyField label={s.caseNumber} value={state.done.caseNumber} id="reset-number" />
            <CopyField label={t.casePage.newKey} value={state.done.accessKey} id="reset-key" wrap />
            <CopyField
              label={s.both}
              value={caseCodeText(state.done.caseNumber, state.done.accessKey, s.caseNumber, s.accessKey)}
              id="reset-both"
              wrap
            />
          </div>
          <p>
            <button
              type="button"
              className="button button-primary button-large button-wide"
              onClick={() => void openCase(state.done)}
              aria-busy={opening}
            >
              {opening ? s.opening : r.open}
            </button>
          </p>
        </>
      ) : null}
    </div>
  );
}
