import type { EvidenceItem } from '../../evidence/item.js';
import type { Platform } from '../../triage/answers.js';
import type { DocumentModel } from '../document-model.js';
import { toKanjiNumeral } from '../format.js';
import type { DocumentInput } from '../input.js';
import { checkNaiyouLetter, naiyouBlocks } from '../naiyou/index.js';
import {
  PLATFORM_NAMES,
  checkClaims,
  checkRequester,
  claimFor,
  contentOf,
  createContext,
  dateText,
  jstDate,
  need,
  needEvidence,
  postLabel,
  rightsOf,
  type BuildContext,
} from './common.js';
import { finish } from './finish.js';

/**
 * The 通知書 sent by 内容証明郵便 to an identified poster: deletion, apology, 慰謝料. The claim rests on 民法709条
 * (不法行為), 710条 (財産以外の損害) and 723条 (名誉回復処分); e-Gov https://laws.e-gov.go.jp/law/129AC0000000089.
 * The text is laid out and checked by the 内容証明 checker (naiyou/): Japan Post's grid, counting rules and
 * character set (https://www.post.japanpost.jp/service/fuka_service/syomei/use.html). Nothing can be enclosed
 * with a 内容証明 (DOMAIN.md §6.3), so the posts are described in the text itself, not by an attached list.
 */
export const DEMAND_LETTER_WORDING = {
  title: '通知書',
  legalBasis: (vertical: boolean): string =>
    vertical ? '民法七百九条、七百十条' : '民法709条、710条',
  closing: '上記期限内に誠意あるご対応がない場合には、やむを得ず法的措置をとることを申し添えます。',
  source: 'https://laws.e-gov.go.jp/law/129AC0000000089',
} as const;

/** Platform names in the letter: the current proper noun only (X, not X（旧Twitter）, to keep Latin letters few). */
const LETTER_PLATFORM_NAMES: Readonly<Record<Platform, string>> = { ...PLATFORM_NAMES, x: 'X' };

/** A number as the letter writes it: kanji for 縦書き (十四, 五十万), arabic digits otherwise. */
function numberText(n: number, vertical: boolean): string {
  return vertical ? toKanjiNumeral(n, { style: 'formal' }) : n.toLocaleString('ja-JP');
}

/** One line describing a post: when, where, by which account, and what it said. */
function postLine(input: DocumentInput, item: EvidenceItem, index: number, vertical: boolean): string {
  const claim = claimFor(input.demandLetter?.items, item);
  const day = item.postedAt?.iso ? jstDate(item.postedAt.iso) : undefined;
  const when = day
    ? dateText(day, input.dateStyle, vertical ? 'kanji' : 'arabic')
    : item.postedAt?.asShown ?? '日時不詳';
  const account = item.accountId ? `アカウント「${item.accountId}」により、` : '';
  const ordinal = vertical ? toKanjiNumeral(index + 1, { style: 'formal' }) : String(index + 1);
  return `（${ordinal}）${when}、${LETTER_PLATFORM_NAMES[item.platform]}において、${account}「${contentOf(item, claim) ?? ''}」と投稿したもの`;
}

/** The letter as text, one paragraph per line, for the 内容証明 checker to lay out. */
export function demandLetterText(input: DocumentInput): string {
  const options = input.demandLetter!;
  const vertical = options.layout === 'vertical-20x26';
  const requester = input.requester;
  const rights = [...new Set(input.evidence.flatMap((item) => rightsOf(item, claimFor(options.items, item))))];
  const demands: string[] = [];
  if (options.demands.deletion) demands.push('上記の各投稿をすべて削除すること');
  if (options.demands.apology) demands.push('私に対し、書面により謝罪すること');
  if (options.demands.damagesJpy !== undefined) {
    const pay = options.paymentAccount?.trim() ? `、下記口座に振り込む方法により` : '';
    demands.push(`慰謝料として金${numberText(options.demands.damagesJpy, vertical)}円を${pay}支払うこと`);
  }
  const lines = [
    DEMAND_LETTER_WORDING.title,
    '',
    '\u3000私は、貴殿に対し、次のとおり通知いたします。',
    '\u3000貴殿は、次の各投稿を行いました。',
    ...input.evidence.map((item, index) => postLine(input, item, index, vertical)),
    `\u3000これらの投稿は、私の${rights.length > 0 ? rights.join('、') : '権利'}を侵害するものであり、不法行為（${DEMAND_LETTER_WORDING.legalBasis(vertical)}）に当たります。`,
    `\u3000つきましては、本書面到達後${numberText(options.deadlineDays, vertical)}日以内に、次のことを求めます。`,
    ...demands.map((demand, i) => `${vertical ? toKanjiNumeral(i + 1, { style: 'formal' }) : String(i + 1)}\u3000${demand}`),
    ...(options.demands.damagesJpy !== undefined && options.paymentAccount?.trim()
      ? [`（振込先）${options.paymentAccount.trim()}`]
      : []),
    `\u3000${DEMAND_LETTER_WORDING.closing}`,
    '',
    dateText(input.date, input.dateStyle, vertical ? 'kanji' : 'arabic'),
    `（通知人）${requester.address}`,
    `\u3000\u3000${requester.corporation ? `${requester.corporation.name}\u3000${requester.corporation.title ?? ''}\u3000` : ''}${requester.name}`,
    `（被通知人）${options.recipient.address}`,
    `\u3000\u3000${options.recipient.name}\u3000殿`,
  ];
  return lines.join('\n');
}

function validate(context: BuildContext): void {
  const { input } = context;
  const options = input.demandLetter;
  checkRequester(context, false);
  if (!options) {
    context.errors.push({
      code: 'document.field_required',
      field: 'demandLetter',
      message: { ja: '通知書の相手方と請求の内容を入力してください。', en: 'Enter the recipient and the demands.' },
    });
  } else {
    need(context, options.recipient.name, 'demandLetter.recipient.name', '相手方（投稿者）の氏名', "The recipient's name");
    need(context, options.recipient.address, 'demandLetter.recipient.address', '相手方（投稿者）の住所', "The recipient's address");
    const { deletion, apology, damagesJpy } = options.demands;
    if (!deletion && !apology && damagesJpy === undefined) {
      context.errors.push({
        code: 'document.field_required',
        field: 'demandLetter.demands',
        message: {
          ja: '請求の内容（削除・謝罪・慰謝料）を1つ以上選んでください。',
          en: 'Choose at least one demand (deletion, apology, damages).',
        },
      });
    }
  }
  if (!needEvidence(context)) return;
  checkClaims(context, options?.items, 'demandLetter.items');
  input.evidence.forEach((item, index) => {
    need(
      context,
      contentOf(item, claimFor(options?.items, item)),
      `evidence.${index}.text`,
      `${postLabel(index)}の投稿内容`,
      `The text of post ${index + 1}`,
    );
  });
}

/**
 * 通知書 for 内容証明郵便, laid out on Japan Post's grid. Every rule the checker finds (a character outside the
 * allowed set, too many pages for e内容証明 …) is an error with its line and column: the letter cannot be
 * finalised while one remains. The checker's warnings (Latin letters outside proper nouns, unverified limits)
 * stay warnings; the copies needed (recipient + 2) are reported as one.
 */
export function buildDemandLetter(input: DocumentInput): DocumentModel {
  const context = createContext(input);
  validate(context);
  const options = input.demandLetter;
  const vertical = options?.layout === 'vertical-20x26';
  if (context.errors.length > 0 || !options) {
    return finish(context, { kind: 'demand-letter', title: DEMAND_LETTER_WORDING.title, font: 'serif', vertical }, () => []);
  }
  const allowedLatin = [
    ...input.evidence.flatMap((item) => [item.accountId, LETTER_PLATFORM_NAMES[item.platform]]),
    input.requester.name,
    input.requester.corporation?.name,
    options.recipient.name,
    options.paymentAccount,
  ].flatMap((value) => (value ? value.split(/[^A-Za-z0-9]+/).filter((word) => /[A-Za-z]/.test(word)) : []));
  const edited = options.text?.trim() ? options.text : undefined;
  const result = checkNaiyouLetter(edited ?? demandLetterText(input), {
    layout: options.layout,
    recipients: 1,
    allowedLatin,
    wrap: edited === undefined,
  });
  for (const violation of result.violations) {
    context.errors.push({
      code: violation.code,
      field: 'demandLetter',
      message: {
        ja: `${violation.line}行目${violation.column}字目：${violation.message.ja}`,
        en: `Line ${violation.line}, column ${violation.column}: ${violation.message.en}`,
      },
    });
  }
  for (const warning of result.warnings) {
    const at = warning.line === undefined ? undefined : { line: warning.line, column: warning.column ?? 1 };
    context.warnings.push({
      code: warning.code,
      field: 'demandLetter',
      message: {
        ja: at ? `${at.line}行目${at.column}字目：${warning.message.ja}` : warning.message.ja,
        en: at ? `Line ${at.line}, column ${at.column}: ${warning.message.en}` : warning.message.en,
      },
    });
  }
  context.warnings.push({
    code: 'naiyou.copies',
    message: {
      ja: `${result.pageCount}枚。同じものを${result.copiesNeeded}通（相手方用・差出人用・郵便局用）用意してください。`,
      en: `${result.pageCount} page(s). Prepare ${result.copiesNeeded} identical copies (recipient, sender, post office).`,
    },
  });
  return finish(
    context,
    { kind: 'demand-letter', title: DEMAND_LETTER_WORDING.title, font: 'serif', vertical },
    () => naiyouBlocks(result),
  );
}
