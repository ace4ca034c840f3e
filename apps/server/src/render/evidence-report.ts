import { PLATFORM_LABELS, type Platform } from '@mimamoru/core';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { embedPngFast } from './evidence-report-png.js';
import { embedSubsetFont, type EmbeddedFont } from './pdf-fonts.js';
import { breakUnits, clusters, drawable, wantsEmoji } from './pdf-text.js';

/** One evidence item as the report shows it (the fields of core's EvidenceItem the report prints). */
export interface ReportItem {
  readonly id: string;
  readonly platform: string;
  readonly postUrl: string;
  readonly accountId?: string | undefined;
  readonly displayName?: string | undefined;
  readonly postedAt?: { readonly asShown: string; readonly iso?: string; readonly timeZone?: string } | undefined;
  readonly capturedAt: string;
  readonly capturedBy: string;
  readonly text?: string | undefined;
  readonly legal?:
    | { readonly rights: readonly string[]; readonly identifiability?: string; readonly context?: string }
    | undefined;
  readonly files: readonly {
    readonly sha256: string;
    readonly size: number;
    readonly contentType: string;
    readonly name: string;
    readonly role: string;
  }[];
}

export interface EvidenceReportInput {
  readonly caseNumber: string;
  readonly exportedAt: string;
  readonly keyFingerprint: string;
  readonly head: { readonly seq: number; readonly hash: string };
  readonly timestampCount: number;
  readonly items: readonly ReportItem[];
  /** The plaintext of a file (the report embeds screenshots); called once per shown image. */
  readonly loadFile: (sha256: string) => Promise<Uint8Array>;
}

/** Images larger than this are not embedded (the file itself is in the bundle); keeps memory bounded. */
const MAX_EMBEDDED_IMAGE_BYTES = 12 * 1024 * 1024;
/** Total image bytes the report embeds; later items name their file instead. */
const MAX_TOTAL_IMAGE_BYTES = 256 * 1024 * 1024;

const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 48;
const CONTENT_WIDTH = A4.width - MARGIN * 2;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.8, 0.8, 0.84);

type FontRole = 'regular' | 'bold' | 'emoji';
/** A font embedded as a subset of the glyphs drawn (pdf-fonts.ts: parsed once, layout cached per cluster). */
type FontPair = EmbeddedFont;
type Fonts = Record<FontRole, FontPair>;

async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  return {
    regular: await embedSubsetFont(doc, 'sans'),
    bold: await embedSubsetFont(doc, 'sansBold'),
    emoji: await embedSubsetFont(doc, 'emoji'),
  };
}

// ---- text: font runs and line breaking -------------------------------------------------------

interface Run {
  readonly text: string;
  readonly font: PDFFont;
  readonly width: number;
}
type Line = Run[];

class TextLayout {
  /** Widths of clusters at 1pt per base font: line breaking measures every character, and fontkit layout is slow. */
  private readonly widths = new Map<FontPair, Map<string, number>>();

  constructor(private readonly fonts: Fonts) {}

  /** Width of a piece of text at `size`, as the sum of its clusters' cached widths (no kerning across them). */
  measure(text: string, base: FontPair, size: number): number {
    let cache = this.widths.get(base);
    if (!cache) {
      cache = new Map();
      this.widths.set(base, cache);
    }
    let total = 0;
    for (const cluster of clusters(text)) {
      let width = cache.get(cluster);
      if (width === undefined) {
        width = this.width(this.runs(cluster, base, 1));
        cache.set(cluster, width);
      }
      total += width;
    }
    return total * size;
  }

  /** Font runs for a piece of text set in the base font with emoji fallback. */
  runs(text: string, base: FontPair, size: number): Run[] {
    const runs: { text: string; font: FontPair; width: number }[] = [];
    for (const cluster of clusters(text)) {
      const font = wantsEmoji(cluster, this.fonts.emoji, base) ? this.fonts.emoji : base;
      const shown = drawable(cluster, font, font === this.fonts.emoji);
      if (!shown) continue;
      let width = 0;
      for (const part of clusters(shown)) width += font.width(part);
      const last = runs[runs.length - 1];
      if (last && last.font === font) {
        last.text += shown;
        last.width += width;
      } else runs.push({ text: shown, font, width });
    }
    return runs.map((r) => ({ text: r.text, font: r.font.pdf, width: r.width * size }));
  }

  width(runs: readonly Run[]): number {
    return runs.reduce((sum, r) => sum + r.width, 0);
  }

  /** Wraps text (which may hold newlines) to lines no wider than `maxWidth`. */
  wrap(text: string, base: FontPair, size: number, maxWidth: number): Line[] {
    const lines: Line[] = [];
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      let current = '';
      let currentWidth = 0;
      const push = () => {
        lines.push(this.runs(current.replace(/ +$/, ''), base, size));
        current = '';
        currentWidth = 0;
      };
      for (const unit of breakUnits(paragraph)) {
        const unitWidth = this.measure(unit, base, size);
        if (currentWidth + unitWidth <= maxWidth || current === '') {
          if (unitWidth > maxWidth && current === '') {
            // A unit wider than the line (a long URL or hash): break it between characters.
            for (const cluster of clusters(unit)) {
              const w = this.measure(cluster, base, size);
              if (currentWidth + w > maxWidth && current !== '') push();
              current += cluster;
              currentWidth += w;
            }
            continue;
          }
          current += unit;
          currentWidth += unitWidth;
        } else {
          push();
          current = unit.replace(/^ +/, '');
          currentWidth = this.measure(current, base, size);
        }
      }
      push();
    }
    return lines;
  }
}

// ---- pages ---------------------------------------------------------------------------------

/** An ISO instant as Japan time, e.g. `2026-11-29 19:02:11 JST` (Japan has no daylight saving). */
export function formatJst(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const jst = new Date(ms + 9 * 3600_000).toISOString();
  return `${jst.slice(0, 10)} ${jst.slice(11, 19)} JST`;
}

function formatBytes(size: number): string {
  const grouped = size.toLocaleString('en-US');
  if (size < 1024) return `${grouped} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${grouped} bytes (${value.toFixed(1)} ${units[unit]})`;
}

/** A platform as `Japanese / English` (its id when unknown). */
function platformLabel(platform: string): string {
  const label = PLATFORM_LABELS[platform as Platform] as (typeof PLATFORM_LABELS)[Platform] | undefined;
  if (!label) return platform;
  return label.ja === label.en ? label.ja : `${label.ja} / ${label.en}`;
}

const CAPTURED_BY_LABEL: Record<string, string> = {
  victim: '相談者本人 / victim',
  consultant: '相談員 / consultant',
  server: 'サーバー取得 / server capture',
};

const RIGHT_LABEL: Record<string, string> = {
  honor: '名誉権 / honour',
  privacy: 'プライバシー権 / privacy',
  portrait: '肖像権 / portrait',
  sentiment: '名誉感情 / sense of honour',
  copyright: '著作権 / copyright',
  life: '生活の平穏 / peaceful life',
};

class Writer {
  page!: PDFPage;
  y = 0;
  private readonly layout: TextLayout;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly footer: string,
  ) {
    this.layout = new TextLayout(fonts);
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
    this.drawRuns(this.layout.runs(this.footer, this.fonts.regular, 7.5), MARGIN, MARGIN / 2, 7.5, MUTED);
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }

  private drawRuns(runs: readonly Run[], x: number, y: number, size: number, color = INK): void {
    let cursor = x;
    for (const run of runs) {
      this.page.drawText(run.text, { x: cursor, y, size, font: run.font, color });
      cursor += run.width;
    }
  }

  text(
    text: string,
    { size = 10, bold = false, color = INK, indent = 0, gap = 1.45 } = {},
  ): void {
    const base = bold ? this.fonts.bold : this.fonts.regular;
    const lineHeight = size * gap;
    for (const line of this.layout.wrap(text, base, size, CONTENT_WIDTH - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.drawRuns(line, MARGIN + indent, this.y + size * 0.25, size, color);
    }
  }

  /** A label in a narrow left column with its value wrapped in the right column. */
  field(label: string, value: string, { mono = false } = {}): void {
    const size = mono ? 8.5 : 9.5;
    const labelWidth = 136;
    const lineHeight = size * 1.5;
    const lines = this.layout.wrap(value || '—', this.fonts.regular, size, CONTENT_WIDTH - labelWidth);
    this.ensure(lineHeight * Math.min(lines.length, 3) + 4);
    const labelRuns = this.layout.runs(label, this.fonts.bold, 8.5);
    let first = true;
    for (const line of lines) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (first) this.drawRuns(labelRuns, MARGIN, this.y + size * 0.25, 8.5, MUTED);
      first = false;
      this.drawRuns(line, MARGIN + labelWidth, this.y + size * 0.25, size);
    }
    this.y -= 3;
  }

  heading(text: string, size = 13): void {
    this.ensure(size * 2.4);
    this.y -= size * 0.6;
    this.text(text, { size, bold: true });
    this.y -= size * 0.3;
  }

  rule(): void {
    this.ensure(10);
    this.y -= 5;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness: 0.6,
      color: RULE,
    });
    this.y -= 5;
  }

  image(image: PDFImage, maxHeight: number): void {
    const scale = Math.min(CONTENT_WIDTH / image.width, maxHeight / image.height, 1);
    const width = image.width * scale;
    const height = image.height * scale;
    this.ensure(height + 8);
    this.y -= height;
    const x = MARGIN + (CONTENT_WIDTH - width) / 2;
    this.page.drawRectangle({
      x: x - 0.5,
      y: this.y - 0.5,
      width: width + 1,
      height: height + 1,
      borderColor: RULE,
      borderWidth: 0.5,
    });
    this.page.drawImage(image, { x, y: this.y, width, height });
    this.y -= 8;
  }
}

const SCREENSHOT_ROLES = ['screenshot', 'screenshot-annotated', 'image'] as const;

/** The file the report shows as the item's picture: the first screenshot, else the first image. */
function pictureOf(item: ReportItem): ReportItem['files'][number] | undefined {
  const shown = item.files.filter((f) => f.contentType === 'image/png' || f.contentType === 'image/jpeg');
  for (const role of SCREENSHOT_ROLES) {
    const file = shown.find((f) => f.role === role);
    if (file) return file;
  }
  return undefined;
}

/**
 * Renders the bundle's `report.pdf`: a cover page (case, export time in JST, key fingerprint, chain head,
 * how to verify) and one section per item starting on its own page (screenshot, post data, transcribed text,
 * legal elements, every file's SHA-256 and size). Text is real text in embedded, subset Noto Sans JP
 * (selectable and searchable), with Noto Emoji for emoji so they are drawn, not replaced.
 */
export async function renderEvidenceReport(input: EvidenceReportInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`証拠報告書 Evidence report — ${input.caseNumber}`);
  doc.setSubject('mimamoru evidence bundle report');
  doc.setProducer('mimamoru');
  doc.setCreator('mimamoru');
  doc.setLanguage('ja-JP');
  const exported = new Date(input.exportedAt);
  if (!Number.isNaN(exported.getTime())) {
    doc.setCreationDate(exported);
    doc.setModificationDate(exported);
  }
  const fonts = await embedFonts(doc);
  const w = new Writer(doc, fonts, `mimamoru · ${input.caseNumber} · ${formatJst(input.exportedAt)}`);

  // Cover.
  w.newPage();
  w.text('証拠報告書', { size: 22, bold: true });
  w.text('Evidence report', { size: 14, color: MUTED });
  w.y -= 10;
  w.rule();
  w.field('事件番号 Case', input.caseNumber);
  w.field('書き出し日時 Exported', formatJst(input.exportedAt));
  w.field('証拠の件数 Items', String(input.items.length));
  w.field('署名鍵の指紋 Key fingerprint', input.keyFingerprint, { mono: true });
  w.field('チェーン先頭 Chain head', `#${input.head.seq}  ${input.head.hash}`, { mono: true });
  w.field('タイムスタンプ Timestamps', input.timestampCount > 0 ? `${input.timestampCount} (RFC 3161)` : 'なし / none');
  w.rule();
  w.heading('検証のしかた', 12);
  w.text(
    'このPDFは証拠一式（ZIP）の一部です。ZIPを展開したフォルダで次を実行すると、全ファイルが書き出し時から変わっていないことを確かめられます。手順の詳細は同梱の verify.txt にあります。',
    { size: 9.5 },
  );
  w.text('sha256sum -c SHA256SUMS', { size: 9, indent: 14, color: MUTED });
  w.text(
    'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in head-message.txt -sigfile head-signature.bin',
    { size: 9, indent: 14, color: MUTED },
  );
  w.text(
    '署名鍵の指紋が、mimamoru の運営者が公開している指紋と一致することも確認してください。または「npx mimamoru verify bundle.zip」で、ハッシュ・チェーン・署名・タイムスタンプをまとめて検証できます。',
    { size: 9.5 },
  );
  w.heading('How to verify', 12);
  w.text(
    'This PDF is part of an evidence bundle (ZIP). In the unzipped folder, the two commands above show that no file changed since export; verify.txt explains each step. Check that the key fingerprint matches the one the mimamoru operator publishes. `npx mimamoru verify bundle.zip` checks hashes, the chain, the signature and any timestamps in one go.',
    { size: 9.5 },
  );

  // Items.
  let imageBudget = MAX_TOTAL_IMAGE_BYTES;
  // The same screenshot shown by several items is embedded once.
  const embedded = new Map<string, PDFImage | undefined>();
  for (const [index, item] of input.items.entries()) {
    w.newPage();
    w.text(`証拠 ${index + 1} / ${input.items.length}  Item ${index + 1} of ${input.items.length}`, {
      size: 14,
      bold: true,
    });
    w.text(`ID ${item.id}`, { size: 8, color: MUTED });
    w.y -= 4;
    const picture = pictureOf(item);
    if (picture) {
      let image = embedded.get(picture.sha256);
      if (!embedded.has(picture.sha256) && picture.size <= MAX_EMBEDDED_IMAGE_BYTES && picture.size <= imageBudget) {
        try {
          const bytes = await input.loadFile(picture.sha256);
          image =
            picture.contentType === 'image/png'
              ? (embedPngFast(doc, bytes)?.image ?? (await doc.embedPng(bytes)))
              : await doc.embedJpg(bytes);
          imageBudget -= picture.size;
        } catch {
          image = undefined;
        }
        embedded.set(picture.sha256, image);
      }
      if (image) w.image(image, 330);
      else
        w.text(
          `画像は大きすぎるか読み込めないため、ここには表示していません。ファイル files/${picture.sha256} を見てください。 / The image is not shown here; see the file.`,
          { size: 9, color: MUTED },
        );
    }
    w.field('プラットフォーム Platform', platformLabel(item.platform));
    w.field('投稿URL Post URL', item.postUrl, { mono: true });
    w.field('アカウントID Account', item.accountId ?? '—');
    w.field('表示名 Display name', item.displayName ?? '—');
    if (item.postedAt) {
      const converted =
        item.postedAt.iso && item.postedAt.timeZone !== 'Asia/Tokyo' ? `  →  ${formatJst(item.postedAt.iso)}` : '';
      const zone =
        item.postedAt.timeZone && !item.postedAt.asShown.includes(item.postedAt.timeZone) ? ` (${item.postedAt.timeZone})` : '';
      w.field('投稿日時 Posted', `${item.postedAt.asShown}${zone}${converted}`);
    } else w.field('投稿日時 Posted', '—');
    w.field('取得日時 Captured', formatJst(item.capturedAt));
    w.field('取得者 Captured by', CAPTURED_BY_LABEL[item.capturedBy] ?? item.capturedBy);
    if (item.legal) {
      w.field(
        '侵害される権利 Rights',
        item.legal.rights.map((r) => RIGHT_LABEL[r] ?? r).join('、') || '—',
      );
      if (item.legal.identifiability) w.field('同定可能性 Identifiability', item.legal.identifiability);
      if (item.legal.context) w.field('文脈 Context', item.legal.context);
    }
    w.heading('投稿の文字起こし Transcribed text', 10.5);
    w.text(item.text && item.text.trim() !== '' ? item.text : '（なし / none）', { size: 10 });
    w.heading('ファイル Files', 10.5);
    for (const file of item.files) {
      w.text(`${file.name}  ·  ${file.role}  ·  ${file.contentType}  ·  ${formatBytes(file.size)}`, { size: 8.5 });
      w.text(`SHA-256 ${file.sha256}`, { size: 8, color: MUTED, indent: 10 });
    }
  }
  return doc.save({ useObjectStreams: true });
}
