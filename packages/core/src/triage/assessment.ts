import type { Locale, Localized } from '../i18n/locale.js';
import { BASIS, OFFENCES, insultOffenceFor, type Offence } from '../law/offences.js';
import type { LegalBasis } from '../law/source.js';
import type { Fact, Identifiability, TriageAnswers } from './answers.js';
import type { Assessment, Category, Likelihood } from './result.js';
import { CATEGORIES } from './result.js';

/** Which facts raise which legal categories. */
const FACT_CATEGORIES: Readonly<Record<Fact, readonly Category[]>> = {
  'reputation-facts': ['defamation'],
  'name-calling': ['insult'],
  'personal-info': ['privacy'],
  'face-photo': ['portrait', 'privacy'],
  impersonation: ['impersonation'],
  'threat-life': ['threat'],
  'threat-other': ['threat'],
  'sexual-images': ['sexual-image'],
  'repeated-contact': ['stalking'],
  'business-attack': ['business'],
  'identity-attack': ['discrimination'],
};

/** Categories whose wrong needs readers to recognise the victim (同定可能性). */
const IDENTIFICATION_NEEDED: ReadonlySet<Category> = new Set(['defamation', 'insult', 'privacy', 'portrait']);

/** 親告罪 categories: 名誉毀損・侮辱 (刑法232条) and リベンジポルノ公表罪 (同法3条4項). */
export const COMPLAINT_CATEGORIES: ReadonlySet<Category> = new Set(['defamation', 'insult', 'sexual-image']);

export function isIdentifiable(identifiable: Identifiability): boolean {
  return identifiable === 'real-name' || identifiable === 'linked-handle';
}

/** The categories raised by the facts, in CATEGORIES order. */
export function categoriesOf(facts: readonly Fact[]): Category[] {
  const raised = new Set<Category>();
  for (const fact of facts) for (const category of FACT_CATEGORIES[fact]) raised.add(category);
  return CATEGORIES.filter((category) => raised.has(category));
}

interface CategoryLaw {
  readonly label: Localized;
  readonly civil: boolean;
  readonly criminal: boolean;
  readonly basis: readonly LegalBasis[];
  readonly explanation: Localized;
  readonly offences: (postedAt: string | undefined) => readonly Offence[];
  readonly likelihood: (answers: TriageAnswers) => Likelihood;
}

const IDENTIFIABILITY_NOTE: Localized = {
  ja: '誰のことか読む人に分かること（同定可能性）が必要です。実名でなくても、ハンドルネームと実名や顔・職場などが結びついていれば認められることがあります。',
  en: 'Readers must be able to tell the post is about you (同定可能性, identifiability). A handle can be enough if it is linked to your real name, face or workplace.',
};

const LOWERED_NOTE: Localized = {
  ja: 'いまの回答ではハンドルネームだけ、または分からないとのことなので「可能性あり」としています。あなたと結びつく事情（実名との関係、写真、周りの反応）の証拠があれば、評価が変わります。',
  en: 'You said the post names only a handle, or you are not sure, so this is marked "possible". Evidence linking the handle to you (your real name, photos, replies naming you) can change that.',
};

const likelyIfIdentifiable = (answers: TriageAnswers): Likelihood =>
  isIdentifiable(answers.identifiable) ? 'likely' : 'possible';

const CATEGORY_LAW: Readonly<Record<Category, CategoryLaw>> = {
  defamation: {
    label: { ja: '名誉毀損', en: 'Defamation' },
    civil: true,
    criminal: true,
    basis: [
      BASIS.keihou230,
      BASIS.keihou230no2,
      BASIS.keihou232,
      BASIS.minpou709,
      BASIS.minpou710,
      BASIS.minpou723,
    ],
    explanation: {
      ja: '具体的な事実を示して、あなたの社会的な評価を下げる投稿は名誉毀損になり得ます。内容が本当でも成立し得て、公共の利害に関わり公益目的で真実と証明された場合などに限って違法でなくなります。民事では削除・損害賠償（慰謝料）・謝罪広告などの対象になり、刑事では告訴が必要な犯罪（親告罪）です。',
      en: 'A post that states concrete facts lowering your social standing can be defamation. It can apply even if the facts are true; it is lawful only in narrow cases such as a public-interest matter posted for the public benefit and proved true. Civil remedies are deletion, damages and corrective measures; as a crime it needs your formal complaint (告訴).',
    },
    offences: () => [OFFENCES.defamation],
    likelihood: likelyIfIdentifiable,
  },
  insult: {
    label: { ja: '侮辱', en: 'Insult' },
    civil: true,
    criminal: true,
    basis: [BASIS.keihou231, BASIS.keihou232, BASIS.insultReform, BASIS.minpou709, BASIS.minpou710],
    explanation: {
      ja: '事実を示さずに「下手くそ」「バカ」などと公然とけなす投稿は侮辱罪になり得ます（告訴が必要な親告罪）。民事では、社会生活上許される限度を超える侮辱は名誉感情の侵害として慰謝料の対象になり得ます。2022年7月7日以降の行為は法定刑が重くなりました。',
      en: 'Publicly belittling you without stating facts ("useless", "idiot") can be the crime of insult, which needs your formal complaint (告訴). In civil law, insults beyond what social life tolerates can infringe your sense of honour and ground damages. Since 7 July 2022 the penalty is heavier.',
    },
    offences: (postedAt) => [insultOffenceFor(postedAt)],
    likelihood: likelyIfIdentifiable,
  },
  privacy: {
    label: { ja: 'プライバシー侵害', en: 'Invasion of privacy' },
    civil: true,
    criminal: false,
    basis: [BASIS.utageNoAto, BASIS.minpou709, BASIS.minpou710],
    explanation: {
      ja: '住所・電話番号・勤務先・顔写真など私生活の情報を、本人が望まないのに公開することはプライバシー侵害になり得ます（「宴のあと」事件の基準：私生活の事実であること、普通の人なら公開を望まないこと、まだ知られていないこと、実際に不安や不快を感じたこと）。一般的な犯罪はなく、削除や損害賠償を求める民事の問題です。',
      en: 'Publishing private information such as your address, phone number, workplace or face without your consent can invade your privacy (the 宴のあと test: facts of private life, that an ordinary person would not want published, not already known, and that actually caused you distress). There is no general crime for this; it is a civil matter for deletion and damages.',
    },
    offences: () => [],
    likelihood: likelyIfIdentifiable,
  },
  portrait: {
    label: { ja: '肖像権侵害', en: 'Infringement of portrait rights' },
    civil: true,
    criminal: false,
    basis: [BASIS.shozoken, BASIS.minpou709],
    explanation: {
      ja: '顔写真を無断で撮影・公開することは、社会生活上がまんすべき限度を超える場合に肖像権侵害になります（最高裁平成17年11月10日判決：立場、撮影時の活動、撮影の場所・目的・方法・必要性などで判断）。削除や損害賠償を求める民事の問題です。',
      en: 'Taking or publishing your photo without consent infringes your portrait rights when it goes beyond what you must tolerate in social life (Supreme Court, 10 Nov 2005: judged on your position, what you were doing, and the place, purpose, manner and need of the photo). It is a civil matter for deletion and damages.',
    },
    offences: () => [],
    likelihood: likelyIfIdentifiable,
  },
  impersonation: {
    label: { ja: 'なりすまし', en: 'Impersonation' },
    civil: true,
    criminal: false,
    basis: [BASIS.identityRight, BASIS.identityRight2017, BASIS.minpou709],
    explanation: {
      ja: 'なりすましそのものを罰する一般的な犯罪はありません。裁判所は「アイデンティティ権」の侵害があり得ると述べたことはありますが、実際の事件では認めていません（大阪地裁平成28年2月8日判決など）。実務では、なりすまし投稿による名誉権・肖像権・プライバシーの侵害として削除や損害賠償を求めます（名誉権と肖像権の侵害で130万円を認めた例があります）。アカウントの乗っ取りは不正アクセス禁止法の問題です。',
      en: 'There is no general crime of impersonation. Courts have said an "identity right" could in principle be infringed but rejected it on the facts (Osaka District Court, 8 Feb 2016, and later). In practice, deletion and damages are sought for harm to your honour, portrait or privacy caused by the fake account (one case awarded 1.3 million yen). Taking over your own account is a matter for the Unauthorized Access Act.',
    },
    offences: () => [],
    likelihood: () => 'possible',
  },
  threat: {
    label: { ja: '脅迫', en: 'Threats' },
    civil: true,
    criminal: true,
    basis: [BASIS.keihou222, BASIS.keihou223, BASIS.minpou709],
    explanation: {
      ja: 'あなたや家族（親族）の生命・身体・自由・名誉・財産に害を加えると告げることは脅迫罪になり得ます。DMでも成立し、告訴がなくても警察が捜査できます。殺害予告など身の危険があるときは、すぐ110番してください。',
      en: 'Telling you that harm will come to the life, body, freedom, honour or property of you or a relative can be the crime of intimidation. Direct messages count, and police can act without a formal complaint. If your life or safety is threatened, call 110 now.',
    },
    offences: () => [OFFENCES.threat],
    likelihood: (answers) => (answers.facts.includes('threat-life') ? 'likely' : 'possible'),
  },
  business: {
    label: { ja: '信用毀損・業務妨害', en: 'Damage to credit / obstruction of business' },
    civil: true,
    criminal: true,
    basis: [BASIS.keihou233, BASIS.keihou234, BASIS.minpou709],
    explanation: {
      ja: 'うその情報を広めてお店や仕事の信用を傷つけたり、業務を妨害したりすることは、信用毀損罪・偽計業務妨害罪（刑法233条）や威力業務妨害罪（刑法234条）になり得ます。告訴がなくても捜査できます。民事では損害賠償の対象です。',
      en: 'Spreading falsehoods that damage the credit of your business, or obstructing its work, can be a crime under Penal Code arts. 233–234. No formal complaint is needed. In civil law it can ground damages.',
    },
    offences: () => [OFFENCES['credit-business-obstruction'], OFFENCES['forcible-business-obstruction']],
    likelihood: () => 'possible',
  },
  stalking: {
    label: { ja: 'ストーカー行為（つきまとい等）', en: 'Stalking' },
    civil: true,
    criminal: true,
    basis: [BASIS.stalker2, BASIS.stalker18, BASIS.minpou709],
    explanation: {
      ja: '拒んだのに繰り返し送られるSNSのメッセージやブログへの書き込みは、恋愛感情やそれが満たされない恨みが動機なら、ストーカー規制法の「つきまとい等」に当たります（2017年から）。警察は警告や禁止命令を出すことができ、告訴がなくても罰せられます。',
      en: 'Repeated SNS messages or blog posts after you have refused them count as stalking under the Anti-Stalking Act (since 2017) when the motive is romantic feelings or resentment at their rejection. Police can issue warnings and prohibition orders, and no formal complaint is needed for prosecution.',
    },
    offences: () => [OFFENCES.stalking, OFFENCES['stalking-order-breach']],
    likelihood: () => 'possible',
  },
  'sexual-image': {
    label: { ja: '性的画像の公開（リベンジポルノ等）', en: 'Sharing of sexual images' },
    civil: true,
    criminal: true,
    basis: [BASIS.revengePorn3, BASIS.sexualImage, BASIS.minpou709],
    explanation: {
      ja: '本人が特定できる性的な画像を、同意なく多くの人に公開することはリベンジポルノ防止法の公表罪です（告訴が必要な親告罪）。ひそかに撮影された性的な画像の撮影・提供・公開は、2023年7月13日施行の性的姿態撮影等処罰法でも罰せられます（こちらは告訴不要と考えられますが要確認）。サイトへの削除依頼は、通常7日のところ2日で削除できる特例があります。',
      en: 'Publishing identifiable sexual images of you to many people without consent is an offence under the Revenge Porn Act (it needs your formal complaint). Secretly filmed sexual images are also covered by the 2023 Sexual Image Filming Act (believed not to need a complaint; to be verified). Sites may delete such images after 2 days instead of the usual 7 when asked.',
    },
    offences: () => [OFFENCES['revenge-porn-publication'], OFFENCES['sexual-image-public-provision']],
    likelihood: () => 'likely',
  },
  discrimination: {
    label: { ja: '差別的な攻撃（ヘイト）', en: 'Discriminatory attacks (hate)' },
    civil: true,
    criminal: false,
    basis: [BASIS.jinkenShingai, BASIS.minpou709, BASIS.keihou230, BASIS.keihou231],
    explanation: {
      ja: '出身・国籍・性別・障害などを理由にした攻撃そのものを罰する一般的な犯罪はありません。ただ、特定のあなたに向けられていれば名誉毀損や侮辱、不法行為になり得ます。法務局（人権擁護機関）はヘイトスピーチなどの人権侵犯を扱い、プロバイダに削除を要請することがあります。',
      en: 'There is no general crime of attacking someone for their origin, nationality, gender, disability and so on. If it targets you personally, it can still be defamation, insult or a tort. The Legal Affairs Bureau (人権擁護機関) handles hate speech as a human-rights violation and can ask providers to delete posts.',
    },
    offences: () => [],
    likelihood: () => 'possible',
  },
};

/** The name of a legal category, e.g. 名誉毀損 (for statistics and lists outside a triage result). */
export function categoryLabel(category: Category, locale: Locale): string {
  return CATEGORY_LAW[category].label[locale];
}

/** The legal assessment of the answers, one entry per raised category, in CATEGORIES order. */
export function assess(answers: TriageAnswers, locale: Locale): Assessment[] {
  return categoriesOf(answers.facts).map((category) => {
    const law = CATEGORY_LAW[category];
    const likelihood = law.likelihood(answers);
    const offences = law.offences(answers.postedAt);
    const parts = [law.explanation[locale]];
    if (IDENTIFICATION_NEEDED.has(category)) {
      parts.push(IDENTIFIABILITY_NOTE[locale]);
      if (likelihood === 'possible') parts.push(LOWERED_NOTE[locale]);
    }
    const penalty = offences
      .map((offence) => `${offence.name[locale]}: ${offence.penalty[locale]}`)
      .join(' / ');
    const basis = [...law.basis];
    for (const offence of offences)
      for (const item of offence.basis) if (!basis.includes(item)) basis.push(item);
    const assessment: Assessment = {
      category,
      label: law.label[locale],
      civil: law.civil,
      criminal: law.criminal,
      likelihood,
      basis,
      explanation: parts.join(' '),
      ...(law.criminal ? { complaintRequired: COMPLAINT_CATEGORIES.has(category), penalty } : {}),
    };
    return assessment;
  });
}
