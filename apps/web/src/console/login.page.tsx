import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { navigate } from '../lib/router.js';
import { takeLoginNotice, useConsoleTitle, useCT } from './console-app.js';
import { loginStaff } from './staff-api.js';
import { setStaffSession } from './staff-session.js';

type LoginError =
  { kind: 'missing' | 'invalid' | 'network' } | { kind: 'locked' | 'too-many'; minutes: number };

/** /console/login: email, password and a TOTP code (or one recovery code). */
export function LoginPage() {
  const c = useCT();
  const l = c.login;
  useConsoleTitle(l.title);
  const { locale } = useLocale();
  const [notice] = useState(takeLoginNotice);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<LoginError | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (error && error.kind !== 'missing') errorRef.current?.focus();
  }, [error]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const secondFactor = code.replace(/\s/g, '');
    if (!email.trim() || !password || !secondFactor) {
      setError({ kind: 'missing' });
      const first = !email.trim() ? 'login-email' : !password ? 'login-password' : 'login-code';
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await loginStaff(
        {
          email: email.trim(),
          password,
          ...(useRecovery ? { recoveryCode: code.trim() } : { code: secondFactor }),
        },
        locale,
      );
      setStaffSession({ account: session.account, csrfToken: session.csrfToken });
      navigate('/console', { replace: true });
    } catch (caught) {
      setBusy(false);
      setPassword('');
      setCode('');
      const minutes =
        caught instanceof ApiRequestError ? Math.max(1, Math.ceil((caught.retryAfter ?? 60) / 60)) : 1;
      if (caught instanceof ApiRequestError && caught.status === 423) setError({ kind: 'locked', minutes });
      else if (caught instanceof ApiRequestError && caught.status === 429)
        setError({ kind: 'too-many', minutes });
      else if (caught instanceof ApiRequestError && (caught.status === 401 || caught.status === 400))
        setError({ kind: 'invalid' });
      else setError({ kind: 'network' });
    }
  };

  const errorText = !error
    ? null
    : error.kind === 'missing'
      ? l.missing
      : error.kind === 'invalid'
        ? l.invalid
        : error.kind === 'locked'
          ? l.locked(error.minutes)
          : error.kind === 'too-many'
            ? l.tooMany(error.minutes)
            : c.networkError;
  const describedBy = (help?: string) =>
    [help, errorText ? 'login-error' : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className="console-narrow">
      <h1 tabIndex={-1}>{l.title}</h1>
      {notice ? (
        <p className="notice notice-hint" role="status">
          {notice === 'ended' ? c.sessionEnded : c.loggedOut}
        </p>
      ) : null}
      <p>{l.intro}</p>
      <form method="post" noValidate onSubmit={onSubmit} className="console-form">
        <div className="field">
          <label htmlFor="login-email">{l.emailLabel}</label>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            value={email}
            aria-describedby={describedBy()}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{l.passwordLabel}</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-describedby={describedBy()}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-code">{useRecovery ? l.recoveryLabel : l.codeLabel}</label>
          {useRecovery ? (
            <p className="field-help" id="login-code-help">
              {l.recoveryHelp}
            </p>
          ) : null}
          <input
            id="login-code"
            type="text"
            className="code-input console-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoComplete={useRecovery ? 'off' : 'one-time-code'}
            spellCheck={false}
            autoCapitalize="off"
            value={code}
            aria-describedby={describedBy(useRecovery ? 'login-code-help' : undefined)}
            onChange={(e) => setCode(e.target.value)}
          />
          <button
            type="button"
            className="button button-quiet button-small console-toggle"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setCode('');
              document.getElementById('login-code')?.focus();
            }}
          >
            {useRecovery ? l.useCode : l.useRecovery}
          </button>
        </div>
        {errorText ? (
          <p
            id="login-error"
            ref={errorRef}
            tabIndex={-1}
            className={`notice ${error?.kind === 'missing' ? 'notice-hint' : 'notice-error'}`}
            role="alert"
          >
            {errorText}
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-wide" aria-busy={busy}>
          {busy ? l.submitting : l.submit}
        </button>
      </form>
    </div>
  );
}
