import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERAS, formatAmountJpy, formatDate, toKanjiNumeral, toWareki } from './format.js';

/** An independent reader of formal kanji numerals (二千二十六, 一億二千万, 壱百万), to check the writer against. */
function readKanji(text: string): number {
  const digits: Record<string, number> = {
    〇: 0,
    零: 0,
    一: 1,
    壱: 1,
    二: 2,
    弐: 2,
    三: 3,
    参: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  const small: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 千: 1000 };
  const large: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };
  let total = 0;
  let group = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in digits) digit = digits[c] as number;
    else if (c in small) {
      group += (digit ?? 1) * (small[c] as number);
      digit = null;
    } else if (c in large) {
      total += (group + (digit ?? 0)) * (large[c] as number);
      group = 0;
      digit = null;
    } else throw new Error(`not a kanji numeral: ${c}`);
  }
  return total + group + (digit ?? 0);
}

describe('formatDate', () => {
  it.each([
    ['2026-11-29', 'seireki', 'arabic', '2026年11月29日'],
    ['2026-11-29', 'seireki', 'kanji', '二〇二六年十一月二十九日'],
    ['2026-11-29', 'wareki', 'arabic', '令和8年11月29日'],
    ['2026-11-29', 'wareki', 'kanji', '令和八年十一月二十九日'],
    ['2019-04-30', 'wareki', 'arabic', '平成31年4月30日'],
    ['2019-05-01', 'wareki', 'arabic', '令和元年5月1日'],
    ['2019-05-01', 'wareki', 'kanji', '令和元年五月一日'],
    ['2020-01-01', 'wareki', 'arabic', '令和2年1月1日'],
    ['1989-01-07', 'wareki', 'arabic', '昭和64年1月7日'],
    ['1989-01-08', 'wareki', 'arabic', '平成元年1月8日'],
    ['1926-12-24', 'wareki', 'arabic', '大正15年12月24日'],
    ['1926-12-25', 'wareki', 'arabic', '昭和元年12月25日'],
    ['1912-07-29', 'wareki', 'arabic', '明治45年7月29日'],
    ['1912-07-30', 'wareki', 'arabic', '大正元年7月30日'],
    ['1873-01-01', 'wareki', 'arabic', '明治6年1月1日'],
    ['1985-10-10', 'wareki', 'kanji', '昭和六十年十月十日'],
  ] as const)('%s (%s, %s) → %s', (date, era, numerals, expected) => {
    expect(formatDate(date, { era, numerals })).toBe(expected);
  });

  it('writes 和暦 only from the Gregorian calendar (1873-01-01), and only real dates', () => {
    expect(() => formatDate('1872-12-31', { era: 'wareki' })).toThrow(RangeError);
    expect(formatDate('1872-12-31', { era: 'seireki' })).toBe('1872年12月31日');
    expect(() => formatDate('2026-02-30', { era: 'wareki' })).toThrow(RangeError);
    expect(() => formatDate('29/11/2026', { era: 'seireki' })).toThrow(RangeError);
  });

  it('every era cites its basis, and each era year counts from 元年 on its first day', () => {
    for (const era of ERAS) {
      expect(era.basis.source).toMatch(/^https:\/\//u);
      if (era.start >= '1873-01-01') expect(toWareki(era.start)).toEqual({ era: era.name, year: 1 });
    }
    expect(ERAS.at(-1)?.basis.law).toContain('平成31年政令第143号');
  });

  it('the day before an era starts belongs to the previous era (property)', () => {
    const days = fc.integer({ min: Date.UTC(1873, 0, 1) / 864e5, max: Date.UTC(2100, 11, 31) / 864e5 });
    fc.assert(
      fc.property(days, (day) => {
        const date = new Date(day * 864e5).toISOString().slice(0, 10);
        const { era, year } = toWareki(date);
        const index = ERAS.findIndex((e) => e.name === era);
        const start = ERAS[index]?.start as string;
        const next = ERAS[index + 1]?.start;
        expect(start <= date).toBe(true);
        if (next) expect(date < next).toBe(true);
        expect(year).toBe(Number(date.slice(0, 4)) - Number(start.slice(0, 4)) + 1);
      }),
    );
  });
});

describe('toKanjiNumeral', () => {
  it.each([
    [0, '〇', '〇', '零'],
    [10, '一〇', '十', '壱拾'],
    [11, '一一', '十一', '壱拾壱'],
    [29, '二九', '二十九', '弐拾九'],
    [100, '一〇〇', '百', '壱百'],
    [2026, '二〇二六', '二千二十六', '弐千弐拾六'],
    [10_000, '一〇〇〇〇', '一万', '壱万'],
    [500_000, '五〇〇〇〇〇', '五十万', '五拾万'],
    [1_000_000, '一〇〇〇〇〇〇', '百万', '壱百万'],
    [10_000_000, '一〇〇〇〇〇〇〇', '千万', '壱千万'],
    [100_000_000, '一〇〇〇〇〇〇〇〇', '一億', '壱億'],
    [100_010_001, '一〇〇〇一〇〇〇一', '一億一万一', '壱億壱万壱'],
  ])('%i → %s / %s / %s', (n, positional, formal, daiji) => {
    expect(toKanjiNumeral(n, { style: 'positional' })).toBe(positional);
    expect(toKanjiNumeral(n, { style: 'formal' })).toBe(formal);
    expect(toKanjiNumeral(n, { style: 'daiji' })).toBe(daiji);
  });

  it('reads back to the same number, in every style (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(readKanji(toKanjiNumeral(n, { style: 'formal' }))).toBe(n);
        expect(readKanji(toKanjiNumeral(n, { style: 'daiji' }))).toBe(n);
        const positional = toKanjiNumeral(n, { style: 'positional' });
        expect(Number(Array.from(positional, (c) => '〇一二三四五六七八九'.indexOf(c)).join(''))).toBe(n);
      }),
    );
  });

  it('refuses negative and fractional numbers', () => {
    expect(() => toKanjiNumeral(-1, { style: 'formal' })).toThrow(RangeError);
    expect(() => toKanjiNumeral(1.5, { style: 'positional' })).toThrow(RangeError);
  });
});

describe('formatAmountJpy', () => {
  it('writes money as documents do', () => {
    expect(formatAmountJpy(500_000)).toBe('金500,000円');
    expect(formatAmountJpy(500_000, 'kanji')).toBe('金五十万円');
    expect(formatAmountJpy(500_000, 'daiji')).toBe('金五拾万円');
    expect(formatAmountJpy(1_000_000, 'daiji')).toBe('金壱百万円');
  });
});
