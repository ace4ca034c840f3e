import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAuthorView } from './authors.js';
import {
  HashCounter,
  PILE_ON_LABEL,
  authorKey,
  buildThreads,
  canonicalText,
  createBulkIndex,
  hash53,
  withBulkStats,
} from './bulk.js';
import { analyzePosts, analyzePostsWithSummary, createBulkRun } from './bulk-run.js';
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
    expect(canonicalText(posts[0]!.text)).toBe('ばーか ww');
    // The first of identical posts gets an ordinal; a copy gets ~ordinal of the post it copies.
    expect(posts.map((p) => index.see(p.text, authorKey(p.author)))).toEqual([0, ~0, 1]);
    expect(index.stats(0)).toEqual({ copies: 2, accounts: 2, pileOn: false });
    expect(index.firstStats(0)).toEqual({ copies: 1, accounts: 1, pileOn: false });
    expect([index.changed(0), index.changed(1)]).toEqual([true, true]);
    expect(index.distinct).toBe(2);
    const unique = createBulkIndex();
    unique.see('一つだけ', 'a');
    unique.see('一つだけ', '');
    expect([unique.changed(0), unique.changed(1)]).toEqual([false, true]);
    expect(unique.stats(1)).toEqual({ copies: 1, accounts: 1, pileOn: false });
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

  it('settles copies, accounts and the pile-on label in one pass: counts and the author view agree', () => {
    const posts = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, text: 'xxxxxx 消えろ', author: `@acct${i}` })),
      { id: 'c1', text: 'xxxxxx 消えろ', author: '@ACCT0' },
      { id: 'q', text: 'ただの感想', author: '@acct1' },
      { id: 'q2', text: 'ただの感想', author: '@acct1' },
      { id: 'n', text: 'ただの感想' },
    ];
    const { results, summary } = analyzePostsWithSummary(posts, fakeAnalysis);
    expect(summary.read).toBe(9);
    expect(summary.written).toBe(7);
    expect(summary.labels).toEqual({ insult: 5, [PILE_ON_LABEL]: 5 });
    expect(summary.unlabelled).toBe(2);
    // Every kept post changed: 0–4 (5 accounts; 0 has 2 copies), 5 ('ただの感想' by @acct1, 2 copies) and 6
    // (no author: 0 accounts when first seen, then the text turned out to be @acct1's too).
    expect(summary.changed).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.find((r) => r.post.id === 'n')).toMatchObject({ copies: 1, accounts: 1 });
    const acct0 = summary.authors.list().find((a) => a.author === '@acct0');
    expect(acct0).toMatchObject({ posts: 2, flagged: 2, labels: { insult: 2, [PILE_ON_LABEL]: 2 } });
    const acct1 = summary.authors.list().find((a) => a.author === '@acct1');
    expect(acct1).toMatchObject({ posts: 3, flagged: 1, labels: { insult: 1, [PILE_ON_LABEL]: 1 } });
    expect(summary.authors.unknown).toBe(1);
    expect(results.find((r) => r.post.id === 'q')).toMatchObject({ copies: 2, accounts: 1 });
    expect(results.find((r) => r.post.id === 'q')?.analysis.explanation.ja).toContain('2 回投稿');
  });

  it('tells a kept post as first seen, then its final stats', () => {
    const run = createBulkRun(fakeAnalysis, { minAccounts: 2 });
    const first = run.push({ id: '1', text: 'x', author: '@a' });
    expect(first).toMatchObject({ ordinal: 0, stats: { copies: 1, accounts: 1, pileOn: false } });
    expect(run.push({ id: '2', text: 'x', author: '@b' })?.ordinal).toBe(1);
    expect(run.push({ id: '3', text: 'x', author: '@a' })).toBeNull();
    run.finish();
    expect(run.stats(0)).toEqual({ copies: 2, accounts: 2, pileOn: true });
    expect(run.final(0, first!.analysis).labels).toContain(PILE_ON_LABEL);
    expect(() => run.push({ id: '4', text: 'y' })).toThrow();
  });

  it('leaves an analysis alone when the post is unique', () => {
    const a = fakeAnalysis('xxxxxx');
    expect(withBulkStats(a, { copies: 1, accounts: 1, pileOn: false })).toBe(a);
  });

  it('stays bounded on 100,000 posts', () => {
    const index = createBulkIndex();
    for (let i = 0; i < 100_000; i++) index.see(`post ${i % 50_000}`, `u${i % 7}`);
    // 50,000 texts × the accounts that wrote each: i and i + 50,000 share a text, and differ in account unless
    // 50,000 ≡ 0 (mod 7) — it is not, so every post is kept.
    expect(index.distinct).toBe(100_000);
    expect(index.stats(0)).toEqual({ copies: 1, accounts: 2, pileOn: false });
  });
});

describe('canonical text', () => {
  /** The definition canonicalText's fast path must agree with. */
  const reference = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/^(?:\s*@[\w.]+)+/u, '')
      .replace(/\s+/gu, ' ')
      .trim();

  it('is the same as NFKC, lower case, no leading mentions, one space, for any mix of scripts', () => {
    const pieces = ['死ね', 'ばーか', 'カス', 'ｶｽ', 'ＷＷ', 'ww', 'A', 'a', ' ', '  ', '　', '\n', '@troll ', '@', '、', '。', '「', '」', '！', '!', 'が', 'か\u3099', 'ゞ', '①', '㈱', '〜', '～', '🔪', 'é', 'e\u0301', '\t', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(canonicalText(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        expect(canonicalText(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
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
    const handles = new Map<string, ReturnType<typeof add>>();
    add('1', '@mild', 'x', '2026-11-02T00:00:00.000Z', 5);
    handles.set('@worst', add('2', '@worst', 'xxxxxxxxx', '2026-11-03T00:00:00.000Z'));
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
    // A copy of post 2 (merged into it) still counts as a post, with its labels and its time.
    view.addCopy(handles.get('@worst')!, { id: '6', text: 'xxxxxxxxx', author: '@worst', postedAt: '2026-11-09T00:00:00.000Z' }, ['insult']);
    expect(view.list()[0]).toMatchObject({ lastAt: '2026-11-09T00:00:00.000Z', posts: 3, flagged: 2, labels: { insult: 2 } });
    view.addLabel(handles.get('@worst')!, PILE_ON_LABEL, 2, ['insult']);
    expect(view.list()[0]).toMatchObject({ flagged: 2, labels: { insult: 2, [PILE_ON_LABEL]: 2 } });
    view.addCopy(null, { id: '7', text: 'y' }, []);
    expect(view.unknown).toBe(2);
    expect(view.list(1)).toHaveLength(1);
  });
});

describe('speed paths give the same answers as the plain ones', () => {
  it('orders canonical and other readable times alike (first/last by time, not by text)', () => {
    const view = createAuthorView();
    const add = (id: string, postedAt: string | undefined) =>
      view.add({ id, text: 'x', author: '@a', postedAt }, fakeAnalysis('x'));
    const handle = add('0', undefined);
    add('1', '2026-11-10T00:00:00.000Z');
    add('2', '2026-11-05T12:00:00+09:00'); // earlier, not canonical
    add('3', 'not a time');
    add('4', '2026-11-20T00:00:00.000Z');
    add('5', '2026-11-30T00:00:00.000Z');
    add('6', '2026-11-04T23:00:00.000Z'); // canonical but earlier than the non-canonical first
    expect(view.list()[0]).toMatchObject({
      firstAt: '2026-11-04T23:00:00.000Z',
      lastAt: '2026-11-30T00:00:00.000Z',
      posts: 7,
    });
    view.addCopy(handle, { id: '7', text: 'x', author: '@A', postedAt: '2026-12-01T00:00:00.000Z' }, []);
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
    // putIfAbsent and increment through growth too.
    const grown = new HashCounter();
    for (let i = 0; i < 5000; i++) expect(grown.putIfAbsent(hash53(`k${i}`), i)).toBeUndefined();
    for (let i = 0; i < 5000; i++) expect(grown.putIfAbsent(hash53(`k${i}`), -1)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(grown.increment(hash53(`n${i % 2500}`))).toBe(i < 2500 ? 1 : 2);
    expect(grown.size).toBe(7500);
    expect(counter.has(2 ** 52 + 3)).toBe(false);
  });
});
