import type { Command } from 'commander';
import { openContainer, type CommandDeps } from './open-container.js';

const RETENTION_HELP = `
Erases the personal data of cases resolved or closed more than MIMAMORU_RETENTION_YEARS years ago
(default 5): intake, contact details, messages, notes, attached files, parties and other sealed fields,
the access key and sessions. Case number, stage, dates, platforms and outcomes stay for statistics;
each erasure writes one audit line 'cases.erased'. The server does this every day after midnight
(Japan time); this command does it now. Running it twice erases nothing more.

Examples:
  $ mimamoru retention run --dry-run     count the cases that would be erased, change nothing
  $ mimamoru retention run
`;

/** `mimamoru retention run [--dry-run]`: erase cases whose retention period has ended, printing counts. */
export function registerRetentionCommands(program: Command, deps: CommandDeps): void {
  const retention = program
    .command('retention')
    .description('Retention of closed cases: erase personal data once the retention period has ended.');
  retention
    .command('run')
    .description(
      'Erase every case resolved or closed longer ago than the retention period (also done daily).',
    )
    .option('--dry-run', 'only count the cases that would be erased')
    .addHelpText('after', RETENTION_HELP)
    .action(async (options: { dryRun?: boolean }) => {
      const container = await openContainer(deps);
      if (!container) {
        deps.result.code = 1;
        return;
      }
      try {
        const dryRun = options.dryRun === true;
        const { retention } = container.services;
        const outcome = await retention.run({ dryRun });
        const period = `${retention.years} year${retention.years === 1 ? '' : 's'}`;
        deps.io.stdout.write(
          dryRun
            ? `Retention ${period}: ${outcome.due} case(s) closed before ${outcome.cutoff} would be erased (dry run, nothing changed).\n`
            : `Retention ${period}: ${outcome.erased} case(s) closed before ${outcome.cutoff} erased, ${outcome.blobsDeleted} stored file(s) deleted.\n`,
        );
        deps.result.code = 0;
      } finally {
        await container.close();
      }
    });
}
