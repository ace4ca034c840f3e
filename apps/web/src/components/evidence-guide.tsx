import type { Locale } from '@mimamoru/core';
import { useId } from 'react';
import { evidenceGuideMessages } from './evidence-guide-messages.js';
import './evidence-guide.css';

/** Where the guide's advice comes from (DOMAIN.md §7, Appendix C), linked under the tips. */
const SOURCES = [
  { label: 'note.com/endo_munetaka', url: 'https://note.com/endo_munetaka/n/n0d98896e4870' },
  { label: 'aog-partners.com', url: 'https://aog-partners.com/nettrouble/?p=514' },
  {
    label: 'houmu.nagasesogo.com (2025-06-25)',
    url: 'https://houmu.nagasesogo.com/media/column/column-250625-j/',
  },
  {
    label: 'masatakafujisawa.hatenablog.com (2018-08-28)',
    url: 'https://masatakafujisawa.hatenablog.com/entry/2018/08/28/154741',
  },
  { label: 'kandato.jp (2023-11-21)', url: 'https://kandato.jp/blog/20231121' },
  { label: 'sowasogo.jp', url: 'https://www.sowasogo.jp/slanderdelete/delete06.html' },
] as const;

// Calm colours, each at least 4.5:1 against what it sits on (white text on the badges too).
const INK = '#1f2328';
const MUTED = '#4b535c';
const FRAME = '#3d4450';
const ACCENT = '#1d6b62';
const WRONG = '#9b2c1c';
const SOFT = '#eef1f4';

/** A numbered callout on the picture's right margin, with a leader line to what it marks. */
function Callout({
  n,
  y,
  toX,
  toY,
}: {
  readonly n: number;
  readonly y: number;
  readonly toX: number;
  readonly toY: number;
}) {
  return (
    <g>
      <line x1={293} y1={y} x2={toX} y2={toY} stroke={ACCENT} strokeWidth={1.5} />
      <circle cx={toX} cy={toY} r={2.5} fill={ACCENT} />
      <circle cx={304} cy={y} r={12} fill={ACCENT} />
      <text x={304} y={y + 4.5} textAnchor="middle" fontSize={13} fontWeight={700} fill="#ffffff">
        {n}
      </text>
    </g>
  );
}

/** A phone screenshot of a post with everything a capture needs, marked 1–5 (the list below says the same). */
function GoodCapture({ locale, labelId }: { readonly locale: Locale; readonly labelId: string }) {
  const s = evidenceGuideMessages(locale).svg;
  return (
    <svg viewBox="0 0 320 500" role="img" aria-labelledby={labelId} focusable="false">
      <rect x={20} y={6} width={256} height={488} rx={30} fill="#ffffff" stroke={FRAME} strokeWidth={3} />
      {/* status bar with the clock: 5 */}
      <text x={44} y={38} fontSize={14} fontWeight={700} fill={INK}>
        {s.time}
      </text>
      <rect x={214} y={28} width={22} height={11} rx={2} fill="none" stroke={INK} strokeWidth={1.5} />
      <rect x={216} y={30} width={14} height={7} fill={INK} />
      {/* address bar with the whole URL: 1 */}
      <rect x={34} y={50} width={228} height={48} rx={10} fill={SOFT} stroke="#8a8479" />
      <rect x={44} y={66} width={10} height={9} rx={1.5} fill={MUTED} />
      <path d="M46 66 v-3 a3 3 0 0 1 6 0 v3" fill="none" stroke={MUTED} strokeWidth={1.5} />
      <text x={60} y={71} fontSize={11.5} fill={INK} fontFamily="ui-monospace, Menlo, monospace">
        {s.urlLines[0]}
      </text>
      <text x={60} y={88} fontSize={11.5} fill={INK} fontFamily="ui-monospace, Menlo, monospace">
        {s.urlLines[1]}
      </text>
      {/* the whole post: 4 */}
      <rect
        x={30}
        y={110}
        width={236}
        height={168}
        rx={8}
        fill="none"
        stroke={ACCENT}
        strokeWidth={2}
        strokeDasharray="6 4"
      />
      <circle cx={58} cy={138} r={15} fill="#c9d6d3" />
      <text x={82} y={134} fontSize={13.5} fontWeight={700} fill={INK}>
        {s.name}
      </text>
      <text x={82} y={152} fontSize={12} fill={MUTED}>
        {s.handle}
      </text>
      <text x={42} y={186} fontSize={14} fill={INK}>
        {s.post[0]}
      </text>
      <text x={42} y={208} fontSize={14} fill={INK}>
        {s.post[1]}
      </text>
      <text x={42} y={238} fontSize={12} fill={MUTED}>
        {s.posted}
      </text>
      <line x1={42} y1={252} x2={254} y2={252} stroke="#d6d1c7" />
      {[60, 110, 160, 210].map((x) => (
        <circle key={x} cx={x} cy={265} r={4} fill="none" stroke={MUTED} strokeWidth={1.5} />
      ))}
      {/* the next posts, out of focus */}
      {[300, 360, 420].map((y) => (
        <g key={y}>
          <circle cx={58} cy={y + 8} r={12} fill="#e4e1da" />
          <rect x={80} y={y} width={120} height={9} rx={4} fill="#e4e1da" />
          <rect x={80} y={y + 16} width={160} height={8} rx={4} fill="#eeebe5" />
          <rect x={80} y={y + 30} width={140} height={8} rx={4} fill="#eeebe5" />
        </g>
      ))}
      <rect x={118} y={474} width={60} height={5} rx={2.5} fill={FRAME} />
      <Callout n={1} y={74} toX={262} toY={74} />
      <Callout n={2} y={145} toX={210} toY={146} />
      <Callout n={3} y={234} toX={200} toY={234} />
      <Callout n={4} y={190} toX={266} toY={190} />
      <Callout n={5} y={30} toX={90} toY={33} />
    </svg>
  );
}

/** A cropped fragment of the post: no URL, no poster, no time. */
function BadCapture({ locale, labelId }: { readonly locale: Locale; readonly labelId: string }) {
  const s = evidenceGuideMessages(locale).svg;
  return (
    <svg viewBox="0 0 320 170" role="img" aria-labelledby={labelId} focusable="false">
      <path
        d="M30 40 l12 -6 l14 6 l16 -6 l14 6 l16 -6 l14 6 l16 -6 l14 6 l16 -6 l14 6 l16 -6 l14 6 l16 -6 l12 6 V130 l-12 6 l-16 -6 l-14 6 l-16 -6 l-14 6 l-16 -6 l-14 6 l-16 -6 l-14 6 l-16 -6 l-14 6 l-16 -6 l-12 6 Z"
        fill="#ffffff"
        stroke={MUTED}
        strokeWidth={1.5}
      />
      <text x={46} y={78} fontSize={16} fill={INK}>
        {s.cropped[0]}
      </text>
      <text x={46} y={104} fontSize={16} fill={INK}>
        {s.cropped[1]}
      </text>
      <circle cx={282} cy={34} r={18} fill={WRONG} />
      <path d="M274 26 L290 42 M290 26 L274 42" stroke="#ffffff" strokeWidth={3.5} strokeLinecap="round" />
      <text x={160} y={160} textAnchor="middle" fontSize={13} fontWeight={700} fill={WRONG}>
        {s.cross}
      </text>
    </svg>
  );
}

/**
 * "What a useful screenshot shows" (#5): two drawn pictures (a good phone capture with numbered callouts, and a cropped
 * one that is not), each with its text equivalent, then the tips that differ by service, with their sources.
 */
export function EvidenceCaptureGuide({
  locale,
  headingLevel = 3,
  hideTitle = false,
}: {
  readonly locale: Locale;
  /** 2 on its own page, 3 inside the case page's evidence section. */
  readonly headingLevel?: 2 | 3;
  /** On its own page the h1 already says it. */
  readonly hideTitle?: boolean;
}) {
  const m = evidenceGuideMessages(locale);
  const id = useId();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <div className="evidence-guide">
      {hideTitle ? null : <H>{m.title}</H>}
      <p>{m.intro}</p>
      <div className="evidence-guide-figures">
        <figure className="evidence-guide-figure">
          <Sub id={`${id}-good`}>{m.goodTitle}</Sub>
          <p className="visually-hidden" id={`${id}-good-summary`}>
            {m.goodSummary}
          </p>
          <GoodCapture locale={locale} labelId={`${id}-good ${id}-good-summary`} />
          <figcaption>
            <ol className="evidence-guide-callouts">
              {m.callouts.map((c) => (
                <li key={c.n}>
                  <span className="evidence-guide-badge" aria-hidden="true">
                    {c.n}
                  </span>
                  <span>
                    <strong>{c.title}</strong>
                    <br />
                    {c.body}
                  </span>
                </li>
              ))}
            </ol>
          </figcaption>
        </figure>
        <figure className="evidence-guide-figure">
          <Sub id={`${id}-bad`}>{m.badTitle}</Sub>
          <p className="visually-hidden" id={`${id}-bad-summary`}>
            {m.badSummary}
          </p>
          <BadCapture locale={locale} labelId={`${id}-bad ${id}-bad-summary`} />
          <figcaption>
            <ul className="evidence-guide-wrong">
              {m.badPoints.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          </figcaption>
        </figure>
      </div>
      <Sub>{m.tipsTitle}</Sub>
      <dl className="evidence-guide-tips">
        {m.tips.map((tip) => (
          <div key={tip.platform}>
            <dt>{tip.platform}</dt>
            {tip.lines.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
          </div>
        ))}
      </dl>
      <p className="small">
        {m.source}{' '}
        {SOURCES.map((source, index) => (
          <span key={source.url}>
            {index > 0 ? ' · ' : ''}
            <a href={source.url} rel="noreferrer" target="_blank">
              {source.label}
            </a>
          </span>
        ))}
      </p>
    </div>
  );
}
