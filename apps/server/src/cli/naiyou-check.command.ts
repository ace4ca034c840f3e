import { readFile } from 'node:fs/promises';
import type { NaiyouLayoutId, NaiyouResult } from '@mimamoru/core';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandDeps } from './open-container.js';

const NAIYOU_HELP = `
Checks a letter for 内容証明郵便 against Japan Post's rules, as it is laid out in the file (one line of the file =
one line of the letter; use --wrap to break long lines at the column count instead):
  - at most 20 characters a line and 26 lines a page (縦書き, --vertical; or 横書き 20x26), or 26x20 or 13x40 (横書き);
  - a pair of brackets counts 1 (on the line of the opening bracket), ㎡ and kg count 2, ① counts 2,
    (1)-style numbering at the start of a line counts 1; blank lines are not counted; no 禁則 reflow;
  - kana, kanji, digits, brackets, punctuation and common symbols only: emoji, half-width katakana, control
    characters (tabs) and unusual symbols are violations; Latin letters are allowed in proper nouns only (warned,
    except the words given with --allow-latin);
  - e-naiyou (e内容証明): A4, 10.5pt or larger, about 1,584 characters a page, at most 5 pages (UNVERIFIED figures).
Prints each violation as "line:column  message" (column = counted characters), then the page count and the copies
needed (recipients + 2). The letter cannot be finalised while violations remain.

Exit codes: 0 no violation, 1 violations found, 2 bad usage or unreadable input.

Examples:
  $ mimamoru naiyou-check --input letter.txt --layout 20x26 --vertical
  $ mimamoru naiyou-check --input letter.txt --layout 26x20 --recipients 2 --allow-latin "ACME,Example Inc."
  $ mimamoru naiyou-check --input letter.txt --layout e-naiyou --json
  $ cat letter.txt | mimamoru naiyou-check --layout 20x26 --wrap
`;

const CLI_LAYOUTS = ['20x26', '26x20', '13x40', 'e-naiyou'] as const;
type CliLayout = (typeof CLI_LAYOUTS)[number];

interface NaiyouCliOptions {
  input?: string;
  layout: CliLayout;
  vertical?: boolean;
  recipients: number;
  allowLatin?: string;
  json?: boolean;
  wrap?: boolean;
  blankLines: 'occupy' | 'free';
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/u.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('a whole number of 1 or more');
  }
  return n;
}

/** The core layout for the CLI's layout name and --vertical; null when the pair does not exist. */
export function naiyouLayoutOf(layout: CliLayout, vertical: boolean): NaiyouLayoutId | null {
  if (layout === 'e-naiyou') return vertical ? null : 'e-naiyou';
  if (vertical) return layout === '20x26' ? 'vertical-20x26' : null;
  return `horizontal-${layout}`;
}

async function readInput(io: CommandDeps['io'], input: string | undefined): Promise<string> {
  if (input !== undefined && input !== '-') return readFile(input, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The human-readable report: violations, warnings, then pages and copies. */
export function renderNaiyouReport(result: NaiyouResult): string {
  const out: string[] = [];
  const where = (line?: number, column?: number) => (line === undefined ? '' : `${line}:${column ?? 1}  `);
  for (const v of result.violations) out.push(`${where(v.line, v.column)}${v.message.ja} / ${v.message.en}`);
  for (const w of result.warnings)
    out.push(`${where(w.line, w.column)}注意 warning: ${w.message.ja} / ${w.message.en}`);
  if (out.length > 0) out.push('');
  const { layout } = result;
  const shape =
    layout.kind === 'grid'
      ? `${layout.vertical ? '縦書き' : '横書き'} ${layout.columns}字×${layout.rows}行`
      : 'e内容証明';
  out.push(
    `${shape}: ${result.pageCount}枚 / ${result.pageCount} page(s), ${result.countedLines}行 / ${result.countedLines} line(s), ${result.characters}字 / ${result.characters} character(s)`,
    `必要な通数 copies needed: ${result.copiesNeeded}`,
    result.violations.length === 0
      ? '違反はありません。 No violation.'
      : `違反 ${result.violations.length} 件: 直すまで確定できません。 ${result.violations.length} violation(s): fix them before finalising.`,
  );
  return `${out.join('\n')}\n`;
}

/** The laid-out pages (with --wrap), each line numbered as on the page. */
export function renderNaiyouPages(result: NaiyouResult): string {
  return result.pages
    .map((page, index) => [`--- ${index + 1}枚目 / page ${index + 1} ---`, ...page].join('\n'))
    .join('\n')
    .concat(result.pages.length > 0 ? '\n\n' : '');
}

/** `mimamoru naiyou-check`: check a 内容証明 letter (no database, no configuration). */
export function registerNaiyouCommands(program: Command, deps: Pick<CommandDeps, 'io' | 'result'>): void {
  program
    .command('naiyou-check')
    .description(
      'Check a 内容証明郵便 letter: characters per line, lines per page, allowed characters, pages, copies.',
    )
    .option('-i, --input <file>', "the letter (UTF-8 text); '-' or absent reads stdin")
    .addOption(
      new Option('-l, --layout <layout>', 'characters x lines per page, or e-naiyou')
        .choices(CLI_LAYOUTS)
        .makeOptionMandatory(),
    )
    .option('--vertical', '縦書き (with --layout 20x26)')
    .option(
      '-r, --recipients <n>',
      'recipients of the same text (copies = recipients + 2)',
      positiveInteger,
      1,
    )
    .option('--allow-latin <words>', 'comma-separated proper nouns in Latin letters (no warning for these)')
    .option('--wrap', 'break lines longer than the column count instead of reporting them')
    .addOption(
      new Option('--blank-lines <mode>', 'whether a blank line takes a row of the page')
        .choices(['occupy', 'free'])
        .default('occupy'),
    )
    .option('--json', 'print the full result as JSON')
    .addHelpText('after', NAIYOU_HELP)
    .action(async (options: NaiyouCliOptions) => {
      const { io } = deps;
      const layout = naiyouLayoutOf(options.layout, options.vertical === true);
      if (!layout) {
        io.stderr.write(`--vertical is only for --layout 20x26 (縦書きは1行20字・1枚26行のみ).\n`);
        deps.result.code = 2;
        return;
      }
      let text: string;
      try {
        text = await readInput(io, options.input);
      } catch {
        io.stderr.write(
          `Could not read ${options.input ?? 'stdin'} (入力を読み込めませんでした). Check the file path.\n`,
        );
        deps.result.code = 2;
        return;
      }
      const { checkNaiyouLetter } = await import('@mimamoru/core');
      const result = checkNaiyouLetter(text, {
        layout,
        recipients: options.recipients,
        wrap: options.wrap === true,
        blankLines: options.blankLines,
        allowedLatin: (options.allowLatin ?? '')
          .split(',')
          .map((w) => w.trim())
          .filter((w) => w !== ''),
      });
      if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else io.stdout.write(`${options.wrap ? renderNaiyouPages(result) : ''}${renderNaiyouReport(result)}`);
      deps.result.code = result.violations.length > 0 ? 1 : 0;
    });
}
