import type { Locale } from '../i18n/locale.js';
import type { TriageAnswers } from './answers.js';
import type { TriageResult } from './result.js';
// @TODO(#2) helper B implements.
export interface TriageOptions {
  readonly locale?: Locale;
  /** Current instant, used for the default asOf (today in Asia/Tokyo). */
  readonly now?: Date;
}
export declare function triage(answers: TriageAnswers, options?: TriageOptions): TriageResult;
