import { documentTexts, type DocumentModel } from '@mimamoru/core';
import { coverage, type FontFile } from './pdf-fonts.js';
import { clusters, isVariationSelector, ZWJ } from './pdf-text.js';
import { createDocumentMissingGlyphsError } from './document-render.errors.js';

/** A character the document's fonts cannot draw, with where it occurs (a path in the model). */
export interface MissingGlyph {
  /** `U+XXXX` */
  readonly codePoint: string;
  readonly char: string;
  /** Where it first occurs, as core's documentTexts names it (e.g. `block 5.2.1`: block 5, row 2, column 1). */
  readonly where: string;
}

/** The regular face of the model's font family; bold faces cover the same characters. */
export function baseFontFile(model: Pick<DocumentModel, 'font'>): FontFile {
  return model.font === 'serif' ? 'serif' : 'sans';
}

const isIgnorable = (cp: number) =>
  cp < 0x20 ||
  cp === 0x7f ||
  isVariationSelector(cp) ||
  cp === ZWJ ||
  (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
  (cp >= 0xe0020 && cp <= 0xe007f) ||
  cp === 0x20e3;

/**
 * The characters of a model (every block and annex, hidden runs included; each listed once, where it first occurs) that neither the model's font
 * nor the emoji font can draw. Renderers refuse such a model rather than print boxes.
 */
export async function findMissingGlyphs(model: DocumentModel): Promise<MissingGlyph[]> {
  const base = await coverage(baseFontFile(model));
  const emoji = await coverage('emoji');
  const missing: MissingGlyph[] = [];
  const seen = new Set<number>();
  for (const { text, where } of documentTexts(model)) {
    for (const cluster of clusters(text)) {
      for (const char of Array.from(cluster)) {
        const cp = char.codePointAt(0) ?? 0;
        if (seen.has(cp) || isIgnorable(cp) || base(cp) || emoji(cp)) continue;
        seen.add(cp);
        missing.push({ codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, char, where });
      }
    }
  }
  return missing;
}

/** Throws `documents.missing_glyphs` (listing each character and where it is) when the fonts lack any. */
export async function assertDrawable(model: DocumentModel): Promise<void> {
  const missing = await findMissingGlyphs(model);
  if (missing.length === 0) return;
  const list = missing.map((m) => `${m.codePoint} (${m.where})`).join(', ');
  throw createDocumentMissingGlyphsError({ list }, { details: { missing } });
}
