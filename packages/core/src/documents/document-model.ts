/**
 * The structured form every generated document takes (packages/core/src/documents builds it from case data;
 * apps/server/src/render renders it to PDF and DOCX). Pure data: no layout decisions beyond what the format
 * itself dictates (the 内容証明 grid is laid out here, because its line and column counts are the rule).
 */

/** The document kinds, named as in the CLI (`mimamoru document <kind>`). */
export const DOCUMENT_KINDS = [
  'takedown-request',
  'disclosure-request',
  'demand-letter',
  'evidence-list',
  'criminal-complaint',
  'post-list',
  'case-summary',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A run of text. `hideable` marks text the requester may choose to hide from the poster
 * (発信者に示したくない私の情報): the redacted copy removes it from the document entirely.
 * Builders mark only the fields the requester chose, so the redacted copy hides every HideableField.
 */
export type Inline =
  string | { readonly text: string; readonly hideable?: HideableField; readonly emphasis?: boolean };

/** What a requester may hide in the poster's copy of a 発信者情報開示請求書 (テレサ書式 注7). */
export type HideableField = 'name' | 'reasons' | 'evidence';

export type Block =
  /** The document's title, centred and larger. */
  | { readonly kind: 'title'; readonly text: string }
  /** A section heading (e.g. 記, 第1 告訴の趣旨). */
  | { readonly kind: 'heading'; readonly text: string }
  | {
      readonly kind: 'paragraph';
      readonly text: readonly Inline[];
      readonly align?: 'start' | 'center' | 'end';
    }
  /** Label/value rows (a two-column table with the label on the left). */
  | {
      readonly kind: 'fields';
      readonly rows: readonly { readonly label: string; readonly value: readonly Inline[] }[];
    }
  /**
   * A table with a header row; `width` is a fraction of the text width (the widths sum to 1). `frame: 'thick'`
   * draws the outer border heavier than the inner rules (the 太枠 of the テレサ書式 記 table).
   */
  | {
      readonly kind: 'table';
      readonly columns: readonly { readonly label: string; readonly width: number }[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
      readonly frame?: 'thick';
    }
  /** Checkbox options (■ checked / □ not), e.g. 正当理由 or 開示を請求する発信者情報. */
  | {
      readonly kind: 'checkboxes';
      readonly label: string;
      readonly options: readonly {
        readonly label: string;
        readonly checked: boolean;
        readonly detail?: string;
      }[];
    }
  /** Free space for a seal or a signature line (e.g. 氏名 ＿＿＿ 印). */
  | { readonly kind: 'signature'; readonly lines: readonly Inline[] }
  | { readonly kind: 'pageBreak' }
  /**
   * A 内容証明 page grid, already laid out by the checker: `lines` are the grid's lines (each at most
   * `layout.columns` counted characters); rendered one character per cell, 縦書き when `vertical`.
   */
  | {
      readonly kind: 'grid';
      readonly layout: { readonly columns: number; readonly rows: number; readonly vertical: boolean };
      readonly lines: readonly string[];
    };

/** A 別紙 (attached sheet): text that does not fit a field is continued here, never cut. */
export interface Annex {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export type DocumentFont = 'serif' | 'sans';

export interface DocumentMessage {
  /** Stable code, e.g. `document.field_required`. */
  readonly code: string;
  /** The input field concerned (dot path in the input JSON), when there is one. */
  readonly field?: string;
  readonly message: { readonly ja: string; readonly en: string };
}

/** A built document. `errors` non-empty means it must not be rendered (missing required fields etc.). */
export interface DocumentModel {
  readonly kind: DocumentKind;
  /** File-name friendly title in Japanese (e.g. 発信者情報開示請求書). */
  readonly title: string;
  readonly font: DocumentFont;
  /** 縦書き for the whole document (only the demand letter in a vertical layout). */
  readonly vertical: boolean;
  /** When true the renderer can also produce the redacted copy (text marked `hideable` removed). */
  readonly redactable: boolean;
  readonly blocks: readonly Block[];
  readonly annexes: readonly Annex[];
  readonly errors: readonly DocumentMessage[];
  readonly warnings: readonly DocumentMessage[];
}

/** The plain text of some inlines, optionally with hideable runs removed (the redacted copy). */
export function inlineText(
  inlines: readonly Inline[],
  hidden: ReadonlySet<HideableField> = new Set(),
): string {
  return inlines
    .map((run) => (typeof run === 'string' ? run : run.hideable && hidden.has(run.hideable) ? '' : run.text))
    .join('');
}
