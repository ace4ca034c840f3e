import { STAFF_ROLES, StaffAccountCreateRequestSchema, type StaffRole } from '@mimamoru/contracts';
import { Option, type Command } from 'commander';
import type { Config } from '../config/config.js';
import type { Container } from '../container.js';
import { AppError } from '../errors/app-error.js';
import type { CliIo } from './main.js';

const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export interface StaffCommandDeps {
  readonly io: CliIo;
  readonly result: { code: number };
  readonly loadConfig: () => Config | null;
}

const STAFF_HELP = `
Staff accounts have no default password: 'staff create' prints a one-time setup link (valid 72 hours)
where the person sets a password and enrols an authenticator app (TOTP). Hand the link over in person
or by a channel you trust.

A consultant belongs to one team and sees its cases (default: the team 'default', 相談窓口); admins see
every case; lawyers belong to no team. 'staff teams' lists the team ids.

Examples:
  $ mimamoru staff create --email admin@example.jp --role admin --name "管理者"
  $ mimamoru staff create --email soudan@example.jp --role consultant --team default
  $ mimamoru staff list
  $ mimamoru staff teams
  $ mimamoru staff disable --email former@example.jp
`;

const SYSTEM = { type: 'system', id: null } as const;

/** Opens the container (migrating first, so a fresh install can create its first admin) and runs `action`. */
async function withContainer(
  deps: StaffCommandDeps,
  action: (container: Container) => Promise<number>,
): Promise<number> {
  const config = deps.loadConfig();
  if (!config) return EXIT.failure;
  const [{ createContainer }, { createLogger }, { migrateToLatest }] = await Promise.all([
    import('../container.js'),
    import('../http/logging.js'),
    import('../db/database.js'),
  ]);
  const logger = createLogger({ logLevel: 'warn' }, { write: (line: string) => deps.io.stderr.write(line) });
  const container = createContainer(config, { logger });
  try {
    await migrateToLatest(container.database);
    return await action(container);
  } catch (error) {
    if (error instanceof AppError) {
      deps.io.stderr.write(`${error.localize('en')}\n`);
      return EXIT.badInput;
    }
    throw error;
  } finally {
    await container.close();
  }
}

export function registerStaffCommands(program: Command, deps: StaffCommandDeps): void {
  const { io, result } = deps;
  const staff = program
    .command('staff')
    .description('Manage staff accounts: create (prints a setup link), list, teams, disable.')
    .addHelpText('after', STAFF_HELP);

  staff
    .command('create')
    .description('Create a staff account and print its one-time setup link (72 hours).')
    .requiredOption('--email <address>', 'the person’s work email (their login)')
    .addOption(
      new Option('--role <role>', 'what the account may do').choices([...STAFF_ROLES]).makeOptionMandatory(),
    )
    .option('--name <name>', 'display name shown in the console (default: the email’s local part)')
    .option(
      '--team <id>',
      "the team whose cases a consultant sees (default for consultants: 'default'; see `staff teams`)",
    )
    .action(async (options: { email: string; role: StaffRole; name?: string; team?: string }) => {
      const parsed = StaffAccountCreateRequestSchema.safeParse({
        email: options.email,
        role: options.role,
        displayName: options.name ?? options.email.split('@')[0],
        ...(options.team !== undefined ? { teamId: options.team } : {}),
      });
      if (!parsed.success) {
        io.stderr.write(
          'The email, name or team is not valid: use an address like name@example.jp, a name of 1–100 characters and a team id from `mimamoru staff teams`.\n',
        );
        result.code = EXIT.badInput;
        return;
      }
      result.code = await withContainer(deps, async ({ services }) => {
        const created = await services.staff.createAccount({ ...parsed.data, actor: SYSTEM });
        io.stdout.write(
          `Created ${created.account.role} account ${created.account.id}.\n` +
            `Setup link (one-time, expires ${created.expiresAt}):\n${created.setupUrl}\n`,
        );
        return EXIT.ok;
      });
    });

  staff
    .command('list')
    .description('List staff accounts: id, role, state, email, team.')
    .action(async () => {
      result.code = await withContainer(deps, async ({ services }) => {
        const { accounts } = await services.staff.listAccounts({ actor: SYSTEM });
        for (const a of accounts) {
          const state = a.disabledAt ? 'disabled' : a.enrolled ? 'active' : 'setup-pending';
          io.stdout.write(`${a.id}\t${a.role}\t${state}\t${a.email}\t${a.teamId ?? '-'}\n`);
        }
        if (accounts.length === 0)
          io.stdout.write('No staff accounts yet: run `mimamoru staff create --role admin …`.\n');
        return EXIT.ok;
      });
    });

  staff
    .command('teams')
    .description('List teams: id and name (for `staff create --team`).')
    .action(async () => {
      result.code = await withContainer(deps, async ({ services }) => {
        const { teams } = await services.teams.listTeams();
        for (const team of teams) io.stdout.write(`${team.id}\t${team.name}\n`);
        return EXIT.ok;
      });
    });

  staff
    .command('disable')
    .description('Disable a staff account and end its sessions.')
    .requiredOption('--email <address>', 'the account’s email')
    .action(async (options: { email: string }) => {
      result.code = await withContainer(deps, async ({ services }) => {
        const { account } = await services.staff.disableAccount({ email: options.email, actor: SYSTEM });
        io.stdout.write(`Disabled account ${account.id}; its sessions have ended.\n`);
        return EXIT.ok;
      });
    });
}
