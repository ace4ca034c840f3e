/**
 * Conflict checks before a lawyer accepts a referral (#4): the poster's handles, names and URLs in
 * this case are matched against the adverse parties and clients of the lawyer's other cases.
 * Normalisation over-matches on purpose (a handle equals the same word as a name): a false hit is
 * shown and acknowledged, a missed conflict is not seen at all.
 */

/**
 * Hosts whose profile URLs name the account in the first path segment, optionally with '@'
 * (x.com/foo, x.com/foo/status/1, tiktok.com/@foo/video/1, youtube.com/@foo, threads.net/@foo/post/…).
 */
const PROFILE_HOSTS: ReadonlySet<string> = new Set([
  'x.com',
  'twitter.com',
  'mobile.twitter.com',
  'instagram.com',
  'facebook.com',
  'm.facebook.com',
  'threads.net',
  'threads.com',
  'tiktok.com',
  'youtube.com',
  'm.youtube.com',
  'note.com',
  'ameblo.jp',
]);

/** First path segments on those hosts that are site pages, not accounts. */
const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'i',
  'home',
  'search',
  'intent',
  'hashtag',
  'explore',
  'p',
  'reel',
  'reels',
  'stories',
  'watch',
  'shorts',
  'channel',
  'c',
  'user',
  'groups',
  'share',
  'permalink.php',
  'profile.php',
  'video',
  'tag',
]);

const URL_LIKE = /^(?:https?:\/\/|www\.)|^[a-z0-9-]+(?:\.[a-z0-9-]+)+\//;

/** Host, path segments and query of a URL-like string (core has no URL global: it targets plain ES). */
function splitUrl(value: string): { host: string; segments: string[]; query: string } {
  const withoutScheme = value.replace(/^https?:\/\//, '').replace(/#.*$/, '');
  const [beforeQuery = '', query = ''] = withoutScheme.split('?', 2);
  const [host = '', ...segments] = beforeQuery.split('/');
  return {
    host: host.replace(/:\d+$/, '').replace(/^www\./, ''),
    segments: segments.filter((s) => s !== ''),
    query,
  };
}

function normaliseUrl(value: string): string {
  const { host, segments, query } = splitUrl(value);
  // facebook.com/profile.php?id=123: the id is the account, so keep it before dropping the query.
  const facebookId = /(?:^|&)id=(\d+)/.exec(query)?.[1];
  if ((host === 'facebook.com' || host === 'm.facebook.com') && segments[0] === 'profile.php' && facebookId) {
    return `facebook.com/profile.php?id=${facebookId}`;
  }
  const first = segments[0];
  if (PROFILE_HOSTS.has(host) && first !== undefined) {
    const account = first.replace(/^@/, '');
    if (account !== '' && !RESERVED_SEGMENTS.has(account)) return account;
  }
  return [host, ...segments].join('/');
}

/**
 * Canonical form of a handle, name or URL for conflict checks: NFKC (full/half width), lower case,
 * no leading '@', no spaces or ・ (山田 太郎 ≡ 山田太郎), URLs without scheme, www, query, fragment or
 * trailing slash, and profile or post URLs of known platforms reduced to the account
 * (https://x.com/foo/status/1 ≡ @foo ≡ ＠ＦＯＯ). Empty when nothing is left.
 */
export function normalizePartyValue(value: string): string {
  const text = value.normalize('NFKC').trim().toLowerCase();
  if (URL_LIKE.test(text)) return normaliseUrl(text);
  return text.replace(/^@+/, '').replace(/[\s・]+/gu, '');
}

export const CONFLICT_ROLES = ['adverse', 'client'] as const;
export type ConflictRole = (typeof CONFLICT_ROLES)[number];

export interface OtherCaseParties {
  readonly caseRef: string;
  /** adverse: the other case's poster or opponent; client: the person the lawyer acted for. */
  readonly role: ConflictRole;
  readonly values: readonly string[];
}

export interface ConflictHit {
  readonly caseRef: string;
  readonly role: ConflictRole;
  /** The value as recorded in this case. */
  readonly value: string;
  /** The value as recorded in the other case. */
  readonly matchedValue: string;
  /** The canonical form both reduce to. */
  readonly normalized: string;
}

/**
 * Values of this case's parties that match a party of another case, one hit per pair, in the order
 * of `otherCases` and their values. A client hit is a conflict of interest; an adverse hit means the
 * same poster appears in another case.
 */
export function findConflicts(
  caseParties: readonly string[],
  otherCases: readonly OtherCaseParties[],
): ConflictHit[] {
  const ours = new Map<string, string[]>();
  for (const value of caseParties) {
    const key = normalizePartyValue(value);
    if (key === '') continue;
    ours.set(key, [...(ours.get(key) ?? []), value]);
  }
  const hits: ConflictHit[] = [];
  const seen = new Set<string>();
  for (const other of otherCases) {
    for (const matchedValue of other.values) {
      const normalized = normalizePartyValue(matchedValue);
      for (const value of ours.get(normalized) ?? []) {
        const key = JSON.stringify([other.caseRef, other.role, value, matchedValue]);
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ caseRef: other.caseRef, role: other.role, value, matchedValue, normalized });
      }
    }
  }
  return hits;
}
