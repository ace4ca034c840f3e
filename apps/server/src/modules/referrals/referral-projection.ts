import type { CaseParty, ReferralSection, ReferredCase, StaffCase } from '@mimamoru/contracts';

/**
 * The part of a case a referral shares: each section only if chosen, as an absent key otherwise
 * (never null, never an empty stand-in), so what is not shared is not in the answer at all. Case
 * number and stage always; deadlines belong to `guide`. Internal notes, tasks, assignment, priority
 * and the Guide's raw answers (which hold the victim's circumstances) are never part of it.
 */
export function projectReferredCase(
  staffCase: StaffCase,
  shares: ReadonlySet<ReferralSection>,
  parties: readonly CaseParty[],
): ReferredCase {
  const { intake } = staffCase;
  return {
    caseNumber: staffCase.caseNumber,
    stage: staffCase.stage,
    ...(shares.has('narrative')
      ? {
          narrative: {
            text: intake.narrative,
            ...(intake.happenedAt ? { happenedAt: intake.happenedAt } : {}),
          },
        }
      : {}),
    ...(shares.has('posts') ? { posts: { platforms: intake.platforms, postUrls: intake.postUrls } } : {}),
    ...(shares.has('guide')
      ? {
          guide: {
            result: staffCase.guide,
            deadlines: staffCase.deadlines,
            offenderKnownSince: staffCase.offenderKnownSince,
          },
        }
      : {}),
    ...(shares.has('attachments') ? { attachments: staffCase.attachments } : {}),
    ...(shares.has('messages') ? { messages: staffCase.messages } : {}),
    ...(shares.has('contact')
      ? {
          contact: {
            ...(intake.name ? { name: intake.name } : {}),
            channel: intake.contact.channel,
            ...(intake.contact.email ? { email: intake.contact.email } : {}),
            ...(intake.contact.phone ? { phone: intake.contact.phone } : {}),
            ...(intake.contact.notes ? { notes: intake.contact.notes } : {}),
          },
        }
      : {}),
    ...(shares.has('parties')
      ? {
          parties: parties.map((p) => ({
            id: p.id,
            role: p.role,
            kind: p.kind,
            value: p.value,
            normalized: p.normalized,
          })),
        }
      : {}),
    ...(shares.has('timeline')
      ? {
          timeline: staffCase.events.map((e) => ({
            id: e.id,
            type: e.type,
            detail: e.detail,
            createdAt: e.createdAt,
          })),
        }
      : {}),
  };
}
