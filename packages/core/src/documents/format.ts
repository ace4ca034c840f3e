import { parseIsoDate } from '../law/calendar.js';
import type { LegalBasis } from '../law/source.js';

/**
 * Dates and numbers as Japanese documents write them: 西暦 or 和暦 (令和8年11月29日, 元年 for the first year),
 * arabic or kanji numerals (縦書き), and money (金五拾万円).
 */

export interface Era {
  readonly name: string;
  /** First day of the era (Gregorian, YYYY-MM-DD). */
  readonly start: string;
  readonly basis: LegalBasis;
}

/**
 * The eras since the Gregorian calendar was adopted, newest last. 和暦 is written only from 1873-01-01 (明治6年1月1日):
 * before it Japan used the lunisolar calendar (明治5年12月3日 became 明治6年1月1日 by 改暦ノ布告, 明治5年太政官布告
 * 第337号), so a Gregorian date before it is not a 和暦 date with the same month and day.
 */
export const ERAS: readonly Era[] = [
  {
    name: '明治',
    start: '1868-01-25', // 慶応4年1月1日: 改元の詔 (明治元年9月8日) made the whole year 明治元年
    basis: {
      law: '改元の詔（明治元年9月8日）; 改暦ノ布告（明治5年太政官布告第337号）',
      article: '明治5年12月3日を明治6年1月1日とする（太陽暦の採用）',
      source: 'https://rnavi.ndl.go.jp/jp/gallery/post_1165.html',
    },
  },
  {
    name: '大正',
    start: '1912-07-30',
    basis: {
      law: '改元の詔書（官報号外 明治45年7月30日）',
      article: '明治45年7月30日以後を大正元年とする',
      source: 'https://dl.ndl.go.jp/', // 国立国会図書館デジタルコレクション (官報)
    },
  },
  {
    name: '昭和',
    start: '1926-12-25',
    basis: {
      law: '改元の詔書（官報号外 大正15年12月25日）',
      article: '大正15年12月25日以後を昭和元年とする',
      source: 'https://dl.ndl.go.jp/', // 国立国会図書館デジタルコレクション (官報)
    },
  },
  {
    name: '平成',
    start: '1989-01-08',
    basis: {
      law: '元号を改める政令（昭和64年政令第1号）; 元号法（昭和54年法律第43号）',
      article: '昭和64年1月8日施行',
      source: 'https://laws.e-gov.go.jp/law/354AC0000000043',
    },
  },
  {
    name: '令和',
    start: '2019-05-01',
    basis: {
      law: '元号を改める政令（平成31年政令第143号）',
      article: '本則・附則（平成31年5月1日施行）',
      source: 'https://laws.e-gov.go.jp/law/431CO0000000143',
    },
  },
];

/** First date 和暦 is written for (明治6年1月1日, the first day of the Gregorian calendar in Japan). */
export const WAREKI_FROM = '1873-01-01';

export interface WarekiYear {
  readonly era: string;
  /** Year of the era, 1 for 元年. */
  readonly year: number;
}

/** The era and era year of a date; RangeError before 1873-01-01. */
export function toWareki(date: string): WarekiYear {
  const { year } = parseIsoDate(date);
  if (date < WAREKI_FROM) throw new RangeError(`和暦 is written from ${WAREKI_FROM}: ${date}`);
  const era = [...ERAS].reverse().find((e) => e.start <= date) as Era;
  return { era: era.name, year: year - Number(era.start.slice(0, 4)) + 1 };
}

const DIGITS = '〇一二三四五六七八九';
const DAIJI_DIGITS = '零壱弐参四五六七八九';
const SMALL_UNITS = ['', '十', '百', '千'] as const;
const DAIJI_SMALL_UNITS = ['', '拾', '百', '千'] as const;
const LARGE_UNITS = ['', '万', '億', '兆'] as const;

export type KanjiNumeralStyle = 'positional' | 'formal' | 'daiji';

function digitAt(digits: string, d: number): string {
  return digits[d] as string;
}

/** 1–9999 in the formal style: 二千二十六, 百, 十一; with `daiji`, 壱 before every unit (壱拾, 壱百) and 弐参拾. */
function group(n: number, daiji: boolean): string {
  let text = '';
  for (let position = 3; position >= 0; position -= 1) {
    const d = Math.floor(n / 10 ** position) % 10;
    if (d === 0) continue;
    const unit = (daiji ? DAIJI_SMALL_UNITS : SMALL_UNITS)[position] as string;
    const showOne = daiji || position === 0;
    text += (d === 1 && !showOne ? '' : digitAt(daiji ? DAIJI_DIGITS : DIGITS, d)) + unit;
  }
  return text;
}

/**
 * A non-negative integer in kanji (縦書き):
 * - `positional` writes each digit: 2026 → 二〇二六 (years and numbers read digit by digit);
 * - `formal` writes the units: 2026 → 二千二十六, 1000000 → 百万, 10000 → 一万 (一 is left out before 十・百・千,
 *   written before 万・億・兆);
 * - `daiji` is the formal style with 大字 for money, so an amount cannot be altered: 500000 → 五拾万,
 *   1000000 → 壱百万, 12 → 壱拾弐.
 */
export function toKanjiNumeral(n: number, options: { style: KanjiNumeralStyle }): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Not a non-negative safe integer: ${n}`);
  if (options.style === 'positional')
    return Array.from(String(n), (c) => digitAt(DIGITS, Number(c))).join('');
  const daiji = options.style === 'daiji';
  if (n === 0) return daiji ? '零' : '〇';
  let text = '';
  let rest = n;
  for (let index = 0; rest > 0; index += 1) {
    const value = rest % 10_000;
    rest = Math.floor(rest / 10_000);
    if (value === 0) continue;
    const large = LARGE_UNITS[index];
    if (large === undefined) throw new RangeError(`Too large for kanji numerals: ${n}`);
    // 一万, 一億 keep their 一; a group 1000 before 万 reads 千万 (一千万 in daiji: 壱千万).
    const written = value === 1 && index > 0 ? (daiji ? '壱' : '一') : group(value, daiji);
    text = written + large + text;
  }
  return text;
}

export type Numerals = 'arabic' | 'kanji';

export interface DateFormat {
  readonly era: 'seireki' | 'wareki';
  readonly numerals?: Numerals;
}

/**
 * A calendar date as a Japanese document writes it:
 * seireki 2026年11月29日 (kanji: 二〇二六年十一月二十九日), wareki 令和8年11月29日 (kanji: 令和八年十一月二十九日),
 * and 令和元年5月1日 for the first year of an era.
 */
export function formatDate(date: string, format: DateFormat): string {
  const { year, month, day } = parseIsoDate(date);
  const kanji = format.numerals === 'kanji';
  const number = (n: number) => (kanji ? toKanjiNumeral(n, { style: 'formal' }) : String(n));
  const monthDay = `${number(month)}月${number(day)}日`;
  if (format.era === 'seireki') {
    return `${kanji ? toKanjiNumeral(year, { style: 'positional' }) : String(year)}年${monthDay}`;
  }
  const wareki = toWareki(date);
  return `${wareki.era}${wareki.year === 1 ? '元' : number(wareki.year)}年${monthDay}`;
}

/** An amount of money as a document writes it: 金500,000円, 金五十万円 (kanji) or 金五拾万円 (daiji). */
export function formatAmountJpy(amount: number, numerals: Numerals | 'daiji' = 'arabic'): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Not a yen amount: ${amount}`);
  if (numerals === 'arabic') return `金${amount.toLocaleString('en-US')}円`;
  return `金${toKanjiNumeral(amount, { style: numerals === 'kanji' ? 'formal' : 'daiji' })}円`;
}
