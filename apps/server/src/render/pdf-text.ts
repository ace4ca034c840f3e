/** Text segmentation shared by the PDF renderers: grapheme-like clusters and line-break units with basic 禁則. */

/** A font's coverage. */
export interface Covers {
  readonly has: (codePoint: number) => boolean;
}

export const ZWJ = 0x200d;
export const isVariationSelector = (cp: number) =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const isSkinTone = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isTagChar = (cp: number) => cp >= 0xe0020 && cp <= 0xe007f;
const isRegionalIndicator = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isKeycap = (cp: number) => cp === 0x20e3;
/** Pictographic code points that should come from the emoji font even if the Japanese font has a glyph. */
const isPictographic = (cp: number) =>
  (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x2b00 && cp <= 0x2bff);

/**
 * Splits text into clusters that must stay together: an emoji with its modifiers, variation selectors
 * and zero-width-joined parts (so a family emoji is never split across lines or fonts), or one code point.
 */
export function clusters(text: string): string[] {
  const points = Array.from(text);
  const out: string[] = [];
  let i = 0;
  while (i < points.length) {
    let cluster = points[i] as string;
    const first = cluster.codePointAt(0) ?? 0;
    i += 1;
    if (
      isRegionalIndicator(first) &&
      i < points.length &&
      isRegionalIndicator(points[i]!.codePointAt(0) ?? 0)
    ) {
      cluster += points[i];
      i += 1;
    }
    for (;;) {
      const next = points[i]?.codePointAt(0);
      if (next === undefined) break;
      if (isVariationSelector(next) || isSkinTone(next) || isTagChar(next) || isKeycap(next)) {
        cluster += points[i];
        i += 1;
      } else if (next === ZWJ && i + 1 < points.length) {
        cluster += points[i]! + points[i + 1]!;
        i += 2;
      } else break;
    }
    out.push(cluster);
  }
  return out;
}

/** Whether a cluster is shown with the emoji font. */
export function wantsEmoji(cluster: string, emoji: Covers, base: Covers): boolean {
  const cps = Array.from(cluster).map((c) => c.codePointAt(0) ?? 0);
  const first = cps[0] ?? 0;
  const emojiPresentation = cps.includes(0xfe0f) || cps.length > 1 || isPictographic(first);
  if (emojiPresentation && emoji.has(first)) return true;
  return !base.has(first) && emoji.has(first);
}

/** Drops code points neither font can draw (they would show as tofu or throw) — replaced by U+FFFD-like '?' */
export function drawable(cluster: string, font: Covers, isEmoji: boolean): string {
  if (isEmoji) {
    // Variation selectors and ZWJ are consumed by the emoji font's shaping; keep the cluster intact.
    return cluster;
  }
  return Array.from(cluster)
    .map((c) => {
      const cp = c.codePointAt(0) ?? 0;
      if (isVariationSelector(cp) || cp === ZWJ) return '';
      if (c === '\t') return '    ';
      return font.has(cp) ? c : '?';
    })
    .join('');
}

/** Characters a line may not begin with (行頭禁則, JIS X 4051 simplified). */
export const NO_LINE_START = new Set(
  Array.from(
    '、。，．,.)）]］｝」』】〉》〕’”！？!?：；:;ー〜…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々',
  ),
);
/** Characters a line may not end with (行末禁則). */
export const NO_LINE_END = new Set(Array.from('(（[［｛「『【〈《〔‘“'));

const isBreakableAnywhere = (cp: number) =>
  (cp >= 0x2e80 && cp <= 0x9fff) || // CJK radicals, kana, ideographs, punctuation
  (cp >= 0xac00 && cp <= 0xd7af) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xff00 && cp <= 0xffef) ||
  (cp >= 0x20000 && cp <= 0x3ffff) ||
  cp >= 0x1f000;

/**
 * Units that never break inside: a Latin word with its trailing spaces, or a single CJK/emoji cluster
 * (Japanese breaks between any two characters, apart from the kinsoku characters above, which join their neighbour).
 */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let word = '';
  const flush = () => {
    if (word) units.push(word);
    word = '';
  };
  for (const cluster of clusters(text)) {
    const cp = cluster.codePointAt(0) ?? 0;
    if (NO_LINE_START.has(cluster) && (word || units.length > 0)) {
      if (word) word += cluster;
      else units[units.length - 1] += cluster;
      continue;
    }
    if (isBreakableAnywhere(cp)) {
      flush();
      const last = units[units.length - 1];
      if (last !== undefined && NO_LINE_END.has(Array.from(last).at(-1) ?? ''))
        units[units.length - 1] = last + cluster;
      else units.push(cluster);
    } else if (cluster === ' ') {
      word += ' ';
      flush();
    } else {
      if (word.endsWith(' ')) flush();
      // An opening bracket never ends a line: it joins the word that follows (「○○ or （abc）.
      const last = units[units.length - 1];
      if (word === '' && last !== undefined && NO_LINE_END.has(Array.from(last).at(-1) ?? ''))
        word = units.pop() ?? '';
      word += cluster;
    }
  }
  flush();
  return units;
}
