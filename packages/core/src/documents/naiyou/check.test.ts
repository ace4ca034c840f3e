import { describe, expect, it } from 'vitest';
import { checkNaiyouLetter, isFinal, naiyouBlocks, type NaiyouOptions } from './check.js';

const kana = (n: number) => 'あいうえおかきくけこさしすせそたちつてと'.repeat(Math.ceil(n / 20)).slice(0, n);
const lines = (count: number, width = 20) => Array.from({ length: count }, () => kana(width)).join('\n');

const SHORT_LETTER = [
  '通知書',
  '',
  '　貴殿が令和8年10月1日に投稿した記事', // 20
  'は、私の名誉を毀損するものです。', // 16
  '　本書到達後7日以内に、当該記事を削除するよう', // 23
  '請求します。', // 6
].join('\n');

interface Case {
  readonly name: string;
  readonly text: string;
  readonly options: NaiyouOptions;
  readonly pages: number;
  readonly countedLines?: number;
  readonly characters?: number;
  /** Expected violations as `line:column code`. */
  readonly violations: readonly string[];
  /** Expected warning codes (with `line:column` when they have one). */
  readonly warnings?: readonly string[];
}

/** Hand-checked letters: pages, counted lines and characters, and every violation, worked out on paper. */
const CASES: readonly Case[] = [
  {
    name: 'a short letter fits one page',
    text: SHORT_LETTER,
    options: { layout: 'horizontal-20x26', wrap: false },
    pages: 1,
    countedLines: 5,
    characters: 3 + 20 + 16 + 23 + 6,
    violations: ['5:21 naiyou.line_too_long'], // line 5 counts 23: the 21st character is over
  },
  {
    name: 'the same letter wrapped has no violation and one more line',
    text: SHORT_LETTER,
    options: { layout: 'horizontal-20x26' },
    pages: 1,
    countedLines: 6,
    characters: 3 + 20 + 16 + 23 + 6,
    violations: [],
  },
  {
    name: 'exactly 26 lines of 20 characters fill one vertical page',
    text: lines(26),
    options: { layout: 'vertical-20x26', wrap: false },
    pages: 1,
    countedLines: 26,
    characters: 520,
    violations: [],
    warnings: ['naiyou.stamp_space'],
  },
  {
    name: '27 lines take a second page',
    text: lines(27),
    options: { layout: 'vertical-20x26', wrap: false },
    pages: 2,
    countedLines: 27,
    violations: [],
    warnings: ['naiyou.seal_across_pages'],
  },
  {
    name: 'blank lines are not counted: 26 lines with blank lines between fit one page when blank lines take no row',
    text: lines(26).split('\n').join('\n\n'),
    options: { layout: 'vertical-20x26', wrap: false, blankLines: 'free' },
    pages: 1,
    countedLines: 26,
    violations: [],
    warnings: ['naiyou.stamp_space'],
  },
  {
    name: 'printed on a fixed grid, the same blank lines take rows: two pages',
    text: lines(26).split('\n').join('\n\n'),
    options: { layout: 'vertical-20x26', wrap: false },
    pages: 2,
    countedLines: 26,
    violations: [],
    warnings: ['naiyou.seal_across_pages'],
  },
  {
    name: 'a bracket opened at the end of a line is counted there; its closing bracket on the next line counts 0',
    text: `${kana(19)}「\n」${kana(20)}`,
    options: { layout: 'horizontal-20x26', wrap: false },
    pages: 1,
    characters: 40,
    violations: [],
  },
  {
    name: 'a pair counts 1: 「 + 19 + 」 is 20 characters on one line',
    text: `「${kana(19)}」`,
    options: { layout: 'horizontal-20x26', wrap: false },
    pages: 1,
    characters: 20,
    violations: [],
  },
  {
    name: '㎡ counts 2: 19 + ㎡ is 21 characters',
    text: `${kana(19)}㎡`,
    options: { layout: 'horizontal-20x26', wrap: false },
    pages: 1,
    characters: 21,
    violations: ['1:20 naiyou.line_too_long'], // ㎡ starts at column 20 and does not fit
  },
  {
    name: '① counts 2: ① + 19 is 21 characters, while (1) numbering + 19 is 20',
    text: `①${kana(19)}\n(1)${kana(19)}`,
    options: { layout: 'horizontal-20x26', wrap: false },
    pages: 1,
    characters: 41,
    violations: ['1:21 naiyou.line_too_long'],
  },
  {
    name: 'a Latin word outside the allowed proper nouns is warned, not a violation',
    text: 'ACME株式会社は、Email で通知した。',
    options: { layout: 'horizontal-26x20', allowedLatin: ['ACME'] },
    pages: 1,
    violations: [],
    warnings: ['1:11 naiyou.latin_word'],
  },
  {
    name: 'units after a number are not words: 3kg and 20m raise no warning',
    text: '重さ3kg、長さ20m',
    options: { layout: 'horizontal-20x26' },
    pages: 1,
    characters: 11,
    violations: [],
    warnings: [],
  },
  {
    name: 'emoji, half-width katakana, a tab and ♪ are violations at their counted columns',
    text: '「お礼」です😀\nｱｲｳの件\nタブ\tあり\n♪',
    options: { layout: 'horizontal-20x26' },
    pages: 1,
    // 「お礼」です = 1+1+1+0+1+1 = 5, so 😀 starts at column 6
    violations: [
      '1:6 naiyou.emoji',
      '2:1 naiyou.halfwidth_katakana',
      '3:3 naiyou.control_character',
      '4:1 naiyou.unusual_character',
    ],
  },
  {
    name: 'an empty letter is a violation',
    text: '\n　\n  \n',
    options: { layout: 'horizontal-20x26' },
    pages: 0,
    countedLines: 0,
    violations: ['1:1 naiyou.empty'],
  },
  {
    name: '13×40: 41 lines take two pages',
    text: lines(41, 13),
    options: { layout: 'horizontal-13x40', wrap: false },
    pages: 2,
    violations: [],
    warnings: ['naiyou.seal_across_pages'],
  },
  {
    name: 'e内容証明: 5 pages of 1,584 characters are accepted (figures unverified, warned)',
    text: lines((1584 * 5) / 20),
    options: { layout: 'e-naiyou' },
    pages: 5,
    characters: 1584 * 5,
    violations: [],
    warnings: ['naiyou.unverified_layout'],
  },
  {
    name: 'e内容証明: one character more makes a sixth page, a violation at the line where it starts',
    text: `${lines((1584 * 5) / 20)}\n結`,
    options: { layout: 'e-naiyou' },
    pages: 6,
    violations: [`${(1584 * 5) / 20 + 1}:1 naiyou.too_many_pages`],
    warnings: ['naiyou.unverified_layout'],
  },
];

describe('checkNaiyouLetter: hand-checked letters', () => {
  it.each(CASES)('$name', (c) => {
    const result = checkNaiyouLetter(c.text, c.options);
    expect(result.pageCount).toBe(c.pages);
    expect(result.pages).toHaveLength(c.pages);
    if (c.countedLines !== undefined) expect(result.countedLines).toBe(c.countedLines);
    if (c.characters !== undefined) expect(result.characters).toBe(c.characters);
    expect(result.violations.map((v) => `${v.line}:${v.column} ${v.code}`)).toEqual(c.violations);
    if (c.warnings !== undefined) {
      expect(
        result.warnings.map((w) => (w.line === undefined ? w.code : `${w.line}:${w.column} ${w.code}`)),
      ).toEqual(c.warnings);
    }
    expect(isFinal(result)).toBe(c.violations.length === 0);
    for (const v of result.violations) {
      expect(v.message.ja).not.toBe('');
      expect(v.message.en).not.toBe('');
    }
  });

  it('needs 2 + the number of recipients copies', () => {
    expect(checkNaiyouLetter(SHORT_LETTER, { layout: 'horizontal-20x26' }).copiesNeeded).toBe(3);
    expect(checkNaiyouLetter(SHORT_LETTER, { layout: 'horizontal-20x26', recipients: 3 }).copiesNeeded).toBe(
      5,
    );
    expect(() => checkNaiyouLetter(SHORT_LETTER, { layout: 'horizontal-20x26', recipients: 0 })).toThrow(
      RangeError,
    );
  });

  it('wraps at exactly the column count without 禁則: punctuation may start a line', () => {
    const result = checkNaiyouLetter(`${kana(20)}。続き`, { layout: 'horizontal-20x26' });
    expect(result.pages[0]).toEqual([kana(20), '。続き']);
    expect(result.lines[1]).toMatchObject({ sourceLine: 1, sourceColumn: 21, counted: 3 });
  });

  it('keeps a wrapped line within the grid cells: a pair counts 1 but takes two cells', () => {
    const result = checkNaiyouLetter(`「${kana(19)}」`, { layout: 'horizontal-20x26' });
    expect(result.pages[0]).toEqual([`「${kana(19)}`, '」']);
    expect(result.lines.map((l) => l.counted)).toEqual([20, 0]);
    expect(result.characters).toBe(20);
  });

  it('reports the column of a violation in counted characters of the input line, also after wrapping', () => {
    const result = checkNaiyouLetter(`${kana(25)}😀`, { layout: 'horizontal-20x26' });
    expect(result.violations.map((v) => `${v.line}:${v.column}`)).toEqual(['1:26']);
  });

  it('drops blank lines at the top of a page and at the end of the letter', () => {
    const result = checkNaiyouLetter(`\n\n${lines(26)}\n\n${kana(3)}\n\n`, {
      layout: 'vertical-20x26',
      wrap: false,
    });
    expect(result.pages.map((p) => p.length)).toEqual([26, 1]);
    expect(result.pages[1]).toEqual([kana(3)]);
  });

  it('ignores spaces at the end of a line, and a BOM at the start of the file', () => {
    const result = checkNaiyouLetter(`\uFEFF${kana(20)}\u3000 `, { layout: 'horizontal-20x26', wrap: false });
    expect(result.violations).toEqual([]);
    expect(result.characters).toBe(20);
  });

  it('builds one grid block per page for the document renderers', () => {
    const result = checkNaiyouLetter(lines(27), { layout: 'vertical-20x26' });
    const blocks = naiyouBlocks(result);
    expect(blocks.map((b) => b.kind)).toEqual(['grid', 'pageBreak', 'grid']);
    expect(blocks[0]).toMatchObject({ kind: 'grid', layout: { columns: 20, rows: 26, vertical: true } });
  });
});
