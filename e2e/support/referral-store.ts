import type { LawyerProfileRequest } from '@mimamoru/contracts';
import { loadConfig } from '../../apps/server/src/config/config.js';
import { createContainer, type Container } from '../../apps/server/src/container.js';

/**
 * Referral fixtures for journeys and screenshots, written with the server's own services from the test
 * process (same SQLite file and master key as the spawned server; there are no test-only routes).
 */
async function withServices<T>(
  server: { readonly dataDir: string },
  env: Readonly<Record<string, string>>,
  run: (container: Container) => Promise<T>,
): Promise<T> {
  const config = loadConfig({
    ...env,
    MIMAMORU_DATA_DIR: server.dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  });
  const container = createContainer(config);
  try {
    return await run(container);
  } finally {
    await container.close();
  }
}

/**
 * Runs one write again when SQLite answers SQLITE_BUSY: the spawned server may be writing at the same
 * moment (in WAL mode a deferred transaction fails at once when another connection committed first).
 */
async function retryBusy<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** An admin acting through the services (the first admin account). */
async function adminActor(container: Container) {
  const admin = await container.database.db
    .selectFrom('staff_accounts')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return { id: admin.id, role: 'admin' as const, teamId: null, ipHash: null };
}

export const LAWYER_PROFILE: LawyerProfileRequest = {
  office: 'みまもる綜合法律事務所',
  specialties: ['defamation', 'disclosure-requests', 'criminal-complaints'],
  regions: ['nationwide'],
  languages: ['ja', 'en'],
  capacity: 5,
  acceptsHouterasu: true,
  available: true,
};

/** A lawyer account (created if absent, never set up) with a directory profile; returns its id. */
export async function seedLawyer(
  server: { readonly dataDir: string },
  env: Readonly<Record<string, string>>,
  lawyer: { readonly email: string; readonly name: string },
): Promise<string> {
  return withServices(server, env, async (container) => {
    const { services, database } = container;
    const found = await database.db
      .selectFrom('staff_accounts')
      .select('id')
      .where('email', '=', lawyer.email)
      .executeTakeFirst();
    const create = () =>
      services.staff.createAccount({
        email: lawyer.email,
        role: 'lawyer',
        displayName: lawyer.name,
        actor: { type: 'system', id: null },
      });
    const id = found?.id ?? (await retryBusy(create)).account.id;
    const self = { id, role: 'lawyer' as const, teamId: null, ipHash: null };
    const [entry] = (await services.lawyers.listLawyers({ query: {}, actor: self })).lawyers;
    const actor = await adminActor(container);
    if (!entry?.profile)
      await retryBusy(() => services.lawyers.saveProfile({ lawyerId: id, input: LAWYER_PROFILE, actor }));
    return id;
  });
}

/**
 * A case referred earlier to the lawyer (pending), whose recorded poster is `poster`: the planted
 * overlap a new referral's conflict check must find.
 */
export async function seedEarlierReferral(
  server: { readonly dataDir: string },
  env: Readonly<Record<string, string>>,
  referral: { readonly caseNumber: string; readonly lawyerEmail: string; readonly poster: string },
): Promise<string> {
  return withServices(server, env, async (container) => {
    const { services, database } = container;
    const actor = await adminActor(container);
    const [lawyer, found] = await Promise.all([
      database.db
        .selectFrom('staff_accounts')
        .select('id')
        .where('email', '=', referral.lawyerEmail)
        .executeTakeFirstOrThrow(),
      database.db
        .selectFrom('cases')
        .select('id')
        .where('case_number', '=', referral.caseNumber)
        .executeTakeFirstOrThrow(),
    ]);
    const party = { role: 'adverse' as const, kind: 'url' as const, value: referral.poster };
    await retryBusy(() => services.caseParties.addParty({ caseId: found.id, input: party, actor }));
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const input = {
      lawyerId: lawyer.id,
      shares: ['narrative' as const],
      expiresOn,
      acknowledgeConflicts: true,
    };
    const { referrals } = await retryBusy(() =>
      services.referrals.createReferral({ caseId: found.id, input, actor }),
    );
    return referrals[0]?.id ?? '';
  });
}
