import type { Localized } from '../i18n/locale.js';
import type { Platform } from '../triage/answers.js';
import { DESIGNATED_PLATFORMS } from '../triage/steps.js';
import type { DocumentKind } from './document-model.js';

/**
 * How a victim asks each platform to remove a post, as data (DOMAIN.md §8, §3.2–3.4). The platform's own
 * 情プラ法 route comes first when it has one (designated providers must decide and answer within the 総務省令
 * period, 7 days per every secondary source); then its other routes; then the general ones any site accepts
 * (the テレサ書式 送信防止措置依頼書 mimamoru fills, 法務局, SIA). `verified: false` marks what DOMAIN.md marks
 * UNVERIFIED: no URL is given for a form whose name or address was not confirmed.
 */
export const PLATFORM_ROUTE_KINDS = ['jpa-form', 'in-app', 'legal-form', 'email', 'letter', 'public-body'] as const;
export type PlatformRouteKind = (typeof PLATFORM_ROUTE_KINDS)[number];

export interface PlatformRoute {
  readonly id: string;
  readonly kind: PlatformRouteKind;
  readonly title: Localized;
  readonly detail: Localized;
  readonly url?: string;
  readonly email?: string;
  /** The document mimamoru fills for this route. */
  readonly document?: DocumentKind;
  readonly verified: boolean;
  readonly sources: readonly string[];
}

export interface PlatformRoutes {
  readonly platform: Platform;
  readonly designated: boolean;
  /** The designated provider (法20条1項) and the day it was designated. */
  readonly provider: { readonly name: string; readonly designatedOn?: string } | null;
  readonly routes: readonly PlatformRoute[];
  readonly checkedOn: string;
}

/** When DOMAIN.md §8 was last checked against its sources. */
export const PLATFORM_ROUTES_CHECKED_ON = '2025-12-31';

const SOURCES = {
  designation: 'https://www.soumu.go.jp/menu_news/s-news/01ryutsu02_02000435.html',
  designation2: 'https://plus-web3.com/media/hiboutyuusyoutaisaku20250603',
  daito: 'https://www.city.daito.lg.jp/soshiki/19/64348.html',
  xForm: 'https://help.x.com/ja/forms/japan-report',
  smbiz: 'https://smbiz.asahi.com/article/15945406',
  xAccount: 'https://news.livedoor.com/topics/detail/29588587/',
  meta: 'https://meiyokison.toranomon-law.jp/instagram/',
  youtube: 'https://support.google.com/youtube/answer/9996224',
  tiktok: 'https://ameblo.jp/nagano-t/entry-12947363087.html',
  line: 'https://help2.line.me/LINE_LIVE/ios/categoryId/20001243/pc?lang=ja',
  fiveCh: 'https://keseru.jp/delete/5ch',
  fiveCh2: 'https://net-hibouchusho.com/pg15.html',
  maps: 'https://lawfirm-iba.com/googleマップの口コミ悪評を削除する方法/',
  note: 'https://atomfirm.com/sakujo/38754',
  teresa: 'http://www.isplaw.jp/d_form.pdf',
  moj: 'https://www.moj.go.jp/JINKEN/jinken20.html',
  sia: 'https://saferinternet.or.jp//bullying',
} as const;

/** Designated providers and the day (DOMAIN.md §3.2; re-check soumu.go.jp for later designations). */
const PROVIDERS: Partial<Record<Platform, { name: string; designatedOn: string }>> = {
  x: { name: 'X Corp.', designatedOn: '2025-04-30' },
  instagram: { name: 'Meta Platforms, Inc.', designatedOn: '2025-04-30' },
  facebook: { name: 'Meta Platforms, Inc.', designatedOn: '2025-04-30' },
  threads: { name: 'Meta Platforms, Inc.', designatedOn: '2025-04-30' },
  youtube: { name: 'Google LLC', designatedOn: '2025-04-30' },
  tiktok: { name: 'TikTok Pte. Ltd.', designatedOn: '2025-04-30' },
  line: { name: 'LINEヤフー株式会社', designatedOn: '2025-04-30' },
  'yahoo-chiebukuro': { name: 'LINEヤフー株式会社', designatedOn: '2025-04-30' },
  ameba: { name: '株式会社サイバーエージェント', designatedOn: '2025-05-30' },
};

/** The designated provider that runs a platform (the addressee of a request to it), if designated. */
export function designatedProvider(platform: Platform): { readonly name: string; readonly designatedOn?: string } | null {
  return PROVIDERS[platform] ?? null;
}

const inApp = (id: string, ja: string, en: string, sources: readonly string[]): PlatformRoute => ({
  id,
  kind: 'in-app',
  title: { ja: 'アプリやサイトの「報告」', en: 'The in-app report' },
  detail: { ja, en },
  verified: true,
  sources,
});

/** A designated provider's 情プラ法 window whose exact name and address DOMAIN.md marks UNVERIFIED. */
const unverifiedJpaForm = (id: string, provider: string, sources: readonly string[]): PlatformRoute => ({
  id,
  kind: 'jpa-form',
  title: { ja: `${provider}の情プラ法の削除申出窓口`, en: `${provider}'s deletion-request window under the Act` },
  detail: {
    ja: '指定を受けた事業者は、日本語で受け付けるオンラインの削除申出窓口を設け、原則7日以内に判断を知らせる義務があります（情プラ法22条・25条）。窓口の正式な名前とURLは確認中です。ヘルプセンターで「情報流通プラットフォーム対処法」や「権利侵害」の申し立てを探してください。',
    en: 'A designated provider must run an online deletion-request window in Japanese and tell you its decision, in principle within 7 days (Act arts. 22 and 25). The window’s exact name and address are not yet confirmed: look for the Information Distribution Platform Act or rights-infringement request in its help centre.',
  },
  verified: false,
  sources,
});

const META_IN_APP = inApp(
  'meta-report',
  'アプリ内の「報告」（コミュニティ規定に基づく通報）。Metaは任意には投稿者の情報を開示しないため、投稿者の特定には裁判手続が必要です。',
  'The in-app "Report" (under the community standards). Meta does not disclose posters voluntarily: identifying one takes a court order.',
  [SOURCES.meta],
);

/** Routes of each platform, before the general ones. */
const OWN_ROUTES: Readonly<Record<Platform, readonly PlatformRoute[]>> = {
  x: [
    {
      id: 'x-japan-report',
      kind: 'jpa-form',
      title: { ja: 'Xの日本向け情プラ法フォーム', en: 'X’s Japan form under the Act' },
      detail: {
        ja: '2025年7月31日に開設された日本向けの削除申出フォームです。判断は7日以内にメールで届くとされています。入力にXのアカウントが求められると報じられています。',
        en: 'X’s Japan deletion-request form (opened 31 July 2025); the decision is said to be emailed within 7 days. It reportedly asks for an X account.',
      },
      url: SOURCES.xForm,
      verified: true,
      sources: [SOURCES.smbiz, SOURCES.xAccount],
    },
    inApp('x-report', '投稿の「…」→「ポストを報告」。自由記述や添付はできません。', 'On the post: "…" → "Report post" (no free text, no attachments).', [SOURCES.smbiz]),
  ],
  instagram: [unverifiedJpaForm('meta-jpa-form', 'Meta', [SOURCES.designation, SOURCES.meta]), META_IN_APP],
  facebook: [unverifiedJpaForm('meta-jpa-form', 'Meta', [SOURCES.designation, SOURCES.meta]), META_IN_APP],
  threads: [unverifiedJpaForm('meta-jpa-form', 'Meta', [SOURCES.designation, SOURCES.meta]), META_IN_APP],
  youtube: [
    {
      id: 'youtube-legal',
      kind: 'legal-form',
      title: { ja: 'YouTubeの法的な削除フォーム', en: 'YouTube’s legal removal form' },
      detail: {
        ja: 'プライバシー侵害は「プライバシーの申し立て」（投稿者に48時間の猶予があり、その後に審査）、それ以外は国を選んで法的なフォームから。本人か法定代理人だけが申し立てできます。',
        en: 'Privacy: the privacy complaint (the uploader gets 48 hours to remove it, then review). Other legal issues: the legal form for your country. Only you or your legal representative may file.',
      },
      url: SOURCES.youtube,
      verified: true,
      sources: [SOURCES.youtube],
    },
  ],
  tiktok: [
    {
      id: 'tiktok-legal',
      kind: 'jpa-form',
      title: { ja: 'TikTok Pte. Ltd.の法的な申し立てフォーム', en: 'TikTok Pte. Ltd.’s legal request form' },
      detail: {
        ja: '法的な削除の申し立てはTikTok Pte. Ltd.（シンガポール）のオンラインフォームへ（英語）。日本法人は法的削除の窓口ではありません。フォームの正式な名前とURLは確認中です。',
        en: 'Legal removal requests go to TikTok Pte. Ltd. (Singapore) through its online legal form (in English); the Japanese company is not the window. The form’s exact name and address are not yet confirmed.',
      },
      verified: false,
      sources: [SOURCES.tiktok],
    },
    inApp('tiktok-report', 'アプリ内の「報告する」。', 'The in-app "Report".', [SOURCES.tiktok]),
  ],
  line: [
    {
      id: 'line-rights',
      kind: 'jpa-form',
      title: { ja: 'LINEヘルプセンターの「権利侵害の申告」', en: 'LINE help centre: rights-infringement report' },
      detail: {
        ja: 'オープンチャットとLINE VOOMは情プラ法の指定サービスです（1対1のトークは対象外）。殺害予告やつきまといは警察へ。申告先の正確な窓口名は確認中です。',
        en: 'OpenChat and LINE VOOM are designated services (one-to-one chats are not). Take death threats or stalking to the police. The exact window is not yet confirmed.',
      },
      verified: false,
      sources: [SOURCES.line, SOURCES.designation],
    },
    inApp('line-report', 'アプリ内の「通報」。結果は知らされません。', 'The in-app "Report"; the outcome is not disclosed.', [SOURCES.line]),
  ],
  '5ch': [
    {
      id: '5ch-email',
      kind: 'email',
      title: { ja: '5ちゃんねるの削除申し立てメール', en: '5channel deletion request by email' },
      detail: {
        ja: '件名「削除申し立て」で、スレッドのURL・レス番号・理由・裏付け資料と本人確認書類を送ります。公開の削除要請板は依頼内容が公開されるので避けましょう。情プラ法の指定はありません。',
        en: 'Subject 「削除申し立て」, with the thread URL, post numbers, reasons, supporting material and ID documents. Avoid the public deletion boards: they make your request public. 5channel is not designated.',
      },
      email: 'meiyokison@5ch.net',
      verified: true,
      sources: [SOURCES.fiveCh, SOURCES.fiveCh2],
    },
  ],
  'google-maps': [
    {
      id: 'google-legal',
      kind: 'legal-form',
      title: { ja: 'Googleの「法的な削除リクエスト」', en: 'Google’s legal removal request' },
      detail: {
        ja: '名誉毀損などを理由に、説明を添えて申し立てます。クチコミの「レビューを報告」もあります。GoogleマップはGoogleの指定サービスではありません（指定はYouTubeのみ）。',
        en: 'For defamation and the like, with an explanation. "Report review" also exists. Google Maps is not designated (only YouTube is).',
      },
      verified: false,
      sources: [SOURCES.maps],
    },
  ],
  note: [
    inApp(
      'note-report',
      'クリエイターページの「•••」→「報告する」→「誹謗中傷」（アカウントが必要）。任意の依頼では対応されにくく、弁護士は裁判手続を使うことが多いです。情プラ法の指定はありません。',
      'Creator page: "•••" → "Report" → defamation (an account is needed). Informal requests rarely succeed; lawyers usually go to court. note is not designated.',
      [SOURCES.note],
    ),
  ],
  'yahoo-chiebukuro': [
    unverifiedJpaForm('yahoo-jpa-form', 'LINEヤフー', [SOURCES.designation]),
    inApp('yahoo-report', '質問・回答の「違反報告」。', '"Report" on the question or answer.', [SOURCES.designation]),
  ],
  ameba: [unverifiedJpaForm('ameba-jpa-form', 'サイバーエージェント（Amebaブログ）', [SOURCES.designation2, SOURCES.daito])],
  blog: [],
  other: [],
};

/** Routes open for any site (DOMAIN.md §3.4, §8 generic fallback). */
const GENERAL_ROUTES: readonly PlatformRoute[] = [
  {
    id: 'teresa-takedown',
    kind: 'letter',
    title: { ja: '送信防止措置依頼書（テレサ書式）を送る', en: 'Send the standard deletion request (テレサ書式)' },
    detail: {
      ja: '「侵害情報の通知書 兼 送信防止措置依頼書」を運営者に送ります。運営者が分からないときや応じないときは、サーバー会社（ホスティング事業者）に送れます。みまもるで記入できます。',
      en: 'Send the 「侵害情報の通知書 兼 送信防止措置依頼書」 to the operator, or to the hosting provider if the operator is unknown or does not answer. mimamoru fills it in for you.',
    },
    document: 'takedown-request',
    verified: true,
    sources: [SOURCES.teresa],
  },
  {
    id: 'moj',
    kind: 'public-body',
    title: { ja: '法務局（人権相談）', en: 'Legal Affairs Bureau (human rights counselling)' },
    detail: {
      ja: '相談は無料です。法務局が運営者に削除を要請することもあります。',
      en: 'Free; the bureau may itself ask the operator to delete the post.',
    },
    url: SOURCES.moj,
    verified: true,
    sources: [SOURCES.moj],
  },
  {
    id: 'sia',
    kind: 'public-body',
    title: { ja: '誹謗中傷ホットライン（セーファーインターネット協会）', en: 'Defamation hotline (Safer Internet Association)' },
    detail: {
      ja: '利用規約に基づいて、運営者に削除を求める連絡をしてくれます。',
      en: 'Notifies the operator under its terms of service, asking for removal.',
    },
    url: SOURCES.sia,
    verified: true,
    sources: [SOURCES.sia],
  },
];

/** How to ask `platform` to remove a post: its own 情プラ法 route first, then its other routes, then the general ones. */
export function platformRoutes(platform: Platform): PlatformRoutes {
  const own = OWN_ROUTES[platform];
  const ordered = [...own.filter((r) => r.kind === 'jpa-form'), ...own.filter((r) => r.kind !== 'jpa-form')];
  return {
    platform,
    designated: DESIGNATED_PLATFORMS.has(platform),
    provider: designatedProvider(platform),
    routes: [...ordered, ...GENERAL_ROUTES],
    checkedOn: PLATFORM_ROUTES_CHECKED_ON,
  };
}
