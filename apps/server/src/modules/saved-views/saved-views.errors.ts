import { createErrorFactory } from '../../errors/app-error.js';

/** Unknown id, or another person's view that is not shared (not visible to the caller). */
export const createViewNotFoundError = createErrorFactory({
  code: 'views.not_found',
  statusCode: 404,
  message: {
    ja: 'この保存済みの絞り込みは見つかりません（削除された可能性があります）。一覧を開き直してください。',
    en: 'This saved view was not found (it may have been deleted). Reload the queue.',
  },
});

export const createViewNotOwnerError = createErrorFactory({
  code: 'views.not_owner',
  statusCode: 403,
  message: {
    ja: 'ほかのスタッフが共有した絞り込みは、作った人か管理者だけが削除できます。',
    en: 'Only the person who saved a shared view, or an administrator, can delete it.',
  },
});

export const createTooManyViewsError = createErrorFactory<{ max: string }>({
  code: 'views.too_many',
  statusCode: 409,
  message: {
    ja: '保存できる絞り込みは1人{max}件までです。使わなくなったものを削除してから保存してください。',
    en: 'You can keep up to {max} saved views. Delete one you no longer use, then save again.',
  },
});
