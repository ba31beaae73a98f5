/**
 * Just enough of the OLE2 compound file format (MS-CFB) to tell what a legacy Office file
 * is before any other program sees it: the header, the FAT (through the DIFAT), the mini
 * FAT, the directory, and the first bytes of a named stream. Every chain is followed with a
 * visited set and every count is checked against the file's size, so a damaged or hostile
 * file ends in one InputError('corrupt') line, never a loop or a huge allocation.
 */
import { InputError } from '../errors.js';

/** Sector numbers at or above this are markers (free, end of chain, FAT, DIFAT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;

const HEADER_BYTES = 512;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
const NO_STREAM = 0xffffffff;

/** Streams read for detection are read this far, at most (a FIB header, a few BIFF records). */
export const MAX_PEEK_BYTES = 64 * 1024;

/** One entry of the directory: a storage (folder) or a stream. */
export interface DirectoryEntry {
  name: string;
  type: 'storage' | 'stream' | 'root' | 'unknown';
  /** First sector of the stream's chain (in the mini stream when `size` is below the cutoff). */
  start: number;
  size: number;
  left: number;
  right: number;
  child: number;
}

export interface CompoundFile {
  /** Names of the streams and storages directly under the root storage. */
  rootNames: string[];
  /** The first `limit` bytes of a stream directly under the root, or null when it is absent. */
  peek(name: string, limit?: number): Uint8Array | null;
}

function corrupt(reason: string): InputError {
  return new InputError('corrupt', `corrupt OLE2 compound file: ${reason}; not read`);
}

/** Parse the container. Throws InputError('corrupt') with the first thing found wrong. */
export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < HEADER_BYTES) throw corrupt(`only ${bytes.length} bytes, shorter than the 512-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);

  if (u16(28) !== 0xfffe) throw corrupt('the byte-order mark of the header is wrong');
  const major = u16(26);
  const sectorShift = u16(30);
  // Version 3 files have 512-byte sectors, version 4 files 4096-byte ones; nothing else exists.
  if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) {
    throw corrupt(`version ${major} with 2^${sectorShift}-byte sectors is not a valid combination`);
  }
  if (u16(32) !== 6) throw corrupt(`mini sectors of 2^${u16(32)} bytes (must be 64)`);
  const sectorSize = 1 << sectorShift;
  const miniCutoff = u32(56);
  if (miniCutoff !== 4096) throw corrupt(`mini stream cutoff of ${miniCutoff} bytes (must be 4096)`);
  // The last sector may be cut short by a careless writer; it still counts.
  const sectorCount = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const entriesPerSector = sectorSize / 4;

  const sectorOffset = (sector: number, what: string): number => {
    if (sector >= sectorCount) throw corrupt(`${what} points at sector ${sector}, past the end of the file (${sectorCount} sectors)`);
    return (sector + 1) * sectorSize;
  };

  // FAT sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectorCount = u32(44);
  if (fatSectorCount > sectorCount) throw corrupt(`the header claims ${fatSectorCount} FAT sectors in a file of ${sectorCount} sectors`);
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(76 + i * 4));
  let difat = u32(68);
  const difatSeen = new Set<number>();
  while (fatSectors.length < fatSectorCount) {
    if (difat >= MAX_REGULAR_SECTOR) throw corrupt(`the DIFAT lists ${fatSectors.length} of ${fatSectorCount} FAT sectors`);
    if (difatSeen.has(difat)) throw corrupt(`the DIFAT chain loops at sector ${difat}`);
    difatSeen.add(difat);
    const at = sectorOffset(difat, 'the DIFAT chain');
    for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(at + i * 4));
    difat = u32(at + (entriesPerSector - 1) * 4);
  }
  const fat = new Uint32Array(fatSectorCount * entriesPerSector);
  fatSectors.forEach((sector, index) => {
    const at = sectorOffset(sector, 'the FAT sector list');
    for (let i = 0; i < entriesPerSector; i++) fat[index * entriesPerSector + i] = at + i * 4 + 4 <= bytes.length ? u32(at + i * 4) : FREE_SECTOR;
  });

  /** The sectors of a chain, in order; `maxSectors` stops reading early (peeking). */
  const chain = (start: number, table: Uint32Array, limit: number, what: string, maxSectors = Infinity): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    let sector = start;
    while (sector !== END_OF_CHAIN && out.length < maxSectors) {
      if (sector >= MAX_REGULAR_SECTOR) throw corrupt(`${what} holds the marker 0x${sector.toString(16)} where a sector belongs`);
      if (sector >= limit) throw corrupt(`${what} points at sector ${sector}, past the end of the file (${limit} sectors)`);
      if (seen.has(sector)) throw corrupt(`${what} loops back to sector ${sector}`);
      seen.add(sector);
      out.push(sector);
      const next = table[sector];
      if (next === undefined) throw corrupt(`${what} reaches sector ${sector}, which the FAT does not cover`);
      sector = next;
    }
    return out;
  };

  const readChain = (start: number, size: number, what: string): Uint8Array => {
    const sectors = chain(start, fat, sectorCount, what, Math.ceil(size / sectorSize));
    const out = new Uint8Array(Math.min(size, sectors.length * sectorSize));
    sectors.forEach((sector, i) => {
      const at = (sector + 1) * sectorSize;
      out.set(bytes.subarray(at, Math.min(at + sectorSize, bytes.length)).subarray(0, Math.max(0, out.length - i * sectorSize)), i * sectorSize);
    });
    return out;
  };

  // The directory: a chain of sectors of 128-byte entries; entry 0 is the root storage.
  const directorySectors = chain(u32(48), fat, sectorCount, 'the directory chain');
  const entries: DirectoryEntry[] = [];
  for (const sector of directorySectors) {
    const base = (sector + 1) * sectorSize;
    for (let at = base; at + DIRECTORY_ENTRY_BYTES <= Math.min(base + sectorSize, bytes.length); at += DIRECTORY_ENTRY_BYTES) {
      const nameBytes = Math.min(u16(at + 64), 64);
      const name = Buffer.from(bytes.subarray(at, at + Math.max(0, nameBytes - 2))).toString('utf16le');
      const type = bytes[at + 66];
      // Version 3 files keep only the low 32 bits of the size; writers leave junk above.
      const size = major === 3 ? u32(at + 120) : u32(at + 120) + u32(at + 124) * 2 ** 32;
      entries.push({
        name,
        type: type === 1 ? 'storage' : type === 2 ? 'stream' : type === 5 ? 'root' : 'unknown',
        start: u32(at + 116),
        size,
        left: u32(at + 68),
        right: u32(at + 72),
        child: u32(at + 76),
      });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 'root') throw corrupt('the directory has no root entry');

  // The children of the root: a tree of siblings (left, right) under root.child.
  const children = new Map<string, DirectoryEntry>();
  const visited = new Set<number>();
  const pending = [root.child];
  while (pending.length > 0) {
    const id = pending.pop() as number;
    if (id === NO_STREAM) continue;
    const entry = entries[id];
    if (!entry) throw corrupt(`the directory tree names entry ${id} of ${entries.length}`);
    if (visited.has(id)) throw corrupt(`the directory tree loops at entry ${id}`);
    visited.add(id);
    if (entry.type !== 'unknown') children.set(entry.name, entry);
    pending.push(entry.left, entry.right);
  }

  let miniStream: Uint8Array | null = null;
  let miniFat: Uint32Array | null = null;
  const miniParts = (): { stream: Uint8Array; table: Uint32Array } => {
    if (!miniStream || !miniFat) {
      if (root.size > bytes.length) throw corrupt(`the mini stream claims ${root.size} bytes in a file of ${bytes.length}`);
      miniStream = readChain(root.start, root.size, 'the mini stream');
      const count = u32(64);
      if (count > sectorCount) throw corrupt(`the header claims ${count} mini FAT sectors in a file of ${sectorCount} sectors`);
      const table = readChain(u32(60), count * sectorSize, 'the mini FAT chain');
      miniFat = new Uint32Array(table.buffer.slice(table.byteOffset, table.byteOffset + table.byteLength - (table.byteLength % 4)));
    }
    return { stream: miniStream, table: miniFat };
  };

  return {
    rootNames: [...children.keys()],
    peek(name: string, limit = MAX_PEEK_BYTES): Uint8Array | null {
      const entry = children.get(name);
      if (!entry || entry.type !== 'stream') return null;
      const want = Math.min(entry.size, limit);
      if (entry.size >= miniCutoff) return readChain(entry.start, want, `the ${name} stream`);
      const { stream, table } = miniParts();
      const sectors = chain(entry.start, table, Math.floor(stream.length / 64), `the ${name} stream (in the mini stream)`, Math.ceil(want / 64));
      const out = new Uint8Array(Math.min(want, sectors.length * 64));
      sectors.forEach((sector, i) => out.set(stream.subarray(sector * 64, sector * 64 + 64).subarray(0, Math.max(0, out.length - i * 64)), i * 64));
      return out;
    },
  };
}
