import { formatHours, getWindow, tr, type Locale } from '@mimamoru/core';
import { EMERGENCY_LINES, type EmergencyLine, type Messages } from '../i18n/ja.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { telHref } from '../lib/format.js';

interface EmergencyBoxProps {
  readonly lines?: readonly EmergencyLine[];
  readonly title?: string;
  readonly intro?: string;
  readonly headingLevel?: 2 | 3;
  readonly id?: string;
}

interface PhoneLine {
  readonly id: EmergencyLine;
  readonly name: string;
  readonly number: string;
  readonly hours: string;
}

/**
 * Name, number and hours of a line, from core's sourced directory (the only place a number lives).
 * The hours are the short form: the directory's longer notes are on the window's own page.
 * (Not localizeWindow: its "open now" needs the holiday calendar, which only the result page loads.)
 */
function phoneLine(id: EmergencyLine, locale: Locale, t: Messages): PhoneLine | null {
  const window = getWindow(id);
  const phone = window?.channels.find((c) => c.type === 'phone');
  if (!window || !phone) return null;
  const hours = formatHours({ ...phone.hours, note: { ja: '', en: '' } }, locale);
  return {
    id,
    name: tr(window.name, locale),
    number: phone.value,
    hours: t.emergency.hours(hours, phone.hours.varies === true, phone.tollFree === true),
  };
}

/** A tappable phone link (name and number) for one of the lines, e.g. 110 next to the threat question. */
export function PhoneLineLink({
  line,
  inline = false,
}: {
  readonly line: EmergencyLine;
  readonly inline?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const phone = phoneLine(line, locale, t);
  return phone ? <PhoneAnchor phone={phone} inline={inline} /> : null;
}

function PhoneAnchor({ phone, inline = false }: { readonly phone: PhoneLine; readonly inline?: boolean }) {
  return (
    <a className={`phone-link${inline ? ' phone-link-inline' : ''}`} href={telHref(phone.number)}>
      <span className="phone-name">{phone.name}</span>
      <span className="phone-number">{phone.number}</span>
    </a>
  );
}

/** Always-visible phone lines for danger to life and for emotional support. */
export function EmergencyBox({
  lines = EMERGENCY_LINES,
  title,
  intro,
  headingLevel = 2,
  id = 'emergency',
}: EmergencyBoxProps) {
  const t = useT();
  const { locale } = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${id}-title`;
  const phones = lines.map((line) => phoneLine(line, locale, t)).filter((p) => p !== null);
  return (
    <section className="emergency-box" aria-labelledby={headingId}>
      <Heading id={headingId}>{title ?? t.emergency.title}</Heading>
      <p>{intro ?? t.emergency.intro}</p>
      <ul className="phone-list">
        {phones.map((line) => (
          <li key={line.id}>
            <PhoneAnchor phone={line} />
            <span className="phone-when">{t.emergency.when[line.id]}</span>
            <span className="phone-hours">{line.hours}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
