import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Keyring } from './keyring.js';

/**
 * The random secret for `purpose`, kept sealed in `lookup_keys`: created once by whichever process
 * comes first, then read; loaded once per loader. The plaintext never changes (key rotation re-encrypts
 * only its envelope), so hashes made with it stay valid. Call outside transactions (first use writes).
 */
export function createLookupKeyLoader({
  db,
  keyring,
  purpose,
}: {
  db: Kysely<Database>;
  keyring: Pick<Keyring, 'seal' | 'openText'>;
  purpose: string;
}): () => Promise<Buffer> {
  const context = `lookup_keys.key_sealed:${purpose}`;
  let key: Promise<Buffer> | undefined;

  async function load(): Promise<Buffer> {
    await db
      .insertInto('lookup_keys')
      .values({
        purpose,
        key_sealed: keyring.seal(randomBytes(32).toString('base64url'), context),
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('purpose').doNothing())
      .execute();
    const row = await db
      .selectFrom('lookup_keys')
      .select('key_sealed')
      .where('purpose', '=', purpose)
      .executeTakeFirstOrThrow();
    return Buffer.from(keyring.openText(row.key_sealed, context), 'base64url');
  }

  return () =>
    (key ??= load().catch((error: unknown) => {
      key = undefined;
      throw error;
    }));
}

/**
 * A keyed hash (HMAC-SHA256, hex) under the lookup secret for `purpose` (see createLookupKeyLoader).
 * For values that must be matched but never stored, e.g. IPs. Call outside transactions (first use writes).
 */
export function createLookupHasher(deps: {
  db: Kysely<Database>;
  keyring: Pick<Keyring, 'seal' | 'openText'>;
  purpose: string;
}): (value: string) => Promise<string> {
  const loadKey = createLookupKeyLoader(deps);
  return async (value: string) =>
    createHmac('sha256', await loadKey())
      .update(value, 'utf8')
      .digest('hex');
}
