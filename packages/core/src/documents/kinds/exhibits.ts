import type { EvidenceFile, EvidenceFileRole, EvidenceItem } from '../../evidence/item.js';

/** How a file of an evidence item is named in a document (証拠の標目 and evidence lists). */
export const FILE_ROLE_LABELS: Readonly<Record<EvidenceFileRole, string>> = {
  screenshot: '画面の写し（スクリーンショット）',
  image: '画像',
  video: '動画',
  pdf: 'ウェブページの印刷（PDF）',
  html: 'ウェブページのHTMLソース',
  mhtml: 'ウェブページの保存データ（MHTML）',
  'screenshot-annotated': '画面の写し（注記入り）',
  'http-headers': 'HTTP応答ヘッダの記録',
  'tls-chain': 'TLS証明書の記録',
  provenance: '取得記録',
  document: '書面',
};

/**
 * Roles that are exhibits in themselves. Headers, certificates and the capture record support the
 * exhibits' authenticity and are listed with their hashes in the case summary, not filed as exhibits.
 */
const EXHIBIT_ROLES: ReadonlySet<EvidenceFileRole> = new Set([
  'screenshot',
  'screenshot-annotated',
  'image',
  'video',
  'pdf',
  'html',
  'mhtml',
  'document',
]);

export interface ExhibitFile extends EvidenceFile {
  readonly label: string;
}

/** The files of an item that are filed as exhibits, in the item's order, with their labels. */
export function exhibitFiles(item: EvidenceItem): ExhibitFile[] {
  return item.files.filter((file) => EXHIBIT_ROLES.has(file.role)).map((file) => ({ ...file, label: FILE_ROLE_LABELS[file.role] }));
}
