import { describe, expect, it } from 'vitest';
import {
  formatYen,
  houterasuAssetLimit,
  houterasuBaseIncomeLimit,
  houterasuEligibility,
  houterasuHousingCap,
  houterasuIncomeLimit,
} from './houterasu.js';

describe('法テラス income limits (手取月収)', () => {
  it.each([
    [1, 182_000, 200_200],
    [2, 251_000, 276_100],
    [3, 272_000, 299_200],
    [4, 299_000, 328_900],
    [5, 329_000, 361_900],
    [6, 359_000, 394_900],
  ])('%i person(s): 通常 %i, 一級地 %i', (size, normal, grade1) => {
    expect(houterasuBaseIncomeLimit(size, 'other')).toBe(normal);
    expect(houterasuBaseIncomeLimit(size)).toBe(normal);
    expect(houterasuBaseIncomeLimit(size, 'grade1')).toBe(grade1);
    expect(houterasuBaseIncomeLimit(size, 'tokyo-23')).toBe(grade1);
  });
});

describe('housing addition caps', () => {
  it.each([
    [1, 41_000, 53_000],
    [2, 53_000, 68_000],
    [3, 66_000, 85_000],
    [4, 71_000, 92_000],
    [7, 71_000, 92_000],
  ])('%i person(s): 通常 %i, 東京都特別区 %i', (size, normal, tokyo) => {
    expect(houterasuHousingCap(size, 'other')).toBe(normal);
    expect(houterasuHousingCap(size, 'grade1')).toBe(normal); // 特別区 only, per houterasu 注2
    expect(houterasuHousingCap(size, 'tokyo-23')).toBe(tokyo);
  });

  it('adds the rent actually paid, up to the cap', () => {
    expect(
      houterasuIncomeLimit({ householdSize: 1, monthlyIncomeJpy: 0, assetsJpy: 0, housingCostJpy: 30_000 }),
    ).toBe(212_000);
    expect(
      houterasuIncomeLimit({ householdSize: 1, monthlyIncomeJpy: 0, assetsJpy: 0, housingCostJpy: 80_000 }),
    ).toBe(223_000);
    expect(
      houterasuIncomeLimit({
        householdSize: 1,
        monthlyIncomeJpy: 0,
        assetsJpy: 0,
        housingCostJpy: 80_000,
        area: 'grade1',
      }),
    ).toBe(241_200);
    expect(
      houterasuIncomeLimit({
        householdSize: 1,
        monthlyIncomeJpy: 0,
        assetsJpy: 0,
        housingCostJpy: 80_000,
        area: 'tokyo-23',
      }),
    ).toBe(253_200);
  });
});

describe('asset limits', () => {
  it.each([
    [1, 1_800_000],
    [2, 2_500_000],
    [3, 2_700_000],
    [4, 3_000_000],
    [6, 3_000_000],
  ])('%i person(s): %i', (size, limit) => {
    expect(houterasuAssetLimit(size)).toBe(limit);
  });
});

describe('houterasuEligibility', () => {
  it('is null without means, in both languages', () => {
    for (const locale of ['ja', 'en'] as const) {
      const result = houterasuEligibility(undefined, locale);
      expect(result.eligible).toBeNull();
      expect(result.incomeLimitJpy).toBeNull();
      expect(result.assetLimitJpy).toBeNull();
      expect(result.reasons[0]?.length).toBeGreaterThan(0);
      expect(result.basis[0]?.source).toBe(
        'https://www.houterasu.or.jp/k/nagare/flow_step2/taimen_soudan.html',
      );
    }
  });

  it('is eligible at exactly the limit (以下) with a concrete reason', () => {
    const result = houterasuEligibility(
      { householdSize: 1, monthlyIncomeJpy: 223_000, housingCostJpy: 60_000, assetsJpy: 1_800_000 },
      'ja',
    );
    expect(result.eligible).toBe(true);
    expect(result.incomeLimitJpy).toBe(223_000);
    expect(result.assetLimitJpy).toBe(1_800_000);
    expect(result.reasons).toContain('手取月収 223,000円 ≤ 基準 223,000円：収入の基準を満たしています。');
    expect(result.reasons.some((r) => r.includes('41,000円までしか'))).toBe(true);
  });

  it('is not eligible one yen over the income limit', () => {
    const result = houterasuEligibility({ householdSize: 1, monthlyIncomeJpy: 182_001, assetsJpy: 0 }, 'en');
    expect(result.eligible).toBe(false);
    expect(result.reasons).toContain(
      'Take-home income 182,001 yen > limit 182,000 yen: income is above the limit.',
    );
  });

  it('is not eligible when assets exceed the limit', () => {
    const result = houterasuEligibility(
      { householdSize: 3, monthlyIncomeJpy: 100_000, assetsJpy: 2_700_001 },
      'ja',
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons.some((r) => r.startsWith('資産 2,700,001円 > 基準 2,700,000円'))).toBe(true);
  });

  it('uses the 一級地 table and the 特別区 housing cap for Tokyo 23 wards, 5 persons', () => {
    const tokyo = houterasuEligibility(
      {
        householdSize: 5,
        monthlyIncomeJpy: 450_000,
        housingCostJpy: 120_000,
        assetsJpy: 3_000_000,
        area: 'tokyo-23',
      },
      'ja',
    );
    expect(tokyo.incomeLimitJpy).toBe(361_900 + 92_000);
    expect(tokyo.eligible).toBe(true);
    const grade1 = houterasuEligibility(
      {
        householdSize: 5,
        monthlyIncomeJpy: 450_000,
        housingCostJpy: 120_000,
        assetsJpy: 3_000_000,
        area: 'grade1',
      },
      'ja',
    );
    expect(grade1.incomeLimitJpy).toBe(361_900 + 71_000);
    expect(grade1.eligible).toBe(false);
    const other = houterasuEligibility(
      {
        householdSize: 5,
        monthlyIncomeJpy: 450_000,
        housingCostJpy: 120_000,
        assetsJpy: 3_000_000,
        area: 'other',
      },
      'ja',
    );
    expect(other.incomeLimitJpy).toBe(329_000 + 71_000);
  });

  it('formats yen with thousands separators', () => {
    expect(formatYen(1_800_000)).toBe('1,800,000');
    expect(formatYen(999)).toBe('999');
  });
});
