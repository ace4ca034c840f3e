import type { Locale } from '@mimamoru/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError, type FieldIssue } from '../errors/app-error.js';
import {
  createBadRequestError,
  createEmptyBodyError,
  createInternalError,
  createMalformedJsonError,
  createPayloadTooLargeError,
  createRouteNotFoundError,
  createUnsupportedMediaTypeError,
  VALIDATION_FAILED,
} from './http.errors.js';
import { requestLocale } from './locale.js';
import { localizeIssues } from '../errors/validation-messages.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    issues?: FieldIssue[];
    details?: Readonly<Record<string, unknown>>;
  };
}

function body(request: FastifyRequest, code: string, message: string, issues?: FieldIssue[]): ErrorBody {
  return { error: { code, message, requestId: request.id, ...(issues ? { issues } : {}) } };
}

function sendAppError(request: FastifyRequest, reply: FastifyReply, error: AppError, locale: Locale) {
  // Rate-limit errors (429) say when to come back.
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  const sent = body(request, error.code, error.localize(locale));
  if (error.details) sent.error.details = error.details;
  return reply.status(error.statusCode).send(sent);
}

/** Maps framework errors (body parsing, limits) to our coded errors; null for anything else. */
function fromFramework(error: FastifyError, bodyLimit: number): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return createMalformedJsonError();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return createEmptyBodyError();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return createPayloadTooLargeError({ limit: `${Math.round(bodyLimit / 1024)} KiB` });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return createUnsupportedMediaTypeError();
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return createMalformedJsonError();
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return createBadRequestError();
  }
  return null;
}

export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;

/**
 * The one place where errors become HTTP answers: coded, localized (ja default, en), with the
 * request id, and without internals for unexpected failures.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  options: { bodyLimit: number; pageFallback: NotFoundFallback | null },
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof ValidationError) {
      const issues = localizeIssues(error.issues, error.input, locale);
      return reply
        .status(400)
        .send(
          body(request, VALIDATION_FAILED.code, VALIDATION_FAILED.message[locale](issues.length), issues),
        );
    }
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      return sendAppError(request, reply, error, locale);
    }
    // Some routes raise the limit (e.g. the consultation form); name the one that applied.
    const mapped = fromFramework(error, request.routeOptions.bodyLimit ?? options.bodyLimit);
    if (mapped) {
      request.log.info({ code: mapped.code }, 'request rejected');
      return sendAppError(request, reply, mapped, locale);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendAppError(request, reply, createInternalError(), locale);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/');
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (!isApi && isPage && options.pageFallback) return options.pageFallback(request, reply);
    const error = createRouteNotFoundError({ method: request.method, path: path.slice(0, 200) });
    return sendAppError(request, reply, error, requestLocale(request));
  });
}
