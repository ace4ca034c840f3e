import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Encryption at rest without a server key: data is sealed with a key derived from a random
 * 256-bit access key that only the person holds. The server keeps a SHA-256 of that key
 * (enough for a uniformly random secret; no slow KDF needed) to recognise it, nothing more.
 */

const KEY_BYTES = 32;
const ID_BYTES = 16;
const IV_BYTES = 12;
const HKDF_INFO = 'mimamoru/saved-triage/v1';
const FORMAT = 'v1';

const ACCESS_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new random id (128 bits, base64url). */
export function newSealedId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}

/** A new random access key (256 bits, base64url, 43 characters). */
export function newAccessKey(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

/** 43 base64url characters in canonical form (so one key has exactly one spelling). */
export function isWellFormedAccessKey(key: string): boolean {
  return ACCESS_KEY_PATTERN.test(key) && Buffer.from(key, 'base64url').toString('base64url') === key;
}

/** SHA-256 (hex) of the key's bytes. */
export function hashAccessKey(key: string): string {
  return createHash('sha256').update(Buffer.from(key, 'base64url')).digest('hex');
}

/** Compares a presented key with a stored hash in constant time. */
export function accessKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashAccessKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

function deriveKey(accessKey: string, id: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(accessKey, 'base64url'), Buffer.from(id, 'utf8'), HKDF_INFO, KEY_BYTES),
  );
}

/** AES-256-GCM with a key from HKDF-SHA256(accessKey, salt = id); the id is also bound as AAD. */
export function seal(plaintext: string, accessKey: string, id: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(accessKey, id), iv);
  cipher.setAAD(Buffer.from(id, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join(
    '.',
  );
}

/** Opens what {@link seal} produced; null when the key is wrong or the data was altered. */
export function open(sealed: string, accessKey: string, id: string): string | null {
  const [format, iv, ciphertext, tag] = sealed.split('.');
  if (format !== FORMAT || iv === undefined || ciphertext === undefined || tag === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(accessKey, id), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
