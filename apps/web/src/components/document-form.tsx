import {
  COMPLAINT_OFFENCES,
  DATE_STYLES,
  DEMAND_LETTER_LAYOUTS,
  DISCLOSURE_BASES,
  EVIDENCE_PARTIES,
  HIDEABLE_FIELDS,
  LEGITIMATE_REASONS,
  SENDER_INFO_ITEMS,
  checkNaiyouLetter,
  contentOf,
  demandLetterText,
  reasonOf,
  rightsOf,
  type DocumentInput,
  type DocumentKind,
  type EvidenceItem,
  type Locale,
} from '@mimamoru/core';
import type { DocumentInputJson, DocumentOverrides } from '@mimamoru/contracts';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { DocumentsMessages } from './documents-messages.js';

/**
 * The review form of a document (#7): the DocumentInput as the server filled it from the case, grouped as in the
 * document, every field editable. Shared by the console and the victim's own requests; the victim's page adds
 * plain-language help under the fields (`help`).
 */

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

/** The option block of each kind in DocumentInput. */
export const OPTIONS_KEY = {
  'takedown-request': 'takedown',
  'disclosure-request': 'disclosure',
  'demand-letter': 'demandLetter',
  'evidence-list': 'evidenceList',
  'criminal-complaint': 'criminalComplaint',
  'post-list': 'postList',
  'case-summary': 'caseSummary',
} as const satisfies Record<DocumentKind, keyof DocumentInputJson>;

/** Kinds whose `items` are claims (掲載情報・権利・理由) per post. */
const CLAIM_KINDS: readonly DocumentKind[] = ['takedown-request', 'disclosure-request', 'demand-letter', 'post-list'];

export function getIn(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Json)[String(key)];
  }
  return value;
}

/** A copy of `root` with `value` at `path` (undefined removes the key). */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[head] = setIn(list[head], rest, value);
    return list as T;
  }
  const object: Json = typeof root === 'object' && root !== null ? { ...(root as Json) } : {};
  const next = setIn(object[head], rest, value);
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object as T;
}

/** Defaults of each kind's options, under what the server filled in: the form shows every control of the kind. */
function defaultOptions(kind: DocumentKind): Json {
  switch (kind) {
    case 'takedown-request':
      return { consentToShowName: false };
    case 'disclosure-request':
      return { basis: '5-1', reasons: [], senderInfo: [], hide: [] };
    case 'demand-letter':
      return {
        recipient: { name: '', address: '' },
        demands: { deletion: true, apology: false },
        deadlineDays: 14,
        layout: 'horizontal-20x26',
      };
    case 'evidence-list':
      return { party: '甲' };
    case 'criminal-complaint':
      return { addressee: '', offences: [] };
    case 'post-list':
    case 'case-summary':
      return {};
  }
}

/**
 * The draft the form edits: the filled input, with the kind's options completed and one claim per selected post
 * showing what the document would write for it (the post's text, the rights and reasons recorded with it).
 */
export function draftOf(kind: DocumentKind, input: DocumentInputJson): DocumentInputJson {
  const key = OPTIONS_KEY[kind];
  const filled = (input[key] ?? {}) as Json;
  const options: Json = { ...defaultOptions(kind), ...filled };
  const items = input.evidence as unknown as readonly EvidenceItem[];
  if (CLAIM_KINDS.includes(kind)) {
    const claims = (filled.items ?? []) as readonly Json[];
    options.items = items.map((item) => {
      const claim = claims.find((c) => c.itemId === item.id) as Parameters<typeof contentOf>[1];
      return {
        ...(claim ?? {}),
        itemId: item.id,
        content: contentOf(item, claim) ?? '',
        rights: rightsOf(item, claim),
        reason: reasonOf(item, claim) ?? '',
      };
    });
  } else if (kind === 'evidence-list') {
    const rows = (filled.items ?? []) as readonly Json[];
    options.items = items.map((item) => ({ ...(rows.find((r) => r.itemId === item.id) ?? {}), itemId: item.id }));
  }
  return { ...input, [key]: options } as DocumentInputJson;
}

/** What the review form changed, as the routes' `overrides` (evidence comes from the locker by `itemIds`). */
export function overridesOf(kind: DocumentKind, draft: DocumentInputJson): DocumentOverrides {
  const key = OPTIONS_KEY[kind];
  let options = draft[key] as Json | undefined;
  // An accused whose name was cleared is 氏名不詳: leave the part out rather than send a nameless one.
  const accused = options?.accused as Json | undefined;
  if (kind === 'criminal-complaint' && options && (typeof accused?.name !== 'string' || accused.name.trim() === '')) {
    options = { ...options };
    delete options.accused;
  }
  const picked: Json = {
    date: draft.date,
    dateStyle: draft.dateStyle,
    requester: draft.requester,
    addressee: draft.addressee,
    facts: draft.facts ?? '',
    wishes: draft.wishes ?? '',
    [key]: options,
  };
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)) as DocumentOverrides;
}

/** The draft as core's builder reads it (the browser checks it as the person types). */
export function asInput(draft: DocumentInputJson): DocumentInput {
  return draft as unknown as DocumentInput;
}

/** `doc-<path>`: the id of a field, so a message about it can link to it. */
export const fieldId = (path: Path | string) => `doc-${(typeof path === 'string' ? path.split('.') : path).join('-')}`;

/** Moves focus to the field a message concerns, or its nearest enclosing group, or the form. */
export function focusField(field: string | undefined): void {
  const parts = (field ?? '').split('.').filter((p) => p !== '');
  for (let n = parts.length; n >= 1; n -= 1) {
    const element = document.getElementById(fieldId(parts.slice(0, n)));
    if (element) {
      element.focus();
      element.scrollIntoView({ block: 'center' });
      return;
    }
  }
  document.getElementById('doc-review')?.focus();
}

/** Help under a field (victim page): keys are the fields' dotted paths, or `claim.*` for the per-post fields. */
export type FieldHelp = Partial<Record<string, ReactNode>>;

interface FormContext {
  readonly draft: DocumentInputJson;
  readonly set: (path: Path, value: unknown) => void;
  readonly invalid: ReadonlySet<string>;
  readonly help: FieldHelp;
}

const Ctx = createContext<FormContext | null>(null);
function useForm(): FormContext {
  const value = useContext(Ctx);
  if (!value) throw new Error('document form context missing');
  return value;
}

function Help({ id, helpKey }: { readonly id: string; readonly helpKey: string }) {
  const { help } = useForm();
  const text = help[helpKey];
  return text ? (
    <div id={`${id}-help`} className="field-help small">
      {text}
    </div>
  ) : null;
}

function TextField({
  path,
  label,
  id: givenId,
  helpKey,
  rows,
  type = 'text',
  autoComplete,
  inputMode,
  className,
}: {
  readonly path: Path;
  readonly label: string;
  readonly id?: string;
  readonly helpKey?: string;
  readonly rows?: number;
  readonly type?: 'text' | 'email' | 'tel' | 'date' | 'number';
  readonly autoComplete?: string;
  readonly inputMode?: 'numeric';
  readonly className?: string;
}) {
  const { draft, set, invalid, help } = useForm();
  const id = givenId ?? fieldId(path);
  const key = helpKey ?? path.join('.');
  const raw = getIn(draft, path);
  const value = raw === undefined || raw === null ? '' : String(raw);
  const describedBy = help[key] ? `${id}-help` : undefined;
  const common = {
    id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': invalid.has(id) ? true : undefined,
    className,
  };
  const change = (next: string) => {
    if (type === 'number') {
      const n = Number(next.trim().replace(/[,，]/gu, ''));
      set(path, next.trim() === '' || !Number.isFinite(n) ? undefined : n);
    }
    else set(path, next);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Help id={id} helpKey={key} />
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type === 'number' ? 'text' : type}
          inputMode={type === 'number' ? 'numeric' : inputMode}
          autoComplete={autoComplete ?? 'off'}
          onChange={(e) => change(e.target.value)}
        />
      )}
    </div>
  );
}

function CheckField({ path, label, helpKey }: { readonly path: Path; readonly label: string; readonly helpKey?: string }) {
  const { draft, set, help } = useForm();
  const id = fieldId(path);
  const key = helpKey ?? path.join('.');
  return (
    <div className="doc-check-field">
      <input
        type="checkbox"
        id={id}
        checked={getIn(draft, path) === true}
        aria-describedby={help[key] ? `${id}-help` : undefined}
        onChange={(e) => set(path, e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <Help id={id} helpKey={key} />
    </div>
  );
}

/** A set of checkboxes writing a list of values (正当理由, 発信者情報, 示したくない情報, 罪名). */
function CheckList<V extends string>({
  path,
  legend,
  values,
  labels,
}: {
  readonly path: Path;
  readonly legend: string;
  readonly values: readonly V[];
  readonly labels: Readonly<Record<V, string>>;
}) {
  const { draft, set, invalid, help } = useForm();
  const id = fieldId(path);
  const chosen = (getIn(draft, path) ?? []) as readonly V[];
  const key = path.join('.');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="field-group"
      aria-describedby={help[key] ? `${id}-help` : undefined}
      aria-invalid={invalid.has(id) ? true : undefined}
    >
      <legend>{legend}</legend>
      <Help id={id} helpKey={key} />
      {values.map((value) => (
        <div className="checkbox-field" key={value}>
          <input
            type="checkbox"
            id={`${id}-${value}`}
            checked={chosen.includes(value)}
            onChange={(e) =>
              // Kept in the form's order, as the document lists them.
              set(path, values.filter((v) => (v === value ? e.target.checked : chosen.includes(v))))
            }
          />
          <label htmlFor={`${id}-${value}`}>{labels[value]}</label>
        </div>
      ))}
    </fieldset>
  );
}

function Choice<V extends string>({
  path,
  legend,
  values,
  labels,
}: {
  readonly path: Path;
  readonly legend: string;
  readonly values: readonly V[];
  readonly labels: Readonly<Record<V, string>>;
}) {
  const { draft, set, help } = useForm();
  const id = fieldId(path);
  const key = path.join('.');
  const current = getIn(draft, path) ?? values[0];
  return (
    <fieldset id={id} tabIndex={-1} className="field-group" aria-describedby={help[key] ? `${id}-help` : undefined}>
      <legend>{legend}</legend>
      <Help id={id} helpKey={key} />
      {values.map((value) => (
        <div className="checkbox-field" key={value}>
          <input
            type="radio"
            name={id}
            id={`${id}-${value}`}
            checked={current === value}
            onChange={() => set(path, value)}
          />
          <label htmlFor={`${id}-${value}`}>{labels[value]}</label>
        </div>
      ))}
    </fieldset>
  );
}

function Group({ title, id, children }: { readonly title: string; readonly id?: string; readonly children: ReactNode }) {
  return (
    <fieldset className="doc-group" id={id} tabIndex={id ? -1 : undefined}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

export interface DocumentFormProps {
  readonly kind: DocumentKind;
  readonly draft: DocumentInputJson;
  readonly onChange: (draft: DocumentInputJson) => void;
  readonly m: DocumentsMessages;
  readonly locale: Locale;
  /** Names of the services (X, Instagram …) in the page's language. */
  readonly platformName: (platform: EvidenceItem['platform']) => string;
  /** Fields with a problem (by element id), marked aria-invalid. */
  readonly invalid: ReadonlySet<string>;
  readonly help?: FieldHelp;
}

/** The form itself: the document's parts in its order; per-kind option controls. */
export function DocumentForm({ kind, draft, onChange, m, locale, platformName, invalid, help = {} }: DocumentFormProps) {
  const context = useMemo<FormContext>(
    () => ({ draft, set: (path, value) => onChange(setIn(draft, path, value)), invalid, help }),
    [draft, onChange, invalid, help],
  );
  const key = OPTIONS_KEY[kind];
  const items = draft.evidence as unknown as readonly EvidenceItem[];
  const withAddressee = kind === 'takedown-request' || kind === 'disclosure-request';
  return (
    <Ctx.Provider value={context}>
      <Group title={m.sections.general}>
        <TextField path={['date']} label={m.date} type="date" />
        <Choice path={['dateStyle']} legend={m.dateStyle} values={DATE_STYLES} labels={m.dateStyles} />
      </Group>
      <Group title={m.sections.requester}>
        <TextField path={['requester', 'name']} label={m.requesterName} autoComplete="name" />
        <TextField path={['requester', 'address']} label={m.requesterAddress} rows={2} autoComplete="street-address" />
        <TextField path={['requester', 'phone']} label={m.requesterPhone} type="tel" autoComplete="tel" />
        <TextField path={['requester', 'email']} label={m.requesterEmail} type="email" autoComplete="email" />
      </Group>
      {withAddressee ? (
        <Group title={m.sections.addressee}>
          <TextField path={['addressee', 'name']} label={m.addresseeName} />
          <TextField path={['addressee', 'address']} label={m.addresseeAddress} rows={2} />
        </Group>
      ) : null}
      {kind === 'disclosure-request' ? (
        <Group title={m.sections.basis}>
          <Choice path={[key, 'basis']} legend={m.basis} values={DISCLOSURE_BASES} labels={m.bases} />
          {getIn(draft, [key, 'basis']) === '5-2' ? <TextField path={[key, 'facilities']} label={m.facilities} rows={3} /> : null}
        </Group>
      ) : null}
      {kind === 'demand-letter' ? demandLetterParties() : null}
      {kind === 'criminal-complaint' ? complaintOptions() : null}
      {kind === 'evidence-list' ? evidenceListOptions() : null}
      {items.length > 0 && kind !== 'case-summary' && kind !== 'criminal-complaint' ? (
        <Group title={m.sections.items}>
          {items.map((item, index) => (
            <div className="doc-item" key={item.id}>
              {itemFields(kind, index, m.itemHeading(index + 1, platformName(item.platform)))}
            </div>
          ))}
        </Group>
      ) : null}
      {kind === 'takedown-request' ? (
        <Group title={m.sections.options}>
          <CheckField path={[key, 'consentToShowName']} label={m.consentToShowName} />
        </Group>
      ) : null}
      {kind === 'disclosure-request' ? (
        <Group title={m.sections.options}>
          <CheckList path={[key, 'reasons']} legend={m.reasonsLegend} values={LEGITIMATE_REASONS} labels={m.reasons} />
          {((getIn(draft, [key, 'reasons']) ?? []) as string[]).includes('other') ? (
            <TextField path={[key, 'otherReason']} label={m.otherReason} rows={2} />
          ) : null}
          <CheckList path={[key, 'senderInfo']} legend={m.senderInfoLegend} values={SENDER_INFO_ITEMS} labels={m.senderInfo} />
          <CheckList path={[key, 'hide']} legend={m.hideLegend} values={HIDEABLE_FIELDS} labels={m.hide} />
        </Group>
      ) : null}
      {kind === 'demand-letter' ? demandLetterTextPanel() : null}
      {kind === 'criminal-complaint' || kind === 'case-summary' ? (
        <Group title={m.sections.facts}>
          <TextField path={['facts']} label={m.facts} rows={5} />
          {kind === 'case-summary' ? (
            <>
              <TextField path={['wishes']} label={m.wishes} rows={3} />
              <TextField path={[key, 'preparedBy']} label={m.preparedBy} />
            </>
          ) : null}
        </Group>
      ) : null}
    </Ctx.Provider>
  );

  // Render helpers, called as functions (not components) so the inputs keep focus while the person types.
  function itemFields(k: DocumentKind, index: number, heading: string) {
    const base = [OPTIONS_KEY[k], 'items', index] as const;
    const at = (field: string) => fieldId(`evidence.${index}.${field}`);
    if (k === 'evidence-list')
      return (
        <>
          <h4>{heading}</h4>
          <TextField path={[...base, 'purpose']} label={m.purpose} rows={2} id={at('purpose')} />
          <CheckField path={[...base, 'original']} label={m.original} />
        </>
      );
    const rights = (getIn(draft, [...base, 'rights']) ?? []) as readonly string[];
    return (
      <>
        <h4>{heading}</h4>
        <TextField path={[...base, 'content']} label={m.content} rows={3} id={at('text')} helpKey="claim.content" />
        {k !== 'demand-letter' ? (
          <>
            <div className="field">
              <label htmlFor={at('legal.rights')}>{m.rights}</label>
              <Help id={at('legal.rights')} helpKey="claim.rights" />
              <input
                type="text"
                id={at('legal.rights')}
                value={rights.join('、')}
                autoComplete="off"
                aria-describedby={help['claim.rights'] ? `${at('legal.rights')}-help` : undefined}
                aria-invalid={invalid.has(at('legal.rights')) ? true : undefined}
                onChange={(e) =>
                  onChange(
                    setIn(
                      draft,
                      [...base, 'rights'],
                      e.target.value.split(/[、,，]/u).map((r) => r.trimStart()).filter((r, i, all) => r !== '' || i === all.length - 1),
                    ),
                  )
                }
              />
            </div>
            <TextField path={[...base, 'reason']} label={m.reason} rows={3} id={at('legal.context')} helpKey="claim.reason" />
            <TextField path={[...base, 'locationDetail']} label={m.locationDetail} helpKey="claim.locationDetail" />
          </>
        ) : null}
      </>
    );
  }

  function demandLetterParties() {
    return (
      <Group title={m.sections.options}>
        <TextField path={[key, 'recipient', 'name']} label={m.recipientName} />
        <TextField path={[key, 'recipient', 'address']} label={m.recipientAddress} rows={2} />
        <fieldset className="field-group" id={fieldId([key, 'demands'])} tabIndex={-1}>
          <legend>{m.demandsLegend}</legend>
          <CheckField path={[key, 'demands', 'deletion']} label={m.demandDeletion} />
          <CheckField path={[key, 'demands', 'apology']} label={m.demandApology} />
          <TextField path={[key, 'demands', 'damagesJpy']} label={m.damagesJpy} type="number" />
        </fieldset>
        <TextField path={[key, 'deadlineDays']} label={m.deadlineDays} type="number" />
        <TextField path={[key, 'paymentAccount']} label={m.paymentAccount} />
        <div className="field">
          <label htmlFor={fieldId([key, 'layout'])}>{m.layout}</label>
          <select
            id={fieldId([key, 'layout'])}
            value={String(getIn(draft, [key, 'layout']) ?? 'horizontal-20x26')}
            onChange={(e) => onChange(setIn(draft, [key, 'layout'], e.target.value))}
          >
            {DEMAND_LETTER_LAYOUTS.map((layout) => (
              <option key={layout} value={layout}>
                {m.layouts[layout]}
              </option>
            ))}
          </select>
        </div>
      </Group>
    );
  }

  function complaintOptions() {
    return (
      <Group title={m.sections.options}>
        <TextField path={[key, 'addressee']} label={m.complaintAddressee} />
        <CheckList path={[key, 'offences']} legend={m.offencesLegend} values={COMPLAINT_OFFENCES} labels={m.offences} />
        <TextField path={[key, 'accused', 'name']} label={m.accusedName} />
        <TextField path={[key, 'accused', 'address']} label={m.accusedAddress} rows={2} />
        <TextField path={[key, 'knownSince']} label={m.knownSince} type="date" />
      </Group>
    );
  }

  function evidenceListOptions() {
    return (
      <Group title={m.sections.options}>
        <Choice path={[key, 'party']} legend={m.party} values={EVIDENCE_PARTIES} labels={{ 甲: '甲', 乙: '乙', 丙: '丙' }} />
        <TextField path={[key, 'firstNumber']} label={m.firstNumber} type="number" />
        <TextField path={[key, 'court']} label={m.court} />
        <TextField path={[key, 'caseTitle']} label={m.caseTitle} />
      </Group>
    );
  }

  /** The 内容証明 text: written from the fields, or edited by hand; the checker runs on it as the person types. */
  function demandLetterTextPanel() {
    const lang = locale;
    const options = getIn(draft, [key]) as Json | undefined;
    const edited = typeof options?.text === 'string';
    const layout = (options?.layout ?? 'horizontal-20x26') as (typeof DEMAND_LETTER_LAYOUTS)[number];
    const text = edited ? String(options?.text) : safeLetterText(draft);
    const result = text === '' ? null : checkNaiyouLetter(text, { layout, wrap: !edited });
    const textId = fieldId([key, 'text']);
    return (
      // The checker's violations concern the letter as a whole (field `demandLetter`): their links land here.
      <Group title={m.sections.letter} id={fieldId([key])}>
        <p className="small">{m.letterHelp}</p>
        {edited ? (
          <>
            <div className="field">
              <label htmlFor={textId}>{m.letterText}</label>
              <textarea
                id={textId}
                className="doc-letter"
                rows={14}
                value={text}
                spellCheck={false}
                aria-describedby="doc-letter-check"
                aria-invalid={result && result.violations.length > 0 ? true : undefined}
                onChange={(e) => onChange(setIn(draft, [key, 'text'], e.target.value))}
              />
            </div>
            <button type="button" className="button button-secondary button-small" onClick={() => onChange(setIn(draft, [key, 'text'], undefined))}>
              {m.resetLetter}
            </button>
          </>
        ) : (
          <>
            <pre className="doc-letter-preview" aria-label={m.letterText} tabIndex={0}>
              {result ? result.pages.map((page) => page.join('\n')).join('\n\n') : ''}
            </pre>
            <button type="button" className="button button-secondary button-small" onClick={() => onChange(setIn(draft, [key, 'text'], text))}>
              {m.editLetter}
            </button>
          </>
        )}
        {result ? (
          <section id="doc-letter-check" aria-labelledby="doc-letter-check-title" className="doc-checker">
            <h4 id="doc-letter-check-title">{m.checkerTitle}</h4>
            {result.violations.length === 0 ? (
              <p>{m.checkerOk(result.pageCount, result.copiesNeeded)}</p>
            ) : (
              <>
                <p role="status">{m.checkerViolations(result.violations.length)}</p>
                <ul className="doc-violations">
                  {result.violations.map((v) => (
                    <li key={`${v.line}-${v.column}-${v.code}`}>
                      <strong>{m.at(v.line, v.column)}</strong>：{v.message[lang]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ) : null}
      </Group>
    );
  }
}

/** The letter written from the fields, or '' while the fields it needs are not there yet. */
function safeLetterText(draft: DocumentInputJson): string {
  try {
    return demandLetterText(asInput(draft));
  } catch {
    return '';
  }
}
