import type { Migration, MigrationProvider } from 'kysely';
import * as createSavedTriage from './0001-create-saved-triage.js';
import * as createJobs from './0002-create-jobs.js';
import * as createCases from './0003-create-cases.js';
import * as createStaff from './0004-create-staff.js';
import * as addCaseWorkflow from './0005-add-case-workflow.js';

/**
 * Every migration, in the order it runs. Names equal file names without extension;
 * a test checks this list and the folder agree. Never edit a released migration: add one.
 */
export const MIGRATIONS: readonly (readonly [name: string, migration: Migration])[] = [
  ['0001-create-saved-triage', createSavedTriage],
  ['0002-create-jobs', createJobs],
  ['0003-create-cases', createCases],
  ['0004-create-staff', createStaff],
  ['0005-add-case-workflow', addCaseWorkflow],
];

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => Object.fromEntries(MIGRATIONS),
};
