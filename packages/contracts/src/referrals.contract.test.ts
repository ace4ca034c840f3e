import { describe, expect, it } from 'vitest';
import {
  LAWYER_REGIONS,
  LawyerDirectoryQuerySchema,
  LawyerProfileRequestSchema,
  ReferralCreateRequestSchema,
} from './referrals.contract.js';

const referral = {
  lawyerId: '0190f3e2-7b1c-7d2e-8f00-123456789abc',
  shares: ['narrative', 'parties'],
  expiresOn: '2026-12-15',
};

describe('referral contracts', () => {
  it('knows the 47 prefectures by JIS code and the whole country', () => {
    expect(LAWYER_REGIONS).toHaveLength(48);
    expect(LAWYER_REGIONS[0]).toBe('nationwide');
    expect(LAWYER_REGIONS).toContain('01');
    expect(LAWYER_REGIONS).toContain('47');
    expect(LAWYER_REGIONS).not.toContain('48');
  });

  it('needs at least one shared section, each once, from the closed list', () => {
    expect(ReferralCreateRequestSchema.safeParse(referral).success).toBe(true);
    expect(ReferralCreateRequestSchema.safeParse({ ...referral, shares: [] }).success).toBe(false);
    expect(
      ReferralCreateRequestSchema.safeParse({ ...referral, shares: ['narrative', 'narrative'] }).success,
    ).toBe(false);
    expect(ReferralCreateRequestSchema.safeParse({ ...referral, shares: ['notes'] }).success).toBe(false);
    expect(ReferralCreateRequestSchema.safeParse({ ...referral, expiresOn: '2026-02-30' }).success).toBe(
      false,
    );
  });

  it('bounds a profile: closed lists, capacity 0–100, no unknown keys', () => {
    const profile = {
      office: '',
      specialties: ['defamation'],
      regions: ['13', 'nationwide'],
      languages: ['ja', 'vi'],
      capacity: 3,
      acceptsHouterasu: true,
      available: true,
    };
    expect(LawyerProfileRequestSchema.safeParse(profile).success).toBe(true);
    expect(LawyerProfileRequestSchema.safeParse({ ...profile, capacity: 101 }).success).toBe(false);
    expect(LawyerProfileRequestSchema.safeParse({ ...profile, regions: ['99'] }).success).toBe(false);
    expect(LawyerProfileRequestSchema.safeParse({ ...profile, languages: ['fr'] }).success).toBe(false);
    expect(LawyerProfileRequestSchema.safeParse({ ...profile, email: 'x@example.jp' }).success).toBe(false);
  });

  it('reads directory flags from the query string', () => {
    expect(LawyerDirectoryQuerySchema.parse({ houterasu: 'true', available: 'false' })).toEqual({
      houterasu: true,
      available: false,
    });
    expect(LawyerDirectoryQuerySchema.safeParse({ houterasu: 'yes' }).success).toBe(false);
  });
});
