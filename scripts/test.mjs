#!/usr/bin/env node
// The full suite behind `npm test`: build (the e2e journeys run the built server), then every
// Vitest project, then one plain summary line that CI reads ("tests: N passed, N failed, N skipped").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

if (run('npm', ['run', 'build', '--silent']) !== 0) {
  console.error('test: the build failed; no tests were run.');
  process.exit(1);
}

if (!process.env.TEST_DATABASE_URL) {
  console.log(
    'test: TEST_DATABASE_URL is not set: the integration suite runs on SQLite only (.ci/run also runs it on PostgreSQL).',
  );
}

const dir = mkdtempSync(join(tmpdir(), 'mimamoru-test-'));
const report = join(dir, 'vitest.json');
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let summary = null;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  summary = {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
} catch {
  // No report: vitest itself failed before running; its exit status says so.
}
rmSync(dir, { recursive: true, force: true });

if (summary)
  console.log(`\ntests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
process.exit(status === 0 && summary && summary.failed === 0 && summary.passed > 0 ? 0 : 1);
