import type { EvidenceCaptureStatus } from '@mimamoru/contracts';
import type { Locale } from '@mimamoru/core';

const ja = {
  title: 'ページを取得',
  help: '投稿の個別URL（プロフィールではなく投稿そのもの）を入れると、サーバーがページを開いて、全体のスクリーンショット（URLと取得日時の帯付きの複製も）、MHTML、HTML、通信の記録を証拠に追加します。ログインが必要なページは取得できません。',
  urlLabel: '投稿のURL',
  urlInvalid: 'https:// から始まるURLを入れてください。',
  submit: 'ページを取得',
  queued: '取得を受け付けました。終わるとこの下に表示され、証拠の一覧に加わります。',
  list: 'サーバー取得の状況',
  statuses: { queued: '待機中', running: '取得中', done: '完了', failed: '失敗' } satisfies Record<EvidenceCaptureStatus, string>,
  requested: (when: string) => `依頼 ${when}`,
};

type CaptureMessages = typeof ja;

const en: CaptureMessages = {
  title: 'Capture a page',
  help: 'Enter the individual post’s URL (the post itself, not the profile). The server opens the page and adds a full-page screenshot (plus a copy with a URL and capture-time band), MHTML, HTML and the exchange record to the evidence. Pages behind a login cannot be captured.',
  urlLabel: 'Post URL',
  urlInvalid: 'Enter a URL starting with https://.',
  submit: 'Capture page',
  queued: 'Capture queued. It appears below when finished and joins the evidence list.',
  list: 'Server captures',
  statuses: { queued: 'Waiting', running: 'Capturing', done: 'Done', failed: 'Failed' },
  requested: (when: string) => `Requested ${when}`,
};

export function evidenceCaptureMessages(locale: Locale): CaptureMessages {
  return locale === 'en' ? en : ja;
}
