import type { Locale } from '@mimamoru/core';
import { useEffect, useRef } from 'react';
import type { ResultRow } from './analysis-run.js';
import { analysisMessages } from './analysis-messages.js';
import { formatPostTime, segmentText } from './results-filter.js';

/**
 * The selected posts as a report to print or save as PDF with the browser (print stylesheet: only the report is
 * printed). Text is shown in full: the person chose these posts to keep.
 */
export function AnalysisReport({
  rows,
  locale,
  onBack,
}: {
  readonly rows: readonly ResultRow[];
  readonly locale: Locale;
  readonly onBack: () => void;
}) {
  const m = analysisMessages(locale);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const made = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date());
  return (
    <section className="analysis-report" aria-labelledby="analysis-report-title">
      <div className="analysis-report-actions no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {m.reportPrint}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {m.reportBack}
        </button>
      </div>
      <h2 id="analysis-report-title" ref={heading} tabIndex={-1}>
        {m.reportTitle}
      </h2>
      <p className="small">{m.reportMade(made)}</p>
      <p className="analysis-report-note">{m.reportNote}</p>
      <ol className="analysis-report-list">
        {rows.map((row, i) => (
          <li key={`${row.post.id}-${i}`} className="analysis-report-item">
            <h3>
              {m.postNumber(i + 1)} · {m.reportScore} {row.analysis.score.toFixed(2)}
            </h3>
            <dl>
              <dt>{m.reportLabels}</dt>
              <dd>{row.analysis.labels.map((l) => m.labels[l] ?? l).join(' / ') || m.noLabel}</dd>
              <dt>{m.reportAuthor}</dt>
              <dd>{row.post.author ?? m.noneValue}</dd>
              <dt>{m.reportTime}</dt>
              <dd>{formatPostTime(row.post.postedAt, locale) || m.noneValue}</dd>
              <dt>{m.reportUrl}</dt>
              <dd className="analysis-report-url">{row.post.url ?? m.noneValue}</dd>
            </dl>
            <p className="analysis-text">
              {segmentText(row.post.text, row.analysis.spans).map((s, j) =>
                s.categories.length === 0 ? <span key={j}>{s.text}</span> : <mark key={j}>{s.text}</mark>,
              )}
            </p>
            <p>
              <strong>{m.reportExplanation}: </strong>
              {(locale === 'en' ? row.analysis.explanation.en : row.analysis.explanation.ja) || m.noLabel}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
