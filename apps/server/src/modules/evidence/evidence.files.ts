import type { EvidenceFileRole } from '@mimamoru/core';
import { checkFiles, cleanFilename, type UploadedFile } from '../intake/attachments.service.js';
import { createEvidenceTooManyFilesError, createEvidenceUnsupportedFileError } from './evidence.errors.js';

/** Files one evidence item may hold (the multipart limits of intake.uploads.ts apply per request). */
export const MAX_FILES_PER_ITEM = 10;

export interface CheckedEvidenceFile {
  readonly name: string;
  readonly contentType: string;
  readonly role: EvidenceFileRole;
  readonly bytes: Buffer;
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const at = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** Videos by their leading bytes: ISO BMFF (`ftyp` box: MP4, MOV) and Matroska/WebM. */
function detectVideo(bytes: Uint8Array): string | null {
  if (at(bytes, ascii('ftyp'), 4)) return at(bytes, ascii('qt  '), 8) ? 'video/quicktime' : 'video/mp4';
  if (at(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  return null;
}

/**
 * Checks evidence uploads by their bytes: the intake's images and PDF (attachments.service.ts checkFiles,
 * which also refuses a declared type that contradicts the bytes), plus video. The bytes are kept exactly
 * as received: no re-encoding, no EXIF stripping.
 */
export function checkEvidenceFiles(files: readonly UploadedFile[]): CheckedEvidenceFile[] {
  if (files.length > MAX_FILES_PER_ITEM) throw createEvidenceTooManyFilesError();
  return files.map((file) => {
    const video = detectVideo(file.bytes);
    if (video) return { name: cleanFilename(file.filename), contentType: video, role: 'video', bytes: file.bytes };
    let checked;
    try {
      [checked] = checkFiles([file]);
    } catch {
      throw createEvidenceUnsupportedFileError();
    }
    if (!checked) throw createEvidenceUnsupportedFileError();
    const role: EvidenceFileRole = checked.contentType === 'application/pdf' ? 'pdf' : 'screenshot';
    return { name: checked.filename, contentType: checked.contentType, role, bytes: checked.bytes };
  });
}
