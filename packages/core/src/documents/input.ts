import type { TriageAnswers } from '../triage/answers.js';
import type { Category } from '../triage/result.js';
import type { EvidenceItem } from '../evidence/item.js';
import type { HideableField } from './document-model.js';

/**
 * What a document is built from: the case, the evidence items the user picked, and the options of the kind
 * being built. One shape for every kind (the console form, the CLI's --input JSON and the API all send it);
 * each builder (kinds/) reads the parts it needs and lists every missing one.
 * Dates are calendar dates in Japan (YYYY-MM-DD).
 */
export interface DocumentInput {
  /** The document's date (日付). */
  readonly date: string;
  /** 西暦 (2026年11月29日) or 和暦 (令和8年11月29日); default 西暦. */
  readonly dateStyle?: DateStyle;
  readonly requester: Requester;
  /** The provider the request goes to (特定電気通信役務提供者): site operator, host or access provider. */
  readonly addressee?: { readonly name: string; readonly address?: string };
  readonly caseNumber?: string;
  /** What happened, in the requester's words (事実の概要). */
  readonly facts?: string;
  /** What the victim wants (削除, 投稿者の特定, 損害賠償 …), in their words. */
  readonly wishes?: string;
  /** The legal categories the Guide raised (名誉毀損, 侮辱 …). */
  readonly categories?: readonly Category[];
  /** The Guide's answers saved with the case: the case summary runs the Guide's engine on them. */
  readonly triage?: TriageAnswers;
  /** The evidence items the user selected, in the order they are to appear. */
  readonly evidence: readonly EvidenceItem[];
  readonly takedown?: TakedownOptions;
  readonly disclosure?: DisclosureOptions;
  readonly demandLetter?: DemandLetterOptions;
  readonly evidenceList?: EvidenceListOptions;
  readonly criminalComplaint?: CriminalComplaintOptions;
  readonly postList?: PostListOptions;
  readonly caseSummary?: CaseSummaryOptions;
}

export const DATE_STYLES = ['seireki', 'wareki'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

export interface Requester {
  /** 氏名 (individuals) or the person signing for a corporation. */
  readonly name: string;
  readonly address: string;
  readonly phone?: string;
  readonly email?: string;
  /** When the requester is a company: its name and the signer's title (代表取締役 …). */
  readonly corporation?: { readonly name: string; readonly title?: string };
}

/** Per evidence item: the right infringed and why, as the requester states it (テレサ書式 記 table). */
export interface ItemClaim {
  readonly itemId: string;
  /** 侵害されたとする権利 (free text: 名誉権, プライバシー権 …); default: the item's recorded rights. */
  readonly rights?: readonly string[];
  /** 権利が侵害されたとする理由; default: the item's recorded context and identifiability. */
  readonly reason?: string;
  /** 掲載されている情報 (what the post says or shows); default: the post text as transcribed. */
  readonly content?: string;
  /** その他特定に必要な情報 (board name, position in the thread, file name …). */
  readonly locationDetail?: string;
}

export interface TakedownOptions {
  readonly items?: readonly ItemClaim[];
  /** 発信者への氏名開示の可否: true = the requester's name may be shown to the poster (○). */
  readonly consentToShowName: boolean;
}

/** 法5条1項 (the provider hosting the post) or 法5条2項 (関連電気通信役務提供者, e.g. the access provider of a login). */
export const DISCLOSURE_BASES = ['5-1', '5-2'] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];

/** 発信者情報の開示を受けるべき正当理由 (テレサ書式 注4). */
export const LEGITIMATE_REASONS = ['damages', 'apology', 'injunction', 'deletion-request', 'other'] as const;
export type LegitimateReason = (typeof LEGITIMATE_REASONS)[number];

/** 開示を請求する発信者情報 (施行規則2条 1号〜8号, テレサ書式 注5). */
export const SENDER_INFO_ITEMS = [
  'name',
  'address',
  'phone',
  'email',
  'ip-port',
  'mobile-id',
  'sim-id',
  'timestamp',
] as const;
export type SenderInfoItem = (typeof SENDER_INFO_ITEMS)[number];

/** 発信者に示したくない私の情報, in the form's order (テレサ書式 注7). */
export const HIDEABLE_FIELDS = ['name', 'reasons', 'evidence'] as const satisfies readonly HideableField[];

export interface DisclosureOptions {
  readonly basis: DisclosureBasis;
  readonly items?: readonly ItemClaim[];
  /** For an access provider (5条2項): the IP address, time stamp and port the site disclosed, one per line. */
  readonly facilities?: string;
  readonly reasons: readonly LegitimateReason[];
  /** その他 (具体的に), required when `reasons` includes 'other'. */
  readonly otherReason?: string;
  readonly senderInfo: readonly SenderInfoItem[];
  /** 発信者に示したくない私の情報: removed from the second (redacted) copy. */
  readonly hide: readonly HideableField[];
}

/** The layouts of the 内容証明 checker (D1's documents/naiyou). */
export const DEMAND_LETTER_LAYOUTS = [
  'vertical-20x26',
  'horizontal-20x26',
  'horizontal-26x20',
  'horizontal-13x40',
  'e-naiyou',
] as const;
export type DemandLetterLayout = (typeof DEMAND_LETTER_LAYOUTS)[number];

export interface DemandLetterOptions {
  /** The poster, once identified (e.g. by a 開示命令). */
  readonly recipient: { readonly name: string; readonly address: string };
  readonly demands: {
    readonly deletion: boolean;
    readonly apology: boolean;
    /** 慰謝料 in yen; absent = not claimed. */
    readonly damagesJpy?: number;
  };
  /** Days after the letter arrives within which to comply. */
  readonly deadlineDays: number;
  readonly layout: DemandLetterLayout;
  /** Where to pay (bank account), written as the requester wants it to read. */
  readonly paymentAccount?: string;
  readonly items?: readonly ItemClaim[];
  /**
   * The letter as the requester edited it (line breaks theirs): used instead of the text written from the fields
   * above, and checked as laid out, without wrapping, so a line over the layout's width is a violation.
   */
  readonly text?: string;
}

/** 甲 = plaintiff (or applicant), 乙 = defendant, 丙 = intervenor (証拠説明書). */
export const EVIDENCE_PARTIES = ['甲', '乙', '丙'] as const;
export type EvidenceParty = (typeof EVIDENCE_PARTIES)[number];

export interface EvidenceListOptions {
  readonly party: EvidenceParty;
  /** The first exhibit number (default 1): continue after the exhibits already filed. */
  readonly firstNumber?: number;
  /** The court (e.g. 東京地方裁判所民事第9部) and the case (e.g. 令和8年(ワ)第1234号 損害賠償請求事件). */
  readonly court?: string;
  readonly caseTitle?: string;
  /** Per item: what the exhibit proves (立証趣旨), and whether the original is produced (default 写し). */
  readonly items?: readonly { readonly itemId: string; readonly purpose?: string; readonly original?: boolean }[];
}

/** The offences a 告訴状 draft covers (the online-abuse offences a victim complains of most). */
export const COMPLAINT_OFFENCES = ['defamation', 'insult', 'threat'] as const;
export type ComplaintOffence = (typeof COMPLAINT_OFFENCES)[number];

export interface CriminalComplaintOptions {
  /** Police station or public prosecutor addressed (e.g. 警視庁渋谷警察署長). */
  readonly addressee: string;
  readonly offences: readonly ComplaintOffence[];
  /** The accused, when identified; absent = 氏名不詳. */
  readonly accused?: { readonly name: string; readonly address?: string };
  /** The day the victim came to know who the poster is (犯人を知った日), which starts the 告訴期間. */
  readonly knownSince?: string;
  /** Per item: which offences it is alleged under (default: all selected). */
  readonly items?: readonly { readonly itemId: string; readonly offences?: readonly ComplaintOffence[] }[];
}

export interface PostListOptions {
  readonly items?: readonly ItemClaim[];
}

export interface CaseSummaryOptions {
  /** Events of the case (contact with the platform, police …) in the order they happened. */
  readonly timeline?: readonly { readonly date: string; readonly text: string }[];
  /** Who prepared the summary (consultant). */
  readonly preparedBy?: string;
}
