import {
  DISCLOSURE_TRANSITIONS,
  nextTargetState,
  platformForPost,
  TAKEDOWN_TRANSITIONS,
  type DisclosureState,
  type Platform,
  type TakedownState,
} from '@mimamoru/core';
import type { PostTarget, PostTargetCreate, PostTargetList, PostTargetMove } from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import { casesRepository, type CaseRow, type Db } from '../intake/intake.repository.js';
import { newSortableId } from '../intake/sortable-id.js';
import { recordEvent, type WriteContext } from './case-workflow.js';
import { caseScope, inScope, type CaseViewer } from './case-scope.js';
import { createCaseNotFoundError, createWithdrawnError } from './cases.errors.js';
import {
  createTargetDuplicateError,
  createTargetNotFoundError,
  createTargetStaleError,
  createTargetTransitionForbiddenError,
} from './post-targets.errors.js';
import { postTargetsRepository, type TargetRow } from './post-targets.repository.js';

/** The staff member acting: role and team decide which cases they see; IP hash computed before any transaction. */
export interface TargetActor extends CaseViewer {
  readonly id: string;
  readonly ipHash: string | null;
}

export interface PostTargetsServiceDeps {
  readonly db: Kysely<Database>;
  readonly sealer: CaseSealer;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
  /** Keyed hash (lookup-key.ts) of a normalised URL: one row per post and case without reading URLs. */
  readonly hashUrl: (url: string) => Promise<string>;
}

interface Candidate {
  readonly url: string;
  readonly hash: string;
  readonly platform: Platform;
}

/** The form of a URL its hash is taken from: WHATWG-serialised (host lower-cased, default port dropped). */
function normalizeUrl(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
}

const isWithdrawn = (row: CaseRow) => row.stage === 'withdrawn' || row.status === 'withdrawn';

/**
 * The offending posts of a case, each on a takedown and a disclosure track (core post-targets).
 * Rows for the intake's post URLs are created lazily and idempotently whenever staff list or change
 * the posts of a case (GET /targets, which the case page calls when it opens), so cases nobody
 * opened cost nothing and a URL is never tracked twice.
 */
export function createPostTargetsService({ db, sealer, audit, clock, hashUrl }: PostTargetsServiceDeps) {
  /** The case if the actor may see it: 404 when unknown, outside their scope or (for reads) erased. */
  async function visibleCase(trx: Db, id: string, actor: CaseViewer, forWrite: boolean): Promise<CaseRow> {
    const row = await casesRepository.findById(trx, id);
    if (!row || !inScope(caseScope(actor), row)) throw createCaseNotFoundError();
    if (isWithdrawn(row)) throw forWrite ? createWithdrawnError() : createCaseNotFoundError();
    return row;
  }

  /** The intake's post URLs with their hashes and platforms (hashing may write its key: outside transactions). */
  async function intakeCandidates(row: CaseRow): Promise<Candidate[]> {
    const json = sealer.openOptional('cases', 'post_urls_sealed', row.id, row.post_urls_sealed);
    const urls = json ? (JSON.parse(json) as string[]) : [];
    const platforms = row.platforms ? (JSON.parse(row.platforms) as Platform[]) : [];
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const url of urls) {
      const hash = await hashUrl(normalizeUrl(url));
      if (seen.has(hash)) continue;
      seen.add(hash);
      out.push({ url, hash, platform: platformForPost(url, platforms) });
    }
    return out;
  }

  /** Inserts the candidates the case does not track yet (intake ones have no `addedBy`). */
  async function insertTargets(
    trx: Db,
    caseId: string,
    candidates: readonly Candidate[],
    addedBy: string | null,
  ): Promise<string[]> {
    const existing = await postTargetsRepository.urlHashes(trx, caseId);
    const now = clock();
    const rows = candidates
      .filter((c) => !existing.has(c.hash))
      .map((c) => {
        const id = newSortableId(now.getTime());
        return {
          id,
          case_id: caseId,
          url_sealed: sealer.seal('case_post_targets', 'url_sealed', id, c.url),
          url_hash: c.hash,
          platform: c.platform,
          takedown_state: 'pending',
          disclosure_state: 'pending',
          added_by: addedBy,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
          version: 1,
        };
      });
    await postTargetsRepository.insertMissing(trx, rows);
    return rows.map((row) => row.id);
  }

  function auditLine(
    trx: Db,
    actor: TargetActor,
    action: string,
    caseId: string,
    detail?: Record<string, string | number | boolean | null>,
  ) {
    return audit.record(
      {
        actorType: 'staff',
        actorId: actor.id,
        action,
        targetType: 'case',
        targetId: caseId,
        ipHash: actor.ipHash,
        ...(detail ? { detail } : {}),
      },
      trx,
    );
  }

  function present(row: TargetRow): PostTarget {
    const takedown = row.takedown_state as TakedownState;
    const disclosure = row.disclosure_state as DisclosureState;
    return {
      id: row.id,
      url: sealer.openOptional('case_post_targets', 'url_sealed', row.id, row.url_sealed) ?? '',
      platform: row.platform as Platform,
      takedown,
      disclosure,
      next: {
        takedown: [...TAKEDOWN_TRANSITIONS[takedown]],
        disclosure: [...DISCLOSURE_TRANSITIONS[disclosure]],
      },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    };
  }

  async function list(caseId: string): Promise<PostTargetList> {
    return { targets: (await postTargetsRepository.listByCase(db, caseId)).map(present) };
  }

  /** Runs a change on the posts of a case in one transaction, after the intake's posts are tracked. */
  async function change(
    caseId: string,
    actor: TargetActor,
    run: (trx: Db, ctx: WriteContext) => Promise<void>,
  ): Promise<PostTargetList> {
    const before = await visibleCase(db, caseId, actor, true);
    const candidates = await intakeCandidates(before);
    await db.transaction().execute(async (trx) => {
      await visibleCase(trx, caseId, actor, true);
      await insertTargets(trx, caseId, candidates, null);
      await run(trx, { trx, sealer, now: clock(), actorId: actor.id });
    });
    return list(caseId);
  }

  return {
    /** The posts of a case (creating the intake's on first use); every listing is audited. */
    async listTargets({ caseId, actor }: { caseId: string; actor: TargetActor }): Promise<PostTargetList> {
      const row = await visibleCase(db, caseId, actor, false);
      const candidates = await intakeCandidates(row);
      await db.transaction().execute(async (trx) => {
        await visibleCase(trx, caseId, actor, false);
        const created = await insertTargets(trx, caseId, candidates, null);
        await auditLine(trx, actor, 'cases.targets_viewed', caseId, { created: created.length });
      });
      return list(caseId);
    },

    /** Tracks another offending post (409 when the case already tracks that URL). */
    async addTarget({
      caseId,
      input,
      actor,
    }: {
      caseId: string;
      input: PostTargetCreate;
      actor: TargetActor;
    }): Promise<PostTargetList> {
      const hash = await hashUrl(normalizeUrl(input.url));
      return change(caseId, actor, async (trx, ctx) => {
        if ((await postTargetsRepository.urlHashes(trx, caseId)).has(hash))
          throw createTargetDuplicateError();
        const [targetId = ''] = await insertTargets(
          trx,
          caseId,
          [{ url: input.url, hash, platform: input.platform }],
          actor.id,
        );
        await recordEvent(ctx, caseId, 'target-added', { targetId, platform: input.platform });
        await auditLine(trx, actor, 'cases.target_added', caseId, { targetId, platform: input.platform });
      });
    },

    /**
     * Moves one track of a post (core nextTargetState): 404 unknown post, 409 stale `version`, 409
     * forbidden move naming from → to. The timeline and the audit log record it.
     */
    async moveTarget({
      caseId,
      targetId,
      move,
      actor,
    }: {
      caseId: string;
      targetId: string;
      move: PostTargetMove;
      actor: TargetActor;
    }): Promise<PostTargetList> {
      return change(caseId, actor, async (trx, ctx) => {
        const target = await postTargetsRepository.find(trx, caseId, targetId);
        if (!target) throw createTargetNotFoundError();
        if (target.version !== move.version) throw createTargetStaleError();
        const from = move.track === 'takedown' ? target.takedown_state : target.disclosure_state;
        const result =
          move.track === 'takedown'
            ? nextTargetState('takedown', from as TakedownState, move.to)
            : nextTargetState('disclosure', from as DisclosureState, move.to);
        if (!result.ok) throw createTargetTransitionForbiddenError(move.track, from, move.to);
        const updated = await postTargetsRepository.updateIfVersion(trx, target.id, target.version, {
          ...(move.track === 'takedown'
            ? { takedown_state: result.state }
            : { disclosure_state: result.state }),
          updated_at: ctx.now.toISOString(),
        });
        if (!updated) throw createTargetStaleError();
        const detail = { targetId, track: move.track, from, to: result.state };
        await recordEvent(ctx, caseId, 'target-changed', detail);
        await auditLine(trx, actor, 'cases.target_changed', caseId, detail);
      });
    },
  };
}

export type PostTargetsService = ReturnType<typeof createPostTargetsService>;
