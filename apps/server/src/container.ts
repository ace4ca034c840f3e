import type { Config } from './config/config.js';
import { createDatabase, type DatabaseHandle } from './db/database.js';
import { createHealthRepository } from './modules/health/health.repository.js';
import { createHealthService, type HealthService } from './modules/health/health.service.js';
import { createSavedTriageRepository } from './modules/triage/triage.repository.js';
import { createTriageService, type TriageService } from './modules/triage/triage.service.js';
import { createWindowsService, type WindowsService } from './modules/windows/windows.service.js';

export interface Services {
  readonly triage: TriageService;
  readonly windows: WindowsService;
  readonly health: HealthService;
}

export interface Container {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly services: Services;
  close(): Promise<void>;
}

/** Composition root: wires the database, clock and every module's service. */
export function createContainer(config: Config, options: { clock?: () => Date } = {}): Container {
  const clock = options.clock ?? (() => new Date());
  const database = createDatabase(config);
  const { db } = database;
  const services: Services = {
    triage: createTriageService({
      repository: createSavedTriageRepository({ db }),
      clock,
      ttlDays: config.savedTriageTtlDays,
    }),
    windows: createWindowsService({ clock }),
    health: createHealthService({ repository: createHealthRepository({ database }) }),
  };
  return { config, database, services, close: () => database.destroy() };
}
