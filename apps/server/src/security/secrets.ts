import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A new random secret (256 bits, base64url, 43 characters): access keys, session, setup and reset tokens. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Shape of {@link newSecret}'s output; anything else is refused before a database look-up. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256 (hex): enough for uniformly random high-entropy tokens that are looked up by their hash. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function hexEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** argon2id of a low-entropy secret (password, access key); @node-rs/argon2 defaults: m = 19 MiB, t = 2, p = 1. */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a secret against a stored argon2 hash, or against a fixed dummy hash when there is none,
 * so an unknown account costs the same argon2 work as a wrong secret.
 */
export async function verifySecret(storedHash: string | null | undefined, secret: string): Promise<boolean> {
  dummyHash ??= hash(newSecret());
  const target = storedHash ?? (await dummyHash);
  let matches = false;
  try {
    matches = await verify(target, secret);
  } catch {
    matches = false;
  }
  return matches && Boolean(storedHash);
}
