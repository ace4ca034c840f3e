import { createPrivateKey, generateKeyPairSync, sign as signBytes, type KeyObject } from 'node:crypto';
import { keyFingerprint } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newSortableId } from '../modules/intake/sortable-id.js';
import { registerEncryptedColumns } from './encrypted-columns.js';
import type { Keyring } from './keyring.js';

const sealContextOf = (id: string) => `signing_keys.private_key_sealed:${id}`;

/** The private half is sealed at rest; `keys rotate` re-encrypts it like any personal column. */
registerEncryptedColumns({
  table: 'signing_keys',
  idColumn: 'id',
  columns: [{ column: 'private_key_sealed', context: (row) => sealContextOf(String(row.id)) }],
});

/** The server's Ed25519 key that signs evidence chain heads. */
export interface SigningKey {
  readonly id: string;
  /** Raw 32-byte public key, hex. */
  readonly publicKey: string;
  /** SHA-256 (hex) of the raw public key (core keyFingerprint). */
  readonly fingerprint: string;
  readonly createdAt: string;
  /** Signs bytes; returns the 64-byte signature, hex. */
  sign(message: Uint8Array): string;
}

const b64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');
const hexOf = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64url').toString('hex');

function keyObject(publicKeyHex: string, privateKeyHex: string): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: b64url(publicKeyHex), d: b64url(privateKeyHex) },
    format: 'jwk',
  });
}

/**
 * The evidence signing key: loaded from `signing_keys` (the oldest key not retired, so two processes that
 * both created one at first start agree) or created on first use, its private key sealed with the keyring.
 * Retired keys stay: each head names the key that signed it.
 */
export function createSigningKeys({ db, keyring, clock }: { db: Kysely<Database>; keyring: Keyring; clock: () => Date }) {
  let cached: SigningKey | undefined;

  async function readActive(executor: Kysely<Database>): Promise<SigningKey | undefined> {
    const row = await executor
      .selectFrom('signing_keys')
      .selectAll()
      .where('retired_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
    if (!row) return undefined;
    const privateKey = keyObject(row.public_key, keyring.open(row.private_key_sealed, sealContextOf(row.id)).toString('hex'));
    return {
      id: row.id,
      publicKey: row.public_key,
      fingerprint: row.fingerprint,
      createdAt: row.created_at,
      sign: (message) => signBytes(null, message, privateKey).toString('hex'),
    };
  }

  async function create(executor: Kysely<Database>): Promise<string> {
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    const publicKey = hexOf(jwk.x);
    const id = newSortableId(clock().getTime());
    await executor
      .insertInto('signing_keys')
      .values({
        id,
        public_key: publicKey,
        private_key_sealed: keyring.seal(Buffer.from(hexOf(jwk.d), 'hex'), sealContextOf(id)),
        fingerprint: keyFingerprint(publicKey),
        created_at: clock().toISOString(),
        retired_at: null,
      })
      .execute();
    return id;
  }

  /** The id of the active key (one indexed row), to notice a rotation made by another process. */
  async function activeId(executor: Kysely<Database>): Promise<string | undefined> {
    const row = await executor
      .selectFrom('signing_keys')
      .select('id')
      .where('retired_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
    return row?.id;
  }

  /**
   * The active key, created when there is none. Pass the transaction when inside one (SQLite has one
   * connection); a key created inside a transaction is cached only once read back outside one, so a
   * rollback never leaves the process signing with a key that was not stored. The cache is dropped when
   * `keys rotate-signing` (maybe in another process) made another key active, so the next head uses it.
   */
  async function current(executor: Kysely<Database> = db): Promise<SigningKey> {
    if (cached && cached.id === (await activeId(executor))) return cached;
    cached = undefined;
    let key = await readActive(executor);
    if (!key) {
      await create(executor);
      key = await readActive(executor);
    }
    if (!key) throw new Error('signing key was not stored');
    if (executor === db) cached = key;
    return key;
  }

  /**
   * Makes a new active key and retires the others (`mimamoru keys rotate-signing`): heads signed before keep
   * verifying with the key they name; the next head is signed with the new key.
   */
  async function rotate(
    inTransaction?: (trx: Kysely<Database>, keys: { previousId: string | null; newId: string }) => Promise<void>,
  ): Promise<{ previous: SigningKey | undefined; current: SigningKey }> {
    const previous = await readActive(db);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('signing_keys').set({ retired_at: clock().toISOString() }).where('retired_at', 'is', null).execute();
      const newId = await create(trx);
      await inTransaction?.(trx, { previousId: previous?.id ?? null, newId });
    });
    cached = undefined;
    return { previous, current: await current() };
  }

  /** The key a head was signed with (heads keep verifying after a new key is made). */
  async function publicKeyOf(executor: Kysely<Database>, id: string): Promise<string | undefined> {
    const row = await executor.selectFrom('signing_keys').select('public_key').where('id', '=', id).executeTakeFirst();
    return row?.public_key;
  }

  /** The active key's public half without creating one (for `mimamoru keys status`). */
  async function status(): Promise<{ id: string; publicKey: string; fingerprint: string; createdAt: string } | null> {
    const row = await db
      .selectFrom('signing_keys')
      .select(['id', 'public_key', 'fingerprint', 'created_at'])
      .where('retired_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
    return row ? { id: row.id, publicKey: row.public_key, fingerprint: row.fingerprint, createdAt: row.created_at } : null;
  }

  return { current, status, publicKeyOf, rotate };
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
