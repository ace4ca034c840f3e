import { readFile, rename, writeFile } from 'node:fs/promises';
import { format as formatPath, parse as parsePath } from 'node:path';
import {
  DOCUMENT_KINDS,
  isLocale,
  type DocumentInput,
  type DocumentKind,
  type HideableField,
  type Locale,
} from '@mimamoru/core';
import { DocumentInputSchema } from '@mimamoru/contracts';
import { Argument, Option, type Command } from 'commander';
import { AppError, type RawIssue } from '../errors/app-error.js';
import { localizeIssues } from '../errors/validation-messages.js';
import type { CliIo } from './main.js';

const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  'takedown-request': '侵害情報の通知書 兼 送信防止措置依頼書 (deletion request, テレサ書式)',
  'disclosure-request':
    '発信者情報開示請求書 (disclosure request, テレサ書式): two copies, the second redacted',
  'demand-letter': '通知書 for 内容証明郵便 (demand letter on the Japan Post grid)',
  'evidence-list': '証拠説明書 (evidence list for a civil court)',
  'criminal-complaint': '告訴状 (draft criminal complaint)',
  'post-list': '投稿記事目録 / 権利侵害の説明 (annexes for a 発信者情報開示命令 application)',
  'case-summary': 'case summary for a lawyer',
};

const HELP = `
Kinds:
${DOCUMENT_KINDS.map((kind) => `  ${kind.padEnd(20)} ${KIND_LABELS[kind]}`).join('\n')}

Reads the case (JSON: the requester, the selected evidence items, the kind's options; the shape is
DocumentInputSchema in packages/contracts/src/documents.contract.ts), builds the document and renders it
(PDF: A4, embedded Noto Serif/Sans JP; DOCX: for editing in Word).

Nothing is written when the input has problems: every missing or invalid field is listed on stderr, and
characters the fonts cannot draw are listed with their code points. Warnings (e.g. 内容証明 rules) are
printed and the document is still written.

A disclosure-request is written twice: FILE for the provider and FILE-redacted (e.g. request-redacted.pdf)
for the poster, without the fields listed in disclosure.hide (blacked out in the PDF, ■■■ in the DOCX; the
hidden text is not in the file). --redacted writes only the redacted copy, to FILE.

Examples:
  $ mimamoru document takedown-request --input case.json --format pdf --out takedown.pdf
  $ mimamoru document disclosure-request --input case.json --format docx --out request.docx
  $ mimamoru document demand-letter --input case.json --out letter.pdf --lang en

Exit codes: 0 written, 1 the input has problems (nothing written), 2 usage.
`;

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
    ja: (count: number) => `入力に ${count} 件の問題があります。ファイルは作成していません:`,
    en: (count: number) => `The input has ${count} problem${count === 1 ? '' : 's'}; no file was written:`,
  },
  warning: { ja: '注意', en: 'warning' },
  notRedactable: {
    ja: (kind: string) =>
      `--redacted は disclosure-request だけに使えます（${kind} には黒塗り版がありません）。`,
    en: (kind: string) => `--redacted applies to disclosure-request only (${kind} has no redacted copy).`,
  },
  writeFailed: {
    ja: (path: string) =>
      `${path} に書き込めませんでした。フォルダがあるか、書き込めるかを確認してください。`,
    en: (path: string) => `Could not write ${path}. Check that the folder exists and is writable.`,
  },
  wrote: {
    ja: (path: string, bytes: number) =>
      `${path} を書き出しました（${bytes.toLocaleString('en-US')} バイト）`,
    en: (path: string, bytes: number) => `Wrote ${path} (${bytes.toLocaleString('en-US')} bytes)`,
  },
} as const;

/** `request.pdf` → `request-redacted.pdf` (in the same folder). */
export function redactedPath(path: string): string {
  const parts = parsePath(path);
  return formatPath({ dir: parts.dir, name: `${parts.name}-redacted`, ext: parts.ext });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

interface DocumentOptions {
  readonly input: string;
  readonly format: 'pdf' | 'docx';
  readonly out: string;
  readonly redacted?: boolean;
  readonly lang?: string;
}

function localeOf(lang: string | undefined, env: CliIo['env']): Locale {
  if (lang && isLocale(lang)) return lang;
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'ja';
}

async function documentCommand(io: CliIo, kind: DocumentKind, options: DocumentOptions): Promise<number> {
  const locale = localeOf(options.lang, io.env);
  const fromStdin = options.input === '-';
  const source = fromStdin ? 'stdin' : options.input;
  let text: string;
  try {
    text = fromStdin ? await readAll(io.stdin) : await readFile(source, 'utf8');
  } catch {
    io.stderr.write(`${MESSAGES.readFailed[locale](source)}\n`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    io.stderr.write(`${MESSAGES.malformedJson[locale](source)}\n`);
    return 1;
  }
  const parsed = DocumentInputSchema.safeParse(json);
  if (!parsed.success) {
    const issues = localizeIssues(parsed.error.issues as readonly RawIssue[], json, locale);
    io.stderr.write(`${MESSAGES.invalid[locale](issues.length)}\n`);
    for (const issue of issues) io.stderr.write(`  ${issue.path || '(root)'}: ${issue.message}\n`);
    return 1;
  }
  // Loaded on use so `--help` starts fast.
  const [{ buildDocument }, { renderDocumentPdf }, { renderDocumentDocx }] = await Promise.all([
    import('@mimamoru/core'),
    import('../render/document-pdf.js'),
    import('../render/document-docx.js'),
  ]);
  const input = parsed.data as DocumentInput;
  const model = buildDocument(kind, input);
  if (model.errors.length > 0) {
    io.stderr.write(`${MESSAGES.invalid[locale](model.errors.length)}\n`);
    for (const error of model.errors)
      io.stderr.write(`  ${error.field ?? '(document)'}: ${error.message[locale]}\n`);
    return 1;
  }
  if (options.redacted && !model.redactable) {
    io.stderr.write(`${MESSAGES.notRedactable[locale](kind)}\n`);
    return 2;
  }
  for (const warning of model.warnings)
    io.stderr.write(
      `${MESSAGES.warning[locale]}: ${warning.field ? `${warning.field}: ` : ''}${warning.message[locale]}\n`,
    );

  const render = options.format === 'docx' ? renderDocumentDocx : renderDocumentPdf;
  const hidden = new Set<HideableField>(input.disclosure?.hide ?? []);
  const copies: { path: string; hidden: ReadonlySet<HideableField> }[] = options.redacted
    ? [{ path: options.out, hidden }]
    : model.redactable
      ? [
          { path: options.out, hidden: new Set() },
          { path: redactedPath(options.out), hidden },
        ]
      : [{ path: options.out, hidden: new Set() }];
  const outputs: { path: string; bytes: Uint8Array }[] = [];
  try {
    // Every copy is rendered before any is written: a failure leaves no file behind.
    for (const copy of copies)
      outputs.push({ path: copy.path, bytes: await render(model, { hidden: copy.hidden }) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr.write(`${error.localize(locale)}\n`);
    return 1;
  }
  for (const output of outputs) {
    const partial = `${output.path}.partial`;
    try {
      await writeFile(partial, output.bytes);
      await rename(partial, output.path);
    } catch {
      io.stderr.write(`${MESSAGES.writeFailed[locale](output.path)}\n`);
      return 1;
    }
    io.stdout.write(`${MESSAGES.wrote[locale](output.path, output.bytes.length)}\n`);
  }
  return 0;
}

/** `mimamoru document <kind>`: a document from a case as PDF or DOCX. */
export function registerDocumentCommands(
  program: Command,
  deps: { io: CliIo; result: { code: number } },
): void {
  program
    .command('document')
    .description('fill a standard request or letter from a case, as PDF or DOCX')
    .addArgument(new Argument('<kind>', 'the document').choices(DOCUMENT_KINDS))
    .requiredOption('--input <file>', "the case as JSON ('-' for stdin)")
    .requiredOption('--out <file>', 'where to write it (a disclosure-request also writes <file>-redacted)')
    .addOption(new Option('--format <format>', 'output format').choices(['pdf', 'docx']).default('pdf'))
    .option('--redacted', 'write only the redacted copy (disclosure-request)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['ja', 'en']))
    .addHelpText('after', HELP)
    .action(async (kind: DocumentKind, options: DocumentOptions) => {
      deps.result.code = await documentCommand(deps.io, kind, options);
    });
}
