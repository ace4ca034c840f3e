import type { Locale } from '@mimamoru/core';

/** Sizes in decimal units, as the CLI prints them: `812.4 MB`, `2.0 GB`. */
export function formatSize(bytes: number, locale: Locale): string {
  const number = (value: number) => value.toLocaleString(locale === 'en' ? 'en-US' : 'ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (bytes >= 1e9) return `${number(bytes / 1e9)} GB`;
  if (bytes >= 1e6) return `${number(bytes / 1e6)} MB`;
  return `${number(bytes / 1e3)} kB`;
}

const ja = {
  saveDirect: '保存先のファイルを先に選んで、そこへ直接書き込む（大きな証拠一式向け。ブラウザのメモリを使いません）',
  preparing: (items: number | undefined) =>
    items === undefined
      ? '報告書（report.pdf）を作成しています…'
      : `報告書（report.pdf）を作成しています（証拠 ${items.toLocaleString('ja-JP')}件）。件数が多いと1分ほどかかります…`,
  downloading: (items: number, files: number) => `証拠 ${items.toLocaleString('ja-JP')}件・ファイル ${files.toLocaleString('ja-JP')}個を書き出しています`,
  progressLabel: '書き出しの進み具合',
  progress: (percent: number, done: string, total: string) => `${percent}% — ${done} / ${total}`,
  cancelled: '保存先が選ばれなかったため、書き出しを中止しました。',
  savedDirect: (name: string) => `${name} に保存しました。検証ページ（/verify）で確かめられます。`,
  interrupted: '書き出しが途中で止まりました。保存されたファイルは不完全なので使わず、もう一度書き出してください。',
};

type EvidenceBundleMessages = typeof ja;

const en: EvidenceBundleMessages = {
  saveDirect: 'Choose the file first and write straight into it (for large bundles: uses no browser memory)',
  preparing: (items) =>
    items === undefined
      ? 'Preparing the report (report.pdf)…'
      : `Preparing the report (report.pdf) for ${items.toLocaleString('en-US')} item${items === 1 ? '' : 's'}. With many items this can take a minute…`,
  downloading: (items, files) =>
    `Exporting ${items.toLocaleString('en-US')} item${items === 1 ? '' : 's'} and ${files.toLocaleString('en-US')} file${files === 1 ? '' : 's'}`,
  progressLabel: 'Export progress',
  progress: (percent, done, total) => `${percent}% — ${done} / ${total}`,
  cancelled: 'No file was chosen, so the export was cancelled.',
  savedDirect: (name) => `Saved to ${name}. The verification page (/verify) can check it.`,
  interrupted: 'The export stopped part-way. The saved file is incomplete: do not use it, and export again.',
};

export function evidenceBundleMessages(locale: Locale): EvidenceBundleMessages {
  return locale === 'en' ? en : ja;
}
