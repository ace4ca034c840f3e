/**
 * The legal or official source of a rule or fact. Every rule encoded in core names one,
 * so a reviewer can check it against the primary text.
 */
export interface LegalBasis {
  /** Name of the law, guideline or practice source, in Japanese (e.g. 刑法, 刑事訴訟法, 法テラス). */
  readonly law: string;
  /** Article or section (e.g. 230条, 235条1項); for practice sources, the page section. */
  readonly article: string;
  /** URL of the law text (e-Gov) or official page the rule was checked against. */
  readonly source: string;
}

/** Date (YYYY-MM-DD) on which the legal content in this package was last checked against its sources. */
export const LEGAL_CONTENT_CHECKED = '2026-11-29';
