import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Keyring } from './keyring.js';

/**
 * A keyed hash (HMAC-SHA256, hex) under a random secret kept sealed in `lookup_keys`: created once by
 * whichever process comes first, then read. For values that must be matched but never stored, e.g. IPs.
 * Call outside transactions (first use writes).
 */
export function createLookupHasher({
  db,
  keyring,
  purpose,
}: {
  db: Kysely<Database>;
  keyring: Pick<Keyring, 'seal' | 'openText'>;
  purpose: string;
}): (value: string) => Promise<string> {
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

  return async (value: string) => {
    key ??= load().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return createHmac('sha256', await key)
      .update(value, 'utf8')
      .digest('hex');
  };
}
