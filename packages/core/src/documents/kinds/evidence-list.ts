import type { EvidenceItem } from '../../evidence/item.js';
import type { Block, DocumentModel, Inline } from '../document-model.js';
import type { DocumentInput, EvidenceParty } from '../input.js';
import {
  CELL_LIMITS,
  PLATFORM_NAMES,
  checkClaims,
  checkRequester,
  createContext,
  dateBlock,
  dateText,
  fit,
  jstDate,
  jstDateTimeText,
  needEvidence,
  postLabel,
  posterText,
  type BuildContext,
} from './common.js';
import { exhibitFiles } from './exhibits.js';
import { finish } from './finish.js';

/**
 * 証拠説明書 (民事訴訟規則137条1項: 文書の標目, 作成者, 立証趣旨; 平成8年最高裁判所規則第5号, published by the
 * 最高裁判所 https://www.courts.go.jp/ rather than e-Gov; as quoted by lawyershelperbyhisz and yamanaka-bengoshi.jp).
 * Columns as the standard form since the 1996 Code (DOMAIN.md §6.4: komazawa paper by 柴谷晃; lawyershelperbyhisz;
 * yuhigaoka-law 2025-07-14). Branch numbers (甲1の1, 甲1の2) for closely related documents, 不明 where the date or
 * author is unknown (yamanaka-bengoshi.jp). A web capture names its URL and capture time in the 標目, the poster
 * (氏名不詳者 or @ID) as author and the post date as its date: common practice, to be checked with counsel.
 */
export const EVIDENCE_LIST_FORM = {
  title: '証拠説明書',
  columns: ['号証', '標目', '原本・写しの別', '作成年月日', '作成者', '立証趣旨'],
  widths: [0.09, 0.3, 0.08, 0.13, 0.15, 0.25],
  unknown: '不明',
  /** 民事訴訟規則 (平成8年最高裁判所規則第5号) 137条1項. */
  rule: '民事訴訟規則137条1項',
  source: 'https://www.courts.go.jp/',
} as const;

/** Who files under each party letter. */
const PARTY_ROLES: Readonly<Record<EvidenceParty, string>> = { 甲: '原告（申立人）', 乙: '被告（相手方）', 丙: '参加人' };

/** The exhibit number: 甲1, or 甲1の2 when the item has several files (branch numbers). */
export function exhibitNumber(party: EvidenceParty, number: number, branch?: number): string {
  return branch === undefined ? `${party}${number}` : `${party}${number}の${branch}`;
}

function defaultPurpose(item: EvidenceItem, postDate: string | undefined): string {
  const text = item.text?.trim();
  const excerpt = text ? `「${[...text].slice(0, 40).join('')}${[...text].length > 40 ? '…' : ''}」との` : '';
  return `${posterText(item)}が、${postDate ?? '日時不詳'}、${PLATFORM_NAMES[item.platform]}上に${excerpt}投稿を掲載し、不特定多数の者が閲覧できる状態に置いた事実`;
}

function validate(context: BuildContext): void {
  const { input } = context;
  checkRequester(context, false);
  if (!input.evidenceList) {
    context.errors.push({
      code: 'document.field_required',
      field: 'evidenceList.party',
      message: { ja: '提出する当事者（甲・乙・丙）を選んでください。', en: 'Choose the filing party (甲, 乙 or 丙).' },
    });
  }
  if (!needEvidence(context)) return;
  checkClaims(context, input.evidenceList?.items, 'evidenceList.items');
  input.evidence.forEach((item, index) => {
    if (exhibitFiles(item).length === 0) {
      context.errors.push({
        code: 'document.no_exhibit_file',
        field: `evidence.${index}.files`,
        message: {
          ja: `${postLabel(index)}には証拠として提出できるファイル（スクリーンショットなど）がありません。`,
          en: `Post ${index + 1} has no file that can be filed as an exhibit (screenshot etc.).`,
        },
      });
    }
  });
}

/** 証拠説明書: one row per exhibit file, numbered from `firstNumber`, branch-numbered within an item. */
export function buildEvidenceList(input: DocumentInput): DocumentModel {
  const context = createContext(input);
  validate(context);
  const blocks = (): Block[] => {
    const options = input.evidenceList!;
    const first = options.firstNumber ?? 1;
    const rows = input.evidence.flatMap((item, index): Inline[][][] => {
      const files = exhibitFiles(item);
      const number = first + index;
      const postedIso = item.postedAt?.iso;
      const postDay = postedIso ? jstDate(postedIso) : undefined;
      const postDate = postDay ? dateText(postDay, input.dateStyle) : undefined;
      const captured = jstDateTimeText(item.capturedAt, input.dateStyle) ?? item.capturedAt;
      const claim = options.items?.find((entry) => entry.itemId === item.id);
      const purpose = claim?.purpose?.trim() || defaultPurpose(item, postDate ?? item.postedAt?.asShown);
      return files.map((file, fileIndex) => {
        const label = exhibitNumber(options.party, number, files.length > 1 ? fileIndex + 1 : undefined);
        const title = `${PLATFORM_NAMES[item.platform]}の投稿の${file.label}（URL：${item.postUrl}、取得日時：${captured}）`;
        return [
          [label],
          fit(context, title, CELL_LIMITS.exhibitTitle, `${label} 標目`),
          [claim?.original ? '原本' : '写し'],
          [postDate ?? item.postedAt?.asShown ?? EVIDENCE_LIST_FORM.unknown],
          [posterText(item)],
          fit(context, purpose, CELL_LIMITS.purpose, `${label} 立証趣旨`),
        ];
      });
    });
    const head: Block[] = [];
    if (options.caseTitle?.trim()) head.push({ kind: 'paragraph', text: [options.caseTitle.trim()] });
    return [
      ...head,
      { kind: 'title', text: EVIDENCE_LIST_FORM.title },
      dateBlock(context),
      ...(options.court?.trim() ? [{ kind: 'paragraph', text: [`${options.court.trim()}\u3000御中`] } satisfies Block] : []),
      { kind: 'signature', lines: [`${PARTY_ROLES[options.party]}\u3000${input.requester.name}\u3000印`] },
      {
        kind: 'table',
        columns: EVIDENCE_LIST_FORM.columns.map((label, i) => ({ label, width: EVIDENCE_LIST_FORM.widths[i] ?? 0 })),
        rows,
      },
    ];
  };
  return finish(context, { kind: 'evidence-list', title: EVIDENCE_LIST_FORM.title, font: 'serif' }, blocks);
}
