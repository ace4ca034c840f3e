import { createErrorFactory } from '../../errors/app-error.js';

/** Same answer for an unknown case number and a wrong key, so neither can be told apart. */
export const createInvalidCredentialsError = createErrorFactory({
  code: 'victim.invalid_credentials',
  statusCode: 401,
  message: {
    ja: '相談番号または鍵が正しくありません。受付時に表示された番号と鍵を確認してください。鍵をなくした場合は、登録したメールアドレスから再発行できます。',
    en: 'The case number or the access key is wrong. Check the number and key shown when you submitted. If you lost the key, you can reset it through your contact email.',
  },
});

export const createTooManyAttemptsError = createErrorFactory<{ minutes: string }>({
  code: 'victim.too_many_attempts',
  statusCode: 429,
  message: {
    ja: '試行回数が多すぎます。安全のため、{minutes} 分ほど待ってからもう一度お試しください。',
    en: 'Too many attempts. For your safety, wait about {minutes} minute(s) and try again.',
  },
});

export const createNotSignedInError = createErrorFactory({
  code: 'victim.not_signed_in',
  statusCode: 401,
  message: {
    ja: 'ログインしていないか、一定時間操作がなかったためログアウトしました。相談番号と鍵でもう一度開いてください。',
    en: 'You are not signed in, or you were signed out after a period of inactivity. Open your case again with the case number and access key.',
  },
});

export const createCsrfError = createErrorFactory({
  code: 'victim.csrf',
  statusCode: 403,
  message: {
    ja: 'この操作を確認できませんでした（CSRF トークンがありません、または違います）。ページを開き直してからもう一度お試しください。',
    en: 'This action could not be verified (missing or wrong CSRF token). Reload the page and try again.',
  },
});

/** Same answer for an unknown, used or expired token. */
export const createResetInvalidError = createErrorFactory({
  code: 'victim.reset_invalid',
  statusCode: 400,
  message: {
    ja: 'この再発行リンクは無効です（期限切れ、使用済み、または誤り）。もう一度再発行を申し込んでください。',
    en: 'This reset link is not valid (expired, already used, or wrong). Request a new reset.',
  },
});

export const createAttachmentNotFoundError = createErrorFactory({
  code: 'victim.attachment_not_found',
  statusCode: 404,
  message: {
    ja: '添付ファイルが見つかりません。ページを開き直してください。',
    en: 'The attachment was not found. Reload the page.',
  },
});

/** Withdrawal is for open consultations; a finished one is erased through the erasure request. */
export const createCaseFinishedError = createErrorFactory({
  code: 'victim.case_finished',
  statusCode: 409,
  message: {
    ja: 'この相談はすでに終了しているため、取り下げはできません。データの消去は、相談ページの「データの消去を申し出る」からできます。',
    en: 'This consultation has already ended, so it cannot be withdrawn. To erase your data, use “Ask us to erase my data” on your case page.',
  },
});
