import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CaptureFailure } from './capture-failure.js';
import { BLOCKED_HEADER, startGuardProxy } from './guard-proxy.js';
import { checkCaptureUrl, type Resolve } from './url-guard.js';

/** Debian's chromium; playwright never downloads a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebRTC's UDP does not go through the guard proxy: allow none of it.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

const SERVER_VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const PLAYWRIGHT_VERSION = (
  JSON.parse(
    readFileSync(new URL(import.meta.resolve('playwright-core/package.json')), 'utf8'),
  ) as { version: string }
).version;

export interface CaptureLimits {
  /** Until the page's `load` event; the whole capture is cut off at this plus `settleMs` plus 15 s. */
  readonly timeoutMs: number;
  /** Extra wait for network idle after `load`; the capture goes on when it is not reached. */
  readonly settleMs: number;
  /** Tallest full page accepted (CSS px). */
  readonly maxHeightPx: number;
  /** Largest total of all artifacts (bytes). */
  readonly maxBytes: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = {
  timeoutMs: 60_000,
  settleMs: 5_000,
  maxHeightPx: 30_000,
  maxBytes: 100 * 1024 * 1024,
};

export interface CaptureOptions {
  readonly allowHosts: readonly string[];
  readonly limits?: Partial<CaptureLimits>;
  readonly clock?: () => Date;
  readonly resolve?: Resolve;
  readonly executablePath?: string;
}

export interface HttpExchange {
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TlsChain {
  readonly host: string;
  readonly protocol: string | null;
  /** Whether the chain verifies against the server's trust store. */
  readonly authorized: boolean;
  readonly authorizationError: string | null;
  /** Leaf first. */
  readonly certificates: readonly { subject: string; issuer: string; validFrom: string; validTo: string; fingerprint256: string; pem: string }[];
}

export interface CaptureProvenance {
  readonly software: string;
  readonly softwareVersion: string;
  readonly engine: string;
  readonly browser: string;
  readonly userAgent: string;
  readonly timeSource: string;
  readonly requestedUrl: string;
  readonly finalUrl: string;
  readonly startedAt: string;
  readonly capturedAt: string;
  readonly durationMs: number;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly networkIdle: boolean;
  readonly blockedRequests: number;
}

export interface CaptureResult {
  readonly requestedUrl: string;
  readonly finalUrl: string;
  /** The main document's answer after redirects, and the redirects before it (oldest first). */
  readonly response: HttpExchange;
  readonly redirects: readonly HttpExchange[];
  readonly title: string;
  readonly capturedAt: Date;
  /** Full-page PNG, as the browser produced it. */
  readonly screenshot: Buffer;
  /** The same PNG under a header band with the URL and capture time (JST and UTC); a derivative. */
  readonly annotated: Buffer;
  readonly mhtml: Buffer;
  readonly html: Buffer;
  readonly tls: TlsChain | null;
  readonly provenance: CaptureProvenance;
}

const VIEWPORT = { width: 1280, height: 900 };
const LOGIN_PATH = /\/(?:login|log-in|signin|sign-in|sign_in|i\/flow\/login|accounts\/login|auth|session|sso)(?:[/?#.]|$)/i;

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function distinguishedName(name: unknown): string {
  if (name === null || typeof name !== 'object') return '';
  return Object.entries(name as Record<string, string | string[]>)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

/** The certificate chain the final host presents, read with a separate TLS connection to a checked address. */
async function readTlsChain(url: URL, address: string, timeoutMs: number): Promise<TlsChain> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return await new Promise<TlsChain>((resolve, reject) => {
    const socket = tls.connect({
      host: address,
      port: Number(url.port || 443),
      servername: isIP(host) === 0 ? host : undefined,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const certificates: TlsChain['certificates'][number][] = [];
      let cert = socket.getPeerCertificate(true);
      const seen = new Set<string>();
      while (cert.raw !== undefined && !seen.has(cert.fingerprint256)) {
        seen.add(cert.fingerprint256);
        certificates.push({
          subject: distinguishedName(cert.subject),
          issuer: distinguishedName(cert.issuer),
          validFrom: cert.valid_from,
          validTo: cert.valid_to,
          fingerprint256: cert.fingerprint256,
          pem: toPem(cert.raw),
        });
        if (cert.issuerCertificate === undefined || cert.issuerCertificate === cert) break;
        cert = cert.issuerCertificate;
      }
      const authError = socket.authorizationError as Error | string | null | undefined;
      resolve({
        host,
        protocol: socket.getProtocol(),
        authorized: socket.authorized,
        authorizationError:
          authError === null || authError === undefined
            ? null
            : typeof authError === 'string'
              ? authError
              : authError.message,
        certificates,
      });
      socket.end();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new CaptureFailure('timeout', 'TLS handshake for the certificate chain timed out'));
    });
    socket.once('error', (error) =>
      reject(new CaptureFailure('navigation_failed', 'TLS connection for the certificate chain failed', { cause: error })),
    );
  });
}

const JST = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Burns a header band (URL, capture time in JST and UTC) above the screenshot, drawn by the browser itself. */
async function annotate(
  context: BrowserContext,
  screenshot: Buffer,
  width: number,
  facts: { url: string; capturedAt: Date },
): Promise<Buffer> {
  const page = await context.newPage();
  try {
    const jst = `${JST.format(facts.capturedAt)} JST (UTC+9)`;
    const utc = `${facts.capturedAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} UTC`;
    await page.setViewportSize({ width, height: 200 });
    await page.setContent(
      `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
        html,body{margin:0;padding:0;background:#fff}
        header{box-sizing:border-box;width:${width}px;padding:14px 20px;background:#10243e;color:#fff;
          font:16px/1.5 "Noto Sans CJK JP","Noto Sans JP",sans-serif;border-bottom:4px solid #f2b705}
        .k{display:inline-block;min-width:11em;color:#cfe0f5;font-weight:bold}
        .u{font-family:"DejaVu Sans Mono",monospace;word-break:break-all}
        img{display:block;width:${width}px}
      </style></head><body><header>
        <div><span class="k">URL</span><span class="u">${escapeHtml(facts.url)}</span></div>
        <div><span class="k">取得日時 Captured</span>${escapeHtml(jst)} ／ ${escapeHtml(utc)}</div>
        <div><span class="k">取得者 By</span>mimamoru server capture ${escapeHtml(SERVER_VERSION)}</div>
      </header><img alt="" src="data:image/png;base64,${screenshot.toString('base64')}"></body></html>`,
      { waitUntil: 'load' },
    );
    // Scripts are strings: the server is compiled without the DOM library.
    await page.evaluate(`(async () => {
      await document.fonts.ready;
      const img = document.querySelector('img');
      if (img && !img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
    })()`);
    return await page.screenshot({ fullPage: true, type: 'png' });
  } finally {
    await page.close();
  }
}

/** Whether what loaded is a login wall rather than the content asked for. */
async function looksLikeLoginWall(page: Page, status: number, requested: URL, final: URL): Promise<boolean> {
  if (status === 401 || status === 403) return true;
  if (LOGIN_PATH.test(final.pathname) && !LOGIN_PATH.test(requested.pathname)) return true;
  const wall = await page.evaluate(`(() => {
    const password = document.querySelector('input[type="password"]');
    const text = (document.body ? document.body.innerText : '').replace(/\\s+/g, '');
    return password !== null && text.length < 600;
  })()`);
  return wall === true;
}

async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new CaptureFailure('timeout', `capture did not finish within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens `rawUrl` in a fresh headless Chromium context and records it as evidence: full-page PNG,
 * annotated derivative, MHTML, rendered HTML, main document status and headers, TLS chain and provenance.
 * Every request the page makes (redirects, subresources) passes the SSRF guard or is aborted.
 * Throws a {@link CaptureFailure} on a refused URL, a timeout, a page over the size cap or a login wall.
 */
export async function capturePage(rawUrl: string, options: CaptureOptions): Promise<CaptureResult> {
  const limits = { ...DEFAULT_CAPTURE_LIMITS, ...options.limits };
  const clock = options.clock ?? (() => new Date());
  const guard = { allowHosts: options.allowHosts, resolve: options.resolve };
  const checked = await checkCaptureUrl(rawUrl, guard);
  const startedAt = clock();
  const started = performance.now();
  const proxy = await startGuardProxy(guard, limits.maxBytes);
  let browser: Browser | undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    void browser?.close().catch(() => undefined);
  };
  try {
    return await withDeadline(
      (async () => {
        try {
          browser = await chromium.launch({
            executablePath: options.executablePath ?? CHROMIUM_PATH,
            args: [...CHROMIUM_ARGS, `--proxy-server=${proxy.url}`, '--proxy-bypass-list=<-loopback>'],
            headless: true,
          });
        } catch (error) {
          throw new CaptureFailure('browser_failed', 'chromium did not start', { cause: error });
        }
        const context = await browser.newContext({
          viewport: VIEWPORT,
          serviceWorkers: 'block',
          acceptDownloads: false,
          // A bad certificate does not stop the capture: what was served is the evidence, and the
          // tls-chain artifact records whether the chain verified.
          ignoreHTTPSErrors: true,
          locale: 'ja-JP',
          timezoneId: 'Asia/Tokyo',
        });
        const page = await context.newPage();

        let response;
        try {
          response = await page.goto(checked.url.href, { waitUntil: 'load', timeout: limits.timeoutMs });
        } catch (error) {
          const overSize = proxy.overSize();
          if (overSize !== null) throw overSize;
          const message = error instanceof Error ? error.message : '';
          if (/ERR_TUNNEL_CONNECTION_FAILED/.test(message) && proxy.blocked() > 0) {
            throw new CaptureFailure('blocked_address', 'a redirect to a refused address', { cause: error });
          }
          if (/Timeout/i.test(message)) {
            throw new CaptureFailure('timeout', 'the page did not finish loading', { cause: error });
          }
          throw new CaptureFailure('navigation_failed', 'navigation failed', { cause: error });
        }
        if (response === null) throw new CaptureFailure('navigation_failed', 'no main document response');
        if ((await response.headerValue(BLOCKED_HEADER)) !== null) {
          throw new CaptureFailure('blocked_address', 'a redirect to a refused address');
        }
        const networkIdle = await page
          .waitForLoadState('networkidle', { timeout: limits.settleMs })
          .then(() => true, () => false);

        const finalUrl = new URL(page.url());
        const requested = checked.url;
        if (await looksLikeLoginWall(page, response.status(), requested, finalUrl)) {
          throw new CaptureFailure('login_wall', 'the page asks for a login');
        }
        const height = Number(
          await page.evaluate(
            'Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)',
          ),
        );
        const overSize = proxy.overSize();
        if (overSize !== null) throw overSize;
        if (height > limits.maxHeightPx) {
          throw new CaptureFailure('too_large', `page is ${height}px tall (limit ${limits.maxHeightPx}px)`);
        }

        const redirects: HttpExchange[] = [];
        for (let r = response.request().redirectedFrom(); r !== null; r = r.redirectedFrom()) {
          const answer = await r.response();
          if (answer) redirects.unshift({ url: r.url(), status: answer.status(), headers: await answer.allHeaders() });
        }
        const mainResponse: HttpExchange = {
          url: response.url(),
          status: response.status(),
          headers: await response.allHeaders(),
        };
        const capturedAt = clock();
        const screenshot = await page.screenshot({ fullPage: true, type: 'png', animations: 'disabled' });
        const html = Buffer.from(await page.content(), 'utf8');
        const cdp = await context.newCDPSession(page);
        const snapshot = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
        const mhtml = Buffer.from(snapshot.data, 'utf8');
        await cdp.detach();
        const userAgent = String(await page.evaluate('navigator.userAgent'));
        const title = await page.title();
        await page.close();
        const sized = screenshot.length + html.length + mhtml.length;
        if (sized * 2 > limits.maxBytes) {
          throw new CaptureFailure('too_large', `artifacts total ${sized} bytes (limit ${limits.maxBytes})`);
        }
        const annotated = await annotate(context, screenshot, VIEWPORT.width, {
          url: finalUrl.href,
          capturedAt,
        });

        let tlsChain: TlsChain | null = null;
        if (finalUrl.protocol === 'https:') {
          const finalChecked = await checkCaptureUrl(finalUrl.href, guard);
          const address = finalChecked.addresses[0];
          if (address !== undefined) tlsChain = await readTlsChain(finalUrl, address, limits.settleMs);
        }
        const provenance: CaptureProvenance = {
          software: 'mimamoru server capture',
          softwareVersion: SERVER_VERSION,
          engine: `playwright-core ${PLAYWRIGHT_VERSION}`,
          browser: `Chromium ${browser.version()}`,
          userAgent,
          timeSource: 'server system clock (UTC); synchronise it with NTP',
          requestedUrl: requested.href,
          finalUrl: finalUrl.href,
          startedAt: startedAt.toISOString(),
          capturedAt: capturedAt.toISOString(),
          durationMs: Math.round(performance.now() - started),
          viewport: VIEWPORT,
          networkIdle,
          blockedRequests: proxy.blocked(),
        };
        return {
          requestedUrl: requested.href,
          finalUrl: finalUrl.href,
          response: mainResponse,
          redirects,
          title,
          capturedAt,
          screenshot,
          annotated,
          mhtml,
          html,
          tls: tlsChain,
          provenance,
        };
      })(),
      limits.timeoutMs + limits.settleMs + 15_000,
      close,
    );
  } finally {
    if (browser !== undefined && !closed) {
      closed = true;
      await browser.close().catch(() => undefined);
    }
    await proxy.close();
  }
}
