import type { Locale } from '../i18n/locale.js';
import type { Area, TriageAnswers } from '../triage/answers.js';
import type { HouterasuEligibility } from '../triage/result.js';
import type { LegalBasis } from './source.js';

/**
 * 法テラス 民事法律扶助 資力基準 (means test for free legal consultation and fee advances).
 *
 * Source: 法テラス 「無料法律相談・弁護士費用等の立替」 資力基準 (taimen_soudan.html), as summarised
 * in DOMAIN.md §2 (figures consistent across sources 2013–2025; checked 2026-11-29).
 * - Income = 手取月収 of applicant + spouse (賞与 included as 1/12 of the year).
 * - 一級地 (e.g. 東京23区, 大阪市) has higher income limits; the higher housing cap applies only to
 *   東京都特別区 (houterasu 注2). Some law-firm pages apply it to every 一級地: we follow houterasu.
 * - The exact list of 一級地 municipalities is not encoded; the person chooses their area.
 */

export type HouseholdMeans = NonNullable<TriageAnswers['means']>;

export const HOUTERASU_BASIS: readonly LegalBasis[] = [
  {
    law: '法テラス 民事法律扶助 資力基準',
    article: '無料法律相談・弁護士費用等の立替 資力基準',
    source: 'https://www.houterasu.or.jp/k/nagare/flow_step2/taimen_soudan.html',
  },
  {
    law: '法テラス よくある質問',
    article: '民事法律扶助の利用条件',
    source: 'https://www.houterasu.or.jp/site/soudan-tatekae/soudanqa.html',
  },
];

/** 手取月収 limits for 1–4 persons (通常). */
const INCOME_NORMAL = [182_000, 251_000, 272_000, 299_000] as const;
/** 手取月収 limits for 1–4 persons in 生活保護一級地. */
const INCOME_GRADE1 = [200_200, 276_100, 299_200, 328_900] as const;
/** Added per person from the 5th. */
const INCOME_EXTRA_NORMAL = 30_000;
const INCOME_EXTRA_GRADE1 = 33_000;
/** Rent / housing-loan addition caps for 1, 2, 3, 4+ persons. */
const HOUSING_CAP_NORMAL = [41_000, 53_000, 66_000, 71_000] as const;
const HOUSING_CAP_TOKYO_23 = [53_000, 68_000, 85_000, 92_000] as const;
/** Asset limits for 1, 2, 3, 4+ persons. */
const ASSET_LIMIT = [1_800_000, 2_500_000, 2_700_000, 3_000_000] as const;

function pick(table: readonly [number, number, number, number], householdSize: number): number {
  const index = Math.min(Math.max(Math.floor(householdSize), 1), 4) - 1;
  return table[index] ?? table[3];
}

function isGrade1(area: Area | undefined): boolean {
  return area === 'tokyo-23' || area === 'grade1';
}

/** 手取月収 limit before any housing addition (5+ persons: +30,000円 / +33,000円 per person). */
export function houterasuBaseIncomeLimit(householdSize: number, area?: Area): number {
  const grade1 = isGrade1(area);
  const table = grade1 ? INCOME_GRADE1 : INCOME_NORMAL;
  const size = Math.max(Math.floor(householdSize), 1);
  const extra = Math.max(size - 4, 0) * (grade1 ? INCOME_EXTRA_GRADE1 : INCOME_EXTRA_NORMAL);
  return pick(table, size) + extra;
}

/** Cap on the rent / housing-loan addition (東京都特別区 caps only for 'tokyo-23'). */
export function houterasuHousingCap(householdSize: number, area?: Area): number {
  return pick(area === 'tokyo-23' ? HOUSING_CAP_TOKYO_23 : HOUSING_CAP_NORMAL, householdSize);
}

/** Limit on the household's assets (for the free consultation: cash and deposits). */
export function houterasuAssetLimit(householdSize: number): number {
  return pick(ASSET_LIMIT, householdSize);
}

/** 手取月収 limit including the housing addition actually paid, up to the cap. */
export function houterasuIncomeLimit(means: HouseholdMeans): number {
  const housing = Math.min(
    Math.max(means.housingCostJpy ?? 0, 0),
    houterasuHousingCap(means.householdSize, means.area),
  );
  return houterasuBaseIncomeLimit(means.householdSize, means.area) + housing;
}

/** 182000 → "182,000" (fixed format, independent of the runtime's Intl data). */
export function formatYen(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function areaLabel(area: Area | undefined, locale: Locale): string {
  if (locale === 'ja') {
    if (area === 'tokyo-23') return '東京都特別区（一級地）';
    if (area === 'grade1') return '生活保護一級地';
    if (area === 'other') return '一級地以外の地域';
    return '地域の指定なし（通常の基準で計算）';
  }
  if (area === 'tokyo-23') return "Tokyo's 23 wards (grade-1 area)";
  if (area === 'grade1') return 'a grade-1 area (生活保護一級地)';
  if (area === 'other') return 'an area outside grade 1';
  return 'area not given (standard limits used)';
}

/**
 * Whether the household meets the 法テラス 資力基準, with concrete reasons
 * ("手取月収 150,000円 ≤ 基準 223,000円"). `eligible` is null when no means were given.
 * Passing the means test is necessary, not sufficient: 法テラス also checks that the case suits
 * 民事法律扶助 (and, for fee advances, that it is not hopeless).
 */
export function houterasuEligibility(
  means: HouseholdMeans | undefined,
  locale: Locale,
): HouterasuEligibility {
  const ja = locale === 'ja';
  if (!means) {
    return {
      eligible: null,
      incomeLimitJpy: null,
      assetLimitJpy: null,
      reasons: [
        ja
          ? '収入と資産の情報がないため、法テラスの資力基準を判定していません。世帯の人数・手取月収・家賃・資産を入力すると目安を計算できます。'
          : 'No income or asset details were given, so the 法テラス (Japan Legal Support Center) means test was not checked. Enter household size, monthly take-home income, rent and assets to see an estimate.',
      ],
      basis: HOUTERASU_BASIS,
    };
  }

  const size = Math.max(Math.floor(means.householdSize), 1);
  const base = houterasuBaseIncomeLimit(size, means.area);
  const cap = houterasuHousingCap(size, means.area);
  const housingPaid = Math.max(means.housingCostJpy ?? 0, 0);
  const housingAdded = Math.min(housingPaid, cap);
  const incomeLimit = base + housingAdded;
  const assetLimit = houterasuAssetLimit(size);
  const incomeOk = means.monthlyIncomeJpy <= incomeLimit;
  const assetsOk = means.assetsJpy <= assetLimit;
  const y = formatYen;
  const area = areaLabel(means.area, locale);

  const reasons: string[] = [];
  if (ja) {
    reasons.push(
      `世帯${size}人・${area}の収入基準は手取月収 ${y(base)}円以下` +
        (housingAdded > 0
          ? `に、家賃・住宅ローン ${y(housingAdded)}円（上限 ${y(cap)}円）を加えた ${y(incomeLimit)}円以下です。`
          : 'です。'),
    );
    reasons.push(
      incomeOk
        ? `手取月収 ${y(means.monthlyIncomeJpy)}円 ≤ 基準 ${y(incomeLimit)}円：収入の基準を満たしています。`
        : `手取月収 ${y(means.monthlyIncomeJpy)}円 > 基準 ${y(incomeLimit)}円：収入の基準を超えています。`,
    );
    reasons.push(
      assetsOk
        ? `資産 ${y(means.assetsJpy)}円 ≤ 基準 ${y(assetLimit)}円：資産の基準を満たしています。`
        : `資産 ${y(means.assetsJpy)}円 > 基準 ${y(assetLimit)}円：資産の基準を超えています。`,
    );
    if (housingPaid > cap) reasons.push(`家賃・住宅ローンは上限の ${y(cap)}円までしか加算されません。`);
    reasons.push(
      incomeOk && assetsOk
        ? '目安では無料法律相談（1回30分程度・同じ問題で3回まで）を利用できる可能性があります。最終的な判断は法テラスが行います。'
        : '目安では資力基準を超えています。医療費などの出費がある場合は基準が緩和されることがあるため、法テラスに確認してください。弁護士会の法律相談センター（30分5,500円程度）も利用できます。',
    );
  } else {
    reasons.push(
      `For ${size} ${size === 1 ? 'person' : 'people'} in ${area}, the income limit is ${y(base)} yen take-home per month` +
        (housingAdded > 0
          ? `, plus rent or housing-loan payments of ${y(housingAdded)} yen (capped at ${y(cap)} yen): ${y(incomeLimit)} yen in total.`
          : '.'),
    );
    reasons.push(
      incomeOk
        ? `Take-home income ${y(means.monthlyIncomeJpy)} yen ≤ limit ${y(incomeLimit)} yen: the income test is met.`
        : `Take-home income ${y(means.monthlyIncomeJpy)} yen > limit ${y(incomeLimit)} yen: income is above the limit.`,
    );
    reasons.push(
      assetsOk
        ? `Assets ${y(means.assetsJpy)} yen ≤ limit ${y(assetLimit)} yen: the asset test is met.`
        : `Assets ${y(means.assetsJpy)} yen > limit ${y(assetLimit)} yen: assets are above the limit.`,
    );
    if (housingPaid > cap) reasons.push(`Housing costs count only up to the cap of ${y(cap)} yen.`);
    reasons.push(
      incomeOk && assetsOk
        ? 'As an estimate, you may be able to use free legal consultations (about 30 minutes each, up to 3 times for the same problem). 法テラス makes the final decision.'
        : 'As an estimate, you are above the means limits. Medical and other unavoidable costs can sometimes be deducted, so ask 法テラス. The bar associations’ legal consultation centres (about 5,500 yen for 30 minutes) are another option.',
    );
  }

  return {
    eligible: incomeOk && assetsOk,
    incomeLimitJpy: incomeLimit,
    assetLimitJpy: assetLimit,
    reasons,
    basis: HOUTERASU_BASIS,
  };
}
