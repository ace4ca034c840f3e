import { describe, expect, it } from 'vitest';
import { findConflicts, normalizePartyValue } from './conflict-check.js';

describe('normalising handles, names and URLs for conflict checks', () => {
  it.each([
    ['@foo_bar', 'foo_bar'],
    ['＠ＦＯＯ＿ＢＡＲ', 'foo_bar'],
    ['FOO_bar', 'foo_bar'],
    ['  @foo_bar  ', 'foo_bar'],
    ['https://x.com/foo_bar', 'foo_bar'],
    ['https://twitter.com/Foo_Bar/', 'foo_bar'],
    ['https://x.com/foo_bar/status/1234567890?s=20&t=abc', 'foo_bar'],
    ['x.com/foo_bar', 'foo_bar'],
    ['https://www.instagram.com/foo_bar/?hl=ja', 'foo_bar'],
    ['https://www.tiktok.com/@foo_bar/video/1', 'foo_bar'],
    ['https://www.youtube.com/@Foo_Bar', 'foo_bar'],
    ['https://www.threads.net/@foo_bar/post/abc', 'foo_bar'],
    ['ｈｔｔｐｓ：／／ｘ．ｃｏｍ／ｆｏｏ＿ｂａｒ', 'foo_bar'],
  ])('%s reduces to the account %s', (input, expected) => {
    expect(normalizePartyValue(input)).toBe(expected);
  });

  it.each([
    ['山田 太郎', '山田太郎'],
    ['山田　太郎', '山田太郎'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    ['ヤマダ・タロウ', 'ヤマダタロウ'],
    ['Taro  YAMADA', 'taroyamada'],
  ])('the name %s is compared as %s', (input, expected) => {
    expect(normalizePartyValue(input)).toBe(expected);
  });

  it('other URLs keep host and path but lose scheme, www, query, fragment and trailing slash', () => {
    expect(normalizePartyValue('https://www.example.com/Blog/Entry-1/?utm_source=x#top')).toBe(
      'example.com/blog/entry-1',
    );
    expect(normalizePartyValue('http://example.com/blog/entry-1')).toBe('example.com/blog/entry-1');
  });

  it('site pages of known platforms are not mistaken for accounts', () => {
    expect(normalizePartyValue('https://www.instagram.com/p/ABC123/')).toBe('instagram.com/p/abc123');
    expect(normalizePartyValue('https://x.com/i/web/status/1')).toBe('x.com/i/web/status/1');
  });

  it('Facebook numeric profiles keep their id, so different people do not collapse into one', () => {
    expect(normalizePartyValue('https://www.facebook.com/profile.php?id=100012345&ref=xyz')).toBe(
      'facebook.com/profile.php?id=100012345',
    );
    expect(normalizePartyValue('https://facebook.com/profile.php?id=1')).not.toBe(
      normalizePartyValue('https://facebook.com/profile.php?id=2'),
    );
  });
});

describe('conflict check before a referral', () => {
  const otherCases = [
    { caseRef: 'MM-AAAA-0001', role: 'client', values: ['＠Ｆｏｏ', '鈴木 花子'] },
    { caseRef: 'MM-AAAA-0002', role: 'adverse', values: ['https://x.com/foo?s=21', 'bar'] },
    { caseRef: 'MM-AAAA-0003', role: 'adverse', values: ['@someone_else'] },
  ] as const;

  it('finds a client of the lawyer behind a width, case and @ variant of the poster handle', () => {
    const hits = findConflicts(['@foo'], otherCases);
    expect(hits).toEqual([
      { caseRef: 'MM-AAAA-0001', role: 'client', value: '@foo', matchedValue: '＠Ｆｏｏ', normalized: 'foo' },
      {
        caseRef: 'MM-AAAA-0002',
        role: 'adverse',
        value: '@foo',
        matchedValue: 'https://x.com/foo?s=21',
        normalized: 'foo',
      },
    ]);
  });

  it('matches names written with or without spaces and in full-width', () => {
    expect(findConflicts(['鈴木花子'], otherCases)).toEqual([
      expect.objectContaining({ caseRef: 'MM-AAAA-0001', matchedValue: '鈴木 花子', normalized: '鈴木花子' }),
    ]);
  });

  it('reports each recorded value that matches, once per pair', () => {
    const hits = findConflicts(['https://x.com/FOO/status/9', '@foo', '@foo'], otherCases);
    expect(hits.map((h) => [h.caseRef, h.value])).toEqual([
      ['MM-AAAA-0001', 'https://x.com/FOO/status/9'],
      ['MM-AAAA-0001', '@foo'],
      ['MM-AAAA-0002', 'https://x.com/FOO/status/9'],
      ['MM-AAAA-0002', '@foo'],
    ]);
  });

  it('finds nothing for unrelated parties and ignores blank values', () => {
    expect(findConflicts(['@other', '', '  ', '@'], otherCases)).toEqual([]);
    expect(findConflicts(['@foo'], [{ caseRef: 'MM-AAAA-0004', role: 'client', values: ['', '@'] }])).toEqual(
      [],
    );
  });
});
