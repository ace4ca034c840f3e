import type { FastifyInstance } from 'fastify';

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  // The document preview (#7): a PDF the page fetched, shown in an <iframe> from a blob: URL.
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Security headers on every answer. API answers are never cached: they can describe what
 * happened to a person, and shared computers are common.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    // HSTS only over TLS (directly, or X-Forwarded-Proto from a proxy trusted with TRUST_PROXY): over plain
    // HTTP browsers ignore it, and a local `npm start` must stay reachable on http://localhost.
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    if (request.url.startsWith('/api/') || request.url === '/api') reply.header('cache-control', 'no-store');
    return payload;
  });
}
