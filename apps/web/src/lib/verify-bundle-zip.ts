import { Inflate } from 'fflate';

/*
 * A ZIP reader over a Blob (a File the person chose) that never holds the archive in memory: it reads the end of
 * central directory (and the ZIP64 records) and the central directory with `blob.slice()`, then streams each entry's
 * data in chunks, inflating deflated entries with fflate's streaming Inflate. APPNOTE.TXT 6.3.x is the reference.
 */

/** Bytes read from the file at a time (and so the most a stored entry holds in memory). */
export const ZIP_CHUNK_BYTES = 4 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time, so one push cannot expand to more than ~64 MiB. */
const INFLATE_PUSH_BYTES = 64 * 1024;
/** An archive comment is at most 65,535 bytes, so the end record lies within this many bytes of the end. */
const EOCD_SEARCH_BYTES = 22 + 0xffff;
const MAX_CENTRAL_DIRECTORY_BYTES = 128 * 1024 * 1024;

const SIG = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

/** The archive cannot be read as a ZIP (not a problem with one entry). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** One entry's data cannot be read (bad local header, bad deflate data, sizes that do not match). */
export class ZipEntryError extends Error {
  constructor(
    readonly entry: string,
    message: string,
  ) {
    super(message);
    this.name = 'ZipEntryError';
  }
}

async function readBytes(blob: Blob, offset: number, length: number): Promise<Uint8Array> {
  if (offset < 0 || length < 0 || offset + length > blob.size) {
    throw new ZipFormatError(`a record points outside the file (offset ${offset}, length ${length})`);
  }
  return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
}

/** Little-endian 64-bit value as a JS number; above 2^53 it cannot be a real offset in a Blob. */
function uint64(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;
  if (!Number.isSafeInteger(value)) throw new ZipFormatError('a ZIP64 size or offset is out of range');
  return value;
}

const dataView = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

interface Directory {
  readonly offset: number;
  readonly size: number;
  readonly entries: number;
}

async function findDirectory(blob: Blob): Promise<Directory> {
  if (blob.size < 22) throw new ZipFormatError('the file is too short to be a ZIP');
  const tailStart = Math.max(0, blob.size - EOCD_SEARCH_BYTES);
  const tail = await readBytes(blob, tailStart, blob.size - tailStart);
  const view = dataView(tail);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (view.getUint32(i, true) === SIG.end && i + 22 + view.getUint16(i + 20, true) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('no end of central directory record (not a ZIP, or truncated)');
  let directory: Directory = {
    entries: view.getUint16(at + 10, true),
    size: view.getUint32(at + 12, true),
    offset: view.getUint32(at + 16, true),
  };
  const endOffset = tailStart + at;
  if (endOffset >= 20) {
    const locator = dataView(await readBytes(blob, endOffset - 20, 20));
    if (locator.getUint32(0, true) === SIG.zip64Locator) {
      const recordOffset = uint64(locator, 8);
      const record = dataView(await readBytes(blob, recordOffset, 56));
      if (record.getUint32(0, true) !== SIG.zip64End) throw new ZipFormatError('the ZIP64 end record is missing');
      directory = { entries: uint64(record, 32), size: uint64(record, 40), offset: uint64(record, 48) };
    }
  }
  if (directory.size > MAX_CENTRAL_DIRECTORY_BYTES) throw new ZipFormatError('the central directory is too large');
  return directory;
}

/** Reads the central directory: every entry's name, method, sizes and where its local header is. */
export async function readZipEntries(blob: Blob, limits: { maxEntries: number }): Promise<ZipEntry[]> {
  const directory = await findDirectory(blob);
  if (directory.entries > limits.maxEntries) {
    throw new ZipFormatError(`${directory.entries} entries (limit ${limits.maxEntries})`);
  }
  const bytes = await readBytes(blob, directory.offset, directory.size);
  const view = dataView(bytes);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = 0;
  while (entries.length < directory.entries) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG.central) {
      throw new ZipFormatError(`central directory entry ${entries.length + 1} is damaged`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) throw new ZipFormatError(`central directory entry ${entries.length + 1} is damaged`);
    const name = decoder.decode(bytes.subarray(nameStart, extraStart));
    // ZIP64 extended information (0x0001): only the fields whose 32-bit value is 0xFFFFFFFF, in this order.
    for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let field = e + 4;
        const take = () => {
          if (field + 8 > e + 4 + size) throw new ZipFormatError(`${name}: ZIP64 extra field is too short`);
          const value = uint64(view, field);
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      e += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) === 1 });
    at = next;
  }
  return entries;
}

/**
 * Streams one entry's uncompressed bytes to `onData` in chunks (stored: as read; deflated: as inflated), checking
 * that exactly `uncompressedSize` bytes come out. Never buffers more than one chunk.
 */
export async function readZipEntry(
  blob: Blob,
  entry: ZipEntry,
  onData: (chunk: Uint8Array) => void,
  onRead?: (compressedBytes: number) => void,
): Promise<void> {
  const fail = (why: string) => new ZipEntryError(entry.name, `${entry.name} cannot be read (${why})`);
  if (entry.encrypted) throw fail('encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw fail(`compression method ${entry.method}`);
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw fail('stored sizes differ');
  if (entry.localHeaderOffset + 30 > blob.size) throw fail('no local header');
  const header = dataView(await readBytes(blob, entry.localHeaderOffset, 30));
  if (header.getUint32(0, true) !== SIG.local) throw fail('bad local header');
  const start = entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  if (start + entry.compressedSize > blob.size) throw fail('data runs past the end of the file');

  let produced = 0;
  const emit = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) throw fail('more data than its declared size');
    if (chunk.length > 0) onData(chunk);
  };
  let inflate: Inflate | undefined;
  let ended = false;
  if (entry.method === 8) {
    inflate = new Inflate((chunk, final) => {
      emit(chunk);
      if (final) ended = true;
    });
  }
  if (inflate && entry.compressedSize === 0) throw fail('no deflate data');
  for (let offset = 0; offset < entry.compressedSize; ) {
    const length = Math.min(ZIP_CHUNK_BYTES, entry.compressedSize - offset);
    const chunk = await readBytes(blob, start + offset, length);
    offset += length;
    onRead?.(length);
    if (!inflate) {
      emit(chunk);
      continue;
    }
    const last = offset >= entry.compressedSize;
    try {
      for (let p = 0; p < chunk.length; p += INFLATE_PUSH_BYTES) {
        inflate.push(chunk.subarray(p, p + INFLATE_PUSH_BYTES), last && p + INFLATE_PUSH_BYTES >= chunk.length);
      }
    } catch (error) {
      if (error instanceof ZipEntryError) throw error;
      throw fail(`bad deflate data: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (inflate && !ended) throw fail('deflate data ends early');
  if (produced !== entry.uncompressedSize) throw fail('less data than its declared size');
}
