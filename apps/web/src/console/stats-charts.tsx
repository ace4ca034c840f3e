import { useId, type ReactNode } from 'react';
import { useCT } from './console-app.js';

/**
 * Small charts for the statistics page, drawn as SVG without a chart library. Each chart is one image
 * to assistive technology (role="img") whose label reads out every number, and comes with the same
 * numbers as a table behind a "show as a table" toggle. Colour never carries meaning alone: bars are
 * labelled, and the parts of a stacked bar are named in a legend with their counts.
 */

export interface ChartItem {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** What is written for the value (e.g. "3件"). */
  readonly text: string;
}

export type Tone = 'accent' | 'missed' | 'pending' | 'muted';

/** A titled chart block: heading, optional note, the chart, and its numbers as a table. */
export function ChartBlock({
  title,
  note,
  columns,
  items,
  children,
}: {
  readonly title: string;
  readonly note?: ReactNode;
  /** Headers of the table's two columns. */
  readonly columns: readonly [string, string];
  readonly items: readonly ChartItem[];
  readonly children: ReactNode;
}) {
  const c = useCT();
  const id = useId();
  return (
    <section className="stats-block" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {note ? <p className="stats-note">{note}</p> : null}
      {children}
      {items.length > 0 ? (
        <details className="stats-details">
          <summary>{c.stats.showTable}</summary>
          <table className="console-table stats-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{columns[0]}</th>
                <th scope="col" className="stats-num">
                  {columns[1]}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.key}>
                  <th scope="row">{item.label}</th>
                  <td className="stats-num">{item.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}

/** The accessible name of a chart: its title and every label with its value. */
function useChartLabel(title: string, items: readonly ChartItem[]): string {
  const c = useCT();
  return c.stats.chartLabel(
    title,
    items.map((item) => [item.label, item.text] as const),
  );
}

const COLUMN_HEIGHT = 200;
const COLUMN_TOP = 22;
const COLUMN_BOTTOM = 26;

/**
 * Vertical bars in time order (consultations per week). `axis` is the short label under a bar; with
 * many bars only every few are labelled, and every other one on narrow screens (stats.css).
 */
export function ColumnChart({
  title,
  items,
}: {
  readonly title: string;
  readonly items: readonly (ChartItem & { readonly axis: string })[];
}) {
  const label = useChartLabel(title, items);
  const n = Math.max(1, items.length);
  const max = Math.max(1, ...items.map((item) => item.value));
  const plot = COLUMN_HEIGHT - COLUMN_TOP - COLUMN_BOTTOM;
  const every = Math.max(1, Math.ceil(n / 13));
  const pct = (value: number) => `${value.toFixed(3)}%`;
  return (
    <svg className="stats-chart" role="img" aria-label={label} width="100%" height={COLUMN_HEIGHT}>
      <line className="stats-axis" x1="0" x2="100%" y1={COLUMN_TOP + plot} y2={COLUMN_TOP + plot} />
      {items.map((item, i) => {
        const height = (item.value / max) * plot;
        const center = ((i + 0.5) / n) * 100;
        const tick = i % every === 0;
        return (
          <g key={item.key}>
            {height > 0 ? (
              <rect
                className="stats-bar stats-tone-accent"
                x={pct(((i + 0.15) / n) * 100)}
                width={pct((0.7 / n) * 100)}
                y={COLUMN_TOP + plot - height}
                height={height}
                rx={2}
              />
            ) : null}
            {n <= 26 ? (
              <text
                className="stats-value"
                x={pct(center)}
                y={COLUMN_TOP + plot - height - 5}
                textAnchor="middle"
              >
                {item.value}
              </text>
            ) : null}
            {tick ? (
              <text
                className={`stats-tick${(i / every) % 2 === 1 ? ' stats-tick-odd' : ''}`}
                x={pct(center)}
                y={COLUMN_HEIGHT - 7}
                textAnchor="middle"
              >
                {item.axis}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

const ROW_HEIGHT = 46;

/** Horizontal bars, one row per item: its label, then the bar and its value. */
export function BarChart({
  title,
  items,
  tone = 'accent',
}: {
  readonly title: string;
  readonly items: readonly ChartItem[];
  readonly tone?: Tone;
}) {
  const c = useCT();
  const label = useChartLabel(title, items);
  if (items.length === 0) return <p className="stats-empty">{c.stats.noData}</p>;
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <svg
      className="stats-chart"
      role="img"
      aria-label={label}
      width="100%"
      height={items.length * ROW_HEIGHT}
    >
      {items.map((item, i) => {
        const y = i * ROW_HEIGHT;
        // The longest bar leaves room for its value on the right.
        const width = (item.value / max) * 80;
        return (
          <g key={item.key}>
            <text className="stats-label" x="0" y={y + 16}>
              {item.label}
            </text>
            <rect className="stats-track" x="0" y={y + 23} width="80%" height={14} rx={2} />
            {width > 0 ? (
              <rect
                className={`stats-bar stats-tone-${tone}`}
                x="0"
                y={y + 23}
                width={`${width.toFixed(3)}%`}
                height={14}
                rx={2}
              />
            ) : null}
            <text className="stats-value" x="80%" dx={8} y={y + 35}>
              {item.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** One bar split into parts (e.g. SLA met / missed / pending), with a legend naming each part and its count. */
export function StackedBar({
  title,
  parts,
}: {
  readonly title: string;
  readonly parts: readonly (ChartItem & { readonly tone: Tone })[];
}) {
  const label = useChartLabel(title, parts);
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let offset = 0;
  return (
    <>
      <svg className="stats-chart" role="img" aria-label={label} width="100%" height={28}>
        <rect className="stats-track" x="0" y="2" width="100%" height={24} rx={3} />
        {total > 0
          ? parts.map((part) => {
              const x = offset;
              const width = (part.value / total) * 100;
              offset += width;
              return width > 0 ? (
                <rect
                  key={part.key}
                  className={`stats-bar stats-segment stats-tone-${part.tone}`}
                  x={`${x.toFixed(3)}%`}
                  y="2"
                  width={`${width.toFixed(3)}%`}
                  height={24}
                />
              ) : null;
            })
          : null}
      </svg>
      <ul className="stats-legend">
        {parts.map((part) => (
          <li key={part.key}>
            <span className={`stats-swatch stats-tone-${part.tone}`} aria-hidden="true" />
            {part.label}: <strong>{part.text}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}
