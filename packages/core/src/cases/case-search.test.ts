import { describe, expect, it } from 'vitest';
import { isCaseNumberQuery, isSearchableQuery, searchGrams, searchWords } from './case-search.js';

describe('search words', () => {
  it.each([
    ['山田 太郎', ['山田', '太郎']],
    ['山田　太郎', ['山田', '太郎']],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', ['やまだ', 'たろう']],
    ['ヤマダ・タロウ', ['やまだたろう']],
    ['ＡＢＣ＿ｄｅｆ', ['abcdef']],
    ['@Foo_Bar!', ['foobar']],
    ['「なりすまし」です。', ['なりすましです']],
    ['ヴァーチャル', ['ゔぁーちゃる']],
    ['   ', []],
  ])('%s reads as %j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });
});

describe('search grams', () => {
  it('are the distinct, sorted 2-character pieces of each word, never across words', () => {
    expect(searchGrams('山田 太郎')).toEqual(['太郎', '山田']);
    expect(searchGrams('山田太郎')).toEqual(['太郎', '山田', '田太']);
    expect(searchGrams('ああああ')).toEqual(['ああ']);
  });

  it('give the same pieces for full-width, half-width, katakana and hiragana spellings', () => {
    const expected = searchGrams('なりすまし');
    expect(searchGrams('ナリスマシ')).toEqual(expected);
    expect(searchGrams('ﾅﾘｽﾏｼ')).toEqual(expected);
    expect(searchGrams('なり・すまし')).toEqual(expected);
    expect(searchGrams('ＩＤ１２')).toEqual(searchGrams('id12'));
  });

  it('count characters, not UTF-16 units (𠮷田 is two characters)', () => {
    expect(searchGrams('𠮷田')).toEqual(['𠮷田']);
  });

  it('give nothing for one character or only punctuation', () => {
    expect(searchGrams('山')).toEqual([]);
    expect(searchGrams('山 田')).toEqual([]);
    expect(searchGrams('!!')).toEqual([]);
  });
});

describe('search queries', () => {
  it.each(['MM-7K3Q', 'mm7k3q', 'ＭＭ－７Ｋ３Ｑ', 'MM-7K3Q-9XD2', 'MM', 'mm 7k3q'])(
    '%s is a case number query',
    (q) => {
      expect(isCaseNumberQuery(q)).toBe(true);
      expect(isSearchableQuery(q)).toBe(true);
    },
  );

  it.each(['山田', 'MM山田', 'MM-7K3Q-9XD2-EXTRA', 'ｍ山田'])('%s is not a case number query', (q) => {
    expect(isCaseNumberQuery(q)).toBe(false);
  });

  it('needs at least one piece of 2 characters otherwise', () => {
    expect(isSearchableQuery('山田')).toBe(true);
    expect(isSearchableQuery('山 田')).toBe(false);
    expect(isSearchableQuery('山')).toBe(false);
    expect(isSearchableQuery('「」')).toBe(false);
  });
});
