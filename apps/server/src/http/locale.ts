import { isLocale, negotiateLocale, type Locale } from '@mimamoru/core';
import type { FastifyRequest } from 'fastify';

/** `?locale=ja|en`, then `?lang=ja|en`, then Accept-Language; Japanese by default. */
export function requestLocale(request: FastifyRequest): Locale {
  const query = (request.query ?? {}) as Record<string, unknown>;
  for (const key of ['locale', 'lang']) {
    const value = query[key];
    if (typeof value === 'string' && isLocale(value.trim().toLowerCase()))
      return value.trim().toLowerCase() as Locale;
  }
  return negotiateLocale(request.headers['accept-language']);
}
