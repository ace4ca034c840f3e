import { createErrorFactory } from '../../errors/app-error.js';

export const createEvidenceBundleChainBrokenError = createErrorFactory({
  code: 'evidence.bundle_chain_broken',
  statusCode: 409,
  message: {
    ja: 'この相談の証拠チェーンに不整合があるため、証拠一式を書き出せません。証拠の画面で問題の記録を確認し、管理者に連絡してください。',
    en: "This case's evidence chain does not verify, so no bundle can be exported. Check the flagged entry on the evidence page and contact an administrator.",
  },
});

export const createEvidenceBundleEmptyError = createErrorFactory({
  code: 'evidence.bundle_empty',
  statusCode: 409,
  message: {
    ja: 'この相談にはまだ証拠がないため、書き出すものがありません。先に証拠を追加してください。',
    en: 'This case has no evidence yet, so there is nothing to export. Add evidence first.',
  },
});
