import { loadConfig } from '../../apps/server/src/config/config.js';
import { createContainer } from '../../apps/server/src/container.js';

/**
 * The consultant's side, for journeys: the server's own container and services, opened from the test
 * process on the same SQLite file and master key as the spawned server (there are no test-only routes).
 */
export async function postConsultantReply(
  server: { readonly dataDir: string },
  env: Readonly<Record<string, string>>,
  reply: { readonly caseNumber: string; readonly body: string },
): Promise<void> {
  const config = loadConfig({
    ...env,
    MIMAMORU_DATA_DIR: server.dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  });
  const container = createContainer(config);
  try {
    await container.services.consultantReplies.postConsultantReply({
      caseNumber: reply.caseNumber,
      body: reply.body,
    });
  } finally {
    await container.close();
  }
}
