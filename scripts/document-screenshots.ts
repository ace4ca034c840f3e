// Regenerates docs/screenshots/documents/: every document kind built from core's fixture case, rendered to PDF
// by the server's renderer and to PNG by poppler's pdftoppm (Debian: poppler-utils). First page of each kind,
// every 内容証明 grid page, and the first page of the disclosure request's redacted copy.
// With `--docx`, also the DOCX of each kind as Word users see it: converted to PDF by LibreOffice
// (`soffice --headless`, a local tool, not a dependency) and shot as docx-<kind>.png (every page of the first
// few, so tables, checkboxes and the 縦書き grid section are all looked at).
// `npm run screenshots:documents [-- --docx]` (runs from source; no build needed).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument, DOCUMENT_KINDS, fixtureInput } from '@mimamoru/core';
import { PDFDocument } from 'pdf-lib';
import { renderDocumentDocx } from '../apps/server/src/render/document-docx.js';
import { renderDocumentPdf } from '../apps/server/src/render/document-pdf.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/screenshots/documents');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'mimamoru-doc-shots-'));
const docx = process.argv.includes('--docx');

/** Page `page` (1-based) of a PDF as `<name>.png`, 100 dpi. */
function shoot(pdfPath: string, page: number, name: string): void {
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '100',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdfPath,
    join(out, name),
  ]);
  console.log(`docs/screenshots/documents/${name}.png`);
}

/** A DOCX as LibreOffice lays it out: converted to PDF, then page `page` shot as `<name>.png`. */
async function shootDocx(
  bytes: Uint8Array,
  base: string,
  pages: readonly number[],
  name: string,
): Promise<void> {
  const path = join(work, `${base}.docx`);
  writeFileSync(path, bytes);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, path], { stdio: 'ignore' });
  const pdfPath = join(work, `${base}.pdf`);
  const count = (await PDFDocument.load(readFileSync(pdfPath))).getPageCount();
  for (const page of pages)
    if (page <= count) shoot(pdfPath, page, page === 1 ? name : `${name}-page${page}`);
}

try {
  for (const kind of DOCUMENT_KINDS) {
    const input = fixtureInput(kind);
    const model = buildDocument(kind, input);
    if (model.errors.length > 0)
      throw new Error(`${kind}: ${model.errors.map((e) => e.message.en).join('; ')}`);
    const pdf = await renderDocumentPdf(model);
    const path = join(work, `${kind}.pdf`);
    writeFileSync(path, pdf);
    shoot(path, 1, kind);
    // Grid pages are the landscape (縦書き) or grid-only pages: shoot each after the first.
    const doc = await PDFDocument.load(pdf);
    const gridBlocks = model.blocks.filter((b) => b.kind === 'grid').length;
    if (gridBlocks > 0)
      doc.getPages().forEach((p, i) => {
        if (i > 0 && p.getWidth() > p.getHeight()) shoot(path, i + 1, `${kind}-page${i + 1}`);
      });
    if (model.redactable) {
      const redacted = join(work, `${kind}-redacted.pdf`);
      writeFileSync(
        redacted,
        await renderDocumentPdf(model, { hidden: new Set(input.disclosure?.hide ?? []) }),
      );
      shoot(redacted, 1, `${kind}-redacted`);
    }
    if (docx) {
      const gridPages = model.blocks.some((b) => b.kind === 'grid') ? [1, 2] : [1];
      await shootDocx(await renderDocumentDocx(model), `docx-${kind}`, gridPages, `docx-${kind}`);
      if (model.redactable)
        await shootDocx(
          await renderDocumentDocx(model, { hidden: new Set(input.disclosure?.hide ?? []) }),
          `docx-${kind}-redacted`,
          [1],
          `docx-${kind}-redacted`,
        );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
