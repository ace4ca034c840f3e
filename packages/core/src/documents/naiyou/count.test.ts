import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNaiyouLetter } from './check.js';
import {
  classifyGrapheme,
  countNaiyouCharacters,
  countedSymbolCount,
  graphemes,
  tokenizeLine,
} from './count.js';
import { NAIYOU_LAYOUT_IDS, NAIYOU_LAYOUTS } from './rules.js';

/** Allowed characters that are not brackets, with the count each must have (hand-written, not from the code). */
const SINGLES: readonly [string, number][] = [
  ['あ', 1],
  ['ア', 1],
  ['漢', 1],
  ['々', 1],
  ['ー', 1],
  ['、', 1],
  ['。', 1],
  ['1', 1],
  ['９', 1],
  ['・', 1],
  ['※', 1],
  ['％', 1],
  ['-', 1],
  ['〒', 1],
  ['○', 1],
  ['㎡', 2],
  ['㎏', 2],
  ['①', 2],
  ['⑩', 3],
  ['㍻', 2],
  ['㈱', 2],
];
const PAIRS: readonly [string, string][] = [
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['【', '】'],
  ['〔', '〕'],
  ['"', '"'],
];

const single = fc.constantFrom(...SINGLES);
/** A run of non-bracket characters with its expected count. */
const plain = fc.array(single, { maxLength: 30 }).map((items) => ({
  text: items.map(([c]) => c).join(''),
  count: items.reduce((n, [, c]) => n + c, 0),
}));

/** Text with balanced (nested) brackets, and its expected count: every character's count, each pair once. */
type Counted = { text: string; count: number };
const { balanced } = fc.letrec<{ balanced: Counted; piece: Counted }>((tie) => ({
  balanced: fc.array(tie('piece'), { maxLength: 5 }).map((pieces) => ({
    text: pieces.map((p) => p.text).join(''),
    count: pieces.reduce((n, p) => n + p.count, 0),
  })),
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plain,
    fc.tuple(fc.constantFrom(...PAIRS), tie('balanced')).map(([[open, close], inner]) => ({
      text: `${open}${inner.text}${close}`,
      count: inner.count + 1,
    })),
  ),
}));

/** Balanced text that cannot start a line with (1)-style numbering (no ASCII or full-width round bracket first). */
const notNumbering = (t: Counted) => !/^[(（]/u.test(t.text);

describe('内容証明 character counting (properties)', () => {
  it('counts each character by its rule and each bracket pair once', () => {
    fc.assert(
      fc.property(balanced.filter(notNumbering), ({ text, count }) => {
        expect(countNaiyouCharacters(text)).toBe(count);
      }),
    );
  });

  it('is additive: counting a + b is counting a plus counting b (balanced pieces)', () => {
    fc.assert(
      fc.property(balanced.filter(notNumbering), balanced.filter(notNumbering), (a, b) => {
        expect(countNaiyouCharacters(a.text + b.text)).toBe(
          countNaiyouCharacters(a.text) + countNaiyouCharacters(b.text),
        );
      }),
    );
  });

  it('counts a pair on the opening line: splitting text over two lines keeps the total', () => {
    fc.assert(
      fc.property(balanced.filter(notNumbering), fc.nat(), (t, at) => {
        const chars = graphemes(t.text);
        const cut = chars.length === 0 ? 0 : at % chars.length;
        const second = chars.slice(cut).join('');
        fc.pre(!/^[(（]/u.test(second));
        const split = `${chars.slice(0, cut).join('')}\n${second}`;
        expect(countNaiyouCharacters(split)).toBe(t.count);
      }),
    );
  });

  it('counts a closing bracket 0 on its own line when the pair opened on an earlier line', () => {
    const first = tokenizeLine('あ「い');
    const second = tokenizeLine('う」え', first.open);
    expect(second.tokens.map((t) => t.count)).toEqual([1, 0, 1]);
    expect(second.open).toEqual([]);
    // Without the opener, a stray closing bracket is an ordinary symbol.
    expect(tokenizeLine('う」え').tokens.map((t) => t.count)).toEqual([1, 1, 1]);
  });

  it('counts (1)-style numbering at the start of a line as 1, and elsewhere as a pair plus its content', () => {
    for (const numbering of ['(1)', '（1）', '(12)', '（一）', '(ア)', '（イ）']) {
      expect(countNaiyouCharacters(`${numbering}本文`)).toBe(3);
      expect(countNaiyouCharacters(`\u3000${numbering}本文`)).toBe(4);
    }
    expect(countNaiyouCharacters('本文(1)')).toBe(4);
    expect(countNaiyouCharacters('（株）')).toBe(2);
  });

  it('counts enclosed symbols as their characters plus the frame, squared units as what they stand for', () => {
    expect(countedSymbolCount('①')).toBe(2);
    expect(countedSymbolCount('⑳')).toBe(3);
    expect(countedSymbolCount('❶')).toBe(2);
    expect(countedSymbolCount('❿')).toBe(3);
    expect(countedSymbolCount('⑴')).toBe(2);
    expect(countedSymbolCount('㎡')).toBe(2);
    expect(countedSymbolCount('㎏')).toBe(2);
    expect(countedSymbolCount('㌢')).toBe(3);
    expect(countedSymbolCount('㋿')).toBe(2);
    expect(countedSymbolCount('あ')).toBeUndefined();
    expect(countNaiyouCharacters('3kg')).toBe(3);
  });

  it('classifies what 内容証明 does not accept', () => {
    expect(classifyGrapheme('😀').kind).toBe('emoji');
    expect(classifyGrapheme('👨‍👩‍👧').kind).toBe('emoji');
    expect(classifyGrapheme('1️⃣').kind).toBe('emoji');
    expect(classifyGrapheme('\t').kind).toBe('control');
    expect(classifyGrapheme('\u200B').kind).toBe('control');
    expect(classifyGrapheme('ｱ').kind).toBe('halfwidth-katakana');
    expect(classifyGrapheme('♪').kind).toBe('unusual');
    expect(classifyGrapheme('한').kind).toBe('unusual');
    expect(classifyGrapheme('A').kind).toBe('latin');
    expect(classifyGrapheme('Ａ').kind).toBe('latin');
    expect(classifyGrapheme('辻󠄀').kind).toBe('text'); // 辻 with an ideographic variation selector
    expect(classifyGrapheme('★').kind).toBe('symbol');
  });
});

const gridLayouts = NAIYOU_LAYOUT_IDS.filter((id) => NAIYOU_LAYOUTS[id].kind === 'grid');
/** Letters of allowed characters: lines of balanced text, some blank. */
const letter = fc.array(fc.oneof(balanced.filter(notNumbering), fc.constant({ text: '', count: 0 })), {
  maxLength: 40,
});

describe('内容証明 layout (properties)', () => {
  it('never lays out a line over the column count, in counted characters or in cells, and loses nothing', () => {
    fc.assert(
      fc.property(letter, fc.constantFrom(...gridLayouts), (lines, layoutId) => {
        const layout = NAIYOU_LAYOUTS[layoutId];
        if (layout.kind !== 'grid') return;
        const text = lines.map((l) => l.text).join('\n');
        const result = checkNaiyouLetter(text, { layout: layoutId });
        for (const line of result.lines) {
          expect(line.counted).toBeLessThanOrEqual(layout.columns);
          expect(line.cells).toBeLessThanOrEqual(layout.columns);
        }
        lines.forEach((source, index) => {
          const parts = result.lines.filter((l) => l.sourceLine === index + 1 && !l.blank);
          expect(parts.map((p) => p.text).join('')).toBe(source.text);
        });
        expect(result.characters).toBe(countNaiyouCharacters(text));
        expect(result.characters).toBe(lines.reduce((n, l) => n + l.count, 0));
        expect(result.violations.map((v) => v.code)).toEqual(result.characters === 0 ? ['naiyou.empty'] : []);
      }),
    );
  });

  it('adding a blank line never changes the counted lines or characters', () => {
    const blank = fc.constantFrom('', '　', '  ');
    const layouts = fc.constantFrom(...NAIYOU_LAYOUT_IDS);
    fc.assert(
      fc.property(letter, fc.nat(), blank, layouts, fc.boolean(), (lines, at, blankLine, layout, wrap) => {
        const texts = lines.map((l) => l.text);
        const withBlank = [...texts];
        withBlank.splice(at % (texts.length + 1), 0, blankLine);
        const before = checkNaiyouLetter(texts.join('\n'), { layout, wrap });
        const after = checkNaiyouLetter(withBlank.join('\n'), { layout, wrap });
        expect(after.countedLines).toBe(before.countedLines);
        expect(after.characters).toBe(before.characters);
        expect(after.violations.map((v) => v.code)).toEqual(before.violations.map((v) => v.code));
      }),
    );
  });

  it('fills pages with the layout row count: pages = ceil(lines / rows) when blank lines take no row', () => {
    fc.assert(
      fc.property(letter, fc.constantFrom(...gridLayouts), (lines, layoutId) => {
        const layout = NAIYOU_LAYOUTS[layoutId];
        if (layout.kind !== 'grid') return;
        const text = lines.map((l) => l.text).join('\n');
        const free = checkNaiyouLetter(text, { layout: layoutId, blankLines: 'free' });
        expect(free.pageCount).toBe(Math.ceil(free.countedLines / layout.rows));
        for (const page of free.pages)
          expect(page.filter((l) => l !== '').length).toBeLessThanOrEqual(layout.rows);
        const occupy = checkNaiyouLetter(text, { layout: layoutId });
        expect(occupy.pageCount).toBeGreaterThanOrEqual(free.pageCount);
        for (const page of occupy.pages) expect(page.length).toBeLessThanOrEqual(layout.rows);
      }),
    );
  });

  it('needs one copy per recipient plus two', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (recipients) => {
        expect(checkNaiyouLetter('通知書', { layout: 'horizontal-20x26', recipients }).copiesNeeded).toBe(
          recipients + 2,
        );
      }),
    );
  });
});
