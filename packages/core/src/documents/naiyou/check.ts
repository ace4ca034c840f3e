import type { Localized } from '../../i18n/locale.js';
import type { Block } from '../document-model.js';
import {
  DISALLOWED_KINDS,
  isBlankLine,
  splitLines,
  tokenizeLine,
  type BracketState,
  type NaiyouToken,
  type TokenKind,
} from './count.js';
import { NAIYOU_MESSAGES } from './messages.js';
import { LATIN_UNITS, NAIYOU_LAYOUTS, type NaiyouLayout, type NaiyouLayoutId } from './rules.js';

/**
 * The 内容証明 checker: lays a letter out on its page grid by the Japan Post rules (rules.ts, count.ts), counts
 * pages and copies, and reports each violation with its line and column.
 *
 * Layout decisions (the rules say what counts, not how to break lines):
 * - Lines are broken only where the input breaks them, or (with `wrap`, the default) where the next character would
 *   take the line over the column count. There is no 禁則 reflow: punctuation or a closing bracket may start a line
 *   (it counts where it stands; a closing bracket whose pair opened earlier counts 0 on its own line).
 * - A wrapped line is kept within the column count both in counted characters (the rule) and in grid cells (one per
 *   character, so a printed 20×26 grid holds it): a bracket pair counts 1 but takes two cells. A pair may therefore
 *   be split across lines; it is still counted once, on the opening bracket's line, as the rule says.
 * - Without `wrap` (a letter already laid out) a line over the column count in counted characters is a violation.
 * - Spaces at the end of a line are ignored; a line of only spaces is blank. Blank lines are not counted (空白の行は
 *   0行). With `blankLines: 'occupy'` (the default, for printing on a fixed grid) a blank line still takes a row of
 *   the page; with 'free' it takes none, so a page may hold more physical rows than the layout's row count.
 *   Blank lines at the top of a page and at the end of the letter are dropped.
 * - e内容証明 has no grid: lines are not wrapped, and pages are filled by counted characters (about 1,584 a page,
 *   UNVERIFIED), a line continuing on the next page when the page is full.
 * - Column numbers are counted characters within the input line, 1-based: a violation's column is the counted
 *   position at which the offending character starts (for a line too long, the first character that does not fit).
 */

export interface NaiyouOptions {
  readonly layout: NaiyouLayoutId;
  /** Number of recipients of the same text (default 1): copies needed = recipients + 2. */
  readonly recipients?: number;
  /** Break lines longer than the column count (default true); false checks a letter already laid out. */
  readonly wrap?: boolean;
  /** Proper nouns written in Latin letters (e.g. the recipient's company name): no warning for these words. */
  readonly allowedLatin?: readonly string[];
  /** Whether blank lines take a row of the page (default 'occupy') or not ('free'). */
  readonly blankLines?: 'occupy' | 'free';
}

export interface NaiyouLine {
  readonly text: string;
  /** Counted characters (内容証明 rules). */
  readonly counted: number;
  /** Grid cells (one per character). */
  readonly cells: number;
  /** The input line it comes from, 1-based. */
  readonly sourceLine: number;
  /** Counted column in the input line at which this laid-out line starts, 1-based. */
  readonly sourceColumn: number;
  /** Page, 1-based. */
  readonly page: number;
  readonly blank: boolean;
}

export interface NaiyouViolation {
  /** Input line, 1-based. */
  readonly line: number;
  /** Counted column in the input line, 1-based. */
  readonly column: number;
  readonly code: string;
  readonly message: Localized;
}

export interface NaiyouWarning {
  readonly line?: number;
  readonly column?: number;
  readonly code: string;
  readonly message: Localized;
}

export interface NaiyouResult {
  readonly layout: NaiyouLayout;
  /** The laid-out lines, page by page (blank lines included where they stand on a page). */
  readonly lines: readonly NaiyouLine[];
  /** Each page's lines. */
  readonly pages: readonly (readonly string[])[];
  readonly pageCount: number;
  /** Lines that count (not blank). */
  readonly countedLines: number;
  /** Counted characters of the whole letter. */
  readonly characters: number;
  /** The letter plus two 謄本, or 2 + the number of recipients for the same text to several. */
  readonly copiesNeeded: number;
  readonly violations: readonly NaiyouViolation[];
  readonly warnings: readonly NaiyouWarning[];
}

interface PlacedToken extends NaiyouToken {
  /** Counted characters before it in its input line. */
  readonly offset: number;
}

interface LaidLine {
  readonly tokens: readonly PlacedToken[];
  readonly sourceLine: number;
  readonly blank: boolean;
}

const DISALLOWED_MESSAGE: Partial<Record<TokenKind, { code: string; message: (text: string) => Localized }>> =
  {
    control: { code: 'naiyou.control_character', message: NAIYOU_MESSAGES.control },
    emoji: { code: 'naiyou.emoji', message: NAIYOU_MESSAGES.emoji },
    'halfwidth-katakana': { code: 'naiyou.halfwidth_katakana', message: NAIYOU_MESSAGES.halfwidthKatakana },
    unusual: { code: 'naiyou.unusual_character', message: NAIYOU_MESSAGES.unusual },
  };

const LETTER = '[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}]';
const WORD = new RegExp(
  `https?://[!-~]+|${LETTER}(?:${LETTER}|[0-9０-９])*(?:[-'&.．－＆’](?:${LETTER}|[0-9０-９])+)*`,
  'gu',
);

const sum = (tokens: readonly NaiyouToken[], key: 'count' | 'cells') =>
  tokens.reduce((n, t) => n + t[key], 0);
const textOf = (tokens: readonly NaiyouToken[]) => tokens.map((t) => t.text).join('');
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\.$/u, '');

function place(tokens: readonly NaiyouToken[]): PlacedToken[] {
  let offset = 0;
  return tokens.map((token) => {
    const placed = { ...token, offset };
    offset += token.count;
    return placed;
  });
}

/** Counted column (1-based) of the character at UTF-16 index `at` of the line. */
function columnAt(tokens: readonly PlacedToken[], at: number): number {
  let position = 0;
  for (const token of tokens) {
    if (position + token.text.length > at) return token.offset + 1;
    position += token.text.length;
  }
  return sum(tokens, 'count') + 1;
}

function latinWarnings(
  line: string,
  tokens: readonly PlacedToken[],
  lineNo: number,
  allowed: ReadonlySet<string>,
): NaiyouWarning[] {
  const warnings: NaiyouWarning[] = [];
  for (const match of line.matchAll(WORD)) {
    const word = match[0];
    const before = line.slice(0, match.index).at(-1) ?? '';
    if (/[0-9０-９]/u.test(before) && LATIN_UNITS.includes(fold(word))) continue;
    if (allowed.has(fold(word))) continue;
    warnings.push({
      line: lineNo,
      column: columnAt(tokens, match.index),
      code: 'naiyou.latin_word',
      message: NAIYOU_MESSAGES.latinWord(word),
    });
  }
  return warnings;
}

/** Breaks a line's tokens so that no part exceeds `columns` in counted characters nor in cells. */
function wrapTokens(tokens: readonly PlacedToken[], columns: number): PlacedToken[][] {
  const parts: PlacedToken[][] = [];
  let current: PlacedToken[] = [];
  let counted = 0;
  let cells = 0;
  for (const token of tokens) {
    if (current.length > 0 && (counted + token.count > columns || cells + token.cells > columns)) {
      parts.push(current);
      current = [];
      counted = 0;
      cells = 0;
    }
    current.push(token);
    counted += token.count;
    cells += token.cells;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Splits tokens so the first part counts at most `budget` characters. */
function splitAtBudget(tokens: readonly PlacedToken[], budget: number): [PlacedToken[], PlacedToken[]] {
  let counted = 0;
  let index = 0;
  while (index < tokens.length && counted + (tokens[index] as PlacedToken).count <= budget) {
    counted += (tokens[index] as PlacedToken).count;
    index += 1;
  }
  return [tokens.slice(0, index), tokens.slice(index)];
}

function paginateGrid(lines: readonly LaidLine[], rows: number, blankLines: 'occupy' | 'free'): LaidLine[][] {
  const pages: LaidLine[][] = [[]];
  let used = 0;
  for (const line of lines) {
    let page = pages.at(-1) as LaidLine[];
    const takesRow = !line.blank || blankLines === 'occupy';
    if (takesRow && used === rows) {
      page = [];
      pages.push(page);
      used = 0;
    }
    if (line.blank && page.length === 0) continue; // no blank lines at the top of a page
    page.push(line);
    if (takesRow) used += 1;
  }
  return pages;
}

function paginateBudget(lines: readonly LaidLine[], perPage: number): LaidLine[][] {
  const pages: LaidLine[][] = [[]];
  let remaining = perPage;
  for (const line of lines) {
    if (line.blank) {
      if ((pages.at(-1) as LaidLine[]).length > 0) (pages.at(-1) as LaidLine[]).push(line);
      continue;
    }
    let rest = line.tokens;
    while (rest.length > 0) {
      if (remaining === 0) {
        pages.push([]);
        remaining = perPage;
      }
      const [head, tail] = splitAtBudget(rest, remaining);
      if (head.length === 0 && remaining === perPage) {
        // A single token larger than a whole page cannot happen with real budgets; place it rather than loop.
        head.push(...tail.splice(0, 1));
      }
      if (head.length > 0) {
        (pages.at(-1) as LaidLine[]).push({ tokens: head, sourceLine: line.sourceLine, blank: false });
        remaining -= sum(head, 'count');
      }
      if (tail.length > 0) remaining = 0;
      rest = tail;
    }
  }
  return pages;
}

/** Checks (and lays out) a 内容証明 letter. Pure: the same text and options always give the same result. */
export function checkNaiyouLetter(text: string, options: NaiyouOptions): NaiyouResult {
  const layout = NAIYOU_LAYOUTS[options.layout];
  if (!layout) throw new RangeError(`Unknown 内容証明 layout: ${String(options.layout)}`);
  const recipients = options.recipients ?? 1;
  if (!Number.isInteger(recipients) || recipients < 1)
    throw new RangeError('recipients must be a positive integer');
  const wrap = options.wrap ?? true;
  const allowed = new Set(
    (options.allowedLatin ?? [])
      .flatMap((entry) => [fold(entry.trim()), ...entry.split(/[\s\u3000]+/u).map(fold)])
      .filter((w) => w !== ''),
  );

  const violations: NaiyouViolation[] = [];
  const warnings: NaiyouWarning[] = [];
  const laid: LaidLine[] = [];
  let open: BracketState = [];

  splitLines(text.replace(/^\uFEFF/u, '')).forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/[ \u3000]+$/u, '');
    if (isBlankLine(line)) {
      laid.push({ tokens: [], sourceLine: lineNo, blank: true });
      return;
    }
    const tokenized = tokenizeLine(line, open);
    open = tokenized.open;
    const tokens = place(tokenized.tokens);
    // A run of disallowed characters of one kind (ｱｲｳ, several emoji) is one violation, at its first column.
    for (let i = 0; i < tokens.length;) {
      const first = tokens[i] as PlacedToken;
      let end = i + 1;
      while (end < tokens.length && (tokens[end] as PlacedToken).kind === first.kind) end += 1;
      const disallowed = DISALLOWED_KINDS.has(first.kind) ? DISALLOWED_MESSAGE[first.kind] : undefined;
      if (disallowed) {
        const run = textOf(tokens.slice(i, end));
        violations.push({
          line: lineNo,
          column: first.offset + 1,
          code: disallowed.code,
          message: disallowed.message(run),
        });
      }
      i = end;
    }
    warnings.push(...latinWarnings(line, tokens, lineNo, allowed));
    if (layout.kind === 'grid' && wrap) {
      for (const part of wrapTokens(tokens, layout.columns))
        laid.push({ tokens: part, sourceLine: lineNo, blank: false });
      return;
    }
    if (layout.kind === 'grid' && sum(tokens, 'count') > layout.columns) {
      // The column of the first character that does not fit (㎡ at column 20 of 20 does not: it counts 2).
      const over = tokens.find((token) => token.offset + token.count > layout.columns);
      violations.push({
        line: lineNo,
        column: (over?.offset ?? layout.columns) + 1,
        code: 'naiyou.line_too_long',
        message: NAIYOU_MESSAGES.lineTooLong(sum(tokens, 'count'), layout.columns),
      });
    }
    laid.push({ tokens, sourceLine: lineNo, blank: false });
  });

  while (laid.at(-1)?.blank) laid.pop();
  const laidPages =
    layout.kind === 'grid'
      ? paginateGrid(laid, layout.rows, options.blankLines ?? 'occupy')
      : paginateBudget(laid, layout.charactersPerPage);
  const pagesWithLines = laidPages.filter((page) => page.length > 0);

  const lines: NaiyouLine[] = pagesWithLines.flatMap((page, pageIndex) =>
    page.map((line) => ({
      text: textOf(line.tokens),
      counted: sum(line.tokens, 'count'),
      cells: sum(line.tokens, 'cells'),
      sourceLine: line.sourceLine,
      sourceColumn: (line.tokens[0]?.offset ?? 0) + 1,
      page: pageIndex + 1,
      blank: line.blank,
    })),
  );
  const pageCount = pagesWithLines.length;
  const countedLines = lines.filter((line) => !line.blank).length;

  if (countedLines === 0) {
    violations.push({ line: 1, column: 1, code: 'naiyou.empty', message: NAIYOU_MESSAGES.empty() });
  }
  if (layout.kind === 'budget') {
    const firstOver = lines.find((line) => line.page === layout.maxPages + 1);
    if (firstOver) {
      violations.push({
        line: firstOver.sourceLine,
        column: firstOver.sourceColumn,
        code: 'naiyou.too_many_pages',
        message: NAIYOU_MESSAGES.tooManyPages(pageCount, layout.maxPages),
      });
    }
    warnings.push({
      code: 'naiyou.unverified_layout',
      message: NAIYOU_MESSAGES.unverifiedLayout(layout.charactersPerPage, layout.maxPages, layout.minFontPt),
    });
  } else if (pageCount > 0) {
    const last = pagesWithLines.at(-1) as LaidLine[];
    const rowsUsed = last.filter(
      (line) => !line.blank || (options.blankLines ?? 'occupy') === 'occupy',
    ).length;
    if (rowsUsed >= layout.rows)
      warnings.push({ code: 'naiyou.stamp_space', message: NAIYOU_MESSAGES.stampSpace() });
    if (pageCount > 1)
      warnings.push({
        code: 'naiyou.seal_across_pages',
        message: NAIYOU_MESSAGES.sealAcrossPages(pageCount),
      });
  }

  violations.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    layout,
    lines,
    pages: pagesWithLines.map((page) => page.map((line) => textOf(line.tokens))),
    pageCount,
    countedLines,
    characters: lines.reduce((n, line) => n + line.counted, 0),
    copiesNeeded: recipients + 2,
    violations,
    warnings,
  };
}

/** A letter can be finalised (rendered for sending) only when no violation remains. */
export function isFinal(result: NaiyouResult): boolean {
  return result.violations.length === 0;
}

/**
 * The document blocks of a checked letter: one `grid` block per page with page breaks between (paper layouts), or
 * one paragraph per line (e内容証明, which is uploaded as a Word file and has no grid).
 */
export function naiyouBlocks(result: NaiyouResult): Block[] {
  const blocks: Block[] = [];
  result.pages.forEach((page, index) => {
    if (index > 0) blocks.push({ kind: 'pageBreak' });
    if (result.layout.kind === 'grid') {
      const { columns, rows, vertical } = result.layout;
      blocks.push({ kind: 'grid', layout: { columns, rows, vertical }, lines: [...page] });
    } else {
      for (const line of page) blocks.push({ kind: 'paragraph', text: [line] });
    }
  });
  return blocks;
}
