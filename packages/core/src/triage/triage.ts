import type { Locale, Localized } from '../i18n/locale.js';
import { DEFAULT_LOCALE } from '../i18n/locale.js';
import { todayInTokyo } from '../law/tokyo-time.js';
import { houterasuEligibility } from '../law/houterasu.js';
import { LEGAL_CONTENT_CHECKED } from '../law/source.js';
import type { TriageAnswers } from './answers.js';
import { assess } from './assessment.js';
import { buildDeadlines } from './deadlines.js';
import type { LawyerReason, TriageResult } from './result.js';
import { buildSteps } from './steps.js';
import { emergencyContacts, rankWindows } from './windows-rank.js';

export interface TriageOptions {
  readonly locale?: Locale;
  /** Current instant, used for the default asOf (today in Asia/Tokyo). */
  readonly now?: Date;
}

const LAWYER_REASONS: readonly {
  readonly id: string;
  readonly when: (a: TriageAnswers) => boolean;
  readonly text: Localized;
}[] = [
  {
    id: 'lowers-social-standing',
    when: (a) => a.facts.includes('reputation-facts'),
    text: {
      ja: 'あなたの社会的な評価を下げる事実が書かれており、名誉毀損に当たるか（真実性や公益性の例外を含めて）の判断は専門的です。',
      en: 'The posts state facts that lower your social standing; whether they are defamation (including the truth and public-interest exceptions) needs a professional judgement.',
    },
  },
  {
    id: 'private-information',
    when: (a) => a.facts.includes('personal-info') || a.facts.includes('face-photo'),
    text: {
      ja: '住所や顔写真などの個人情報がさらされると、実生活での被害につながるおそれがあり、速やかな削除や差止めの手続が必要になることがあります。',
      en: 'Exposed personal details such as your address or photo can lead to harm offline, and may call for prompt deletion or injunction proceedings.',
    },
  },
  {
    id: 'impersonation-harm',
    when: (a) => a.facts.includes('impersonation'),
    text: {
      ja: 'なりすましは法律構成（名誉権・肖像権・プライバシー）の組み立てが難しく、弁護士の助けが役立ちます。',
      en: 'Impersonation cases must be framed as harm to honour, portrait or privacy, which is hard to do without a lawyer.',
    },
  },
  {
    id: 'threat-safety',
    when: (a) => a.facts.includes('threat-life') || a.facts.includes('threat-other'),
    text: {
      ja: '脅迫を受けています。警察への対応や身の安全を守る法的手段について、弁護士にも相談できます。',
      en: 'You are being threatened. A lawyer can help with the police and with legal steps to keep you safe.',
    },
  },
  {
    id: 'sexual-images',
    when: (a) => a.facts.includes('sexual-images'),
    text: {
      ja: '性的な画像は拡散を止めることが最優先です。削除の特例や告訴について、弁護士がすぐに動けます。',
      en: 'Stopping the spread of sexual images comes first; a lawyer can act quickly on fast-track deletion and a complaint.',
    },
  },
  {
    id: 'stalking',
    when: (a) => a.facts.includes('repeated-contact'),
    text: {
      ja: '繰り返しの連絡はストーカー規制法の対象になり得ます。法テラスでは収入にかかわらず弁護士に相談できます。',
      en: 'Repeated contact may fall under the Anti-Stalking Act; 法テラス offers a lawyer consultation regardless of income.',
    },
  },
  {
    id: 'business-harm',
    when: (a) => a.facts.includes('business-attack') || a.victim?.business === true,
    text: {
      ja: 'お店や仕事への攻撃は、売上などの損害の立証が必要で、弁護士の関与が役立ちます。',
      en: 'Attacks on a business require proof of loss, where a lawyer helps.',
    },
  },
  {
    id: 'goal-identify',
    when: (a) => a.goals.includes('identify'),
    text: {
      ja: '投稿者の特定（発信者情報開示命令）は裁判所の手続で、通信記録が消える前に始める必要があります。',
      en: 'Identifying the poster is a court procedure (disclosure order) that must start before the access logs are deleted.',
    },
  },
  {
    id: 'goal-compensation',
    when: (a) => a.goals.includes('compensation'),
    text: {
      ja: '損害賠償の請求は、金額の見通しや時効の管理を含めて弁護士に相談するのが確実です。',
      en: 'Claiming damages is best done with a lawyer, who can judge realistic amounts and manage the limitation period.',
    },
  },
  {
    id: 'goal-punish',
    when: (a) => a.goals.includes('punish'),
    text: {
      ja: '告訴には期限（投稿者を知ってから6か月）があり、告訴状を弁護士が作ると受理されやすくなります。',
      en: 'A criminal complaint has a deadline (6 months from learning who the poster is), and one drafted by a lawyer is more often accepted.',
    },
  },
];

const DISCLAIMER: Localized = {
  ja: `この結果は、あなたの回答をもとにした一般的な情報で、法律相談（法的助言）ではありません。実際に何が当てはまるか、期限がいつかは事情によって変わります。大切な判断の前に、弁護士や公的な相談窓口に確認してください。日付は日本の暦で計算し、${LEGAL_CONTENT_CHECKED} 時点で確認した法令と資料に基づいています。`,
  en: `This result is general information based on your answers, not legal advice. What applies to you and when deadlines fall depend on the details. Check with a lawyer or a public consultation service before making important decisions. Dates are calculated on the Japanese calendar, from laws and sources checked on ${LEGAL_CONTENT_CHECKED}.`,
};

/**
 * Triage: from the person's answers to assessed legal categories, emergency contacts, ranked
 * consultation windows, deadlines, 法テラス eligibility and an ordered action plan.
 * Pure and deterministic for given answers and options (asOf defaults to today in Tokyo at `now`).
 */
export function triage(answers: TriageAnswers, options: TriageOptions = {}): TriageResult {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const asOf = answers.asOf ?? todayInTokyo(options.now ?? new Date());
  const assessment = assess(answers, locale);
  const categories = new Set(assessment.map((a) => a.category));
  const lawyerReasons: LawyerReason[] = LAWYER_REASONS.filter((r) => r.when(answers)).map((r) => ({
    id: r.id,
    text: r.text[locale],
  }));
  const emergencyReasons = emergencyContacts(answers, locale);
  const houterasu = houterasuEligibility(answers.means, locale);
  const windows = rankWindows(answers, categories, houterasu, locale);
  const { deadlines, pending } = buildDeadlines(answers, assessment, asOf, locale);
  const lawyerRecommended = lawyerReasons.length > 0;
  const steps = buildSteps({
    answers,
    categories,
    windows,
    emergency: emergencyReasons,
    deadlines,
    lawyerRecommended,
    houterasuEligible: houterasu.eligible,
    locale,
  });
  return {
    asOf,
    locale,
    assessment,
    lawyerRecommended,
    lawyerReasons,
    emergency: emergencyReasons.map((e) => e.windowId),
    emergencyReasons,
    windows,
    deadlines,
    pendingDeadlines: pending,
    houterasu,
    steps,
    disclaimer: DISCLAIMER[locale],
  };
}
