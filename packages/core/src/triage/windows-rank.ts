import type { Locale, Localized } from '../i18n/locale.js';
import type { WindowId } from '../windows/window.js';
import { WINDOW_IDS } from '../windows/window.js';
import type { TriageAnswers } from './answers.js';
import { isIdentifiable } from './assessment.js';
import type { Category, EmergencyContact, HouterasuEligibility, WindowMatch } from './result.js';

interface Candidate {
  score: number;
  readonly reasons: Localized[];
}

/** Extra points per additional reason, so windows that fit several needs rise a little. */
const EXTRA_REASON_BONUS = 2;

function emergencyList(
  answers: TriageAnswers,
): { readonly windowId: WindowId; readonly reason: Localized }[] {
  const out: { windowId: WindowId; reason: Localized }[] = [];
  const add = (windowId: WindowId, reason: Localized): void => {
    if (!out.some((e) => e.windowId === windowId)) out.push({ windowId, reason });
  };
  if (answers.facts.includes('threat-life')) {
    add('police-110', {
      ja: '命や身体への危害を予告されています。危険を感じたら、ためらわず110番してください。',
      en: 'Someone has threatened your life or safety. If you feel in danger, call 110 (police) without hesitating.',
    });
  }
  if (answers.wellbeing?.selfHarmThoughts) {
    const reason: Localized = {
      ja: 'つらい気持ちを一人で抱えないでください。今すぐ話を聞いてもらえる窓口があります。',
      en: 'You do not have to carry this alone. These lines will listen to you now.',
    };
    add('inochi-denwa', reason);
    add('yorisoi', reason);
    add('kokoro-dial', reason);
  }
  if (answers.victim?.minor) {
    const reason: Localized = {
      ja: '18歳未満の方のための無料の相談窓口です。親や先生に言いにくいことも相談できます。',
      en: 'Free lines for people under 18, where you can talk about things that are hard to tell parents or teachers.',
    };
    add('kodomo-jinken-110', reason);
    add('kodomo-sos', reason);
  }
  return out;
}

/** Emergency contacts: immediate danger (110), thoughts of self-harm, and children. */
export function emergencyContacts(answers: TriageAnswers, locale: Locale): EmergencyContact[] {
  return emergencyList(answers).map((e) => ({ windowId: e.windowId, reason: e.reason[locale] }));
}

/**
 * Consultation windows for these answers, best first. Deterministic: ties keep WINDOW_IDS order.
 * 誹謗中傷ホットライン is never suggested when the victim is not identifiable (it requires a real,
 * identifiable individual: DOMAIN.md §1.2).
 */
export function rankWindows(
  answers: TriageAnswers,
  categories: ReadonlySet<Category>,
  houterasu: HouterasuEligibility,
  locale: Locale,
): WindowMatch[] {
  const candidates = new Map<WindowId, Candidate>();
  const add = (id: WindowId, score: number, reason: Localized): void => {
    const existing = candidates.get(id);
    if (!existing) {
      candidates.set(id, { score, reasons: [reason] });
      return;
    }
    if (existing.reasons.some((r) => r.ja === reason.ja)) return;
    existing.score = Math.max(existing.score, score) + EXTRA_REASON_BONUS;
    existing.reasons.push(reason);
  };
  const goals = new Set(answers.goals);
  const identifiable = isIdentifiable(answers.identifiable);
  const language = answers.victim?.language?.toLowerCase().split('-')[0];

  for (const contact of emergencyList(answers)) add(contact.windowId, 100, contact.reason);

  add('mimamoru', 90, {
    ja: '証拠の残し方、期限の管理、相談先の準備をこのサービスで続けて手伝います。',
    en: 'mimamoru keeps helping you preserve evidence, track deadlines and prepare for the windows below.',
  });

  if (language && language !== 'ja') {
    add('gaikokugo-jinken', 80, {
      ja: '外国語（英語・中国語・韓国語・ベトナム語など10言語）で人権相談ができます。',
      en: 'Human-rights consultation in 10 languages, including English, Chinese, Korean and Vietnamese.',
    });
    add('houterasu-multilingual', 78, {
      ja: '通訳を交えて、法制度や相談先の案内を外国語で受けられます。',
      en: 'Information on the legal system and where to get help, through an interpreter.',
    });
    add('yorisoi', 60, {
      ja: '24時間、外国語でも話を聞いてもらえます。',
      en: 'Listens 24 hours a day, including in foreign languages.',
    });
  }

  if (categories.has('stalking')) {
    add('houterasu-dv', 76, {
      ja: 'ストーカー被害を受けている人は、収入や資産にかかわらず弁護士に法律相談できます（法テラスのDV等被害者法律相談援助）。',
      en: 'People being stalked can consult a lawyer regardless of income or assets (法テラス victim legal consultation).',
    });
    add('police-9110', 72, {
      ja: '警察はストーカー規制法に基づいて警告や禁止命令を出せます。まず#9110で相談できます。',
      en: 'Police can issue warnings and prohibition orders under the Anti-Stalking Act. Start with #9110.',
    });
  }

  if (categories.has('threat')) {
    add('police-cyber', 74, {
      ja: '脅迫の書き込みは警察のサイバー窓口にオンラインで相談・通報できます（被害届は警察署で）。',
      en: 'You can report online threats to the police cyber window (a formal report is made at a police station).',
    });
    if (!answers.facts.includes('threat-life')) {
      add('police-9110', 70, {
        ja: '緊急でない脅迫の相談は#9110で受け付けています。',
        en: 'For threats that are not an emergency, call the police consultation line #9110.',
      });
    }
  }

  if (categories.has('sexual-image')) {
    add('police-cyber', 75, {
      ja: '性的な画像の公開は犯罪です。警察に相談してください。URLと画像が写った画面を印刷して持参すると伝わりやすくなります。',
      en: 'Publishing sexual images is a crime: tell the police. Bring a printout showing the URL and the image.',
    });
    add('police-9110', 70, {
      ja: '警察相談専用電話#9110でも相談できます。',
      en: 'You can also call the police consultation line #9110.',
    });
  }

  if (houterasu.eligible === true) {
    add('houterasu', 68, {
      ja: '資力基準を満たす見込みのため、無料の法律相談（1回30分・同じ問題で3回まで）を受けられる可能性があります。',
      en: 'You appear to meet the means test, so free legal consultations (30 minutes, up to 3 times per problem) may be available.',
    });
  } else if (houterasu.eligible === null) {
    add('houterasu', 45, {
      ja: '収入と資産が基準以下なら、無料の法律相談を受けられます。制度の案内は誰でも無料です。',
      en: 'If your income and assets are under the limits, legal consultations are free. Information on the system is free for everyone.',
    });
  } else {
    add('houterasu', 15, {
      ja: '資力基準は超えていますが、制度や相談先の案内は誰でも無料で受けられます。',
      en: 'You are above the means limits, but information on the system and where to go is free for everyone.',
    });
  }

  if (goals.has('identify') || goals.has('compensation')) {
    add('bengoshikai', 66, {
      ja: '投稿者の特定（発信者情報開示）や損害賠償は弁護士に依頼する手続です。弁護士会の法律相談センターで相談できます（30分5,500円程度）。',
      en: 'Identifying the poster and claiming damages are done through a lawyer. Bar association centres offer consultations (about 5,500 yen for 30 minutes).',
    });
    add('law-firm-free-consultation', 58, {
      ja: 'ネットの誹謗中傷を扱う法律事務所には初回無料相談をしているところもあります。費用の見積もりを比べてください。',
      en: 'Some law firms handling online abuse offer a free first consultation. Compare fee estimates.',
    });
  }

  if (goals.has('punish')) {
    add('police-cyber', 62, {
      ja: '処罰を求めるなら警察への相談・告訴が入口です。オンライン窓口は相談・通報用で、被害届・告訴は警察署で行います。',
      en: 'To seek punishment, start with the police. The online window is for reports; a formal complaint is filed at a police station.',
    });
    add('bengoshikai', 60, {
      ja: '告訴状の作成や警察とのやり取りを弁護士に頼むと受理されやすくなります。',
      en: 'A lawyer can draft the complaint and deal with the police, which often helps it be accepted.',
    });
  }

  if (goals.has('delete')) {
    add('jinken-internet', 64, {
      ja: '法務局はネット上の人権侵害の相談を受け、違法と判断すればプロバイダに削除を要請します（無料・24時間受付）。',
      en: 'The Legal Affairs Bureau takes online human-rights complaints and, if a post is unlawful, asks the provider to delete it (free, form open 24 hours).',
    });
    add('jinken-110', 60, {
      ja: '電話で法務局に相談し、削除依頼のしかたの助言や、法務局からの削除要請を受けられます。',
      en: 'Call the Legal Affairs Bureau for advice on requesting deletion, or for the bureau to ask the provider itself.',
    });
    if (identifiable) {
      add('sia-hotline', 56, {
        ja: 'あなたと特定できる誹謗中傷なら、サイトの利用規約に基づく削除をサイトに求めてくれます（無料）。',
        en: 'For abuse that clearly identifies you, this hotline asks the site to act under its terms of use (free).',
      });
    }
    add('ihaho', 52, {
      ja: '自分で削除依頼をするときの相手や書き方を、専門の相談員が無料で助言します（削除の代行はしません）。',
      en: 'Specialist advisers explain, for free, whom to ask and how to word a deletion request yourself (they do not request it for you).',
    });
  }

  if (categories.has('discrimination')) {
    add('jinken-110', 58, {
      ja: '法務局はヘイトスピーチなど差別的な書き込みを人権侵犯として扱います。',
      en: 'The Legal Affairs Bureau treats hate speech and other discriminatory posts as human-rights violations.',
    });
    add('jinken-internet', 56, {
      ja: 'インターネット人権相談から、差別的な書き込みについて相談できます。',
      en: 'You can report discriminatory posts through the online human-rights form.',
    });
  }

  if (categories.has('business')) {
    add('bengoshikai', 50, {
      ja: 'お店や仕事への攻撃は、損害の立証を含めて弁護士への相談が役立ちます。',
      en: 'For attacks on your business, a lawyer helps, including with proving the loss.',
    });
  }

  if (goals.has('stop')) {
    add('jinken-110', 48, {
      ja: '嫌がらせをやめさせたいときの相談先として、法務局が対応します。',
      en: 'The Legal Affairs Bureau can help when you want the harassment to stop.',
    });
  }

  if (goals.has('advice')) {
    add('ihaho', 46, {
      ja: 'ネット上のトラブル全般について、どうすればよいかを無料で助言します。',
      en: 'Free advice on what to do about problems online.',
    });
    add('legal-qa-site', 20, {
      ja: '似た相談への弁護士の回答を読むことができます（個別の助言ではありません）。',
      en: 'Read lawyers’ answers to similar questions (not advice on your case).',
    });
  }

  if (goals.has('support')) {
    add('yorisoi', 44, {
      ja: '24時間、どんな悩みでも話を聞いてもらえます。',
      en: 'Listens to any worry, 24 hours a day.',
    });
  }

  add('kokoro-dial', 12, {
    ja: '誹謗中傷はとても心が疲れることです。話したくなったときの窓口です。',
    en: 'Online abuse is exhausting. This line is there when you want to talk.',
  });

  return [...candidates.entries()]
    .filter(([id]) => identifiable || id !== 'sia-hotline')
    .sort(([a, ca], [b, cb]) => cb.score - ca.score || WINDOW_IDS.indexOf(a) - WINDOW_IDS.indexOf(b))
    .map(([id, candidate]) => ({ id, reasons: candidate.reasons.map((reason) => reason[locale]) }));
}
