import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Keyring } from '../security/keyring.js';
import { fsyncDirectory, makeDirectoryDurably, writeFileDurably } from './durable-file.js';

/**
 * Content-addressed storage for attachments and evidence: the address is the SHA-256 (hex) of
 * the plaintext. Implementations store the bytes encrypted and durably before put() resolves.
 */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** The plaintext; throws a {@link BlobError} `blob.not_found` or `blob.corrupt`. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Removes the blob; deleting a missing blob is not an error. */
  delete(sha256: string): Promise<void>;
}

/** What key rotation needs from a blob store besides {@link BlobStore}. */
export interface RotatableBlobStore extends BlobStore {
  /** Every stored address. */
  list(): AsyncIterable<string>;
  /** When the blob's file was last written. */
  modifiedAt(sha256: string): Promise<Date>;
  /** The key version a blob is sealed with. */
  keyVersion(sha256: string): Promise<number>;
  /** Re-encrypts a blob under the current key when it uses an older one; true when rewritten. */
  reseal(sha256: string): Promise<boolean>;
}

export type BlobErrorCode = 'blob.not_found' | 'blob.corrupt' | 'blob.invalid_address';

export class BlobError extends Error {
  constructor(
    readonly code: BlobErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BlobError';
  }
}

const ADDRESS = /^[0-9a-f]{64}$/;

/** The keyring context that binds a blob's ciphertext to its address. */
export function blobContext(sha256: string): string {
  return `blob:${sha256}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Blobs as encrypted files `<dir>/ab/cd/<sha256>` (the default: `<dataDir>/blobs`). */
export function createLocalBlobStore({
  dir,
  keyring,
}: {
  dir: string;
  keyring: Keyring;
}): RotatableBlobStore {
  const root = path.resolve(dir);
  const fileOf = (sha256: string) => {
    if (!ADDRESS.test(sha256)) throw new BlobError('blob.invalid_address', 'a blob address is 64 hex digits');
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const exists = async (file: string) => {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  };
  const read = async (sha256: string) => {
    try {
      return await fs.readFile(fileOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new BlobError('blob.not_found', 'no blob at this address');
      }
      throw error;
    }
  };
  const open = (sha256: string, sealed: Buffer) => {
    let plaintext: Buffer;
    try {
      plaintext = keyring.openBytes(sealed, blobContext(sha256));
    } catch (error) {
      throw new BlobError(
        'blob.corrupt',
        `blob does not decrypt (${(error as { code?: string }).code ?? 'error'})`,
      );
    }
    if (sha256Hex(plaintext) !== sha256)
      throw new BlobError('blob.corrupt', 'blob content does not match its address');
    return plaintext;
  };

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const file = fileOf(sha256);
      // Same bytes, same address: an existing file already holds them (verified on every read).
      if (!(await exists(file))) {
        await makeDirectoryDurably(path.dirname(file));
        await writeFileDurably(file, keyring.sealBytes(bytes, blobContext(sha256)));
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      return open(sha256, await read(sha256));
    },
    has: (sha256) => exists(fileOf(sha256)),
    async delete(sha256) {
      const file = fileOf(sha256);
      try {
        await fs.unlink(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      await fsyncDirectory(path.dirname(file));
    },
    async *list() {
      const level = async (dirPath: string, pattern: RegExp) => {
        try {
          return (await fs.readdir(dirPath)).filter((name) => pattern.test(name)).sort();
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
          throw error;
        }
      };
      for (const a of await level(root, /^[0-9a-f]{2}$/)) {
        for (const b of await level(path.join(root, a), /^[0-9a-f]{2}$/)) {
          for (const name of await level(path.join(root, a, b), ADDRESS)) yield name;
        }
      }
    },
    async modifiedAt(sha256) {
      return (await fs.stat(fileOf(sha256))).mtime;
    },
    async keyVersion(sha256) {
      return keyring.versionOf(await read(sha256));
    },
    async reseal(sha256) {
      const sealed = await read(sha256);
      if (!keyring.needsRotation(sealed)) return false;
      const plaintext = open(sha256, sealed);
      await writeFileDurably(fileOf(sha256), keyring.sealBytes(plaintext, blobContext(sha256)));
      return true;
    },
  };
}
