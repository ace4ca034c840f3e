import type { Locale, TriageAnswers, TriageResult, WindowView } from '@mimamoru/core';
import type { ACCESS_KEY_HEADER, SaveTriageResponseSchema } from '@mimamoru/contracts';
import type { z } from 'zod';

export type SaveTriageResponse = z.infer<typeof SaveTriageResponseSchema>;

// Typed against the contract but not imported at run time: that would bring zod into the bundle.
const ACCESS_KEY: typeof ACCESS_KEY_HEADER = 'x-access-key';

/** GET /api/triage/saved/:id: the stored answers and the result recomputed by the server for today. */
export interface SavedTriage {
  readonly id: string;
  readonly createdAt: string;
  readonly answers: TriageAnswers;
  readonly result: TriageResult;
}

/** One field problem from a 400 answer: `path` is the dotted field path ("contact.email", "postUrls.2"). */
export interface ApiFieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** What the server says in `{ error: { code, message, issues? } }` (the message is already localized). */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly ApiFieldIssue[];
  /** Structured data some errors carry (e.g. conflict hits); typed by the caller that expects it. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** An HTTP answer other than 2xx, or a network failure (status 0). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: ApiErrorBody,
    /** Seconds from a Retry-After header (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function readErrorBody(json: unknown): ApiErrorBody | undefined {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const error = (json as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, issues, details } = error as {
    code?: unknown;
    message?: unknown;
    issues?: unknown;
    details?: unknown;
  };
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  const list = Array.isArray(issues)
    ? issues.filter(
        (i): i is ApiFieldIssue =>
          typeof i === 'object' &&
          i !== null &&
          typeof (i as ApiFieldIssue).path === 'string' &&
          typeof (i as ApiFieldIssue).message === 'string',
      )
    : undefined;
  const extra =
    typeof details === 'object' && details !== null && !Array.isArray(details)
      ? { details: details as Record<string, unknown> }
      : {};
  return { code, message, ...(list ? { issues: list } : {}), ...extra };
}

export async function request<T>(
  path: string,
  locale: Locale,
  init: RequestInit = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      signal,
      headers: { Accept: 'application/json', 'Accept-Language': locale, ...(init.headers ?? {}) },
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.includes('application/json')) {
    let body: ApiErrorBody | undefined;
    if (!response.ok && type.includes('application/json')) {
      body = readErrorBody(await response.json().catch(() => undefined));
    }
    const retryAfter = Number(response.headers.get('retry-after') ?? '');
    throw new ApiRequestError(
      response.ok ? 502 : response.status,
      `http-${response.status}`,
      body,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return (await response.json()) as T;
}

/** GET /api/windows: the directory in one locale. */
export function fetchWindows(locale: Locale, signal?: AbortSignal): Promise<{ windows: WindowView[] }> {
  return request(`/api/windows?lang=${locale}`, locale, {}, signal);
}

/** GET /api/windows/:id. */
export function fetchWindow(
  id: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<{ window: WindowView }> {
  return request(`/api/windows/${encodeURIComponent(id)}?lang=${locale}`, locale, {}, signal);
}

/** POST /api/triage/saved: stores the answers (encrypted by the server) and returns id + key once. */
export function saveTriage(answers: TriageAnswers, locale: Locale): Promise<SaveTriageResponse> {
  return request('/api/triage/saved', locale, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers }),
  });
}

/**
 * GET /api/triage/saved/:id with the access key in a header (never in a URL the person can see).
 * A wrong id, a wrong key and an expired save all answer 404.
 */
export function fetchSavedTriage(
  id: string,
  key: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<SavedTriage> {
  return request(
    `/api/triage/saved/${encodeURIComponent(id)}?lang=${locale}`,
    locale,
    { headers: { [ACCESS_KEY]: key } },
    signal,
  );
}

/** DELETE /api/triage/saved/:id: erases the saved answers for good (204). */
export function eraseSavedTriage(id: string, key: string, locale: Locale): Promise<void> {
  return request(`/api/triage/saved/${encodeURIComponent(id)}`, locale, {
    method: 'DELETE',
    headers: { [ACCESS_KEY]: key },
  });
}
