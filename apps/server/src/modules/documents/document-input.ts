import {
  categoriesOf,
  designatedProvider,
  GOAL_LABELS,
  todayInTokyo,
  type Category,
  type ComplaintOffence,
  type DocumentInput,
  type DocumentKind,
  type DocumentMessage,
  type EvidenceItem,
  type Goal,
  type LegitimateReason,
  type SenderInfoItem,
} from '@mimamoru/core';
import { DocumentInputSchema, type DocumentInputJson, type DocumentOverrides } from '@mimamoru/contracts';
import type { RawIssue } from '../../errors/app-error.js';
import { localizeIssues } from '../../errors/validation-messages.js';
import { caseFactsOf } from '../cases/case-workflow.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import type { CaseRow } from '../intake/intake.repository.js';
import { createDocumentItemsNotFoundError } from './documents.errors.js';

/** Who the document is prepared by: a consultant (named in the case summary) or the victim. */
export type DocumentAuthor = { readonly type: 'staff'; readonly displayName: string } | { readonly type: 'victim' };

/** The parts of the case a document is filled from, read and checked by the caller. */
export interface DocumentCaseSource {
  readonly row: CaseRow;
  /** The locker's current items (core currentItems), in locker order. */
  readonly items: readonly EvidenceItem[];
}

export interface DocumentSelection {
  /** The items the document covers, in its order; default every current item. */
  readonly itemIds?: readonly string[];
  /** What the person fixed in the review form. */
  readonly overrides?: DocumentOverrides;
}

export interface FilledDocumentInput {
  /** The input as filled and merged (shown in the review form, even when it has problems). */
  readonly input: DocumentInputJson;
  /** The same, checked against DocumentInputSchema; null when it is not (see `problems`). */
  readonly parsed: DocumentInput | null;
  /** What DocumentInputSchema refused in the merged input (e.g. a required part of an option left out). */
  readonly problems: readonly DocumentMessage[];
  /** Options left out of `parsed` because of `problems` (the builder's "missing" for them is not repeated). */
  readonly dropped?: readonly string[];
  readonly itemIds: readonly string[];
}

/**
 * 正当理由 that follow from what the victim said they want (the intake's goals); the person reviews them.
 * テレサ書式 注4.
 */
const REASONS_OF_GOALS: Readonly<Partial<Record<Goal, LegitimateReason>>> = {
  compensation: 'damages',
  stop: 'injunction',
  delete: 'deletion-request',
};

/**
 * 開示を請求する発信者情報 a request to a site (法5条1項) usually ticks: IP address and port, 利用者識別符号,
 * SIM card number and the time of sending (kandato.jp, DOMAIN.md §6.2). The person adds name, address … as needed.
 */
const SITE_SENDER_INFO: readonly SenderInfoItem[] = ['ip-port', 'mobile-id', 'sim-id', 'timestamp'];

/** 告訴状 offences that follow from the Guide's categories. */
const OFFENCES_OF_CATEGORIES: Readonly<Partial<Record<Category, ComplaintOffence>>> = {
  defamation: 'defamation',
  insult: 'insult',
  threat: 'threat',
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges the person's fixes over the filled input: objects field by field, arrays and values replace,
 * and '' removes a filled text (so a builder then lists it as missing if it is required).
 */
export function mergeOverrides(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (value === '') delete out[key];
    else if (isPlainObject(value)) out[key] = mergeOverrides(isPlainObject(out[key]) ? out[key] : {}, value);
    else out[key] = value;
  }
  return out;
}

/** The options of `kind` that follow from the case; the rest is the person's choice. */
function kindOptions(
  kind: DocumentKind,
  { row, goals, categories, author, createdOn }: {
    row: CaseRow;
    goals: readonly Goal[];
    categories: readonly Category[];
    author: DocumentAuthor;
    createdOn: string;
  },
): Partial<DocumentInputJson> {
  switch (kind) {
    case 'takedown-request':
      return {};
    case 'disclosure-request':
      return {
        disclosure: {
          basis: '5-1',
          reasons: [...new Set(goals.flatMap((goal) => REASONS_OF_GOALS[goal] ?? []))],
          senderInfo: [...SITE_SENDER_INFO],
          hide: [],
        },
      };
    case 'criminal-complaint':
      return {
        criminalComplaint: {
          addressee: '',
          offences: [...new Set(categories.flatMap((category) => OFFENCES_OF_CATEGORIES[category] ?? []))],
          ...(row.offender_known_since ? { knownSince: row.offender_known_since } : {}),
        },
      };
    case 'evidence-list':
      // The victim is the plaintiff or applicant (甲) in the proceedings mimamoru prepares for.
      return { evidenceList: { party: '甲' } };
    case 'post-list':
      return { postList: {} };
    case 'case-summary':
      return {
        caseSummary: {
          ...(author.type === 'staff' ? { preparedBy: author.displayName } : {}),
          timeline: [{ date: createdOn, text: 'みまもるに相談（受付）' }],
        },
      };
    case 'demand-letter':
      // The recipient (the identified poster), the demands and the layout are the person's to fill.
      return {};
  }
}

/** zod's problems with the merged input, as document messages in both languages (one per field). */
function schemaProblems(issues: readonly RawIssue[], input: unknown): DocumentMessage[] {
  const ja = localizeIssues(issues, input, 'ja');
  const en = localizeIssues(issues, input, 'en');
  return ja.map((issue, index) => ({
    // Overrides are checked field by field on arrival, so what is left is mostly a required part left out.
    code: issue.code === 'invalid_type' ? 'document.field_required' : 'document.field_invalid',
    field: issue.path,
    message: { ja: issue.message, en: en[index]?.message ?? issue.message },
  }));
}

/**
 * Fills a DocumentInput of `kind` from a case — the one place that does (#7): the requester is the victim (name,
 * phone and e-mail from the sealed intake), the evidence is the locker's current items the person selected, the
 * legal categories come from the Guide's answers, the day the victim learned who the poster is starts the
 * 告訴期間, and a request to a designated platform is addressed to its provider. The person's overrides (the
 * fields they fixed in the review form) are merged over it, and the result is checked against the schema.
 */
export function documentInputFromCase(
  kind: DocumentKind,
  { row, items }: DocumentCaseSource,
  { itemIds, overrides }: DocumentSelection,
  { sealer, author, now }: { sealer: CaseSealer; author: DocumentAuthor; now: Date },
): FilledDocumentInput {
  const open = (column: string, sealed: string | null) => sealer.openOptional('cases', column, row.id, sealed);
  const byId = new Map(items.map((item) => [item.id, item] as const));
  const missing = (itemIds ?? []).filter((id) => !byId.has(id));
  if (missing.length > 0) throw createDocumentItemsNotFoundError(undefined, { details: { itemIds: missing } });
  const selected = itemIds ? itemIds.flatMap((id) => byId.get(id) ?? []) : [...items];

  const facts = caseFactsOf(sealer, row);
  const answers = facts.answers;
  const categories = answers ? categoriesOf(answers.facts) : [];
  const goals = answers?.goals ?? (JSON.parse(row.goals ?? '[]') as Goal[]);
  const name = open('name_sealed', row.name_sealed);
  const phone = open('phone_sealed', row.phone_sealed);
  const email = open('email_sealed', row.email_sealed);
  const narrative = open('narrative_sealed', row.narrative_sealed);
  const platforms = [...new Set(selected.map((item) => item.platform))];
  const provider = platforms.length === 1 && platforms[0] ? designatedProvider(platforms[0]) : null;
  const addressed = kind === 'takedown-request' || kind === 'disclosure-request';

  const filled: DocumentInputJson = {
    date: todayInTokyo(now),
    requester: { name: name ?? '', address: '', ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
    ...(addressed && provider ? { addressee: { name: provider.name } } : {}),
    caseNumber: row.case_number,
    ...(narrative ? { facts: narrative } : {}),
    // Without the Guide's answers (a case staff opened), what the victim wants comes from the intake's goals.
    ...(!answers && goals.length > 0 ? { wishes: goals.map((goal) => GOAL_LABELS[goal]).join('。') } : {}),
    ...(categories.length > 0 ? { categories } : {}),
    // The stored answers passed TriageAnswersSchema at intake; the JSON type differs only in readonly arrays.
    ...(kind === 'case-summary' && answers ? { triage: answers as NonNullable<DocumentInputJson['triage']> } : {}),
    evidence: selected.map(({ legal, files, ...item }) => ({
      ...item,
      ...(legal ? { legal: { ...legal, rights: [...legal.rights] } } : {}),
      files: [...files],
    })),
    ...kindOptions(kind, { row, goals, categories, author, createdOn: todayInTokyo(new Date(row.created_at)) }),
  };
  const merged = mergeOverrides(filled as Record<string, unknown>, (overrides ?? {}) as Record<string, unknown>);
  return { ...checkInput(merged), itemIds: selected.map((item) => item.id) };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((at, key) => (isPlainObject(at) || Array.isArray(at) ? (at as Record<PropertyKey, unknown>)[key] : undefined), value);
}

function setAt(target: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const key = String(head);
  if (rest.length === 0) target[key] = value;
  else if (isPlainObject(target[key])) setAt(target[key], rest, value);
}

/**
 * Checks the merged input so that every problem is listed at once. A required text left out (e.g. a name the
 * person removed) becomes '' for the builder to report in its words; an option whose required parts are left out
 * (e.g. `demandLetter` without its recipient) is reported part by part and left out of the build, so the builder
 * still lists everything else.
 */
function checkInput(merged: Record<string, unknown>): Omit<FilledDocumentInput, 'itemIds'> {
  const first = DocumentInputSchema.safeParse(merged);
  if (first.success) return { input: merged as DocumentInputJson, parsed: first.data as DocumentInput, problems: [] };
  const issues = first.error.issues as readonly RawIssue[];
  const input = structuredClone(merged);
  const unresolved: RawIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_type' && issue.expected === 'string' && valueAt(merged, issue.path) === undefined) setAt(input, issue.path, '');
    else unresolved.push(issue);
  }
  const dropped = new Set(unresolved.map((issue) => String(issue.path[0] ?? '')));
  const buildable = Object.fromEntries(Object.entries(input).filter(([key]) => !dropped.has(key)));
  const second = DocumentInputSchema.safeParse(buildable);
  const problems = schemaProblems(unresolved, merged);
  if (!second.success) return { input: input as DocumentInputJson, parsed: null, problems: schemaProblems(issues, merged) };
  return { input: input as DocumentInputJson, parsed: second.data as DocumentInput, problems, dropped: [...dropped] };
}
