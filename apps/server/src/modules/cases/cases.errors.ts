import { createErrorFactory } from '../../errors/app-error.js';

/** Unknown id, or a case whose personal data was erased (withdrawn). */
export const createCaseNotFoundError = createErrorFactory({
  code: 'cases.not_found',
  statusCode: 404,
  message: {
    ja: '相談が見つかりません（取り下げられて削除された可能性があります）。一覧を開き直してください。',
    en: 'The case was not found (it may have been withdrawn and erased). Reload the queue.',
  },
});

export const createStaleError = createErrorFactory({
  code: 'cases.stale',
  statusCode: 409,
  message: {
    ja: 'この相談は、あなたが開いた後に別の担当者が変更しました。変更は保存されていません。ページを開き直して最新の内容を確認してから、もう一度操作してください。',
    en: 'Someone else changed this case after you opened it, so your change was not saved. Reload the case, check the latest state and try again.',
  },
});

export const createTransitionForbiddenError = createErrorFactory<{ from: string; to: string }>({
  code: 'cases.transition_forbidden',
  statusCode: 409,
  message: {
    ja: 'この相談は段階「{from}」から「{to}」へは移せません。ページに表示される移行先から選んでください。',
    en: 'This case cannot move from stage "{from}" to "{to}". Choose one of the next stages shown on the case page.',
  },
});

export const createWithdrawnError = createErrorFactory({
  code: 'cases.withdrawn',
  statusCode: 409,
  message: {
    ja: 'この相談は相談者が取り下げたため、変更できません。',
    en: 'The victim withdrew this case, so it can no longer be changed.',
  },
});

export const createAssigneeInvalidError = createErrorFactory({
  code: 'cases.assignee_invalid',
  statusCode: 400,
  message: {
    ja: '担当者にできるのは、この相談のチームの有効な相談員か、管理者のアカウントだけです。担当者の一覧から選び直してください。',
    en: 'Only an active consultant of this case’s team, or an administrator, can be assigned. Choose again from the list of staff.',
  },
});

export const createNoConsultantError = createErrorFactory({
  code: 'cases.no_consultant',
  statusCode: 409,
  message: {
    ja: 'この相談のチームには、自動で割り当てられる有効な相談員がいません。チームに相談員を加えるか、担当者を手動で選んでください。',
    en: 'This case’s team has no active consultant to assign automatically. Add a consultant to the team or choose the assignee by hand.',
  },
});

export const createTaskNotFoundError = createErrorFactory({
  code: 'cases.task_not_found',
  statusCode: 404,
  message: {
    ja: 'このタスクはこの相談にありません。ページを開き直してください。',
    en: 'This task does not belong to this case. Reload the case.',
  },
});
