import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { formatFingerprint } from '@mimamoru/core';
import type { Command } from 'commander';
import { AppError } from '../errors/app-error.js';
import type { BundleProgress } from '../modules/evidence-bundle/bundle-writer.js';
import { verifyEvidenceBundle } from '../modules/evidence-bundle/bundle-reader.js';
import {
  checkBundleTimestamps,
  describeTimestampCheck,
  readTrustAnchorsFile,
} from '../modules/evidence-timestamp/bundle-timestamps.js';
import { openContainer, type CommandDeps } from './open-container.js';

const EXPORT_HELP = `
Writes a case's evidence bundle (ZIP): manifest.json (items, file hashes, the whole hash chain, the signed
head, the public key, any RFC 3161 timestamps), the files under files/, report.pdf, verify.txt (how to check
it with sha256sum and openssl alone), SHA256SUMS, public-key.pem, head-message.txt and head-signature.bin.
The export is recorded in the audit log ('evidence.exported'). Every entry is stored uncompressed (evidence
media is already compressed), so the bundle's exact size is known before writing starts.

Progress goes to stderr: first while report.pdf is rendered (up to a minute for 1,000 items), then the
percentage written: a bar redrawn in place on a terminal, one line per 10% otherwise (logs, pipes). The ZIP is
written to <file>.partial and renamed to <file> when complete; stdout gets one summary line.

Example:
  $ mimamoru evidence export --case MM-2026-00042 --out bundle.zip
`;

const VERIFY_HELP = `
Checks an evidence bundle offline: every file's SHA-256 and size, the hash chain, the head signature, the
timestamps, SHA256SUMS and the helper files; refuses unsafe names, duplicate names and ZIP bombs. Needs no
database or configuration. Each RFC 3161 timestamp token's TSA signature is checked; with --tsa-ca FILE (PEM
root certificates of the TSA, e.g. the one in MIMAMORU_TSA_CA_FILE) its certificate must also chain to one of
them, otherwise the summary says it was not checked against a trust anchor.

Exit codes: 0 the bundle verifies (summary on stdout), 1 something was altered, removed or added (the first
problem on stderr, with the item and file it concerns), 2 the input cannot be read as a ZIP (or --tsa-ca cannot).

Examples:
  $ mimamoru verify bundle.zip
  $ mimamoru verify bundle.zip --tsa-ca tsa-root.pem
`;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A size in decimal units, as the console shows it: `812.4 MB`, `2.0 GB`. */
function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(1)} kB`;
}

/**
 * Export progress on stderr: on a terminal a bar redrawn in place (at most 5 times a second), else one line per
 * 10% so logs stay short. Returns the progress callback and a function that ends the display.
 */
function exportProgress(stderr: { write(text: string): unknown; isTTY?: boolean }) {
  const tty = stderr.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  const line = (p: BundleProgress) => {
    const percent = p.bytesTotal > 0 ? Math.floor((p.bytes / p.bytesTotal) * 100) : 100;
    return { percent, text: `${percent}% — ${formatSize(p.bytes)} / ${formatSize(p.bytesTotal)}, ${p.filesDone}/${p.filesTotal} files` };
  };
  const onProgress = (p: BundleProgress) => {
    const { percent, text } = line(p);
    if (tty) {
      const now = Date.now();
      if (now - lastDraw < 200 && p.bytes < p.bytesTotal) return;
      lastDraw = now;
      const filled = Math.round(percent / 5);
      stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${text}\x1b[K`);
      return;
    }
    const tenth = Math.floor(percent / 10);
    if (tenth <= lastTenth) return;
    lastTenth = tenth;
    stderr.write(`exporting: ${text}\n`);
  };
  const done = () => {
    if (tty && lastDraw > 0) stderr.write('\n');
  };
  return { onProgress, done };
}

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
        deps.io.stderr.write(`preparing ${options.case}: checking the evidence chain and rendering report.pdf …\n`);
        const bundle = await container.services.evidenceBundle.prepareExport({
          caseNumber: options.case,
          exporter: { kind: 'operator' },
        });
        deps.io.stderr.write(
          `writing ${bundle.items} item(s), ${bundle.files} file(s): ${formatSize(bundle.size)} (${bundle.size} bytes)\n`,
        );
        const progress = exportProgress(deps.io.stderr);
        const result = await bundle.write(createWriteStream(partial), progress.onProgress).finally(progress.done);
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
    .option('--tsa-ca <file>', "PEM trust anchors the timestamps' TSA certificate must chain to")
    .addHelpText('after', VERIFY_HELP)
    .action(async (bundle: string, options: { tsaCa?: string }) => {
      const anchors = options.tsaCa === undefined ? undefined : await readTrustAnchorsFile(options.tsaCa);
      if (anchors && !anchors.ok) {
        deps.io.stderr.write(`--tsa-ca: ${anchors.problem}\n`);
        deps.result.code = 2;
        return;
      }
      const verdict = await verifyEvidenceBundle(bundle);
      const stamps = verdict.ok ? await checkBundleTimestamps(bundle, anchors?.pem) : undefined;
      if (stamps && !stamps.ok) {
        deps.io.stderr.write(
          `FAILED: ${bundle} does not verify.\n  timestamp: ${stamps.detail}\n` + (stamps.file ? `  file: ${stamps.file}\n` : ''),
        );
        deps.result.code = 1;
      } else if (verdict.ok && stamps) {
        const s = verdict.summary;
        deps.io.stdout.write(
          [
            `OK: ${bundle} verifies.`,
            `  case ${s.caseNumber}: ${s.items} item(s), ${s.files} file(s), ${s.entries} chain entries`,
            `  chain head #${s.headSeq} ${s.headHash}, signature valid`,
            `  key fingerprint ${formatFingerprint(s.keyFingerprint)}`,
            describeTimestampCheck(stamps, options.tsaCa),
            '  Compare the key fingerprint with the one the mimamoru operator publishes.',
            '',
          ].join('\n'),
        );
        deps.result.code = 0;
      } else if ('unreadable' in verdict) {
        deps.io.stderr.write(`${bundle} cannot be read as a ZIP: ${verdict.unreadable}\n`);
        deps.result.code = 2;
      } else if (!verdict.ok) {
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
