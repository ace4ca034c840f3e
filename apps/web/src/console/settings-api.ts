import type { ReplyTemplate, ReplyTemplateInput, SavedView, SavedViewCreate } from '@mimamoru/contracts';
import type { Locale } from '@mimamoru/core';
import { request } from '../lib/api.js';

export type { ReplyTemplate, ReplyTemplateInput, SavedView };

const json = (body: unknown, csrf: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrf },
  body: JSON.stringify(body),
});

/** GET /api/staff/templates: active templates (of one language), or every one with `archived`. */
export function fetchTemplates(
  filter: { readonly locale?: Locale; readonly archived?: boolean },
  locale: Locale,
  signal?: AbortSignal,
): Promise<{ templates: ReplyTemplate[] }> {
  const params = new URLSearchParams();
  if (filter.locale) params.set('locale', filter.locale);
  if (filter.archived) params.set('archived', 'include');
  const query = params.toString();
  return request(`/api/staff/templates${query ? `?${query}` : ''}`, locale, {}, signal);
}

export function createTemplate(
  body: ReplyTemplateInput,
  csrf: string,
  locale: Locale,
): Promise<ReplyTemplate> {
  return request('/api/staff/templates', locale, json(body, csrf));
}

export function updateTemplate(
  id: string,
  body: ReplyTemplateInput & { readonly version: number },
  csrf: string,
  locale: Locale,
): Promise<ReplyTemplate> {
  return request(`/api/staff/templates/${encodeURIComponent(id)}`, locale, json(body, csrf));
}

export function archiveTemplate(
  id: string,
  version: number,
  csrf: string,
  locale: Locale,
): Promise<ReplyTemplate> {
  return request(`/api/staff/templates/${encodeURIComponent(id)}/archive`, locale, json({ version }, csrf));
}

/** GET /api/staff/views: the caller's views, then the ones others shared. */
export function fetchViews(locale: Locale, signal?: AbortSignal): Promise<{ views: SavedView[] }> {
  return request('/api/staff/views', locale, {}, signal);
}

export function createView(body: SavedViewCreate, csrf: string, locale: Locale): Promise<SavedView> {
  return request('/api/staff/views', locale, json(body, csrf));
}

export function deleteView(id: string, csrf: string, locale: Locale): Promise<void> {
  return request(`/api/staff/views/${encodeURIComponent(id)}/delete`, locale, json({}, csrf));
}
