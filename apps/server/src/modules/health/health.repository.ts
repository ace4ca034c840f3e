import { pendingMigrations, ping, type DatabaseHandle } from '../../db/database.js';

export function createHealthRepository({ database }: { database: DatabaseHandle }) {
  return {
    ping: () => ping(database.db),
    pendingMigrations: () => pendingMigrations(database),
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
