import type { EvidenceItem } from '../../evidence/item.js';
import { criminalComplaintDeadline } from '../../law/dates.js';
import { BASIS, OFFENCES, insultOffenceFor, type Offence } from '../../law/offences.js';
import type { Block, DocumentModel, Inline } from '../document-model.js';
import type { ComplaintOffence, DocumentInput } from '../input.js';
import {
  PLATFORM_NAMES,
  checkClaims,
  checkRequester,
  createContext,
  dateBlock,
  dateText,
  jstDate,
  joinJa,
  need,
  needEvidence,
  paragraphs,
  postLabel,
  postTime,
  requesterRows,
  type BuildContext,
} from './common.js';
import { exhibitFiles } from './exhibits.js';
import { finish } from './finish.js';

/**
 * The constituent elements each offence's 告訴事実 states, in the words of the article (刑法, e-Gov
 * https://laws.e-gov.go.jp/law/140AC0000000045): 230条1項 「公然と事実を摘示し、人の名誉を毀損した」,
 * 231条 「事実を摘示しなくても、公然と人を侮辱した」, 222条1項 「生命、身体、自由、名誉又は財産に対し害を加える旨を
 * 告知して人を脅迫した」. Penalties come from law/offences.ts (拘禁刑 wording since 2025-06-01, 令和4年法律第67号).
 */
export const COMPLAINT_WORDING: Readonly<Record<ComplaintOffence, { readonly article: string; readonly act: string }>> = {
  defamation: { article: '刑法230条1項', act: '公然と事実を摘示し、もって告訴人の名誉を毀損したものである。' },
  insult: { article: '刑法231条', act: '事実を摘示しないで、公然と告訴人を侮辱したものである。' },
  threat: {
    article: '刑法222条1項',
    act: '告訴人の生命、身体、自由、名誉又は財産に対し害を加える旨を告知して告訴人を脅迫したものである。',
  },
};

const OFFENCE_NAMES: Readonly<Record<ComplaintOffence, string>> = {
  defamation: '名誉毀損罪',
  insult: '侮辱罪',
  threat: '脅迫罪',
};

/** The offence entry (penalty, 親告罪) for a post: insults before 2022-07-07 keep the old penalty. */
function offenceOf(offence: ComplaintOffence, item: EvidenceItem | undefined): Offence {
  if (offence === 'defamation') return OFFENCES.defamation;
  if (offence === 'threat') return OFFENCES.threat;
  const iso = item?.postedAt?.iso;
  return insultOffenceFor(iso ? jstDate(iso) : undefined);
}

function offencesOfItem(input: DocumentInput, item: EvidenceItem): readonly ComplaintOffence[] {
  const options = input.criminalComplaint!;
  const chosen = options.items?.find((entry) => entry.itemId === item.id)?.offences;
  return chosen && chosen.length > 0 ? chosen : options.offences;
}

function validate(context: BuildContext): void {
  const { input } = context;
  const options = input.criminalComplaint;
  checkRequester(context, true);
  if (!options) {
    context.errors.push({
      code: 'document.field_required',
      field: 'criminalComplaint',
      message: { ja: '告訴の宛先と罪名を入力してください。', en: 'Enter the addressee and the offences.' },
    });
  } else {
    need(context, options.addressee, 'criminalComplaint.addressee', '告訴状の宛先（警察署長・検察官）', 'The addressee (police or prosecutor)');
    if (options.offences.length === 0) {
      context.errors.push({
        code: 'document.field_required',
        field: 'criminalComplaint.offences',
        message: { ja: '罪名を1つ以上選んでください。', en: 'Choose at least one offence.' },
      });
    }
    if (options.accused && options.offences.some((o) => o !== 'threat')) {
      need(
        context,
        options.knownSince,
        'criminalComplaint.knownSince',
        '被告訴人が誰かを知った日（告訴期間の起算日）',
        'The day you learned who the accused is (starts the complaint period)',
      );
    }
  }
  if (!needEvidence(context)) return;
  checkClaims(context, options?.items, 'criminalComplaint.items');
  input.evidence.forEach((item, index) => {
    need(context, item.text, `evidence.${index}.text`, `${postLabel(index)}の投稿内容`, `The text of post ${index + 1}`);
  });
}

/** The 告訴事実 of one post: when, where, what was posted, and the act the offence's article describes. */
function factOf(input: DocumentInput, item: EvidenceItem, offence: ComplaintOffence): string {
  const accused = input.criminalComplaint?.accused ? '被告訴人' : '被告訴人（氏名不詳）';
  const time = postTime(item, input.dateStyle);
  const when = time ? `${time.text}頃` : '日時不詳';
  const account = item.accountId ? `アカウント「${item.accountId}」から、` : '';
  return `${accused}は、${when}、場所不詳において、インターネット上の${PLATFORM_NAMES[item.platform]}（${item.postUrl}）に、${account}「${item.text?.trim() ?? ''}」との投稿をし、これを不特定多数の者が閲覧できる状態に置き、${COMPLAINT_WORDING[offence].act}`;
}

function periodBlocks(context: BuildContext): Block[] {
  const { input } = context;
  const options = input.criminalComplaint!;
  const offences = new Set(input.evidence.flatMap((item) => offencesOfItem(input, item)));
  const complaintNeeded = [...offences].filter((o) =>
    input.evidence.some((item) => offencesOfItem(input, item).includes(o) && offenceOf(o, item).complaintRequired),
  );
  const text: string[] = [];
  if (complaintNeeded.length === 0) {
    text.push('脅迫罪は親告罪ではなく、告訴期間（刑事訴訟法235条）の制限はありません。');
  } else if (options.knownSince) {
    const deadline = criminalComplaintDeadline(options.knownSince);
    text.push(
      `告訴人が犯人を知った日は${dateText(options.knownSince, input.dateStyle)}であり、${joinJa(complaintNeeded.map((o) => OFFENCE_NAMES[o]))}の告訴期間（刑事訴訟法235条本文：犯人を知った日から6か月。同法55条により初日は算入せず、末日が休日に当たるときは翌開庁日まで）の末日は${dateText(deadline, input.dateStyle)}です。`,
    );
    if (deadline < input.date) {
      context.warnings.push({
        code: 'document.complaint_period_passed',
        field: 'criminalComplaint.knownSince',
        message: {
          ja: `告訴期間の末日（${deadline}）を過ぎています。投稿が閲覧できる状態にある間は犯罪が継続しているとした判例（大阪高判平成16年4月22日）もあるため、弁護士に確認してください。`,
          en: `The complaint period ended on ${deadline}. A court has held that online defamation continues while the post stays up (Osaka High Court, 22 April 2004): ask a lawyer.`,
        },
      });
    }
  } else {
    text.push(
      '被告訴人は氏名不詳であり、告訴期間（刑事訴訟法235条本文：犯人を知った日から6か月）は、告訴人が犯人を知るまで進行しません。',
    );
  }
  if (complaintNeeded.length > 0) {
    text.push(
      `なお、インターネット上の名誉毀損は投稿が閲覧可能な状態にある限り継続するとした裁判例があります（${BASIS.continuingOffence.article}）。`,
    );
  }
  return text.map((line): Block => ({ kind: 'paragraph', text: [line] }));
}

/** 告訴状 (draft) for 名誉毀損・侮辱・脅迫 against the poster, identified or 氏名不詳. */
export function buildCriminalComplaint(input: DocumentInput): DocumentModel {
  const context = createContext(input);
  validate(context);
  const blocks = (): Block[] => {
    const options = input.criminalComplaint!;
    const accounts = [...new Set(input.evidence.map((item) => item.accountId).filter((a): a is string => Boolean(a)))];
    const accusedRows: { label: string; value: Inline[] }[] = options.accused
      ? [
          { label: '住所', value: [options.accused.address?.trim() || '不詳'] },
          { label: '氏名', value: [options.accused.name] },
        ]
      : [
          { label: '住所', value: ['不詳'] },
          { label: '氏名', value: ['不詳'] },
        ];
    if (accounts.length > 0) accusedRows.push({ label: 'アカウント', value: [accounts.join('、')] });
    const used = COMPLAINT_OFFENCES_ORDER.filter((o) => input.evidence.some((item) => offencesOfItem(input, item).includes(o)));
    const offenceRows = used.flatMap((o) => {
      const entries = new Map<string, Offence>();
      for (const item of input.evidence) {
        if (offencesOfItem(input, item).includes(o)) entries.set(offenceOf(o, item).id, offenceOf(o, item));
      }
      return [...entries.values()].map((entry): Inline[][] => [
        [OFFENCE_NAMES[o]],
        [COMPLAINT_WORDING[o].article],
        [entry.penalty.ja],
        [entry.complaintRequired ? '親告罪' : '非親告罪'],
      ]);
    });
    const facts = input.evidence.flatMap((item, index) =>
      offencesOfItem(input, item).map(
        (o): Block => ({ kind: 'paragraph', text: [`（${index + 1}）${factOf(input, item, o)}`] }),
      ),
    );
    const exhibits = input.evidence.flatMap((item, index) =>
      exhibitFiles(item).map(
        (file, fileIndex): Block => ({
          kind: 'paragraph',
          text: [`${index + 1}-${fileIndex + 1}\u3000${postLabel(index)}の${file.label}（${item.postUrl}）\u3000SHA-256：${file.sha256}`],
        }),
      ),
    );
    return [
      { kind: 'title', text: '告訴状（案）' },
      dateBlock(context),
      { kind: 'paragraph', text: [`${options.addressee}\u3000殿`] },
      { kind: 'heading', text: '告訴人' },
      { kind: 'fields', rows: requesterRows(context) },
      { kind: 'heading', text: '被告訴人' },
      { kind: 'fields', rows: accusedRows },
      { kind: 'heading', text: '第1\u3000告訴の趣旨' },
      {
        kind: 'paragraph',
        text: [
          `被告訴人の下記の行為は、${joinJa(used.map((o) => `${OFFENCE_NAMES[o]}（${COMPLAINT_WORDING[o].article}）`))}に該当すると思料するので、被告訴人の処罰を求め、告訴します。`,
        ],
      },
      { kind: 'heading', text: '第2\u3000告訴事実' },
      ...facts,
      { kind: 'heading', text: '第3\u3000罪名及び罰条' },
      {
        kind: 'table',
        columns: [
          { label: '罪名', width: 0.18 },
          { label: '罰条', width: 0.18 },
          { label: '法定刑', width: 0.5 },
          { label: '告訴の要否', width: 0.14 },
        ],
        rows: offenceRows,
      },
      { kind: 'heading', text: '第4\u3000告訴期間' },
      ...periodBlocks(context),
      ...(input.facts?.trim()
        ? [{ kind: 'heading', text: '第5\u3000告訴に至る経緯' } satisfies Block, ...paragraphs(input.facts)]
        : []),
      { kind: 'heading', text: input.facts?.trim() ? '第6\u3000証拠資料' : '第5\u3000証拠資料' },
      ...exhibits,
      { kind: 'paragraph', text: ['以上'], align: 'end' },
    ];
  };
  return finish(context, { kind: 'criminal-complaint', title: '告訴状（案）', font: 'serif' }, blocks);
}

const COMPLAINT_OFFENCES_ORDER: readonly ComplaintOffence[] = ['defamation', 'insult', 'threat'];
