import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK, normalizeForMatching } from './normalize.js';

const norm = (s: string): string => normalizeForMatching(s).text;

describe('normalizeForMatching folds the usual evasions', () => {
  it.each([
    ['ｼﾈ', 'しね'],
    ['シネ', 'しね'],
    ['しね', 'しね'],
    ['ＢＡＫＡ', 'baka'],
    ['bаka', 'baka'], // Cyrillic а
    ['ｶﾞｲｼﾞ', 'がいじ'],
    ['か\u3099', 'が'],
    ['死ねええええ', '死ねー'],
    ['死ねぇ', '死ねー'],
    ['ばーーーか', 'ばーか'],
    ['ば一か', 'ばーか'],
    ['バ力', 'ばか'],
    ['wwww', 'w'],
    ['し　ね', 'しね'],
    ['し.ね', 'しね'],
    ['し・ね', 'しね'],
    ['し ね', 'しね'],
    ['し\u200bね', 'しね'],
    ['し○', `し${MASK}`],
    ['し＊ね', `し${MASK}ね`],
    ['ㄎんこ', 'ちんこ'],
    ['死ねえ!', '死ねー!'],
    // A single vowel that starts the next word is not an elongation; a katakana word after hiragana is kept.
    ['社会のお荷物', '社会のお荷物'],
    ['このおばさん', 'このおばさん'],
    ['ほんまアホ', 'ほんまあほ'],
    // 力 after a kanji is 力, not the katakana lookalike カ.
    ['読解力ゼロ', '読解力ぜろ'],
  ])('%s → %s', (input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  it('keeps digits, e-mail addresses and kanji compounds intact', () => {
    expect(norm('090-1234-5678')).toBe('090-1234-5678');
    expect(norm('０９０１１１１２２２２')).toBe('09011112222');
    expect(norm('taro.yamada@example.com')).toBe('taro.yamada@example.com');
    expect(norm('統一')).toBe('統一');
    expect(norm('ババ抜き')).toBe('ばば抜き');
  });

  it('maps every normalised range back to the original characters', () => {
    const original = 'お前　ﾊﾞｰｶ!!';
    const n = normalizeForMatching(original);
    const at = n.text.indexOf('ばーか');
    const [s, e] = n.toOriginal(at, at + 3);
    expect(original.slice(s, e)).toBe('ﾊﾞｰｶ');
    const o = normalizeForMatching('死ねええええ');
    expect(o.toOriginal(0, 2)).toEqual([0, 2]);
    expect(o.toOriginal(0, 3)).toEqual([0, 6]);
  });

  it('never splits a surrogate pair and keeps skin-tone modifiers with their emoji', () => {
    const original = 'x🔪👍🏽y';
    const n = normalizeForMatching(original);
    const knife = n.text.indexOf('🔪');
    expect(original.slice(...n.toOriginal(knife, knife + 2))).toBe('🔪');
    const thumb = n.text.indexOf('👍');
    expect(original.slice(...n.toOriginal(thumb, thumb + 2))).toBe('👍🏽');
  });

  it('fuzz: never throws; every code unit maps inside the original with start < end, in order', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('ｼﾈ', 'し　○', '死ねええ', '🔪🏽')), (s) => {
        const n = normalizeForMatching(s);
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          const a = n.starts[i] ?? -1;
          const b = n.ends[i] ?? -1;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(s.length);
          expect(a).toBeLessThan(b);
          if (i > 0) expect(a).toBeGreaterThanOrEqual(n.starts[i - 1] ?? 0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
