import type { AnalysisResultRow } from '@mimamoru/contracts';
import {
  ANALYSIS_CATEGORIES,
  ANALYSIS_LEGAL_BASIS,
  LEGAL_CONTENT_CHECKED,
  type AnalysisCategory,
  type Block,
  type DocumentModel,
  type LegalBasis,
} from '@mimamoru/core';
import { findMissingGlyphs } from '../../render/document-glyphs.js';
import { renderDocumentPdf } from '../../render/document-pdf.js';
import { formatJst } from '../../render/evidence-report.js';

/** What a report is about: the case, the run and the selected posts (in the order selected). */
export interface AnalysisReportInput {
  readonly caseNumber: string;
  readonly runId: string;
  readonly analysedAt: string;
  readonly generatedAt: string;
  readonly rows: readonly AnalysisResultRow[];
}

const LABEL_NAMES: Readonly<Record<string, { ja: string; en: string }>> = {
  insult: { ja: '侮辱', en: 'insult' },
  defamation: { ja: '名誉毀損', en: 'defamation' },
  threat: { ja: '脅迫', en: 'threat' },
  privacy: { ja: 'プライバシー・個人情報', en: 'privacy' },
  sexual: { ja: '性的な嫌がらせ', en: 'sexual harassment' },
  discrimination: { ja: '差別的表現', en: 'discrimination' },
  'self-harm-incitement': { ja: '自殺・死をあおる表現', en: 'self-harm incitement' },
  'spam-pile-on': { ja: '同一文面の大量投稿', en: 'pile-on (same text, many accounts)' },
};

const labelJa = (labels: readonly string[]) =>
  labels.length === 0 ? 'なし' : labels.map((l) => LABEL_NAMES[l]?.ja ?? l).join('・');

/** Characters the fonts cannot draw become 〓 (the usual mark for a missing character) rather than failing. */
const GETA = '〓';

function buildModel(input: AnalysisReportInput): DocumentModel {
  const blocks: Block[] = [
    { kind: 'title', text: '投稿分析レポート' },
    {
      kind: 'fields',
      rows: [
        { label: '相談番号', value: [input.caseNumber] },
        { label: '分析日時', value: [formatJst(input.analysedAt)] },
        { label: '作成日時', value: [formatJst(input.generatedAt)] },
        { label: '掲載した投稿', value: [`${input.rows.length} 件（選択したもの）`] },
      ],
    },
    {
      kind: 'paragraph',
      text: [
        'この一覧は mimamoru の自動分析の結果です。各投稿の説明は「〜にあたる可能性があります」という目安であり、法的な判断ではありません。違法かどうかは、投稿の前後の文脈や対象となる人を含め、弁護士など専門家が判断します。',
      ],
    },
  ];
  const categories = new Set<AnalysisCategory>();
  input.rows.forEach((row, index) => {
    for (const c of ANALYSIS_CATEGORIES) if (row.analysis.labels.includes(c)) categories.add(c);
    const rows: { label: string; value: string[] }[] = [
      { label: '投稿ID', value: [row.post.id] },
      ...(row.post.author ? [{ label: '投稿者', value: [row.post.author] }] : []),
      ...(row.post.postedAt ? [{ label: '投稿日時', value: [formatJst(row.post.postedAt)] }] : []),
      ...(row.post.url ? [{ label: 'URL', value: [row.post.url] }] : []),
      { label: 'スコア', value: [row.analysis.score.toFixed(2)] },
      { label: '分類', value: [labelJa(row.analysis.labels)] },
      ...(row.copies > 1 || row.accounts > 1
        ? [{ label: '同じ文面', value: [`${row.copies} 件（${row.accounts} アカウント）`] }]
        : []),
      { label: '本文', value: [row.post.text] },
      { label: '説明', value: [row.analysis.explanation.ja || '該当する分類はありません。'] },
    ];
    blocks.push({ kind: 'heading', text: `${index + 1}. 投稿` }, { kind: 'fields', rows });
  });
  const bases = new Map<string, LegalBasis>();
  for (const c of ANALYSIS_CATEGORIES) {
    if (!categories.has(c)) continue;
    for (const b of ANALYSIS_LEGAL_BASIS[c]) bases.set(`${b.law} ${b.article}`, b);
  }
  const annexes =
    bases.size === 0
      ? []
      : [
          {
            title: '説明で挙げた法令・判例',
            blocks: [
              {
                kind: 'table' as const,
                columns: [
                  { label: '法令・判例', width: 0.45 },
                  { label: '出典', width: 0.55 },
                ],
                rows: [...bases.values()].map((b) => [[`${b.law} ${b.article}`], [b.source]]),
              },
              { kind: 'paragraph' as const, text: [`法令の内容は ${LEGAL_CONTENT_CHECKED} に出典と照合しました。`] },
            ],
          },
        ];
  return {
    kind: 'post-list',
    title: '投稿分析レポート',
    font: 'sans',
    vertical: false,
    redactable: false,
    blocks,
    annexes,
    errors: [],
    warnings: [],
  };
}

/** The selected posts with their scores, labels and legal explanation, as an A4 PDF with Japanese fonts. */
export async function renderAnalysisReportPdf(input: AnalysisReportInput): Promise<Uint8Array> {
  const first = buildModel(input);
  const missing = await findMissingGlyphs(first);
  if (missing.length === 0) return renderDocumentPdf(first);
  const chars = new Set(missing.map((m) => m.char));
  const clean = (text: string) => Array.from(text, (c) => (chars.has(c) ? GETA : c)).join('');
  const rows = input.rows.map((r) => ({
    ...r,
    post: { ...r.post, text: clean(r.post.text), author: r.post.author && clean(r.post.author) },
  }));
  return renderDocumentPdf(buildModel({ ...input, rows }));
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet does not run it as a formula. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const CSV_HEADER = [
  'id',
  'author',
  'postedAt',
  'url',
  'score',
  'labels',
  ...ANALYSIS_CATEGORIES,
  'copies',
  'accounts',
  'text',
  'explanation_ja',
  'explanation_en',
];

/** The selected posts as CSV (UTF-8 with BOM, CRLF: opens in Excel in Japanese). */
export function analysisReportCsv(rows: readonly AnalysisResultRow[]): string {
  const lines = [CSV_HEADER.map(cell).join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.post.id,
        row.post.author ?? '',
        row.post.postedAt ?? '',
        row.post.url ?? '',
        row.analysis.score.toFixed(3),
        row.analysis.labels.join(' '),
        ...ANALYSIS_CATEGORIES.map((c) => (row.analysis.categories[c] ?? 0).toFixed(3)),
        row.copies,
        row.accounts,
        row.post.text,
        row.analysis.explanation.ja,
        row.analysis.explanation.en,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
