import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { CaptureFailure } from './capture-failure.js';
import { checkCaptureUrl, type UrlGuardOptions } from './url-guard.js';

/** Marks a proxy refusal so the capture can tell it from the site's own 403. */
export const BLOCKED_HEADER = 'x-mimamoru-capture-blocked';

export interface GuardProxy {
  /** http://127.0.0.1:<port> for chromium's --proxy-server. */
  readonly url: string;
  /** Requests refused (private address, bad scheme…). */
  blocked(): number;
  /** Set once the bytes relayed to the browser pass the cap; the capture then fails. */
  overSize(): CaptureFailure | null;
  close(): Promise<void>;
}

/**
 * The only way out for the capture browser: an HTTP/CONNECT proxy that checks every hop (the first
 * request, each redirect, subresources, WebSockets) with the SSRF guard and connects to the address it
 * checked, so a second DNS answer cannot point the browser elsewhere. Bytes to the browser are capped.
 */
export async function startGuardProxy(guard: UrlGuardOptions, maxBytes: number): Promise<GuardProxy> {
  let blocked = 0;
  let relayed = 0;
  let overSize: CaptureFailure | null = null;
  const sockets = new Set<net.Socket>();

  const count = (stream: Readable, onOver: () => void) =>
    stream.on('data', (chunk: Buffer) => {
      relayed += chunk.length;
      if (relayed > maxBytes && overSize === null) {
        overSize = new CaptureFailure('too_large', `the page downloads more than ${maxBytes} bytes`);
        onOver();
      }
    });

  const server = http.createServer((req, res) => {
    void (async () => {
      let target;
      try {
        target = await checkCaptureUrl(req.url ?? '', guard);
      } catch {
        blocked += 1;
        res.writeHead(403, { [BLOCKED_HEADER]: '1', 'content-type': 'text/plain' });
        res.end('blocked by mimamoru capture');
        return;
      }
      const { url, addresses } = target;
      const headers = { ...req.headers };
      delete headers['proxy-connection'];
      const upstream = http.request({
        host: addresses[0],
        port: Number(url.port || 80),
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, host: url.host },
      });
      upstream.on('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        count(answer, () => {
          answer.destroy();
          res.destroy();
        });
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    })();
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    void (async () => {
      let target;
      try {
        target = await checkCaptureUrl(`https://${req.url ?? ''}/`, guard);
      } catch {
        blocked += 1;
        client.end(`HTTP/1.1 403 Forbidden\r\n${BLOCKED_HEADER}: 1\r\n\r\n`);
        return;
      }
      const upstream = net.connect(Number(target.url.port || 443), target.addresses[0]);
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      upstream.on('connect', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        count(upstream, () => {
          upstream.destroy();
          client.destroy();
        });
        upstream.pipe(client);
        client.pipe(upstream);
      });
    })();
  });
  // Plain ws:// through an HTTP proxy arrives as an upgrade; refused (browsers tunnel it with CONNECT).
  server.on('upgrade', (_req, socket: net.Socket) => {
    blocked += 1;
    socket.destroy();
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    blocked: () => blocked,
    overSize: () => overSize,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
