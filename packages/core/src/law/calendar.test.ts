import { describe, it, expect } from 'vitest';
import { isJapaneseHoliday, isWeekend, isYearEndHoliday, weekdayOf } from './calendar.js';

describe('Japanese calendar', () => {
  it('knows 勤労感謝の日 2026-11-23 is a national holiday', () => {
    expect(isJapaneseHoliday('2026-11-23')).toBe(true);
  });

  it('counts 振替休日 as a holiday', () => {
    // 2026-05-03 (憲法記念日) is a Sunday, so 5/6 becomes 振替休日.
    expect(isJapaneseHoliday('2026-05-06')).toBe(true);
  });

  it('treats an ordinary weekday as a working day', () => {
    expect(isJapaneseHoliday('2026-11-24')).toBe(false);
    expect(isWeekend('2026-11-24')).toBe(false);
  });

  it('finds the weekday without any time zone', () => {
    expect(weekdayOf('2026-11-23')).toBe('mon');
    expect(weekdayOf('2026-11-28')).toBe('sat');
    expect(weekdayOf('2026-11-29')).toBe('sun');
    expect(weekdayOf('2024-02-29')).toBe('thu');
  });

  it('treats Saturday and Sunday as the weekend', () => {
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-29')).toBe(true);
  });

  it('treats 12/29 to 1/3 as 年末年始, and 12/28 and 1/4 as normal days', () => {
    expect(isYearEndHoliday('2026-12-29')).toBe(true);
    expect(isYearEndHoliday('2026-12-31')).toBe(true);
    expect(isYearEndHoliday('2027-01-03')).toBe(true);
    expect(isYearEndHoliday('2026-12-28')).toBe(false);
    expect(isYearEndHoliday('2027-01-04')).toBe(false);
  });

  it('rejects dates that are not real calendar dates', () => {
    expect(() => weekdayOf('2026-02-30')).toThrow(RangeError);
    expect(() => isJapaneseHoliday('2026/11/23')).toThrow(RangeError);
  });
});
