import { createErrorFactory } from '../../errors/app-error.js';

export const createPeriodReversedError = createErrorFactory<{ from: string; to: string }>({
  code: 'stats.period_reversed',
  statusCode: 400,
  message: {
    ja: '期間の開始日（{from}）が終了日（{to}）より後になっています。開始日を終了日以前にしてください。',
    en: 'The period starts ({from}) after it ends ({to}). Choose a start date on or before the end date.',
  },
});

export const createPeriodTooLongError = createErrorFactory<{ days: string }>({
  code: 'stats.period_too_long',
  statusCode: 400,
  message: {
    ja: '期間が長すぎます。一度に集計できるのは{days}日までです。期間を分けてください。',
    en: 'The period is too long: one request covers at most {days} days. Split it into shorter periods.',
  },
});
