import type { EvidenceItem } from '../../evidence/item.js';
import { tokyoParts } from '../../law/tokyo-time.js';
import type { Platform } from '../../triage/answers.js';
import type { Annex, Block, DocumentMessage, HideableField, Inline } from '../document-model.js';
import { formatDate } from '../format.js';
import type { DateStyle, DocumentInput, ItemClaim } from '../input.js';

/**
 * Room of a table cell, in characters: longer text goes to a 別紙 and the cell says 「別紙Nのとおり」
 * (the issue: never cut, continued on an attached sheet). Sized so that one row of an A4 table at 10.5pt
 * stays within about a third of a page at the column widths the builders use.
 */
export const CELL_LIMITS = {
  /** 掲載されている情報 / 掲載された情報 */
  content: 200,
  /** 権利が侵害されたとする理由 */
  reason: 300,
  /** 掲載されている場所 (URL + その他特定に必要な情報) */
  location: 300,
  /** 証拠説明書: 標目 */
  exhibitTitle: 220,
  /** 証拠説明書: 立証趣旨 */
  purpose: 200,
  /** label/value rows (fields blocks): facts, wishes, reasons … */
  field: 400,
} as const;

/** Formal platform names as written in legal documents. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  x: 'X（旧Twitter）',
  instagram: 'Instagram',
  facebook: 'Facebook',
  threads: 'Threads',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  line: 'LINE',
  '5ch': '5ちゃんねる',
  'google-maps': 'Googleマップ',
  note: 'note',
  'yahoo-chiebukuro': 'Yahoo!知恵袋',
  ameba: 'Amebaブログ',
  blog: 'ブログ',
  other: 'ウェブサイト',
};

/** The rights recorded on an evidence item (core EVIDENCE_RIGHTS), named as the テレサ書式 names them. */
const RIGHT_NAMES: Readonly<Record<string, string>> = {
  honor: '名誉権',
  sentiment: '名誉感情',
  privacy: 'プライバシー権',
  portrait: '肖像権',
  publicity: 'パブリシティ権',
  business: '営業上の利益（信用）',
};

/** Collects errors, warnings and 別紙 while a document is built. */
export interface BuildContext {
  readonly input: DocumentInput;
  readonly errors: DocumentMessage[];
  readonly warnings: DocumentMessage[];
  readonly annexes: Annex[];
}

export function createContext(input: DocumentInput): BuildContext {
  return { input, errors: [], warnings: [], annexes: [] };
}

/** The error for a required field that is empty. */
export function required(field: string, ja: string, en: string): DocumentMessage {
  return {
    code: 'document.field_required',
    field,
    message: { ja: `${ja}を入力してください。`, en: `${en} is required.` },
  };
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Pushes a required-field error when `value` is blank; true when it is present. */
export function need(
  context: BuildContext,
  value: string | undefined,
  field: string,
  ja: string,
  en: string,
): value is string {
  if (!isBlank(value)) return true;
  context.errors.push(required(field, ja, en));
  return false;
}

/**
 * Text for a table cell or a field: as is when it fits `limit` characters, otherwise a new 別紙 holds the
 * whole text and the cell refers to it. `hideable` marks the text (in the cell or the 別紙) for the redacted copy.
 */
export function fit(
  context: BuildContext,
  text: string,
  limit: number,
  where: string,
  hideable?: HideableField,
): Inline[] {
  const run = (value: string): Inline => (hideable ? { text: value, hideable } : value);
  if ([...text].length <= limit) return [run(text)];
  const number = context.annexes.length + 1;
  context.annexes.push({
    title: `別紙${number}\u3000${where}`,
    blocks: text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line): Block => ({ kind: 'paragraph', text: [run(line)] })),
  });
  return [`別紙${number}のとおり`];
}

/** A calendar date in the document's style: 2026年11月29日 or 令和8年11月29日. */
export function dateText(date: string, style: DateStyle | undefined, numerals: 'arabic' | 'kanji' = 'arabic'): string {
  return formatDate(date, { era: style ?? 'seireki', numerals });
}

const TOKYO_ZONES = /^(asia\/tokyo|japan|jst|utc\+0?9(:00)?|gmt\+0?9(:00)?|\+09(:00)?)$/i;

/** Whether a zone name says the time was shown in Japan time. */
export function isTokyoZone(timeZone: string | undefined): boolean {
  return timeZone !== undefined && TOKYO_ZONES.test(timeZone.trim());
}

/** Date and time in Japan of an instant: 2026年3月1日 21時04分 (or 令和8年3月1日 21時04分). */
export function jstDateTimeText(iso: string, style: DateStyle | undefined): string | undefined {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return undefined;
  const parts = tokyoParts(instant);
  const hours = Math.floor(parts.minutes / 60);
  const minutes = String(parts.minutes % 60).padStart(2, '0');
  return `${dateText(parts.date, style)} ${hours}時${minutes}分`;
}

/** The calendar date in Japan of an instant (YYYY-MM-DD). */
export function jstDate(iso: string): string | undefined {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? undefined : tokyoParts(instant).date;
}

export interface PostTime {
  /** The time as the document writes it: Japan time when it could be worked out, else as the page showed it. */
  readonly text: string;
  /** The time as shown on a page in another zone (e.g. UTC on X's disclosed records), when converted. */
  readonly convertedFrom?: string;
  /** True when the text is Japan time. */
  readonly jst: boolean;
}

/**
 * When a post was made, in Japan time (DOMAIN.md §7.6: login-type SNS disclose UTC; the 目録 is written in JST,
 * kandato blog 2023-11-21). Without an ISO instant the time is written as the page showed it.
 */
export function postTime(item: EvidenceItem, style: DateStyle | undefined): PostTime | undefined {
  const postedAt = item.postedAt;
  if (!postedAt) return undefined;
  const converted = postedAt.iso ? jstDateTimeText(postedAt.iso, style) : undefined;
  if (converted === undefined) return { text: postedAt.asShown, jst: isTokyoZone(postedAt.timeZone) };
  if (postedAt.timeZone && !isTokyoZone(postedAt.timeZone)) {
    const shown = postedAt.asShown.includes(postedAt.timeZone) ? postedAt.asShown : `${postedAt.asShown}（${postedAt.timeZone}）`;
    return { text: `${converted}（日本時間）`, convertedFrom: shown, jst: true };
  }
  return { text: converted, jst: true };
}

/** The time of a post as one string, with the source time when it was converted to Japan time. */
export function postTimeText(item: EvidenceItem, style: DateStyle | undefined): string | undefined {
  const time = postTime(item, style);
  if (!time) return undefined;
  return time.convertedFrom ? `${time.text}（表示上の日時：${time.convertedFrom}）` : time.text;
}

/**
 * The thread and post number of a 5ちゃんねる post, from its read.cgi address
 * (https://<server>.5ch.net/test/read.cgi/<board>/<thread key>/<post number>).
 */
export function fiveChannelPost(url: string): { board: string; thread: string; post?: string } | undefined {
  const match = /^https?:\/\/[^/]+\.5ch\.net\/test\/read\.cgi\/([^/]+)\/(\d+)\/?(\d+)?/i.exec(url);
  if (!match) return undefined;
  const [, board = '', thread = '', post] = match;
  return post ? { board, thread, post } : { board, thread };
}

/** 掲載されている場所: the post's own URL, plus what else identifies it (thread and post number, the site). */
export function locationText(item: EvidenceItem, claim: ItemClaim | undefined): string {
  const lines = [`URL：${item.postUrl}`, `サイト：${PLATFORM_NAMES[item.platform]}`];
  const fiveCh = item.platform === '5ch' ? fiveChannelPost(item.postUrl) : undefined;
  if (fiveCh) {
    lines.push(`板：${fiveCh.board}\u3000スレッド番号：${fiveCh.thread}${fiveCh.post ? `\u3000レス番号：${fiveCh.post}` : ''}`);
  }
  if (item.accountId) lines.push(`アカウント：${item.accountId}${item.displayName ? `（表示名 ${item.displayName}）` : ''}`);
  if (claim?.locationDetail?.trim()) lines.push(claim.locationDetail.trim());
  return lines.join('\n');
}

/** The poster as a 証拠説明書 or 告訴状 names an unidentified person: 氏名不詳者（アカウント @id）. */
export function posterText(item: EvidenceItem): string {
  if (item.accountId) return `氏名不詳者（${item.platform === '5ch' ? '' : 'アカウント '}${item.accountId}）`;
  if (item.displayName) return `氏名不詳者（表示名 ${item.displayName}）`;
  return '氏名不詳者';
}

/** The claim for an item, from the kind's options. */
export function claimFor(claims: readonly ItemClaim[] | undefined, item: EvidenceItem): ItemClaim | undefined {
  return claims?.find((claim) => claim.itemId === item.id);
}

/** Rights infringed by an item: the stated ones, else the ones recorded on the item ('other' is not a right's name). */
export function rightsOf(item: EvidenceItem, claim: ItemClaim | undefined): string[] {
  const stated = claim?.rights?.map((r) => r.trim()).filter((r) => r !== '');
  if (stated && stated.length > 0) return stated;
  return (item.legal?.rights ?? []).filter((r) => r !== 'other').map((r) => RIGHT_NAMES[r] ?? r);
}

/** Why the rights are infringed: the stated reason, else the context and identifiability recorded on the item. */
export function reasonOf(item: EvidenceItem, claim: ItemClaim | undefined): string | undefined {
  if (claim?.reason?.trim()) return claim.reason.trim();
  const parts = [
    item.legal?.context?.trim(),
    item.legal?.identifiability?.trim() ? `（私に関する投稿であること）${item.legal.identifiability.trim()}` : undefined,
  ].filter((p): p is string => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** What the post says or shows: the stated description, else the transcribed text. */
export function contentOf(item: EvidenceItem, claim: ItemClaim | undefined): string | undefined {
  if (claim?.content?.trim()) return claim.content.trim();
  return item.text?.trim() ? item.text.trim() : undefined;
}

/** Errors for claims that name items not among the selected evidence. */
export function checkClaims(
  context: BuildContext,
  claims: readonly { readonly itemId: string }[] | undefined,
  field: string,
): void {
  const ids = new Set(context.input.evidence.map((item) => item.id));
  claims?.forEach((claim, index) => {
    if (!ids.has(claim.itemId)) {
      context.errors.push({
        code: 'document.unknown_item',
        field: `${field}.${index}.itemId`,
        message: {
          ja: `選択されていない証拠（${claim.itemId}）が指定されています。証拠を選び直してください。`,
          en: `Evidence item ${claim.itemId} is not among the selected items; select it or remove its entry.`,
        },
      });
    }
  });
}

/** An error when no evidence item is selected (every kind but the case summary needs at least one post). */
export function needEvidence(context: BuildContext): boolean {
  if (context.input.evidence.length > 0) return true;
  context.errors.push({
    code: 'document.no_evidence',
    field: 'evidence',
    message: { ja: '対象の投稿（証拠）を1件以上選んでください。', en: 'Select at least one post (evidence item).' },
  });
  return false;
}

/** How a テレサ form names its per-post columns, for the errors of a missing cell. */
export interface PostColumnNames {
  /** 掲載されている情報 / 掲載された情報 */
  readonly content: string;
  /** 侵害されたとする権利 / 侵害された権利 */
  readonly right: string;
  /** 権利が侵害されたとする理由 / 権利が明らかに侵害されたとする理由 */
  readonly reason: string;
  readonly reasonEn: (post: number) => string;
}

/**
 * The checks both テレサ forms (送信防止措置依頼書, 発信者情報開示請求書) make on their table: at least one post,
 * claims only for selected posts, and for every post what it says, the right infringed and why.
 */
export function checkPostColumns(
  context: BuildContext,
  claims: readonly ItemClaim[] | undefined,
  claimsField: string,
  names: PostColumnNames,
): void {
  if (!needEvidence(context)) return;
  checkClaims(context, claims, claimsField);
  context.input.evidence.forEach((item, index) => {
    const claim = claimFor(claims, item);
    const label = postLabel(index);
    need(context, contentOf(item, claim), `evidence.${index}.text`, `${label}の「${names.content}」`, `What post ${index + 1} says`);
    if (rightsOf(item, claim).length === 0) {
      context.errors.push({
        code: 'document.field_required',
        field: `evidence.${index}.legal.rights`,
        message: { ja: `${label}の「${names.right}」を選んでください。`, en: `Choose the right post ${index + 1} infringes.` },
      });
    }
    need(context, reasonOf(item, claim), `evidence.${index}.legal.context`, `${label}の「${names.reason}」`, names.reasonEn(index + 1));
  });
}

/** The requester's identity fields; a company signs with its name and the signer's title. */
export function requesterRows(
  context: BuildContext,
  options: { readonly hideName?: boolean; readonly label?: string } = {},
): { readonly label: string; readonly value: readonly Inline[] }[] {
  const { requester } = context.input;
  const name = requester.corporation
    ? `${requester.corporation.name}\u3000${requester.corporation.title ? `${requester.corporation.title}\u3000` : ''}${requester.name}`
    : requester.name;
  const rows: { label: string; value: Inline[] }[] = [
    { label: '住所', value: [requester.address] },
    {
      label: requester.corporation ? '名称・代表者' : '氏名',
      value: [options.hideName ? { text: name, hideable: 'name' } : name, '\u3000印'],
    },
  ];
  const contact = [requester.phone && `電話 ${requester.phone}`, requester.email && `電子メール ${requester.email}`]
    .filter(Boolean)
    .join('\u3000');
  if (contact) rows.push({ label: '連絡先', value: [contact] });
  return rows;
}

/** Required requester fields (住所・氏名) and, when `contact`, a phone number or e-mail address. */
export function checkRequester(context: BuildContext, contact: boolean): void {
  const { requester } = context.input;
  need(context, requester.name, 'requester.name', '依頼者（あなた）の氏名', "The requester's name");
  need(context, requester.address, 'requester.address', '依頼者（あなた）の住所', "The requester's address");
  if (contact && isBlank(requester.phone) && isBlank(requester.email)) {
    context.errors.push(required('requester.phone', '連絡先（電話番号か電子メールアドレス）', "A phone number or e-mail address"));
  }
}

/** The date line, aligned to the end (右寄せ). */
export function dateBlock(context: BuildContext): Block {
  return { kind: 'paragraph', text: [dateText(context.input.date, context.input.dateStyle)], align: 'end' };
}

/** 「N」 with the post's ordinal among the selected items: 投稿1, 投稿2 … */
export function postLabel(index: number): string {
  return `投稿${index + 1}`;
}

/** Text as paragraphs, one per non-blank line. */
export function paragraphs(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line): Block => ({ kind: 'paragraph', text: [line.trim()] }));
}

/** A list joined as Japanese legal prose: A, A及びB, A、B及びC. */
export function joinJa(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}及び${items[items.length - 1] ?? ''}`;
}
