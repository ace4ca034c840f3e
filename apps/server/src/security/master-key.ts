/**
 * The format of MIMAMORU_MASTER_KEY: one base64 key of 32 bytes (version 1), or several
 * `<version>:<base64>` entries separated by commas, the highest version being current.
 * Pure parsing, shared by config/ (to fail fast at boot) and the keyring.
 */

export const MASTER_KEY_BYTES = 32;

export interface MasterKeyVersion {
  readonly version: number;
  readonly key: Buffer;
}

export type MasterKeyParse =
  | { readonly ok: true; readonly keys: readonly MasterKeyVersion[] }
  | { readonly ok: false; readonly problem: string };

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === MASTER_KEY_BYTES ? key : null;
}

/** Parses the variable's value; the problem text never contains key material. */
export function parseMasterKeys(raw: string): MasterKeyParse {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return { ok: false, problem: 'must not be empty' };
  const single = entries.length === 1 && !entries[0]?.includes(':');
  const keys: MasterKeyVersion[] = [];
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(':');
    const versionText = single ? '1' : separator > 0 ? entry.slice(0, separator) : '';
    const keyText = single ? entry : entry.slice(separator + 1);
    const version = Number(versionText);
    if (!/^\d+$/.test(versionText) || !Number.isSafeInteger(version) || version < 1) {
      return {
        ok: false,
        problem: `entry ${index + 1} must be <version>:<base64 key> with a version from 1 (e.g. 1:…,2:…)`,
      };
    }
    const key = decodeKey(keyText);
    if (!key) {
      return {
        ok: false,
        problem: `key ${single ? '' : `version ${version} `}must be base64 of exactly ${MASTER_KEY_BYTES} random bytes (e.g. \`openssl rand -base64 32\`)`,
      };
    }
    if (keys.some((existing) => existing.version === version)) {
      return { ok: false, problem: `version ${version} is listed twice` };
    }
    keys.push({ version, key });
  }
  return { ok: true, keys: keys.sort((a, b) => a.version - b.version) };
}

/** The variable's value for a set of keys, as an operator would paste it. */
export function formatMasterKeys(keys: readonly MasterKeyVersion[]): string {
  return keys.map(({ version, key }) => `${version}:${key.toString('base64')}`).join(',');
}
