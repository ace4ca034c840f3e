import type { Locale, Localized } from '../i18n/locale.js';
import {
  addMonths,
  civilAbsoluteLimitationDate,
  civilLimitationDate,
  criminalComplaintDeadline,
  daysBetween,
  prosecutionLimitationDate,
  shiftMonths,
} from '../law/dates.js';
import { BASIS, INSULT_REFORM_DATE } from '../law/offences.js';
import type { LegalBasis } from '../law/source.js';
import type { TriageAnswers } from './answers.js';
import { COMPLAINT_CATEGORIES } from './assessment.js';
import type { Assessment, Deadline, DeadlineId, DeadlineStatus, PendingDeadline } from './result.js';

/** A deadline is 'soon' when this many days or fewer are left. */
export const SOON_DAYS = 30;
/**
 * Months after the post from which log-retention deadlines are flagged 'soon' whatever the days left:
 * DOMAIN.md §5 product rule "flag danger at about 2 months after the post" (endo_munetaka: start within
 * 2 months for domestic sites), because 開示 takes weeks before the access provider is even known.
 */
export const LOG_DANGER_MONTHS = 2;

const LABELS: Readonly<Record<DeadlineId, Localized>> = {
  'platform-response': { ja: 'プラットフォームの回答期限', en: 'Platform’s answer to a deletion request' },
  'log-retention-mobile': {
    ja: '通信記録（ログ）の保存期間の目安：携帯回線',
    en: 'Access logs kept by mobile carriers (approx.)',
  },
  'log-retention-fixed': {
    ja: '通信記録（ログ）の保存期間の目安：固定回線',
    en: 'Access logs kept by fixed-line providers (approx.)',
  },
  'criminal-complaint': { ja: '告訴期間（親告罪）', en: 'Time limit for a criminal complaint (告訴)' },
  'civil-limitation': {
    ja: '損害賠償請求の時効（知った時から3年）',
    en: 'Limitation for damages (3 years from knowing)',
  },
  'civil-limitation-absolute': {
    ja: '損害賠償請求の期限（行為から20年）',
    en: 'Absolute limit for damages (20 years from the act)',
  },
  'prosecution-limitation': { ja: '公訴時効（起訴できる期限）', en: 'Limitation period for prosecution' },
};

function statusOf(daysLeft: number, soon: boolean): DeadlineStatus {
  if (daysLeft < 0) return 'passed';
  return soon || daysLeft <= SOON_DAYS ? 'soon' : 'ok';
}

interface DeadlineInput {
  readonly id: DeadlineId;
  readonly date: string;
  readonly explanation: Localized;
  readonly basis: readonly LegalBasis[];
  readonly statutory: boolean;
  /** Flag 'soon' from this date on, whatever the days left. */
  readonly soonFrom?: string;
}

/** Deadlines that can be computed from the answers, and those that still need an answer. */
export function buildDeadlines(
  answers: TriageAnswers,
  assessment: readonly Assessment[],
  asOf: string,
  locale: Locale,
): { deadlines: Deadline[]; pending: PendingDeadline[] } {
  const inputs: DeadlineInput[] = [];
  const pending: PendingDeadline[] = [];
  const addPending = (id: DeadlineId, needs: Localized): void => {
    pending.push({ id, label: LABELS[id][locale], needs: needs[locale] });
  };
  const postedAt = answers.postedAt;
  const offenderKnown = answers.offender?.known === true;
  const knownSince = offenderKnown ? answers.offender?.knownSince : undefined;
  const categories = new Set(assessment.map((a) => a.category));
  const criminal = assessment.filter((a) => a.criminal);
  const needsPostedAt: Localized = {
    ja: '最初の投稿の日付（postedAt）を入力してください。',
    en: 'Enter the date of the (first) post (postedAt).',
  };
  const needsKnownSince: Localized = {
    ja: '投稿者が誰か（氏名など）を知った日（offender.knownSince）を入力してください。',
    en: 'Enter the day you learned who the poster is, e.g. their name (offender.knownSince).',
  };
  const notKnownYet: Localized = {
    ja: '投稿者がまだ分からないため、この期間はまだ始まっていません。発信者情報開示などで投稿者が分かった日から数えます。分かったら、その日付（offender.knownSince）を入力してください。',
    en: 'The poster is not known yet, so this period has not started. It runs from the day you learn who they are (e.g. through a disclosure order); then enter that date (offender.knownSince).',
  };

  // Access logs: only matter while the poster still has to be identified.
  if (!offenderKnown) {
    if (postedAt) {
      const soonFrom = shiftMonths(postedAt, LOG_DANGER_MONTHS);
      inputs.push({
        id: 'log-retention-mobile',
        date: addMonths(postedAt, 3),
        soonFrom,
        statutory: false,
        basis: [BASIS.logRetention, BASIS.logReverse, BASIS.minpou140],
        explanation: {
          ja: `携帯電話会社は通信記録（ログ）を約3か月（NTTドコモ・ソフトバンク93日、au 3か月：2015年の実務家調査）しか保存しないことが多く、過ぎると投稿者を特定できなくなるおそれがあります。法律上の義務ではなく会社ごとに違い、公表もされていません。ここでは投稿日を1日目として3か月後の前日を目安とし、投稿から${LOG_DANGER_MONTHS}か月を過ぎたら「まもなく」と表示します。手続には数週間かかるため、特定を望むなら数日以内に弁護士か法テラスに相談してください。投稿が続いている場合、この日付は最初の投稿についてのものです。`,
          en: `Mobile carriers often keep access logs for only about 3 months (NTT docomo and SoftBank 93 days, au 3 months per a 2015 practitioner survey); after that the poster may become impossible to identify. This is practice, not a legal duty, and differs by company. The date counts the post day as day 1 and ends the day before the 3-month mark; it is flagged "soon" from ${LOG_DANGER_MONTHS} months after the post. Disclosure takes weeks, so if you want the poster identified, talk to a lawyer or 法テラス within days. If posts continue, this date is for the first post.`,
        },
      });
      inputs.push({
        id: 'log-retention-fixed',
        date: addMonths(postedAt, 6),
        soonFrom,
        statutory: false,
        basis: [BASIS.logRetention, BASIS.logReverse, BASIS.minpou140],
        explanation: {
          ja: '光回線などの固定回線のプロバイダは約6か月以上保存することが多いとされます（総務省ガイドラインの解説も接続認証ログの6か月程度の保存を許容）。投稿者がどちらの回線を使ったかは分からないため、携帯回線の短い期限を前提に動いてください。',
          en: 'Fixed-line providers are said to keep logs for about 6 months or more (the 総務省 guideline commentary accepts about 6 months for login logs). You cannot know which kind of line the poster used, so plan around the shorter mobile deadline.',
        },
      });
    } else {
      addPending('log-retention-mobile', needsPostedAt);
      addPending('log-retention-fixed', needsPostedAt);
    }
  }

  const complaintCategories = assessment.filter((a) => COMPLAINT_CATEGORIES.has(a.category));
  if (complaintCategories.length > 0) {
    if (knownSince) {
      inputs.push({
        id: 'criminal-complaint',
        date: criminalComplaintDeadline(knownSince),
        statutory: true,
        basis: [BASIS.keiso235, BASIS.keiso55, BASIS.keihou232, BASIS.continuingOffence],
        explanation: {
          ja: `名誉毀損・侮辱・リベンジポルノの公表は、被害者の告訴がないと起訴できない親告罪で、告訴は犯人を知った日から6か月以内にする必要があります（刑事訴訟法235条）。知った日（${knownSince}）は数えず翌日から数え、6か月後の応当日の前日が最終日です。その日が土日・祝日・12月29日〜1月3日なら、次の平日まで延びます（同法55条）。投稿が見られる状態で残っている間は犯罪が続いているとして期間が始まらないとした判決（大阪高裁平成16年4月22日）もありますが、それに頼らず、この日付までに告訴できるよう早めに警察や弁護士に相談してください。`,
          en: `Defamation, insult and publishing revenge porn can only be prosecuted if the victim files a formal complaint (告訴) within 6 months of learning who the offender is (Code of Criminal Procedure art. 235). The day you learned it (${knownSince}) is not counted; the last day is the day before the same date 6 months later, moved to the next business day if it falls on a weekend, public holiday or 29 Dec–3 Jan (art. 55). One court held that the offence continues while the post stays up, so the period would not start (Osaka High Court, 22 Apr 2004), but do not rely on it without a lawyer: aim to file by this date.`,
        },
      });
    } else if (offenderKnown) {
      addPending('criminal-complaint', needsKnownSince);
    } else {
      addPending('criminal-complaint', notKnownYet);
    }
  }

  if (assessment.some((a) => a.civil)) {
    if (knownSince) {
      inputs.push({
        id: 'civil-limitation',
        date: civilLimitationDate(knownSince),
        statutory: true,
        basis: [BASIS.minpou724, BASIS.minpou140],
        explanation: {
          ja: `損害賠償を請求する権利は、損害と加害者を知った時から3年で時効になります（民法724条1号）。加害者を「知った」とは、実際に請求できる程度に氏名・住所などが分かった時のことです。初日を数えず（民法140条）、${knownSince}の翌日から3年です。期限が休日に当たる場合の扱いは弁護士に確認し、この日付より前に動いてください。内容証明などで請求すると6か月だけ完成が猶予されます（民法150条）。`,
          en: `A damages claim expires 3 years after you knew of both the harm and the wrongdoer (Civil Code art. 724(1)), meaning when you knew their name and address well enough to sue. The first day is not counted (art. 140), so it runs from the day after ${knownSince}. Whether a weekend or holiday end date is extended is for a lawyer to judge: act before this date. A written demand (e.g. by 内容証明) postpones completion by only 6 months (art. 150).`,
        },
      });
    } else if (offenderKnown) {
      addPending('civil-limitation', needsKnownSince);
    } else {
      addPending('civil-limitation', notKnownYet);
    }
    if (postedAt) {
      inputs.push({
        id: 'civil-limitation-absolute',
        date: civilAbsoluteLimitationDate(postedAt),
        statutory: true,
        basis: [BASIS.minpou724, BASIS.minpou140],
        explanation: {
          ja: '投稿者を知らなくても、不法行為の時から20年たつと損害賠償は請求できなくなります（民法724条2号）。最初の投稿日の翌日から数えています。',
          en: 'Even if you never learn who the poster is, damages can no longer be claimed 20 years after the act (Civil Code art. 724(2)). Counted from the day after the first post.',
        },
      });
    } else {
      addPending('civil-limitation-absolute', needsPostedAt);
    }
  }

  if (criminal.length > 0) {
    if (postedAt) {
      const insultOnlyBeforeReform =
        criminal.every((a) => a.category === 'insult') && postedAt < INSULT_REFORM_DATE;
      const years = insultOnlyBeforeReform ? 1 : 3;
      const mixedOldInsult =
        !insultOnlyBeforeReform && categories.has('insult') && postedAt < INSULT_REFORM_DATE;
      inputs.push({
        id: 'prosecution-limitation',
        date: prosecutionLimitationDate(postedAt, years),
        statutory: true,
        basis: [BASIS.keiso250, BASIS.keiso253, BASIS.keiso55, BASIS.continuingOffence, BASIS.insultReform],
        explanation: {
          ja:
            `この種の犯罪は、行為から${years}年で公訴時効となり起訴できなくなります（刑事訴訟法250条2項${insultOnlyBeforeReform ? '。2022年7月6日以前の侮辱は1年' : '6号'}）。時効期間は初日も1日として数え、末日が休日でも延びません（同法55条1項ただし書・3項ただし書）。ここでは最初の投稿日から数えた、もっとも早い日付を示しています。ネット上の投稿は掲載が続く限り時効が進まないという考え方もありますが、争いがあります。` +
            (mixedOldInsult ? '2022年7月6日以前の侮辱の部分だけは時効が1年です。' : ''),
          en:
            `Prosecution becomes impossible ${years} year${years === 1 ? '' : 's'} after the act (Code of Criminal Procedure art. 250(2)${insultOnlyBeforeReform ? '; 1 year for insults before 7 July 2022' : ''}). For limitation periods the first day counts as a full day, and a weekend or holiday end date is not extended (art. 55(1) proviso and 55(3) proviso). This is the earliest date, counted from the first post. Some argue the period does not run while an online post stays up, but this is disputed.` +
            (mixedOldInsult ? ' For the insult part before 7 July 2022 alone, the limit is 1 year.' : ''),
        },
      });
    } else {
      addPending('prosecution-limitation', needsPostedAt);
    }
  }

  const deadlines = inputs
    .map((input): Deadline => {
      const daysLeft = daysBetween(asOf, input.date);
      const soon = input.soonFrom !== undefined && asOf >= input.soonFrom;
      return {
        id: input.id,
        date: input.date,
        status: statusOf(daysLeft, soon),
        daysLeft,
        label: LABELS[input.id][locale],
        explanation: input.explanation[locale],
        basis: input.basis,
        statutory: input.statutory,
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { deadlines, pending };
}
