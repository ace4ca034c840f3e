import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { Link, navigate } from '../lib/router.js';
import { consoleEn, consoleJa, type ConsoleMessages } from './console-messages.js';
import { AccountsPage } from './accounts.page.js';
import { AuditPage } from './audit.page.js';
import { StaffCasePage } from './case.page.js';
import { LawyersPage } from './lawyers.page.js';
import { LoginPage } from './login.page.js';
import { NewCasePage } from './new-case.page.js';
import { QueuePage } from './queue.page.js';
import { useRT } from './referral-i18n.js';
import { LawyerReferralPage, LawyerReferralsPage } from './referrals.page.js';
import { SetupPage } from './setup.page.js';
import { StatsPage } from './stats.page.js';
import { TemplatesPage } from './templates.page.js';
import { fetchMe, logoutStaff } from './staff-api.js';
import { setStaffSession, useStaffSession, type StaffSession } from './staff-session.js';
import './console.css';

const ConsoleT = createContext<ConsoleMessages>(consoleJa);

/** The console's message catalog in the current locale. */
export function useCT(): ConsoleMessages {
  return useContext(ConsoleT);
}

/** Sets document.title to "<page> | みまもる スタッフ". */
export function useConsoleTitle(title: string): void {
  const c = useCT();
  useEffect(() => {
    document.title = `${title} | ${c.titleSuffix}`;
  }, [title, c]);
}

/** Why the login form opened: said calmly above it. */
let loginNotice: 'ended' | 'logged-out' | null = null;
export function takeLoginNotice(): 'ended' | 'logged-out' | null {
  const notice = loginNotice;
  loginNotice = null;
  return notice;
}

/** A 401 on any staff call: the session ended (idle timeout, revoked); back to the login form. */
export function handleStaffError(error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status === 401) {
    loginNotice = 'ended';
    setStaffSession(null);
    navigate('/console/login', { replace: true });
    return true;
  }
  return false;
}

/** Entry of the staff console chunk: its own header, navigation and sub-routes under /console. */
export function ConsoleApp({ path }: { readonly path: string }) {
  const { locale } = useLocale();
  const c = locale === 'en' ? consoleEn : consoleJa;
  return (
    <ConsoleT.Provider value={c}>
      <ConsoleRoutes path={path} />
    </ConsoleT.Provider>
  );
}

function ConsoleRoutes({ path }: { readonly path: string }) {
  const session = useStaffSession();
  if (path === '/console/setup')
    return (
      <ConsoleFrame path={path} session={null}>
        <SetupPage />
      </ConsoleFrame>
    );
  if (path === '/console/login' || !session) return <LoginRoute path={path} signedIn={session !== null} />;
  let page: ReactNode;
  // Lawyers never use the case queue: their home is the cases referred to them.
  const referralId = /^\/console\/referrals\/([0-9a-f-]{36})$/.exec(path)?.[1];
  if (path === '/console')
    page = session.account.role === 'lawyer' ? <LawyerReferralsPage /> : <QueuePage session={session} />;
  else if (path === '/console/referrals') page = <LawyerReferralsPage />;
  else if (referralId) page = <LawyerReferralPage key={referralId} id={referralId} session={session} />;
  else if (path === '/console/lawyers') page = <LawyersPage session={session} />;
  else if (path === '/console/accounts') page = <AccountsPage session={session} />;
  else if (path === '/console/audit') page = <AuditPage session={session} />;
  else if (path === '/console/cases/new') page = <NewCasePage session={session} />;
  else if (path === '/console/stats') page = <StatsPage session={session} />;
  else if (path === '/console/templates') page = <TemplatesPage session={session} />;
  else {
    const caseId = /^\/console\/cases\/([0-9a-f-]{36})$/.exec(path)?.[1];
    page = caseId ? <StaffCasePage key={caseId} id={caseId} session={session} /> : <NotFound />;
  }
  return (
    <ConsoleFrame path={path} session={session}>
      <SessionCheck />
      {page}
    </ConsoleFrame>
  );
}

function LoginRoute({ path, signedIn }: { readonly path: string; readonly signedIn: boolean }) {
  useEffect(() => {
    if (signedIn) navigate('/console', { replace: true });
    else if (path !== '/console/login') navigate('/console/login', { replace: true });
  }, [path, signedIn]);
  return (
    <ConsoleFrame path="/console/login" session={null}>
      <LoginPage />
    </ConsoleFrame>
  );
}

/** Confirms once that the cookie session is still alive (a reload after the idle timeout). */
function SessionCheck() {
  const { locale } = useLocale();
  useEffect(() => {
    const controller = new AbortController();
    fetchMe(locale, controller.signal).catch((error: unknown) => {
      if (!controller.signal.aborted) handleStaffError(error);
    });
    return () => controller.abort();
  }, [locale]);
  return null;
}

function NotFound() {
  const c = useCT();
  useConsoleTitle(c.notFound);
  return (
    <>
      <h1 tabIndex={-1}>{c.notFound}</h1>
      <p>
        <Link to="/console">{c.nav.queue}</Link>
      </p>
    </>
  );
}

function ConsoleFrame({
  path,
  session,
  children,
}: {
  readonly path: string;
  readonly session: StaffSession | null;
  readonly children: ReactNode;
}) {
  const c = useCT();
  const r = useRT();
  const { locale, setLocale } = useLocale();
  const [leaving, setLeaving] = useState(false);
  const firstPath = useRef(path);

  // Moving between console pages puts focus on the new page's heading (as the public layout does).
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = path;
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [path]);

  const logout = async () => {
    if (!session || leaving) return;
    setLeaving(true);
    try {
      await logoutStaff(session.csrfToken, locale);
    } catch {
      // The cookie may already be gone; forget the session here either way.
    }
    loginNotice = 'logged-out';
    setStaffSession(null);
    setLeaving(false);
    navigate('/console/login', { replace: true });
  };

  const navItem = (to: string, label: string) => (
    <li>
      <Link to={to} aria-current={path === to ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );

  return (
    <div className="console">
      <a className="skip-link" href="#main">
        {c.skipLink}
      </a>
      <header className="console-header">
        <div className="console-header-inner">
          <span className="console-brand">{c.brand}</span>
          {session ? (
            <nav aria-label={c.nav.label} className="console-nav">
              <ul>
                {navItem('/console', session.account.role === 'lawyer' ? r.nav.referrals : c.nav.queue)}
                {navItem(
                  '/console/lawyers',
                  session.account.role === 'lawyer' ? r.nav.profile : r.nav.lawyers,
                )}
                {session.account.role !== 'lawyer' ? navItem('/console/stats', c.nav.stats) : null}
                {session.account.role === 'admin' ? navItem('/console/accounts', c.nav.accounts) : null}
                {session.account.role === 'admin' ? navItem('/console/audit', c.nav.audit) : null}
                {session.account.role === 'admin' ? navItem('/console/templates', c.nav.templates) : null}
              </ul>
            </nav>
          ) : null}
          <div className="console-user">
            <button
              type="button"
              className="button button-quiet button-small"
              lang={locale === 'en' ? 'ja' : 'en'}
              onClick={() => setLocale(locale === 'en' ? 'ja' : 'en')}
            >
              {c.languageSwitch}
            </button>
            {session ? (
              <>
                <span className="console-me">
                  <span className="visually-hidden">{c.signedInAs}: </span>
                  <strong>{session.account.displayName}</strong>{' '}
                  <span className="console-role">{c.roles[session.account.role]}</span>
                </span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={logout}
                  aria-busy={leaving}
                >
                  {leaving ? c.loggingOut : c.logout}
                </button>
              </>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="console-main">
        {children}
      </main>
    </div>
  );
}
