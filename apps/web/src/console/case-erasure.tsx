import { useLocale, useT } from '../i18n/locale-context.js';
import { Link } from '../lib/router.js';
import type { StaffCase } from './cases-api.js';
import { useCT } from './console-app.js';
import { formatStaffTime } from './format.js';

/**
 * The page of a case whose personal data was erased (retention or the victim's request): when and why,
 * and the non-personal facts kept for statistics. Read-only: every change is refused (409 cases.erased).
 */
export function ErasedCase({
  data,
  erasure,
}: {
  readonly data: StaffCase;
  readonly erasure: NonNullable<StaffCase['erasure']>;
}) {
  const c = useCT();
  const t = useT();
  const { locale } = useLocale();
  const p = c.casePage;
  const at = formatStaffTime(erasure.erasedAt, locale);
  return (
    <article className="console-case">
      <p className="console-back">
        <Link to="/console">← {p.back}</Link>
      </p>
      <header className="console-case-head">
        <h1 tabIndex={-1} className="console-mono">
          {data.caseNumber}
        </h1>
        <span className="console-badge console-stage">{c.stages[data.stage]}</span>
      </header>
      <section className="notice notice-hint" aria-labelledby="case-erasure-title">
        <h2 id="case-erasure-title">{c.caseErasure.title}</h2>
        <p>
          {erasure.reason === 'retention' ? c.caseErasure.retention(at) : c.caseErasure.victimRequest(at)}
        </p>
        <p>{c.caseErasure.kept}</p>
      </section>
      <section className="console-panel" aria-labelledby="case-erasure-facts">
        <h2 id="case-erasure-facts">{p.summary}</h2>
        <dl className="console-dl">
          <dt>{p.received}</dt>
          <dd>{formatStaffTime(data.createdAt, locale)}</dd>
          <dt>{p.firstResponse}</dt>
          <dd>{data.firstResponseAt ? formatStaffTime(data.firstResponseAt, locale) : p.notYet}</dd>
          <dt>{p.platforms}</dt>
          <dd>{data.intake.platforms.map((x) => t.guide.platformOptions[x]).join('、') || c.queue.none}</dd>
        </dl>
      </section>
    </article>
  );
}
