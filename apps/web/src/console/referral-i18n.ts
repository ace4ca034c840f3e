import { useLocale } from '../i18n/locale-context.js';
import { referralsEn, referralsJa, type ReferralMessages } from './referral-messages.js';

/** The referral strings in the current locale. */
export function useRT(): ReferralMessages {
  const { locale } = useLocale();
  return locale === 'en' ? referralsEn : referralsJa;
}
