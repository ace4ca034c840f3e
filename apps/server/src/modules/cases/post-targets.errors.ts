import type { DisclosureState, Localized, TakedownState, TargetTrack } from '@mimamoru/core';
import { createErrorFactory } from '../../errors/app-error.js';

/** State names as the console shows them, so an error names the move in the reader's words. */
const TAKEDOWN_NAMES = {
  pending: { ja: '未依頼', en: 'not requested' },
  'takedown-requested': { ja: '削除依頼中', en: 'removal requested' },
  removed: { ja: '削除済み', en: 'removed' },
  refused: { ja: '削除されず', en: 'refused' },
} as const satisfies Record<TakedownState, Localized>;

const DISCLOSURE_NAMES = {
  pending: { ja: '未着手', en: 'not started' },
  'disclosure-requested': { ja: '開示請求中', en: 'disclosure requested' },
  'ip-disclosed': { ja: 'IPアドレス開示', en: 'IP address disclosed' },
  identified: { ja: '投稿者特定', en: 'poster identified' },
  refused: { ja: '開示されず', en: 'refused or impossible' },
} as const satisfies Record<DisclosureState, Localized>;

const STATE_NAMES: Readonly<Record<TargetTrack, Readonly<Record<string, Localized>>>> = {
  takedown: TAKEDOWN_NAMES,
  disclosure: DISCLOSURE_NAMES,
};

const TRACK_NAMES: Readonly<Record<TargetTrack, Localized>> = {
  takedown: { ja: '削除', en: 'removal' },
  disclosure: { ja: '投稿者の特定', en: 'identification' },
};

export const createTargetNotFoundError = createErrorFactory({
  code: 'cases.target_not_found',
  statusCode: 404,
  message: {
    ja: 'この投稿はこの相談の対象にありません。ページを開き直してください。',
    en: 'This post is not tracked on this case. Reload the case.',
  },
});

export const createTargetStaleError = createErrorFactory({
  code: 'cases.target_stale',
  statusCode: 409,
  message: {
    ja: 'この投稿の状況は、あなたが開いた後に別の担当者が変更しました。変更は保存されていません。ページを開き直して最新の状況を確認してから、もう一度操作してください。',
    en: 'Someone else changed this post’s progress after you opened it, so your change was not saved. Reload the case, check the latest state and try again.',
  },
});

export const createTargetDuplicateError = createErrorFactory({
  code: 'cases.target_duplicate',
  statusCode: 409,
  message: {
    ja: 'このURLの投稿は、この相談ですでに管理しています。一覧にある投稿の状況を更新してください。',
    en: 'This URL is already tracked on this case. Update its progress in the list instead.',
  },
});

const forbidden = createErrorFactory<{
  trackJa: string;
  trackEn: string;
  fromJa: string;
  fromEn: string;
  toJa: string;
  toEn: string;
}>({
  code: 'cases.target_transition_forbidden',
  statusCode: 409,
  message: {
    ja: 'この投稿の「{trackJa}」は「{fromJa}」から「{toJa}」へは進められません。投稿ごとに表示されるボタンから選んでください。',
    en: 'The {trackEn} track of this post cannot move from "{fromEn}" to "{toEn}". Choose one of the buttons shown for the post.',
  },
});

/** 409 naming the refused move of one track in the caller's words (core nextTargetState said no). */
export function createTargetTransitionForbiddenError(track: TargetTrack, from: string, to: string) {
  const name = (state: string) => STATE_NAMES[track][state] ?? { ja: state, en: state };
  return forbidden({
    trackJa: TRACK_NAMES[track].ja,
    trackEn: TRACK_NAMES[track].en,
    fromJa: name(from).ja,
    fromEn: name(from).en,
    toJa: name(to).ja,
    toEn: name(to).en,
  });
}
