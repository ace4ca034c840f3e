import type { Config } from '../config/config.js';
import type { CliIo } from './main.js';

/** What a CLI command that opens the database needs. */
export interface CommandDeps {
  readonly io: CliIo;
  /** Stores the exit code of the action that ran. */
  readonly result: { code: number };
  /** Loads the configuration, reporting problems to stderr; null when invalid. */
  readonly loadConfig: () => Config | null;
}

/** Opens the container with a quiet logger on stderr; null (after reporting) when the database is not migrated. */
export async function openContainer(deps: CommandDeps) {
  const config = deps.loadConfig();
  if (!config) return null;
  const [{ createContainer }, { createLogger }, { pendingMigrations }] = await Promise.all([
    import('../container.js'),
    import('../http/logging.js'),
    import('../db/database.js'),
  ]);
  const logger = createLogger({ logLevel: 'warn' }, { write: (line: string) => deps.io.stderr.write(line) });
  const container = createContainer(config, { logger });
  const pending = await pendingMigrations(container.database);
  if (pending.length > 0) {
    deps.io.stderr.write(
      `The database has pending migrations (${pending.join(', ')}): run \`mimamoru migrate\` first.\n`,
    );
    await container.close();
    return null;
  }
  return container;
}
