import { isJapaneseHoliday, isWeekend, isYearEndHoliday, parseIsoDate } from './calendar.js';

/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings (dates in Japan), and the legal
 * period rules (期間計算) that triage deadlines use.
 *
 * Everything is computed with Date.UTC on plain calendar dates, never in local time,
 * so results do not depend on the time zone of the machine or browser.
 *
 * Sources (checked 2026-11-29):
 * - 民法140条 (初日不算入), 141条 (末日の終了で満了), 142条 (休日), 143条 (暦による計算):
 *   https://laws.e-gov.go.jp/law/129AC0000000089
 * - 刑事訴訟法55条: 1項 初日不算入, but 「時効期間の初日は、時間を論じないで一日としてこれを計算する」;
 *   2項 月・年は暦に従う; 3項 末日が土日・祝日・1/2・1/3・12/29〜12/31 に当たるときは算入しない,
 *   「ただし、時効期間については、この限りでない」: https://laws.e-gov.go.jp/law/323AC0000000131
 */

const MS_PER_DAY = 86_400_000;

interface Ymd {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
}

const parse = (date: string): Ymd => parseIsoDate(date);

function format(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function toEpoch(date: string): number {
  const { year, month, day } = parse(date);
  return Date.UTC(year, month - 1, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year and month `n` months after (year, month); month is 1–12. */
function monthAfter(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function ymd(year: number, month: number, day: number): string {
  return format(Date.UTC(year, month - 1, day));
}

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

/** The date `n` days after `date` (negative `n` goes back). */
export function addDays(date: string, n: number): string {
  return format(toEpoch(date) + n * MS_PER_DAY);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toEpoch(to) - toEpoch(from)) / MS_PER_DAY);
}

/**
 * The same day number `n` months later, or that month's last day when it has no such day
 * (2026-08-31 + 6 → 2027-02-28). A plain calendar shift, not a legal period: see {@link addMonths}.
 */
export function shiftMonths(date: string, n: number): string {
  const { year, month, day } = parse(date);
  const target = monthAfter(year, month, n);
  return ymd(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/**
 * Last day of a period of `n` months whose first counted day (起算日) is `date`, per 民法143条:
 * the period is counted by the calendar (1項) and ends on the day before the day corresponding to
 * the 起算日 in the last month; if the last month has no corresponding day, on that month's last
 * day (2項). A period starting on the 1st therefore ends on the last day of a month.
 *
 * Examples: addMonths('2026-03-11', 6) = '2026-09-10' (応当日 09-11 の前日);
 * addMonths('2026-08-31', 6) = '2027-02-28' (2月31日がない → 2月末日);
 * addMonths('2027-08-30', 6) = '2028-02-29' (うるう年の2月末日);
 * addMonths('2026-03-01', 6) = '2026-08-31' (月の初めから起算 → 8月末日).
 *
 * To count from an event with the first day excluded (民法140条, 刑訴法55条1項), pass
 * `addDays(event, 1)` as the 起算日.
 */
export function addMonths(date: string, n: number): string {
  const { year, month, day } = parse(date);
  const last = monthAfter(year, month, n);
  if (day > daysInMonth(last.year, last.month)) {
    return ymd(last.year, last.month, daysInMonth(last.year, last.month));
  }
  return addDays(ymd(last.year, last.month, day), -1);
}

/** Last day of a period of `n` years whose first counted day is `date` (民法143条; years are 12 calendar months). */
export function addYears(date: string, n: number): string {
  return addMonths(date, 12 * n);
}

/**
 * A day on which courts, prosecutors' offices and police 受付 are open: not Saturday or Sunday,
 * not a 国民の祝日 (incl. 振替休日・国民の休日), and not 12/29–1/3 (the days 刑訴法55条3項 lists).
 */
export function isBusinessDay(date: string): boolean {
  return !isWeekend(date) && !isJapaneseHoliday(date) && !isYearEndHoliday(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string): string {
  let candidate = addDays(date, 1);
  while (!isBusinessDay(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

/** `date` itself if it is a business day, otherwise the next business day (刑訴法55条3項). */
export function businessDayOnOrAfter(date: string): string {
  return isBusinessDay(date) ? date : nextBusinessDay(date);
}

/** Number of months of the 告訴期間 (刑訴法235条: 犯人を知った日から六箇月). */
export const CRIMINAL_COMPLAINT_MONTHS = 6;

/**
 * Last day to file a 告訴 for a 親告罪 (名誉毀損・侮辱・リベンジポルノ公表罪 …), given the day the
 * victim came to know who the offender is.
 *
 * - 刑訴法235条: the complaint must be made within 6 months of knowing the offender.
 * - 刑訴法55条1項: the first day (the day of knowing) is not counted, so the period starts the next day.
 * - 刑訴法55条2項: months are counted by the calendar (the 民法143条 method: the period ends on the
 *   day before the corresponding day of the last month, or on that month's last day if it has none).
 * - 刑訴法55条3項: if the last day is a Saturday, Sunday, 国民の祝日, 1/2, 1/3 or 12/29–12/31, it is
 *   not counted, so the period ends on the next business day (the 告訴期間 is not a 時効期間, so the
 *   但書 does not apply).
 *
 * Worked example: knownSince 2026-03-10 → 起算日 2026-03-11 → 応当日 2026-09-11 → last day
 * 2026-09-10 (Thursday, a business day) → deadline 2026-09-10.
 * With a holiday: knownSince 2026-11-02 → 起算日 11-03 → last day 2027-05-02 (Sunday), then
 * 05-03/04/05 are 祝日 → deadline 2027-05-06.
 */
export function criminalComplaintDeadline(knownSince: string): string {
  return businessDayOnOrAfter(addMonths(addDays(knownSince, 1), CRIMINAL_COMPLAINT_MONTHS));
}

/**
 * Last day of the 3-year 消滅時効 for a tort claim counted from the day the victim knew both the
 * damage and the wrongdoer (民法724条1号), with the first day excluded (民法140条) and years counted
 * by the calendar (民法143条). knownSince 2026-11-02 → 2029-11-02.
 *
 * No weekend/holiday extension is applied: 民法142条 extends a period only where there is a custom of
 * not transacting on that day, and whether that saves a 時効 is for a lawyer to judge. The unextended
 * date is the safe one to show.
 */
export function civilLimitationDate(knownSince: string): string {
  return addYears(addDays(knownSince, 1), 3);
}

/** Last day of the 20-year period from the tortious act (民法724条2号), first day excluded (民法140条). */
export function civilAbsoluteLimitationDate(actDate: string): string {
  return addYears(addDays(actDate, 1), 20);
}

/**
 * Last day of the 公訴時効 (刑訴法250条2項) of `years` years counted from the act (刑訴法253条1項).
 *
 * Unlike other criminal-procedure periods, a 時効期間 counts its first day as a full day
 * (刑訴法55条1項但書: 「時効期間の初日は、時間を論じないで一日としてこれを計算する」) and is NOT
 * extended when it ends on a weekend or holiday (刑訴法55条3項但書). So an act on 2026-05-01 with a
 * 3-year 時効 reaches 時効 at the end of 2029-04-30 (a 振替休日, still not extended).
 */
export function prosecutionLimitationDate(actDate: string, years: number): string {
  return addYears(actDate, years);
}
