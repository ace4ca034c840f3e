import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureFailure } from '../src/modules/evidence-capture/capture-failure.js';
import { capturePage } from '../src/modules/evidence-capture/capture-page.js';
import { checkCaptureUrl, isForbiddenAddress } from '../src/modules/evidence-capture/url-guard.js';
import {
  FIXTURE_POST,
  startCaptureFixture,
  startHttpsFixture,
  startSecretServer,
  type CaptureFixtureServer,
} from './capture-fixtures.js';

async function failureOf(promise: Promise<unknown>): Promise<CaptureFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CaptureFailure) return error;
    throw error;
  }
  throw new Error('expected a CaptureFailure');
}

describe('server capture SSRF guard', () => {
  const publicDns = async () => ['93.184.215.14'];

  it.each([
    ['file:///etc/passwd', 'blocked_scheme'],
    ['data:text/html,<h1>x</h1>', 'blocked_scheme'],
    ['javascript:alert(1)', 'blocked_scheme'],
    ['ftp://example.com/x', 'blocked_scheme'],
    ['http://user:pw@example.com/', 'blocked_scheme'],
    ['not a url', 'invalid_url'],
    ['http://localhost:3000/api/staff', 'blocked_address'],
    ['http://app.localhost/', 'blocked_address'],
    ['http://intranet/', 'blocked_address'],
    ['http://127.0.0.1/', 'blocked_address'],
    ['http://127.1.2.3:8080/', 'blocked_address'],
    ['http://0.0.0.0/', 'blocked_address'],
    ['http://10.1.2.3/', 'blocked_address'],
    ['http://172.16.0.1/', 'blocked_address'],
    ['http://172.31.255.254/', 'blocked_address'],
    ['http://192.168.1.1/', 'blocked_address'],
    ['http://169.254.169.254/latest/meta-data/', 'blocked_address'],
    ['http://100.64.0.1/', 'blocked_address'],
    ['http://[::1]/', 'blocked_address'],
    ['http://[::]/', 'blocked_address'],
    ['http://[fc00::1]/', 'blocked_address'],
    ['http://[fd12:3456::1]/', 'blocked_address'],
    ['http://[fe80::1]/', 'blocked_address'],
    ['http://[::ffff:127.0.0.1]/', 'blocked_address'],
    ['http://[::ffff:a9fe:a9fe]/', 'blocked_address'],
    ['http://[::ffff:8.8.8.8]/', 'blocked_address'],
    ['http://2130706433/', 'blocked_address'], // 127.0.0.1 written as one number
    ['http://0x7f.1/', 'blocked_address'],
  ])('refuses %s (%s)', async (url, code) => {
    expect((await failureOf(checkCaptureUrl(url, { allowHosts: [], resolve: publicDns }))).code).toBe(code);
  });

  it('checks every address a name resolves to, not just the first', async () => {
    const mixed = async () => ['93.184.215.14', '10.0.0.5'];
    const failure = await failureOf(checkCaptureUrl('https://evil.example/', { allowHosts: [], resolve: mixed }));
    expect(failure.code).toBe('blocked_address');
    const rebound = async () => ['2606:4700::1111', '::ffff:169.254.169.254'];
    expect((await failureOf(checkCaptureUrl('https://x.example/', { allowHosts: [], resolve: rebound }))).code).toBe(
      'blocked_address',
    );
  });

  it('accepts a public host and reports a name that does not resolve', async () => {
    const checked = await checkCaptureUrl('https://x.com/someone/status/1', { allowHosts: [], resolve: publicDns });
    expect(checked.addresses).toEqual(['93.184.215.14']);
    const none = async () => {
      throw new Error('ENOTFOUND');
    };
    expect((await failureOf(checkCaptureUrl('https://nx.example/', { allowHosts: [], resolve: none }))).code).toBe(
      'dns_failed',
    );
  });

  it('allows exactly the configured host:port (testing only), not other ports of the same host', async () => {
    await expect(checkCaptureUrl('http://127.0.0.1:4000/x', { allowHosts: ['127.0.0.1:4000'] })).resolves.toBeTruthy();
    expect((await failureOf(checkCaptureUrl('http://127.0.0.1:4001/x', { allowHosts: ['127.0.0.1:4000'] }))).code).toBe(
      'blocked_address',
    );
  });

  it('classifies addresses', () => {
    for (const address of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111']) {
      expect(isForbiddenAddress(address), address).toBe(false);
    }
    for (const address of ['127.0.0.1', '::1', 'fe80::1%eth0', '::ffff:7f00:1', '224.0.0.1', 'garbage']) {
      expect(isForbiddenAddress(address), address).toBe(true);
    }
  });
});

// Each capture starts a browser: generous timeouts, as other suites may share the machine.
describe('server capture engine (headless Chromium)', { timeout: 90_000 }, () => {
  let fixture: CaptureFixtureServer;
  let secret: Awaited<ReturnType<typeof startSecretServer>>;
  let allowHosts: string[];

  beforeAll(async () => {
    secret = await startSecretServer();
    fixture = await startCaptureFixture({ privateTarget: secret.origin });
    allowHosts = [fixture.hostPort];
  });
  afterAll(async () => {
    await fixture.close();
    await secret.close();
  });

  const limits = { timeoutMs: 8000, settleMs: 1500 };

  it('captures a post: original and annotated PNG, MHTML, HTML, status, headers and provenance', async () => {
    const before = Date.now();
    const result = await capturePage(`${fixture.origin}/status/1`, { allowHosts, limits });
    expect(result.finalUrl).toBe(`${fixture.origin}/status/1`);
    expect(result.response.status).toBe(200);
    expect(result.response.headers['x-fixture']).toBe('sns');
    const html = result.html.toString('utf8');
    for (const shown of Object.values(FIXTURE_POST)) expect(html).toContain(shown);
    expect(result.screenshot.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(result.annotated.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The band makes the derived image taller than the original; the original is untouched.
    expect(result.annotated.readUInt32BE(20)).toBeGreaterThan(result.screenshot.readUInt32BE(20) + 60);
    expect(result.annotated.readUInt32BE(16)).toBe(result.screenshot.readUInt32BE(16));
    const mhtml = result.mhtml.toString('utf8');
    expect(mhtml).toMatch(/^From: <Saved by Blink>/m);
    expect(mhtml).toContain('Snapshot-Content-Location: ' + `${fixture.origin}/status/1`);
    expect(result.tls).toBeNull();
    expect(result.provenance.browser).toMatch(/^Chromium \d+/);
    expect(result.provenance.engine).toMatch(/^playwright-core \d/);
    expect(result.provenance.userAgent).toContain('Chrome/');
    expect(Date.parse(result.provenance.capturedAt)).toBeGreaterThanOrEqual(before);
  });

  it('captures a whole thread', async () => {
    const result = await capturePage(`${fixture.origin}/thread`, { allowHosts, limits });
    const html = result.html.toString('utf8');
    expect(html).toContain('返信：本名は○○だよ 👀');
    expect(html).toContain('返信：住所も知ってる 🏠');
  });

  it('follows a redirect chain and records every hop and the final URL', async () => {
    const result = await capturePage(`${fixture.origin}/r1`, { allowHosts, limits });
    expect(result.finalUrl).toBe(`${fixture.origin}/status/1`);
    expect(result.redirects.map((r) => [new URL(r.url).pathname, r.status])).toEqual([
      ['/r1', 301],
      ['/r2', 302],
    ]);
  });

  it('reports a login wall with advice instead of capturing the login form', async () => {
    const failure = await failureOf(capturePage(`${fixture.origin}/login-wall`, { allowHosts, limits }));
    expect(failure.code).toBe('login_wall');
  });

  it('times out on a page that never finishes loading', async () => {
    const started = Date.now();
    const failure = await failureOf(
      capturePage(`${fixture.origin}/hang`, { allowHosts, limits: { timeoutMs: 2000, settleMs: 500 } }),
    );
    expect(failure.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses an enormous page (size cap)', async () => {
    const failure = await failureOf(capturePage(`${fixture.origin}/huge`, { allowHosts, limits }));
    expect(failure.code).toBe('too_large');
  });

  it('blocks what the page itself fetches from a private address, and redirects to one', async () => {
    const result = await capturePage(`${fixture.origin}/ssrf`, { allowHosts, limits });
    expect(result.provenance.blockedRequests).toBeGreaterThanOrEqual(1);
    expect(secret.hits()).toBe(0);
    const failure = await failureOf(capturePage(`${fixture.origin}/redirect-out`, { allowHosts, limits }));
    expect(failure.code).toBe('blocked_address');
    expect(secret.hits()).toBe(0);
  });

  it('refuses a private URL before starting the browser', async () => {
    const failure = await failureOf(capturePage(secret.origin, { allowHosts, limits }));
    expect(failure.code).toBe('blocked_address');
    expect(secret.hits()).toBe(0);
  });

  it('records the TLS certificate chain of an https page', async () => {
    const tlsFixture = await startHttpsFixture();
    try {
      const result = await capturePage(`${tlsFixture.origin}/status/1`, { allowHosts: [tlsFixture.hostPort], limits });
      expect(result.response.headers['strict-transport-security']).toBe('max-age=60');
      const chain = result.tls;
      expect(chain).not.toBeNull();
      expect(chain?.authorized).toBe(false);
      expect(chain?.authorizationError).toMatch(/SELF_SIGNED|self[- ]signed/i);
      expect(chain?.certificates).toHaveLength(1);
      const leaf = new X509Certificate(chain?.certificates[0]?.pem ?? '');
      expect(leaf.fingerprint256).toBe(new X509Certificate(tlsFixture.certPem).fingerprint256);
    } finally {
      await tlsFixture.close();
    }
  });
});
