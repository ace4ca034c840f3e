import type { Block, DocumentModel, HideableField, Inline } from '@mimamoru/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  PageTextDirectionType,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { assertDrawable } from './document-glyphs.js';
import { assertRenderable, type DocumentRenderOptions } from './document-pdf.js';

/** What stands for a hidden run in the redacted copy: the text itself is not in the file. */
export const DOCX_REDACTION = '■■■';

/** Twentieths of a point per millimetre. */
const TWIP_PER_MM = 1440 / 25.4;
const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = {
  top: Math.round(25 * TWIP_PER_MM),
  bottom: Math.round(22 * TWIP_PER_MM),
  left: Math.round(30 * TWIP_PER_MM),
  right: Math.round(20 * TWIP_PER_MM),
} as const;
const GRID_MARGIN = Math.round(18 * TWIP_PER_MM);
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Half-points: 10.5pt body. */
const BODY = 21;
/** Word has no font fallback list; these are the names it is asked for (substituted when not installed). */
const FONT_NAMES = { serif: 'Noto Serif JP', sans: 'Noto Sans JP' } as const;

/**
 * The font table, so that a reader without Noto substitutes a Japanese font of the same kind (明朝 for the
 * serif, ゴシック for the sans) instead of its default: the Japanese charset (80, Shift_JIS), the family and
 * PANOSE class, and the Windows/macOS Office font of that kind as the alternate name (Word's substitution uses
 * these; LibreOffice ignores them and falls back through fontconfig, to a sans face when no Noto Serif JP is
 * installed).
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
<w:font w:name="${FONT_NAMES.serif}"><w:altName w:val="游明朝"/><w:panose1 w:val="02020400000000000000"/>\
<w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
<w:font w:name="${FONT_NAMES.sans}"><w:altName w:val="游ゴシック"/><w:panose1 w:val="020B0400000000000000"/>\
<w:charset w:val="80"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>\
</w:fonts>`;

/** Rules in eighths of a point: 0.5pt inside, 1.5pt for a 太枠 (`frame: 'thick'`) outer border. */
const rule = { style: BorderStyle.SINGLE, size: 4, color: '262626' } as const;
const thickRule = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;

class DocxWriter {
  readonly sections: ISectionOptions[] = [];
  private children: (Paragraph | Table)[] = [];
  private breakNext = false;

  constructor(
    private readonly hidden: ReadonlySet<HideableField>,
    private readonly footer: Footer,
  ) {}

  runs(
    inlines: readonly Inline[],
    { bold = false, size }: { bold?: boolean; size?: number } = {},
  ): TextRun[] {
    const out: TextRun[] = [];
    for (const run of inlines) {
      const hiddenRun =
        typeof run !== 'string' && run.hideable !== undefined && this.hidden.has(run.hideable);
      const text = hiddenRun ? DOCX_REDACTION : typeof run === 'string' ? run : run.text;
      const emphasis = typeof run !== 'string' && run.emphasis === true;
      text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .forEach((part, index) => {
          out.push(
            new TextRun({
              text: part,
              bold: bold || emphasis,
              ...(index > 0 ? { break: 1 } : {}),
              ...(size ? { size } : {}),
            }),
          );
        });
    }
    return out;
  }

  paragraph(
    inlines: readonly Inline[],
    options: {
      bold?: boolean;
      size?: number;
      align?: 'start' | 'center' | 'end';
      indent?: number;
      /** A hanging indent (twips): wrapped lines of a checkbox option start under its label, not its box. */
      hanging?: number;
      after?: number;
      /** Kept on the page of the next paragraph (headings and labels are never left at the foot of a page). */
      keepNext?: boolean;
    } = {},
  ): Paragraph {
    const alignment =
      options.align === 'center'
        ? AlignmentType.CENTER
        : options.align === 'end'
          ? AlignmentType.RIGHT
          : AlignmentType.LEFT;
    const paragraph = new Paragraph({
      children: this.runs(inlines, options),
      alignment,
      spacing: { after: options.after ?? 80, line: 360 },
      ...(options.indent
        ? { indent: { left: options.indent, ...(options.hanging ? { hanging: options.hanging } : {}) } }
        : {}),
      ...(options.keepNext ? { keepNext: true } : {}),
      ...(this.breakNext ? { pageBreakBefore: true } : {}),
    });
    this.breakNext = false;
    return paragraph;
  }

  push(item: Paragraph | Table): void {
    if (item instanceof Table && this.breakNext) {
      this.children.push(new Paragraph({ children: [], pageBreakBefore: true, spacing: { after: 0 } }));
      this.breakNext = false;
    }
    this.children.push(item);
  }

  pageBreak(): void {
    if (this.children.length > 0) this.breakNext = true;
  }

  private cell(inlines: readonly Inline[], width: number, { bold = false, fill = false } = {}): TableCell {
    return new TableCell({
      children: [
        new Paragraph({
          children: this.runs(inlines, { bold, size: BODY - 1 }),
          spacing: { after: 0, line: 300 },
        }),
      ],
      width: { size: width, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } } : {}),
    });
  }

  table(
    widths: readonly number[],
    header: readonly (readonly Inline[])[] | undefined,
    rows: readonly (readonly (readonly Inline[])[])[],
    { labelColumn = false, thick = false } = {},
  ): void {
    const tableRows: TableRow[] = [];
    if (header)
      tableRows.push(
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: header.map((cell, c) => this.cell(cell, widths[c]!, { bold: true, fill: true })),
        }),
      );
    for (const row of rows)
      tableRows.push(
        new TableRow({
          children: widths.map((w, c) =>
            this.cell(row[c] ?? [], w, { bold: labelColumn && c === 0, fill: labelColumn && c === 0 }),
          ),
        }),
      );
    this.push(
      new Table({
        rows: tableRows,
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: [...widths],
        layout: TableLayoutType.FIXED,
        // Table-level borders (no cell overrides), so the outer frame can be heavier than the inner rules.
        borders: {
          top: thick ? thickRule : rule,
          bottom: thick ? thickRule : rule,
          left: thick ? thickRule : rule,
          right: thick ? thickRule : rule,
          insideHorizontal: rule,
          insideVertical: rule,
        },
      }),
    );
    this.push(new Paragraph({ children: [], spacing: { after: 120 } }));
  }

  /** Closes the current section (portrait, horizontal) if it has content. */
  endSection(): void {
    if (this.children.length === 0) return;
    this.sections.push({
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
          margin: MARGIN,
        },
      },
      footers: { default: this.footer },
      children: this.children,
    });
    this.children = [];
    this.breakNext = false;
  }

  /**
   * A 内容証明 grid as its own section: one paragraph per line, each character one cell wide (character spacing),
   * each line one pitch high (exact line spacing), a page break every `rows` lines; 縦書き (tbRl, A4 landscape)
   * when vertical.
   */
  /**
   * One grid line as one run, each character advancing exactly one cell: the run does not snap to the document
   * grid (Word and LibreOffice disagree on how a grid cell is sized), its character spacing makes up the rest of
   * the cell. In 縦書き, half-width letters and digits are set full-width, so they stand upright in their cell
   * as a Japanese writer types them in a vertical letter (the PDF draws them upright too).
   */
  private gridRun(line: string, size: number, cell: number, vertical: boolean): TextRun {
    const text = vertical
      ? line.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      : line;
    return new TextRun({ text, size, snapToGrid: false, characterSpacing: Math.round(cell - size * 10) });
  }

  grid(block: Extract<Block, { kind: 'grid' }>): void {
    this.endSection();
    const { columns, rows, vertical } = block.layout;
    // docx swaps width and height itself for a landscape page: the size is given portrait.
    const orientation = vertical ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT;
    const [pageWidth, pageHeight] = vertical ? [A4.height, A4.width] : [A4.width, A4.height];
    // Along the text: characters per line; across it: lines per page.
    const along = (vertical ? pageHeight : pageWidth) - GRID_MARGIN * 2;
    const across = (vertical ? pageWidth : pageHeight) - GRID_MARGIN * 2;
    const pitch = Math.floor(across / rows);
    const charPitch = along / columns;
    // The glyph fits its cell both ways, with air around it. Half-points, never under the 10.5pt body size.
    // No document grid (w:docGrid): LibreOffice sizes grid cells unlike Word in a landscape 縦書き section and
    // looked at, it set 16 characters a line and 13 lines a page. Exact line spacing and character spacing give
    // every application the counted 20 × 26.
    const size = Math.max(BODY, Math.floor(Math.min(charPitch * 0.85, pitch * 0.75) / 10));
    const children = block.lines.map(
      (line, index) =>
        new Paragraph({
          children: [this.gridRun(line, size, charPitch, vertical)],
          // An exact line height of one grid pitch: the CJK fonts' tall default line would take two.
          spacing: { after: 0, before: 0, line: pitch, lineRule: LineRuleType.EXACT },
          ...(index > 0 && index % rows === 0 ? { pageBreakBefore: true } : {}),
        }),
    );
    this.sections.push({
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation },
          margin: { top: GRID_MARGIN, bottom: GRID_MARGIN, left: GRID_MARGIN, right: GRID_MARGIN },
          ...(vertical ? { textDirection: PageTextDirectionType.TOP_TO_BOTTOM_RIGHT_TO_LEFT } : {}),
        },
      },
      // Nothing but the letter on a 内容証明 page; an empty footer, as a section without one inherits the last.
      footers: { default: new Footer({ children: [new Paragraph({ children: [] })] }) },
      children: children.length > 0 ? children : [new Paragraph({ children: [] })],
    });
    // The next section starts on a new page by itself.
    this.breakNext = false;
  }

  block(block: Block): void {
    switch (block.kind) {
      case 'title':
        this.push(
          this.paragraph([block.text], { bold: true, size: 32, align: 'center', after: 240, keepNext: true }),
        );
        break;
      case 'heading':
        this.push(
          this.paragraph([block.text], {
            bold: true,
            size: 23,
            align: block.text.trim() === '記' ? 'center' : 'start',
            after: 120,
            keepNext: true,
          }),
        );
        break;
      case 'paragraph':
        this.push(this.paragraph(block.text, { align: block.align ?? 'start' }));
        break;
      case 'fields': {
        const label = Math.round(CONTENT_WIDTH * 0.28);
        this.table(
          [label, CONTENT_WIDTH - label],
          undefined,
          block.rows.map((row) => [[row.label], row.value]),
          { labelColumn: true },
        );
        break;
      }
      case 'table': {
        const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
        this.table(
          block.columns.map((c) => Math.round((c.width / total) * CONTENT_WIDTH)),
          block.columns.map((c) => [c.label]),
          block.rows,
          { thick: block.frame === 'thick' },
        );
        break;
      }
      case 'checkboxes':
        this.push(this.paragraph([block.label], { bold: true, after: 40, keepNext: true }));
        block.options.forEach((option, index) =>
          this.push(
            this.paragraph(
              [`${option.checked ? '■' : '□'} ${option.label}${option.detail ? `（${option.detail}）` : ''}`],
              {
                // The box and a space (about 1.25em at 10.5pt) hang left of the label's wrapped lines.
                indent: 240 + 265,
                hanging: 265,
                after: 20,
                keepNext: index < block.options.length - 1,
              },
            ),
          ),
        );
        this.push(new Paragraph({ children: [], spacing: { after: 80 } }));
        break;
      case 'signature':
        for (const line of block.lines)
          this.push(this.paragraph([line], { indent: Math.round(CONTENT_WIDTH * 0.45), after: 40 }));
        break;
      case 'pageBreak':
        this.pageBreak();
        break;
      case 'grid':
        this.grid(block);
        break;
    }
  }
}

/**
 * Renders a document model to DOCX for lawyers to edit in Word: the same blocks as Word structures
 * (bordered tables with repeating header rows, ■/□ checkboxes, a 縦書き section for a 内容証明 grid),
 * page numbers `n / N`, each 別紙 on a new page. With `hidden`, hidden runs are replaced by ■■■.
 */
export async function renderDocumentDocx(
  model: DocumentModel,
  options: DocumentRenderOptions = {},
): Promise<Uint8Array> {
  assertRenderable(model);
  await assertDrawable(model);
  const hidden = options.hidden ?? new Set<HideableField>();
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 18 })],
      }),
    ],
  });
  const writer = new DocxWriter(hidden, footer);
  if (hidden.size > 0 && model.redactable)
    writer.push(writer.paragraph(['（発信者送付用・黒塗り版）'], { size: 17, align: 'end' }));
  for (const block of model.blocks) writer.block(block);
  for (const annex of model.annexes) {
    writer.pageBreak();
    writer.push(writer.paragraph([annex.title], { bold: true, size: 28, align: 'center', after: 240 }));
    for (const block of annex.blocks) writer.block(block);
  }
  writer.endSection();
  const font = FONT_NAMES[model.font];
  const doc = new Document({
    title: model.title,
    creator: 'mimamoru',
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
            size: BODY,
            language: { value: 'ja-JP', eastAsia: 'ja-JP' },
          },
        },
      },
    },
    sections: writer.sections,
  });
  return new Uint8Array(
    await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]),
  );
}
