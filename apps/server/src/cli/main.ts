import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { isLocale, type Locale } from '@mimamoru/core';
import { TriageAnswersSchema } from '@mimamoru/contracts';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, describeConfig, loadConfig, type Config } from '../config/config.js';
import type { RawIssue } from '../errors/app-error.js';
import { localizeIssues } from '../errors/validation-messages.js';
import { renderLegalSources } from './legal-sources.js';
import { registerAnalyzeCommands } from './analyze.command.js';
import { registerBlobsCommands } from './blobs.command.js';
import { registerDocumentCommands } from './document.command.js';
import { registerEvidenceCommands } from './evidence.command.js';
import { registerKeysCommands } from './keys.command.js';
import { registerNaiyouCommands } from './naiyou-check.command.js';
import { registerRetentionCommands } from './retention.command.js';
import { registerSearchCommands } from './search.command.js';
import { registerStaffCommands } from './staff.command.js';

/** Exit codes: 0 ok, 1 failure (config, database, internal), 2 bad input or usage. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
}

const MESSAGES = {
  readFailed: {
    ja: (source: string) => `入力を読み込めませんでした（${source}）。ファイルのパスを確認してください。`,
    en: (source: string) => `Could not read the input (${source}). Check the file path.`,
  },
  malformedJson: {
    ja: (source: string) =>
      `${source} は正しい JSON ではありません。括弧や引用符、カンマを確認してください。`,
    en: (source: string) => `${source} is not valid JSON. Check brackets, quotes and commas.`,
  },
  invalid: {
    ja: (count: number) => `回答に ${count} 件の問題があります:`,
    en: (count: number) => `The answers have ${count} problem${count === 1 ? '' : 's'}:`,
  },
} as const;

const EXAMPLES = `
Examples:
  $ mimamoru serve                               start the web app and API (PORT, HOST, DATABASE_URL …)
  $ PORT=8080 mimamoru serve --host 0.0.0.0      listen on all interfaces, port 8080
  $ mimamoru migrate                             apply database migrations and exit
  $ mimamoru triage --input answers.json         assess answers from a file, print the result JSON
  $ cat answers.json | mimamoru triage --lang en assess answers from stdin, in English
  $ mimamoru config                              list every setting, its variable, default and meaning
  $ mimamoru sources > docs/LEGAL-SOURCES.md     every legal source the Guide cites, as Markdown
  $ mimamoru keys status                         master key versions in use; 'keys rotate' re-encrypts
  $ mimamoru search reindex                      index cases the queue search does not know yet
  $ mimamoru staff create --email a@example.jp --role admin   first admin: prints a one-time setup link
  $ mimamoru retention run --dry-run             count closed cases past the retention period ('run' erases)
  $ mimamoru evidence export --case MM-2026-00042 --out bundle.zip   a case's verifiable evidence bundle
  $ mimamoru verify bundle.zip                   check a bundle offline (exit 0 ok, 1 altered, 2 unreadable)
  $ mimamoru naiyou-check --input letter.txt --layout 20x26 --vertical   check a 内容証明 letter (exit 1 on violations)
  $ mimamoru analyze --input posts.jsonl --output results.jsonl   flag possibly illegal posts, one JSON line each
  $ mimamoru document disclosure-request --input case.json --format pdf --out request.pdf   a filled request (and its redacted copy)

Exit codes: 0 success, 1 failure (configuration, database, internal), 2 invalid input.
`;

const TRIAGE_EXAMPLE = `
Input (JSON, the body of POST /api/triage):
  { "facts": ["name-calling", "personal-info"], "identifiable": "real-name",
    "platforms": ["x"], "goals": ["delete", "identify"], "postedAt": "2026-10-01" }

Examples:
  $ mimamoru triage --input answers.json
  $ mimamoru triage --input - --lang en < answers.json

Field errors are printed to stderr, one per line, and the exit code is 2.
`;

/** The CLI's locale when --lang is absent: English when the environment's locale is English, else Japanese. */
function environmentLocale(env: CliIo['env']): Locale {
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'ja';
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function loadConfigOrReport(io: CliIo, overrides: Record<string, string | undefined> = {}): Config | null {
  try {
    return loadConfig({
      ...io.env,
      ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\nRun \`mimamoru config\` to see every setting.\n`);
      return null;
    }
    throw error;
  }
}

async function triageCommand(io: CliIo, options: { input?: string; lang?: string }): Promise<number> {
  const locale: Locale = options.lang && isLocale(options.lang) ? options.lang : environmentLocale(io.env);
  const fromStdin = options.input === undefined || options.input === '-';
  const source = fromStdin ? 'stdin' : (options.input as string);
  let text: string;
  try {
    text = fromStdin ? await readAll(io.stdin) : await readFile(source, 'utf8');
  } catch {
    io.stderr.write(`${MESSAGES.readFailed[locale](source)}\n`);
    return EXIT.badInput;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    io.stderr.write(`${MESSAGES.malformedJson[locale](source)}\n`);
    return EXIT.badInput;
  }
  const parsed = TriageAnswersSchema.safeParse(input);
  if (!parsed.success) {
    const issues = localizeIssues(parsed.error.issues as readonly RawIssue[], input, locale);
    io.stderr.write(`${MESSAGES.invalid[locale](issues.length)}\n`);
    for (const issue of issues) io.stderr.write(`  ${issue.path || '(root)'}: ${issue.message}\n`);
    return EXIT.badInput;
  }
  // Loaded on use so `--help` and `config` start fast and need nothing else.
  const { triage } = await import('@mimamoru/core');
  const result = triage(parsed.data, { locale, now: new Date() });
  io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return EXIT.ok;
}

function renderConfigHelp(): string {
  const lines = ['Settings (environment variables). The first variable listed that is set wins.', ''];
  for (const key of describeConfig()) {
    lines.push(`${key.env.join(' | ')}`, `    ${key.doc}`, `    default: ${key.default}`, '');
  }
  return lines.join('\n');
}

function configCommand(io: CliIo): number {
  io.stdout.write(renderConfigHelp());
  return EXIT.ok;
}

async function migrateCommand(io: CliIo): Promise<number> {
  const config = loadConfigOrReport(io);
  if (!config) return EXIT.failure;
  const { createDatabase, migrateToLatest } = await import('../db/database.js');
  const database = createDatabase(config);
  try {
    const { applied } = await migrateToLatest(database);
    io.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  } finally {
    await database.destroy();
  }
}

async function serveCommand(io: CliIo, options: { port?: string; host?: string }): Promise<number> {
  const config = loadConfigOrReport(io, { PORT: options.port, HOST: options.host });
  if (!config) return EXIT.failure;
  try {
    const { startServer } = await import('../main.js');
    await startServer(config);
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(
      `Could not start the server: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.failure;
  }
}

/** Builds the `mimamoru` program; each action stores its exit code in `result`. */
function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('mimamoru')
    .description(
      'mimamoru (みまもる): help for people attacked on social networks in Japan — server and tools.',
    )
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError()
    .addHelpText('after', EXAMPLES);

  program
    .command('serve')
    .description(
      'Start the HTTP server (API and web app). Migrates the database first. Stops on SIGINT/SIGTERM.',
    )
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('-H, --host <host>', 'interface to bind (overrides HOST)')
    .addHelpText(
      'after',
      '\nExample:\n  $ mimamoru serve --port 8080\n\nSee `mimamoru config` for every setting.\n',
    )
    .action(async (options: { port?: string; host?: string }) => {
      result.code = await serveCommand(io, options);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations (DATABASE_URL) and exit.')
    .addHelpText(
      'after',
      '\nExample:\n  $ DATABASE_URL=postgres://mimamoru@localhost/mimamoru mimamoru migrate\n',
    )
    .action(async () => {
      result.code = await migrateCommand(io);
    });

  program
    .command('triage')
    .description('Assess triage answers (JSON) and print the result JSON to stdout. Nothing is stored.')
    .option('-i, --input <file>', "answers file; '-' or absent reads stdin")
    .addOption(new Option('-l, --lang <locale>', 'language of the result texts').choices(['ja', 'en']))
    .addHelpText('after', TRIAGE_EXAMPLE)
    .action(async (options: { input?: string; lang?: string }) => {
      result.code = await triageCommand(io, options);
    });

  program
    .command('config')
    .description('List every setting: environment variable, default and meaning.')
    .addHelpText('after', () => `\nExample:\n  $ mimamoru config\n\n${renderConfigHelp()}`)
    .action(() => {
      result.code = configCommand(io);
    });

  program
    .command('sources')
    .description('Print every legal source the Guide cites, as Markdown (docs/LEGAL-SOURCES.md).')
    .addHelpText('after', '\nExample:\n  $ mimamoru sources > docs/LEGAL-SOURCES.md\n')
    .action(() => {
      io.stdout.write(renderLegalSources());
      result.code = EXIT.ok;
    });

  registerKeysCommands(program, { io, result, loadConfig: () => loadConfigOrReport(io) });
  registerBlobsCommands(program, { io, result, loadConfig: () => loadConfigOrReport(io) });
  registerSearchCommands(program, { io, result, loadConfig: () => loadConfigOrReport(io) });
  registerStaffCommands(program, { io, result, loadConfig: () => loadConfigOrReport(io) });
  registerRetentionCommands(program, { io, result, loadConfig: () => loadConfigOrReport(io) });
  registerEvidenceCommands(program, { io, result, loadConfig: () => loadConfigOrReport(io) });
  registerNaiyouCommands(program, { io, result });
  registerAnalyzeCommands(program, { io, result });
  registerDocumentCommands(program, { io, result });

  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function run(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const result = { code: EXIT.ok as number };
  const program = buildProgram(io, result);
  if (args.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    io.stderr.write(`mimamoru: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
  return result.code;
}

export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await run(process.argv.slice(2));
}
