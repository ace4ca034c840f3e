import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** An incremental SHA-256 (noble; no WebCrypto needed), for hashing a file chunk by chunk in bounded memory. */
export interface Sha256Stream {
  update(chunk: Uint8Array): void;
  /** Lowercase hex digest; the stream cannot be updated afterwards. */
  hex(): string;
}

/** A new incremental SHA-256: the browser verifier hashes bundle entries of any size with it. */
export function createSha256Stream(): Sha256Stream {
  const hash = sha256.create();
  return {
    update: (chunk) => {
      hash.update(chunk);
    },
    hex: () => bytesToHex(hash.digest()),
  };
}
