import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { CaptureFailure } from './capture-failure.js';

/** Addresses server capture never connects to: the server's own machine and networks (SSRF). */
const FORBIDDEN_V4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", including 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, including cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  FORBIDDEN_V4.addSubnet(network, prefix, 'ipv4');
}
// Separate lists: node's BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules.
const FORBIDDEN_V6 = new BlockList();
for (const [network, prefix] of [
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['::ffff:0:0', 96], // IPv4-mapped: refused whatever the IPv4, proxies and browsers treat it inconsistently
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 of an IPv4 address
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 wraps an IPv4 address
] as const) {
  FORBIDDEN_V6.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address (v4 or v6 text) is one server capture must not reach. Non-addresses are forbidden. */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return FORBIDDEN_V4.check(bare, 'ipv4');
  if (family === 6) return FORBIDDEN_V6.check(bare, 'ipv6');
  return true;
}

export type Resolve = (host: string) => Promise<readonly string[]>;

/** All addresses a name resolves to (A and AAAA), as the system resolver answers. */
export const resolveAll: Resolve = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

export interface UrlGuardOptions {
  /** `host:port` pairs allowed although private (testing only: MIMAMORU_CAPTURE_ALLOW_HOSTS). */
  readonly allowHosts: readonly string[];
  readonly resolve?: Resolve;
}

export interface CheckedUrl {
  readonly url: URL;
  /** Every address the host resolved to, all of them allowed. */
  readonly addresses: readonly string[];
}

function defaultPort(url: URL): string {
  return url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
}

/** `host:port` as compared with the allow list (IPv6 hosts in brackets). */
export function hostKey(url: URL): string {
  return `${url.hostname.toLowerCase()}:${defaultPort(url)}`;
}

/**
 * Checks that a URL may be captured: http(s) only, no credentials, and a host whose every resolved
 * address is public. Throws a {@link CaptureFailure} naming the reason otherwise.
 */
export async function checkCaptureUrl(raw: string, options: UrlGuardOptions): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CaptureFailure('invalid_url', 'not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CaptureFailure('blocked_scheme', `scheme ${url.protocol} is not http or https`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new CaptureFailure('blocked_scheme', 'URLs with credentials are refused');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === '') throw new CaptureFailure('invalid_url', 'the URL has no host');
  const allowed = options.allowHosts.includes(hostKey(url));
  if (isIP(host) !== 0) {
    if (!allowed && isForbiddenAddress(host)) {
      throw new CaptureFailure('blocked_address', 'the address is private, loopback or reserved');
    }
    return { url, addresses: [host] };
  }
  if (!allowed && (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))) {
    throw new CaptureFailure('blocked_address', 'local host names are refused');
  }
  let addresses: readonly string[];
  try {
    addresses = await (options.resolve ?? resolveAll)(host);
  } catch (error) {
    throw new CaptureFailure('dns_failed', 'the host name does not resolve', { cause: error });
  }
  if (addresses.length === 0) throw new CaptureFailure('dns_failed', 'the host name has no address');
  if (!allowed && addresses.some(isForbiddenAddress)) {
    throw new CaptureFailure('blocked_address', 'the host resolves to a private, loopback or reserved address');
  }
  return { url, addresses };
}
