import type { Localized } from '../i18n/locale.js';
import {
  addDays,
  addMonths,
  civilLimitationDate,
  criminalComplaintDeadline,
  shiftMonths,
} from '../law/dates.js';
import { BASIS, LAW_URLS } from '../law/offences.js';
import type { LegalBasis } from '../law/source.js';
import type { Platform } from '../triage/answers.js';
import { LOG_DANGER_MONTHS } from '../triage/deadlines.js';
import { DESIGNATED_PLATFORMS } from '../triage/steps.js';
import type { WorkflowStage } from './workflow.js';

/** A task created when a case enters a stage. */
export interface StageTask {
  /** Stable id, `<stage>.<task>[.<platform>]`, so re-entering a stage can skip tasks that already exist. */
  readonly id: string;
  readonly title: Localized;
  /** Last day (YYYY-MM-DD, Japan) the task should be done. */
  readonly dueOn: string;
  readonly basis?: LegalBasis;
}

export interface StageTaskContext {
  /** Day the case entered the stage (YYYY-MM-DD, Japan). */
  readonly enteredOn: string;
  /** Platforms of the offending posts. */
  readonly platforms: readonly Platform[];
  /** Day of the (first) offending post. */
  readonly postedAt?: string;
  /** Day the victim learned who the poster is; starts the 告訴期間 and the 3-year limitation. */
  readonly offenderKnownSince?: string;
}

/** Working intervals in days (practice, not law; DOMAIN.md §3.4–§3.5, §6.3). */
export const TASK_DAYS = {
  /** 情プラ法25条: designated providers answer within the 総務省令 period, 7 days per all secondary sources. */
  designatedPlatformAnswer: 7,
  /** Other providers: 7-day 意見照会 of the poster (法3条2項2号) plus handling. */
  otherPlatformAnswer: 14,
  /** The 提供命令 is filed together with the 開示命令 against the site, within days of deciding. */
  fileProvisionOrder: 3,
  /** The site names the access provider 1 week – 2 months after the 提供命令: chase after 2 weeks. */
  chaseAccessProviderName: 14,
  /** Follow-up on a 内容証明 demand when the poster has not answered. */
  demandFollowUp: 14,
  firstLook: 1,
  agreePlan: 3,
  preserveEvidence: 3,
  recordCourtSchedule: 7,
  recordKnownSince: 7,
  /** Ask the police whether the 告訴 was accepted (受理). */
  complaintAccepted: 30,
  confirmOutcome: 7,
} as const;

const LOG_RETENTION_MOBILE_MONTHS = 3;

const PLATFORM_NAMES: Readonly<Record<Platform, Localized>> = {
  x: { ja: 'X', en: 'X' },
  instagram: { ja: 'Instagram', en: 'Instagram' },
  facebook: { ja: 'Facebook', en: 'Facebook' },
  threads: { ja: 'Threads', en: 'Threads' },
  youtube: { ja: 'YouTube', en: 'YouTube' },
  tiktok: { ja: 'TikTok', en: 'TikTok' },
  line: { ja: 'LINE（オープンチャット・VOOM）', en: 'LINE (OpenChat, VOOM)' },
  '5ch': { ja: '5ちゃんねる', en: '5channel' },
  'google-maps': { ja: 'Googleマップ', en: 'Google Maps' },
  note: { ja: 'note', en: 'note' },
  'yahoo-chiebukuro': { ja: 'Yahoo!知恵袋', en: 'Yahoo! Chiebukuro' },
  ameba: { ja: 'Amebaブログ', en: 'Ameba Blog' },
  blog: { ja: 'ブログ', en: 'the blog' },
  other: { ja: 'その他のサイト', en: 'the other site' },
};

const JOUHOU_PLATFORM_15: LegalBasis = {
  law: '情報流通プラットフォーム対処法',
  article: '15条1項（提供命令）',
  source: LAW_URLS.jouhouPlatform,
};
const JOUHOU_PLATFORM_16: LegalBasis = {
  law: '情報流通プラットフォーム対処法',
  article: '16条（消去禁止命令）',
  source: LAW_URLS.jouhouPlatform,
};

type TaskBuilder = (context: StageTaskContext) => StageTask[];

function deletionTasks({ enteredOn, platforms }: StageTaskContext): StageTask[] {
  return [...new Set(platforms)].map((platform): StageTask => {
    const name = PLATFORM_NAMES[platform];
    if (DESIGNATED_PLATFORMS.has(platform)) {
      return {
        id: `deletion-requested.check-platform-answer.${platform}`,
        title: {
          ja: `${name.ja}の削除申出への回答を確認する（情プラ法の指定事業者：7日以内に判断・通知）`,
          en: `Check ${name.en}'s answer to the deletion request (designated provider: decides and notifies within 7 days)`,
        },
        dueOn: addDays(enteredOn, TASK_DAYS.designatedPlatformAnswer),
        basis: BASIS.jouhouPlatform25,
      };
    }
    return {
      id: `deletion-requested.check-site-answer.${platform}`,
      title: {
        ja: `${name.ja}の削除依頼への対応を確認する（指定事業者ではないため回答期限なし。削除されなければ仮処分を検討）`,
        en: `Check whether ${name.en} acted on the deletion request (not designated, so no answer deadline; consider a 仮処分 if not removed)`,
      },
      dueOn: addDays(enteredOn, TASK_DAYS.otherPlatformAnswer),
    };
  });
}

function disclosureTasks({ enteredOn, postedAt, offenderKnownSince }: StageTaskContext): StageTask[] {
  const tasks: StageTask[] = [
    {
      id: 'disclosure-requested.file-provision-order',
      title: {
        ja: 'サイト運営者への発信者情報開示命令と一緒に提供命令を申し立てる',
        en: 'File the 提供命令 (provision order) together with the 開示命令 against the site',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.fileProvisionOrder),
      basis: JOUHOU_PLATFORM_15,
    },
    {
      id: 'disclosure-requested.chase-access-provider-name',
      title: {
        ja: 'サイト運営者からアクセスプロバイダの名称・住所が届いたか確認し、届いたらプロバイダへの開示命令を申し立てる',
        en: 'Check that the site has named the access provider; then file the 開示命令 against the access provider',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.chaseAccessProviderName),
      basis: BASIS.kaijiMeirei,
    },
  ];
  if (!offenderKnownSince) {
    // Mobile carriers keep logs about 3 months from the post (DOMAIN.md §5); without a post date, act within a week.
    const logsUntil = postedAt ? addMonths(postedAt, LOG_RETENTION_MOBILE_MONTHS) : undefined;
    tasks.push({
      id: 'disclosure-requested.confirm-log-preservation',
      title: {
        ja: 'アクセスプロバイダが通信記録（ログ）を保存しているか確認する（任意の保存依頼、必要なら消去禁止命令）。携帯回線のログは投稿から約3か月で消えることが多い',
        en: 'Confirm the access provider is preserving the logs (voluntary preservation request, or an erasure-prohibition order); mobile carriers often delete them about 3 months after the post',
      },
      dueOn:
        logsUntil && logsUntil > enteredOn ? logsUntil : addDays(enteredOn, TASK_DAYS.fileProvisionOrder),
      basis: JOUHOU_PLATFORM_16,
    });
  }
  return tasks;
}

function criminalComplaintTasks({ enteredOn, offenderKnownSince }: StageTaskContext): StageTask[] {
  const fileTask: StageTask = offenderKnownSince
    ? {
        id: 'criminal-complaint.file-complaint',
        title: {
          ja: '告訴状を提出する（親告罪の告訴期間：犯人を知った日から6か月）',
          en: 'File the criminal complaint (告訴); for offences prosecuted only on complaint, within 6 months of knowing the offender',
        },
        dueOn: criminalComplaintDeadline(offenderKnownSince),
        basis: BASIS.keiso235,
      }
    : {
        id: 'criminal-complaint.record-offender-known-date',
        title: {
          ja: '投稿者を知った日を記録する（告訴期間の計算に必要。投稿者が不明なら被害届・告訴は「氏名不詳者」で）',
          en: 'Record the day the poster became known (needed for the complaint deadline; if unknown, file against a person unknown)',
        },
        dueOn: addDays(enteredOn, TASK_DAYS.recordKnownSince),
      };
  return [
    fileTask,
    {
      id: 'criminal-complaint.confirm-acceptance',
      title: {
        ja: '警察に告訴が受理されたか確認する',
        en: 'Ask the police whether the complaint has been accepted (受理)',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.complaintAccepted),
    },
  ];
}

function civilLimitationTask(stage: WorkflowStage, knownSince: string | undefined): StageTask[] {
  if (!knownSince) return [];
  return [
    {
      id: `${stage}.civil-limitation`,
      title: {
        ja: '損害賠償請求の時効（加害者を知った時から3年）までに訴訟を提起するか和解する',
        en: 'Sue or settle before the 3-year limitation for damages (from knowing the wrongdoer) runs out',
      },
      dueOn: civilLimitationDate(knownSince),
      basis: BASIS.minpou724,
    },
  ];
}

const BUILDERS = {
  new: ({ enteredOn }) => [
    {
      id: 'new.first-look',
      title: {
        ja: '相談内容とトリアージ結果を確認し、24時間以内に最初の返信をする',
        en: 'Read the intake and triage result and send the first reply within 24 hours',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.firstLook),
    },
  ],
  triaged: ({ enteredOn }) => [
    {
      id: 'triaged.agree-plan',
      title: {
        ja: '相談者と目標（削除・特定・賠償・処罰）と方針を決める',
        en: 'Agree the goals (deletion, identification, damages, punishment) and the plan with the victim',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.agreePlan),
    },
  ],
  'in-progress': ({ enteredOn, postedAt, offenderKnownSince }) => [
    {
      id: 'in-progress.preserve-evidence',
      title: {
        ja: '証拠を保全する（URL・投稿日時・投稿者アカウントが分かるスクリーンショットやPDF）',
        en: 'Preserve the evidence (screenshots or PDFs showing the URL, post time and account)',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.preserveEvidence),
      basis: BASIS.evidence,
    },
    ...(postedAt && !offenderKnownSince
      ? [
          {
            id: 'in-progress.decide-on-identification',
            title: {
              ja: '投稿者の特定（開示命令）を求めるか決める：投稿から2か月を過ぎるとログが消える危険が高い',
              en: 'Decide whether to identify the poster (disclosure order): logs are at risk from 2 months after the post',
            },
            dueOn: maxDate(shiftMonths(postedAt, LOG_DANGER_MONTHS), enteredOn),
            basis: BASIS.logRetention,
          },
        ]
      : []),
  ],
  'deletion-requested': deletionTasks,
  'disclosure-requested': disclosureTasks,
  negotiation: ({ enteredOn, offenderKnownSince }) => [
    {
      id: 'negotiation.demand-follow-up',
      title: {
        ja: '内容証明郵便への回答を確認し、回答がなければ次の手段（訴訟など）を検討する',
        en: 'Follow up on the 内容証明 demand letter; if there is no answer, consider the next step (e.g. a suit)',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.demandFollowUp),
    },
    ...civilLimitationTask('negotiation', offenderKnownSince),
  ],
  litigation: ({ enteredOn, offenderKnownSince }) => [
    {
      id: 'litigation.record-court-schedule',
      title: {
        ja: '裁判所の期日と提出期限を記録する',
        en: 'Record the court hearing dates and filing deadlines',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.recordCourtSchedule),
    },
    ...civilLimitationTask('litigation', offenderKnownSince),
  ],
  'criminal-complaint': criminalComplaintTasks,
  resolved: ({ enteredOn }) => [
    {
      id: 'resolved.confirm-outcome',
      title: {
        ja: '結果（削除・特定・和解など）を相談者と確認し、記録する',
        en: 'Confirm the outcome (removed, identified, settled …) with the victim and record it',
      },
      dueOn: addDays(enteredOn, TASK_DAYS.confirmOutcome),
    },
  ],
  closed: () => [],
  withdrawn: () => [],
} satisfies Record<WorkflowStage, TaskBuilder>;

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The standard tasks, with due dates, that entering `stage` creates. Pure: same input, same tasks. */
export function tasksForStage(stage: WorkflowStage, context: StageTaskContext): StageTask[] {
  const builder: TaskBuilder = BUILDERS[stage];
  return builder(context);
}
