import { tr, type Locale, type Localized } from '../i18n/locale.js';
import { WEEKDAYS, type OpeningHours, type Weekday } from './window.js';

const WEEKDAY_SET = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const DAY_NAMES: Readonly<Record<Weekday, Localized>> = {
  mon: { ja: '月', en: 'Mon' },
  tue: { ja: '火', en: 'Tue' },
  wed: { ja: '水', en: 'Wed' },
  thu: { ja: '木', en: 'Thu' },
  fri: { ja: '金', en: 'Fri' },
  sat: { ja: '土', en: 'Sat' },
  sun: { ja: '日', en: 'Sun' },
};

function sameDays(days: readonly Weekday[], expected: readonly Weekday[]): boolean {
  return days.length === expected.length && expected.every((d) => days.includes(d));
}

function dayLabel(days: readonly Weekday[], locale: Locale): string {
  if (sameDays(days, WEEKDAYS)) return locale === 'ja' ? '毎日' : 'Every day';
  if (sameDays(days, WEEKDAY_SET)) return locale === 'ja' ? '平日' : 'Weekdays';
  if (sameDays(days, ['sat', 'sun'])) return locale === 'ja' ? '土日' : 'Weekends';
  if (sameDays(days, ['sat'])) return locale === 'ja' ? '土曜' : 'Saturdays';
  if (sameDays(days, ['sun'])) return locale === 'ja' ? '日曜' : 'Sundays';
  const ordered = WEEKDAYS.filter((d) => days.includes(d)).map((d) => tr(DAY_NAMES[d], locale));
  return locale === 'ja' ? ordered.join('・') : ordered.join(', ');
}

/** '08:30' → '8:30'. */
function displayClock(clock: string): string {
  return clock.replace(/^0(\d:)/, '$1');
}

function closuresText(hours: OpeningHours, locale: Locale): string {
  const covered = new Set((hours.periods ?? []).flatMap((p) => p.days));
  const satClosed = !covered.has('sat');
  const sunClosed = !covered.has('sun');
  const holidays = hours.closedOnHolidays === true;
  const yearEnd = hours.closedYearEnd === true;
  if (!holidays && !yearEnd) return '';
  if (locale === 'ja') {
    const weekend = satClosed && sunClosed ? '土日' : sunClosed ? '日' : satClosed ? '土' : '';
    const dayPart = weekend === '' ? (holidays ? '祝日' : '') : weekend + (holidays ? '祝' : '');
    const parts = [dayPart, yearEnd ? '年末年始' : ''].filter((p) => p !== '');
    return `（${parts.join('・')}を除く）`;
  }
  const weekend = satClosed && sunClosed ? 'weekends' : sunClosed ? 'Sundays' : satClosed ? 'Saturdays' : '';
  const parts = [weekend, holidays ? 'holidays' : '', yearEnd ? 'Dec 29–Jan 3' : ''].filter((p) => p !== '');
  const list =
    parts.length > 1
      ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`
      : (parts[0] ?? '');
  return ` (closed ${list})`;
}

/** Opening hours as one line of text, e.g. "平日 8:30–17:15（土日祝・年末年始を除く）", followed by the note. */
export function formatHours(hours: OpeningHours, locale: Locale): string {
  const note = tr(hours.note, locale).trim();
  let main: string;
  if (hours.always) {
    main = locale === 'ja' ? '24時間365日' : '24 hours, every day';
  } else if ((hours.periods ?? []).length > 0) {
    const separator = locale === 'ja' ? '、' : '; ';
    const periods = (hours.periods ?? [])
      .map((p) => `${dayLabel(p.days, locale)} ${displayClock(p.open)}–${displayClock(p.close)}`)
      .join(separator);
    main = periods + closuresText(hours, locale);
  } else {
    if (note !== '') return note;
    return locale === 'ja' ? '受付時間は窓口にご確認ください' : 'Please check the hours with the service';
  }
  if (note === '') return main;
  return locale === 'ja' ? `${main}。${note}` : `${main}. ${note}`;
}
