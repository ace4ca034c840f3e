import type { Weekday } from '../windows/window.js';

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
const UTC_DAY_TO_WEEKDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

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

/** Today's calendar date in Japan (Asia/Tokyo, UTC+9) at the instant `now`. */
export function todayInTokyo(now: Date): string {
  return tokyoParts(now).date;
}
