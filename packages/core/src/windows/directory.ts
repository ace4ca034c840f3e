import type { Localized } from '../i18n/locale.js';
import { LEGAL_CONTENT_CHECKED } from '../law/source.js';
import type { ConsultationWindow, OpeningHours, Weekday, WindowId, WindowSource } from './window.js';

/*
 * Consultation windows, from /work/shared/DOMAIN.md §1 (facts) and Appendix C (sources).
 * `checked` is the page's own date where DOMAIN.md gives a full date, else the date this data was checked.
 * Phone numbers and URLs come only from DOMAIN.md; never copy them from blogs (several misprint them).
 */

const WEEKDAYS_MON_FRI: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const NO_NOTE: Localized = { ja: '', en: '' };

function source(url: string, checked: string = LEGAL_CONTENT_CHECKED): WindowSource {
  return { url, checked };
}

const SRC = {
  mojJinken20: source('https://www.moj.go.jp/JINKEN/jinken20.html'),
  mojIndexSoudan: source('http://www.moj.go.jp/JINKEN/index_soudan.html'),
  mojLine: source('https://www.moj.go.jp/JINKEN/jinken03_00034.html'),
  govOnlineInternetJinken: source(
    'https://megalodon.jp/ref/2010-0316-1513-24/www.gov-online.go.jp/useful/article/200710/4.html',
  ),
  jinkenGoJp: source('https://www.jinken.go.jp/'),
  toyokawa: source(
    'http://www.city.toyokawa.lg.jp/smph/kurashi/shiminsodan/20180918104743748.html',
    '2023-07-18',
  ),
  noshiro: source('http://www.city.noshiro.lg.jp/kurashi/sodan/18087'),
  kochi: source('https://www.city.kochi.kochi.jp/soshiki/124/jinkensingai.html'),
  kashiwara: source('https://www.city.kashiwara.lg.jp/docs/2024052200032', '2025-07-25'),
  kobeFaq: source('https://faq.city.kobe.lg.jp/faq/show/2384'),
  oizumi: source('https://www.oizumi-tabunka.jp/archives/24378.htm'),
  siaHotline: source('https://www.saferinternet.or.jp/bullying/'),
  siaReport: source('https://www.saferinternet.or.jp/info/21235', '2021-07-13'),
  // The best-known example of a lawyer-answered Q&A board (弁護士ドットコム みんなの法律相談); its terms were not checked.
  legalQaExample: source('https://www.bengo4.com/bbs/'),
  soumuIhoyugai: source('https://www.soumu.go.jp/main_sosiki/joho_tsusin/d_syohi/ihoyugai_02.html'),
  ihaho: source('https://ihaho.jp/'),
  ihahoAbout: source('http://www.ihaho.jp/aboutus/index.html'),
  houterasuCallCenter: source('http://www.houterasu.or.jp/madoguchi_info/call_center/index.html'),
  houterasuEmail: source('https://www.houterasu.or.jp/cgi-bin/toiawase/show_entry.cgi'),
  houterasuSoudanQa: source('https://www.houterasu.or.jp/site/soudan-tatekae/soudanqa.html'),
  houterasu30min: source('https://www.houterasu.or.jp/site/higaishashien/hanzaihigai-seido-3.html'),
  houterasuMultilingual: source('https://www.houterasu.or.jp/multilingual/index.html'),
  houterasuDv: source('https://www.houterasu.or.jp/higaishashien/seido/higaishasoudan.html', '2022-08-03'),
  nakagawa: source('https://www.city.nakagawa.lg.jp/soshiki/9/dvhouritusoudan.html', '2021-02-17'),
  himawariNet: source('https://www.soudan-yoyaku.jp/'),
  docomoMoney: source('https://money.smt.docomo.ne.jp/column-detail/273853'),
  tsunagaru: source('https://tsunagaru.biz/column/c_1095'),
  atomfirmFees: source('https://atomfirm.com/sakujo/38854'),
  govOnline9110: source('https://www.gov-online.go.jp/pr/media/cd/201511/201511_08.html'),
  npaCyber: source('https://www.npa.go.jp/bureau/cyber/soudan.html'),
  saitamaPolice: source(
    'https://www.police.pref.saitama.lg.jp/c0070/kurashi/joho110-cyber.html',
    '2024-07-29',
  ),
  fukuiPolice: source('https://www.pref.fukui.jp/kenkei/doc/kenkei/soudan-soudan.html'),
  mirimiri: source('https://note.com/mirimiri111_/n/nb86feb573af6'),
  mykohoBandai: source(
    'https://mykoho.jp/article/福島県磐梯町/磐梯弘報-2024年8月号/保健福祉センターだより-18',
  ),
  newsPostseven: source('https://www.news-postseven.com/archives/20201121_1614073.html/2', '2020-11-21'),
  kawatana: source('https://www.kawatana.jp/topics/news/post-1166.html'),
  livedoorInochi: source('https://news.livedoor.com/article/detail/30736885/', '2026-03-10'),
  meikikai: source('https://meikikai-home.com/【３月は自殺対策強化月間です】/', '2021-03-01'),
} as const satisfies Record<string, WindowSource>;

const MOJ_OPERATOR: Localized = {
  ja: '法務省の人権擁護機関（法務局・地方法務局の職員と人権擁護委員）',
  en: 'Ministry of Justice human rights bodies (Legal Affairs Bureau staff and volunteer human rights commissioners)',
};

const MOJ_HOURS: OpeningHours = {
  periods: [{ days: WEEKDAYS_MON_FRI, open: '08:30', close: '17:15' }],
  closedOnHolidays: true,
  closedYearEnd: true,
  note: NO_NOTE,
};

const HOUTERASU_OPERATOR: Localized = {
  ja: '日本司法支援センター（法テラス）',
  en: 'Japan Legal Support Center (Houterasu, 法テラス)',
};

// Same pattern for the サポートダイヤル and 犯罪被害者支援ダイヤル.
const HOUTERASU_DIAL_PERIODS: OpeningHours['periods'] = [
  { days: WEEKDAYS_MON_FRI, open: '09:00', close: '21:00' },
  { days: ['sat'], open: '09:00', close: '17:00' },
];

const ALWAYS_OPEN: OpeningHours = { always: true, note: NO_NOTE };

export const WINDOWS: readonly ConsultationWindow[] = [
  {
    id: 'mimamoru',
    name: { ja: 'みまもる（このサービス）', en: 'mimamoru (this service)' },
    operator: { ja: 'みまもる', en: 'mimamoru' },
    services: ['advice', 'contacts-provider', 'legal-representation'],
    channels: [
      {
        type: 'web-form',
        value: '/consult',
        label: { ja: '相談フォーム', en: 'Consultation form' },
        hours: {
          always: true,
          note: {
            ja: '返信までに時間がかかることがあります。いま身の危険があるときは110番に電話してください。',
            en: 'A reply may take some time. If you are in danger right now, call 110.',
          },
        },
      },
    ],
    free: true,
    cost: {
      ja: '初回の相談は無料です。提携弁護士に削除や開示の手続を依頼する場合は、費用を依頼前にご説明します。',
      en: 'Your first consultation is free. If you decide to have a partner lawyer handle deletion or disclosure, the fees are explained before you commit.',
    },
    languages: ['ja', 'en'],
    does: {
      ja: 'ネット上の誹謗中傷の相談を、ウェブで24時間受け付けます。削除依頼と発信者情報開示を専門とし、証拠の残し方や使える窓口を一緒に整理します。必要に応じてプロバイダへの連絡を行い、提携弁護士による代理につなぎます。',
      en: 'Takes consultations about online abuse through a web form, at any hour. It specialises in deletion requests and in identifying the poster (発信者情報開示): it helps you preserve evidence and choose the right places to turn to, can contact providers, and can connect you with partner lawyers who act on your behalf.',
    },
    registrationRequired: false,
    registration: { ja: '会員登録は不要です。', en: 'No account is needed.' },
    eligibility: {
      ja: 'ネット上の投稿で傷ついている方、被害を受けている方。',
      en: 'Anyone hurt or harmed by posts online.',
    },
    sources: [SRC.soumuIhoyugai],
    verified: true,
  },
  {
    id: 'jinken-110',
    name: { ja: 'みんなの人権110番', en: 'Human Rights Hotline (みんなの人権110番)' },
    operator: MOJ_OPERATOR,
    services: ['advice', 'contacts-provider'],
    channels: [
      {
        type: 'phone',
        value: '0570-003-110',
        label: { ja: 'ナビダイヤル', en: 'Navi Dial (nationwide number)' },
        hours: MOJ_HOURS,
        note: {
          ja: '最寄りの法務局につながります。一部のIP電話からはつながらないため、その場合は法務局の直通番号にかけてください。',
          en: 'Calls go to the nearest Legal Affairs Bureau. Some IP phones cannot connect; if so, call the bureau’s direct number.',
        },
      },
    ],
    free: true,
    cost: {
      ja: '相談は無料です。通話料はかかります（ナビダイヤル）。',
      en: 'Free of charge. You pay the call charges (Navi Dial).',
    },
    languages: ['ja'],
    does: {
      ja: '人権相談として、削除依頼を自分で書く方法などを助言します。自分では削除してもらえないときやプロバイダが応じないときは、法務局が投稿の違法性を判断し、人権侵犯事件の手続でプロバイダに削除を要請します。秘密は守られます。',
      en: 'Gives advice as a human rights consultation, including how to write a deletion request yourself. If you cannot get a post removed on your own, or the provider refuses, the Legal Affairs Bureau judges whether the post is unlawful and can ask the provider to delete it through its human rights infringement procedure. What you share is kept confidential.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can call.' },
    sources: [SRC.mojJinken20, SRC.toyokawa, SRC.noshiro, SRC.kochi],
    verified: true,
  },
  {
    id: 'jinken-internet',
    name: {
      ja: 'インターネット人権相談受付窓口',
      en: 'Online Human Rights Consultation (インターネット人権相談受付窓口)',
    },
    operator: MOJ_OPERATOR,
    services: ['advice', 'contacts-provider'],
    channels: [
      {
        type: 'web-form',
        value: 'https://www.jinken.go.jp/',
        label: { ja: '相談フォーム', en: 'Consultation form' },
        hours: {
          always: true,
          note: {
            ja: '返事は後日、法務局からメール・電話・面談などで届きます。',
            en: 'The Legal Affairs Bureau replies later, by mail, phone or in person.',
          },
        },
        note: {
          ja: '英語版・中国語版のフォームもあります。',
          en: 'The form is also available in English and Chinese.',
        },
      },
    ],
    free: true,
    cost: { ja: '無料です。', en: 'Free of charge.' },
    languages: ['ja', 'en', 'zh'],
    does: {
      ja: '法務局への人権相談をウェブで24時間受け付けます。削除依頼の書き方などを助言し、自分では削除してもらえないときやプロバイダが応じないときは、法務局が投稿の違法性を判断してプロバイダに削除を要請します。',
      en: 'Accepts human rights consultations for the Legal Affairs Bureau online, at any hour. It advises on things like writing a deletion request, and if you cannot get a post removed on your own, or the provider refuses, the bureau judges whether the post is unlawful and asks the provider to delete it.',
    },
    registrationRequired: false,
    registration: {
      ja: 'アカウント登録は不要ですが、氏名・住所・年齢・相談内容の入力が必要です。',
      en: 'No account is needed, but the form asks for your name, address, age and what happened.',
    },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can use it.' },
    sources: [SRC.jinkenGoJp, SRC.govOnlineInternetJinken, SRC.mojIndexSoudan],
    verified: true,
  },
  {
    id: 'kodomo-jinken-110',
    name: { ja: 'こどもの人権110番', en: 'Children’s Human Rights Hotline (こどもの人権110番)' },
    operator: MOJ_OPERATOR,
    services: ['advice', 'contacts-provider'],
    channels: [
      {
        type: 'phone',
        value: '0120-007-110',
        label: { ja: 'フリーダイヤル', en: 'Toll-free number' },
        tollFree: true,
        hours: {
          periods: [{ days: WEEKDAYS_MON_FRI, open: '08:30', close: '17:15' }],
          closedOnHolidays: true,
          note: {
            ja: '毎年の「こどもの人権相談」強化週間（例：2025年8月27日〜9月2日）は、平日8:30〜19:00、土日10:00〜17:00に延長されます。',
            en: 'During the yearly children’s human rights week (e.g. Aug 27–Sep 2, 2025) hours are extended to 8:30–19:00 on weekdays and 10:00–17:00 on weekends.',
          },
        },
      },
      {
        type: 'web-form',
        value: 'https://www.jinken.go.jp/kodomo',
        label: { ja: 'こどもの人権SOS-eメール', en: 'Children’s SOS e-mail form (こどもの人権SOS-eメール)' },
        hours: ALWAYS_OPEN,
      },
      {
        type: 'line',
        value: '@linejinkensoudan',
        label: {
          ja: '法務局LINEじんけん相談',
          en: 'Legal Affairs Bureau LINE consultation (法務局LINEじんけん相談)',
        },
        hours: {
          varies: true,
          note: {
            ja: '受付時間と対象地域は確認できていません。',
            en: 'The hours and the areas covered are not confirmed.',
          },
        },
      },
    ],
    free: true,
    cost: { ja: '無料です（フリーダイヤル）。', en: 'Free, including the call.' },
    languages: ['ja'],
    does: {
      ja: '子どもからの相談を、法務局の職員や人権擁護委員が電話・メールなどで受けます。必要なときは法務局がプロバイダに削除を要請します。手紙で相談できる「SOSミニレター」もあります。',
      en: 'Legal Affairs Bureau staff and human rights commissioners take consultations from children by phone, e-mail and other channels. Where needed, the bureau asks the provider to delete a post. Children can also write in with an “SOS mini-letter”.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: '子どものための相談窓口です。', en: 'A service for children.' },
    sources: [SRC.kashiwara, SRC.mojLine],
    verified: false,
    caveat: {
      ja: 'LINE相談（@linejinkensoudan）が全国で使えるか、通常の受付時間がいつかは確認できていません。',
      en: 'We could not confirm whether the LINE consultation (@linejinkensoudan) is available nationwide, or what its regular hours are.',
    },
  },
  {
    id: 'gaikokugo-jinken',
    name: {
      ja: '外国語人権相談ダイヤル',
      en: 'Foreign-Language Human Rights Hotline (外国語人権相談ダイヤル)',
    },
    operator: MOJ_OPERATOR,
    services: ['advice'],
    channels: [
      {
        type: 'phone',
        value: '0570-090-911',
        label: { ja: 'ナビダイヤル', en: 'Navi Dial (nationwide number)' },
        hours: {
          periods: [{ days: WEEKDAYS_MON_FRI, open: '09:00', close: '17:00' }],
          closedOnHolidays: true,
          note: NO_NOTE,
        },
        note: {
          ja: '英語・中国語・韓国語・フィリピノ語・ポルトガル語・ベトナム語・ネパール語・スペイン語・インドネシア語・タイ語に対応しています。',
          en: 'Available in English, Chinese, Korean, Filipino, Portuguese, Vietnamese, Nepali, Spanish, Indonesian and Thai.',
        },
      },
    ],
    free: true,
    cost: {
      ja: '相談は無料です。通話料はかかります（ナビダイヤル）。',
      en: 'Free of charge. You pay the call charges (Navi Dial).',
    },
    languages: ['en', 'zh', 'ko', 'fil', 'pt', 'vi', 'ne', 'es', 'id', 'th'],
    does: {
      ja: '日本語が得意でない方の人権相談を、10の言語で受けます。インターネット人権相談の英語版・中国語版フォームも使えます。',
      en: 'Takes human rights consultations in 10 languages for people who are not comfortable in Japanese. The online human rights consultation form is also available in English and Chinese.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can call.' },
    sources: [SRC.oizumi, SRC.kobeFaq],
    verified: true,
  },
  {
    id: 'sia-hotline',
    name: { ja: '誹謗中傷ホットライン', en: 'Online Abuse Hotline (誹謗中傷ホットライン)' },
    operator: {
      ja: '一般社団法人セーファーインターネット協会（SIA）',
      en: 'Safer Internet Association (SIA)',
    },
    services: ['contacts-provider'],
    channels: [
      {
        type: 'web-form',
        value: 'https://www.saferinternet.or.jp/bullying/',
        label: {
          ja: 'ウェブフォーム（「誹謗中傷ホットラインに連絡する」ボタンから）',
          en: 'Web form (the button 「誹謗中傷ホットラインに連絡する」)',
        },
        hours: ALWAYS_OPEN,
        note: { ja: '電話窓口はありません。', en: 'There is no phone line.' },
      },
    ],
    free: true,
    cost: { ja: '無料です。', en: 'Free of charge.' },
    languages: ['ja'],
    does: {
      ja: '通報された投稿が「特定誹謗中傷情報」に当たるかを判断し、当たる場合は国内外のサイトに、そのサイトの利用規約に沿った対応を求める通知を送ります。通知だけを行う窓口で、代理や発信者情報の開示、告訴はしません。法的な手続を考えている場合は、証拠をご自身で保存してください。',
      en: 'Judges whether a reported post counts as “specified defamatory information” (特定誹謗中傷情報). If it does, SIA notifies the site, in Japan or abroad, and asks it to act under its own terms of use. It only sends notifications: it does not represent you, identify the poster or file criminal complaints. If you are considering legal action, keep your own evidence.',
    },
    registrationRequired: false,
    registration: {
      ja: '会員登録は不要ですが、協会から連絡することがあるため、氏名とメールアドレスの入力が必要です。',
      en: 'No account is needed, but you must give your name and e-mail address, as SIA may contact you.',
    },
    eligibility: {
      ja: '原則として被害者本人が通報します（子どもの場合は保護者、在学中なら学校関係者も可）。対象は、①実在する個人が特定できる、②公共性・公益目的がないことが明らか、③社会的評価を下げる、または社会生活上許される限度を超える侮辱である、の3つをすべて満たす投稿です。ハンドルネームしか分からない相手への投稿は対象外になることが多く、著名人はご自身での対応を求められることがあります。',
      en: 'In principle, the victim reports (a parent may report for a child, and school staff for a pupil). A post qualifies only if all three hold: (1) a real, identifiable individual is targeted; (2) the post clearly has no public character or public-interest purpose; (3) it lowers the person’s social standing or is an insult beyond what social life tolerates. Posts aimed at someone known only by a handle are often declined, and well-known people may be asked to deal with it themselves.',
    },
    sources: [SRC.siaHotline, SRC.siaReport],
    verified: true,
  },
  {
    id: 'ihaho',
    name: {
      ja: '違法・有害情報相談センター',
      en: 'Illegal and Harmful Information Consultation Center (違法・有害情報相談センター)',
    },
    operator: {
      ja: '総務省の支援事業（現在の運営事業者は未確認）',
      en: 'A programme supported by the Ministry of Internal Affairs and Communications (current operator not confirmed)',
    },
    services: ['advice'],
    channels: [
      {
        type: 'web-form',
        value: 'https://ihaho.jp/',
        label: { ja: '相談フォーム（利用登録が必要）', en: 'Consultation form (registration required)' },
        hours: {
          always: true,
          note: {
            ja: '回答はメールで届きます。数日かかることがあります。',
            en: 'Replies come by e-mail and may take a few days.',
          },
        },
        note: { ja: '電話相談はありません。', en: 'There is no phone line.' },
      },
    ],
    free: true,
    cost: { ja: '無料です。', en: 'Free of charge.' },
    languages: ['ja'],
    does: {
      ja: '相談員やアドバイザーが、誰に削除を求めればよいか、削除依頼や開示請求を自分でどう書けばよいかを助言し、必要に応じて他の窓口を紹介します。あなたの代わりに削除を依頼することはしません。',
      en: 'Counsellors and advisers explain whom to ask for deletion and how to word your own deletion or disclosure request, and refer you to other services where needed. It does not request deletion on your behalf.',
    },
    registrationRequired: true,
    registration: {
      ja: '相談の前に利用登録が必要です。',
      en: 'You need to register before you can send a consultation.',
    },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can use it.' },
    sources: [SRC.soumuIhoyugai, SRC.ihaho, SRC.ihahoAbout],
    verified: false,
    caveat: {
      ja: '現在の運営事業者は確認できていません（2008年に総務省の委託でテレコムサービス協会が開設）。',
      en: 'The current operator is not confirmed (the centre was set up in 2008 by the Telecom Services Association under a ministry contract).',
    },
  },
  {
    id: 'houterasu',
    name: { ja: '法テラス サポートダイヤル', en: 'Houterasu Support Dial (法テラス サポートダイヤル)' },
    operator: HOUTERASU_OPERATOR,
    services: ['information'],
    channels: [
      {
        type: 'phone',
        value: '0570-078374',
        label: { ja: 'サポートダイヤル', en: 'Support Dial' },
        hours: {
          periods: HOUTERASU_DIAL_PERIODS,
          closedOnHolidays: true,
          closedYearEnd: true,
          note: NO_NOTE,
        },
        note: {
          ja: '通話料の目安：固定電話 3分9.35円、携帯電話 20秒約11円、公衆電話 1分11円。',
          en: 'Typical call charges: landline ¥9.35 per 3 minutes, mobile about ¥11 per 20 seconds, payphone ¥11 per minute.',
        },
      },
      {
        type: 'phone',
        value: '03-6745-5600',
        label: {
          ja: 'IP電話・プリペイド携帯・海外から',
          en: 'From IP phones, prepaid mobiles or abroad',
        },
        hours: {
          periods: HOUTERASU_DIAL_PERIODS,
          closedOnHolidays: true,
          closedYearEnd: true,
          note: NO_NOTE,
        },
      },
      {
        type: 'web-form',
        value: 'https://www.houterasu.or.jp/cgi-bin/toiawase/show_entry.cgi',
        label: { ja: 'メールでの問い合わせ', en: 'E-mail enquiry form' },
        hours: {
          always: true,
          note: {
            ja: '情報提供のみで、法的な助言はしません。週末は返信が遅くなります。',
            en: 'Information only, not legal advice. Replies are slower at weekends.',
          },
        },
      },
    ],
    free: true,
    cost: {
      ja: '利用料は無料です。通話料はかかります。無料の法律相談（法律相談援助）を受けるには、収入と資産が基準以下であること（資力基準）が必要です。',
      en: 'The service is free; you pay the call charges. A free legal consultation (法律相談援助) requires your income and assets to be under set limits (the means test).',
    },
    languages: ['ja'],
    does: {
      ja: 'オペレーターが、問題に合った法制度や相談窓口を案内します。法的な助言はしません。資力基準を満たす方は、無料の法律相談（1回30分程度、同じ問題につき3回まで）を利用できます。',
      en: 'Operators explain the legal options that fit your problem and point you to the right place to consult. They do not give legal advice. If you meet the means test, you can have free legal consultations (about 30 minutes each, up to three for the same problem).',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: {
      ja: '案内はどなたでも受けられます。無料法律相談は、収入・資産が基準以下の方（日本国籍の方、または日本に住所があり適法に在留する外国籍の方）が対象です。',
      en: 'Anyone can get information. Free legal consultations are for people whose income and assets are under the limits (Japanese nationals, or foreign nationals with an address in Japan and lawful status).',
    },
    sources: [SRC.houterasuCallCenter, SRC.houterasuEmail, SRC.houterasuSoudanQa, SRC.houterasu30min],
    verified: true,
  },
  {
    id: 'houterasu-multilingual',
    name: {
      ja: '法テラス 多言語情報提供サービス',
      en: 'Houterasu Multilingual Information Service (法テラス 多言語情報提供サービス)',
    },
    operator: HOUTERASU_OPERATOR,
    services: ['information'],
    channels: [
      {
        type: 'phone',
        value: '0570-078377',
        label: { ja: '多言語情報提供サービス', en: 'Multilingual line' },
        hours: {
          periods: [{ days: WEEKDAYS_MON_FRI, open: '09:00', close: '17:00' }],
          closedOnHolidays: true,
          note: NO_NOTE,
        },
      },
      {
        type: 'phone',
        value: '050-3754-5430',
        label: { ja: 'IP電話から', en: 'From IP phones' },
        hours: {
          periods: [{ days: WEEKDAYS_MON_FRI, open: '09:00', close: '17:00' }],
          closedOnHolidays: true,
          note: NO_NOTE,
        },
      },
    ],
    free: true,
    cost: {
      ja: '利用料は無料です。通話料はかかります。',
      en: 'The service is free; you pay the call charges.',
    },
    languages: ['en', 'zh', 'ko', 'es', 'pt', 'vi', 'tl', 'ne', 'th', 'id'],
    does: {
      ja: '通訳を交えた三者通話で、法制度や相談窓口を案内します。英語・中国語・韓国語・スペイン語・ポルトガル語・ベトナム語・タガログ語・ネパール語・タイ語・インドネシア語に対応しています。',
      en: 'Explains legal options and where to consult, in a three-way call with an interpreter. Available in English, Chinese, Korean, Spanish, Portuguese, Vietnamese, Tagalog, Nepali, Thai and Indonesian.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: 'どなたでも利用できます。', en: 'Anyone can call.' },
    sources: [SRC.houterasuMultilingual],
    verified: true,
  },
  {
    id: 'houterasu-dv',
    name: {
      ja: '法テラス DV等被害者法律相談援助',
      en: 'Houterasu legal consultations for victims of domestic violence, stalking and child abuse (DV等被害者法律相談援助)',
    },
    operator: HOUTERASU_OPERATOR,
    services: ['advice'],
    channels: [
      {
        type: 'phone',
        value: '0570-079714',
        label: { ja: '犯罪被害者支援ダイヤル（相談の予約）', en: 'Crime Victim Support Dial (for booking)' },
        hours: { periods: HOUTERASU_DIAL_PERIODS, closedOnHolidays: true, note: NO_NOTE },
      },
      {
        type: 'phone',
        value: '03-6745-5601',
        label: { ja: 'IP電話から（相談の予約）', en: 'From IP phones (for booking)' },
        hours: { periods: HOUTERASU_DIAL_PERIODS, closedOnHolidays: true, note: NO_NOTE },
      },
    ],
    free: false,
    cost: {
      ja: '資力にかかわらず相談できます。現金と預貯金の合計が300万円を超える場合は、相談後に5,500円を負担します。',
      en: 'Available whatever your income. If your cash and savings together exceed ¥3 million, you pay a ¥5,500 fee afterwards.',
    },
    languages: ['ja'],
    does: {
      ja: 'DV、ストーカー（つきまとい等）、児童虐待の被害を受けている方が、弁護士に法律相談できます。SNSでのつきまといなど、ストーカー被害が続いているときに検討できます。',
      en: 'Lets people currently suffering domestic violence, stalking (つきまとい等) or child abuse consult a lawyer. Worth considering when stalking, including through social media, is ongoing.',
    },
    registrationRequired: false,
    registration: {
      ja: '登録は不要です。犯罪被害者支援ダイヤルで相談を予約します。',
      en: 'No registration; you book the consultation through the Crime Victim Support Dial.',
    },
    eligibility: {
      ja: 'DV・ストーカー・児童虐待の被害を現在受けている方。被害者本人が、対面で相談します。',
      en: 'People currently suffering domestic violence, stalking or child abuse. The victim attends in person, face to face.',
    },
    sources: [SRC.houterasuDv, SRC.nakagawa],
    verified: true,
  },
  {
    id: 'bengoshikai',
    name: {
      ja: '弁護士会の法律相談センター',
      en: 'Bar association legal consultation centres (弁護士会 法律相談センター)',
    },
    operator: { ja: '各地の弁護士会', en: 'Local bar associations' },
    services: ['advice', 'legal-representation'],
    channels: [
      {
        type: 'phone',
        value: '0570-783-110',
        label: { ja: 'ひまわりお悩み110番', en: 'Himawari helpline (ひまわりお悩み110番)' },
        hours: {
          varies: true,
          note: {
            ja: '最寄りの弁護士会の法律相談センターにつながります。受付時間は弁護士会によって異なります。',
            en: 'Calls go to the nearest bar association’s consultation centre. Hours differ between bar associations.',
          },
        },
      },
      {
        type: 'web-form',
        value: 'https://www.soudan-yoyaku.jp/',
        label: {
          ja: 'ひまわり相談ネット（ウェブ予約）',
          en: 'Himawari Soudan Net (online booking, ひまわり相談ネット)',
        },
        hours: {
          always: true,
          note: {
            ja: '参加していない弁護士会もあります（開始時は52会中43会）',
            en: 'Not every bar association takes part (43 of 52 at launch)',
          },
        },
      },
    ],
    free: false,
    cost: {
      ja: '30分5,000円＋消費税（約5,500円）が一般的です。無料相談日を設けるセンターもあり、法テラスの資力基準を満たす方は無料の扶助相談を受けられます。',
      en: 'Usually ¥5,000 plus tax (about ¥5,500) for 30 minutes. Some centres hold free consultation days, and people who meet Houterasu’s means test can get a free legal-aid consultation.',
    },
    languages: ['ja'],
    does: {
      ja: '弁護士が法律相談に応じます。そのまま削除請求、発信者情報開示命令、損害賠償請求、告訴などを依頼することもできます。',
      en: 'A lawyer gives you legal advice. You can also go on to hire the lawyer for deletion requests, a disclosure order (発信者情報開示命令), a damages claim or a criminal complaint.',
    },
    registrationRequired: false,
    registration: {
      ja: '登録は不要です。相談は予約制です。',
      en: 'No registration; consultations are by appointment.',
    },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can book.' },
    sources: [SRC.himawariNet],
    verified: true,
  },
  {
    id: 'law-firm-free-consultation',
    name: { ja: '初回無料相談のある法律事務所', en: 'Law firms offering a free first consultation' },
    operator: {
      ja: '民間の法律事務所（特定の事務所を推薦するものではありません）',
      en: 'Private law firms (no particular firm is endorsed)',
    },
    services: ['advice', 'legal-representation'],
    channels: [],
    free: true,
    cost: {
      ja: '初回の相談が無料でも、依頼すると費用がかかります。投稿者の特定までで総額50万〜100万円程度が目安です（裁判外の開示請求：着手金5万〜10万円＋報酬15万円程度、裁判手続：段階ごとに着手金20万〜30万円＋報酬15万〜20万円）。',
      en: 'Even when the first consultation is free, hiring a lawyer costs money. Identifying a poster typically costs about ¥500,000–1,000,000 in total (an out-of-court disclosure request: ¥50,000–100,000 retainer plus about ¥150,000 success fee; court proceedings: ¥200,000–300,000 retainer plus ¥150,000–200,000 success fee per stage).',
    },
    languages: ['ja'],
    does: {
      ja: 'SNSでの誹謗中傷を扱う法律事務所の中には、初回の相談を無料にしているところがあります。依頼すれば、削除請求、発信者情報開示命令、損害賠償請求、告訴を代理で進めてもらえます。選ぶときは、ネット上の誹謗中傷や開示命令の経験があるか、費用の内訳（着手金・報酬・実費）を事前に書面で示してくれるか、無料相談の時間と範囲を確認しましょう。',
      en: 'Some law firms that handle social-media abuse offer the first consultation free. If you hire one, it can pursue deletion, a disclosure order, a damages claim or a criminal complaint for you. When choosing, check that the firm has handled online abuse and disclosure orders before, that it sets out its fees (retainer, success fee and expenses) in writing beforehand, and how long the free consultation lasts and what it covers.',
    },
    registrationRequired: false,
    registration: {
      ja: '登録は不要です。相談は事務所ごとに予約します。',
      en: 'No registration; you book directly with each firm.',
    },
    eligibility: {
      ja: 'どなたでも。扱う案件は事務所によって異なります。',
      en: 'Anyone. Each firm decides which cases it takes.',
    },
    sources: [SRC.docomoMoney, SRC.tsunagaru, SRC.atomfirmFees],
    verified: true,
  },
  {
    id: 'legal-qa-site',
    name: { ja: '弁護士が回答する法律Q&Aサイト', en: 'Legal Q&A sites answered by lawyers' },
    operator: {
      ja: '民間の運営会社（特定のサイトを推薦するものではありません）',
      en: 'Private operators (no particular site is endorsed)',
    },
    services: ['information'],
    channels: [],
    free: true,
    cost: { ja: '無料で質問できます。', en: 'Asking a question is free.' },
    languages: ['ja'],
    does: {
      ja: '匿名で質問を投稿すると、弁護士が無料で回答してくれることがあります。回答は一般的な内容で、あなたの事情をすべて踏まえた助言ではありません。質問は公開されるため、あなたや相手が特定される情報は書かないでください。期限のある手続（ログの保存期間など）は、回答を待たずに弁護士や公的な窓口に相談してください。',
      en: 'You post a question anonymously and lawyers may answer it for free. Answers are general and cannot take all of your circumstances into account. Questions are public, so leave out anything that could identify you or the other person. Where a deadline is involved (such as how long logs are kept), talk to a lawyer or a public service rather than waiting for an answer.',
    },
    registrationRequired: true,
    registration: {
      ja: '質問の投稿には、無料の会員登録が必要なサイトが多いです。',
      en: 'Most sites ask you to create a free account before you can post a question.',
    },
    eligibility: { ja: 'どなたでも利用できます。', en: 'Anyone can use them.' },
    sources: [SRC.legalQaExample],
    verified: false,
    caveat: {
      ja: '一般的な説明です。出典は代表的なサイトの例で、個々のサイトの利用条件は確認していません。回答は一般論であり、個別の法的助言ではありません。',
      en: 'This is a general description. The source is an example of such a site; the terms of individual sites have not been checked. Answers are general information, not legal advice for your case.',
    },
  },
  {
    id: 'police-110',
    name: { ja: '110番（警察への緊急通報）', en: 'Police emergency number 110' },
    operator: { ja: '都道府県警察', en: 'Prefectural police' },
    services: ['police-response'],
    channels: [
      {
        type: 'phone',
        value: '110',
        label: { ja: '緊急通報', en: 'Emergency call' },
        tollFree: true,
        hours: ALWAYS_OPEN,
      },
    ],
    free: true,
    cost: { ja: '無料です。', en: 'Free of charge.' },
    languages: ['ja'],
    does: {
      ja: '殺害予告など、いま身の危険が迫っているときの緊急通報です。',
      en: 'For emergencies such as a threat to kill you, when you are in danger right now.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: '緊急のときは、どなたでも。', en: 'Anyone in an emergency.' },
    sources: [SRC.govOnline9110],
    verified: true,
  },
  {
    id: 'police-9110',
    name: { ja: '警察相談専用電話 #9110', en: 'Police consultation line #9110' },
    operator: {
      ja: '都道府県警察本部の相談窓口',
      en: 'Consultation desks of the prefectural police headquarters',
    },
    services: ['advice', 'police-response'],
    channels: [
      {
        type: 'phone',
        value: '#9110',
        label: { ja: '警察相談専用電話', en: 'Police consultation line' },
        hours: {
          periods: [{ days: WEEKDAYS_MON_FRI, open: '08:30', close: '17:15' }],
          varies: true,
          note: {
            ja: '受付時間は都道府県によって異なります。時間外は当直や録音メッセージで対応するところが多く、24時間受け付けるところもあります。ダイヤル回線や一部のIP電話からはかけられません。',
            en: 'Hours differ by prefecture. Outside them, most prefectures answer with a duty officer or a recorded message, and a few answer 24 hours. It cannot be dialled from rotary (dial-pulse) phones or some IP phones.',
          },
        },
      },
    ],
    free: true,
    cost: { ja: '相談は無料です。通話料はかかります。', en: 'Free of charge; you pay the call charges.' },
    languages: ['ja'],
    does: {
      ja: 'かけた場所の都道府県警察本部の相談窓口につながり、急を要しない困りごとを相談できます。殺害予告など緊急のときは110番にかけてください。',
      en: 'Connects you to the consultation desk of the police headquarters for where you are, for problems that are not emergencies. For emergencies such as a threat to kill you, call 110.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can call.' },
    sources: [SRC.govOnline9110],
    verified: true,
  },
  {
    id: 'police-cyber',
    name: {
      ja: '警察庁 サイバー事案の通報・相談窓口（オンライン）',
      en: 'National Police Agency online form for cyber incidents',
    },
    operator: {
      ja: '警察庁（送信先は選んだ都道府県警察・警察署）',
      en: 'National Police Agency (sent on to the prefectural police or station you choose)',
    },
    services: ['police-response'],
    channels: [
      {
        type: 'web-form',
        value: 'https://www.npa.go.jp/bureau/cyber/soudan.html',
        label: { ja: 'オンライン通報・相談フォーム', en: 'Online report and consultation form' },
        hours: {
          always: true,
          note: {
            ja: '送信はいつでもできますが、土日祝日は確認されません。返信には数日かかります。',
            en: 'You can submit at any time, but submissions are not read at weekends or on holidays. Replies take several days.',
          },
        },
        note: {
          ja: '都道府県ごとのサイバー犯罪相談窓口の電話番号も、このページに一覧があります。',
          en: 'The page also lists each prefecture’s cybercrime consultation phone number.',
        },
      },
    ],
    free: true,
    cost: { ja: '無料です。', en: 'Free of charge.' },
    languages: ['ja'],
    does: {
      ja: '2024年3月29日から、全国のサイバー事案の通報・相談・情報提供をこのフォームで受け付けています。内容は選んだ都道府県警察・警察署に届きます。フォームの送信は被害届ではありません。被害届や告訴は警察署で行います。投稿が違法かどうかや、捜査の進み具合についての質問には答えていません。',
      en: 'Since 29 March 2024, reports, consultations and tips about cyber incidents from every prefecture go through this form, and reach the prefectural police or station you choose. Sending the form is not filing a damage report (被害届): for that, or for a criminal complaint, go to a police station. The police do not answer questions about whether a post is illegal or how an investigation is going.',
    },
    registrationRequired: false,
    registration: {
      ja: 'アカウント登録が必要かどうかは確認できていません。',
      en: 'Whether the form needs an account is not confirmed.',
    },
    eligibility: { ja: 'どなたでも利用できます。', en: 'Anyone can use it.' },
    sources: [SRC.npaCyber, SRC.saitamaPolice, SRC.fukuiPolice],
    verified: false,
    caveat: {
      ja: 'フォームの利用にアカウント登録が必要かどうかは確認できていません。',
      en: 'We could not confirm whether the form requires registering an account.',
    },
  },
  {
    id: 'kokoro-dial',
    name: {
      ja: 'こころの健康相談統一ダイヤル',
      en: 'Mental health consultation line (こころの健康相談統一ダイヤル)',
    },
    operator: {
      ja: '都道府県・政令指定都市の公的な相談窓口',
      en: 'Public counselling services of each prefecture and designated city',
    },
    services: ['emotional-support'],
    channels: [
      {
        type: 'phone',
        value: '0570-064-556',
        label: { ja: 'ナビダイヤル', en: 'Navi Dial (nationwide number)' },
        hours: {
          varies: true,
          note: {
            ja: '受付時間は地域によって異なります。IP電話、プリペイド式携帯電話、海外からはつながりません。',
            en: 'Hours differ by area. It cannot be reached from IP phones, prepaid mobiles or abroad.',
          },
        },
        note: {
          ja: '平日夜間（月〜金 18:30〜22:30、最終受付22:00）の窓口が2021年1月から設けられましたが、現在も続いているかは確認できていません。',
          en: 'A weekday evening service (Mon–Fri 18:30–22:30, last call 22:00) started in January 2021; whether it still runs is not confirmed.',
        },
      },
    ],
    free: true,
    cost: {
      ja: '相談は無料です。通話料はかかります（ナビダイヤル）。',
      en: 'Free of charge. You pay the call charges (Navi Dial).',
    },
    languages: ['ja'],
    does: {
      ja: 'かけた場所の都道府県・政令指定都市の公的な相談窓口につながり、心の悩みを聞いてもらえます。',
      en: 'Connects you to the public counselling line of the prefecture or city you are calling from, where you can talk about how you are feeling.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can call.' },
    sources: [SRC.mirimiri, SRC.mykohoBandai],
    verified: false,
    caveat: {
      ja: '夜間の窓口（月〜金 18:30〜22:30）が現在も続いているかは確認できていません。',
      en: 'We could not confirm whether the evening service (Mon–Fri 18:30–22:30) still runs.',
    },
  },
  {
    id: 'inochi-denwa',
    name: { ja: 'いのちの電話', en: 'Inochi no Denwa helpline (いのちの電話)' },
    operator: {
      ja: '日本いのちの電話連盟',
      en: 'Japan Federation of Inochi no Denwa (日本いのちの電話連盟)',
    },
    services: ['emotional-support'],
    channels: [
      {
        type: 'phone',
        value: '0570-783-556',
        label: { ja: 'ナビダイヤル', en: 'Navi Dial (nationwide number)' },
        hours: { periods: [{ days: EVERY_DAY, open: '10:00', close: '22:00' }], note: NO_NOTE },
      },
      {
        type: 'phone',
        value: '0120-783-556',
        label: { ja: 'フリーダイヤル', en: 'Toll-free number' },
        tollFree: true,
        hours: {
          periods: [{ days: EVERY_DAY, open: '16:00', close: '21:00' }],
          // The 10th of each month and campaign weeks run 24h; kept as a note, so "open now" stays indicative.
          varies: true,
          note: {
            ja: '毎月10日は8:00から翌日8:00まで24時間受け付けます。自殺予防週間（2025年は9月10日8:00〜9月17日8:00）などにも24時間の受付期間があります。',
            en: 'On the 10th of each month it is open 24 hours, from 8:00 to 8:00 the next day. There are also 24-hour periods such as Suicide Prevention Week (8:00 on Sep 10 to 8:00 on Sep 17 in 2025).',
          },
        },
      },
    ],
    free: true,
    cost: {
      ja: '相談は無料です。フリーダイヤルは通話料も無料、ナビダイヤルは通話料がかかります。',
      en: 'Free of charge. The toll-free number costs nothing to call; the Navi Dial number has call charges.',
    },
    languages: ['ja'],
    does: {
      ja: 'つらい気持ちを電話で聞いてもらえます。全国約50のセンターのうち、空いている回線につながります。',
      en: 'Someone listens when you are struggling. Calls go to the first free line among about 50 centres across Japan.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can call.' },
    sources: [SRC.newsPostseven, SRC.kawatana, SRC.livedoorInochi],
    verified: false,
    caveat: {
      ja: 'フリーダイヤルの毎日16:00〜21:00という受付時間は2020年の情報で、現在の時間は確認できていません。',
      en: 'The toll-free line’s daily hours (16:00–21:00) come from a 2020 source and are not confirmed as current.',
    },
  },
  {
    id: 'yorisoi',
    name: { ja: 'よりそいホットライン', en: 'Yorisoi Hotline (よりそいホットライン)' },
    operator: { ja: '（運営団体は未確認）', en: '(operator not confirmed)' },
    services: ['emotional-support'],
    channels: [
      {
        type: 'phone',
        value: '0120-279-338',
        label: { ja: 'フリーダイヤル', en: 'Toll-free number' },
        tollFree: true,
        hours: ALWAYS_OPEN,
        note: {
          ja: '音声ガイダンスで、外国語での相談なども選べます。',
          en: 'The menu offers options including support in foreign languages.',
        },
      },
    ],
    free: true,
    cost: { ja: '無料です（フリーダイヤル）。', en: 'Free, including the call.' },
    languages: ['ja'],
    does: {
      ja: '24時間、無料でつながる電話相談です。外国語での相談にも対応しています。',
      en: 'A free phone line that answers 24 hours a day. Support in foreign languages is also available.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: 'どなたでも相談できます。', en: 'Anyone can call.' },
    sources: [SRC.meikikai],
    verified: true,
  },
  {
    id: 'kodomo-sos',
    name: { ja: '24時間子供SOSダイヤル', en: '24-hour Children’s SOS Dial (24時間子供SOSダイヤル)' },
    operator: {
      ja: '文部科学省',
      en: 'Ministry of Education, Culture, Sports, Science and Technology (MEXT)',
    },
    services: ['emotional-support'],
    channels: [
      {
        type: 'phone',
        value: '0120-0-78310',
        label: { ja: 'フリーダイヤル', en: 'Toll-free number' },
        tollFree: true,
        hours: ALWAYS_OPEN,
      },
    ],
    free: true,
    cost: { ja: '無料です（フリーダイヤル）。', en: 'Free, including the call.' },
    languages: ['ja'],
    does: {
      ja: '子どもが24時間いつでも電話で相談できます。',
      en: 'Children can call for help at any hour of the day or night.',
    },
    registrationRequired: false,
    registration: { ja: '登録は不要です。', en: 'No registration is needed.' },
    eligibility: { ja: '子どものための相談窓口です。', en: 'A service for children.' },
    sources: [SRC.mykohoBandai],
    verified: true,
  },
];

const BY_ID: ReadonlyMap<string, ConsultationWindow> = new Map(WINDOWS.map((w) => [w.id, w]));

/** The window with this id, or undefined for an unknown id. */
export function getWindow(id: string): ConsultationWindow | undefined {
  return BY_ID.get(id);
}

/** Like getWindow, for ids known at compile time. */
export function requireWindow(id: WindowId): ConsultationWindow {
  const window = BY_ID.get(id);
  if (!window) throw new Error(`Consultation window missing from the directory: ${id}`);
  return window;
}
