#!/usr/bin/env node
// `npm start`: build whatever is missing or older than its sources, then run `mimamoru serve`
// in the foreground (stdio inherited, SIGINT/SIGTERM forwarded, exit code passed through).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

/** Each build output and the sources it is built from. */
const targets = [
  {
    output: at('packages/core/dist/index.js'),
    sources: [at('packages/core/src'), at('packages/core/tsconfig.json'), at('packages/core/package.json')],
  },
  {
    output: at('packages/contracts/dist/index.js'),
    sources: [
      at('packages/contracts/src'),
      at('packages/contracts/tsconfig.json'),
      at('packages/contracts/package.json'),
    ],
  },
  {
    output: at('apps/server/dist/cli/main.js'),
    sources: [at('apps/server/src'), at('apps/server/tsconfig.json'), at('tsconfig.base.json')],
  },
  {
    output: at('apps/web/dist/index.html'),
    sources: [
      at('apps/web/src'),
      at('apps/web/index.html'),
      at('apps/web/public'),
      at('apps/web/vite.config.ts'),
      at('apps/web/package.json'),
    ],
  },
];

const SKIP = new Set(['node_modules', 'dist', '.git']);

/** Newest modification time under a file or directory (0 when absent); tests do not count. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (!SKIP.has(entry)) latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function stale({ output, sources }) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => newest(source) > built);
}

const outdated = targets.filter(stale);
if (outdated.length > 0) {
  console.log(
    `start: building (${outdated.map((t) => t.output.slice(root.length + 1)).join(', ')} missing or out of date)…`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('start: the build failed; fix the errors above, then run `npm start` again.');
    process.exit(build.status ?? 1);
  }
}

const child = spawn(
  process.execPath,
  [at('apps/server/bin/mimamoru.js'), 'serve', ...process.argv.slice(2)],
  {
    cwd: process.cwd(),
    stdio: 'inherit',
  },
);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 1) : 1));
});
