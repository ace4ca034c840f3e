import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFHexString, type PDFDocument, type PDFFont } from 'pdf-lib';
import { clusters } from './pdf-text.js';
import { subsetTrueType } from './truetype-subset.js';

/**
 * The fonts mimamoru's PDFs embed, all from npm (SIL OFL): Noto Sans JP, Noto Serif JP (formal letters)
 * and Noto Emoji (monochrome) for emoji quoted from posts.
 */
const require = createRequire(import.meta.url);
export const FONT_FILES = {
  sans: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  serif: '@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf',
  emoji: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
} as const;
export type FontFile = keyof typeof FONT_FILES;

export interface EmbeddedFont {
  readonly pdf: PDFFont;
  readonly has: (codePoint: number) => boolean;
  /** The font file and features: text measured in one document measures the same in the next. */
  readonly key: string;
  /** Advance width of a cluster at 1pt (glyph advances, as pdf-lib draws them), without adding it to the subset. */
  readonly width: (cluster: string) => number;
}

interface LaidOutGlyph {
  readonly id: number;
  readonly advanceWidth: number;
}
/** The parts of pdf-lib's CustomFontSubsetEmbedder that are used or replaced. */
interface SubsetEmbedder {
  readonly font: {
    layout: (text: string, features?: unknown) => { glyphs: LaidOutGlyph[] };
    unitsPerEm: number;
  };
  readonly fontFeatures: unknown;
  readonly subset: { readonly glyphs: readonly number[]; includeGlyph: (glyph: LaidOutGlyph) => number };
  readonly glyphs: LaidOutGlyph[];
  readonly glyphIdMap: Map<number, number>;
  readonly glyphCache: { invalidate: () => void };
  serializeFont: () => Promise<Uint8Array>;
  encodeText: (text: string) => PDFHexString;
}

/** Glyphs of each cluster per font (file and features), laid out once per process. */
const layouts = new Map<string, Map<string, readonly LaidOutGlyph[]>>();

type Face = ReturnType<typeof fontkit.create>;
const bytesCache = new Map<FontFile, Promise<Buffer>>();
const faceCache = new Map<FontFile, Promise<Face>>();
/** Parsed faces by the bytes they came from, so pdf-lib reuses them instead of parsing 8 MB per document. */
const facesByBytes = new WeakMap<Uint8Array, Face>();
const sharedFontkit: typeof fontkit = {
  ...fontkit,
  create: (data: Uint8Array, postscriptName?: string) =>
    facesByBytes.get(data) ?? fontkit.create(data, postscriptName),
};

/** A font file's bytes, read once per process. */
export function fontBytes(file: FontFile): Promise<Buffer> {
  let bytes = bytesCache.get(file);
  if (!bytes) {
    bytes = readFile(require.resolve(FONT_FILES[file]));
    bytesCache.set(file, bytes);
  }
  return bytes;
}

/** The parsed font (for coverage checks and measuring), parsed once per process. */
export function fontFace(file: FontFile): Promise<Face> {
  let face = faceCache.get(file);
  if (!face) {
    face = fontBytes(file).then((bytes) => {
      const parsed = fontkit.create(bytes);
      facesByBytes.set(bytes, parsed);
      return parsed;
    });
    faceCache.set(file, face);
  }
  return face;
}

/** Whether the font has a glyph for each code point (cached per font, as the check runs per character). */
export async function coverage(file: FontFile): Promise<(codePoint: number) => boolean> {
  const face = await fontFace(file);
  const known = new Map<number, boolean>();
  return (codePoint) => {
    let has = known.get(codePoint);
    if (has === undefined) {
      has = face.hasGlyphForCodePoint(codePoint);
      known.set(codePoint, has);
    }
    return has;
  };
}

let subsetCounter = 0;
/** A tag unique among the subsets of one file (a process-wide counter, as six capital letters). */
function subsetTag(): string {
  subsetCounter = (subsetCounter + 1) % 26 ** 6;
  let n = subsetCounter;
  let tag = '';
  for (let i = 0; i < 6; i += 1) {
    tag = String.fromCharCode(65 + (n % 26)) + tag;
    n = Math.floor(n / 26);
  }
  return tag;
}

/**
 * Embeds a font as a subset of the glyphs actually drawn: pdf-lib records each glyph `drawText` encodes
 * (and writes the widths and the ToUnicode map for those only); the font program comes from our subsetter
 * (truetype-subset.ts). Text that is only measured, never drawn, leaves no trace in the file.
 * `features` are OpenType features applied when laying out text (e.g. `vert` for 縦書き forms).
 */
export async function embedSubsetFont(
  doc: PDFDocument,
  file: FontFile,
  features?: Record<string, boolean>,
): Promise<EmbeddedFont> {
  doc.registerFontkit(sharedFontkit);
  const bytes = await fontBytes(file);
  const face = await fontFace(file);
  // A subset's PDF name carries a six-letter tag (ISO 32000-1 9.6.4), which tools such as pdffonts read.
  const customName = `${subsetTag()}+${face.postscriptName}`;
  const pdf = await doc.embedFont(bytes, { subset: true, customName, ...(features ? { features } : {}) });
  const embedder = (pdf as unknown as { embedder: SubsetEmbedder }).embedder;
  embedder.serializeFont = () => Promise.resolve(subsetTrueType(bytes, embedder.subset.glyphs));
  const key = `${file}${Object.keys(features ?? {})
    .map((f) => `+${f}`)
    .join('')}`;
  // fontkit's OpenType layout of every drawn string dominates rendering. Text is laid out once per cluster
  // (an emoji sequence stays one cluster, so its ligature is kept; vertical forms are single substitutions) and
  // the glyphs reused in every document; pdf-lib draws glyph advances without kerning, so nothing is lost.
  let known = layouts.get(key);
  if (!known) {
    known = new Map();
    layouts.set(key, known);
  }
  const cache = known;
  const layout = (cluster: string) => {
    let glyphs = cache.get(cluster);
    if (!glyphs) {
      glyphs = embedder.font.layout(cluster, embedder.fontFeatures).glyphs;
      cache.set(cluster, glyphs);
    }
    return glyphs;
  };
  embedder.encodeText = (text) => {
    let hex = '';
    for (const cluster of clusters(text)) {
      for (const glyph of layout(cluster)) {
        // Only glyphs actually drawn enter the subset (and its ToUnicode map).
        const subsetId = embedder.subset.includeGlyph(glyph);
        embedder.glyphs[subsetId - 1] = glyph;
        embedder.glyphIdMap.set(glyph.id, subsetId);
        hex += subsetId.toString(16).padStart(4, '0');
      }
    }
    embedder.glyphCache.invalidate();
    return PDFHexString.of(hex);
  };
  const width = (cluster: string) =>
    layout(cluster).reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / embedder.font.unitsPerEm;
  return { pdf, has: await coverage(file), key, width };
}
