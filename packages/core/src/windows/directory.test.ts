import { describe, it, expect } from 'vitest';
import { LOCALES, type Localized } from '../i18n/locale.js';
import { getWindow, requireWindow, WINDOWS } from './directory.js';
import { parseClock } from './hours.js';
import { WINDOW_IDS, type OpeningHours, type WindowId } from './window.js';

function phones(id: WindowId): string[] {
  return requireWindow(id)
    .channels.filter((c) => c.type === 'phone')
    .map((c) => c.value);
}

function expectFilled(text: Localized, what: string): void {
  for (const locale of LOCALES) expect(text[locale].trim(), `${what} (${locale})`).not.toBe('');
}

const allHours: { id: WindowId; hours: OpeningHours }[] = WINDOWS.flatMap((w) =>
  w.channels.map((c) => ({ id: w.id, hours: c.hours })),
);

describe('consultation window directory', () => {
  it('lists every window id exactly once', () => {
    const ids = WINDOWS.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...WINDOW_IDS].sort());
  });

  it('finds windows by id and returns undefined for an unknown id', () => {
    for (const id of WINDOW_IDS) expect(getWindow(id)?.id).toBe(id);
    expect(getWindow('no-such-window')).toBeUndefined();
  });

  it('describes every window in Japanese and English', () => {
    for (const w of WINDOWS) {
      for (const key of ['name', 'operator', 'does', 'cost', 'registration', 'eligibility'] as const) {
        expectFilled(w[key], `${w.id}.${key}`);
      }
      for (const channel of w.channels) {
        expectFilled(channel.label, `${w.id} channel label`);
        if (channel.note) expectFilled(channel.note, `${w.id} channel note`);
        const noteFilled = LOCALES.map((l) => channel.hours.note[l].trim() !== '');
        expect(new Set(noteFilled).size, `${w.id} hours note is in both languages or neither`).toBe(1);
      }
      expect(w.languages.length, w.id).toBeGreaterThan(0);
      for (const tag of w.languages) expect(tag, w.id).toMatch(/^[a-z]{2,3}$/);
    }
  });

  it('names a web source with a check date for every window', () => {
    for (const w of WINDOWS) {
      expect(w.sources.length, w.id).toBeGreaterThan(0);
      for (const s of w.sources) {
        expect(['http:', 'https:'], `${w.id} ${s.url}`).toContain(new URL(s.url).protocol);
        expect(s.checked, w.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(s.checked)), w.id).toBe(false);
        expect(s.checked <= '2026-11-29', w.id).toBe(true);
      }
    }
  });

  it('uses only the phone numbers published in DOMAIN.md', () => {
    const all = WINDOWS.flatMap((w) => w.channels.filter((c) => c.type === 'phone').map((c) => c.value));
    expect(new Set(all)).toEqual(
      new Set([
        '0570-003-110',
        '0120-007-110',
        '0570-090-911',
        '0570-078374',
        '03-6745-5600',
        '0570-078377',
        '050-3754-5430',
        '0570-079714',
        '03-6745-5601',
        '0570-783-110',
        '110',
        '#9110',
        '0570-064-556',
        '0570-783-556',
        '0120-783-556',
        '0120-279-338',
        '0120-0-78310',
      ]),
    );
  });

  it('pins the key numbers to the right windows', () => {
    expect(phones('jinken-110')).toEqual(['0570-003-110']);
    expect(phones('kodomo-jinken-110')).toEqual(['0120-007-110']);
    expect(phones('gaikokugo-jinken')).toEqual(['0570-090-911']);
    expect(phones('houterasu')).toEqual(['0570-078374', '03-6745-5600']);
    expect(phones('houterasu-multilingual')).toEqual(['0570-078377', '050-3754-5430']);
    expect(phones('houterasu-dv')).toEqual(['0570-079714', '03-6745-5601']);
    expect(phones('bengoshikai')).toEqual(['0570-783-110']);
    expect(phones('police-110')).toEqual(['110']);
    expect(phones('police-9110')).toEqual(['#9110']);
    expect(phones('kokoro-dial')).toEqual(['0570-064-556']);
    expect(phones('inochi-denwa')).toEqual(['0570-783-556', '0120-783-556']);
    expect(phones('yorisoi')).toEqual(['0120-279-338']);
    expect(phones('kodomo-sos')).toEqual(['0120-0-78310']);
  });

  it('marks free-dial numbers and 110 as toll-free, and navi dial numbers as not', () => {
    for (const w of WINDOWS) {
      for (const c of w.channels.filter((ch) => ch.type === 'phone')) {
        const expected = c.value.startsWith('0120') || c.value === '110';
        expect(c.tollFree === true, `${w.id} ${c.value}`).toBe(expected);
      }
    }
  });

  it('points to the official web forms', () => {
    const url = (id: WindowId) => requireWindow(id).channels.find((c) => c.type === 'web-form')?.value;
    expect(url('mimamoru')).toBe('/consult');
    expect(url('jinken-internet')).toBe('https://www.jinken.go.jp/');
    expect(url('sia-hotline')).toBe('https://www.saferinternet.or.jp/bullying/');
    expect(url('ihaho')).toBe('https://ihaho.jp/');
    expect(url('police-cyber')).toBe('https://www.npa.go.jp/bureau/cyber/soudan.html');
    expect(url('bengoshikai')).toBe('https://www.soudan-yoyaku.jp/');
    // SIA and ihaho have no phone line.
    expect(phones('sia-hotline')).toEqual([]);
    expect(phones('ihaho')).toEqual([]);
  });

  it('flags as unverified exactly the windows DOMAIN.md marks UNVERIFIED or re-verify, each with a caveat', () => {
    const unverified = WINDOWS.filter((w) => !w.verified).map((w) => w.id);
    expect(unverified.sort()).toEqual(
      ['kodomo-jinken-110', 'ihaho', 'legal-qa-site', 'police-cyber', 'kokoro-dial', 'inochi-denwa'].sort(),
    );
    for (const w of WINDOWS) {
      if (w.verified) expect(w.caveat, w.id).toBeUndefined();
      else expectFilled(w.caveat ?? { ja: '', en: '' }, `${w.id}.caveat`);
    }
  });

  it('tells victims that the SIA hotline needs an identifiable real individual', () => {
    const sia = requireWindow('sia-hotline');
    expect(sia.eligibility.ja).toContain('実在する個人');
    expect(sia.eligibility.en).toContain('identifiable');
    expect(sia.services).toEqual(['contacts-provider']);
  });

  it('keeps ihaho as advice only, with registration required', () => {
    const ihaho = requireWindow('ihaho');
    expect(ihaho.services).toEqual(['advice']);
    expect(ihaho.registrationRequired).toBe(true);
  });

  it('lists the ten languages of the foreign-language human rights line', () => {
    expect([...requireWindow('gaikokugo-jinken').languages].sort()).toEqual(
      ['en', 'zh', 'ko', 'fil', 'pt', 'vi', 'ne', 'es', 'id', 'th'].sort(),
    );
    expect(requireWindow('houterasu-multilingual').languages).toHaveLength(10);
  });

  it('does not call the DV consultation free when savings exceed 3 million yen', () => {
    const dv = requireWindow('houterasu-dv');
    expect(dv.free).toBe(false);
    expect(dv.cost.ja).toContain('5,500円');
    expect(dv.cost.ja).toContain('300万円');
  });

  it('gives the generic law-firm and Q&A entries no phone number', () => {
    expect(requireWindow('law-firm-free-consultation').channels).toEqual([]);
    expect(requireWindow('legal-qa-site').channels).toEqual([]);
    expect(requireWindow('law-firm-free-consultation').cost.ja).toContain('50万〜100万円');
  });

  it('writes opening hours that the clock can read', () => {
    for (const { id, hours } of allHours) {
      for (const period of hours.periods ?? []) {
        expect(period.days.length, id).toBeGreaterThan(0);
        expect(() => parseClock(period.open), id).not.toThrow();
        expect(() => parseClock(period.close), id).not.toThrow();
      }
      const hasPeriods = (hours.periods ?? []).length > 0;
      if (!hours.always && !hasPeriods)
        expect(hours.varies, `${id}: no hours given, so they must vary`).toBe(true);
      if (hours.varies) expectFilled(hours.note, `${id}: varying hours need a note`);
    }
  });
});
