import type { Platform } from '../triage/answers.js';

/** What a file in an evidence item is. Originals and derivatives are told apart by role. */
export const EVIDENCE_FILE_ROLES = [
  'screenshot',
  'image',
  'video',
  'pdf',
  'html',
  'mhtml',
  'screenshot-annotated',
  'http-headers',
  'tls-chain',
  'provenance',
  'document',
] as const;
export type EvidenceFileRole = (typeof EVIDENCE_FILE_ROLES)[number];

/** Who captured an item: the victim on their own device, a consultant, or the server's headless browser. */
export const CAPTURED_BY = ['victim', 'consultant', 'server'] as const;
export type CapturedBy = (typeof CAPTURED_BY)[number];

/** Rights a post can harm (DOMAIN.md §7 legal elements). */
export const EVIDENCE_RIGHTS = ['honor', 'sentiment', 'privacy', 'portrait', 'publicity', 'business', 'other'] as const;
export type EvidenceRight = (typeof EVIDENCE_RIGHTS)[number];

export interface EvidenceFile {
  /** Lower-case hex SHA-256 of the original bytes as received. */
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly name: string;
  readonly role: EvidenceFileRole;
}

export interface EvidencePostedAt {
  /** The post time exactly as the page showed it, e.g. "2026年3月1日 21:04". */
  readonly asShown: string;
  /** The same moment as an ISO instant, when it could be worked out. */
  readonly iso?: string;
  /** The zone the page displayed the time in (X discloses UTC). */
  readonly timeZone?: string;
}

export interface EvidenceLegal {
  readonly rights: readonly string[];
  /** Why readers can tell the post is about the victim (同定可能性). */
  readonly identifiability?: string;
  readonly context?: string;
}

/** One piece of evidence: a post and the files that show it. */
export interface EvidenceItem {
  readonly id: string;
  readonly platform: Platform;
  readonly postUrl: string;
  readonly accountId?: string;
  readonly displayName?: string;
  readonly postedAt?: EvidencePostedAt;
  /** ISO instant of capture. */
  readonly capturedAt: string;
  readonly capturedBy: CapturedBy;
  /** The post text as transcribed. */
  readonly text?: string;
  readonly legal?: EvidenceLegal;
  readonly files: readonly EvidenceFile[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True when the string is a lower-case hex SHA-256 digest. */
export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

/** The sorted SHA-256 digests of an item's files (what a chain entry commits to). */
export function itemFileHashes(item: EvidenceItem | undefined): string[] {
  return item ? [...new Set(item.files.map((f) => f.sha256))].sort() : [];
}
