import type { DocumentFormat, DocumentKind, Locale } from '@mimamoru/core';
import type {
  CaseDocumentList,
  DocumentOverrides,
  DocumentPreview,
  GeneratedDocuments,
  PlatformRoutes,
} from '@mimamoru/contracts';
import { ApiRequestError, request } from '../lib/api.js';

/** Where a person's documents live: a case seen by staff, or the victim's own case (their session). */
export type DocumentsScope =
  | { readonly audience: 'staff'; readonly caseId: string; readonly csrf: string }
  | { readonly audience: 'victim'; readonly csrf: string };

export interface DocumentRequestBody {
  readonly kind: DocumentKind;
  readonly itemIds: readonly string[];
  readonly overrides?: DocumentOverrides;
}

const base = (scope: DocumentsScope) =>
  scope.audience === 'staff' ? `/api/cases/${encodeURIComponent(scope.caseId)}/documents` : '/api/victim/documents';

const postJson = (scope: DocumentsScope, body: object) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'x-csrf-token': scope.csrf },
  body: JSON.stringify(body),
});

/** POST …/documents/preview: the input as filled from the case (plus overrides), its errors and warnings. */
export function previewDocument(scope: DocumentsScope, body: DocumentRequestBody, locale: Locale): Promise<DocumentPreview> {
  return request(`${base(scope)}/preview`, locale, postJson(scope, body));
}

/**
 * POST …/documents/preview?format=pdf: the preview PDF's bytes (not stored), the full or the redacted copy. A 422 carries the missing fields;
 * the caller shows its own live list, so only the status matters here.
 */
export async function previewPdf(
  scope: DocumentsScope,
  body: DocumentRequestBody,
  locale: Locale,
  copy: 'full' | 'redacted' = 'full',
): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${base(scope)}/preview?format=pdf&copy=${copy}`, {
      ...postJson(scope, body),
      headers: { ...postJson(scope, body).headers, Accept: 'application/pdf', 'Accept-Language': locale },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiRequestError(0, 'network');
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.includes('application/pdf')) {
    const json = type.includes('application/json') ? ((await response.json().catch(() => undefined)) as unknown) : undefined;
    const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new ApiRequestError(
      response.ok ? 502 : response.status,
      `http-${response.status}`,
      typeof error?.code === 'string' && typeof error.message === 'string'
        ? { code: error.code, message: error.message }
        : undefined,
    );
  }
  return response.blob();
}

/** POST …/documents: renders, stores and records in the chain (the disclosure request: full + redacted copy). */
export function generateDocument(
  scope: DocumentsScope,
  body: DocumentRequestBody & { readonly format: DocumentFormat },
  locale: Locale,
): Promise<GeneratedDocuments> {
  return request(base(scope), locale, postJson(scope, body));
}

/** GET …/documents: the documents stored in the case, newest first as the server lists them. */
export function listDocuments(scope: DocumentsScope, locale: Locale, signal?: AbortSignal): Promise<CaseDocumentList> {
  return request(base(scope), locale, {}, signal);
}

/** The download URL of a stored document (a plain link: the session cookie authorises it; the server audits it). */
export function documentFileUrl(scope: DocumentsScope, docId: string): string {
  return `${base(scope)}/${encodeURIComponent(docId)}/file`;
}

/** GET /api/victim/documents/routes?platform=: the platform's own 情プラ法 route first, then the others. */
export function fetchPlatformRoutes(platform: string, locale: Locale, signal?: AbortSignal): Promise<PlatformRoutes> {
  return request(`/api/victim/documents/routes?platform=${encodeURIComponent(platform)}`, locale, {}, signal);
}
