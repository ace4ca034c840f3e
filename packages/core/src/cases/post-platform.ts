import type { Locale, Localized } from '../i18n/locale.js';
import type { Platform } from '../triage/answers.js';

/** How a platform is named on its own (a label, a report field), in Japanese and English. */
export const PLATFORM_LABELS: Readonly<Record<Platform, Localized>> = {
  x: { ja: 'X（旧Twitter）', en: 'X (formerly Twitter)' },
  instagram: { ja: 'Instagram', en: 'Instagram' },
  facebook: { ja: 'Facebook', en: 'Facebook' },
  threads: { ja: 'Threads', en: 'Threads' },
  youtube: { ja: 'YouTube', en: 'YouTube' },
  tiktok: { ja: 'TikTok', en: 'TikTok' },
  line: { ja: 'LINE', en: 'LINE' },
  '5ch': { ja: '5ちゃんねる などの掲示板', en: '5channel or other forums' },
  'google-maps': { ja: 'Googleマップの口コミ', en: 'Google Maps reviews' },
  note: { ja: 'note', en: 'note' },
  'yahoo-chiebukuro': { ja: 'Yahoo!知恵袋', en: 'Yahoo! Chiebukuro' },
  ameba: { ja: 'アメーバブログ', en: 'Ameba Blog' },
  blog: { ja: 'その他のブログ・まとめサイト', en: 'Other blogs or aggregator sites' },
  other: { ja: 'その他・わからない', en: 'Other / not sure' },
};

/** Every platform's name in one locale (the web catalogs' platform options, a CSV column). */
export function platformNames(locale: Locale): Readonly<Record<Platform, string>> {
  return Object.fromEntries(
    Object.entries(PLATFORM_LABELS).map(([platform, label]) => [platform, label[locale]]),
  ) as Record<Platform, string>;
}

/** Host names (and their subdomains) of each platform; `blog` and `other` have none. */
const PLATFORM_HOSTS: readonly (readonly [Platform, readonly string[]])[] = [
  ['x', ['x.com', 'twitter.com']],
  ['instagram', ['instagram.com']],
  ['facebook', ['facebook.com', 'fb.com', 'fb.watch']],
  ['threads', ['threads.net', 'threads.com']],
  ['youtube', ['youtube.com', 'youtu.be']],
  ['tiktok', ['tiktok.com']],
  ['line', ['line.me']],
  ['5ch', ['5ch.net']],
  ['google-maps', ['maps.google.com', 'maps.app.goo.gl']],
  ['note', ['note.com']],
  ['yahoo-chiebukuro', ['chiebukuro.yahoo.co.jp']],
  ['ameba', ['ameblo.jp', 'ameba.jp']],
];

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The platform a post's address belongs to, from its host name; undefined when unknown or not a URL. */
export function platformOfUrl(url: string): Platform | undefined {
  // Parsed by hand: core runs without DOM or Node globals (no URL class).
  const match = /^https?:\/\/([^/?#\s]+)([^?#\s]*)/i.exec(url.trim());
  if (!match) return undefined;
  const host = (match[1] ?? '').replace(/^.*@/, '').replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  const path = match[2] ?? '';
  // Google Maps reviews also live under google.<tld>/maps and goo.gl/maps.
  if ((/^(www\.)?google\.[a-z.]+$/.test(host) || host === 'goo.gl') && path.startsWith('/maps'))
    return 'google-maps';
  return PLATFORM_HOSTS.find(([, domains]) => domains.some((d) => hostMatches(host, d)))?.[0];
}

/**
 * The platform to record for an offending post: its host's platform, else the intake's only
 * platform when the victim named exactly one, else `other`.
 */
export function platformForPost(url: string, intakePlatforms: readonly Platform[]): Platform {
  return platformOfUrl(url) ?? (intakePlatforms.length === 1 ? intakePlatforms[0]! : 'other');
}
