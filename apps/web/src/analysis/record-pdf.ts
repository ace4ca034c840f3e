/**
 * A small PDF recording one analysed post, made in the browser: the evidence locker takes an item only with a
 * file, and a post found by analysis has no screenshot yet. The PDF says plainly that it is an analysis record,
 * not a screenshot.
 *
 * Japanese text uses a standard non-embedded CID font (HeiseiKakuGo-W5, Adobe-Japan1, CMap UniJIS-UCS2-HW-H:
 * ISO 32000-1 §9.7.5.2, predefined CMaps), which PDF viewers supply, so no font file is shipped or uploaded.
 * UCS-2 covers the Basic Multilingual Plane only: other characters (most emoji) are written as 〓 in the PDF;
 * the evidence item's text field keeps them exactly.
 */

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 50;
const SIZE = 10.5;
const TITLE_SIZE = 14;
const LEADING = 17;
/** Glyph widths in 1/1000 em: the HW CMap maps ASCII and half-width katakana to half-width glyphs. */
const HALF = 500;
const FULL = 1000;

function width(code: number): number {
  return code < 0x80 || (code >= 0xff61 && code <= 0xff9f) ? HALF : FULL;
}

/** UCS-2 code units of a string for the PDF: controls dropped, characters outside the BMP as 〓 (U+3013). */
function codes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3013;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    out.push(cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0x3013 : cp);
  }
  return out;
}

/** Wraps one paragraph to the page width at `size` points. */
function wrap(text: string, size: number): number[][] {
  const max = ((PAGE_WIDTH - 2 * MARGIN) / size) * 1000;
  const lines: number[][] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line: number[] = [];
    let used = 0;
    for (const code of codes(paragraph)) {
      const w = width(code);
      if (used + w > max && line.length > 0) {
        lines.push(line);
        line = [];
        used = 0;
      }
      line.push(code);
      used += w;
    }
    lines.push(line);
  }
  return lines;
}

const hex = (line: readonly number[]) => `<${line.map((c) => c.toString(16).padStart(4, '0')).join('')}>`;

/** One block of the record: a heading line (larger) or a paragraph. */
export type RecordBlock = { readonly title: string } | { readonly text: string };

/** The PDF bytes (ASCII only: the text is in hex strings) for the given blocks, on as many A4 pages as needed. */
export function recordPdf(blocks: readonly RecordBlock[]): Uint8Array {
  type Line = { size: number; codes: number[] };
  const lines: Line[] = [];
  for (const block of blocks) {
    if ('title' in block) for (const l of wrap(block.title, TITLE_SIZE)) lines.push({ size: TITLE_SIZE, codes: l });
    else for (const l of wrap(block.text, SIZE)) lines.push({ size: SIZE, codes: l });
  }
  const perPage = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);
  const pages: Line[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  if (pages.length === 0) pages.push([]);

  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesId = add('');
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 /FontBBox [-92 -250 1010 922] /ItalicAngle 0 /Ascent 752 /Descent -221 /CapHeight 737 /StemV 114 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW ${FULL} /W [231 389 ${HALF} 631 631 ${HALF}] >>`,
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5-UniJIS-UCS2-HW-H /Encoding /UniJIS-UCS2-HW-H /DescendantFonts [${cidFont} 0 R] >>`,
  );
  const kids: number[] = [];
  for (const page of pages) {
    let content = `BT /F1 ${SIZE} Tf ${LEADING} TL ${MARGIN} ${PAGE_HEIGHT - MARGIN} Td\n`;
    let size = SIZE;
    for (const line of page) {
      if (line.size !== size) {
        content += `/F1 ${line.size} Tf\n`;
        size = line.size;
      }
      content += `T* ${hex(line.codes)} Tj\n`;
    }
    content += 'ET\n';
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = add('<< /Producer (mimamoru) /Title (Post analysis record) >>');

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
