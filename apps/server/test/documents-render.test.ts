import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildDocument,
  DOCUMENT_KINDS,
  fixtureInput,
  inlineText,
  type Block,
  type DocumentModel,
  type HideableField,
  type Inline,
} from '@mimamoru/core';
import mammoth from 'mammoth';
import { decodePDFRawStream, PDFDocument, PDFRawStream } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { run } from '../src/cli/main.js';
import { AppError } from '../src/errors/app-error.js';
import { DOCX_REDACTION, renderDocumentDocx } from '../src/render/document-docx.js';
import { renderDocumentPdf } from '../src/render/document-pdf.js';
import { breakUnits } from '../src/render/pdf-text.js';
import { HIDDEN_EVIDENCE, HIDDEN_NAME, HIDDEN_REASONS, modelWithEveryBlock } from './document-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mimamoru-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCounter = 0;

/** pdftotext's output in drawing order (-raw); pages end with a form feed. */
function pdfRaw(pdf: Uint8Array): string {
  const path = join(dir, `doc-${(fileCounter += 1)}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/**
 * Text as poppler extracts it, in drawing order, with all white space removed (wrapping inserts line breaks).
 * What the renderer draws between the parts of a text continued on the next page is dropped: each page's
 * number (drawn last) and, when given, a table header row repeated at the top of a page.
 */
function pdfText(pdf: Uint8Array, repeatedHeaders: readonly string[] = []): string {
  const pages = pdfRaw(pdf).split('\f');
  let text = '';
  for (const page of pages) {
    let squashed = squash(page.replace(/\s*\d+ \/ \d+\s*$/, ''));
    for (const header of repeatedHeaders)
      if (header !== '' && squashed.startsWith(header) && text.includes(header))
        squashed = squashed.slice(header.length);
    text += squashed;
  }
  return text;
}

/** The header rows of a model's tables, as pdfText squashes them. */
function tableHeaders(model: DocumentModel): string[] {
  return [...model.blocks, ...model.annexes.flatMap((a) => a.blocks)].flatMap((b) =>
    b.kind === 'table' ? [squash(b.columns.map((c) => c.label).join(''))] : [],
  );
}

function pdfFonts(pdf: Uint8Array): { name: string; embedded: string; subset: string; unicode: string }[] {
  const path = join(dir, `fonts-${(fileCounter += 1)}.pdf`);
  writeFileSync(path, pdf);
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type… encoding emb sub uni objectID gen
      const [embedded, subset, unicode] = cols.slice(-5, -2) as [string, string, string];
      return { name: cols[0]!, embedded, subset, unicode };
    });
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Every stream of a PDF decoded (content streams, fonts, ToUnicode maps), plus the file's own bytes. */
async function pdfDecodedParts(pdf: Uint8Array): Promise<Buffer[]> {
  const doc = await PDFDocument.load(pdf);
  const parts: Buffer[] = [Buffer.from(pdf)];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) parts.push(Buffer.from(decodePDFRawStream(object).decode()));
  }
  return parts;
}

/** Every entry of a DOCX (a ZIP), inflated. */
function docxEntries(docx: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(docx), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

async function docxText(docx: Uint8Array): Promise<string> {
  return squash((await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value);
}

/** Half-width ASCII as full-width: how the DOCX writes letters and digits in a 縦書き grid, so they stand upright. */
const fullWidth = (text: string) =>
  text.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * The texts a reader must find in the output: every filled field, cell, option and line of the model. `docx`: the
 * lines of a 縦書き grid as the DOCX writes them (letters and digits full-width).
 */
function expectedTexts(
  model: DocumentModel,
  hidden: ReadonlySet<HideableField> = new Set(),
  { docx = false } = {},
): string[] {
  const out: string[] = [model.title];
  const inl = (runs: readonly Inline[]) => inlineText(runs, hidden);
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      switch (block.kind) {
        case 'title':
        case 'heading':
          out.push(block.text);
          break;
        case 'paragraph':
          out.push(inl(block.text));
          break;
        case 'fields':
          for (const row of block.rows) out.push(row.label, inl(row.value));
          break;
        case 'table':
          out.push(...block.columns.map((c) => c.label));
          for (const row of block.rows) for (const cell of row) out.push(inl(cell));
          break;
        case 'checkboxes':
          out.push(block.label);
          for (const o of block.options) out.push(`${o.checked ? '■' : '□'}${o.label}`, o.detail ?? '');
          break;
        case 'signature':
          for (const line of block.lines) out.push(inl([line]));
          break;
        case 'grid':
          out.push(...block.lines.map((l) => (docx && block.layout.vertical ? fullWidth(l) : l)));
          break;
        case 'pageBreak':
          break;
      }
    }
  };
  visit(model.blocks);
  for (const annex of model.annexes) {
    out.push(annex.title);
    visit(annex.blocks);
  }
  return out.map(squash).filter((t) => t !== '');
}

function missingFrom(text: string, expected: readonly string[]): string[] {
  return expected.filter((t) => !text.includes(t));
}

const ALL_HIDDEN = new Set<HideableField>(['name', 'reasons', 'evidence']);
const HIDDEN_TEXTS = [HIDDEN_NAME, HIDDEN_REASONS, HIDDEN_EVIDENCE];

describe('document renderers, on a model with every block type', () => {
  it('PDF: every filled text is extractable, fonts are embedded subsets with Unicode maps, pages are numbered', async () => {
    const pdf = await renderDocumentPdf(modelWithEveryBlock);
    const text = pdfText(pdf, tableHeaders(modelWithEveryBlock));
    expect(missingFrom(text, expectedTexts(modelWithEveryBlock))).toEqual([]);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts)
      expect(font, font.name).toMatchObject({ embedded: 'yes', subset: 'yes', unicode: 'yes' });
    expect(fonts.some((f) => f.name.includes('NotoSerifJP'))).toBe(true);
    const doc = await PDFDocument.load(pdf);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(4);
    // Every page but the 内容証明 grid page (the letter only) ends with its number.
    const gridPage = doc.getPages().findIndex((p) => p.getWidth() > p.getHeight());
    const numbered = pages - 1;
    const lastLines = pdfRaw(pdf)
      .split('\f')
      .slice(0, pages)
      .map((p) => p.trim().split('\n').at(-1));
    expect(lastLines.filter((_, i) => i !== gridPage)).toEqual(
      Array.from({ length: numbered }, (_, i) => `${i + 1} / ${numbered}`),
    );
    expect(lastLines[gridPage]).not.toMatch(/\d+ \/ \d+/);
  });

  it('PDF: the 縦書き grid is drawn on A4 landscape pages with the vertical forms mapped back to their characters', async () => {
    const pdf = await renderDocumentPdf(modelWithEveryBlock);
    const doc = await PDFDocument.load(pdf);
    const landscape = doc.getPages().filter((p) => p.getWidth() > p.getHeight());
    expect(landscape).toHaveLength(1);
    // The grid's text is set with a second embedding of the font, laid out with the `vert` feature.
    expect(pdfFonts(pdf).filter((f) => f.name.endsWith('+NotoSerifJP-Regular'))).toHaveLength(2);
    // The vert alternates of 「」、。ー are different glyphs; ToUnicode maps them back to the characters.
    expect(pdfText(pdf)).toContain('名誉を毀損されました。ー―っ、。');
  });

  it('DOCX: opens with a DOCX reader and holds the same text; the grid is a tbRl section', async () => {
    const docx = await renderDocumentDocx(modelWithEveryBlock);
    expect(
      missingFrom(await docxText(docx), expectedTexts(modelWithEveryBlock, new Set(), { docx: true })),
    ).toEqual([]);
    const xml = (await docxEntries(docx)).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('w:textDirection w:val="tbRl"');
    expect(xml).toContain('w:tblHeader');
    // The grid is laid out by exact line height and character spacing, not by a Word document grid (which
    // LibreOffice sizes differently): every line one pitch, every character one cell.
    expect(xml).not.toMatch(/w:docGrid [^>]*w:type="linesAndChars"/);
    expect(xml).toMatch(/w:lineRule="exact"/);
    expect(xml).toMatch(/<w:snapToGrid w:val="(false|0)"\/>/);
    expect(xml).toMatch(/<w:spacing w:val="\d+"\/>/);
    expect((await docxEntries(docx)).get('word/styles.xml')!.toString('utf8')).toContain(
      'w:eastAsia="Noto Serif JP"',
    );
  });

  it('the redacted PDF has black boxes where the hidden runs were and none of their text anywhere in the file', async () => {
    const pdf = await renderDocumentPdf(modelWithEveryBlock, { hidden: ALL_HIDDEN });
    const text = pdfText(pdf, tableHeaders(modelWithEveryBlock));
    expect(missingFrom(text, expectedTexts(modelWithEveryBlock, ALL_HIDDEN))).toEqual([]);
    const parts = await pdfDecodedParts(pdf);
    const hiddenChars = new Set(HIDDEN_TEXTS.flatMap((t) => Array.from(t)));
    for (const secret of HIDDEN_TEXTS) {
      expect(text).not.toContain(secret);
      for (const part of parts) {
        expect(part.includes(Buffer.from(secret, 'utf8'))).toBe(false);
        expect(part.includes(Buffer.from(secret, 'utf16le').swap16())).toBe(false);
      }
    }
    // Not in any font's ToUnicode map either: the subsets hold only the glyphs of text actually drawn.
    const cmaps = parts.map((p) => p.toString('latin1')).filter((p) => p.includes('begincmap'));
    expect(cmaps.length).toBeGreaterThan(0);
    for (const char of hiddenChars) {
      const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      for (const cmap of cmaps) expect(cmap.toUpperCase(), `${char} U+${hex}`).not.toContain(`<${hex}>`);
    }
    // The unredacted copy does draw them (so the check above can fail).
    const full = await pdfDecodedParts(await renderDocumentPdf(modelWithEveryBlock));
    const fullCmaps = full
      .map((p) => p.toString('latin1').toUpperCase())
      .filter((p) => p.includes('BEGINCMAP'));
    const hexOf = (c: string) => `<${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;
    expect(fullCmaps.some((cmap) => cmap.includes(hexOf(HIDDEN_NAME[0]!)))).toBe(true);
    // Boxes: paths filled without a border (pdf-lib's drawRectangle with a colour only) in the redacted copy only.
    const rects = (chunks: Buffer[]) =>
      chunks
        .map((c) => c.toString('latin1'))
        .join('\n')
        .match(/\nh\nf\nQ/g)?.length ?? 0;
    expect(rects(parts)).toBeGreaterThan(rects(full));
  });

  it('only the chosen fields are redacted', async () => {
    const pdf = await renderDocumentPdf(modelWithEveryBlock, { hidden: new Set(['reasons']) });
    const text = pdfText(pdf);
    expect(text).not.toContain(HIDDEN_REASONS);
    expect(text).toContain(HIDDEN_NAME);
    expect(text).toContain(HIDDEN_EVIDENCE);
  });

  it('the redacted DOCX replaces hidden runs with ■■■ and holds none of their text in any part', async () => {
    const docx = await renderDocumentDocx(modelWithEveryBlock, { hidden: ALL_HIDDEN });
    const text = await docxText(docx);
    expect(missingFrom(text, expectedTexts(modelWithEveryBlock, ALL_HIDDEN))).toEqual([]);
    expect(text).toContain(DOCX_REDACTION);
    const entries = await docxEntries(docx);
    for (const [name, bytes] of entries)
      for (const secret of HIDDEN_TEXTS)
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${name}: ${secret}`).toBe(false);
    for (const secret of HIDDEN_TEXTS)
      expect(Buffer.from(docx).includes(Buffer.from(secret, 'utf8'))).toBe(false);
  });

  it('characters the fonts lack are refused before rendering, each listed with U+XXXX and where it is', async () => {
    const model: DocumentModel = {
      ...modelWithEveryBlock,
      blocks: [
        ...modelWithEveryBlock.blocks.slice(0, 3),
        { kind: 'paragraph', text: ['Thai ก here'] },
        { kind: 'table', columns: [{ label: 'A', width: 1 }], rows: [[['ok']], [['Devanagari क']]] },
      ],
    };
    for (const render of [renderDocumentPdf, renderDocumentDocx]) {
      const error = await render(model).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe('documents.missing_glyphs');
      expect(appError.statusCode).toBe(422);
      expect(appError.details?.missing).toEqual([
        { codePoint: 'U+0E01', char: 'ก', where: 'block 4' },
        { codePoint: 'U+0915', char: 'क', where: 'block 5.2.1' },
      ]);
      expect(appError.localize('ja')).toContain('U+0E01');
    }
  });

  it('a model with errors is not rendered at all', async () => {
    const model: DocumentModel = {
      ...modelWithEveryBlock,
      errors: [
        { code: 'document.field_required', field: 'requester.name', message: { ja: '氏名', en: 'name' } },
      ],
    };
    await expect(renderDocumentPdf(model)).rejects.toMatchObject({ code: 'documents.has_errors' });
    await expect(renderDocumentDocx(model)).rejects.toMatchObject({ code: 'documents.has_errors' });
  });

  it('text too long for a page flows on, and a table row split across pages loses nothing', async () => {
    const long = '長い理由の文です。'.repeat(400);
    const model: DocumentModel = {
      ...modelWithEveryBlock,
      blocks: [
        { kind: 'title', text: '長文' },
        {
          kind: 'table',
          columns: [
            { label: '項目', width: 0.3 },
            { label: '内容', width: 0.7 },
          ],
          rows: [[['理由'], [long]]],
        },
      ],
      annexes: [],
    };
    const pdf = await renderDocumentPdf(model);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
    const text = pdfText(pdf, tableHeaders(model));
    expect(text.split('長い理由の文です。').length - 1).toBe(400);
    expect(text).toContain(`理由${squash(long)}`);
  });
});

/** The texts of the runs marked with one of `fields`. */
function hiddenRuns(model: DocumentModel, fields: ReadonlySet<HideableField>): string[] {
  const out: string[] = [];
  const take = (runs: readonly Inline[]) => {
    for (const run of runs)
      if (typeof run !== 'string' && run.hideable && fields.has(run.hideable)) out.push(squash(run.text));
  };
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') take(block.text);
      else if (block.kind === 'fields') for (const row of block.rows) take(row.value);
      else if (block.kind === 'table') for (const row of block.rows) for (const cell of row) take(cell);
      else if (block.kind === 'signature') take(block.lines);
    }
  };
  visit(model.blocks);
  for (const annex of model.annexes) visit(annex.blocks);
  return out.filter((t) => t !== '');
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.each(DOCUMENT_KINDS)('%s, built from the fixture case', (kind) => {
  const model = buildDocument(kind, fixtureInput(kind));

  it('builds without errors', () => {
    expect(model.errors).toEqual([]);
  });

  it('renders to PDF with every filled text extractable and the fonts embedded', async () => {
    const pdf = await renderDocumentPdf(model);
    expect(missingFrom(pdfText(pdf, tableHeaders(model)), expectedTexts(model))).toEqual([]);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts)
      expect(font, font.name).toMatchObject({ embedded: 'yes', subset: 'yes', unicode: 'yes' });
    expect(fonts.some((f) => f.name.includes(model.font === 'serif' ? 'NotoSerifJP' : 'NotoSansJP'))).toBe(
      true,
    );
  });

  it('renders to DOCX holding the same text', async () => {
    const docx = await renderDocumentDocx(model);
    expect(missingFrom(await docxText(docx), expectedTexts(model, new Set(), { docx: true }))).toEqual([]);
  });

  // Only the disclosure request has a redacted copy (defined for it alone: no skipped tests).
  if (kind === 'disclosure-request')
    it('has a redacted copy without the fields the requester chose to hide', async () => {
      const hide = new Set(fixtureInput(kind).disclosure?.hide ?? []);
      expect(hide.size).toBeGreaterThan(0);
      const secrets = hiddenRuns(model, hide);
      expect(secrets.length).toBeGreaterThan(0);
      const [fullPdf, redactedPdf] = [
        pdfText(await renderDocumentPdf(model), tableHeaders(model)),
        pdfText(await renderDocumentPdf(model, { hidden: hide }), tableHeaders(model)),
      ];
      const [fullDocx, redactedDocx] = [
        await docxText(await renderDocumentDocx(model)),
        await docxText(await renderDocumentDocx(model, { hidden: hide })),
      ];
      expect(missingFrom(redactedPdf, expectedTexts(model, hide))).toEqual([]);
      expect(missingFrom(redactedDocx, expectedTexts(model, hide))).toEqual([]);
      // A hidden text may also stand visibly elsewhere (a post that names the requester): each hidden run is gone.
      for (const secret of new Set(secrets)) {
        const runs = secrets.filter((t) => t === secret).length;
        expect(occurrences(redactedPdf, secret), secret).toBe(occurrences(fullPdf, secret) - runs);
        expect(occurrences(redactedDocx, secret), secret).toBe(occurrences(fullDocx, secret) - runs);
      }
    });
});

describe('a table framed in a 太枠 (takedown request 記 table)', () => {
  const framed = buildDocument('takedown-request', fixtureInput('takedown-request'));
  const plain: DocumentModel = {
    ...framed,
    blocks: framed.blocks.map((b) => (b.kind === 'table' ? { ...b, frame: undefined } : b)),
  };

  it('is asked for by the model', () => {
    expect(framed.blocks.some((b) => b.kind === 'table' && b.frame === 'thick')).toBe(true);
  });

  it('DOCX: the framed table has a 1.5pt outer border over 0.5pt inside rules; others stay 0.5pt', async () => {
    const borders = async (model: DocumentModel) =>
      (await docxEntries(await renderDocumentDocx(model)))
        .get('word/document.xml')!
        .toString('utf8')
        .match(/<w:tblBorders>.*?<\/w:tblBorders>/g) ?? [];
    const withFrame = await borders(framed);
    const thick = withFrame.filter((b) => /<w:top [^>]*w:sz="12"/.test(b));
    expect(thick).toHaveLength(1);
    expect(thick[0]).toMatch(/<w:left [^>]*w:sz="12"/);
    expect(thick[0]).toMatch(/<w:insideH [^>]*w:sz="4"/);
    expect((await borders(plain)).filter((b) => /w:sz="12"/.test(b))).toEqual([]);
  });

  it('PDF: the frame is stroked 1.5pt wide, and only when asked for', async () => {
    const strokes = async (model: DocumentModel) =>
      (await pdfDecodedParts(await renderDocumentPdf(model))).filter((part) =>
        /\b1\.5 w\b/.test(part.toString('latin1')),
      ).length;
    expect(await strokes(framed)).toBeGreaterThan(0);
    expect(await strokes(plain)).toBe(0);
  });
});

describe('mimamoru document', () => {
  const cli = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
      stdin: process.stdin,
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
    });
    return { code, stdout, stderr };
  };

  it('writes a disclosure request and its redacted copy, as PDF and DOCX', async () => {
    const input = join(dir, 'case.json');
    writeFileSync(input, JSON.stringify(fixtureInput('disclosure-request')));
    const model = buildDocument('disclosure-request', fixtureInput('disclosure-request'));
    const hide = new Set(fixtureInput('disclosure-request').disclosure?.hide ?? []);
    const reasons = hiddenRuns(model, new Set(['reasons']))[0]!;
    expect(hide.has('reasons')).toBe(true);
    for (const format of ['pdf', 'docx'] as const) {
      const out = join(dir, `request.${format}`);
      const result = await cli([
        'document',
        'disclosure-request',
        '--input',
        input,
        '--format',
        format,
        '--out',
        out,
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(join(dir, `request-redacted.${format}`));
      const read = (path: string) =>
        format === 'pdf' ? pdfText(readFileSync(path)) : docxText(readFileSync(path));
      expect(await read(out)).toContain(reasons);
      expect(await read(join(dir, `request-redacted.${format}`))).not.toContain(reasons);
    }
  });

  it('lists every missing field and writes nothing', async () => {
    const input = join(dir, 'incomplete.json');
    const { addressee: _addressee, ...rest } = fixtureInput('takedown-request');
    writeFileSync(
      input,
      JSON.stringify({ ...rest, requester: { ...rest.requester, name: '', address: '' } }),
    );
    const out = join(dir, 'never.pdf');
    const result = await cli([
      'document',
      'takedown-request',
      '--input',
      input,
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('requester.name');
    expect(result.stderr).toContain('requester.address');
    expect(result.stderr).toContain('addressee');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('reports characters the fonts lack, writes nothing, and refuses an unknown kind', async () => {
    const input = join(dir, 'thai.json');
    const data = fixtureInput('case-summary');
    writeFileSync(input, JSON.stringify({ ...data, wishes: 'ลบโพสต์' }));
    const out = join(dir, 'thai.pdf');
    const result = await cli(['document', 'case-summary', '--input', input, '--out', out, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('U+0E25');
    expect(existsSync(out)).toBe(false);
    expect((await cli(['document', 'nonsense', '--input', input, '--out', out])).code).toBe(2);
  });

  it('--help lists the kinds', async () => {
    const result = await cli(['document', '--help']);
    for (const kind of DOCUMENT_KINDS) expect(result.stdout).toContain(kind);
  });
});

describe('line-break units (禁則)', () => {
  it('keeps closing punctuation with what precedes it and an opening bracket with what follows', () => {
    expect(breakUnits('投稿。「○○さん」と')).toEqual(['投', '稿。', '「○○', 'さ', 'ん」', 'と']);
    expect(breakUnits('名前（abc）です')).toEqual(['名', '前', '（abc）', 'で', 'す']);
  });
});
