import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config/config.js';
import { createContainer } from './container.js';
import { migrateToLatest } from './db/database.js';
import { createCaseSearch } from './modules/case-search/case-search.service.js';
import { sweepOrphanBlobs } from './storage/blob-sweep.js';

/** Why production refuses to start without an admin, and what to run. */
export const NO_ADMIN_MESSAGE =
  'No administrator account exists, and production mode refuses to start without one (there are no default passwords). ' +
  'Create one with `mimamoru staff create --email <address> --role admin` and open the printed setup link.';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Boots the server: database, migrations, HTTP. Stops gracefully on SIGINT/SIGTERM
 * (in-flight requests finish, then the database closes).
 */
export async function startServer(
  config: Config,
  options: { handleSignals?: boolean } = {},
): Promise<RunningServer> {
  const container = createContainer(config);
  let app: FastifyInstance;
  try {
    const { applied } = await migrateToLatest(container.database);
    // The evidence signing key exists from the first start on (its fingerprint is shown in the console).
    await container.services.evidence.publicKey();
    if (config.env === 'production' && !(await container.services.staff.hasActiveAdmin())) {
      throw new Error(NO_ADMIN_MESSAGE);
    }
    app = await buildApp({ config, services: container.services });
    if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await container.close();
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  app.log.info({ url, dialect: container.database.dialect, env: config.env }, `mimamoru listening on ${url}`);
  // Mail and other jobs run in this process; container.close() stops the worker gracefully.
  container.worker.start();
  // Daily tasks (priority and deadlines of open cases, retention): due ones run now, then once per day.
  container.scheduler.start();
  // Files left by a submission that crashed before its commit (never the reverse): remove them.
  sweepOrphanBlobs({ db: container.database.db, blobStore: container.blobStore, now: new Date() }).then(
    ({ removed }) => {
      if (removed > 0) app.log.info({ removed }, 'removed orphan blobs');
    },
    (error: unknown) => app.log.error({ err: error }, 'orphan blob sweep failed'),
  );
  // Cases the queue search does not know yet (stored before migration 0009): index them; stopped by stop().
  const reindexing = new AbortController();
  const reindexed = createCaseSearch({ db: container.database.db, keyring: container.keyring })
    .reindex({ signal: reindexing.signal })
    .then(
      ({ indexed, removed }) => {
        if (indexed > 0 || removed > 0) app.log.info({ indexed, removed }, 'search index brought up to date');
      },
      (error: unknown) => app.log.error({ err: error }, 'search index update failed'),
    );
  // Statistics facets of cases stored before migration 0011 (stats/case-facets.ts).
  const faceted = container.services.stats.backfillFacets().then(
    ({ filled }) => {
      if (filled > 0) app.log.info({ filled }, 'statistics facets filled in');
    },
    (error: unknown) => app.log.error({ err: error }, 'statistics facets backfill failed'),
  );

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      reindexing.abort();
      await reindexed;
      await faceted;
      await container.close();
    })();
    return stopping;
  };

  if (options.handleSignals !== false) {
    // A terminal's Ctrl-C can reach us twice (directly and forwarded by `npm start`): act once.
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      app.log.info({ signal }, 'shutting down');
      setTimeout(() => {
        app.log.error('shutdown took over 10 s; exiting');
        process.exit(1);
      }, 10_000).unref();
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return { app, url, stop };
}
