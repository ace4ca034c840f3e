import { createErrorFactory } from '../../errors/app-error.js';

export const createTemplateNotFoundError = createErrorFactory({
  code: 'templates.not_found',
  statusCode: 404,
  message: {
    ja: 'この返信テンプレートは見つかりません。一覧を開き直してください。',
    en: 'This reply template was not found. Reload the list.',
  },
});

export const createTemplateStaleError = createErrorFactory({
  code: 'templates.stale',
  statusCode: 409,
  message: {
    ja: 'このテンプレートは、あなたが開いた後に別の管理者が変更しました。変更は保存されていません。一覧を開き直して最新の内容を確認してから、もう一度操作してください。',
    en: 'Another administrator changed this template after you opened it, so your change was not saved. Reload the list, check the latest text and try again.',
  },
});

export const createTemplateArchivedError = createErrorFactory({
  code: 'templates.archived',
  statusCode: 409,
  message: {
    ja: 'アーカイブしたテンプレートは編集できません。新しいテンプレートとして作り直してください。',
    en: 'An archived template cannot be edited. Create a new template instead.',
  },
});

export const createUnknownPlaceholderError = createErrorFactory<{ names: string; known: string }>({
  code: 'templates.placeholder_unknown',
  statusCode: 400,
  message: {
    ja: '本文の差し込み項目 {names} は使えません。使えるのは {known} です。つづりを確かめてください。',
    en: 'The placeholder(s) {names} in the text are not known. Use only {known}; check the spelling.',
  },
});
