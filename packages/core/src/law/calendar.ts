import holiday_jp from '@holiday-jp/holiday_jp';
import type { Weekday } from '../windows/window.js';

/** Japanese calendar helpers on plain 'YYYY-MM-DD' dates (no time zone involved). */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOLIDAYS: Readonly<Record<string, unknown>> = holiday_jp.holidays;
// Index = Date.getUTCDay() (0 = Sunday).
const UTC_DAY_TO_WEEKDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Year, month (1–12) and day of a real 'YYYY-MM-DD' calendar date; RangeError otherwise. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return { year, month, day };
}

/** Day of the week of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): Weekday {
  const { year, month, day } = parseIsoDate(date);
  const weekday = UTC_DAY_TO_WEEKDAY[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  if (!weekday) throw new RangeError(`No weekday for ${date}`);
  return weekday;
}

/** Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 'sat' || weekday === 'sun';
}

/** 国民の祝日 and 振替休日 / 国民の休日, per @holiday-jp/holiday_jp. */
export function isJapaneseHoliday(date: string): boolean {
  parseIsoDate(date);
  return Object.prototype.hasOwnProperty.call(HOLIDAYS, date);
}

/** 年末年始 as most public offices observe it: 12/29 to 1/3 inclusive. */
export function isYearEndHoliday(date: string): boolean {
  const { month, day } = parseIsoDate(date);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
}
