import type { Logger } from 'pino';
import type { z } from 'zod';

export type JobLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface JobContext {
  readonly jobId: string;
  /** 1 for the first run. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly logger: JobLogger;
}

/** A job type: its name, the shape of its payload and what runs it. Handlers must be idempotent. */
export interface JobDefinition<P = unknown> {
  readonly type: string;
  readonly payload: z.ZodType<P>;
  /** Runs before the job is marked failed (default {@link DEFAULT_MAX_ATTEMPTS}), used at enqueue. */
  readonly maxAttempts?: number;
  /** Throws to fail this attempt (retried with backoff) or a {@link PermanentJobError} to stop. */
  // Method syntax: a JobDefinition<MailRequest> is usable where a JobDefinition<unknown> is listed.
  handler(payload: P, context: JobContext): Promise<void>;
}

export const DEFAULT_MAX_ATTEMPTS = 10;

/** Declares a job type. Handler dependencies are closed over by the factory that calls this. */
export function defineJob<S extends z.ZodType>(definition: {
  type: string;
  payload: S;
  maxAttempts?: number;
  handler: (payload: z.output<S>, context: JobContext) => Promise<void>;
}): JobDefinition<z.output<S>> {
  return definition as JobDefinition<z.output<S>>;
}

/** A failure that retrying cannot fix (e.g. the payload no longer parses, a recipient is rejected). */
export class PermanentJobError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
