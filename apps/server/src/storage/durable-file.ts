import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** fsync a directory, so a rename or unlink inside it survives a crash. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** mkdir -p that fsyncs each parent of a directory it creates (a new directory entry is data too). */
export async function makeDirectoryDurably(dir: string, mode = 0o700): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      await fs.access(current);
      break;
    } catch {
      missing.unshift(current);
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const created of missing) {
    await fs.mkdir(created, { recursive: true, mode });
    await fsyncDirectory(path.dirname(created));
  }
}

/**
 * Writes `file` so that after this resolves it holds exactly `data` even across a crash:
 * temp file in the same directory, fsync, rename over the target, fsync the directory.
 */
export async function writeFileDurably(file: string, data: Uint8Array, mode = 0o600): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
}
