import type { ConsultationRequest, PostTargetMove } from '@mimamoru/contracts';
import {
  PRIVACY_POLICY_VERSION,
  type Fact,
  type IntakeChannel,
  type Platform,
  type WorkflowStage,
} from '@mimamoru/core';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { createContainer } from '../../apps/server/src/container.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Consultations received per week, oldest week first (the last is the current week). */
const PER_WEEK = [3, 5, 4, 6, 8, 5, 7, 9, 6, 4] as const;

interface Kind {
  readonly platforms: readonly Platform[];
  readonly facts?: readonly Fact[];
  readonly channel: IntakeChannel;
  /** Hours to the first reply (none: not answered). */
  readonly replyAfter?: number;
  /** Stages moved through after the reply. */
  readonly path: readonly WorkflowStage[];
  /** Post outcomes: takedown ends removed or refused; disclosure ends identified. */
  readonly post?: 'removed' | 'refused' | 'identified';
}

/** Kinds of consultation, used in turn: a plausible mix of platforms, harms, channels and outcomes. */
const KINDS: readonly Kind[] = [
  {
    platforms: ['x'],
    facts: ['name-calling'],
    channel: 'web',
    replyAfter: 2,
    path: ['deletion-requested', 'resolved'],
    post: 'removed',
  },
  {
    platforms: ['5ch'],
    facts: ['reputation-facts'],
    channel: 'web',
    replyAfter: 5,
    path: ['deletion-requested'],
    post: 'refused',
  },
  {
    platforms: ['instagram'],
    facts: ['impersonation', 'face-photo'],
    channel: 'web',
    replyAfter: 1,
    path: ['deletion-requested', 'resolved'],
    post: 'removed',
  },
  {
    platforms: ['x'],
    facts: ['threat-life', 'personal-info'],
    channel: 'phone',
    replyAfter: 0.5,
    path: ['criminal-complaint'],
  },
  {
    platforms: ['google-maps'],
    facts: ['reputation-facts', 'business-attack'],
    channel: 'web',
    replyAfter: 9,
    path: ['disclosure-requested', 'negotiation', 'resolved'],
    post: 'identified',
  },
  {
    platforms: ['youtube', 'x'],
    facts: ['name-calling', 'identity-attack'],
    channel: 'web',
    replyAfter: 20,
    path: [],
  },
  { platforms: ['tiktok'], facts: ['face-photo'], channel: 'email', replyAfter: 3, path: ['resolved'] },
  {
    platforms: ['x'],
    channel: 'web',
    replyAfter: 30,
    path: ['disclosure-requested', 'litigation'],
    post: 'identified',
  },
  {
    platforms: ['line'],
    facts: ['repeated-contact', 'threat-other'],
    channel: 'phone',
    replyAfter: 4,
    path: ['closed'],
  },
  {
    platforms: ['blog'],
    facts: ['sexual-images'],
    channel: 'web',
    replyAfter: 1.5,
    path: ['deletion-requested', 'resolved'],
    post: 'removed',
  },
  {
    platforms: ['x', 'instagram'],
    facts: ['name-calling', 'personal-info'],
    channel: 'web',
    replyAfter: 12,
    path: [],
  },
  { platforms: ['5ch'], channel: 'web', replyAfter: 26, path: ['closed'] },
];

/** The Monday 00:00 (Japan time) of the week `weeksBack` weeks before the current one. */
function weekStart(now: Date, weeksBack: number): number {
  const tokyo = new Date(now.getTime() + 9 * HOUR);
  const daysSinceMonday = (tokyo.getUTCDay() + 6) % 7;
  const monday = Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate() - daysSinceMonday);
  return monday - 9 * HOUR - weeksBack * 7 * DAY;
}

/**
 * Consultations of the last ten weeks, for the statistics page's screenshot and journey: received at
 * known times through the server's own services (same SQLite file and master key as the running
 * server, as case-store.ts does), answered, moved through stages and per-post results. Returns how
 * many consultations it created.
 */
export async function seedStatsHistory(
  server: { readonly dataDir: string },
  env: Readonly<Record<string, string>>,
): Promise<number> {
  const realNow = new Date();
  let now = realNow;
  const config = loadConfig({
    ...env,
    MIMAMORU_DATA_DIR: server.dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  });
  const container = createContainer(config, { clock: () => now });
  const { services } = container;
  let created = 0;
  try {
    const staff = await services.staff.createAccount({
      email: `stats-seed-${realNow.getTime()}@mimamoru.test`,
      role: 'admin',
      displayName: '統計 用',
      actor: { type: 'system', id: null },
    });
    const actor = { id: staff.account.id, role: 'admin' as const, teamId: null, ipHash: null };
    let turn = 0;
    for (const [index, count] of PER_WEEK.entries()) {
      const monday = weekStart(realNow, PER_WEEK.length - 1 - index);
      for (let n = 0; n < count; n++) {
        const kind = KINDS[turn++ % KINDS.length]!;
        // Spread over the week, at hours people write (09:00 to 23:00 Japan time).
        const receivedAt = monday + ((n * 5 + index) % 7) * DAY + (9 + ((n * 7 + index * 3) % 14)) * HOUR;
        if (receivedAt > realNow.getTime() - HOUR) continue;
        now = new Date(receivedAt);
        const postUrl = `https://example.com/${kind.platforms[0]}/posts/${index}-${n}`;
        const request: ConsultationRequest = {
          narrative: 'SNSで繰り返し書き込みをされています。',
          platforms: [...kind.platforms],
          postUrls: [postUrl],
          goals: ['delete'],
          contact: { channel: 'in-app' },
          consent: { privacyPolicyVersion: PRIVACY_POLICY_VERSION, accepted: true },
          locale: 'ja',
          ...(kind.facts
            ? {
                triage: {
                  facts: [...kind.facts],
                  identifiable: 'real-name',
                  platforms: [...kind.platforms],
                  goals: ['delete'],
                },
              }
            : {}),
        };
        const { id } = await services.intake.openCase({
          request,
          files: [],
          locale: 'ja',
          intakeChannel: kind.channel,
          teamId: 'default',
          openedBy: kind.channel === 'web' ? null : staff.account.id,
        });
        created++;
        if (kind.replyAfter === undefined) continue;
        const repliedAt = receivedAt + kind.replyAfter * HOUR;
        if (repliedAt > realNow.getTime()) continue;
        now = new Date(repliedAt);
        await services.consultantReplies.postConsultantReply({
          caseId: id,
          body: 'ご相談ありがとうございます。担当の相談員です。',
          awaitingVictim: false,
        });
        let version = (await services.cases.viewCase({ id, actor, locale: 'ja' })).version;
        for (const [step, to] of kind.path.entries()) {
          const at = repliedAt + (step + 1) * 2 * DAY;
          if (at > realNow.getTime()) break;
          now = new Date(at);
          version = (await services.cases.moveStage({ id, to, version, actor, locale: 'ja' })).version;
          if (to === 'deletion-requested' || to === 'disclosure-requested') {
            const { targets } = await services.postTargets.listTargets({ caseId: id, actor });
            const target = targets[0];
            if (!target || !kind.post) continue;
            const moves: Omit<PostTargetMove, 'version'>[] =
              kind.post === 'identified'
                ? [
                    { track: 'disclosure', to: 'disclosure-requested' },
                    { track: 'disclosure', to: 'ip-disclosed' },
                    { track: 'disclosure', to: 'identified' },
                  ]
                : [
                    { track: 'takedown', to: 'takedown-requested' },
                    { track: 'takedown', to: kind.post },
                  ];
            let targetVersion = target.version;
            for (const move of moves) {
              const list = await services.postTargets.moveTarget({
                caseId: id,
                targetId: target.id,
                move: { ...move, version: targetVersion } as PostTargetMove,
                actor,
              });
              targetVersion = list.targets.find((t) => t.id === target.id)!.version;
            }
          }
        }
      }
    }
  } finally {
    await container.close();
  }
  return created;
}
