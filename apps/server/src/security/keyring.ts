import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { ConfigError, type Config } from '../config/config.js';
import { MASTER_KEY_BYTES, formatMasterKeys, parseMasterKeys, type MasterKeyVersion } from './master-key.js';

/**
 * Envelope encryption of personal data at rest under versioned master keys.
 * Every value is sealed with AES-256-GCM, a fresh 12-byte IV and a context string as AAD
 * (e.g. `cases.narrative:<caseId>`), so a ciphertext copied to another row or column fails to open.
 */
export interface Keyring {
  /** The version new values are sealed with (the highest known). */
  readonly currentVersion: number;
  /** Every version this keyring can open, ascending. */
  readonly versions: readonly number[];
  /** Where the keys come from: MIMAMORU_MASTER_KEY or the key file under the data directory. */
  readonly source: KeySource;
  /** `k<version>.<base64url(iv | ciphertext | tag)>`, safe to store in a text column. */
  seal(plaintext: Uint8Array | string, context: string): string;
  /** Opens what {@link Keyring.seal} produced under the same context; throws a {@link KeyringError} otherwise. */
  open(sealed: string, context: string): Buffer;
  openText(sealed: string, context: string): string;
  /** Binary form for files (blobs): `MMK1 | version (u32 BE) | iv | ciphertext | tag`. */
  sealBytes(plaintext: Uint8Array, context: string): Buffer;
  openBytes(sealed: Uint8Array, context: string): Buffer;
  /** The key version a sealed value (text or binary) was made with; throws when it is not sealed. */
  versionOf(sealed: string | Uint8Array): number;
  /** True when the value was sealed with an older key than the current one. */
  needsRotation(sealed: string | Uint8Array): boolean;
  /**
   * Creates a new current key version. With the key file, the file is rewritten (durably) first.
   * With MIMAMORU_MASTER_KEY the new key lives only in this process: `envValue` is what the
   * operator must set before anything sealed with it is stored.
   */
  addVersion(): { version: number; persisted: boolean; envValue?: string };
}

export type KeySource = { kind: 'env' } | { kind: 'file'; file: string };

export type KeyringErrorCode = 'keyring.malformed' | 'keyring.unknown_version' | 'keyring.cannot_open';

/** A sealed value that cannot be opened. The message never contains data or key material. */
export class KeyringError extends Error {
  constructor(
    readonly code: KeyringErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeyringError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const BINARY_MAGIC = Buffer.from('MMK1', 'ascii');
const BINARY_HEADER = BINARY_MAGIC.length + 4;
const HKDF_INFO = 'mimamoru/keyring/seal/v1';
const TEXT_PATTERN = /^k(\d{1,9})\.([A-Za-z0-9_-]+)$/;
const KEY_FILE_FORMAT = 'mimamoru-master-keys/1';

/** The key file's place under the data directory. */
export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'master-keys.json');
}

interface KeyFileContent {
  format: typeof KEY_FILE_FORMAT;
  keys: { version: number; key: string; createdAt: string }[];
}

function deriveSealKey(master: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), HKDF_INFO, 32));
}

function toBuffer(plaintext: Uint8Array | string): Buffer {
  return typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : Buffer.from(plaintext);
}

/** Writes a file through a temp file, fsync, rename and directory fsync (synchronous, boot-time only). */
function writeFileDurablySync(file: string, content: string, mode: number): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

function readKeyFile(file: string): MasterKeyVersion[] {
  const problem = (text: string) => new ConfigError([`${file}: ${text}`]);
  let content: unknown;
  try {
    content = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw problem('is not valid JSON; restore it from your backup');
  }
  const parsed = content as Partial<KeyFileContent> | null;
  if (
    !parsed ||
    parsed.format !== KEY_FILE_FORMAT ||
    !Array.isArray(parsed.keys) ||
    parsed.keys.length === 0
  ) {
    throw problem(`must be {"format":"${KEY_FILE_FORMAT}","keys":[…]} with at least one key`);
  }
  const spec = parsed.keys.map((entry) => `${String(entry?.version)}:${String(entry?.key)}`).join(',');
  const keys = parseMasterKeys(spec);
  if (!keys.ok) throw problem(keys.problem);
  return [...keys.keys];
}

function writeKeyFile(file: string, keys: readonly MasterKeyVersion[], createdAt: Map<number, string>): void {
  const content: KeyFileContent = {
    format: KEY_FILE_FORMAT,
    keys: keys.map(({ version, key }) => ({
      version,
      key: key.toString('base64'),
      createdAt: createdAt.get(version) ?? new Date().toISOString(),
    })),
  };
  writeFileDurablySync(file, `${JSON.stringify(content, null, 2)}\n`, 0o600);
}

/** A keyring over explicit keys (tests, tools). {@link loadKeyring} is what the server uses. */
export function createKeyring(
  initial: readonly MasterKeyVersion[],
  options: { source?: KeySource; persist?: (keys: readonly MasterKeyVersion[]) => void } = {},
): Keyring {
  if (initial.length === 0) throw new Error('a keyring needs at least one key');
  const keys = new Map<number, Buffer>();
  const masters: MasterKeyVersion[] = [];
  const add = ({ version, key }: MasterKeyVersion) => {
    if (key.length !== MASTER_KEY_BYTES) throw new Error(`master key version ${version} must be 32 bytes`);
    keys.set(version, deriveSealKey(key));
    masters.push({ version, key });
    masters.sort((a, b) => a.version - b.version);
  };
  initial.forEach(add);
  const source = options.source ?? { kind: 'env' };
  let current = Math.max(...keys.keys());

  const keyFor = (version: number): Buffer => {
    const key = keys.get(version);
    if (!key) {
      throw new KeyringError(
        'keyring.unknown_version',
        `no master key version ${version}; add it to MIMAMORU_MASTER_KEY or the key file`,
      );
    }
    return key;
  };

  const encrypt = (version: number, plaintext: Buffer, context: string) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', keyFor(version), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  };

  const decrypt = (version: number, packed: Buffer, context: string): Buffer => {
    if (packed.length < IV_BYTES + TAG_BYTES)
      throw new KeyringError('keyring.malformed', 'sealed value is too short');
    const key = keyFor(version);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(packed.subarray(packed.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(packed.subarray(IV_BYTES, packed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new KeyringError(
        'keyring.cannot_open',
        'sealed value does not open: altered, or sealed for another context',
      );
    }
  };

  const parseText = (sealed: string): { version: number; packed: Buffer } => {
    const match = TEXT_PATTERN.exec(sealed);
    if (!match)
      throw new KeyringError('keyring.malformed', 'not a sealed value (expected k<version>.<data>)');
    return { version: Number(match[1]), packed: Buffer.from(match[2] as string, 'base64url') };
  };

  const parseBinary = (sealed: Uint8Array): { version: number; packed: Buffer } => {
    const buffer = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (buffer.length < BINARY_HEADER || !buffer.subarray(0, BINARY_MAGIC.length).equals(BINARY_MAGIC)) {
      throw new KeyringError('keyring.malformed', 'not a sealed file (missing MMK1 header)');
    }
    return { version: buffer.readUInt32BE(BINARY_MAGIC.length), packed: buffer.subarray(BINARY_HEADER) };
  };

  const versionOf = (sealed: string | Uint8Array) =>
    typeof sealed === 'string' ? parseText(sealed).version : parseBinary(sealed).version;

  return {
    get currentVersion() {
      return current;
    },
    get versions() {
      return [...keys.keys()].sort((a, b) => a - b);
    },
    source,
    seal: (plaintext, context) =>
      `k${current}.${encrypt(current, toBuffer(plaintext), context).toString('base64url')}`,
    open: (sealed, context) => {
      const { version, packed } = parseText(sealed);
      return decrypt(version, packed, context);
    },
    openText: (sealed, context) => {
      const { version, packed } = parseText(sealed);
      return decrypt(version, packed, context).toString('utf8');
    },
    sealBytes: (plaintext, context) => {
      const header = Buffer.alloc(BINARY_HEADER);
      BINARY_MAGIC.copy(header);
      header.writeUInt32BE(current, BINARY_MAGIC.length);
      return Buffer.concat([header, encrypt(current, toBuffer(plaintext), context)]);
    },
    openBytes: (sealed, context) => {
      const { version, packed } = parseBinary(sealed);
      return decrypt(version, packed, context);
    },
    versionOf,
    needsRotation: (sealed) => versionOf(sealed) < current,
    addVersion: () => {
      const next = { version: current + 1, key: randomBytes(MASTER_KEY_BYTES) };
      const all = [...masters, next];
      // Persist before use: a value sealed with a key that is lost can never be opened again.
      options.persist?.(all);
      add(next);
      current = next.version;
      return options.persist
        ? { version: next.version, persisted: true }
        : { version: next.version, persisted: false, envValue: formatMasterKeys(all) };
    },
  };
}

/**
 * The server's keyring: MIMAMORU_MASTER_KEY when set, else `<dataDir>/keys/master-keys.json`,
 * created on first start (0600, in a 0700 directory) with a warning to back it up.
 * A malformed key or key file is a {@link ConfigError}.
 */
export function loadKeyring(
  config: Pick<Config, 'dataDir' | 'env' | 'masterKey'>,
  logger: Pick<Logger, 'warn' | 'info'>,
): Keyring {
  const file = keyFilePath(config.dataDir);
  if (config.masterKey !== undefined) {
    const parsed = parseMasterKeys(config.masterKey);
    if (!parsed.ok) throw new ConfigError([`MIMAMORU_MASTER_KEY: ${parsed.problem}`]);
    if (fs.existsSync(file)) {
      logger.warn(
        { keyFile: file },
        'MIMAMORU_MASTER_KEY is set, so the key file is ignored; values sealed only with its keys cannot be opened',
      );
    }
    return createKeyring(parsed.keys, { source: { kind: 'env' } });
  }

  const createdAt = new Map<number, string>();
  let keys: MasterKeyVersion[];
  if (fs.existsSync(file)) {
    keys = readKeyFile(file);
    const mode = fs.statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      logger.warn(
        { keyFile: file, mode: mode.toString(8) },
        'the master key file is readable by other users; run chmod 600 on it',
      );
    }
    try {
      const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFileContent;
      for (const entry of content.keys) createdAt.set(entry.version, entry.createdAt);
    } catch {
      // readKeyFile already validated the file; the dates are informational.
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.chmodSync(path.dirname(file), 0o700);
    keys = [{ version: 1, key: randomBytes(MASTER_KEY_BYTES) }];
    createdAt.set(1, new Date().toISOString());
    writeKeyFile(file, keys, createdAt);
    logger.warn(
      { keyFile: file },
      `MASTER KEY CREATED at ${file}. Everything personal is encrypted with it: back this file up ` +
        `separately from the database (losing it loses the data)${
          config.env === 'production' ? ', and in production prefer setting MIMAMORU_MASTER_KEY' : ''
        }.`,
    );
  }
  if (config.env === 'production') {
    logger.warn(
      { keyFile: file },
      'production is using the master key file under the data directory; set MIMAMORU_MASTER_KEY to keep keys apart from data',
    );
  }
  return createKeyring(keys, {
    source: { kind: 'file', file },
    persist: (all) => {
      for (const { version } of all)
        if (!createdAt.has(version)) createdAt.set(version, new Date().toISOString());
      writeKeyFile(file, all, createdAt);
    },
  });
}
