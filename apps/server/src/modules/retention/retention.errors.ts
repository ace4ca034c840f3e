import { createErrorFactory } from '../../errors/app-error.js';

/** A change to a case whose personal data was erased (retention or the victim's request). */
export const createCaseErasedError = createErrorFactory({
  code: 'cases.erased',
  statusCode: 409,
  message: {
    ja: 'この相談の個人データは消去済みのため、変更できません（保存期間の満了、または相談者の申し出による消去）。',
    en: 'This case’s personal data has been erased (its retention period ended, or the victim asked), so it can no longer be changed.',
  },
});
