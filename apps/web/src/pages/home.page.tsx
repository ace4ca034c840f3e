import { analysisMessages } from '../analysis/analysis-messages.js';
import { EmergencyBox } from '../components/emergency-box.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link } from '../lib/router.js';

export function HomePage() {
  const t = useT();
  const a = analysisMessages(useLocale().locale);
  usePageTitle(t.home.title);
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" tabIndex={-1}>
          {t.home.title}
        </h1>
        <p className="lead">{t.home.lead}</p>
        <p>{t.home.body}</p>
        <div className="hero-actions">
          <Link to="/guide" className="button button-primary button-large">
            {t.home.start}
          </Link>
          <Link to="/windows" className="button button-secondary">
            {t.home.directory}
          </Link>
        </div>
        <p className="hero-more">
          <Link to="/saved">{t.nav.saved}</Link>
        </p>
      </section>
      <section className="note-box consult-box" aria-labelledby="consult-title">
        <h2 id="consult-title">{t.home.consultTitle}</h2>
        <p>{t.home.consultBody}</p>
        <p>
          <Link to="/consult" className="button button-primary">
            {t.home.consult}
          </Link>
        </p>
        <p className="hero-more">
          <Link to="/case">{t.home.caseLink}</Link>
        </p>
      </section>
      <section className="note-box" aria-labelledby="analyze-title">
        <h2 id="analyze-title">{a.homeTitle}</h2>
        <p>{a.homeBody}</p>
        <p>
          <Link to="/analyze" className="button button-secondary">
            {a.homeLink}
          </Link>
        </p>
      </section>
      <EmergencyBox />
      <section className="note-box" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t.home.privacyTitle}</h2>
        <p>{t.footer.privacy}</p>
      </section>
    </div>
  );
}
