import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Crockford's base32 without I, L, O, U: 32 symbols, so `byte & 31` picks one without bias. */
const CASE_NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new random case number, MM-XXXX-XXXX (40 bits). */
export function newCaseNumber(): string {
  const symbols = [...randomBytes(8)].map((byte) => CASE_NUMBER_ALPHABET[byte & 31]).join('');
  return `MM-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** A new random secret (256 bits, base64url, 43 characters): access keys, session and reset tokens. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 (hex): enough for uniformly random 256-bit tokens that are looked up by their hash. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function hexEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** argon2id of an access key (defaults of @node-rs/argon2: m = 19 MiB, t = 2, p = 1). */
export function hashAccessKey(accessKey: string): Promise<string> {
  return hash(accessKey);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a key against a stored hash, or against a fixed dummy hash when there is none, so an
 * unknown case number costs the same argon2 work as a wrong key.
 */
export async function verifyAccessKey(
  storedHash: string | null | undefined,
  accessKey: string,
): Promise<boolean> {
  dummyHash ??= hash(newSecret());
  const target = storedHash ?? (await dummyHash);
  let matches = false;
  try {
    matches = await verify(target, accessKey);
  } catch {
    matches = false;
  }
  return matches && Boolean(storedHash);
}
