import { PRIVACY_POLICY_VERSION } from '@mimamoru/core';
import { useT } from '../i18n/locale-context.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link } from '../lib/router.js';

/** /privacy: the plain-language privacy policy; its version is the one the consultation form records. */
export function PrivacyPage() {
  const t = useT();
  const p = t.privacy;
  usePageTitle(p.pageTitle);
  return (
    <div className="privacy">
      <h1 tabIndex={-1}>{p.pageTitle}</h1>
      <p className="as-of">
        <time dateTime={PRIVACY_POLICY_VERSION}>{p.version(PRIVACY_POLICY_VERSION)}</time>
      </p>
      <p className="lead-small">{p.intro}</p>
      {p.sections.map((section, i) => (
        <section key={section.title} className="result-section" aria-labelledby={`privacy-${i}`}>
          <h2 id={`privacy-${i}`}>{section.title}</h2>
          <ul>
            {section.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      <p>{p.changes}</p>
      <p>
        <Link to="/consult">{p.back}</Link>
      </p>
    </div>
  );
}
