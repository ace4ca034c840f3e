import type { Locale } from '@mimamoru/core';

/*
 * "What a good capture shows" (#5), for the victim's evidence section, the /evidence-guide page and the console.
 * Sources (../shared/DOMAIN.md §7 and Appendix C):
 * - a printout without the URL was denied evidential value by a high court; widen the address bar; print with the
 *   header/footer URL and date: endo_munetaka note, https://note.com/endo_munetaka/n/n0d98896e4870
 * - post time, capture time, account name and @ID; do not crop, keep the browser frame; screen recording for stories
 *   and lives: aog-partners, https://aog-partners.com/nettrouble/?p=514 ; nagasesogo (2025-06-25),
 *   https://houmu.nagasesogo.com/media/column/column-250625-j/
 * - long threads in overlapping shots, context: masatakafujisawa (2018-08-28),
 *   https://masatakafujisawa.hatenablog.com/entry/2018/08/28/154741
 * - X and other login-type services disclose times in UTC: kandato blog, https://kandato.jp/blog/20231121
 * - 5ch post numbers and the 投稿用URL for mobile carriers: sowasogo, https://www.sowasogo.jp/slanderdelete/delete06.html
 * - paid note articles: buy and capture the paid part (kaijiseikyuu.jp, DOMAIN.md §7.9).
 * @NOTE The name of X's share-menu item ("リンクをコピー" / "ポストのリンクをコピー") is not from a cited source:
 * it is the app's label, which changes between versions; check it when the app changes.
 */

const ja = {
  title: '役に立つスクリーンショットとは',
  intro:
    '後で削除依頼・発信者情報開示・警察への相談に使えるよう、1枚の画面に次のものが写るように撮ってください。撮ったファイルは切り取らず、そのまま追加してください。',
  goodTitle: 'よい例',
  goodSummary:
    'スマートフォンの画面全体。上にアドレスバーのURL全体、投稿者の名前と@ID、投稿の日時、投稿の全文、画面上部の時計が写っています。',
  callouts: [
    {
      n: 1,
      title: 'URLが全部見える',
      body: 'アドレスバーのURLを最後まで（個々の投稿のURL。プロフィールのURLではありません）。',
    },
    {
      n: 2,
      title: '投稿者の名前と@ID',
      body: '表示名だけでなく @ で始まるIDも。できればプロフィール画面も別に撮ります。',
    },
    { n: 3, title: '投稿の日時', body: '投稿に表示された日付と時刻。' },
    {
      n: 4,
      title: '投稿の全文',
      body: '途中で切れないように。長い投稿は何枚かに分け、重なるように撮ります。',
    },
    { n: 5, title: '撮影した時刻', body: '画面上部の時計が写るように（撮影日時の手がかりになります）。' },
  ],
  badTitle: 'よくない例',
  badSummary: '投稿の文の一部だけを切り取った画像。URL、投稿者、日時が写っていません。',
  badPoints: [
    'URLが写っていない（どの投稿か確かめられません）',
    '投稿者の@IDと日時が写っていない',
    '切り取りや加工がある（改ざんを疑われることがあります）',
  ],
  svg: {
    time: '21:30',
    url: 'https://x.com/hidoi_tokumei_123/status/1860000000000000001',
    urlLines: ['x.com/hidoi_tokumei_123/', 'status/1860000000000000001'],
    name: '匿名アカウント',
    handle: '@hidoi_tokumei_123',
    post: ['〇〇は嘘つきで最低な人間。', 'みんな関わらないほうがいい。'],
    posted: '午後9:04 · 2026年11月28日',
    cropped: ['嘘つきで最低な人間。', 'みんな関わらない'],
    cross: 'よくない例',
  },
  tipsTitle: 'サービスごとの注意',
  tips: [
    {
      platform: 'X（旧Twitter）',
      lines: [
        '投稿のURLは、共有ボタンの「リンクをコピー」（アプリの版によって「ポストのリンクをコピー」）で取れます。証拠を追加するときは、そのURLを欄に貼り付けてください。',
        '画面の時刻は端末の時刻（日本時間）で表示されますが、Xが開示する記録は世界標準時（UTC、日本時間より9時間前）です。日時は画面の表示どおりに書き写してください。',
      ],
    },
    {
      platform: '5ちゃんねるなどの掲示板',
      lines: [
        'スレッドのURLに加えて、書き込みの番号（レス番号）を控えてください。携帯電話会社への手続きで必要になることがあります。',
      ],
    },
    {
      platform: 'ストーリーズ・ライブ配信・動画',
      lines: ['消えてしまう投稿やスクロールする内容は、画面の録画で残してください。'],
    },
    {
      platform: 'パソコンのブラウザ',
      lines: [
        '印刷機能で「PDFに保存」し、ヘッダーとフッター（URLと日付）を表示する設定にすると、URLと日時が残ります。',
      ],
    },
    {
      platform: '有料記事（noteなど）',
      lines: ['有料部分に書かれている場合は、購入してその部分も撮影してください。'],
    },
  ],
  source:
    '出典：弁護士・法律事務所によるネット上の証拠保全の解説（裁判例の紹介を含む）。X の日時については開示請求を扱う弁護士の解説。',
  pageLink: '撮り方の図解を開く（新しいタブ）',
  toCase: '相談ページで証拠を追加する',
};

type EvidenceGuideMessages = typeof ja;

const en: EvidenceGuideMessages = {
  title: 'What a useful screenshot shows',
  intro:
    'So that the capture can later support a removal request, a disclosure request or a police report, make sure one screen shows all of the following. Add the file as it was taken, without cropping.',
  goodTitle: 'Like this',
  goodSummary:
    "The whole phone screen: the full URL in the address bar at the top, the poster's name and @ID, the post's date and time, the whole post, and the clock at the top of the screen.",
  callouts: [
    {
      n: 1,
      title: 'The whole URL',
      body: "The address bar's URL to its end (the post's own URL, not the profile's).",
    },
    {
      n: 2,
      title: "The poster's name and @ID",
      body: 'Not only the display name but the ID starting with @. Take the profile page too if you can.',
    },
    { n: 3, title: 'When it was posted', body: 'The date and time shown on the post.' },
    {
      n: 4,
      title: 'The whole post',
      body: 'Nothing cut off. Take a long post in several overlapping shots.',
    },
    {
      n: 5,
      title: 'When you took it',
      body: 'Keep the clock at the top of the screen in the picture (it shows when you captured it).',
    },
  ],
  badTitle: 'Not like this',
  badSummary: 'A picture of part of the post text only, cut out. No URL, no poster, no time.',
  badPoints: [
    'No URL: nobody can tell which post it is',
    "No poster's @ID and no time",
    'Cropped or edited: it may be suspected of tampering',
  ],
  svg: {
    time: '9:30 PM',
    url: 'https://x.com/hidoi_tokumei_123/status/1860000000000000001',
    urlLines: ['x.com/hidoi_tokumei_123/', 'status/1860000000000000001'],
    name: 'Anonymous account',
    handle: '@hidoi_tokumei_123',
    post: ['XX is a liar and a terrible', 'person. Stay away from them.'],
    posted: '9:04 PM · Nov 28, 2026',
    cropped: ['a liar and a terrible', 'person. Stay away'],
    cross: 'Not like this',
  },
  tipsTitle: 'Tips by service',
  tips: [
    {
      platform: 'X (formerly Twitter)',
      lines: [
        'Get the post\'s URL from the share button: "Copy link" (in some app versions "Copy link to post"). Paste it into the URL field when you add the evidence.',
        "The screen shows times in your device's time zone (Japan time), but the records X discloses use UTC (9 hours behind Japan). Copy the time exactly as the screen shows it.",
      ],
    },
    {
      platform: '5channel and other boards',
      lines: [
        "Note the post's number as well as the thread's URL: mobile carriers may need it to trace the poster.",
      ],
    },
    {
      platform: 'Stories, live streams and videos',
      lines: ['Record the screen for posts that disappear or content you scroll through.'],
    },
    {
      platform: 'A computer browser',
      lines: ['Print to PDF with headers and footers on: the URL and the date are kept on each page.'],
    },
    {
      platform: 'Paid articles (note and others)',
      lines: ['If it is in the paid part, buy the article and capture that part too.'],
    },
  ],
  source:
    "Sources: lawyers' and law firms' guides to preserving online evidence (including a court decision they report); for X's times, a disclosure lawyer's note.",
  pageLink: 'Open the illustrated guide (new tab)',
  toCase: 'Add evidence on your case page',
};

export function evidenceGuideMessages(locale: Locale): EvidenceGuideMessages {
  return locale === 'en' ? en : ja;
}
