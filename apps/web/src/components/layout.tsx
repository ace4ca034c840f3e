import { LOCALES, type Locale } from '@mimamoru/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocale, useT } from '../i18n/locale-context.js';
import { quickExit, useQuickExitShortcut } from '../lib/quick-exit.js';
import { Link, usePathname } from '../lib/router.js';

const LANGUAGE_NAMES: Readonly<Record<Locale, { readonly label: string; readonly lang: string }>> = {
  ja: { label: '日本語', lang: 'ja' },
  en: { label: 'English', lang: 'en' },
};

/** Header (name, language switch, quick exit), skip link, main landmark and footer of every public page. */
export function Layout({ children }: { readonly children: ReactNode }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const pathname = usePathname();
  const firstPath = useRef(pathname);
  useQuickExitShortcut();

  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    window.scrollTo({ top: 0 });
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      heading?.focus();
      // A heading still hidden (by Suspense, while the next page loads) cannot take focus yet.
      return heading !== null && document.activeElement === heading;
    };
    if (focusHeading()) return;
    // A page loaded on demand shows its heading a moment later: focus it when it appears.
    const main = document.getElementById('main');
    if (!main) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timeout = window.setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      window.clearTimeout(timeout);
    };
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.common.skipLink}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-name" lang="ja">
              {t.common.appName}
            </span>
            <span className="brand-tagline">{t.common.appTagline}</span>
          </Link>
          <div className="lang-switch" role="group" aria-label={t.common.languageLabel}>
            {LOCALES.map((code) => (
              <button
                key={code}
                type="button"
                lang={LANGUAGE_NAMES[code].lang}
                className="lang-button"
                aria-pressed={locale === code}
                onClick={() => setLocale(code)}
              >
                {LANGUAGE_NAMES[code].label}
              </button>
            ))}
          </div>
          <button type="button" className="quick-exit" onClick={quickExit} aria-describedby="quick-exit-hint">
            {t.common.quickExit}
          </button>
        </div>
      </header>
      <p className="quick-exit-hint" id="quick-exit-hint">
        {t.common.quickExitHint}
      </p>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label={t.common.mainNav}>
          <ul>
            <li>
              <Link to="/">{t.nav.home}</Link>
            </li>
            <li>
              <Link to="/guide">{t.nav.guide}</Link>
            </li>
            <li>
              <Link to="/windows">{t.footer.directoryLink}</Link>
            </li>
            <li>
              <Link to="/saved">{t.nav.saved}</Link>
            </li>
            <li>
              <Link to="/consult">{t.footer.consultLink}</Link>
            </li>
            <li>
              <Link to="/case">{t.footer.caseLink}</Link>
            </li>
            <li>
              <Link to="/privacy">{t.footer.privacyLink}</Link>
            </li>
          </ul>
        </nav>
        <p className="disclaimer">{t.footer.disclaimer}</p>
      </footer>
    </>
  );
}
