import type { Locale } from '@mimamoru/core';

type Template = Readonly<Record<Locale, string>>;

/**
 * An expected failure with a stable code, an HTTP status and a message in every locale.
 * Mapped to an HTTP answer in one place (http/errors.plugin.ts).
 */
export class AppError extends Error {
  /** Structured, non-localized data the client may need (sent as `error.details`), e.g. conflict hits. */
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    readonly statusCode: number,
    private readonly texts: Template,
    options?: { cause?: unknown; details?: Readonly<Record<string, unknown>> },
  ) {
    super(texts.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    if (options?.details) this.details = options.details;
  }

  localize(locale: Locale): string {
    return this.texts[locale];
  }
}

function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}

/** Declares an error kind once; `{name}` placeholders in the message are filled from params. */
export function createErrorFactory<P extends Record<string, string> = Record<never, string>>(definition: {
  code: string;
  statusCode: number;
  message: Template;
}) {
  const factory = (
    params?: P,
    options?: { cause?: unknown; details?: Readonly<Record<string, unknown>> },
  ): AppError => {
    const values: Readonly<Record<string, string>> = params ?? {};
    return new AppError(
      definition.code,
      definition.statusCode,
      { ja: fill(definition.message.ja, values), en: fill(definition.message.en, values) },
      options,
    );
  };
  return Object.assign(factory, { code: definition.code });
}

/** One field problem, already localized. */
export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** Input did not match its contract; carries the raw issues so each can be localized per request. */
export class ValidationError extends Error {
  constructor(
    readonly issues: readonly RawIssue[],
    readonly input: unknown,
  ) {
    super(`Validation failed: ${issues.length} issue(s)`);
    this.name = 'ValidationError';
  }
}

/** The parts of a zod 4 issue the message catalog reads (structural, so no zod import is needed). */
export interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: unknown;
  readonly format?: unknown;
  readonly inclusive?: boolean;
}

interface SafeParser<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

/** Parses input with a contract schema or throws a {@link ValidationError}. */
export function parseInput<T>(schema: SafeParser<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues as readonly RawIssue[], input);
}
