import type { Localized } from '../i18n/locale.js';
import type { LegalBasis } from './source.js';

/**
 * Offences and civil heads that online abuse can fall under, with their sources.
 * Penalties use the 拘禁刑 wording in force since 2025-06-01 (令和4年法律第67号).
 * Facts from DOMAIN.md §4 (checked 2026-11-29). Law IDs are e-Gov 法令ID:
 * 刑法 明治40年法律第45号, 刑事訴訟法 昭和23年法律第131号, 民法 明治29年法律第89号,
 * ストーカー規制法 平成12年法律第81号 (議員立法, hence "AC1"), リベンジポルノ防止法 平成26年法律第126号
 * (議員立法), 情プラ法 平成13年法律第137号, 性的姿態撮影等処罰法 令和5年法律第67号.
 */

export const LAW_URLS = {
  keihou: 'https://laws.e-gov.go.jp/law/140AC0000000045',
  keiso: 'https://laws.e-gov.go.jp/law/323AC0000000131',
  minpou: 'https://laws.e-gov.go.jp/law/129AC0000000089',
  stalker: 'https://laws.e-gov.go.jp/law/412AC1000000081',
  revengePorn: 'https://laws.e-gov.go.jp/law/426AC1000000126',
  jouhouPlatform: 'https://laws.e-gov.go.jp/law/413AC0000000137',
  sexualImage: 'https://laws.e-gov.go.jp/law/505AC0000000067',
} as const;

const law = (name: string, article: string, source: string): LegalBasis => ({ law: name, article, source });

/** Every legal source the triage cites, by short key. */
export const BASIS = {
  keihou230: law('刑法', '230条（名誉毀損）', LAW_URLS.keihou),
  keihou230no2: law('刑法', '230条の2（公共の利害に関する場合の特例）', LAW_URLS.keihou),
  keihou231: law('刑法', '231条（侮辱）', LAW_URLS.keihou),
  keihou232: law('刑法', '232条（親告罪）', LAW_URLS.keihou),
  keihou222: law('刑法', '222条（脅迫）', LAW_URLS.keihou),
  keihou223: law('刑法', '223条（強要）', LAW_URLS.keihou),
  keihou233: law('刑法', '233条（信用毀損及び業務妨害）', LAW_URLS.keihou),
  keihou234: law('刑法', '234条（威力業務妨害）', LAW_URLS.keihou),
  keiso55: law('刑事訴訟法', '55条（期間の計算）', LAW_URLS.keiso),
  keiso235: law('刑事訴訟法', '235条（告訴期間）', LAW_URLS.keiso),
  keiso250: law('刑事訴訟法', '250条2項（公訴時効）', LAW_URLS.keiso),
  keiso253: law('刑事訴訟法', '253条1項（時効の起算点）', LAW_URLS.keiso),
  minpou140: law('民法', '140条（初日不算入）・143条（暦による計算）', LAW_URLS.minpou),
  minpou709: law('民法', '709条（不法行為）', LAW_URLS.minpou),
  minpou710: law('民法', '710条（財産以外の損害の賠償）', LAW_URLS.minpou),
  minpou723: law('民法', '723条（名誉毀損における原状回復）', LAW_URLS.minpou),
  minpou724: law('民法', '724条（不法行為による損害賠償請求権の消滅時効）', LAW_URLS.minpou),
  stalker2: law(
    'ストーカー行為等の規制等に関する法律',
    '2条（つきまとい等：拒まれた後の連続したSNSメッセージ・ブログ投稿等を含む）',
    LAW_URLS.stalker,
  ),
  stalker18: law('ストーカー行為等の規制等に関する法律', '18条〜20条（罰則）', LAW_URLS.stalker),
  revengePorn3: law(
    '私事性的画像記録の提供等による被害の防止に関する法律',
    '3条（公表罪・公表目的提供罪、4項 親告罪）',
    LAW_URLS.revengePorn,
  ),
  sexualImage: law(
    '性的な姿態を撮影する行為等の処罰及び押収物に記録された性的な姿態の影像に係る電磁的記録の消去等に関する法律',
    '2条〜4条（撮影罪・提供罪・保管罪）',
    LAW_URLS.sexualImage,
  ),
  jouhouPlatform25: law(
    '情報流通プラットフォーム対処法',
    '20条（大規模特定電気通信役務提供者の指定）・25条（削除申出への判断と通知）',
    LAW_URLS.jouhouPlatform,
  ),
  jouhouPlatform5: law(
    '情報流通プラットフォーム対処法',
    '5条（発信者情報開示請求）・8条（発信者情報開示命令）',
    LAW_URLS.jouhouPlatform,
  ),
  utageNoAto: law(
    '判例',
    '東京地判昭和39年9月28日（「宴のあと」事件：プライバシー侵害の要件）',
    'http://www.jame.or.jp/shozoken/hanrei11.html',
  ),
  shozoken: law(
    '判例',
    '最一小判平成17年11月10日 民集59巻9号2428頁（肖像権：社会生活上の受忍限度）',
    'https://kandato.jp/rights/shozo/',
  ),
  identityRight: law(
    '判例',
    '大阪地判平成28年2月8日 判時2313号73頁（アイデンティティ権は認められ得るが事案では否定）',
    'https://iclaw.online/?p=10446',
  ),
  identityRight2017: law(
    '判例',
    '大阪地判平成29年8月30日 判タ1445号202頁（なりすまし：名誉権・肖像権侵害で130万円）',
    'http://www.westlawjapan.com/column-law/2018/180219/',
  ),
  continuingOffence: law(
    '判例',
    '大阪高判平成16年4月22日 高刑集57巻2号1頁（ネット上の名誉毀損は掲載が続く限り継続）',
    'https://www.courts.go.jp/hanrei/22229/detail3/index.html',
  ),
  insultReform: law(
    '法務省',
    '侮辱罪の法定刑の引上げ（令和4年7月7日施行）',
    'https://www.moj.go.jp/content/001375699.pdf',
  ),
  siaHotline: law(
    'セーファーインターネット協会',
    '誹謗中傷ホットライン（特定誹謗中傷情報の要件：実在の個人が特定できること）',
    'https://www.saferinternet.or.jp/bullying/',
  ),
  jinkenShingai: law(
    '法務省 人権擁護機関',
    '人権侵犯事件の調査救済（プロバイダへの削除要請）',
    'https://www.moj.go.jp/JINKEN/jinken20.html',
  ),
  logRetention: law(
    '実務（弁護士 神田知宏）',
    'ログ保存期間（携帯キャリア約3か月・固定回線約6か月以上）',
    'https://kandato.jp/term/%E3%83%AD%E3%82%B0%E4%BF%9D%E5%AD%98%E6%9C%9F%E9%96%93/',
  ),
  logReverse: law('実務（弁護士 神田知宏）', '発信者情報開示の逆算表', 'https://kandato.jp/case/timelimit'),
  kaijiMeirei: law(
    '実務（弁護士 神田知宏）',
    '発信者情報開示命令（期間・印紙代）',
    'https://kandato.jp/dosys',
  ),
  kaijiCourt: law(
    '東京地方裁判所 民事第9部',
    '発信者情報開示命令事件',
    'https://www.courts.go.jp/tokyo/saiban/minzi_section09/hassinnsya_kaiji/index.html',
  ),
  designation: law(
    '総務省',
    '大規模特定電気通信役務提供者の指定（2025年4月30日）',
    'https://www.soumu.go.jp/menu_news/s-news/01ryutsu02_02000435.html',
  ),
  designation2: law(
    '大東市',
    '大規模特定電気通信役務提供者一覧（2025年8月1日時点）',
    'https://www.city.daito.lg.jp/soshiki/19/64348.html',
  ),
  isharyo: law(
    '実務（長瀬総合法律事務所）',
    'SNS誹謗中傷の慰謝料相場（2026年1月）',
    'https://houmu.nagasesogo.com/media/column/column-260121-j/?amp=1',
  ),
  lawyerFees: law('実務（アトム法律事務所）', '削除・開示の弁護士費用', 'https://atomfirm.com/sakujo/38854'),
  evidence: law(
    '実務（長瀬総合法律事務所）',
    'SNS投稿の証拠保全（URL・日時・投稿者）',
    'https://houmu.nagasesogo.com/media/column/column-250625-j/?amp=1',
  ),
  npaCyber: law('警察庁', 'サイバー事案に関する相談窓口', 'https://www.npa.go.jp/bureau/cyber/soudan.html'),
  houterasuDv: law(
    '法テラス',
    'DV等被害者法律相談援助（ストーカー被害は資力を問わず相談可）',
    'https://www.houterasu.or.jp/higaishashien/seido/higaishasoudan.html',
  ),
  mamorouyo: law('厚生労働省', 'まもろうよ こころ', 'https://www.mhlw.go.jp/mamorouyokokoro/'),
} as const satisfies Record<string, LegalBasis>;

export const OFFENCE_IDS = [
  'defamation',
  'insult',
  'insult-before-2022-07-07',
  'threat',
  'coercion',
  'credit-business-obstruction',
  'forcible-business-obstruction',
  'stalking',
  'stalking-order-breach',
  'revenge-porn-publication',
  'revenge-porn-provision',
  'sexual-image-filming',
  'sexual-image-public-provision',
] as const;
export type OffenceId = (typeof OFFENCE_IDS)[number];

export interface Offence {
  readonly id: OffenceId;
  readonly name: Localized;
  /** Statutory penalty, 拘禁刑 wording. */
  readonly penalty: Localized;
  /** 親告罪: prosecution needs the victim's 告訴 within 6 months of knowing the offender (刑訴法235条). */
  readonly complaintRequired: boolean;
  /** 公訴時効 in years (刑訴法250条2項). */
  readonly prosecutionLimitationYears: number;
  readonly basis: readonly LegalBasis[];
  /** false where DOMAIN.md marks a fact of this entry for verification. */
  readonly verified: boolean;
  readonly note?: Localized;
}

/** The day the 2022 insult reform took effect; acts before it keep the old penalty and 1-year 時効. */
export const INSULT_REFORM_DATE = '2022-07-07';

export const OFFENCES: Readonly<Record<OffenceId, Offence>> = {
  defamation: {
    id: 'defamation',
    name: { ja: '名誉毀損罪（刑法230条）', en: 'Defamation (Penal Code art. 230)' },
    penalty: {
      ja: '3年以下の拘禁刑又は50万円以下の罰金',
      en: 'up to 3 years’ imprisonment (拘禁刑) or a fine of up to 500,000 yen',
    },
    complaintRequired: true,
    prosecutionLimitationYears: 3,
    basis: [BASIS.keihou230, BASIS.keihou232, BASIS.keiso250],
    verified: true,
    note: {
      ja: '事実が真実でも成立し得ます。公共の利害・公益目的・真実性の証明がそろう場合だけ罰せられません（刑法230条の2）。',
      en: 'It can apply even if the facts are true; only public-interest matters posted for the public benefit and proved true are exempt (art. 230-2).',
    },
  },
  insult: {
    id: 'insult',
    name: { ja: '侮辱罪（刑法231条）', en: 'Insult (Penal Code art. 231)' },
    penalty: {
      ja: '1年以下の拘禁刑若しくは30万円以下の罰金又は拘留若しくは科料（2022年7月7日以降の行為）',
      en: 'up to 1 year’s imprisonment (拘禁刑) or a fine of up to 300,000 yen, or penal detention or a petty fine (acts on or after 7 July 2022)',
    },
    complaintRequired: true,
    prosecutionLimitationYears: 3,
    basis: [BASIS.keihou231, BASIS.keihou232, BASIS.insultReform, BASIS.keiso250],
    verified: true,
  },
  'insult-before-2022-07-07': {
    id: 'insult-before-2022-07-07',
    name: { ja: '侮辱罪（2022年7月6日以前の行為）', en: 'Insult (acts up to 6 July 2022)' },
    penalty: { ja: '拘留又は科料', en: 'penal detention or a petty fine only' },
    complaintRequired: true,
    prosecutionLimitationYears: 1,
    basis: [BASIS.keihou231, BASIS.insultReform, BASIS.keiso250],
    verified: true,
    note: {
      ja: '法定刑の引上げはさかのぼって適用されません。公訴時効は1年です。',
      en: 'The heavier penalty is not retroactive; the limitation period for prosecution is 1 year.',
    },
  },
  threat: {
    id: 'threat',
    name: { ja: '脅迫罪（刑法222条）', en: 'Intimidation (Penal Code art. 222)' },
    penalty: {
      ja: '2年以下の拘禁刑又は30万円以下の罰金',
      en: 'up to 2 years’ imprisonment (拘禁刑) or a fine of up to 300,000 yen',
    },
    complaintRequired: false,
    prosecutionLimitationYears: 3,
    basis: [BASIS.keihou222, BASIS.keiso250],
    verified: true,
  },
  coercion: {
    id: 'coercion',
    name: { ja: '強要罪（刑法223条）', en: 'Coercion (Penal Code art. 223)' },
    penalty: { ja: '3年以下の拘禁刑', en: 'up to 3 years’ imprisonment (拘禁刑)' },
    complaintRequired: false,
    prosecutionLimitationYears: 3,
    basis: [BASIS.keihou223, BASIS.keiso250],
    verified: true,
  },
  'credit-business-obstruction': {
    id: 'credit-business-obstruction',
    name: {
      ja: '信用毀損罪・偽計業務妨害罪（刑法233条）',
      en: 'Damage to credit / obstruction of business by fraud (Penal Code art. 233)',
    },
    penalty: {
      ja: '3年以下の拘禁刑又は50万円以下の罰金',
      en: 'up to 3 years’ imprisonment (拘禁刑) or a fine of up to 500,000 yen',
    },
    complaintRequired: false,
    prosecutionLimitationYears: 3,
    basis: [BASIS.keihou233, BASIS.keiso250],
    verified: true,
  },
  'forcible-business-obstruction': {
    id: 'forcible-business-obstruction',
    name: { ja: '威力業務妨害罪（刑法234条）', en: 'Forcible obstruction of business (Penal Code art. 234)' },
    penalty: {
      ja: '3年以下の拘禁刑又は50万円以下の罰金',
      en: 'up to 3 years’ imprisonment (拘禁刑) or a fine of up to 500,000 yen',
    },
    complaintRequired: false,
    prosecutionLimitationYears: 3,
    basis: [BASIS.keihou234, BASIS.keiso250],
    verified: true,
  },
  stalking: {
    id: 'stalking',
    name: { ja: 'ストーカー行為罪（ストーカー規制法）', en: 'Stalking (Anti-Stalking Act)' },
    penalty: {
      ja: '1年以下の拘禁刑又は100万円以下の罰金',
      en: 'up to 1 year’s imprisonment (拘禁刑) or a fine of up to 1,000,000 yen',
    },
    complaintRequired: false,
    prosecutionLimitationYears: 3,
    basis: [BASIS.stalker2, BASIS.stalker18, BASIS.keiso250],
    verified: true,
    note: {
      ja: '2017年1月3日から非親告罪です。恋愛感情やその怨恨が動機であることが要件です。',
      en: 'Since 3 January 2017 no complaint is needed. The motive must be romantic feelings or resentment at their rejection.',
    },
  },
  'stalking-order-breach': {
    id: 'stalking-order-breach',
    name: { ja: '禁止命令違反のストーカー行為', en: 'Stalking in breach of a prohibition order' },
    penalty: {
      ja: '2年以下の拘禁刑又は200万円以下の罰金',
      en: 'up to 2 years’ imprisonment (拘禁刑) or a fine of up to 2,000,000 yen',
    },
    complaintRequired: false,
    prosecutionLimitationYears: 3,
    basis: [BASIS.stalker18, BASIS.keiso250],
    verified: true,
  },
  'revenge-porn-publication': {
    id: 'revenge-porn-publication',
    name: {
      ja: '私事性的画像記録の公表罪（リベンジポルノ防止法3条1項・2項）',
      en: 'Publishing private sexual images (Revenge Porn Act art. 3(1)(2))',
    },
    penalty: {
      ja: '3年以下の拘禁刑又は50万円以下の罰金',
      en: 'up to 3 years’ imprisonment (拘禁刑) or a fine of up to 500,000 yen',
    },
    complaintRequired: true,
    prosecutionLimitationYears: 3,
    basis: [BASIS.revengePorn3, BASIS.keiso250],
    verified: true,
  },
  'revenge-porn-provision': {
    id: 'revenge-porn-provision',
    name: {
      ja: '公表目的提供罪（リベンジポルノ防止法3条3項）',
      en: 'Providing private sexual images for publication (Revenge Porn Act art. 3(3))',
    },
    penalty: {
      ja: '1年以下の拘禁刑又は30万円以下の罰金',
      en: 'up to 1 year’s imprisonment (拘禁刑) or a fine of up to 300,000 yen',
    },
    complaintRequired: true,
    prosecutionLimitationYears: 3,
    basis: [BASIS.revengePorn3, BASIS.keiso250],
    verified: true,
  },
  'sexual-image-filming': {
    id: 'sexual-image-filming',
    name: {
      ja: '性的姿態等撮影罪（性的姿態撮影等処罰法）',
      en: 'Secret filming of sexual poses (Sexual Image Filming Act)',
    },
    penalty: {
      ja: '3年以下の拘禁刑又は300万円以下の罰金',
      en: 'up to 3 years’ imprisonment (拘禁刑) or a fine of up to 3,000,000 yen',
    },
    complaintRequired: false,
    prosecutionLimitationYears: 3,
    basis: [BASIS.sexualImage, BASIS.keiso250],
    verified: false,
    note: {
      ja: '2023年7月13日施行。告訴を要件とする規定は見当たらず非親告罪と考えられますが、要確認です。',
      en: 'In force since 13 July 2023. No complaint clause was found, so it is believed not to need a complaint; to be verified.',
    },
  },
  'sexual-image-public-provision': {
    id: 'sexual-image-public-provision',
    name: {
      ja: '性的影像記録の不特定多数への提供・公然陳列（性的姿態撮影等処罰法）',
      en: 'Distributing sexual images to many people or displaying them publicly (Sexual Image Filming Act)',
    },
    penalty: {
      ja: '5年以下の拘禁刑若しくは500万円以下の罰金（併科あり）',
      en: 'up to 5 years’ imprisonment (拘禁刑) and/or a fine of up to 5,000,000 yen',
    },
    complaintRequired: false,
    prosecutionLimitationYears: 5,
    basis: [BASIS.sexualImage, BASIS.keiso250],
    verified: false,
    note: {
      ja: '非親告罪と考えられますが、要確認です。',
      en: 'Believed not to need a complaint; to be verified.',
    },
  },
};

/** Whether an insult committed on `actDate` falls under the pre-2022 rules (拘留・科料, 時効 1年). */
export function insultOffenceFor(actDate: string | undefined): Offence {
  return actDate !== undefined && actDate < INSULT_REFORM_DATE
    ? OFFENCES['insult-before-2022-07-07']
    : OFFENCES.insult;
}
