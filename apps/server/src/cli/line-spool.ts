/**
 * Where `analyzeFile` keeps its result lines between the one pass over the input and the end (when a few lines
 * are rewritten with stats only the whole input tells): UTF-8 in chunks of whole lines, the first `memoryBytes`
 * in memory and the rest in a temporary file, each chunk sealed with AES-256-GCM under a key made for this spool
 * and never stored — results name victims and quote abuse, so no plaintext reaches the disk, and the file is
 * unreadable once the process ends. Memory stays bounded however many posts there are.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHUNK_BYTES = 1 << 20;
/** Spilled bytes allowed to wait for the disk before append makes its caller wait. */
const MAX_QUEUED = 8 * CHUNK_BYTES;

interface Spilled {
  readonly offset: number;
  readonly length: number;
  readonly iv: Buffer;
  readonly tag: Buffer;
}

export interface LineSpoolOptions {
  /** Bytes kept in memory before chunks go to the temporary file (default 64 MiB). */
  readonly memoryBytes?: number;
  /** Directory for the temporary file (default: the OS's). */
  readonly tmpDir?: string;
}

export class LineSpool {
  private readonly chunks: (Buffer | Spilled)[] = [];
  /** Per chunk, the number of its first line; per line, where it ends in its chunk (4 bytes a line). */
  private readonly firstLines: number[] = [];
  private lineEnds = new Int32Array(4096);
  private current = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private inMemory = 0;
  private readonly memoryBytes: number;
  private readonly key = randomBytes(32);
  private dir: string | undefined;
  private file: FileHandle | undefined;
  private fileBytes = 0;
  /** Spilled chunks being written (in order), and their bytes: append waits only when too many are queued. */
  private writing: Promise<void> = Promise.resolve();
  private queuedBytes = 0;
  private failure: unknown;
  /** Lines appended, and lines in sealed chunks. */
  lines = 0;
  private sealedLines = 0;

  constructor(private readonly options: LineSpoolOptions = {}) {
    this.memoryBytes = options.memoryBytes ?? 64 * 1024 * 1024;
  }

  /**
   * Appends one line (text ending in "\n", no other newline), whole or in pieces (strings and UTF-8 bytes, e.g.
   * a part encoded once and reused). Returns a promise only when too many chunks wait to be written to the
   * temporary file; await it before the next append.
   */
  append(line: string | readonly (string | Uint8Array)[]): Promise<void> | undefined {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair: 4 for 2).
    let worst = 0;
    if (typeof line === 'string') worst = line.length * 3;
    else for (const piece of line) worst += typeof piece === 'string' ? piece.length * 3 : piece.byteLength;
    const sealed = this.used + worst <= this.current.length ? undefined : this.seal(Math.max(CHUNK_BYTES, worst));
    if (this.lines === this.lineEnds.length) {
      const grown = new Int32Array(this.lineEnds.length * 2);
      grown.set(this.lineEnds);
      this.lineEnds = grown;
    }
    if (typeof line === 'string') this.used += this.current.write(line, this.used, 'utf8');
    else
      for (const piece of line) {
        if (typeof piece === 'string') this.used += this.current.write(piece, this.used, 'utf8');
        else {
          this.current.set(piece, this.used);
          this.used += piece.byteLength;
        }
      }
    this.lineEnds[this.lines] = this.used;
    this.lines += 1;
    return sealed;
  }

  /** Closes the current chunk (kept in memory or spilled) and starts one of `size` bytes. */
  private seal(size: number): Promise<void> | undefined {
    const chunk = this.current.subarray(0, this.used);
    this.current = Buffer.allocUnsafe(size);
    this.used = 0;
    if (chunk.length === 0) return undefined;
    this.firstLines.push(this.sealedLines);
    this.sealedLines = this.lines;
    if (this.inMemory + chunk.length <= this.memoryBytes) {
      this.inMemory += chunk.length;
      this.chunks.push(chunk);
      return undefined;
    }
    return this.spill(chunk);
  }

  /**
   * Encrypts a chunk and queues its write, so the disk works while the caller goes on analysing; returns a
   * promise (to await) only when more than MAX_QUEUED bytes wait to be written.
   */
  private spill(chunk: Buffer): Promise<void> | undefined {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(chunk), cipher.final()]);
    const entry: Spilled = { offset: this.fileBytes, length: sealed.length, iv, tag: cipher.getAuthTag() };
    this.chunks.push(entry);
    this.fileBytes += sealed.length;
    this.queuedBytes += sealed.length;
    // The chain never rejects (an unawaited rejection would end the process); a failure is kept and thrown
    // by the next wait.
    this.writing = this.writing.then(async () => {
      if (this.failure) return;
      try {
        this.file ??= await this.createFile();
        await this.file.write(sealed, 0, sealed.length, entry.offset);
      } catch (error) {
        this.failure = error;
      }
      this.queuedBytes -= sealed.length;
    });
    return this.queuedBytes > MAX_QUEUED || this.failure ? this.settled() : undefined;
  }

  /** Waits for the queued writes; throws the first write's failure. */
  private async settled(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure;
  }

  private async createFile(): Promise<FileHandle> {
    this.dir = await mkdtemp(join(this.options.tmpDir ?? tmpdir(), 'mimamoru-spool-'));
    return open(join(this.dir, 'lines.bin'), 'w+', 0o600);
  }

  private async load(entry: Spilled): Promise<Buffer> {
    const sealed = Buffer.allocUnsafe(entry.length);
    await (this.file as FileHandle).read(sealed, 0, entry.length, entry.offset);
    const decipher = createDecipheriv('aes-256-gcm', this.key, entry.iv);
    decipher.setAuthTag(entry.tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]);
  }

  /**
   * Writes every line in order to `write`, in blocks of whole lines (about a chunk each, given as its pieces:
   * runs of unchanged lines and rewritten lines); the lines numbered in `changed` (0-based, ascending) are
   * replaced by `rewrite(n, text)` (a line, whole or in pieces as `append` takes them). Call once, after the last
   * append.
   */
  async drain(
    write: (pieces: readonly Uint8Array[]) => Promise<void> | void,
    changed: readonly number[],
    rewrite: (n: number, line: string) => string | readonly (string | Uint8Array)[],
  ): Promise<void> {
    this.seal(0);
    await this.settled();
    // The next spilled chunk is read and decrypted while this one is written out.
    const fetch = (i: number) => {
      const entry = this.chunks[i];
      if (entry === undefined || Buffer.isBuffer(entry)) return entry;
      const loading = this.load(entry);
      loading.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      return loading;
    };
    let c = 0; // index into changed
    let next = fetch(0);
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = (await next) as Buffer;
      next = fetch(i + 1);
      const first = this.firstLines[i] as number;
      const end = this.firstLines[i + 1] ?? this.lines;
      if (c >= changed.length || (changed[c] as number) >= end) {
        await write([chunk]);
        continue;
      }
      // Unchanged runs as they are, rewritten lines encoded anew: one block per chunk.
      const pieces: Uint8Array[] = [];
      let from = 0;
      for (; c < changed.length && (changed[c] as number) < end; c++) {
        const n = changed[c] as number;
        const start = n === first ? 0 : (this.lineEnds[n - 1] as number);
        const stop = this.lineEnds[n] as number;
        if (from < start) pieces.push(chunk.subarray(from, start));
        const line = rewrite(n, chunk.toString('utf8', start, stop));
        if (typeof line === 'string') pieces.push(Buffer.from(line, 'utf8'));
        else for (const piece of line) pieces.push(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
        from = stop;
      }
      if (from < chunk.length) pieces.push(chunk.subarray(from));
      await write(pieces);
    }
  }

  /** Removes the temporary file; safe to call more than once. */
  async dispose(): Promise<void> {
    await this.writing;
    this.chunks.length = 0;
    this.lineEnds = new Int32Array(0);
    const { file, dir } = this;
    this.file = undefined;
    this.dir = undefined;
    await file?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
