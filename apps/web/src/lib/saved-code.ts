import type { Messages } from '../i18n/ja.js';

/** The id and the access key of a saved result (held in memory only, never in a URL or in storage). */
export interface SavedCode {
  readonly id: string;
  readonly key: string;
}

/** "番号: … / 鍵: …": both values in one text, to copy once and paste into the 番号 field of /saved. */
export function savedCodeText(id: string, key: string, t: Messages): string {
  return `${t.result.savedId}: ${id} / ${t.result.savedKey}: ${key}`;
}

// Ids (22) and keys (43) are base64url; labels ("番号", "ID", "Key") and separators are not long runs of it.
const CODE_TOKEN = /[A-Za-z0-9_-]{16,}/g;

/**
 * Splits a pasted "番号: … / 鍵: …" (in any UI language, labels optional) into id and key.
 * The key is the longer of the two, so the order they were pasted in does not matter.
 * Returns null unless the text holds exactly two such values.
 */
export function splitSavedCode(text: string): SavedCode | null {
  const tokens = text.match(CODE_TOKEN) ?? [];
  const [first, second] = tokens;
  if (tokens.length !== 2 || first === undefined || second === undefined) return null;
  return second.length >= first.length ? { id: first, key: second } : { id: second, key: first };
}

/** What the person typed, without the spaces and line breaks a copy or a phone keyboard may add. */
export function cleanCodePart(value: string): string {
  return value.replace(/\s+/g, '');
}
