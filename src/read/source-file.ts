/**
 * Reading an input from disk, before any reader sees it: only a regular file is read (a
 * FIFO would block for ever, a device never ends), its size is checked before a byte is
 * read, no more than that size is read (a file that grows meanwhile cannot outgrow the
 * check), and the read stops when the caller's signal says so (the per-file timeout): before
 * it starts, and for a large file between chunks.
 *
 * Paths are strings where the file system's names are UTF-8 and Buffers where they are
 * not (a zip made on Chinese Windows unpacks GBK names): a Buffer is passed to the file
 * system as it is and shown to people with its invalid bytes escaped (`\xb1\xa8.docx`).
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, read, readSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { InputError, readFailure } from './errors.js';

/** A path as the file system gives it: a string, or its bytes when they are not UTF-8. */
export type SourcePath = string | Buffer;

/**
 * Inputs larger than this are not read (`--max-input-size`): the largest real disclosures
 * are a few tens of MB, and a file of gigabytes is a mistake or a hostile file whose
 * reading alone would take the machine's memory.
 */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface ReadSourceOptions {
  /** Files larger than this many bytes fail as too large, unread. */
  maxBytes?: number;
  /** Aborting it stops the read (the run's per-file timeout, an interrupt). */
  signal?: AbortSignal;
}

/** Bytes read per call: large enough to be fast, small enough to notice an abort soon. */
const READ_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Files up to this size are read with a synchronous call. Each call of the promise API is a
 * round trip through libuv's thread pool, and a file took four (open, stat, read, close): on
 * 2,000 copies of the fixtures (7 KiB each) converted one after another in one process, the
 * conversions took 4.05 s so and 3.4 s with synchronous calls, 0.3 ms a file in which the
 * process waited and did nothing else. A file this small is read in one call, from the page
 * cache in microseconds, so there is no chunk boundary at which an abort could be noticed
 * anyway; larger files keep the chunked reads that an abort stops between chunks.
 */
const SYNC_READ_MAX_BYTES = 1024 * 1024;

/** What stat() or a directory entry says of a file's type. */
export type FileType = Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>;

/** What a file that is not a regular file is, for the reason given. */
export function fileTypeOf(stats: FileType): string {
  if (stats.isFile()) return 'regular file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isSocket()) return 'socket';
  return 'special file';
}

/** The reason a file is not taken as an input, or null when it is a regular file. */
export function notRegular(stats: FileType): string | null {
  return stats.isFile() ? null : `not a regular file (a ${fileTypeOf(stats)}); only regular files are read`;
}

/** `1073741824` → `1.0 GiB`, for reasons people read. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * The bytes of one input, or an InputError saying why not: missing, unreadable, not a
 * regular file, too large, or not read in time.
 */
export async function readSourceFile(file: SourcePath, options: ReadSourceOptions = {}): Promise<Uint8Array> {
  return withSource(file, options, async (source) => {
    const bytes = Buffer.allocUnsafe(source.size);
    let filled = 0;
    while (filled < source.size) {
      stopIfAborted(options.signal, filled, source.size);
      const bytesRead = await readAt(source, bytes, filled, Math.min(READ_CHUNK_BYTES, source.size - filled), filled);
      // The file shrank while it was read: what is there is the file.
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, filled);
  });
}

/**
 * The SHA-256 and size of one input, read in chunks under the same checks as
 * readSourceFile: what the batch records of a file without holding all of it.
 */
export async function hashSourceFile(file: SourcePath, options: ReadSourceOptions = {}): Promise<{ sha256: string; size: number }> {
  return withSource(file, options, async (source) => {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(READ_CHUNK_BYTES, source.size)));
    let filled = 0;
    while (filled < source.size) {
      stopIfAborted(options.signal, filled, source.size);
      const bytesRead = await readAt(source, chunk, 0, Math.min(chunk.length, source.size - filled), filled);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      filled += bytesRead;
    }
    return { sha256: hash.digest('hex'), size: filled };
  });
}

function stopIfAborted(signal: AbortSignal | undefined, filled: number, size: number): void {
  if (signal?.aborted) throw new InputError('timeout', `reading the file was stopped after ${formatSize(filled)} of ${formatSize(size)} (${abortReason(signal)})`);
}

/** An input opened and checked: a regular file of `size` bytes, within the limit. */
interface OpenSource {
  fd: number;
  size: number;
}

const readAsync = promisify(read);

/** Read into `buffer` at `position`: at once for a small file, through the thread pool for a larger one. */
async function readAt(source: OpenSource, buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
  if (source.size <= SYNC_READ_MAX_BYTES) return readSync(source.fd, buffer, offset, length, position);
  return (await readAsync(source.fd, buffer, offset, length, position)).bytesRead;
}

/**
 * Open `file`, check it is a regular file within the limit, and hand it over; errors become
 * InputErrors. Opening and fstat are synchronous: on a local file system each takes
 * microseconds, less than the thread pool's round trip, and neither waits on a FIFO's writer
 * (see O_NONBLOCK below) or a device's data.
 */
async function withSource<T>(file: SourcePath, options: ReadSourceOptions, use: (source: OpenSource) => Promise<T>): Promise<T> {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; it
    // changes nothing for a regular file.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const { kind, reason } = readFailure(error);
    throw new InputError(kind, reason);
  }
  try {
    const stats = fstatSync(fd);
    const irregular = notRegular(stats);
    if (irregular) throw new InputError('unreadable', irregular);
    const limit = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (stats.size > limit) throw new InputError('too-large', `${formatSize(stats.size)}, over the input size limit of ${formatSize(limit)} (--max-input-size); not read`);
    return await use({ fd, size: stats.size });
  } catch (error) {
    if (error instanceof InputError) throw error;
    const { kind, reason } = readFailure(error);
    throw new InputError(kind, reason);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // A descriptor that will not close has nothing left to give: the read's outcome stands.
    }
  }
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') return 'timed out';
  return reason instanceof Error ? reason.message : 'interrupted';
}

/**
 * A path for people and outputs: a string as it is; a Buffer decoded as UTF-8 where it is
 * valid, each byte that is not shown as `\xNN`.
 */
export function displayPath(path: SourcePath): string {
  if (typeof path === 'string') return path;
  const strict = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < path.length) {
    const length = utf8SequenceLength(path[i] as number);
    if (length > 0 && i + length <= path.length) {
      try {
        out += strict.decode(path.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // not a valid sequence: escaped below
      }
    }
    out += `\\x${(path[i] as number).toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}

/** The length of the UTF-8 sequence a lead byte starts, 0 when it cannot start one. */
function utf8SequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
