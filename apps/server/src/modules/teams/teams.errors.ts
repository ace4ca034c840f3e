import { createErrorFactory } from '../../errors/app-error.js';

/** A team id in a request that names no team. */
export const createTeamUnknownError = createErrorFactory({
  code: 'teams.unknown',
  statusCode: 400,
  message: {
    ja: '指定したチームはありません。チームの一覧から選び直してください。',
    en: 'There is no such team. Choose one from the list of teams.',
  },
});

export const createTeamNameTakenError = createErrorFactory({
  code: 'teams.name_taken',
  statusCode: 409,
  message: {
    ja: '同じ名前のチームがすでにあります。別の名前にしてください。',
    en: 'A team with this name already exists. Choose another name.',
  },
});

export const createLawyerTeamError = createErrorFactory({
  code: 'teams.lawyer_without_team',
  statusCode: 400,
  message: {
    ja: '弁護士のアカウントはチームに所属しません（紹介された相談だけを見ます）。チームを指定せずに保存してください。',
    en: 'Lawyer accounts belong to no team (they see only cases referred to them). Save without a team.',
  },
});

export const createConsultantTeamError = createErrorFactory({
  code: 'teams.consultant_needs_team',
  statusCode: 400,
  message: {
    ja: '相談員は必ずどれか1つのチームに所属します（そのチームの相談を見ます）。チームを選んでください。',
    en: 'A consultant always belongs to one team (they see its cases). Choose a team.',
  },
});

export const createOpenCasesError = createErrorFactory<{ count: string }>({
  code: 'teams.open_cases_assigned',
  statusCode: 409,
  message: {
    ja: 'この相談員には、今のチームの対応中の相談が {count} 件割り当てられています。チームを移すと見えなくなるため、先にそれらの担当を変えてから、もう一度お試しください。',
    en: 'This consultant still has {count} open case(s) of their current team assigned. They could no longer see them after the move: reassign those cases first, then try again.',
  },
});

export const createAccountStaleError = createErrorFactory({
  code: 'teams.account_stale',
  statusCode: 409,
  message: {
    ja: 'このアカウントは同時に別の操作で変更されました。一覧を読み込み直してから、もう一度お試しください。',
    en: 'This account was changed by someone else at the same moment. Reload the list and try again.',
  },
});
