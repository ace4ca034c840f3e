import { tr, type Locale, type Localized } from '../i18n/locale.js';
import { isJapaneseHoliday, isYearEndHoliday } from '../law/calendar.js';
import {
  WEEKDAYS,
  type Channel,
  type ChannelType,
  type ConsultationWindow,
  type OpeningHours,
  type Service,
  type Weekday,
  type WindowView,
} from './window.js';

/** A moment as seen on a clock in Japan. */
export interface TokyoParts {
  /** YYYY-MM-DD in Japan. */
  readonly date: string;
  readonly weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  readonly minutes: number;
}

// Japan has had no daylight saving since 1951, so a fixed offset is exact and needs no tz data.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;
const UTC_DAY_TO_WEEKDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const CLOCK_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Date, weekday and time of day in Asia/Tokyo for an instant. */
export function tokyoParts(instant: Date): TokyoParts {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  const shifted = new Date(time + JST_OFFSET_MS);
  const weekday = UTC_DAY_TO_WEEKDAY[shifted.getUTCDay()];
  if (!weekday) throw new RangeError('Invalid Date');
  const date = shifted.toISOString().slice(0, 10);
  return { date, weekday, minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/** Minutes since midnight for 'HH:MM' (00:00–24:00). */
export function parseClock(clock: string): number {
  const match = CLOCK_RE.exec(clock);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || minutes > 24 * 60) throw new RangeError(`Not an HH:MM time: ${clock}`);
  return minutes;
}

function previousDate(instant: Date): TokyoParts {
  return tokyoParts(new Date(instant.getTime() - MS_PER_DAY));
}

function closedAllDay(hours: OpeningHours, date: string): boolean {
  return (
    (hours.closedYearEnd === true && isYearEndHoliday(date)) ||
    (hours.closedOnHolidays === true && isJapaneseHoliday(date))
  );
}

/** Whether the stated periods cover the instant; a period past midnight (close ≤ open) belongs to the day it starts. */
function withinPeriods(hours: OpeningHours, instant: Date): boolean {
  const now = tokyoParts(instant);
  const yesterday = previousDate(instant);
  return (hours.periods ?? []).some((period) => {
    const open = parseClock(period.open);
    const close = parseClock(period.close);
    if (open < close) {
      return (
        period.days.includes(now.weekday) &&
        now.minutes >= open &&
        now.minutes < close &&
        !closedAllDay(hours, now.date)
      );
    }
    const lateToday =
      period.days.includes(now.weekday) && now.minutes >= open && !closedAllDay(hours, now.date);
    const earlyFromYesterday =
      period.days.includes(yesterday.weekday) && now.minutes < close && !closedAllDay(hours, yesterday.date);
    return lateToday || earlyFromYesterday;
  });
}

/**
 * Whether a channel with these hours is open at the instant.
 * Returns null when the answer is uncertain: hours that `vary` (by prefecture, or not fully known)
 * and hours without periods only give a definite answer when a stated closure
 * (national holiday, 12/29–1/3) rules the whole day out.
 */
export function isOpenAt(hours: OpeningHours, instant: Date): boolean | null {
  if (hours.always) return true;
  const hasPeriods = (hours.periods ?? []).length > 0;
  if (hasPeriods && !hours.varies) return withinPeriods(hours, instant);
  const today = tokyoParts(instant).date;
  const mayRunPastMidnight = (hours.periods ?? []).some((p) => parseClock(p.close) <= parseClock(p.open));
  if (closedAllDay(hours, today) && !mayRunPastMidnight) return false;
  return null;
}

/** Combines channel answers: open if any channel is open, unknown if none is open but some are unknown. */
function combine(answers: readonly (boolean | null)[]): boolean | null {
  if (answers.includes(true)) return true;
  if (answers.length === 0 || answers.includes(null)) return null;
  return false;
}

/** Whether any channel of the window is open at the instant (null when it cannot be said). */
export function isWindowOpenAt(
  window: ConsultationWindow,
  instant: Date,
  channelType?: ChannelType,
): boolean | null {
  const channels = channelType ? window.channels.filter((c) => c.type === channelType) : window.channels;
  return combine(channels.map((channel) => isOpenAt(channel.hours, instant)));
}

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

function localizeChannel(channel: Channel, locale: Locale, now: Date): WindowView['channels'][number] {
  return {
    type: channel.type,
    value: channel.value,
    label: tr(channel.label, locale),
    hours: formatHours(channel.hours, locale),
    tollFree: channel.tollFree === true,
    ...(channel.note ? { note: tr(channel.note, locale) } : {}),
    openNow: isOpenAt(channel.hours, now),
  };
}

/** The window's texts in one locale, with "open now" computed for `now`. */
export function localizeWindow(window: ConsultationWindow, locale: Locale, now: Date): WindowView {
  return {
    id: window.id,
    name: tr(window.name, locale),
    operator: tr(window.operator, locale),
    services: window.services,
    channels: window.channels.map((channel) => localizeChannel(channel, locale, now)),
    free: window.free,
    cost: tr(window.cost, locale),
    languages: window.languages,
    does: tr(window.does, locale),
    registrationRequired: window.registrationRequired,
    registration: tr(window.registration, locale),
    eligibility: tr(window.eligibility, locale),
    sources: window.sources,
    verified: window.verified,
    ...(window.caveat ? { caveat: tr(window.caveat, locale) } : {}),
    openNow: isWindowOpenAt(window, now),
  };
}

export interface WindowFilter {
  readonly service?: Service;
  /** Keep windows reachable through this channel type. */
  readonly channel?: ChannelType;
  /** Keep windows open at `now` (through `channel`, when given). */
  readonly openNow?: boolean;
  /** With `openNow`, also keep windows whose hours vary and may be open (default true). */
  readonly includeUncertain?: boolean;
  /** BCP 47 tag of a language the person needs, e.g. 'en', 'pt-BR'. */
  readonly language?: string;
  readonly now: Date;
}

// Filipino and Tagalog are the same language for the person asking.
const LANGUAGE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  fil: ['fil', 'tl'],
  tl: ['tl', 'fil'],
};

function servesLanguage(window: ConsultationWindow, language: string): boolean {
  const primary = language.trim().toLowerCase().split('-')[0] ?? '';
  const accepted = LANGUAGE_ALIASES[primary] ?? [primary];
  return window.languages.some((served) => accepted.includes(served.toLowerCase()));
}

/** The directory page's filters; keeps the directory order. */
export function filterWindows(
  windows: readonly ConsultationWindow[],
  filter: WindowFilter,
): ConsultationWindow[] {
  return windows.filter((window) => {
    if (filter.service && !window.services.includes(filter.service)) return false;
    if (filter.channel && !window.channels.some((c) => c.type === filter.channel)) return false;
    if (filter.language && !servesLanguage(window, filter.language)) return false;
    if (filter.openNow) {
      const open = isWindowOpenAt(window, filter.now, filter.channel);
      if (open === false) return false;
      if (open === null && filter.includeUncertain === false) return false;
    }
    return true;
  });
}
