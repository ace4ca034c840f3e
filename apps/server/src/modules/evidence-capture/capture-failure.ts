import type { Locale } from '@mimamoru/core';

/** Why a server capture did not produce evidence; stored on the capture row and shown localized. */
export const CAPTURE_FAILURE_CODES = [
  'invalid_url',
  'blocked_scheme',
  'blocked_address',
  'dns_failed',
  'timeout',
  'too_large',
  'login_wall',
  'navigation_failed',
  'browser_failed',
  'internal',
] as const;
export type CaptureFailureCode = (typeof CAPTURE_FAILURE_CODES)[number];

const MESSAGES: Readonly<Record<CaptureFailureCode, Readonly<Record<Locale, string>>>> = {
  invalid_url: {
    ja: 'URLの形式が正しくありません。https:// から始まる投稿のURLをそのまま貼り付けてください。',
    en: 'This is not a valid URL. Paste the post’s full address starting with https://.',
  },
  blocked_scheme: {
    ja: '取得できるのは http:// と https:// のページだけです（file: や data: などは取得しません）。',
    en: 'Only http:// and https:// pages can be captured (file:, data: and the like are refused).',
  },
  blocked_address: {
    ja: 'このURLはサーバー自身や内部ネットワーク（localhost・プライベートアドレスなど）を指しているため、安全のため取得しません。公開されている投稿のURLを指定してください。',
    en: 'This URL points at the server itself or an internal network (localhost, a private address…), so it is refused for safety. Give the address of a public post.',
  },
  dns_failed: {
    ja: 'このURLのホスト名が見つかりません。URLに誤りがないか確認してください。',
    en: 'The host name in this URL could not be found. Check the URL for typos.',
  },
  timeout: {
    ja: 'ページの読み込みが制限時間内に終わりませんでした。時間をおいてもう一度試すか、被害者のブラウザでスクリーンショットを撮ってください。',
    en: 'The page did not finish loading in time. Try again later, or capture it with a screenshot from the victim’s browser.',
  },
  too_large: {
    ja: 'ページが大きすぎるため取得を中止しました（上限を超えています）。投稿の個別URLを指定するか、ブラウザで分割してスクリーンショットを撮ってください。',
    en: 'The page is too large to capture (over the size limit). Use the individual post’s URL, or take screenshots in parts from a browser.',
  },
  login_wall: {
    ja: 'このページはログインしないと見られないため、サーバーからは取得できません。被害者ご本人のブラウザ（ログインした状態）で、URL・投稿日時・アカウントIDが写るようにスクリーンショットを撮ってアップロードしてください。',
    en: 'This page is behind a login wall, so the server cannot capture it. Capture it from the victim’s own (logged-in) browser, with the URL, post time and account id visible, and upload the screenshot.',
  },
  navigation_failed: {
    ja: 'ページを開けませんでした（接続が拒否されたか、途中で切れました）。URLを確認して、もう一度試してください。',
    en: 'The page could not be opened (the connection was refused or dropped). Check the URL and try again.',
  },
  browser_failed: {
    ja: 'サーバーのブラウザが起動できず、取得できませんでした。管理者に連絡してください。',
    en: 'The server’s browser could not start, so nothing was captured. Contact the administrator.',
  },
  internal: {
    ja: '取得中に予期しない問題が起きました。証拠保管庫は変更されていません。もう一度試してください。',
    en: 'Something unexpected went wrong during the capture. The evidence locker was not changed. Please try again.',
  },
};

/** The localized message of a capture failure code (unknown codes read as `internal`). */
export function captureFailureMessage(code: string, locale: Locale): string {
  const known = (CAPTURE_FAILURE_CODES as readonly string[]).includes(code)
    ? (code as CaptureFailureCode)
    : 'internal';
  return MESSAGES[known][locale];
}

/** A capture that cannot succeed as asked; `detail` is for logs and never holds the URL. */
export class CaptureFailure extends Error {
  constructor(
    readonly code: CaptureFailureCode,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'CaptureFailure';
  }
}
