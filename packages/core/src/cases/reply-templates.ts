import type { Locale } from '../i18n/locale.js';

/**
 * Placeholders a reply template may use, written `{{name}}` (spaces inside the braces allowed).
 * They are filled when a consultant inserts the template into a reply, and the text stays editable:
 * - `caseNumber`: the case number the victim holds (MM-XXXX-XXXX);
 * - `consultantName`: the display name of the staff member writing the reply;
 * - `today`: today's date in Japan, written for the case's language (2026年12月1日 / 1 December 2026).
 * Templates hold no personal data of a victim, so none is offered here.
 */
export const REPLY_TEMPLATE_PLACEHOLDERS = ['caseNumber', 'consultantName', 'today'] as const;
export type ReplyTemplatePlaceholder = (typeof REPLY_TEMPLATE_PLACEHOLDERS)[number];

export type ReplyTemplateValues = Readonly<Record<ReplyTemplatePlaceholder, string>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

function isKnown(name: string): name is ReplyTemplatePlaceholder {
  return (REPLY_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Names of the placeholders a template body uses, in order of first use, without repeats. */
export function placeholdersIn(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Placeholders a body uses that are not in {@link REPLY_TEMPLATE_PLACEHOLDERS} (typos such as `{{caseNo}}`). */
export function unknownPlaceholders(body: string): string[] {
  return placeholdersIn(body).filter((name) => !isKnown(name));
}

/** The body with every known placeholder replaced by its value; unknown ones are left as written. */
export function fillTemplate(body: string, values: ReplyTemplateValues): string {
  return body.replace(PLACEHOLDER, (match, name: string) => (isKnown(name) ? values[name] : match));
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A calendar day (YYYY-MM-DD) as a reply writes it: 2026年12月1日, or 1 December 2026. */
export function templateDate(day: string, locale: Locale): string {
  const [year = '', month = '', date = ''] = day.split('-');
  const m = Number(month);
  const d = Number(date);
  if (locale === 'ja') return `${year}年${m}月${d}日`;
  return `${d} ${MONTHS_EN[m - 1] ?? month} ${year}`;
}
