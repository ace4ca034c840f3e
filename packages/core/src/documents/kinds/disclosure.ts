import { exhibitFiles } from './exhibits.js';
import type { Block, DocumentModel, HideableField, Inline } from '../document-model.js';
import type { DisclosureBasis, DocumentInput, LegitimateReason, SenderInfoItem } from '../input.js';
import { LEGITIMATE_REASONS, SENDER_INFO_ITEMS } from '../input.js';
import {
  CELL_LIMITS,
  checkPostColumns,
  checkRequester,
  claimFor,
  contentOf,
  createContext,
  dateBlock,
  fit,
  locationText,
  need,
  postLabel,
  reasonOf,
  requesterRows,
  rightsOf,
  type BuildContext,
} from './common.js';
import { finish } from './finish.js';

/**
 * The wording of the テレサ書式 「書式① 発信者情報開示請求標準書式」 (isplaw.jp/d_form.pdf), as copied on
 * 123deta.com and described in DOMAIN.md §6.2 (kandato.jp; fuhyotaisaku-law; rakuten; koshinomiyako; 21ip.jp),
 * with the law's current name and article: the request is made under 情報流通プラットフォーム対処法 5条1項/2項
 * (the older form cites プロバイダ責任制限法 4条1項). The 第7版 (令和7年5月) was not seen: `verified: false`.
 */
export const DISCLOSURE_FORM = {
  title: '発信者情報開示請求書',
  requesterHeading: '［権利を侵害されたと主張する者］',
  body: (article: string): string =>
    `貴社が管理する特定電気通信設備等に掲載された下記の情報の流通により、私の権利が侵害されたので、特定電気通信による情報の流通によって発生する権利侵害等への対処に関する法律（以下「法」といいます。）${article}に基づき、貴社が保有する、下記記載の、侵害情報の発信者の特定に資する情報（以下「発信者情報」といいます。）を開示くださるよう、請求します。`,
  undertaking:
    'なお、万一、本請求書の記載事項（添付・追加資料を含みます。）に虚偽の事実が含まれており、その結果貴社が発信者情報を開示された契約者等から苦情又は損害賠償請求等を受けた場合には、私が責任をもって対処いたします。',
  columns: ['番号', '貴社が管理する特定電気通信設備等', '掲載された情報', '侵害された権利', '権利が明らかに侵害されたとする理由'],
  source: 'https://www.isplaw.jp/d_form.pdf',
  verified: false,
} as const;

/** 法5条1項 (the provider of the post) / 2項 (関連電気通信役務提供者). e-Gov 413AC0000000137. */
export const DISCLOSURE_ARTICLES: Readonly<Record<DisclosureBasis, string>> = {
  '5-1': '第5条第1項',
  '5-2': '第5条第2項',
};

/** 発信者情報の開示を受けるべき正当理由 (テレサ書式 注4), in the form's order. */
export const LEGITIMATE_REASON_LABELS: Readonly<Record<LegitimateReason, string>> = {
  damages: '損害賠償請求権の行使のために必要であるため',
  apology: '謝罪広告等の名誉回復措置の要請のために必要であるため',
  injunction: '差止請求権の行使のために必要であるため',
  'deletion-request': '発信者に対する削除要求のために必要であるため',
  other: 'その他（具体的に）',
};

/**
 * 開示を請求する発信者情報: 施行規則2条 1号〜8号 (特定電気通信による情報の流通によって発生する権利侵害等への
 * 対処に関する法律施行規則, 令和4年総務省令第39号; e-Gov https://laws.e-gov.go.jp/law/504M60000008039;
 * text as of 2022-10-01 on https://kandato.jp/data/skisoku/). Items 9 and later (侵害関連通信, e.g. the
 * login nearest the post) are for a lawyer to add.
 */
export const SENDER_INFO_LABELS: Readonly<Record<SenderInfoItem, string>> = {
  name: '発信者その他侵害情報の送信又は侵害関連通信に係る者の氏名又は名称（施行規則2条1号）',
  address: '発信者その他侵害情報の送信又は侵害関連通信に係る者の住所（同2号）',
  phone: '発信者その他侵害情報の送信又は侵害関連通信に係る者の電話番号（同3号）',
  email: '発信者その他侵害情報の送信又は侵害関連通信に係る者の電子メールアドレス（同4号）',
  'ip-port': '侵害情報の送信に係るアイ・ピー・アドレス及び当該アイ・ピー・アドレスと組み合わされたポート番号（同5号）',
  'mobile-id': '侵害情報の送信に係る移動端末設備からのインターネット接続サービス利用者識別符号（同6号）',
  'sim-id': '侵害情報の送信に係るSIMカード識別番号（同7号）',
  timestamp: '5号のアイ・ピー・アドレス等に係る設備から侵害情報が送信された年月日及び時刻（同8号）',
};

/** 発信者に示したくない私の情報 (テレサ書式 注7), in the form's order. */
export const HIDEABLE_LABELS: Readonly<Record<HideableField, string>> = {
  name: '氏名（個人の場合に限る）',
  reasons: '「権利が明らかに侵害されたとする理由」欄',
  evidence: '添付した証拠',
};

function validate(context: BuildContext): void {
  const { input } = context;
  const options = input.disclosure;
  checkRequester(context, true);
  need(context, input.addressee?.name, 'addressee.name', '宛先（サイトの運営者やプロバイダの名称）', 'The addressee (the provider)');
  if (!options) {
    context.errors.push({
      code: 'document.field_required',
      field: 'disclosure',
      message: {
        ja: '開示請求の内容（根拠条文・正当理由・開示を請求する情報）を入力してください。',
        en: 'Fill in the request: legal basis, legitimate reasons and the information requested.',
      },
    });
  } else {
    if (options.reasons.length === 0) {
      context.errors.push({
        code: 'document.field_required',
        field: 'disclosure.reasons',
        message: { ja: '開示を受けるべき正当理由を1つ以上選んでください。', en: 'Choose at least one legitimate reason.' },
      });
    }
    if (options.reasons.includes('other')) {
      need(context, options.otherReason, 'disclosure.otherReason', '正当理由の「その他」の内容', 'The "other" reason');
    }
    if (options.senderInfo.length === 0) {
      context.errors.push({
        code: 'document.field_required',
        field: 'disclosure.senderInfo',
        message: {
          ja: '開示を請求する発信者情報を1つ以上選んでください。',
          en: 'Choose at least one item of sender information to request.',
        },
      });
    }
    if (options.basis === '5-2') {
      need(
        context,
        options.facilities,
        'disclosure.facilities',
        'サイトから開示されたIPアドレス・タイムスタンプ・ポート番号',
        'The IP address, time stamp and port disclosed by the site',
      );
    }
    if (options.hide.includes('name') && input.requester.corporation) {
      context.errors.push({
        code: 'document.hide_name_individual_only',
        field: 'disclosure.hide',
        message: {
          ja: '氏名を発信者に示さない選択は個人の場合に限られます（法人名は隠せません）。',
          en: 'Only an individual can hide their name from the poster; a company name cannot be hidden.',
        },
      });
    }
  }
  checkPostColumns(context, options?.items, 'disclosure.items', {
    content: '掲載された情報',
    right: '侵害された権利',
    reason: '権利が明らかに侵害されたとする理由',
    reasonEn: (post) => `Why post ${post} clearly infringes your rights`,
  });
}

/**
 * 発信者情報開示請求書. Redactable: the fields the requester chose in 発信者に示したくない私の情報 are marked
 * `hideable`, so the second copy (for the 意見照会 to the poster) is rendered with them removed.
 */
export function buildDisclosureRequest(input: DocumentInput): DocumentModel {
  const context = createContext(input);
  validate(context);
  const blocks = (): Block[] => {
    const options = input.disclosure!;
    const hidden = new Set(options.hide);
    const hide = (field: HideableField): HideableField | undefined => (hidden.has(field) ? field : undefined);
    const rows = input.evidence.map((item, index): Inline[][] => {
      const claim = claimFor(options.items, item);
      const label = postLabel(index);
      const facility =
        options.basis === '5-2'
          ? `${options.facilities ?? ''}\n（対象の投稿 ${item.postUrl}）`
          : locationText(item, claim);
      return [
        [String(index + 1)],
        fit(context, facility, CELL_LIMITS.location, `${label} 特定電気通信設備等`),
        fit(context, contentOf(item, claim) ?? '', CELL_LIMITS.content, `${label} 掲載された情報`),
        [rightsOf(item, claim).join('、')],
        fit(context, reasonOf(item, claim) ?? '', CELL_LIMITS.reason, `${label} 権利が明らかに侵害されたとする理由`, hide('reasons')),
      ];
    });
    const evidenceRows = input.evidence.flatMap((item, index) =>
      exhibitFiles(item).map((file, fileIndex): Inline[][] => {
        const run = (text: string): Inline => (hidden.has('evidence') ? { text, hideable: 'evidence' } : text);
        return [
          [run(`${index + 1}-${fileIndex + 1}`)],
          [run(`${postLabel(index)}の${file.label}（${file.name}）`)],
          [run(file.sha256)],
        ];
      }),
    );
    const widths = [0.06, 0.26, 0.24, 0.14, 0.3];
    return [
      dateBlock(context),
      { kind: 'paragraph', text: [`至\u3000${input.addressee?.name ?? ''}\u3000御中`] },
      { kind: 'heading', text: DISCLOSURE_FORM.requesterHeading },
      { kind: 'fields', rows: requesterRows(context, { hideName: hidden.has('name') }) },
      { kind: 'title', text: DISCLOSURE_FORM.title },
      { kind: 'paragraph', text: [DISCLOSURE_FORM.body(DISCLOSURE_ARTICLES[options.basis])] },
      { kind: 'paragraph', text: [DISCLOSURE_FORM.undertaking] },
      { kind: 'heading', text: '記' },
      {
        kind: 'table',
        columns: DISCLOSURE_FORM.columns.map((label, i) => ({ label, width: widths[i] ?? 0 })),
        rows,
      },
      {
        kind: 'checkboxes',
        label: '発信者情報の開示を受けるべき正当理由（複数選択可）',
        options: LEGITIMATE_REASONS.map((reason) => ({
          label: LEGITIMATE_REASON_LABELS[reason],
          checked: options.reasons.includes(reason),
          ...(reason === 'other' && options.otherReason?.trim() ? { detail: options.otherReason.trim() } : {}),
        })),
      },
      {
        kind: 'checkboxes',
        label: '開示を請求する発信者情報（複数選択可）',
        options: SENDER_INFO_ITEMS.map((info) => ({
          label: SENDER_INFO_LABELS[info],
          checked: options.senderInfo.includes(info),
        })),
      },
      { kind: 'heading', text: '証拠（添付のとおり）' },
      {
        kind: 'table',
        columns: [
          { label: '番号', width: 0.1 },
          { label: '証拠', width: 0.45 },
          { label: 'SHA-256', width: 0.45 },
        ],
        rows: evidenceRows,
      },
      {
        kind: 'checkboxes',
        label: '発信者に示したくない私の情報（複数選択可）',
        options: (Object.keys(HIDEABLE_LABELS) as HideableField[]).map((field) => ({
          label: HIDEABLE_LABELS[field],
          checked: hidden.has(field),
        })),
      },
      { kind: 'paragraph', text: ['以上'], align: 'end' },
    ];
  };
  return finish(
    context,
    { kind: 'disclosure-request', title: DISCLOSURE_FORM.title, font: 'serif', redactable: true },
    blocks,
  );
}
