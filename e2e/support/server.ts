import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built server (`mimamoru serve`) on SQLite in a fresh data directory, as `npm start` does.
 * `env` adds or overrides variables (SMTP_URL, PUBLIC_URL, MIMAMORU_MASTER_KEY …); a function receives
 * the server's address and data directory first, for values that depend on them.
 */
export async function startBuiltServer(
  env: Record<string, string> | ((server: { url: string; dataDir: string }) => Record<string, string>) = {},
): Promise<RunningServer> {
  const bin = join(root, 'apps/server/bin/mimamoru.js');
  if (
    !existsSync(join(root, 'apps/server/dist/cli/main.js')) ||
    !existsSync(join(root, 'apps/web/dist/index.html'))
  ) {
    throw new Error('The app is not built: run `npm run build` (npm test does it first).');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mimamoru-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const extra = typeof env === 'function' ? env({ url, dataDir }) : env;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MIMAMORU_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    dataDir,
    output: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
