import type { Platform } from '../triage/answers.js';

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
