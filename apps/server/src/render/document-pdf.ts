import type { Block, DocumentModel, HideableField, Inline } from '@mimamoru/core';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { assertDrawable } from './document-glyphs.js';
import { createDocumentHasErrorsError } from './document-render.errors.js';
import { embedSubsetFont, type EmbeddedFont } from './pdf-fonts.js';
import { breakUnits, clusters, drawable, NO_LINE_START, wantsEmoji } from './pdf-text.js';

export interface DocumentRenderOptions {
  /**
   * Hideable fields to redact (the poster's copy of a 発信者情報開示請求書). Their text is not drawn, not
   * measured and not in the font subset: a solid black box stands where it was.
   */
  readonly hidden?: ReadonlySet<HideableField>;
}

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 } as const;
/** 30 mm on the left for binding (綴じ代), as court filings and formal letters expect. */
const MARGIN = { top: 25 * MM, bottom: 22 * MM, left: 30 * MM, right: 20 * MM } as const;
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** 内容証明 grid pages (e内容証明 asks for at least 15 mm). */
const GRID_MARGIN = 18 * MM;
/** 10.5pt: the usual body size of Japanese documents and the e内容証明 minimum. */
const BODY = 10.5;
const LEADING = 1.7;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.35, 0.35, 0.38);
const BORDER = rgb(0.15, 0.15, 0.15);
const LABEL_FILL = rgb(0.93, 0.93, 0.93);
const GRID_RULE = rgb(0.72, 0.72, 0.75);
const CELL_PAD_X = 5;
const CELL_PAD_Y = 4;

interface Fonts {
  readonly regular: EmbeddedFont;
  readonly bold: EmbeddedFont;
  readonly emoji: EmbeddedFont;
  /** The regular face with the `vert` feature (縦書き forms of brackets, ー, 、。 and small kana). */
  readonly vertical: () => Promise<EmbeddedFont>;
}

type Piece =
  | { readonly kind: 'text'; readonly text: string; readonly font: EmbeddedFont; readonly width: number }
  | { readonly kind: 'box'; readonly width: number };
interface Line {
  readonly pieces: readonly Piece[];
  readonly width: number;
}
/** A unit that is not broken inside: text in one base font, a redaction box, or a forced line break. */
type Unit =
  | { readonly kind: 'text'; readonly text: string; readonly base: EmbeddedFont }
  | { readonly kind: 'box'; readonly chars: number; readonly wide: number }
  | { readonly kind: 'newline' };

interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly hidden: ReadonlySet<HideableField>;
}

/** Whether a code point is set full-width (used to size redaction boxes without measuring the hidden text). */
const isWide = (cp: number) => cp >= 0x2e80;

/** Cluster widths at 1pt per font (file and features), kept across documents: fontkit layout is slow. */
const widthCache = new Map<string, Map<string, number>>();

class Measure {
  private readonly cache = widthCache;

  constructor(private readonly fonts: Fonts) {}

  /** The font runs of some text in a base font, with emoji from the emoji font. */
  runs(text: string, base: EmbeddedFont): { text: string; font: EmbeddedFont }[] {
    const runs: { text: string; font: EmbeddedFont }[] = [];
    for (const cluster of clusters(text)) {
      const emoji = wantsEmoji(cluster, this.fonts.emoji, base);
      const font = emoji ? this.fonts.emoji : base;
      const shown = drawable(cluster, font, emoji);
      if (!shown) continue;
      const last = runs[runs.length - 1];
      if (last && last.font === font) last.text += shown;
      else runs.push({ text: shown, font });
    }
    return runs;
  }

  /** Width at 1pt, summed over cached cluster widths (fontkit layout is slow; no kerning across clusters). */
  width(text: string, base: EmbeddedFont): number {
    let cache = this.cache.get(base.key);
    if (!cache) {
      cache = new Map();
      this.cache.set(base.key, cache);
    }
    let total = 0;
    for (const cluster of clusters(text)) {
      let width = cache.get(cluster);
      if (width === undefined) {
        width = this.runs(cluster, base).reduce(
          (sum, run) => sum + run.font.pdf.widthOfTextAtSize(run.text, 1),
          0,
        );
        cache.set(cluster, width);
      }
      total += width;
    }
    return total;
  }
}

class Writer {
  readonly pages: PDFPage[] = [];
  /** 内容証明 grid pages: nothing is printed on them but the letter (no page numbers). */
  private readonly gridPages = new Set<PDFPage>();
  page!: PDFPage;
  y = 0;
  /** Nothing drawn on the current page yet (a page break there is a no-op). */
  private fresh = false;
  /** The current page cannot take more flowing text (a grid page); the next block starts a new page. */
  private closed = true;
  readonly measure: Measure;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly hidden: ReadonlySet<HideableField>,
  ) {
    this.measure = new Measure(fonts);
  }

  newPage(size: readonly [number, number] = [A4.width, A4.height]): void {
    this.page = this.doc.addPage([size[0], size[1]]);
    this.pages.push(this.page);
    this.y = size[1] - MARGIN.top;
    this.fresh = true;
    this.closed = false;
  }

  /** Starts a new page unless the current one is still empty. */
  breakPage(): void {
    // After a grid the next block starts a new page anyway.
    if (!this.fresh && !this.closed) this.newPage();
  }

  ensure(height: number): void {
    if (this.closed || this.y - height < MARGIN.bottom) this.newPage();
    this.fresh = false;
  }

  closePage(): void {
    this.closed = true;
  }

  // ---- text layout ----

  private units(inlines: readonly Inline[], style: TextStyle): Unit[] {
    const base = style.bold ? this.fonts.bold : this.fonts.regular;
    const out: Unit[] = [];
    for (const run of inlines) {
      const text = typeof run === 'string' ? run : run.text;
      const hiddenRun =
        typeof run !== 'string' && run.hideable !== undefined && style.hidden.has(run.hideable);
      const font = typeof run !== 'string' && run.emphasis ? this.fonts.bold : base;
      text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .forEach((part, index) => {
          if (index > 0) out.push({ kind: 'newline' });
          if (hiddenRun) {
            // One box per character so a long hidden run wraps like text; the text itself goes no further.
            for (const char of Array.from(part)) {
              if (char === ' ' || char === '\t') continue;
              out.push({ kind: 'box', chars: 1, wide: isWide(char.codePointAt(0) ?? 0) ? 1 : 0 });
            }
          } else
            for (const unit of breakUnits(part.replace(/\t/g, '    ')))
              out.push({ kind: 'text', text: unit, base: font });
        });
    }
    return out;
  }

  /** Wraps inlines into lines no wider than `maxWidth` (Japanese breaks between characters, with basic 禁則). */
  wrap(inlines: readonly Inline[], style: TextStyle, maxWidth: number): Line[] {
    const size = style.size;
    const lines: Line[] = [];
    let pieces: Piece[] = [];
    let width = 0;
    const push = () => {
      // Trailing spaces do not count against the line.
      const last = pieces[pieces.length - 1];
      if (last?.kind === 'text' && / +$/.test(last.text)) {
        const trimmed = last.text.replace(/ +$/, '');
        const trimmedWidth = this.measure.width(trimmed, last.font) * size;
        width -= last.width - trimmedWidth;
        pieces[pieces.length - 1] = { ...last, text: trimmed, width: trimmedWidth };
      }
      lines.push({ pieces, width });
      pieces = [];
      width = 0;
    };
    const add = (piece: Piece) => {
      const last = pieces[pieces.length - 1];
      if (piece.kind === 'text' && last?.kind === 'text' && last.font === piece.font)
        pieces[pieces.length - 1] = {
          ...last,
          text: last.text + piece.text,
          width: last.width + piece.width,
        };
      else if (piece.kind === 'box' && last?.kind === 'box')
        pieces[pieces.length - 1] = { kind: 'box', width: last.width + piece.width };
      else pieces.push(piece);
      width += piece.width;
    };
    const textPieces = (text: string, base: EmbeddedFont): Piece[] =>
      this.measure.runs(text, base).map((run) => ({
        kind: 'text',
        text: run.text,
        font: run.font,
        width: this.measure.width(run.text, run.font) * size,
      }));
    for (const unit of this.units(inlines, style)) {
      if (unit.kind === 'newline') {
        push();
        continue;
      }
      if (unit.kind === 'box') {
        const w = size * (unit.wide ? 1 : 0.6);
        if (width + w > maxWidth && pieces.length > 0) push();
        add({ kind: 'box', width: w });
        continue;
      }
      const unitWidth = this.measure.width(unit.text, unit.base) * size;
      let text = unit.text;
      if (width + unitWidth > maxWidth && pieces.length > 0) {
        push();
        text = text.replace(/^ +/, '');
      }
      if (this.measure.width(text, unit.base) * size > maxWidth) {
        // Wider than a whole line (a long URL or hash): break between characters.
        for (const cluster of clusters(text)) {
          const w = this.measure.width(cluster, unit.base) * size;
          // Closing punctuation never starts a line: it hangs past the end instead (ぶら下がり).
          if (width + w > maxWidth && pieces.length > 0 && !NO_LINE_START.has(cluster)) push();
          for (const piece of textPieces(cluster, unit.base)) add(piece);
        }
      } else for (const piece of textPieces(text, unit.base)) add(piece);
    }
    push();
    return lines;
  }

  /** Draws one line with its baseline placed so CJK glyphs sit centred in a band of `lineHeight` above `bottom`. */
  drawLine(line: Line, x: number, bottom: number, size: number, lineHeight: number, color = INK): void {
    const baseline = bottom + (lineHeight - size) / 2 + size * 0.12;
    let cursor = x;
    for (const piece of line.pieces) {
      if (piece.kind === 'text') {
        if (piece.text !== '')
          this.page.drawText(piece.text, { x: cursor, y: baseline, size, font: piece.font.pdf, color });
      } else {
        this.page.drawRectangle({
          x: cursor,
          y: baseline - size * 0.2,
          width: piece.width,
          height: size * 1.08,
          color: INK,
        });
      }
      cursor += piece.width;
    }
  }

  // ---- blocks ----

  text(
    inlines: readonly Inline[],
    {
      size = BODY,
      bold = false,
      align = 'start',
      indent = 0,
      width = CONTENT_WIDTH - indent,
      color = INK,
    } = {} as {
      size?: number;
      bold?: boolean;
      align?: 'start' | 'center' | 'end';
      indent?: number;
      width?: number;
      color?: ReturnType<typeof rgb>;
    },
  ): void {
    const lineHeight = size * LEADING;
    for (const line of this.wrap(inlines, { size, bold, hidden: this.hidden }, width)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const offset = align === 'center' ? (width - line.width) / 2 : align === 'end' ? width - line.width : 0;
      this.drawLine(line, MARGIN.left + indent + offset, this.y, size, lineHeight, color);
    }
  }

  gap(points: number): void {
    if (!this.fresh && !this.closed) this.y -= points;
  }

  /**
   * A bordered table. Rows split across pages line by line (no text is lost), and the header row, if any,
   * is drawn again at the top of each new page.
   */
  table(
    widths: readonly number[],
    header: readonly (readonly Inline[])[] | undefined,
    rows: readonly (readonly (readonly Inline[])[])[],
    { labelColumn = false, thick = false } = {},
  ): void {
    const size = BODY - 0.5;
    const tableWidth = widths.reduce((sum, w) => sum + w, 0);
    // A 太枠: the outer border of the part of the table on each page, drawn over the cell rules.
    let frameTop = 0;
    const drawFrame = () => {
      if (thick && frameTop > this.y)
        this.page.drawRectangle({
          x: MARGIN.left,
          y: this.y,
          width: tableWidth,
          height: frameTop - this.y,
          borderColor: INK,
          borderWidth: 1.5,
        });
    };
    const lineHeight = size * 1.55;
    const layout = (cells: readonly (readonly Inline[])[], bold: (c: number) => boolean) =>
      widths.map((w, c) =>
        this.wrap(cells[c] ?? [], { size, bold: bold(c), hidden: this.hidden }, w - CELL_PAD_X * 2),
      );
    const headerLines = header ? layout(header, () => true) : undefined;
    const drawChunk = (cells: Line[][], from: number, to: number, fill: (c: number) => boolean) => {
      const height = (to - from) * lineHeight + CELL_PAD_Y * 2;
      this.y -= height;
      let x = MARGIN.left;
      widths.forEach((w, c) => {
        this.page.drawRectangle({
          x,
          y: this.y,
          width: w,
          height,
          borderColor: BORDER,
          borderWidth: 0.6,
          ...(fill(c) ? { color: LABEL_FILL } : {}),
        });
        const lines = cells[c] ?? [];
        for (let i = from; i < Math.min(to, lines.length); i += 1) {
          const bottom = this.y + height - CELL_PAD_Y - (i - from + 1) * lineHeight;
          this.drawLine(lines[i]!, x + CELL_PAD_X, bottom, size, lineHeight);
        }
        x += w;
      });
    };
    const drawHeader = () => {
      if (!headerLines) return;
      const count = Math.max(1, ...headerLines.map((l) => l.length));
      drawChunk(headerLines, 0, count, () => true);
    };
    const headerHeight = headerLines
      ? Math.max(1, ...headerLines.map((l) => l.length)) * lineHeight + CELL_PAD_Y * 2
      : 0;
    this.ensure(headerHeight + lineHeight + CELL_PAD_Y * 2);
    frameTop = this.y;
    drawHeader();
    for (const row of rows) {
      const cells = layout(row, (c) => labelColumn && c === 0);
      const count = Math.max(1, ...cells.map((l) => l.length));
      let from = 0;
      while (from < count) {
        const room = Math.floor((this.y - MARGIN.bottom - CELL_PAD_Y * 2 + 0.01) / lineHeight);
        const left = count - from;
        // A row that fits on a page is kept whole (moved to the next page); a taller one is split line by
        // line, at least two lines on each side.
        const splittable = from > 0 || count * lineHeight > (A4.height - MARGIN.top - MARGIN.bottom) * 0.4;
        if (room >= left || (splittable && room >= 2 && left > 2)) {
          const to = from + Math.min(room, left);
          drawChunk(cells, from, to, (c) => labelColumn && c === 0);
          from = to;
        }
        if (from < count) {
          drawFrame();
          this.newPage();
          this.fresh = false;
          frameTop = this.y;
          drawHeader();
        }
      }
    }
    drawFrame();
    this.fresh = false;
  }

  async grid(block: Extract<Block, { kind: 'grid' }>): Promise<void> {
    const { columns, rows, vertical } = block.layout;
    const font = vertical ? await this.fonts.vertical() : this.fonts.regular;
    const pageSize: [number, number] = vertical ? [A4.height, A4.width] : [A4.width, A4.height];
    const lines = block.lines.map((line) => clusters(line));
    // A line may hold more characters than counted ones (a pair of brackets counts one): widen, never cut.
    const perLine = Math.max(columns, ...lines.map((l) => l.length));
    const areaWidth = pageSize[0] - GRID_MARGIN * 2;
    const areaHeight = pageSize[1] - GRID_MARGIN * 2 - 8 * MM;
    // 縦書き: lines are columns from right to left, characters run down each column.
    const across = vertical ? rows : perLine;
    const down = vertical ? perLine : rows;
    const cellW = areaWidth / across;
    const cellH = areaHeight / down;
    const size = Math.max(BODY, Math.min(cellW, cellH) * 0.72);
    const left = GRID_MARGIN;
    const top = pageSize[1] - GRID_MARGIN;
    const pageCount = Math.max(1, Math.ceil(lines.length / rows));
    if (this.fresh && !this.closed && this.pages.length > 0) {
      // The page opened for flowing text is still empty: the grid's own page replaces it.
      this.doc.removePage(this.pages.length - 1);
      this.pages.pop();
    }
    for (let p = 0; p < pageCount; p += 1) {
      this.newPage(pageSize);
      const page = this.page;
      this.gridPages.add(page);
      for (let i = 0; i <= across; i += 1)
        page.drawLine({
          start: { x: left + i * cellW, y: top },
          end: { x: left + i * cellW, y: top - down * cellH },
          thickness: 0.4,
          color: GRID_RULE,
        });
      for (let j = 0; j <= down; j += 1)
        page.drawLine({
          start: { x: left, y: top - j * cellH },
          end: { x: left + across * cellW, y: top - j * cellH },
          thickness: 0.4,
          color: GRID_RULE,
        });
      lines.slice(p * rows, (p + 1) * rows).forEach((chars, row) => {
        chars.forEach((char, index) => {
          if (char === ' ' || char === '\u3000') return;
          const emoji = wantsEmoji(char, this.fonts.emoji, font);
          const used = emoji ? this.fonts.emoji : font;
          const shown = drawable(char, used, emoji);
          if (!shown) return;
          const col = vertical ? across - 1 - row : index;
          const line = vertical ? index : row;
          const x0 = left + col * cellW;
          const y0 = top - (line + 1) * cellH;
          const width = this.measure.width(shown, used) * size;
          page.drawText(shown, {
            x: x0 + (cellW - width) / 2,
            y: y0 + (cellH - size) / 2 + size * 0.12,
            size,
            font: used.pdf,
            color: INK,
          });
        });
      });
      this.fresh = false;
    }
    this.closePage();
  }

  async block(block: Block): Promise<void> {
    switch (block.kind) {
      case 'title':
        this.gap(6);
        this.text([block.text], { size: 16, bold: true, align: 'center' });
        this.y -= 14;
        break;
      case 'heading': {
        // 記 (the start of the itemised part of a Japanese letter) is centred by convention.
        const centred = block.text.trim() === '記';
        this.gap(8);
        this.text([block.text], { size: 11.5, bold: true, align: centred ? 'center' : 'start' });
        this.y -= 4;
        break;
      }
      case 'paragraph':
        this.text(block.text, { align: block.align ?? 'start' });
        this.y -= 5;
        break;
      case 'fields': {
        const label = CONTENT_WIDTH * 0.28;
        this.table(
          [label, CONTENT_WIDTH - label],
          undefined,
          block.rows.map((row) => [[row.label], row.value]),
          { labelColumn: true },
        );
        this.y -= 10;
        break;
      }
      case 'table': {
        const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
        this.table(
          block.columns.map((c) => (c.width / total) * CONTENT_WIDTH),
          block.columns.map((c) => [c.label]),
          block.rows,
          { thick: block.frame === 'thick' },
        );
        this.y -= 10;
        break;
      }
      case 'checkboxes': {
        this.text([block.label], { bold: true });
        const marker = this.measure.width('■ ', this.fonts.regular) * BODY;
        for (const option of block.options) {
          const label = option.detail ? `${option.label}（${option.detail}）` : option.label;
          const lines = this.wrap([label], { size: BODY, hidden: this.hidden }, CONTENT_WIDTH - 12 - marker);
          const lineHeight = BODY * 1.55;
          lines.forEach((line, index) => {
            this.ensure(lineHeight);
            this.y -= lineHeight;
            if (index === 0) {
              const box = this.wrap(
                [option.checked ? '■' : '□'],
                { size: BODY, hidden: this.hidden },
                CONTENT_WIDTH,
              )[0];
              if (box) this.drawLine(box, MARGIN.left + 12, this.y, BODY, lineHeight);
            }
            this.drawLine(line, MARGIN.left + 12 + marker, this.y, BODY, lineHeight);
          });
        }
        this.y -= 8;
        break;
      }
      case 'signature': {
        const indent = CONTENT_WIDTH * 0.45;
        const lineHeight = BODY * LEADING;
        this.gap(10);
        this.ensure(lineHeight * Math.min(block.lines.length, 4));
        for (const line of block.lines) this.text([line], { indent, width: CONTENT_WIDTH - indent });
        this.y -= 10;
        break;
      }
      case 'pageBreak':
        this.breakPage();
        break;
      case 'grid':
        await this.grid(block);
        break;
    }
  }

  numberPages(): void {
    const numbered = this.pages.filter((page) => !this.gridPages.has(page));
    const total = numbered.length;
    numbered.forEach((page, index) => {
      const label = `${index + 1} / ${total}`;
      const width = this.fonts.regular.pdf.widthOfTextAtSize(label, 9);
      page.drawText(label, {
        x: (page.getWidth() - width) / 2,
        y: 10 * MM,
        size: 9,
        font: this.fonts.regular.pdf,
        color: MUTED,
      });
    });
  }
}

/** Refuses a model that still has errors (missing fields etc.): no half-filled document is produced. */
export function assertRenderable(model: DocumentModel): void {
  if (model.errors.length > 0)
    throw createDocumentHasErrorsError(
      { count: String(model.errors.length) },
      {
        details: { errors: model.errors.map((e) => ({ code: e.code, field: e.field, message: e.message })) },
      },
    );
}

/**
 * Renders a document model to an A4 PDF: embedded subset Noto Serif JP (formal letters) or Noto Sans JP,
 * selectable text, page numbers `n / N` (not on 内容証明 grid pages, which carry the letter only), tables with borders whose header repeats on each page, 内容証明
 * grids one character per cell (縦書き with the font's vertical forms), then each 別紙 on a new page.
 * With `hidden`, the runs marked with those fields are replaced by black boxes and appear nowhere in the file.
 * Characters the fonts lack are refused before anything is drawn (`documents.missing_glyphs`).
 */
export async function renderDocumentPdf(
  model: DocumentModel,
  options: DocumentRenderOptions = {},
): Promise<Uint8Array> {
  assertRenderable(model);
  await assertDrawable(model);
  const hidden = options.hidden ?? new Set<HideableField>();
  const doc = await PDFDocument.create();
  doc.setTitle(model.title);
  doc.setProducer('mimamoru');
  doc.setCreator('mimamoru');
  doc.setLanguage('ja-JP');
  const serif = model.font === 'serif';
  let vertical: Promise<EmbeddedFont> | undefined;
  const fonts: Fonts = {
    regular: await embedSubsetFont(doc, serif ? 'serif' : 'sans'),
    bold: await embedSubsetFont(doc, serif ? 'serifBold' : 'sansBold'),
    emoji: await embedSubsetFont(doc, 'emoji'),
    vertical: () => (vertical ??= embedSubsetFont(doc, serif ? 'serif' : 'sans', { vert: true })),
  };
  const writer = new Writer(doc, fonts, hidden);
  writer.newPage();
  if (hidden.size > 0 && model.redactable) {
    writer.text(['（発信者送付用・黒塗り版）'], { size: 8.5, align: 'end', color: MUTED });
  }
  for (const block of model.blocks) await writer.block(block);
  for (const annex of model.annexes) {
    writer.newPage();
    writer.text([annex.title], { size: 14, bold: true, align: 'center' });
    writer.y -= 12;
    for (const block of annex.blocks) await writer.block(block);
  }
  writer.numberPages();
  return doc.save({ useObjectStreams: true });
}
