import type { Goal } from '../../triage/answers.js';
import { categoryLabel } from '../../triage/assessment.js';
import { triage } from '../../triage/triage.js';
import type { Block, DocumentModel, Inline } from '../document-model.js';
import type { DocumentInput } from '../input.js';
import {
  PLATFORM_NAMES,
  createContext,
  dateText,
  jstDate,
  need,
  paragraphs,
  postLabel,
  postTimeText,
  requesterRows,
  type BuildContext,
} from './common.js';
import { FILE_ROLE_LABELS } from './exhibits.js';
import { finish } from './finish.js';

/** What the victim wants, from the Guide's goals, when they did not write it in their own words. */
export const GOAL_LABELS: Readonly<Record<Goal, string>> = {
  delete: '投稿を削除したい',
  identify: '投稿者を特定したい',
  compensation: '損害賠償（慰謝料）を請求したい',
  punish: '投稿者の処罰を求めたい（告訴）',
  stop: '嫌がらせをやめさせたい',
  advice: '対応について助言がほしい',
  support: '気持ちの支えがほしい',
};

const STATUS_LABELS = { ok: '', soon: '（間近）', passed: '（経過）' } as const;

function validate(context: BuildContext): void {
  const { input } = context;
  need(context, input.requester.name, 'requester.name', '相談者の氏名', "The victim's name");
  need(context, input.facts, 'facts', '事実の概要', 'The facts');
  if (!input.wishes?.trim() && !(input.triage && input.triage.goals.length > 0)) {
    need(context, input.wishes, 'wishes', '相談者の希望', 'What the victim wants');
  }
}

/** Case summary for a lawyer: facts, timeline, evidence with hashes, the Guide's assessment, deadlines, wishes. */
export function buildCaseSummary(input: DocumentInput): DocumentModel {
  const context = createContext(input);
  validate(context);
  const blocks = (): Block[] => {
    const style = input.dateStyle;
    const result = input.triage ? triage({ ...input.triage, asOf: input.date }, { locale: 'ja' }) : undefined;
    const head: { label: string; value: Inline[] }[] = [];
    if (input.caseNumber?.trim()) head.push({ label: '事件番号', value: [input.caseNumber.trim()] });
    head.push({ label: '作成日', value: [dateText(input.date, style)] });
    if (input.caseSummary?.preparedBy?.trim()) head.push({ label: '作成者', value: [input.caseSummary.preparedBy.trim()] });

    const events: { date: string; text: string }[] = [
      ...input.evidence.flatMap((item, index) => {
        const posted = item.postedAt?.iso ? jstDate(item.postedAt.iso) : undefined;
        const captured = jstDate(item.capturedAt);
        return [
          ...(posted ? [{ date: posted, text: `${postLabel(index)}が${PLATFORM_NAMES[item.platform]}に投稿される` }] : []),
          ...(captured ? [{ date: captured, text: `${postLabel(index)}を保全（証拠化）` }] : []),
        ];
      }),
      ...(input.caseSummary?.timeline ?? []),
    ];
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

    const evidenceRows = input.evidence.flatMap((item, index) => {
      const post = [
        `${postLabel(index)}\u3000${PLATFORM_NAMES[item.platform]}`,
        item.postUrl,
        item.accountId ? `アカウント ${item.accountId}` : undefined,
        postTimeText(item, style) ? `投稿日時 ${postTimeText(item, style)}` : undefined,
      ]
        .filter(Boolean)
        .join('\n');
      const files = item.files.length > 0 ? item.files : [undefined];
      return files.map((file, fileIndex): Inline[][] => [
        [fileIndex === 0 ? post : ''],
        [file ? `${FILE_ROLE_LABELS[file.role]}（${file.name}）` : 'ファイルなし'],
        [file?.sha256 ?? ''],
      ]);
    });

    const assessment: Block[] = result
      ? result.assessment.map(
          (a): Block => ({
            kind: 'fields',
            rows: [
              { label: '類型', value: [`${a.label}（${a.likelihood === 'likely' ? '該当する可能性が高い' : '該当する可能性がある'}）`] },
              { label: '民事・刑事', value: [[a.civil && '民事', a.criminal && '刑事'].filter(Boolean).join('・')] },
              ...(a.penalty ? [{ label: '法定刑', value: [a.penalty] }] : []),
              { label: '根拠', value: [a.basis.map((b) => `${b.law}${b.article}`).join('、')] },
            ],
          }),
        )
      : (input.categories ?? []).map((c): Block => ({ kind: 'paragraph', text: [`・${categoryLabel(c, 'ja')}`] }));

    const deadlineRows: Inline[][][] = result
      ? [
          ...result.deadlines.map((d): Inline[][] => [
            [d.label],
            [`${dateText(d.date, style)}${STATUS_LABELS[d.status]}`],
            [d.basis.map((b) => `${b.law}${b.article}`).join('、')],
          ]),
          ...result.pendingDeadlines.map((d): Inline[][] => [[d.label], [`未確定：${d.needs}`], ['']]),
        ]
      : [];

    const wishes = input.wishes?.trim()
      ? paragraphs(input.wishes)
      : (input.triage?.goals ?? []).map((g): Block => ({ kind: 'paragraph', text: [`・${GOAL_LABELS[g]}`] }));

    return [
      { kind: 'title', text: '相談事案の概要（弁護士向け）' },
      { kind: 'fields', rows: head },
      { kind: 'heading', text: '相談者' },
      { kind: 'fields', rows: requesterRows(context).map((row) => ({ label: row.label, value: row.value.filter((v) => v !== '\u3000印') })) },
      { kind: 'heading', text: '事実の概要' },
      ...paragraphs(input.facts ?? ''),
      { kind: 'heading', text: '相談者の希望' },
      ...wishes,
      { kind: 'heading', text: '経過' },
      {
        kind: 'table',
        columns: [
          { label: '日付', width: 0.25 },
          { label: '出来事', width: 0.75 },
        ],
        rows: events.map((e) => [[dateText(e.date, style)], [e.text]]),
      },
      { kind: 'heading', text: '証拠一覧（SHA-256 は保全時のファイルのハッシュ値）' },
      {
        kind: 'table',
        columns: [
          { label: '投稿', width: 0.4 },
          { label: 'ファイル', width: 0.25 },
          { label: 'SHA-256', width: 0.35 },
        ],
        rows: evidenceRows,
      },
      { kind: 'heading', text: '法的評価（みまもるガイドによる目安）' },
      ...(assessment.length > 0 ? assessment : [{ kind: 'paragraph', text: ['ガイドの回答がありません。'] } satisfies Block]),
      { kind: 'heading', text: '期限' },
      ...(deadlineRows.length > 0
        ? [
            {
              kind: 'table',
              columns: [
                { label: '期限', width: 0.35 },
                { label: '日付', width: 0.25 },
                { label: '根拠', width: 0.4 },
              ],
              rows: deadlineRows,
            } satisfies Block,
          ]
        : [{ kind: 'paragraph', text: ['ガイドの回答がないため、期限は計算していません。'] } satisfies Block]),
      ...(result ? [{ kind: 'paragraph', text: [result.disclaimer] } satisfies Block] : []),
    ];
  };
  return finish(context, { kind: 'case-summary', title: '相談事案の概要', font: 'sans' }, blocks);
}
