import { describe, it, expect } from 'vitest';
import { requireWindow, WINDOWS } from './directory.js';
import { tokyoParts } from '../law/tokyo-time.js';
import { formatHours } from './format-hours.js';
import { filterWindows, isOpenAt, isWindowOpenAt, localizeWindow } from './hours.js';
import type { OpeningHours, WindowId } from './window.js';

/** An instant given as Japan local time. */
function jst(local: string): Date {
  return new Date(`${local}+09:00`);
}

function open(id: WindowId, local: string): boolean | null {
  return isWindowOpenAt(requireWindow(id), jst(local));
}

function phoneOpen(id: WindowId, local: string): boolean | null {
  return isWindowOpenAt(requireWindow(id), jst(local), 'phone');
}

describe('Japan time', () => {
  it('converts a UTC instant just before midnight UTC into the next morning in Tokyo', () => {
    expect(tokyoParts(new Date('2026-11-24T23:59:00Z'))).toEqual({
      date: '2026-11-25',
      weekday: 'wed',
      minutes: 8 * 60 + 59,
    });
  });

  it('moves 15:30 UTC on Sunday into Monday 0:30 in Tokyo', () => {
    expect(tokyoParts(new Date('2026-11-22T15:30:00Z'))).toEqual({
      date: '2026-11-23',
      weekday: 'mon',
      minutes: 30,
    });
  });

  it('keeps 14:59 UTC on the same Tokyo day', () => {
    expect(tokyoParts(new Date('2026-11-22T14:59:00Z'))).toEqual({
      date: '2026-11-22',
      weekday: 'sun',
      minutes: 23 * 60 + 59,
    });
  });
});

describe('opening hours', () => {
  it('みんなの人権110番 is open on a weekday morning', () => {
    expect(open('jinken-110', '2026-11-24T10:00:00')).toBe(true);
  });

  it('みんなの人権110番 opens at 8:30 and closes at 17:15', () => {
    expect(open('jinken-110', '2026-11-24T08:29:00')).toBe(false);
    expect(open('jinken-110', '2026-11-24T08:30:00')).toBe(true);
    expect(open('jinken-110', '2026-11-24T17:14:00')).toBe(true);
    expect(open('jinken-110', '2026-11-24T17:15:00')).toBe(false);
  });

  it('みんなの人権110番 is closed on 勤労感謝の日', () => {
    expect(open('jinken-110', '2026-11-23T10:00:00')).toBe(false);
  });

  it('みんなの人権110番 is closed on Saturday, while 法テラス answers until 17:00', () => {
    expect(open('jinken-110', '2026-11-28T10:00:00')).toBe(false);
    expect(phoneOpen('houterasu', '2026-11-28T10:00:00')).toBe(true);
    expect(phoneOpen('houterasu', '2026-11-28T17:30:00')).toBe(false);
  });

  it('法テラス answers weekday evenings until 21:00', () => {
    expect(phoneOpen('houterasu', '2026-11-24T20:59:00')).toBe(true);
    expect(phoneOpen('houterasu', '2026-11-24T21:00:00')).toBe(false);
    // The e-mail form takes enquiries around the clock.
    expect(open('houterasu', '2026-11-24T23:00:00')).toBe(true);
  });

  it('closes 年末年始 lines on 12/30 even though it is a weekday', () => {
    expect(open('jinken-110', '2026-12-30T10:00:00')).toBe(false);
    expect(phoneOpen('houterasu', '2026-12-30T10:00:00')).toBe(false);
  });

  it('24-hour lines are open in the middle of the night on a holiday', () => {
    for (const id of ['yorisoi', 'kodomo-sos', 'police-110', 'mimamoru', 'jinken-internet'] as const) {
      expect(open(id, '2026-11-23T03:00:00'), id).toBe(true);
    }
  });

  it('late at night only the 24-hour phone lines are certainly open', () => {
    expect(open('inochi-denwa', '2026-11-24T21:59:00')).toBe(true);
    const lateNight = jst('2026-11-24T23:30:00');
    const navi = requireWindow('inochi-denwa').channels[0]!;
    expect(isOpenAt(navi.hours, lateNight)).toBe(false);
    expect(isWindowOpenAt(requireWindow('yorisoi'), lateNight)).toBe(true);
  });

  it('says "unknown" rather than open or closed when hours vary by area', () => {
    expect(open('kokoro-dial', '2026-11-24T10:00:00')).toBeNull();
    expect(open('police-9110', '2026-11-24T10:00:00')).toBeNull();
    expect(open('police-9110', '2026-11-24T23:00:00')).toBeNull();
    expect(open('law-firm-free-consultation', '2026-11-24T10:00:00')).toBeNull();
  });

  it('still says closed when varying hours are ruled out by a stated holiday closure', () => {
    const hours: OpeningHours = {
      periods: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }],
      closedOnHolidays: true,
      varies: true,
      note: { ja: '地域により異なります。', en: 'Varies by area.' },
    };
    expect(isOpenAt(hours, jst('2026-11-23T10:00:00'))).toBe(false);
    expect(isOpenAt(hours, jst('2026-11-24T10:00:00'))).toBeNull();
  });

  it('keeps a line that runs past midnight open into the next morning', () => {
    const hours: OpeningHours = {
      periods: [{ days: ['fri'], open: '22:00', close: '06:00' }],
      note: { ja: '', en: '' },
    };
    expect(isOpenAt(hours, jst('2026-11-27T23:00:00'))).toBe(true);
    expect(isOpenAt(hours, jst('2026-11-28T05:59:00'))).toBe(true);
    expect(isOpenAt(hours, jst('2026-11-28T06:00:00'))).toBe(false);
    expect(isOpenAt(hours, jst('2026-11-27T05:00:00'))).toBe(false);
  });
});

describe('hours as text', () => {
  it('writes the 法務局 hours the way the ministry does', () => {
    const hours = requireWindow('jinken-110').channels[0]!.hours;
    expect(formatHours(hours, 'ja')).toBe('平日 8:30–17:15（土日祝・年末年始を除く）');
    expect(formatHours(hours, 'en')).toBe('Weekdays 8:30–17:15 (closed weekends, holidays and Dec 29–Jan 3)');
  });

  it('writes 法テラス weekday and Saturday hours in one line', () => {
    const hours = requireWindow('houterasu').channels[0]!.hours;
    expect(formatHours(hours, 'ja')).toBe('平日 9:00–21:00、土曜 9:00–17:00（日祝・年末年始を除く）');
    expect(formatHours(hours, 'en')).toBe(
      'Weekdays 9:00–21:00; Saturdays 9:00–17:00 (closed Sundays, holidays and Dec 29–Jan 3)',
    );
  });

  it('writes 24-hour lines as every day, around the clock', () => {
    const hours = requireWindow('yorisoi').channels[0]!.hours;
    expect(formatHours(hours, 'ja')).toBe('24時間365日');
    expect(formatHours(hours, 'en')).toBe('24 hours, every day');
  });

  it('adds the note after the hours', () => {
    const freeDial = requireWindow('inochi-denwa').channels[1]!.hours;
    expect(formatHours(freeDial, 'ja')).toMatch(/^毎日 16:00–21:00。毎月10日は/);
    expect(formatHours(freeDial, 'en')).toMatch(/^Every day 16:00–21:00\. On the 10th of each month/);
  });

  it('shows only the note when hours depend on the area', () => {
    expect(formatHours(requireWindow('kokoro-dial').channels[0]!.hours, 'ja')).toMatch(
      /^受付時間は地域によって異なります/,
    );
  });
});

describe('localized window view', () => {
  it('shows みんなの人権110番 in English as closed on 勤労感謝の日', () => {
    const view = localizeWindow(requireWindow('jinken-110'), 'en', jst('2026-11-23T10:00:00'));
    expect(view.name).toContain('Human Rights Hotline');
    expect(view.openNow).toBe(false);
    expect(view.channels[0]).toMatchObject({
      type: 'phone',
      value: '0570-003-110',
      tollFree: false,
      openNow: false,
    });
    expect(view.channels[0]?.hours).toContain('Weekdays 8:30–17:15');
    expect(view.caveat).toBeUndefined();
  });

  it('carries the caveat of an unverified window', () => {
    const view = localizeWindow(requireWindow('police-cyber'), 'ja', jst('2026-11-24T10:00:00'));
    expect(view.verified).toBe(false);
    expect(view.caveat).toContain('アカウント登録');
    expect(view.openNow).toBe(true);
  });

  it('localizes every window in both languages without gaps', () => {
    for (const window of WINDOWS) {
      for (const locale of ['ja', 'en'] as const) {
        const view = localizeWindow(window, locale, jst('2026-11-24T10:00:00'));
        expect(view.name, window.id).not.toBe('');
        for (const c of view.channels) expect(c.hours, window.id).not.toBe('');
      }
    }
  });
});

describe('directory filters', () => {
  const now = jst('2026-11-28T23:00:00');

  it('finds the mental-health lines', () => {
    expect(filterWindows(WINDOWS, { service: 'emotional-support', now }).map((w) => w.id)).toEqual([
      'kokoro-dial',
      'inochi-denwa',
      'yorisoi',
      'kodomo-sos',
    ]);
  });

  it('finds phone lines certainly open late on a Saturday night', () => {
    const ids = filterWindows(WINDOWS, { channel: 'phone', openNow: true, includeUncertain: false, now }).map(
      (w) => w.id,
    );
    expect(ids).toEqual(['police-110', 'yorisoi', 'kodomo-sos']);
  });

  it('also offers lines that may be open when the hours vary', () => {
    const ids = filterWindows(WINDOWS, { channel: 'phone', openNow: true, now }).map((w) => w.id);
    expect(ids).toContain('kokoro-dial');
    expect(ids).toContain('inochi-denwa');
    expect(ids).not.toContain('jinken-110');
  });

  it('finds help in Portuguese whatever the region subtag', () => {
    expect(filterWindows(WINDOWS, { language: 'pt-BR', now }).map((w) => w.id)).toEqual([
      'gaikokugo-jinken',
      'houterasu-multilingual',
    ]);
  });

  it('treats Filipino and Tagalog as the same language', () => {
    const ids = filterWindows(WINDOWS, { language: 'fil', now }).map((w) => w.id);
    expect(ids).toEqual(['gaikokugo-jinken', 'houterasu-multilingual']);
  });

  it('finds the services that contact the provider for you', () => {
    expect(filterWindows(WINDOWS, { service: 'contacts-provider', now }).map((w) => w.id)).toEqual([
      'mimamoru',
      'jinken-110',
      'jinken-internet',
      'kodomo-jinken-110',
      'sia-hotline',
    ]);
  });
});
