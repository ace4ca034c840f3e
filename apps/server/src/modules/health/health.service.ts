import type { HealthRepository } from './health.repository.js';

export type Readiness =
  { ready: true } | { ready: false; reason: 'database_unreachable' | 'migrations_pending' };

export function createHealthService({ repository }: { repository: HealthRepository }) {
  return {
    /** Ready when the database answers and every registered migration has run. */
    async checkReadiness(): Promise<Readiness> {
      try {
        await repository.ping();
      } catch {
        return { ready: false, reason: 'database_unreachable' };
      }
      try {
        const pending = await repository.pendingMigrations();
        return pending.length === 0 ? { ready: true } : { ready: false, reason: 'migrations_pending' };
      } catch {
        return { ready: false, reason: 'database_unreachable' };
      }
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
