import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { Link } from '../lib/router.js';
import { useConsoleTitle, useCT } from './console-app.js';
import { beginSetup, confirmTotp, type StaffSetupResponse } from './staff-api.js';

const MIN_PASSWORD = 12;

/** Reads the one-time token after `#` once, then removes it from the address bar and history. */
let takenToken = '';
function takeToken(): string {
  const token = decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  if (token) {
    takenToken = token;
    window.history.replaceState(null, '', window.location.pathname);
  }
  return takenToken;
}

/** The server's QR code (SVG it generated) as an image: never injected as markup. */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiRequestError && error.body ? error.body.message : fallback;
}

/** /console/setup#token: password → authenticator app → recovery codes. */
export function SetupPage() {
  const c = useCT();
  const s = c.setup;
  useConsoleTitle(s.title);
  const { locale } = useLocale();
  const [token] = useState(takeToken);
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [enrolment, setEnrolment] = useState<StaffSetupResponse | null>(null);
  const [codes, setCodes] = useState<readonly string[]>([]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copyStatus, setCopyStatus] = useState('');
  const stepHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step > 1) stepHeading.current?.focus();
  }, [step]);

  if (!token)
    return (
      <div className="console-narrow">
        <h1 tabIndex={-1}>{s.title}</h1>
        <p className="notice notice-error" role="alert">
          {s.noToken}
        </p>
      </div>
    );

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if ([...password].length < MIN_PASSWORD) {
      setError(s.passwordTooShort);
      document.getElementById('setup-password')?.focus();
      return;
    }
    if (password !== again) {
      setError(s.passwordMismatch);
      document.getElementById('setup-password-again')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await beginSetup(
        { token, password, ...(name.trim() ? { displayName: name.trim() } : {}) },
        locale,
      );
      setEnrolment(result);
      setPassword('');
      setAgain('');
      setStep(2);
    } catch (caught) {
      setError(errorMessage(caught, c.networkError));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError(s.codeInvalid);
      document.getElementById('setup-code')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await confirmTotp({ token, code: digits }, locale);
      setCodes(result.recoveryCodes);
      setEnrolment(null);
      setStep(3);
    } catch (caught) {
      setError(errorMessage(caught, c.networkError));
      document.getElementById('setup-code')?.focus();
    } finally {
      setBusy(false);
    }
  };

  const copyCodes = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyStatus(s.copied);
    } catch {
      setCopyStatus(s.copyFailed);
    }
  };

  const errorBox = error ? (
    <p id="setup-error" className="notice notice-error" role="alert">
      {error}
    </p>
  ) : null;

  return (
    <div className="console-narrow">
      <h1 tabIndex={-1}>{s.title}</h1>
      <p className="muted">{s.step(step, 3)}</p>
      {step === 1 ? (
        <form method="post" noValidate onSubmit={submitPassword} className="console-form">
          <p>{s.intro}</p>
          <h2>{s.passwordTitle}</h2>
          <p className="field-help" id="setup-password-rules">
            {s.passwordRules}
          </p>
          <div className="field">
            <label htmlFor="setup-name">{s.nameLabel}</label>
            <p className="field-help" id="setup-name-help">
              {s.nameHelp}
            </p>
            <input
              id="setup-name"
              type="text"
              autoComplete="name"
              maxLength={100}
              value={name}
              aria-describedby="setup-name-help"
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="setup-password">{s.passwordLabel}</label>
            <input
              id="setup-password"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-describedby={`setup-password-rules${error ? ' setup-error' : ''}`}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="setup-password-again">{s.passwordConfirmLabel}</label>
            <input
              id="setup-password-again"
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          </div>
          {errorBox}
          <button type="submit" className="button button-primary" aria-busy={busy}>
            {busy ? s.saving : s.next}
          </button>
        </form>
      ) : null}
      {step === 2 && enrolment ? (
        <form method="post" noValidate onSubmit={submitCode} className="console-form">
          <h2 tabIndex={-1} ref={stepHeading}>
            {s.totpTitle}
          </h2>
          <p>{s.totpIntro}</p>
          <img
            className="console-qr"
            src={svgDataUrl(enrolment.qrSvg)}
            alt={s.qrAlt}
            width={200}
            height={200}
          />
          <div className="field">
            <label htmlFor="setup-secret">{s.secretLabel}</label>
            <input
              id="setup-secret"
              type="text"
              readOnly
              className="code-input"
              value={enrolment.secretBase32}
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div className="field">
            <label htmlFor="setup-code">{s.codeLabel}</label>
            <p className="field-help" id="setup-code-help">
              {s.codeHelp}
            </p>
            <input
              id="setup-code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={8}
              className="code-input console-code"
              value={code}
              aria-describedby={`setup-code-help${error ? ' setup-error' : ''}`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          {errorBox}
          <button type="submit" className="button button-primary" aria-busy={busy}>
            {busy ? s.confirming : s.confirm}
          </button>
        </form>
      ) : null}
      {step === 3 ? (
        <section aria-labelledby="recovery-title">
          <h2 id="recovery-title" tabIndex={-1} ref={stepHeading}>
            {s.recoveryTitle}
          </h2>
          <p>{s.recoveryIntro}</p>
          <ol className="console-recovery" aria-label={s.recoveryLabel}>
            {codes.map((value) => (
              <li key={value}>
                <code>{value}</code>
              </li>
            ))}
          </ol>
          <div className="console-button-row console-no-print">
            <button type="button" className="button button-secondary" onClick={copyCodes}>
              {s.copyCodes}
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {s.printCodes}
            </button>
          </div>
          <p className="copy-status" role="status">
            {copyStatus}
          </p>
          <p className="notice notice-done console-no-print">{s.done}</p>
          <p className="console-no-print">
            <Link to="/console/login" className="button button-primary">
              {s.toLogin}
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
