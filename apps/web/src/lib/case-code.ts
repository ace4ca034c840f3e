import { normalizeCaseNumber } from '@mimamoru/core';

/** Access keys are 43 base64url characters; a case number (MM-XXXX-XXXX) is never that long a run. */
const KEY_TOKEN = /[A-Za-z0-9_-]{32,}/g;
const NUMBER_TOKEN = /M\s*M[\s\-‐－―ー]*[0-9A-Za-z]{4}[\s\-‐－―ー]*[0-9A-Za-z]{4}/i;

/** "相談番号: MM-7K3Q-9XD2 / 鍵: …": both values in one text, to copy once and paste into the 番号 field. */
export function caseCodeText(caseNumber: string, accessKey: string, numberLabel: string, keyLabel: string) {
  return `${numberLabel}: ${caseNumber} / ${keyLabel}: ${accessKey}`;
}

/**
 * Splits a pasted "番号: … / 鍵: …" (any UI language, labels optional, any order) into a case number
 * and an access key. Returns null unless the text holds exactly one key and one case number.
 */
export function splitCaseCode(text: string): { caseNumber: string; accessKey: string } | null {
  const normalized = text.normalize('NFKC');
  const keys = normalized.match(KEY_TOKEN) ?? [];
  if (keys.length !== 1 || keys[0] === undefined) return null;
  const rest = normalized.replace(keys[0], ' ');
  const found = NUMBER_TOKEN.exec(rest);
  const caseNumber = found ? normalizeCaseNumber(found[0]) : null;
  return caseNumber ? { caseNumber, accessKey: keys[0] } : null;
}
