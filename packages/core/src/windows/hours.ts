import { tr, type Locale } from '../i18n/locale.js';
import { isJapaneseHoliday, isYearEndHoliday } from '../law/calendar.js';
import { tokyoParts, type TokyoParts } from '../law/tokyo-time.js';
import { formatHours } from './format-hours.js';
import {
  type Channel,
  type ChannelType,
  type ConsultationWindow,
  type OpeningHours,
  type Service,
  type WindowView,
} from './window.js';

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const CLOCK_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

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
