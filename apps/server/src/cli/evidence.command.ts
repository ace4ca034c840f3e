import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { formatFingerprint } from '@mimamoru/core';
import type { Command } from 'commander';
import { AppError } from '../errors/app-error.js';
import type { BundleProgress } from '../modules/evidence-bundle/bundle-writer.js';
import { verifyEvidenceBundle } from '../modules/evidence-bundle/bundle-reader.js';
import { openContainer, type CommandDeps } from './open-container.js';

const EXPORT_HELP = `
Writes a case's evidence bundle (ZIP): manifest.json (items, file hashes, the whole hash chain, the signed
head, the public key, any RFC 3161 timestamps), the files under files/, report.pdf, verify.txt (how to check
it with sha256sum and openssl alone), SHA256SUMS, public-key.pem, head-message.txt and head-signature.bin.
Progress (bytes and files) goes to stderr. The export is recorded in the audit log ('evidence.exported').

Example:
  $ mimamoru evidence export --case MM-2026-00042 --out bundle.zip
`;

const VERIFY_HELP = `
Checks an evidence bundle offline: every file's SHA-256 and size, the hash chain, the head signature, the
timestamps, SHA256SUMS and the helper files; refuses unsafe names, duplicate names and ZIP bombs. Needs no
database or configuration.

Exit codes: 0 the bundle verifies (summary on stdout), 1 something was altered, removed or added (the first
problem on stderr, with the item and file it concerns), 2 the input cannot be read as a ZIP.

Example:
  $ mimamoru verify bundle.zip
`;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** `mimamoru evidence export` and `mimamoru verify`. */
export function registerEvidenceCommands(program: Command, deps: CommandDeps): void {
  const evidence = program.command('evidence').description('Evidence locker: export a case as a verifiable bundle.');
  evidence
    .command('export')
    .description("Write a case's evidence bundle (ZIP) to a file.")
    .requiredOption('-c, --case <caseNumber>', 'the case number, e.g. MM-2026-00042')
    .requiredOption('-o, --out <file>', 'where to write the ZIP')
    .addHelpText('after', EXPORT_HELP)
    .action(async (options: { case: string; out: string }) => {
      const container = await openContainer(deps);
      if (!container) {
        deps.result.code = 1;
        return;
      }
      const partial = `${options.out}.partial`;
      try {
        const { write } = await container.services.evidenceBundle.prepareExport({
          caseNumber: options.case,
          exporter: { kind: 'operator' },
        });
        let last = 0;
        const progress = (p: BundleProgress) => {
          const now = Date.now();
          if (now - last < 1000 && p.filesDone < p.filesTotal) return;
          last = now;
          deps.io.stderr.write(`exporting: ${mib(p.bytes)} written, ${p.filesDone}/${p.filesTotal} files\n`);
        };
        const result = await write(createWriteStream(partial), progress);
        await rename(partial, options.out);
        deps.io.stdout.write(
          `Wrote ${options.out}: ${result.items} item(s), ${result.files} file(s), ${mib(result.bytes)}; ` +
            `chain head #${result.manifest.head.seq}, key ${formatFingerprint(result.manifest.keyFingerprint)}.\n`,
        );
        deps.result.code = 0;
      } catch (error) {
        await rm(partial, { force: true });
        if (error instanceof AppError) {
          deps.io.stderr.write(`${options.case}: ${error.message}\n`);
          deps.result.code = 2;
          return;
        }
        throw error;
      } finally {
        await container.close();
      }
    });

  program
    .command('verify')
    .description('Verify an evidence bundle (ZIP) offline: hashes, chain, signature, timestamps.')
    .argument('<bundle>', 'the bundle ZIP')
    .addHelpText('after', VERIFY_HELP)
    .action(async (bundle: string) => {
      const verdict = await verifyEvidenceBundle(bundle);
      if (verdict.ok) {
        const s = verdict.summary;
        deps.io.stdout.write(
          [
            `OK: ${bundle} verifies.`,
            `  case ${s.caseNumber}: ${s.items} item(s), ${s.files} file(s), ${s.entries} chain entries`,
            `  chain head #${s.headSeq} ${s.headHash}, signature valid`,
            `  key fingerprint ${formatFingerprint(s.keyFingerprint)}`,
            `  timestamps: ${s.timestamps}`,
            '  Compare the key fingerprint with the one the mimamoru operator publishes.',
            '',
          ].join('\n'),
        );
        deps.result.code = 0;
      } else if ('unreadable' in verdict) {
        deps.io.stderr.write(`${bundle} cannot be read as a ZIP: ${verdict.unreadable}\n`);
        deps.result.code = 2;
      } else {
        const p = verdict.problem;
        deps.io.stderr.write(
          `FAILED: ${bundle} does not verify.\n  ${p.kind}: ${p.detail}\n` +
            (p.item ? `  item: ${p.item}\n` : '') +
            (p.file ? `  file: ${p.file}\n` : ''),
        );
        deps.result.code = 1;
      }
    });
}
