import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  businessDayOnOrAfter,
  civilAbsoluteLimitationDate,
  civilLimitationDate,
  criminalComplaintDeadline,
  daysBetween,
  isBusinessDay,
  isIsoDate,
  nextBusinessDay,
  prosecutionLimitationDate,
  shiftMonths,
} from './dates.js';
import { todayInTokyo } from './tokyo-time.js';

describe('plain calendar arithmetic', () => {
  it('gives the Tokyo date, which is a day ahead of UTC after 15:00 UTC', () => {
    expect(todayInTokyo(new Date('2026-11-28T14:59:59Z'))).toBe('2026-11-28');
    expect(todayInTokyo(new Date('2026-11-28T15:00:00Z'))).toBe('2026-11-29');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days between dates, negative backwards', () => {
    expect(daysBetween('2026-11-29', '2027-01-19')).toBe(51);
    expect(daysBetween('2027-01-19', '2026-11-29')).toBe(-51);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('shifts months keeping the day number or clamping to the month end', () => {
    expect(shiftMonths('2026-10-20', 2)).toBe('2026-12-20');
    expect(shiftMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(shiftMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('rejects dates that do not exist', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonths follows 民法143条 (period starting on the given day)', () => {
  it('ends the day before the corresponding day of the last month', () => {
    expect(addMonths('2026-03-11', 6)).toBe('2026-09-10');
    expect(addMonths('2026-10-20', 3)).toBe('2027-01-19');
  });

  it('ends on the last day of the month when the last month has no corresponding day', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-08-30', 6)).toBe('2027-02-28');
    expect(addMonths('2026-08-29', 6)).toBe('2027-02-28');
  });

  it('uses 29 February in leap years', () => {
    expect(addMonths('2027-08-30', 6)).toBe('2028-02-29');
    expect(addMonths('2027-08-29', 6)).toBe('2028-02-28');
  });

  it('ends on a month end for a period starting on the 1st (even after a short month)', () => {
    // 起算日 03-01 (day after 02-28): Mar–Aug, ends 08-31, not 08-28.
    expect(addMonths('2026-03-01', 6)).toBe('2026-08-31');
    expect(addMonths('2026-05-01', 6)).toBe('2026-10-31');
  });

  it('counts years as 12 calendar months', () => {
    expect(addYears('2026-11-03', 3)).toBe('2029-11-02');
    expect(addYears('2028-03-01', 1)).toBe('2029-02-28');
  });
});

describe('business days (刑訴法55条3項)', () => {
  it('excludes weekends, national holidays and 12/29–1/3', () => {
    expect(isBusinessDay('2026-11-30')).toBe(true); // Monday
    expect(isBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-03')).toBe(false); // 文化の日
    expect(isBusinessDay('2026-09-22')).toBe(false); // 国民の休日 between 敬老の日 and 秋分の日
    expect(isBusinessDay('2026-12-29')).toBe(false);
    expect(isBusinessDay('2027-01-03')).toBe(false);
    expect(isBusinessDay('2027-01-04')).toBe(true);
  });

  it('finds the next business day strictly after, or on or after', () => {
    expect(nextBusinessDay('2026-11-30')).toBe('2026-12-01');
    expect(businessDayOnOrAfter('2026-11-30')).toBe('2026-11-30');
    expect(businessDayOnOrAfter('2026-12-26')).toBe('2026-12-28');
  });
});

describe('criminalComplaintDeadline: 6 months from knowing the offender, first day excluded', () => {
  it('knownSince 2026-03-10 → period starts 03-11 → ends 2026-09-10 (a Thursday)', () => {
    expect(criminalComplaintDeadline('2026-03-10')).toBe('2026-09-10');
  });

  it('knownSince 2026-08-30 → starts 08-31; February has no 31st → month end 2027-02-28 (Sunday) → Monday 03-01', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(criminalComplaintDeadline('2026-08-30')).toBe('2027-03-01');
  });

  it('knownSince 2026-08-31 → starts 09-01 → ends on the month end 2027-02-28 (Sunday) → 2027-03-01', () => {
    expect(criminalComplaintDeadline('2026-08-31')).toBe('2027-03-01');
  });

  it('knownSince 2027-08-29 → starts 08-30 → leap-year month end 2028-02-29 (Tuesday)', () => {
    expect(criminalComplaintDeadline('2027-08-29')).toBe('2028-02-29');
  });

  it('a last day on national holidays moves: 2026-09-22 (国民の休日) → 2026-09-24 after 秋分の日', () => {
    // knownSince 03-22 → 起算日 03-23 → 応当日 09-23 → last day 09-22 (holiday), 09-23 秋分の日 → 09-24.
    expect(criminalComplaintDeadline('2026-03-22')).toBe('2026-09-24');
  });

  it('a last day on Sunday before Golden Week moves to 2027-05-06', () => {
    // knownSince 2026-11-02 → 起算日 11-03 → last day 2027-05-02 (Sun); 05-03/04/05 are holidays.
    expect(criminalComplaintDeadline('2026-11-02')).toBe('2027-05-06');
  });

  it('a last day in the year-end break moves to 1/4', () => {
    // knownSince 2026-06-29 → 起算日 06-30 → last day 2026-12-29 → 2027-01-04 (Monday).
    expect(criminalComplaintDeadline('2026-06-29')).toBe('2027-01-04');
  });

  it('a last day on 1/1 moves past a weekend 1/4 to 1/5', () => {
    // knownSince 2025-07-01 → 起算日 07-02 → last day 2026-01-01; 01-02, 01-03 year end; 01-04 Sunday → 01-05.
    expect(criminalComplaintDeadline('2025-07-01')).toBe('2026-01-05');
  });

  it('a last day on Saturday moves to Monday', () => {
    // knownSince 2026-05-30 → 起算日 05-31 → November has no 31st → 11-30 (Monday, no move).
    expect(criminalComplaintDeadline('2026-05-30')).toBe('2026-11-30');
    // knownSince 2026-04-27 → 起算日 04-28 → last day 2026-10-27 (Tuesday).
    expect(criminalComplaintDeadline('2026-04-27')).toBe('2026-10-27');
    // knownSince 2026-04-30 → 起算日 05-01 → last day 2026-10-31 (Saturday) → 11-02 (Monday).
    expect(criminalComplaintDeadline('2026-04-30')).toBe('2026-11-02');
  });
});

describe('limitation periods', () => {
  it('民法724条1号: 3 years from knowing, first day excluded, no holiday extension', () => {
    expect(civilLimitationDate('2026-11-02')).toBe('2029-11-02');
    // 2026-01-02 → 2029-01-02 is in the year-end break but is not moved.
    expect(civilLimitationDate('2026-01-02')).toBe('2029-01-02');
  });

  it('民法724条2号: 20 years from the act, first day excluded', () => {
    expect(civilAbsoluteLimitationDate('2026-10-20')).toBe('2046-10-20');
    expect(civilAbsoluteLimitationDate('2028-02-29')).toBe('2048-02-29');
  });

  it('公訴時効 counts the first day (刑訴法55条1項但書) and is not extended for holidays (55条3項但書)', () => {
    // Act on 2026-05-01: day 1 is 05-01, 3 years end 2029-04-30, a 振替休日, not moved.
    expect(prosecutionLimitationDate('2026-05-01', 3)).toBe('2029-04-30');
    expect(prosecutionLimitationDate('2022-07-01', 1)).toBe('2023-06-30');
  });
});
