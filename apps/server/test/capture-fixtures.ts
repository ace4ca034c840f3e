import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What the fixture SNS post shows; tests look for these in the captured HTML. */
export const FIXTURE_POST = {
  accountId: '@hidoi_tokumei_123',
  displayName: '匿名アカウント',
  postedAt: '2026年11月20日 23:14',
  text: 'この人は嘘つきで最低です 😡🔥 みんな拡散して #晒し',
} as const;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;margin:0;padding:24px;max-width:640px} article{border:1px solid #ccc;border-radius:12px;padding:16px;margin:12px 0}
.name{font-weight:bold}.id{color:#555}.time{color:#555;font-size:14px}</style></head><body>${body}</body></html>`;

const post = (n: number, text: string) => `<article>
  <div><span class="name">${FIXTURE_POST.displayName}</span> <span class="id">${FIXTURE_POST.accountId}</span></div>
  <p>${text}</p><div class="time"><time datetime="2026-11-20T14:14:00Z">${FIXTURE_POST.postedAt}</time> · #${n}</div></article>`;

export interface CaptureFixtureServer {
  readonly origin: string;
  readonly hostPort: string;
  close(): Promise<void>;
}

/**
 * A local site imitating an SNS: /status/1 (a post), /thread (a thread), /login-wall (redirects to a
 * login form), /r1 → /r2 → /status/1 (redirect chain), /hang (never finishes), /huge (very tall),
 * /ssrf (fetches `privateTarget` from the page), /redirect-out (redirects to `privateTarget`).
 */
export async function startCaptureFixture(options: { privateTarget?: string } = {}): Promise<CaptureFixtureServer> {
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const html = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'x-fixture': 'sns', ...headers });
      res.end(body);
    };
    switch (url.pathname) {
      case '/status/1':
        return html(200, page(`${FIXTURE_POST.displayName} さんの投稿`, post(1, FIXTURE_POST.text)));
      case '/thread':
        return html(
          200,
          page(
            'スレッド',
            [post(1, FIXTURE_POST.text), post(2, '返信：本名は○○だよ 👀'), post(3, '返信：住所も知ってる 🏠')].join(''),
          ),
        );
      case '/login-wall':
        res.writeHead(302, { location: '/i/flow/login?redirect_after_login=%2Fstatus%2F1' });
        return res.end();
      case '/i/flow/login':
        return html(
          200,
          page('ログイン', '<h1>ログイン</h1><form><label>ID <input name="u"></label><label>パスワード <input type="password" name="p"></label><button>ログイン</button></form>'),
        );
      case '/r1':
        res.writeHead(301, { location: '/r2' });
        return res.end();
      case '/r2':
        res.writeHead(302, { location: '/status/1' });
        return res.end();
      case '/hang':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write('<!doctype html><html><body><p>loading…');
        hanging.add(res);
        return;
      case '/huge':
        return html(200, page('huge', '<div style="height:200000px;background:linear-gradient(#fff,#000)">tall</div>'));
      case '/ssrf':
        return html(
          200,
          page(
            'ssrf',
            `${post(1, 'fetching inside')}<img src="${options.privateTarget ?? 'http://10.255.255.1/'}secret.png" alt="">`,
          ),
        );
      case '/redirect-out':
        res.writeHead(302, { location: options.privateTarget ?? 'http://10.255.255.1/' });
        return res.end();
      default:
        return html(404, page('not found', '<p>not found</p>'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A "private" server that records whether anything reached it (the SSRF target). */
export async function startSecretServer(): Promise<{ origin: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('internal secret');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}/`,
    hits: () => hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An HTTPS copy of the post with a fresh self-signed certificate made by openssl. */
export async function startHttpsFixture(): Promise<CaptureFixtureServer & { certPem: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'capture-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1/O=mimamoru test',
    '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  const certPem = readFileSync(cert, 'utf8');
  const server = https.createServer({ key: readFileSync(key), cert: certPem }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'strict-transport-security': 'max-age=60' });
    res.end(page('https post', post(1, FIXTURE_POST.text)));
  });
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    certPem,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
