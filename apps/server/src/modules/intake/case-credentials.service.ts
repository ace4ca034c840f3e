import { randomBytes } from 'node:crypto';
import { hashSecret, verifySecret } from '../../security/secrets.js';

/** Crockford's base32 without I, L, O, U: 32 symbols, so `byte & 31` picks one without bias. */
const CASE_NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new random case number, MM-XXXX-XXXX (40 bits). */
export function newCaseNumber(): string {
  const symbols = [...randomBytes(8)].map((byte) => CASE_NUMBER_ALPHABET[byte & 31]).join('');
  return `MM-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

export { hexEqual, newSecret, sha256Hex } from '../../security/secrets.js';

/** argon2id of an access key. */
export const hashAccessKey = hashSecret;

/** Verifies an access key; an unknown case costs the same argon2 work as a wrong key. */
export const verifyAccessKey = verifySecret;
