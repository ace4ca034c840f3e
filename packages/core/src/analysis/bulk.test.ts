import { describe, expect, it } from 'vitest';
import { createAuthorView } from './authors.js';
import {
  HashCounter,
  PILE_ON_LABEL,
  analyzePosts,
  buildThreads,
  canonicalText,
  createBulkIndex,
  hash53,
  withBulkStats,
} from './bulk.js';
import { isCanonicalUtcIso, normalizePostedAt } from './import.js';
import { ANALYSIS_CATEGORIES, type AnalysisCategory, type PostAnalysis } from './types.js';

/** A stand-in engine for the bulk layer's own rules: the score is the number of 'x' characters / 10. */
function fakeAnalysis(text: string): PostAnalysis {
  const score = Math.min(1, (text.match(/x/g) ?? []).length / 10);
  const categories = Object.fromEntries(
    ANALYSIS_CATEGORIES.map((c) => [c, c === 'insult' ? score : 0]),
  ) as Record<AnalysisCategory, number>;
  return {
    score,
    labels: score >= 0.5 ? ['insult'] : [],
    categories,
    spans: [],
    explanation: { ja: score >= 0.5 ? '侮辱' : '', en: score >= 0.5 ? 'insult' : '' },
  };
}

describe('deduplication and pile-ons', () => {
  it('merges identical posts by one account with a count, ignoring width, spacing and leading mentions', () => {
    const index = createBulkIndex();
    const posts = [
      { id: '1', text: '@victim ばーか  ＷＷ', author: '@troll' },
      { id: '2', text: 'ばーか ww', author: 'TROLL' },
      { id: '3', text: 'ばーか ww', author: '@other' },
    ];
    for (const p of posts) index.add(p);
    expect(canonicalText(posts[0]!.text)).toBe('ばーか ww');
    expect(posts.map((p) => index.claim(p))).toEqual([true, false, true]);
    expect(index.stats(posts[0]!)).toEqual({ copies: 2, accounts: 2, pileOn: false });
    expect(index.distinct).toBe(2);
  });

  it('labels the same text from many accounts as a pile-on, with the number of accounts', () => {
    const posts = Array.from({ length: 6 }, (_, i) => ({
      id: String(i),
      text: '消えろ',
      author: `@acct${i}`,
    }));
    posts.push({ id: 'dup', text: '消えろ', author: '@acct0' });
    const results = analyzePosts(posts, fakeAnalysis);
    expect(results).toHaveLength(6);
    for (const r of results) {
      expect(r.analysis.labels).toContain(PILE_ON_LABEL);
      expect(r.accounts).toBe(6);
      expect(r.analysis.explanation.ja).toContain('6 のアカウント');
    }
    expect(results.find((r) => r.post.author === '@acct0')?.copies).toBe(2);
    const single = analyzePosts(posts.slice(0, 4), fakeAnalysis);
    expect(single.every((r) => !r.analysis.labels.includes(PILE_ON_LABEL))).toBe(true);
  });

  it('leaves an analysis alone when the post is unique', () => {
    const a = fakeAnalysis('xxxxxx');
    expect(withBulkStats(a, { copies: 1, accounts: 1, pileOn: false })).toBe(a);
  });

  it('stays bounded on 100,000 posts', () => {
    const index = createBulkIndex();
    for (let i = 0; i < 100_000; i++)
      index.add({ id: String(i), text: `post ${i % 50_000}`, author: `@u${i % 7}` });
    expect(index.distinct).toBeGreaterThan(49_000);
    expect(index.distinct).toBeLessThanOrEqual(100_000);
  });
});

describe('threads', () => {
  it('gives each post its root and depth, with missing parents and cycles', () => {
    const t = buildThreads([
      { id: 'a' },
      { id: 'b', replyTo: 'a' },
      { id: 'c', replyTo: 'b' },
      { id: 'd', replyTo: 'missing' },
      { id: 'e', replyTo: 'f' },
      { id: 'f', replyTo: 'e' },
    ]);
    expect(t.position('a')).toEqual({ root: 'a', depth: 0 });
    expect(t.position('c')).toEqual({ root: 'a', depth: 2, parent: 'b' });
    expect(t.position('d')).toEqual({ root: 'missing', depth: 1, parent: 'missing' });
    expect(t.position('e').depth + t.position('f').depth).toBe(1);
    expect(t.threads()[0]).toEqual({ root: 'a', rootPresent: true, size: 3, maxDepth: 2 });
    expect(t.threads().find((x) => x.root === 'missing')).toEqual({
      root: 'missing',
      rootPresent: false,
      size: 1,
      maxDepth: 1,
    });
  });
});

describe('author view', () => {
  it('groups by account and sorts by worst score, then volume', () => {
    const view = createAuthorView();
    const add = (id: string, author: string | undefined, text: string, postedAt?: string, copies = 1) =>
      view.add({ id, text, author, postedAt }, fakeAnalysis(text), copies);
    add('1', '@mild', 'x', '2026-11-02T00:00:00.000Z', 5);
    add('2', '@worst', 'xxxxxxxxx', '2026-11-03T00:00:00.000Z');
    add('3', '@Worst', 'xx', '2026-11-01T00:00:00.000Z');
    add('4', '@also-mild', 'x');
    add('5', undefined, 'xxxxxxxxxx');
    const list = view.list();
    expect(list.map((a) => a.author)).toEqual(['@worst', '@mild', '@also-mild']);
    expect(list[0]).toEqual({
      author: '@worst',
      posts: 2,
      flagged: 1,
      worstScore: 0.9,
      worstPostId: '2',
      firstAt: '2026-11-01T00:00:00.000Z',
      lastAt: '2026-11-03T00:00:00.000Z',
      labels: { insult: 1 },
    });
    expect(list[1]?.posts).toBe(5);
    expect(view.unknown).toBe(1);
    view.touch({ id: '6', text: 'xx', author: '@worst', postedAt: '2026-11-09T00:00:00.000Z' });
    expect(view.list()[0]?.lastAt).toBe('2026-11-09T00:00:00.000Z');
    expect(view.list()[0]?.posts).toBe(2);
    expect(view.list(1)).toHaveLength(1);
  });
});

describe('speed paths give the same answers as the plain ones', () => {
  it('orders canonical and other readable times alike (first/last by time, not by text)', () => {
    const view = createAuthorView();
    const add = (id: string, postedAt: string | undefined) =>
      view.add({ id, text: 'x', author: '@a', postedAt }, fakeAnalysis('x'));
    add('1', '2026-11-10T00:00:00.000Z');
    add('2', '2026-11-05T12:00:00+09:00'); // earlier, not canonical
    add('3', 'not a time');
    add('4', '2026-11-20T00:00:00.000Z');
    add('5', '2026-11-30T00:00:00.000Z');
    add('6', '2026-11-04T23:00:00.000Z'); // canonical but earlier than the non-canonical first
    expect(view.list()[0]).toMatchObject({
      firstAt: '2026-11-04T23:00:00.000Z',
      lastAt: '2026-11-30T00:00:00.000Z',
      posts: 6,
    });
    view.touch({ id: '7', text: 'x', author: '@A', postedAt: '2026-12-01T00:00:00.000Z' });
    expect(view.list()[0]?.lastAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('recognises only canonical UTC times whose Date round trip is the identity', () => {
    for (const s of [
      '2026-11-29T03:34:00.000Z',
      '0999-01-01T00:00:00.000Z',
      '2026-02-28T23:59:59.999Z',
      '2024-02-29T00:00:00.000Z',
      '2026-12-31T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
    ]) {
      expect(isCanonicalUtcIso(s)).toBe(true);
      expect(new Date(Date.parse(s)).toISOString()).toBe(s);
      expect(normalizePostedAt(s)).toBe(s);
    }
    for (const s of [
      '2026-02-30T00:00:00.000Z', // rolls over to March
      '2026-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-11-29T24:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-11-29T03:34:00Z',
      '2026-11-29 03:34:00.000Z',
      ' 2026-11-29T03:34:00.000Z',
      '2026-11-29T03:34:00.000z',
    ])
      expect(isCanonicalUtcIso(s)).toBe(false);
    expect(normalizePostedAt('2026-02-30T00:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('HashCounter stores, updates and finds 53-bit keys through growth, like a Map', () => {
    const counter = new HashCounter();
    const map = new Map<number, number>();
    const keys = [
      0,
      1,
      2 ** 53 - 1,
      2 ** 32,
      2 ** 32 + 1024,
      ...Array.from({ length: 5000 }, (_, i) => hash53(String(i))),
    ];
    keys.forEach((k, i) => {
      counter.set(k, i);
      map.set(k, i);
    });
    counter.set(0, -7);
    map.set(0, -7);
    expect(counter.size).toBe(map.size);
    for (const k of keys) {
      expect(counter.get(k)).toBe(map.get(k));
      expect(counter.has(k)).toBe(true);
    }
    expect(counter.get(3)).toBeUndefined();
    expect(counter.has(2 ** 52 + 3)).toBe(false);
  });
});
