import { ATTACHMENT_LIMITS } from '@mimamoru/core';
import type { FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.js';
import { createPayloadTooLargeError } from '../../http/http.errors.js';
import type { UploadedFile } from './attachments.service.js';
import {
  createFileTooLargeError,
  createMalformedUploadError,
  createTooManyFilesError,
} from './intake.errors.js';

/** The consultation JSON in a multipart body; generous for 20 000 characters of Japanese and 100 URLs. */
export const MAX_JSON_FIELD_BYTES = 512 * 1024;

/** Limits enforced while the multipart body streams in (busboy), before anything is buffered in full. */
export const MULTIPART_OPTIONS: FastifyMultipartOptions = {
  limits: {
    fileSize: ATTACHMENT_LIMITS.maxBytesPerFile,
    files: ATTACHMENT_LIMITS.maxFiles,
    fields: 4,
    fieldSize: MAX_JSON_FIELD_BYTES,
    parts: ATTACHMENT_LIMITS.maxFiles + 4,
    headerPairs: 50,
  },
  throwFileSizeLimit: true,
};

export interface Upload {
  readonly fields: ReadonlyMap<string, string>;
  readonly files: readonly UploadedFile[];
}

function mapMultipartError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return createFileTooLargeError();
    case 'FST_FILES_LIMIT':
      return createTooManyFilesError();
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return createMalformedUploadError();
  }
  return createMalformedUploadError({}, { cause: error });
}

/**
 * Reads a multipart body: the named text fields (each at most once) and every file part.
 * An empty file input (no file chosen) is skipped. Anything unexpected is a coded 4xx error.
 */
export async function readUpload(request: FastifyRequest, allowedFields: readonly string[]): Promise<Upload> {
  const fields = new Map<string, string>();
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (bytes.length === 0 && part.filename === '') continue;
        files.push({ filename: part.filename, declaredType: part.mimetype, bytes });
        continue;
      }
      if (!allowedFields.includes(part.fieldname) || fields.has(part.fieldname)) {
        throw createMalformedUploadError();
      }
      if (part.valueTruncated) {
        throw createPayloadTooLargeError({ limit: `${MAX_JSON_FIELD_BYTES / 1024} KiB` });
      }
      fields.set(part.fieldname, typeof part.value === 'string' ? part.value : String(part.value));
    }
  } catch (error) {
    throw mapMultipartError(error);
  }
  return { fields, files };
}
