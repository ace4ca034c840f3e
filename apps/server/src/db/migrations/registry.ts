import type { Migration, MigrationProvider } from 'kysely';
import * as createSavedTriage from './0001-create-saved-triage.js';

/**
 * Every migration, in the order it runs. Names equal file names without extension;
 * a test checks this list and the folder agree. Never edit a released migration: add one.
 */
export const MIGRATIONS: readonly (readonly [name: string, migration: Migration])[] = [
  ['0001-create-saved-triage', createSavedTriage],
];

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => Object.fromEntries(MIGRATIONS),
};
