import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../triage/answers.js';
import { DESIGNATED_PLATFORMS } from '../triage/steps.js';
import { designatedProvider, platformRoutes } from './platform-routes.js';

describe('platform routes (DOMAIN.md §8)', () => {
  it.each(PLATFORMS)('%s: own 情プラ法 route first, general routes last, every route sourced', (platform) => {
    const { designated, provider, routes } = platformRoutes(platform);
    expect(designated).toBe(DESIGNATED_PLATFORMS.has(platform));
    expect(provider !== null).toBe(designated);
    const firstOther = routes.findIndex((r) => r.kind !== 'jpa-form');
    expect(routes.slice(firstOther).some((r) => r.kind === 'jpa-form')).toBe(false);
    expect(routes.slice(-3).map((r) => r.id)).toEqual(['teresa-takedown', 'moj', 'sia']);
    for (const route of routes) {
      expect(route.sources.length, route.id).toBeGreaterThan(0);
      for (const source of route.sources) expect(source).toMatch(/^https?:\/\//);
      // What DOMAIN.md marks UNVERIFIED never carries an address that could send someone to the wrong form.
      if (!route.verified) expect(route.url, route.id).toBeUndefined();
      expect(route.title.ja && route.title.en && route.detail.ja && route.detail.en).toBeTruthy();
    }
  });

  it('sends X requests to its Japan form, and names the designated providers', () => {
    expect(platformRoutes('x').routes[0]).toMatchObject({ kind: 'jpa-form', url: 'https://help.x.com/ja/forms/japan-report' });
    expect(designatedProvider('instagram')).toEqual({ name: 'Meta Platforms, Inc.', designatedOn: '2025-04-30' });
    expect(designatedProvider('ameba')?.designatedOn).toBe('2025-05-30');
    expect(designatedProvider('google-maps')).toBeNull();
    expect(platformRoutes('5ch').routes[0]).toMatchObject({ kind: 'email', email: 'meiyokison@5ch.net' });
  });
});
