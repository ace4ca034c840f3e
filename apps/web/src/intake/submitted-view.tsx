import { useState, type RefObject } from 'react';
import { CopyField } from '../components/copy-field.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { caseCodeText } from '../lib/case-code.js';
import { openVictimSession } from '../lib/intake-api.js';
import { navigate } from '../lib/router.js';
import { setCaseSession } from './victim-session.js';

/** What POST /api/consultations answered: held in memory only, shown once. */
export interface Submitted {
  readonly caseNumber: string;
  readonly accessKey: string;
  readonly emailed: boolean;
}

/** The case number and access key, shown once, with what happens next. */
export function SubmittedView({
  submitted,
  headingRef,
}: {
  readonly submitted: Submitted;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useT();
  const s = t.submitted;
  const { locale } = useLocale();
  const [opening, setOpening] = useState(false);

  const openCase = async () => {
    if (opening) return;
    setOpening(true);
    try {
      const session = await openVictimSession(submitted.caseNumber, submitted.accessKey, locale);
      setCaseSession({ caseNumber: session.caseNumber, csrfToken: session.csrfToken });
    } catch {
      // The case page asks for the number and key instead.
    }
    navigate('/case');
  };

  return (
    <div className="submitted">
      <h1 tabIndex={-1} ref={headingRef}>
        {s.pageTitle}
      </h1>
      <p className="lead">{s.lead}</p>

      <section className="saved-box code-box" aria-labelledby="submitted-code-title">
        <h2 id="submitted-code-title">{s.codeTitle}</h2>
        <p className="code-warning">
          <strong>{s.codeWarning}</strong>
        </p>
        <CopyField label={s.caseNumber} value={submitted.caseNumber} id="submitted-number" />
        <CopyField label={s.accessKey} value={submitted.accessKey} id="submitted-key" wrap />
        <CopyField
          label={s.both}
          value={caseCodeText(submitted.caseNumber, submitted.accessKey, s.caseNumber, s.accessKey)}
          id="submitted-both"
          wrap
        />
        <p className="small">{s.codeWhy}</p>
        {submitted.emailed ? <p className="notice notice-done">{s.emailed}</p> : null}
      </section>

      <section className="result-section" aria-labelledby="submitted-next-title">
        <h2 id="submitted-next-title">{s.nextTitle}</h2>
        <ol className="next-list">
          {s.next.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
        <p className="notice notice-urgent">{s.emergency}</p>
      </section>

      <button
        type="button"
        className="button button-primary button-large button-wide"
        onClick={openCase}
        aria-busy={opening}
      >
        {opening ? s.opening : s.open}
      </button>
    </div>
  );
}
