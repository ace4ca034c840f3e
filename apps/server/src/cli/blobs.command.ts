import { Option, type Command } from 'commander';
import { openContainer, type CommandDeps } from './open-container.js';

/** `mimamoru blobs sweep`: remove stored files that no record references (left by a crash before commit). */
export function registerBlobsCommands(program: Command, deps: CommandDeps): void {
  const blobs = program.command('blobs').description('Encrypted file store (attachments): maintenance.');
  blobs
    .command('sweep')
    .description('Remove files that no record references, older than the grace period (also done at start).')
    .addOption(
      new Option('--grace-minutes <minutes>', 'keep files younger than this (in-flight uploads)')
        .default('15')
        .argParser((value) => {
          const minutes = Number(value);
          if (!Number.isInteger(minutes) || minutes < 0)
            throw new Error('--grace-minutes takes a whole number ≥ 0');
          return String(minutes);
        }),
    )
    .addHelpText('after', '\nExample:\n  $ mimamoru blobs sweep --grace-minutes 60\n')
    .action(async (options: { graceMinutes: string }) => {
      const container = await openContainer(deps);
      if (!container) {
        deps.result.code = 1;
        return;
      }
      try {
        const { sweepOrphanBlobs } = await import('../storage/blob-sweep.js');
        const { checked, removed } = await sweepOrphanBlobs({
          db: container.database.db,
          blobStore: container.blobStore,
          now: new Date(),
          graceMs: Number(options.graceMinutes) * 60_000,
        });
        deps.io.stdout.write(`Checked ${checked} files, removed ${removed} that no record references.\n`);
        deps.result.code = 0;
      } finally {
        await container.close();
      }
    });
}
