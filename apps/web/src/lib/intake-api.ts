import type { Locale } from '@mimamoru/core';
import type {
  AccessKeyResetDoneSchema,
  AccessKeyRotatedSchema,
  AttachmentSchema,
  ConsultationCreatedSchema,
  ConsultationRequest,
  CSRF_HEADER,
  MessageSchema,
  VictimCaseSchema,
  VictimErased,
  VictimSessionSchema,
} from '@mimamoru/contracts';
import type { z } from 'zod';
import { request } from './api.js';

// Types come from the contracts; the schemas themselves stay out of the bundle (no zod at run time).
export type ConsultationCreated = z.infer<typeof ConsultationCreatedSchema>;
export type VictimSession = z.infer<typeof VictimSessionSchema>;
export type VictimCase = z.infer<typeof VictimCaseSchema>;
export type CaseMessage = z.infer<typeof MessageSchema>;
export type CaseAttachment = z.infer<typeof AttachmentSchema>;
export type AccessKeyResetDone = z.infer<typeof AccessKeyResetDoneSchema>;
export type { ConsultationRequest };

const CSRF: typeof CSRF_HEADER = 'x-csrf-token';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** POST /api/consultations: JSON, or multipart (`consultation` + `files`) when files are attached. */
export function submitConsultation(
  consultation: ConsultationRequest,
  files: readonly File[],
  locale: Locale,
): Promise<ConsultationCreated> {
  if (files.length === 0) return request('/api/consultations', locale, json(consultation));
  const form = new FormData();
  form.append('consultation', JSON.stringify(consultation));
  for (const file of files) form.append('files', file, file.name);
  return request('/api/consultations', locale, { method: 'POST', body: form });
}

/** POST /api/victim/session: sets the HttpOnly session cookie; the CSRF token is kept in memory by the caller. */
export function openVictimSession(
  caseNumber: string,
  accessKey: string,
  locale: Locale,
): Promise<VictimSession> {
  return request('/api/victim/session', locale, json({ caseNumber, accessKey }));
}

export function fetchVictimCase(locale: Locale, signal?: AbortSignal): Promise<VictimCase> {
  return request('/api/victim/case', locale, {}, signal);
}

const write = (csrfToken: string, init: RequestInit): RequestInit => ({
  ...init,
  method: 'POST',
  headers: { ...(init.headers as Record<string, string> | undefined), [CSRF]: csrfToken },
});

export function sendVictimMessage(
  body: string,
  csrfToken: string,
  locale: Locale,
): Promise<{ message: CaseMessage }> {
  return request('/api/victim/messages', locale, write(csrfToken, json({ body })));
}

export function addVictimAttachments(
  files: readonly File[],
  csrfToken: string,
  locale: Locale,
): Promise<{ attachments: CaseAttachment[] }> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return request('/api/victim/attachments', locale, write(csrfToken, { body: form }));
}

/** Where an attachment downloads from (the session cookie authorizes the GET). */
export function attachmentHref(id: string): string {
  return `/api/victim/attachments/${encodeURIComponent(id)}`;
}

export function withdrawCase(csrfToken: string, locale: Locale): Promise<{ caseNumber: string }> {
  return request('/api/victim/withdraw', locale, write(csrfToken, json({ confirm: true })));
}

/** The victim asks that the (finished) case's data be erased: done at once, the session ends. */
export function requestErasure(csrfToken: string, locale: Locale): Promise<VictimErased> {
  return request('/api/victim/erasure', locale, write(csrfToken, json({ confirm: true })));
}

export function rotateAccessKey(csrfToken: string, locale: Locale): Promise<{ accessKey: string }> {
  return request<z.infer<typeof AccessKeyRotatedSchema>>(
    '/api/victim/access-key/rotate',
    locale,
    write(csrfToken, json({})),
  );
}

export function logoutVictim(csrfToken: string, locale: Locale): Promise<void> {
  return request('/api/victim/logout', locale, write(csrfToken, json({})));
}

/** Always answers 202, whether or not the case and the email match. */
export function requestKeyReset(caseNumber: string, email: string, locale: Locale): Promise<unknown> {
  return request('/api/victim/reset/request', locale, json({ caseNumber, email, locale }));
}

export function confirmKeyReset(token: string, locale: Locale): Promise<AccessKeyResetDone> {
  return request('/api/victim/reset/confirm', locale, json({ token }));
}
