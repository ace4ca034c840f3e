import { createErrorFactory } from '../../errors/app-error.js';

/** Missing or invalid fields: nothing is rendered or stored. `details.errors` lists every one (field, ja, en). */
export const createDocumentIncompleteError = createErrorFactory<{ count: string }>({
  code: 'documents.incomplete',
  statusCode: 422,
  message: {
    ja: '書類に未入力や誤りが {count} 件あるため、作成できません。すべて直してからもう一度お試しください。',
    en: 'The document has {count} missing or invalid field(s), so it was not produced. Fix them all and try again.',
  },
});

export const createDocumentItemsNotFoundError = createErrorFactory({
  code: 'documents.items_not_found',
  statusCode: 422,
  message: {
    ja: '選んだ証拠の一部がこの相談の証拠にありません（取り下げられた可能性があります）。証拠を選び直してください。',
    en: 'Some of the selected evidence items are not in this case (they may have been removed). Select the items again.',
  },
});

export const createDocumentKindNotAllowedError = createErrorFactory({
  code: 'documents.kind_not_allowed',
  statusCode: 403,
  message: {
    ja: 'ご自身で作成できるのは「送信防止措置依頼書（削除の依頼）」と「発信者情報開示請求書」です。ほかの書類は相談員にご相談ください。',
    en: 'You can prepare the deletion request and the disclosure request yourself. Ask your consultant about other documents.',
  },
});

export const createDocumentNotFoundError = createErrorFactory({
  code: 'documents.not_found',
  statusCode: 404,
  message: {
    ja: 'この書類は見つかりません。一覧を開き直してください。',
    en: 'This document was not found. Reload the list.',
  },
});

export const createDocumentEvidenceChangedError = createErrorFactory({
  code: 'documents.evidence_changed',
  statusCode: 409,
  message: {
    ja: '書類を作っている間に証拠の記録が変わりました。内容を確かめて、もう一度作成してください。',
    en: 'The evidence record changed while the document was being made. Check it and generate it again.',
  },
});

export const createDocumentChainBrokenError = createErrorFactory({
  code: 'documents.chain_broken',
  statusCode: 409,
  message: {
    ja: '証拠の記録に不整合が見つかったため、書類を保存できません。相談員（管理者）に連絡してください。',
    en: 'The evidence record failed its integrity check, so the document cannot be stored. Contact the staff (an administrator).',
  },
});
