/**
 * Status of a consultation case as the victim sees it. The staff console (#4) adds the transitions;
 * these ids are stored in the database and shown to victims, so they are stable.
 */
export const CASE_STATUSES = [
  /** Submitted; no consultant has answered yet (first-response SLA running). */
  'received',
  /** A consultant is working on it. */
  'in-progress',
  /** The consultant asked the victim something and waits for the answer. */
  'awaiting-victim',
  /** Finished (deletion, identification, settlement, referral …). */
  'closed',
  /** The victim withdrew the consultation; personal data has been erased. */
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CONTACT_CHANNELS = ['email', 'phone', 'in-app'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * How a consultation reached mimamoru: the web form, or staff opening it for someone who phoned,
 * wrote an e-mail or a letter, or came in person. Stored with each case; all meet in one queue.
 */
export const INTAKE_CHANNELS = ['web', 'phone', 'email', 'walk-in', 'letter'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
/** Channels staff record when they open a case themselves (the web form is the victim's own). */
export const STAFF_INTAKE_CHANNELS = [
  'phone',
  'email',
  'walk-in',
  'letter',
] as const satisfies readonly IntakeChannel[];

export const MESSAGE_AUTHORS = ['victim', 'consultant'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** Version of the privacy policy the intake form shows; the accepted version is stored with each case. */
export const PRIVACY_POLICY_VERSION = '2026-11-29';

/** Attachment limits, stated on the form and enforced by the server. */
export const ATTACHMENT_LIMITS = {
  maxFiles: 10,
  maxBytesPerFile: 10 * 1024 * 1024,
  /** Content types accepted, checked by the file's bytes, not its name. */
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'],
} as const;

/**
 * Case numbers look like MM-7K3Q-9XD2: 8 random symbols from Crockford's base32 without I, L, O, U
 * (≈40 bits), so they are not sequential or guessable and read well over the phone.
 */
export const CASE_NUMBER_PATTERN = /^MM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Normalises what a person types (lower case, spaces, full-width, missing dashes) to MM-XXXX-XXXX, or null. */
export function normalizeCaseNumber(input: string): string | null {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const body = compact.startsWith('MM') ? compact.slice(2) : compact;
  if (body.length !== 8) return null;
  const formatted = `MM-${body.slice(0, 4)}-${body.slice(4)}`;
  return CASE_NUMBER_PATTERN.test(formatted) ? formatted : null;
}
