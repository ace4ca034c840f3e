import { ATTACHMENT_LIMITS } from '@mimamoru/core';
import { createUnsupportedFileError } from './intake.errors.js';

export type AttachmentContentType = (typeof ATTACHMENT_LIMITS.types)[number];

/** A file as it arrived in a multipart body, before any check. */
export interface UploadedFile {
  readonly filename: string;
  /** What the client declared (from the file name, usually); never trusted on its own. */
  readonly declaredType: string;
  readonly bytes: Buffer;
}

/** A file that passed the checks: its type comes from its bytes. */
export interface CheckedFile {
  readonly filename: string;
  readonly contentType: AttachmentContentType;
  readonly bytes: Buffer;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The accepted type a file's leading bytes (magic numbers) show, or null for anything else. */
export function detectContentType(bytes: Uint8Array): AttachmentContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f\u007f"]/g;
  const cleaned = base.normalize('NFC').replace(unsafe, '').trim();
  return [...cleaned].slice(0, 200).join('') || 'attachment';
}

/**
 * Checks each file's type by its bytes; a type the client declared that contradicts them is refused too
 * (a `.png` that is really a PDF says something went wrong).
 */
export function checkFiles(files: readonly UploadedFile[]): CheckedFile[] {
  return files.map((file) => {
    const contentType = detectContentType(file.bytes);
    if (contentType === null) throw createUnsupportedFileError();
    const declared = file.declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
    const declaredAccepted = (ATTACHMENT_LIMITS.types as readonly string[]).includes(declared);
    if (declaredAccepted && declared !== contentType) throw createUnsupportedFileError();
    return { filename: cleanFilename(file.filename), contentType, bytes: file.bytes };
  });
}
