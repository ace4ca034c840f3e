import { ATTACHMENT_LIMITS } from '@mimamoru/core';

export type AttachmentType = (typeof ATTACHMENT_LIMITS.types)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  signature.every((byte, i) => bytes[offset + i] === byte);

/** The type a file's first bytes show (as the server checks it), or null for anything else. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export type FileProblem = 'too-large' | 'unsupported' | 'empty' | 'too-many';

/** Checks one file the way the server will: by size and by its first bytes, never by its name. */
export async function checkFile(file: File): Promise<FileProblem | null> {
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_LIMITS.maxBytesPerFile) return 'too-large';
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return sniffType(head) ? null : 'unsupported';
}

/** "1.2 MB", "350 KB": sizes as people read them. */
export function formatBytes(size: number, intlLocale: string): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (size >= 1024 * 1024) return format(size / (1024 * 1024), 'MB');
  if (size >= 1024) return format(size / 1024, 'KB');
  return format(size, 'B');
}
