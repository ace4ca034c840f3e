import { createErrorFactory } from '../../errors/app-error.js';

export const createLawyerNotFoundError = createErrorFactory({
  code: 'referrals.lawyer_not_found',
  statusCode: 404,
  message: {
    ja: 'この弁護士アカウントが見つかりません（無効にされた可能性があります）。弁護士の一覧を開き直してください。',
    en: 'This lawyer account was not found (it may have been disabled). Reload the list of lawyers.',
  },
});

export const createProfileForbiddenError = createErrorFactory({
  code: 'referrals.profile_forbidden',
  statusCode: 403,
  message: {
    ja: '弁護士が変更できるのは自分のプロフィールだけです。ほかの弁護士のプロフィールは管理者に依頼してください。',
    en: 'A lawyer can only change their own profile. Ask an administrator to change another lawyer’s profile.',
  },
});

export const createProfileStaleError = createErrorFactory({
  code: 'referrals.profile_stale',
  statusCode: 409,
  message: {
    ja: 'このプロフィールは、あなたが開いた後に変更されました。変更は保存されていません。開き直して最新の内容を確認してから、もう一度保存してください。',
    en: 'This profile changed after you opened it, so your change was not saved. Reload it, check the latest version and save again.',
  },
});

export const createPartyNotFoundError = createErrorFactory({
  code: 'referrals.party_not_found',
  statusCode: 404,
  message: {
    ja: 'この関係者はこの相談に登録されていません（すでに削除された可能性があります）。ページを開き直してください。',
    en: 'This party is not recorded on this case (it may already have been removed). Reload the case.',
  },
});

export const createLawyerUnavailableError = createErrorFactory({
  code: 'referrals.lawyer_unavailable',
  statusCode: 409,
  message: {
    ja: 'この弁護士は現在、新しい紹介を受け付けていません（プロフィール未登録、受付停止中、またはアカウント無効）。別の弁護士を選んでください。',
    en: 'This lawyer is not taking new referrals (no profile yet, not available, or the account is disabled). Choose another lawyer.',
  },
});

export const createExpiryInvalidError = createErrorFactory<{ max: string }>({
  code: 'referrals.expiry_invalid',
  statusCode: 400,
  message: {
    ja: '紹介の期限は、今日から{max}日後までの日付にしてください。',
    en: 'The referral must expire between today and {max} days from today.',
  },
});

export const createDuplicateReferralError = createErrorFactory({
  code: 'referrals.duplicate',
  statusCode: 409,
  message: {
    ja: 'この相談はすでにこの弁護士に紹介中です。紹介を取り下げてから、もう一度紹介してください。',
    en: 'This case is already referred to this lawyer. Withdraw that referral before referring again.',
  },
});

export const createConflictsUnacknowledgedError = createErrorFactory<{ count: string }>({
  code: 'referrals.conflicts_unacknowledged',
  statusCode: 409,
  message: {
    ja: '利益相反チェックで{count}件の一致が見つかりました。内容を確認し、確認したことにチェックを入れてから、もう一度送ってください。',
    en: 'The conflict check found {count} match(es). Review them, tick that you have reviewed them, and send again.',
  },
});

export const createReferralNotFoundError = createErrorFactory({
  code: 'referrals.not_found',
  statusCode: 404,
  message: {
    ja: '紹介が見つかりません。紹介の一覧を開き直してください。',
    en: 'The referral was not found. Reload the list of referrals.',
  },
});

export const createReferralStaleError = createErrorFactory({
  code: 'referrals.stale',
  statusCode: 409,
  message: {
    ja: 'この紹介は、あなたが開いた後に変更されました。変更は保存されていません。ページを開き直して最新の状態を確認してください。',
    en: 'This referral changed after you opened it, so your change was not saved. Reload the page and check its latest state.',
  },
});

export const createReferralStateError = createErrorFactory({
  code: 'referrals.wrong_status',
  statusCode: 409,
  message: {
    ja: 'この紹介は、いまの状態ではこの操作ができません（すでに回答済み・取り下げ済み・完了・期限切れのいずれかです）。ページを開き直して状態を確認してください。',
    en: 'This cannot be done in the referral’s current state (it was already answered, withdrawn, completed or has expired). Reload the page and check its state.',
  },
});

export const createCapacityReachedError = createErrorFactory<{ capacity: string }>({
  code: 'referrals.capacity_reached',
  statusCode: 409,
  message: {
    ja: '受任中の紹介がすでに上限の{capacity}件に達しているため、引き受けられません。ほかの紹介を完了するか、プロフィールで上限を見直してから、もう一度お試しください。',
    en: 'You already have {capacity} accepted referral(s), your capacity, so this one cannot be accepted. Complete another referral or raise your capacity in your profile, then try again.',
  },
});

export const createAttachmentNotSharedError = createErrorFactory({
  code: 'referrals.attachment_not_shared',
  statusCode: 404,
  message: {
    ja: 'このファイルは、この紹介で共有されていません。',
    en: 'This file is not shared with you in this referral.',
  },
});
