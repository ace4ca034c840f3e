import { createErrorFactory } from '../../errors/app-error.js';

/** Same answer for an unknown email, a wrong password, a wrong code and a disabled account. */
export const createInvalidCredentialsError = createErrorFactory({
  code: 'staff.invalid_credentials',
  statusCode: 401,
  message: {
    ja: 'メールアドレス、パスワード、または確認コードが正しくありません。確認コードは認証アプリに表示される 6 桁の数字です。',
    en: 'The email, password or verification code is wrong. The code is the 6-digit number shown in your authenticator app.',
  },
});

export const createLockedError = createErrorFactory<{ minutes: string }>({
  code: 'staff.locked',
  statusCode: 423,
  message: {
    ja: 'ログインの失敗が続いたため、このアカウントは一時的にロックされています。{minutes} 分ほど待ってからもう一度お試しください。心当たりがない場合は管理者に連絡してください。',
    en: 'This account is locked for now after repeated failed logins. Wait about {minutes} minute(s) and try again. If this was not you, tell an administrator.',
  },
});

export const createTooManyAttemptsError = createErrorFactory<{ minutes: string }>({
  code: 'staff.too_many_attempts',
  statusCode: 429,
  message: {
    ja: 'この接続元からのログイン試行が多すぎます。{minutes} 分ほど待ってからもう一度お試しください。',
    en: 'Too many login attempts from this address. Wait about {minutes} minute(s) and try again.',
  },
});

export const createNotSignedInError = createErrorFactory({
  code: 'staff.not_signed_in',
  statusCode: 401,
  message: {
    ja: 'ログインしていないか、一定時間操作がなかったためログアウトしました。もう一度ログインしてください。',
    en: 'You are not signed in, or you were signed out after a period of inactivity. Sign in again.',
  },
});

export const createCsrfError = createErrorFactory({
  code: 'staff.csrf',
  statusCode: 403,
  message: {
    ja: 'この操作を確認できませんでした（CSRF トークンがありません、または違います）。ページを開き直してからもう一度お試しください。',
    en: 'This action could not be verified (missing or wrong CSRF token). Reload the page and try again.',
  },
});

export const createForbiddenError = createErrorFactory({
  code: 'staff.forbidden',
  statusCode: 403,
  message: {
    ja: 'この操作を行う権限がありません。必要な場合は管理者に依頼してください。',
    en: 'Your role does not allow this. Ask an administrator if you need it.',
  },
});

/** Same answer for an unknown, used or expired setup link. */
export const createSetupInvalidError = createErrorFactory({
  code: 'staff.setup_invalid',
  statusCode: 400,
  message: {
    ja: 'この設定用リンクは無効です（期限切れ、使用済み、または誤り）。管理者に新しいリンクの発行を依頼してください。',
    en: 'This setup link is not valid (expired, already used, or wrong). Ask an administrator for a new link.',
  },
});

export const createSetupIncompleteError = createErrorFactory({
  code: 'staff.setup_incomplete',
  statusCode: 409,
  message: {
    ja: '先にパスワードを設定してください（設定用リンクの最初の手順）。',
    en: 'Set a password first (the first step of the setup link).',
  },
});

export const createTotpInvalidError = createErrorFactory({
  code: 'staff.totp_invalid',
  statusCode: 400,
  message: {
    ja: '確認コードが正しくありません。認証アプリに今表示されている 6 桁の数字を入力してください。端末の時刻が正しいかも確認してください。',
    en: 'The verification code is wrong. Enter the 6-digit number your authenticator app shows now, and check that the device clock is right.',
  },
});

export const createPasswordTooShortError = createErrorFactory<{ min: string }>({
  code: 'staff.password_too_short',
  statusCode: 400,
  message: {
    ja: 'パスワードは {min} 文字以上にしてください。覚えやすい単語をいくつか並べた長い文にするのがおすすめです。',
    en: 'Use a password of at least {min} characters. A few unrelated words in a row are long and easy to remember.',
  },
});

export const createPasswordIsEmailError = createErrorFactory({
  code: 'staff.password_is_email',
  statusCode: 400,
  message: {
    ja: 'メールアドレスをパスワードにすることはできません。別のパスワードを選んでください。',
    en: 'The password must not be your email address. Choose another one.',
  },
});

export const createPasswordCommonError = createErrorFactory({
  code: 'staff.password_common',
  statusCode: 400,
  message: {
    ja: 'このパスワードはよく使われていて推測されやすいため使えません。別のパスワードを選んでください。',
    en: 'This password is too common and easy to guess. Choose another one.',
  },
});

export const createEmailTakenError = createErrorFactory({
  code: 'staff.email_taken',
  statusCode: 409,
  message: {
    ja: 'このメールアドレスのアカウントはすでにあります。一覧を確認してください。',
    en: 'An account with this email already exists. Check the list of accounts.',
  },
});

export const createAccountNotFoundError = createErrorFactory({
  code: 'staff.account_not_found',
  statusCode: 404,
  message: {
    ja: 'そのアカウントは見つかりません。一覧を開き直してください。',
    en: 'That account was not found. Reload the list of accounts.',
  },
});

export const createLastAdminError = createErrorFactory({
  code: 'staff.last_admin',
  statusCode: 409,
  message: {
    ja: '最後の有効な管理者アカウントは無効にできません。先に別の管理者を作成してください。',
    en: 'The last active administrator cannot be disabled. Create another administrator first.',
  },
});

export const createSessionNotFoundError = createErrorFactory({
  code: 'staff.session_not_found',
  statusCode: 404,
  message: {
    ja: 'そのセッションは見つかりません（すでに終了している可能性があります）。一覧を開き直してください。',
    en: 'That session was not found (it may have ended already). Reload the list.',
  },
});
