import { useT } from '../i18n/locale-context.js';
import type { Messages } from '../i18n/ja.js';
import { telHref } from '../lib/format.js';

type LineKey = keyof Messages['emergency']['lines'];
const ALL_LINES: readonly LineKey[] = ['police', 'policeConsult', 'inochi', 'yorisoi', 'kodomo'];

interface EmergencyBoxProps {
  readonly lines?: readonly LineKey[];
  readonly title?: string;
  readonly intro?: string;
  readonly headingLevel?: 2 | 3;
  readonly id?: string;
}

/** Always-visible phone lines for danger to life and for emotional support. */
export function EmergencyBox({
  lines = ALL_LINES,
  title,
  intro,
  headingLevel = 2,
  id = 'emergency',
}: EmergencyBoxProps) {
  const t = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${id}-title`;
  return (
    <section className="emergency-box" aria-labelledby={headingId}>
      <Heading id={headingId}>{title ?? t.emergency.title}</Heading>
      <p>{intro ?? t.emergency.intro}</p>
      <ul className="phone-list">
        {lines.map((key) => {
          const line = t.emergency.lines[key];
          return (
            <li key={key}>
              <a className="phone-link" href={telHref(line.number)}>
                <span className="phone-name">{line.name}</span>
                <span className="phone-number">{line.number}</span>
              </a>
              <span className="phone-when">{line.when}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
