import { createErrorFactory } from '../../errors/app-error.js';

/** Same answer for an unknown id, a wrong key and an expired save, so none can be told apart. */
export const createSavedTriageNotFoundError = createErrorFactory({
  code: 'triage.saved_not_found',
  statusCode: 404,
  message: {
    ja: '保存された結果が見つかりません。番号と鍵を確認してください。保存から時間が経つと自動的に削除されます。',
    en: 'No saved result was found. Check the id and the access key. Saved results are erased automatically after a while.',
  },
});

export const createSavedTriageOutdatedError = createErrorFactory({
  code: 'triage.saved_outdated',
  statusCode: 409,
  message: {
    ja: '保存された回答は現在の質問の形式と合わなくなりました。お手数ですが、もう一度回答してください。',
    en: 'The saved answers no longer match the current questions. Please answer the questions again.',
  },
});
