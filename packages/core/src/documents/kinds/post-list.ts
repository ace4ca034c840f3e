import type { Block, DocumentModel, Inline } from '../document-model.js';
import type { DocumentInput } from '../input.js';
import {
  checkClaims,
  claimFor,
  contentOf,
  createContext,
  fiveChannelPost,
  isTokyoZone,
  need,
  needEvidence,
  paragraphs,
  postLabel,
  postTime,
  reasonOf,
  rightsOf,
  type BuildContext,
} from './common.js';
import { finish } from './finish.js';

/**
 * 投稿記事目録 and 権利侵害の説明: the annexes of a 発信者情報開示命令 application (情報流通プラットフォーム対処法
 * 8条; DOMAIN.md §3.5), one entry per post. Times are written in Japan time: login-type SNS disclose UTC and the
 * 目録 is written in JST (DOMAIN.md §7.6, kandato blog 2023-11-21).
 */
export const POST_LIST_FORM = {
  title: '投稿記事目録',
  explanationTitle: '権利侵害の説明',
} as const;

function validate(context: BuildContext): void {
  const { input } = context;
  if (!needEvidence(context)) return;
  checkClaims(context, input.postList?.items, 'postList.items');
  input.evidence.forEach((item, index) => {
    const claim = claimFor(input.postList?.items, item);
    const label = postLabel(index);
    need(context, contentOf(item, claim), `evidence.${index}.text`, `${label}の投稿内容`, `The text of post ${index + 1}`);
    if (rightsOf(item, claim).length === 0) {
      context.errors.push({
        code: 'document.field_required',
        field: `evidence.${index}.legal.rights`,
        message: { ja: `${label}の「侵害された権利」を選んでください。`, en: `Choose the right post ${index + 1} infringes.` },
      });
    }
    need(context, reasonOf(item, claim), `evidence.${index}.legal.context`, `${label}の権利侵害の説明`, `Why post ${index + 1} infringes your rights`);
    const postedAt = item.postedAt;
    if (!postedAt) {
      context.warnings.push({
        code: 'document.post_time_missing',
        field: `evidence.${index}.postedAt`,
        message: { ja: `${label}の投稿日時がありません。`, en: `Post ${index + 1} has no posting time.` },
      });
    } else if (!postedAt.iso && postedAt.timeZone && !isTokyoZone(postedAt.timeZone)) {
      context.warnings.push({
        code: 'document.post_time_not_converted',
        field: `evidence.${index}.postedAt.iso`,
        message: {
          ja: `${label}の投稿日時（${postedAt.timeZone}）を日本時間に換算できません。日時を正確に入力してください。`,
          en: `The time of post ${index + 1} (${postedAt.timeZone}) cannot be converted to Japan time: enter it exactly.`,
        },
      });
    }
  });
}

/** 投稿記事目録 (URL, time in JST, poster, text) followed by 権利侵害の説明 for each post. */
export function buildPostList(input: DocumentInput): DocumentModel {
  const context = createContext(input);
  validate(context);
  const blocks = (): Block[] => {
    const claims = input.postList?.items;
    const entries = input.evidence.flatMap((item, index): Block[] => {
      const claim = claimFor(claims, item);
      const time = postTime(item, input.dateStyle);
      const rows: { label: string; value: Inline[] }[] = [{ label: '閲覧用URL', value: [item.postUrl] }];
      const fiveCh = item.platform === '5ch' ? fiveChannelPost(item.postUrl) : undefined;
      if (fiveCh) {
        rows.push({
          label: 'スレッド・レス番号',
          value: [`板 ${fiveCh.board}\u3000スレッド ${fiveCh.thread}${fiveCh.post ? `\u3000レス番号 ${fiveCh.post}` : ''}`],
        });
      }
      if (time) {
        rows.push({ label: '投稿日時', value: [time.jst && !time.text.includes('日本時間') ? `${time.text}（日本時間）` : time.text] });
        if (time.convertedFrom) rows.push({ label: '表示上の日時', value: [time.convertedFrom] });
      } else {
        rows.push({ label: '投稿日時', value: ['不明'] });
      }
      if (item.accountId || item.displayName) {
        rows.push({
          label: '投稿者',
          value: [[item.displayName, item.accountId && `（${item.accountId}）`].filter(Boolean).join('')],
        });
      }
      if (claim?.locationDetail?.trim()) rows.push({ label: 'その他特定に必要な情報', value: [claim.locationDetail.trim()] });
      rows.push({ label: '投稿内容', value: [contentOf(item, claim) ?? ''] });
      return [{ kind: 'heading', text: `${index + 1}` }, { kind: 'fields', rows }];
    });
    const explanations = input.evidence.flatMap((item, index): Block[] => {
      const claim = claimFor(claims, item);
      return [
        { kind: 'heading', text: `${index + 1}（${POST_LIST_FORM.title}${index + 1}の投稿）` },
        { kind: 'fields', rows: [{ label: '侵害された権利', value: [rightsOf(item, claim).join('、')] }] },
        ...paragraphs(reasonOf(item, claim) ?? ''),
      ];
    });
    return [
      { kind: 'title', text: POST_LIST_FORM.title },
      ...entries,
      { kind: 'pageBreak' },
      { kind: 'title', text: POST_LIST_FORM.explanationTitle },
      ...explanations,
      { kind: 'paragraph', text: ['以上'], align: 'end' },
    ];
  };
  return finish(context, { kind: 'post-list', title: POST_LIST_FORM.title, font: 'serif' }, blocks);
}
