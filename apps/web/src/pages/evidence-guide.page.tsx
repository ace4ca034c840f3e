import { analysisMessages } from '../analysis/analysis-messages.js';
import { EvidenceCaptureGuide } from '../components/evidence-guide.js';
import { evidenceGuideMessages } from '../components/evidence-guide-messages.js';
import { useLocale } from '../i18n/locale-context.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link } from '../lib/router.js';

/** /evidence-guide: the illustrated capture guide on its own, for anyone (the console links to it). */
export function EvidenceGuidePage() {
  const { locale } = useLocale();
  const m = evidenceGuideMessages(locale);
  usePageTitle(m.title);
  return (
    <div>
      <h1 tabIndex={-1}>{m.title}</h1>
      <EvidenceCaptureGuide locale={locale} headingLevel={2} hideTitle />
      <p>
        <Link to="/case">{m.toCase}</Link>
      </p>
      <p>
        <Link to="/analyze">{analysisMessages(locale).homeLink}</Link>
      </p>
    </div>
  );
}
