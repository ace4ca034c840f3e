import { ApiErrorSchema } from '@mimamoru/contracts';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { WindowsService } from '../src/modules/windows/windows.service.js';
import { databases, useTestApp } from './harness.js';

describe.each(databases)('HTTP basics on %s', (kind) => {
  const ctx = useTestApp(kind);

  it('answers /healthz while the process is alive', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('reports ready on /readyz once the database is reachable and migrated', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('gives every answer a fresh request id in x-request-id, also inside error bodies', async () => {
    const a = await ctx().app.inject({ method: 'GET', url: '/healthz' });
    const b = await ctx().app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'spoofed' },
    });
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).not.toBe('spoofed');
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
    expect(ApiErrorSchema.parse(b.json()).error.requestId).toBe(b.headers['x-request-id']);
  });

  it('sends security headers on API answers, errors and pages', async () => {
    for (const url of ['/healthz', '/api/nope', '/']) {
      const res = await ctx().app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toContain('camera=()');
    }
  });

  it('sends HSTS only over TLS, never on plain http (local npm start must stay reachable)', async () => {
    const plain = await ctx().app.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('never lets API answers be cached', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/windows' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers unknown API routes with a localized JSON 404', async () => {
    const ja = await ctx().app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(ja.statusCode).toBe(404);
    const body = ApiErrorSchema.parse(ja.json());
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('/api/does-not-exist');
    expect(body.error.message).toMatch(/ありません/);

    const en = await ctx().app.inject({
      method: 'POST',
      url: '/api/does-not-exist',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.statusCode).toBe(404);
    expect(en.json().error.message).toMatch(/There is no API at POST/);
  });

  it('answers malformed JSON with a localized 400', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage',
      headers: { 'content-type': 'application/json', 'accept-language': 'ja' },
      payload: '{"facts": [',
    });
    expect(res.statusCode).toBe(400);
    const body = ApiErrorSchema.parse(res.json());
    expect(body.error.code).toBe('malformed_json');
    expect(body.error.message).toMatch(/JSON/);
    expect(body.error.message).toMatch(/ではありません/);

    const en = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage?lang=en',
      headers: { 'content-type': 'application/json' },
      payload: '{oops}',
    });
    expect(en.json().error.message).toBe(
      'The request body is not valid JSON. Check brackets, quotes and commas.',
    );
  });

  it('refuses bodies over 64 KiB', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ padding: 'x'.repeat(70 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('shows a "run npm run build" page at / when the web build is missing', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('npm run build');
  });
});

describe.each(databases)('readiness before migrations on %s', (kind) => {
  const ctx = useTestApp(kind, { migrate: false });

  it('answers 503 on /readyz while migrations are pending, but stays alive', async () => {
    const ready = await ctx().app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', reason: 'migrations_pending' });
    const alive = await ctx().app.inject({ method: 'GET', url: '/healthz' });
    expect(alive.statusCode).toBe(200);
  });
});

describe('unexpected failures', () => {
  const ctx = useTestApp('sqlite');

  it('answer 500 with a request id and no internal detail, and are logged', async () => {
    const { config, container } = ctx();
    const logs: string[] = [];
    const failing: WindowsService = {
      listWindows: () => {
        throw new Error('secret internal detail');
      },
      getWindowById: () => {
        throw new Error('secret internal detail');
      },
    };
    const app = await buildApp({
      config,
      services: { ...container.services, windows: failing },
      logStream: { write: (l: string) => logs.push(l) },
    });
    try {
      const res = await app.inject({
        method: 'GET',
        url: '/api/windows',
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(500);
      const { error } = ApiErrorSchema.parse(res.json());
      expect(error).toEqual({
        code: 'internal_error',
        message: 'Something went wrong on the server. Please try again later.',
        requestId: res.headers['x-request-id'],
      });
      expect(res.body).not.toContain('secret');
      expect(logs.join('')).toContain('secret internal detail');
    } finally {
      await app.close();
    }
  });
});

describe('web app serving', () => {
  const ctx = useTestApp('sqlite', {
    webFiles: {
      'index.html': '<!doctype html><title>mimamoru-spa</title>',
      'assets/app-abc123.js': 'console.log("app")',
    },
  });

  it('serves index.html at /', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('mimamoru-spa');
  });

  it('serves built assets with long-lived caching', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('console.log');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('falls back to index.html for client-side routes', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/triage/result?step=2' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('mimamoru-spa');
  });

  it('still answers unknown API routes with JSON, not the page', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/unknown' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('behind a TLS-terminating proxy trusted with TRUST_PROXY', () => {
  const ctx = useTestApp('sqlite', { env: { TRUST_PROXY: 'true' } });

  it('sends HSTS when the proxy says the request came over https', async () => {
    const res = await ctx().app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
