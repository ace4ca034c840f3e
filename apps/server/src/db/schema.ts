/**
 * A triage the person chose to keep. Only the answers are stored, sealed with a key that only
 * the person holds; the result is recomputed on every read.
 */
export interface SavedTriageTable {
  /** Random, 128-bit, base64url. */
  id: string;
  /** SHA-256 (hex) of the 256-bit access key; the key itself is never stored. */
  key_hash: string;
  /** AES-256-GCM of the answers JSON, key = HKDF-SHA256(access key, salt = id): `v1.<iv>.<ciphertext>.<tag>`. */
  answers_ciphertext: string;
  /** ISO-8601 UTC. */
  created_at: string;
  /** ISO-8601 UTC; the row is erased after this instant. */
  expires_at: string;
}

/** Tables of the mimamoru database, as the migrations in db/migrations/ create them. */
export interface Database {
  saved_triage: SavedTriageTable;
}
