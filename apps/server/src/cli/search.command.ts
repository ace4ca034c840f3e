import type { Command } from 'commander';
import { openContainer, type CommandDeps } from './open-container.js';

const PROGRESS_EVERY = 5000;

const SEARCH_HELP = `
The queue's search over names and narratives uses a blind index: keyed hashes of 2-character
pieces of the text, never the text. New cases are indexed when they arrive; cases stored before the
index existed are indexed at start. Rebuild everything after restoring a backup or if in doubt.

Examples:
  $ mimamoru search reindex          index the cases that have no entry yet (also done at start)
  $ mimamoru search reindex --all    rebuild every case's entry from its sealed name and narrative
`;

/** `mimamoru search reindex`: (re)build the blind search index from the sealed texts. */
export function registerSearchCommands(program: Command, deps: CommandDeps): void {
  const search = program
    .command('search')
    .description("Queue search index (blind: keyed hashes of the cases' names and narratives).")
    .addHelpText('after', SEARCH_HELP);
  search
    .command('reindex')
    .description('Index cases missing from the search index (--all: every case); also done at start.')
    .option('--all', 'rebuild every case, not only those missing')
    .addHelpText('after', SEARCH_HELP)
    .action(async (options: { all?: boolean }) => {
      const container = await openContainer(deps);
      if (!container) {
        deps.result.code = 1;
        return;
      }
      try {
        const { createCaseSearch } = await import('../modules/case-search/case-search.service.js');
        const search = createCaseSearch({ db: container.database.db, keyring: container.keyring });
        let reported = 0;
        const { indexed, skipped, removed } = await search.reindex({
          all: options.all === true,
          onProgress: (done) => {
            if (done - reported < PROGRESS_EVERY) return;
            reported = done;
            deps.io.stderr.write(`indexed ${done} cases…\n`);
          },
        });
        deps.io.stdout.write(
          `Indexed ${indexed} case${indexed === 1 ? '' : 's'}` +
            (skipped > 0 ? `; ${skipped} changed meanwhile, left for the next run` : '') +
            (removed > 0
              ? `; removed the entries of ${removed} erased case${removed === 1 ? '' : 's'}`
              : '') +
            '.\n',
        );
        deps.result.code = 0;
      } finally {
        await container.close();
      }
    });
}
