// Document rendering benchmark (#7 acceptance): the 発信者情報開示請求書 built from the fixture case with 20 posts,
// rendered to PDF (embedded subset Noto Serif JP) and to DOCX, in documents per second, against a baseline in the
// same run: a plain one-page PDF with one paragraph in the same font, embedded the same way. BENCH_DOCUMENTS=0 skips.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const ROUNDS = Number(process.env.BENCH_DOCUMENTS ?? 20);

/** Documents per second over `rounds` sequential renders, after two warm-up renders. */
async function perSecond(render, rounds) {
  for (let i = 0; i < 2; i++) await render();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await render();
  return (rounds / (performance.now() - start)) * 1000;
}

export async function benchDocuments() {
  if (ROUNDS <= 0) return;
  const serverDist = new URL('../apps/server/dist/', import.meta.url);
  const coreDist = new URL('../packages/core/dist/index.js', import.meta.url);
  if (!existsSync(new URL('render/document-pdf.js', serverDist))) {
    console.log('\ndocument benchmark skipped: build first (npm run build).');
    return;
  }
  const core = await import(coreDist.href);
  const { renderDocumentPdf } = await import(new URL('render/document-pdf.js', serverDist).href);
  const { renderDocumentDocx } = await import(new URL('render/document-docx.js', serverDist).href);
  const { embedSubsetFont } = await import(new URL('render/pdf-fonts.js', serverDist).href);
  const { PDFDocument } = await import('pdf-lib');

  const base = core.fixtureInput('disclosure-request');
  const [first, second] = base.evidence;
  const evidence = Array.from({ length: 20 }, (_, i) => {
    const item = i % 2 === 0 ? first : second;
    return {
      ...item,
      id: `0191f0a0-0000-7000-8000-${String(100 + i).padStart(12, '0')}`,
      postUrl: `https://x.com/kuchikomi_chosa/status/18965432109876${String(54000 + i)}`,
    };
  });
  const model = core.buildDocument('disclosure-request', { ...base, evidence });
  if (model.errors.length > 0)
    throw new Error(`bench documents: fixture has errors: ${model.errors.map((e) => e.code)}`);
  const hidden = new Set(base.disclosure?.hide ?? []);

  const paragraph =
    '貴社が管理する特定電気通信設備等に掲載された下記の情報の流通により、私の権利が侵害されたので、情報流通プラットフォーム対処法第5条第1項に基づき、発信者情報を開示下さるよう請求します。';
  const plainPage = async () => {
    const doc = await PDFDocument.create();
    const font = await embedSubsetFont(doc, 'serif');
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(paragraph, { x: 85, y: 760, size: 10.5, font: font.pdf, maxWidth: 425, lineHeight: 18 });
    return doc.save({ useObjectStreams: true });
  };

  const baseline = await perSecond(plainPage, ROUNDS);
  const rows = [
    ['baseline: plain one-page PDF, same font', baseline],
    ['開示請求書 (20 posts) → PDF', await perSecond(() => renderDocumentPdf(model), ROUNDS)],
    [
      '開示請求書 (20 posts) → PDF, redacted copy',
      await perSecond(() => renderDocumentPdf(model, { hidden }), ROUNDS),
    ],
    ['開示請求書 (20 posts) → DOCX', await perSecond(() => renderDocumentDocx(model), ROUNDS)],
  ];
  const pages = (await PDFDocument.load(await renderDocumentPdf(model))).getPageCount();
  console.log(
    '\n' + `document benchmark (${pages}-page PDF)`.padEnd(44),
    'docs/s'.padStart(12),
    'vs baseline'.padStart(14),
  );
  for (const [name, rate] of rows)
    console.log(
      name.padEnd(44),
      rate.toFixed(1).padStart(12),
      `${(rate / baseline).toFixed(3)}×`.padStart(14),
    );
}
