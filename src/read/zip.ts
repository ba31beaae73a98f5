/**
 * The zip container of .docx and .xlsx packages: its central directory read here, the parts
 * inflated by Node's zlib. fflate did both before; its inflate, in JavaScript, was a sixth of
 * reading a .docx as Word writes it (styles.xml alone inflates to 438 KB), and zlib's native
 * inflate does the same work several times faster, into one buffer of the declared size.
 *
 * The directory is trusted for nothing it cannot prove: every offset and length is checked
 * against the file, a part inflating to more than its declared size is damaged, and names are
 * read as UTF-8 when the entry says so and as Latin-1 otherwise (as fflate read them).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  compression: number;
  /** Compressed size, in bytes. */
  size: number;
  /** Inflated size the directory declares, in bytes. */
  originalSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** The container cannot be read: its directory or an entry's data is damaged. */
export class ZipError extends Error {
  override name = 'ZipError';
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_EOCD_SEARCH = 22 + 0xffff;
const UTF8_NAMES = 0x0800;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A 64-bit size or offset, refused past what a JavaScript number holds exactly. */
function u64(dv: DataView, at: number): number {
  const value = dv.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('invalid zip data (a size or offset beyond 2^53)');
  return Number(value);
}

function need(bytes: Uint8Array, at: number, length: number, what: string): void {
  if (at < 0 || length < 0 || at + length > bytes.length) throw new ZipError(`invalid zip data (${what} past the end of the file)`);
}

/** The central directory: every entry, in the order it lists them. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  let end = bytes.length - 22;
  const stop = Math.max(0, bytes.length - MAX_EOCD_SEARCH);
  while (end >= stop && (end < 0 || dv.getUint32(end, true) !== EOCD)) end--;
  if (end < stop || end < 0) throw new ZipError('invalid zip data (no end of central directory)');
  let count = dv.getUint16(end + 10, true);
  let offset = dv.getUint32(end + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && dv.getUint32(end - 20, true) === EOCD64_LOCATOR) {
    const record = u64(dv, end - 12);
    need(bytes, record, 56, 'the zip64 end record');
    if (dv.getUint32(record, true) !== EOCD64) throw new ZipError('invalid zip data (damaged zip64 end record)');
    count = u64(dv, record + 32);
    offset = u64(dv, record + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    need(bytes, at, 46, 'a directory entry');
    if (dv.getUint32(at, true) !== CENTRAL) throw new ZipError('invalid zip data (damaged central directory)');
    const flags = dv.getUint16(at + 8, true);
    const compression = dv.getUint16(at + 10, true);
    let size = dv.getUint32(at + 20, true);
    let originalSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localOffset = dv.getUint32(at + 42, true);
    need(bytes, at + 46, nameLength + extraLength + commentLength, 'a directory entry');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = Buffer.from(nameBytes.buffer, nameBytes.byteOffset, nameBytes.byteLength).toString(flags & UTF8_NAMES ? 'utf8' : 'latin1');
    if (originalSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64: the sizes and offset that did not fit are in extra field 1, in this order.
      let x = at + 46 + nameLength;
      const xEnd = x + extraLength;
      while (x + 4 <= xEnd) {
        const id = dv.getUint16(x, true);
        const length = dv.getUint16(x + 2, true);
        if (id === 1) {
          let y = x + 4;
          const take = (): number => {
            need(bytes, y, 8, 'a zip64 extra field');
            const v = u64(dv, y);
            y += 8;
            return v;
          };
          if (originalSize === 0xffffffff) originalSize = take();
          if (size === 0xffffffff) size = take();
          if (localOffset === 0xffffffff) localOffset = take();
          break;
        }
        x += 4 + length;
      }
    }
    entries.push({ name, compression, size, originalSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated; ZipError when its data is damaged or larger than declared. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  return inflateData(entry, entryData(bytes, entry));
}

/**
 * An entry's data as stored (compressed, for most), a view into `bytes`: what follows its
 * local header. ZipError when there is no local header or the data runs past the end.
 */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  need(bytes, entry.localOffset, 30, 'a local header');
  if (dv.getUint32(entry.localOffset, true) !== LOCAL) throw new ZipError(`invalid zip data (no local header for ${entry.name})`);
  const start = entry.localOffset + 30 + dv.getUint16(entry.localOffset + 26, true) + dv.getUint16(entry.localOffset + 28, true);
  need(bytes, start, entry.size, `the data of ${entry.name}`);
  return bytes.subarray(start, start + entry.size);
}

/** An entry's data (entryData) inflated; ZipError when it is damaged or larger than declared. */
export function inflateData(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if (entry.compression === 0) return data.slice();
  if (entry.compression !== 8) throw new ZipError(`unknown compression type ${entry.compression}`);
  if (entry.originalSize === 0) return new Uint8Array(0);
  try {
    const out = inflateRawSync(data, { maxOutputLength: entry.originalSize, chunkSize: Math.max(64, Math.min(entry.originalSize, 4 * 1024 * 1024)) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `${entry.name} inflates to more than the ${entry.originalSize} bytes it declares` : (error as Error).message;
    throw new ZipError(message);
  }
}
