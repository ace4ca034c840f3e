import type { Block, DocumentModel, Inline } from '../document-model.js';
import type { DocumentInput } from '../input.js';
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
 * The wording of the テレサ書式 「侵害情報の通知書 兼 送信防止措置依頼書」 (名誉毀損・プライバシー).
 * Source: the form published by the プロバイダ責任制限法関連情報 site (一般社団法人テレコムサービス協会,
 * https://www.isplaw.jp/), as described in DOMAIN.md §6.1 (cancam; skri.gr.jp; monolith). Checked against the
 * older editions only: the 第7版 (令和7年5月) was not seen, so `verified: false` until it is.
 */
export const TAKEDOWN_FORM = {
  title: '侵害情報の通知書 兼 送信防止措置依頼書',
  requesterHeading: '［権利を侵害されたと主張する者］',
  body: '貴社が管理する特定電気通信設備に掲載されている下記の情報の流通により私の権利が侵害されたので、当該情報の送信を防止する措置を講じるよう依頼します。',
  columns: ['番号', '掲載されている場所', '掲載されている情報', '侵害されたとする権利', '権利が侵害されたとする理由（被害の状況など）'],
  declaration:
    '上記太枠内に記載された内容は、事実に相違なく、あなたから発信者にそのまま通知されることになることに同意いたします。',
  nameConsentLabel: '発信者への氏名開示の可否',
  nameConsentOption: '発信者へ氏名を開示して差し支えない',
  nameConsentNote: '○（■）印のない場合、氏名開示には同意していないものとします。',
  source: 'https://www.isplaw.jp/',
  verified: false,
} as const;

function validate(context: BuildContext): void {
  const { input } = context;
  checkRequester(context, true);
  need(context, input.addressee?.name, 'addressee.name', '宛先（サイトの運営者などの名称）', 'The addressee (the provider)');
  if (!input.takedown) {
    context.errors.push({
      code: 'document.field_required',
      field: 'takedown.consentToShowName',
      message: {
        ja: '発信者への氏名開示の可否を選んでください。',
        en: 'Choose whether your name may be shown to the poster.',
      },
    });
  }
  checkPostColumns(context, input.takedown?.items, 'takedown.items', {
    content: '掲載されている情報',
    right: '侵害されたとする権利',
    reason: '権利が侵害されたとする理由',
    reasonEn: (post) => `Why post ${post} infringes your rights`,
  });
}

/** 侵害情報の通知書 兼 送信防止措置依頼書: one row per selected post. */
export function buildTakedownRequest(input: DocumentInput): DocumentModel {
  const context = createContext(input);
  validate(context);
  const blocks = (): Block[] => {
    const options = input.takedown ?? { consentToShowName: false };
    const rows = input.evidence.map((item, index): Inline[][] => {
      const claim = claimFor(options.items, item);
      const label = postLabel(index);
      return [
        [String(index + 1)],
        fit(context, locationText(item, claim), CELL_LIMITS.location, `${label} 掲載されている場所`),
        fit(context, contentOf(item, claim) ?? '', CELL_LIMITS.content, `${label} 掲載されている情報`),
        [rightsOf(item, claim).join('、')],
        fit(context, reasonOf(item, claim) ?? '', CELL_LIMITS.reason, `${label} 権利が侵害されたとする理由`),
      ];
    });
    const widths = [0.06, 0.26, 0.26, 0.14, 0.28];
    return [
      dateBlock(context),
      { kind: 'paragraph', text: [`${input.addressee?.name ?? ''}\u3000御中`] },
      { kind: 'title', text: TAKEDOWN_FORM.title },
      { kind: 'heading', text: TAKEDOWN_FORM.requesterHeading },
      { kind: 'fields', rows: requesterRows(context) },
      { kind: 'paragraph', text: [TAKEDOWN_FORM.body] },
      { kind: 'heading', text: '記' },
      {
        kind: 'table',
        columns: TAKEDOWN_FORM.columns.map((label, i) => ({ label, width: widths[i] ?? 0 })),
        rows,
        // The form's 記 table is a 太枠 (thick outer border): the declaration refers to 「上記太枠内」.
        frame: 'thick',
      },
      { kind: 'paragraph', text: [TAKEDOWN_FORM.declaration] },
      {
        kind: 'checkboxes',
        label: TAKEDOWN_FORM.nameConsentLabel,
        options: [{ label: TAKEDOWN_FORM.nameConsentOption, checked: options.consentToShowName }],
      },
      { kind: 'paragraph', text: [TAKEDOWN_FORM.nameConsentNote] },
      { kind: 'paragraph', text: ['以上'], align: 'end' },
    ];
  };
  return finish(context, { kind: 'takedown-request', title: TAKEDOWN_FORM.title, font: 'serif' }, blocks);
}
