import { isIsoDate } from '../law/dates.js';
import type { DocumentKind, DocumentMessage, DocumentModel, Inline } from './document-model.js';
import { inlineText } from './document-model.js';
import type { DocumentInput } from './input.js';
import { buildCaseSummary } from './kinds/case-summary.js';
import { buildCriminalComplaint } from './kinds/criminal-complaint.js';
import { buildDemandLetter } from './kinds/demand-letter.js';
import { buildDisclosureRequest } from './kinds/disclosure.js';
import { buildEvidenceList } from './kinds/evidence-list.js';
import { buildPostList } from './kinds/post-list.js';
import { buildTakedownRequest } from './kinds/takedown.js';

const BUILDERS: Readonly<Record<DocumentKind, (input: DocumentInput) => DocumentModel>> = {
  'takedown-request': buildTakedownRequest,
  'disclosure-request': buildDisclosureRequest,
  'demand-letter': buildDemandLetter,
  'evidence-list': buildEvidenceList,
  'criminal-complaint': buildCriminalComplaint,
  'post-list': buildPostList,
  'case-summary': buildCaseSummary,
};

/** Errors that concern every kind: the dates a builder would compute with must be real dates. */
function inputErrors(input: DocumentInput): DocumentMessage[] {
  const dates: [string, string | undefined][] = [
    ['date', input.date],
    ['criminalComplaint.knownSince', input.criminalComplaint?.knownSince],
    ...(input.caseSummary?.timeline ?? []).map((e, i): [string, string] => [`caseSummary.timeline.${i}.date`, e.date]),
  ];
  return dates
    .filter(([, value]) => value !== undefined && !isIsoDate(value))
    .map(([field, value]) => ({
      code: 'document.date_invalid',
      field,
      message: {
        ja: `日付「${value ?? ''}」は YYYY-MM-DD の形の実在する日付で入力してください。`,
        en: `"${value ?? ''}" is not a real date in YYYY-MM-DD form.`,
      },
    }));
}

/**
 * Builds a document of `kind` from a case and its selected evidence. A model whose `errors` is non-empty has
 * no blocks: every missing or invalid field is listed, and nothing half-filled is rendered.
 */
export function buildDocument(kind: DocumentKind, input: DocumentInput): DocumentModel {
  const errors = inputErrors(input);
  if (errors.length > 0) {
    return {
      kind,
      title: '',
      font: 'serif',
      vertical: false,
      redactable: false,
      blocks: [],
      annexes: [],
      errors,
      warnings: [],
    };
  }
  return BUILDERS[kind](input);
}

/** Where a text of a document stands, for messages about it (e.g. 「記 表 2行3列」, 「別紙1」). */
export interface DocumentTextRun {
  readonly where: string;
  readonly text: string;
}

/**
 * Every text a document draws, with where it stands: the hook for checks core cannot make itself, such as which
 * characters the renderer's fonts lack (the renderer knows its fonts; core does not load any).
 */
export function documentTexts(model: DocumentModel): DocumentTextRun[] {
  const runs: DocumentTextRun[] = [{ where: 'title', text: model.title }];
  const add = (where: string, inlines: readonly Inline[]) => runs.push({ where, text: inlineText(inlines) });
  const visit = (prefix: string, blocks: DocumentModel['blocks']) =>
    blocks.forEach((block, b) => {
      const at = `${prefix}${b + 1}`;
      switch (block.kind) {
        case 'title':
        case 'heading':
          runs.push({ where: at, text: block.text });
          break;
        case 'paragraph':
          add(at, block.text);
          break;
        case 'fields':
          block.rows.forEach((row, r) => {
            runs.push({ where: `${at}.${r + 1}`, text: row.label });
            add(`${at}.${r + 1}`, row.value);
          });
          break;
        case 'table':
          block.columns.forEach((column) => runs.push({ where: `${at}.0`, text: column.label }));
          block.rows.forEach((row, r) => row.forEach((cell, c) => add(`${at}.${r + 1}.${c + 1}`, cell)));
          break;
        case 'checkboxes':
          runs.push({ where: at, text: block.label });
          block.options.forEach((option, o) =>
            runs.push({ where: `${at}.${o + 1}`, text: [option.label, option.detail ?? ''].join('') }),
          );
          break;
        case 'signature':
          add(at, block.lines);
          break;
        case 'grid':
          block.lines.forEach((line, l) => runs.push({ where: `${at}.${l + 1}`, text: line }));
          break;
        case 'pageBreak':
          break;
      }
    });
  visit('block ', model.blocks);
  model.annexes.forEach((annex, a) => {
    runs.push({ where: `annex ${a + 1}`, text: annex.title });
    visit(`annex ${a + 1} block `, annex.blocks);
  });
  return runs;
}

/**
 * Characters that `covers` (the renderer's font coverage) says cannot be drawn, one message per character with
 * the first place it occurs: reported before rendering, never drawn as boxes.
 */
export function uncoveredCharacters(model: DocumentModel, covers: (codePoint: number) => boolean): DocumentMessage[] {
  const seen = new Map<number, string>();
  for (const run of documentTexts(model)) {
    for (const char of run.text) {
      const codePoint = char.codePointAt(0) ?? 0;
      if (/\s/.test(char) || seen.has(codePoint) || covers(codePoint)) continue;
      seen.set(codePoint, run.where);
    }
  }
  return [...seen].map(([codePoint, where]) => {
    const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    const char = String.fromCodePoint(codePoint);
    return {
      code: 'document.character_not_in_font',
      field: where,
      message: {
        ja: `文字「${char}」（${hex}、${where}）はフォントにないため出力できません。別の文字に置き換えてください。`,
        en: `The character "${char}" (${hex}, ${where}) is not in the font and cannot be output: replace it.`,
      },
    };
  });
}
