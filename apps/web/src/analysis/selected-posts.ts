import { platformOfUrl, type EvidenceRight, type Locale, type Platform } from '@mimamoru/core';
import type { ResultRow } from './analysis-run.js';
import type { AnalysisMessages } from './analysis-messages.js';
import { formatPostTime } from './results-filter.js';

/**
 * The rights each label points to (DOMAIN.md §4: 名誉毀損 → 名誉権; 侮辱 and contemptuous, sexual or discriminatory
 * abuse → 名誉感情; personal information → プライバシー権; threats → the interest in a peaceful life, recorded as
 * "other"). A pile-on is a pattern, not a right.
 */
const RIGHTS_OF_LABEL: Readonly<Record<string, readonly EvidenceRight[]>> = {
  defamation: ['honor'],
  insult: ['sentiment'],
  sexual: ['sentiment'],
  discrimination: ['sentiment'],
  'self-harm-incitement': ['sentiment'],
  privacy: ['privacy'],
  threat: ['other'],
};

export function rightsOf(labels: readonly string[]): EvidenceRight[] {
  return [...new Set(labels.flatMap((label) => RIGHTS_OF_LABEL[label] ?? []))];
}

/** An address the evidence locker takes (http or https, no spaces). */
export function hasPostUrl(row: ResultRow): boolean {
  return /^https?:\/\/\S+$/i.test(row.post.url?.trim() ?? '');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The evidence item a selected post becomes (contracts EvidenceItemInputSchema); its URL must be present. */
export function evidenceItemOf(row: ResultRow, locale: Locale, m: AnalysisMessages) {
  const { post, analysis } = row;
  const url = (post.url ?? '').trim();
  const platform: Platform = platformOfUrl(url) ?? 'other';
  const explanation = locale === 'en' ? analysis.explanation.en : analysis.explanation.ja;
  const context = explanation ? `${m.contextPrefix}${explanation}`.slice(0, 4000) : undefined;
  const rights = rightsOf(analysis.labels);
  const postedAt = post.postedAt?.trim();
  return {
    platform,
    postUrl: url,
    ...(post.author?.trim() ? { accountId: post.author.trim().slice(0, 200) } : {}),
    ...(postedAt
      ? {
          postedAt: {
            asShown: formatPostTime(postedAt, locale).slice(0, 100) || postedAt.slice(0, 100),
            ...(ISO_INSTANT.test(postedAt) ? { iso: postedAt } : {}),
          },
        }
      : {}),
    text: post.text.slice(0, 20_000),
    ...(rights.length > 0 || context ? { legal: { rights, ...(context ? { context } : {}) } } : {}),
  };
}

export type AnalysisEvidenceItem = ReturnType<typeof evidenceItemOf>;

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** A cell as Excel should read it: quoted, and a leading = + - @ neutralised so a post cannot run a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The selected posts with their legal summary, as CSV text (UTF-8 with a BOM so Excel opens it as UTF-8). */
export function selectedPostsCsv(rows: readonly ResultRow[], locale: Locale, m: AnalysisMessages): string {
  const lines = [m.csvHeaders.map(cell).join(',')];
  rows.forEach((row, i) => {
    const { post, analysis } = row;
    lines.push(
      [
        String(i + 1),
        analysis.score.toFixed(2),
        cell(analysis.labels.map((l) => m.labels[l] ?? l).join(' / ')),
        cell(post.author ?? ''),
        cell(post.postedAt ? formatPostTime(post.postedAt, locale) : ''),
        cell(post.url ?? ''),
        cell(post.text),
        cell(locale === 'en' ? analysis.explanation.en : analysis.explanation.ja),
        cell(post.id),
      ].join(','),
    );
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Starts a download of `content` as `name` (nothing leaves the device: the file is made here). */
export function downloadText(content: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** YYYYMMDD-HHMM in Japan time, for file names. */
export function fileStamp(date = new Date()): string {
  const jst = new Date(date.getTime() + 9 * 3600_000).toISOString();
  return `${jst.slice(0, 10).replace(/-/g, '')}-${jst.slice(11, 16).replace(':', '')}`;
}
