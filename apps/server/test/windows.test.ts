import { WINDOWS } from '@mimamoru/core';
import { ApiErrorSchema, WindowListSchema, WindowResponseSchema } from '@mimamoru/contracts';
import { describe, expect, it } from 'vitest';
import { databases, useTestApp } from './harness.js';

describe.each(databases)('consultation windows API on %s', (kind) => {
  const ctx = useTestApp(kind, { clock: () => new Date('2026-12-02T01:00:00Z') });

  it('lists every window, localized, matching the contract', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/windows' });
    expect(res.statusCode).toBe(200);
    const { windows } = WindowListSchema.parse(res.json());
    expect(windows.map((w) => w.id)).toEqual(WINDOWS.map((w) => w.id));
    expect(windows.length).toBeGreaterThan(0);
  });

  it('filters by service, channel, served language and open-now', async () => {
    const phone = WindowListSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/windows?channel=phone' })).json(),
    );
    expect(phone.windows.every((w) => w.channels.some((c) => c.type === 'phone'))).toBe(true);

    const legal = WindowListSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/windows?service=legal-representation' })).json(),
    );
    expect(legal.windows.every((w) => w.services.includes('legal-representation'))).toBe(true);

    const english = WindowListSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/windows?language=vi&lang=en' })).json(),
    );
    expect(english.windows.length).toBeGreaterThan(0);
    expect(english.windows.every((w) => w.languages.includes('vi'))).toBe(true);
    expect(english.windows.find((w) => w.id === 'gaikokugo-jinken')?.name).toMatch(/[A-Za-z]/);

    const open = WindowListSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/windows?openNow=true' })).json(),
    );
    expect(open.windows.every((w) => w.openNow === true)).toBe(true);
  });

  it('refuses unknown filters and values with a field message', async () => {
    const res = await ctx().app.inject({
      method: 'GET',
      url: '/api/windows?channel=fax&servce=advice',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    const paths = (ApiErrorSchema.parse(res.json()).error.issues ?? []).map((i) => i.path).sort();
    expect(paths).toEqual(['channel', 'servce']);
  });

  it('returns one window by id, in the requested locale', async () => {
    const ja = await ctx().app.inject({ method: 'GET', url: '/api/windows/houterasu' });
    expect(ja.statusCode).toBe(200);
    const en = await ctx().app.inject({
      method: 'GET',
      url: '/api/windows/houterasu',
      headers: { 'accept-language': 'en' },
    });
    const jaWindow = WindowResponseSchema.parse(ja.json()).window;
    const enWindow = WindowResponseSchema.parse(en.json()).window;
    expect(jaWindow.id).toBe('houterasu');
    expect(enWindow.name).not.toBe(jaWindow.name);
  });

  it('answers an unknown id with a localized 404 naming it', async () => {
    const ja = await ctx().app.inject({ method: 'GET', url: '/api/windows/no-such-window' });
    expect(ja.statusCode).toBe(404);
    const { error } = ApiErrorSchema.parse(ja.json());
    expect(error.code).toBe('windows.not_found');
    expect(error.message).toContain('「no-such-window」');
    const en = await ctx().app.inject({ method: 'GET', url: '/api/windows/no-such-window?locale=en' });
    expect(en.json().error.message).toBe(
      'There is no consultation window "no-such-window". See GET /api/windows for the list.',
    );
  });
});
