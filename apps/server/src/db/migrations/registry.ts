import type { Migration, MigrationProvider } from 'kysely';
import * as createSavedTriage from './0001-create-saved-triage.js';
import * as createJobs from './0002-create-jobs.js';
import * as createCases from './0003-create-cases.js';
import * as createStaff from './0004-create-staff.js';
import * as addCaseWorkflow from './0005-add-case-workflow.js';
import * as createReferrals from './0006-create-referrals.js';
import * as addTeamsAndChannels from './0007-add-teams-and-channels.js';
import * as createTemplatesViewsTargets from './0008-create-templates-views-targets.js';
import * as createCaseSearch from './0009-create-case-search.js';
import * as addRetention from './0010-add-retention.js';
import * as addCaseFacets from './0011-add-case-facets.js';
import * as createEvidence from './0012-create-evidence.js';
import * as analysis from './0013-analysis.js';
import * as documents from './0014-documents.js';

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
  ['0006-create-referrals', createReferrals],
  ['0007-add-teams-and-channels', addTeamsAndChannels],
  ['0008-create-templates-views-targets', createTemplatesViewsTargets],
  ['0009-create-case-search', createCaseSearch],
  ['0010-add-retention', addRetention],
  ['0011-add-case-facets', addCaseFacets],
  ['0012-create-evidence', createEvidence],
  ['0013-analysis', analysis],
  ['0014-documents', documents],
];

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => Object.fromEntries(MIGRATIONS),
};
