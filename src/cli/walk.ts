/**
 * Walking an argument directory: every file below it that `accept` takes, following
 * symbolic links but entering each real directory once (a link back up the tree is not a
 * loop). Names are read as bytes: one that is not UTF-8 (GBK names from a zip made on
 * Chinese Windows) is kept as a Buffer path the file system can open, and shown escaped.
 * Directories that cannot be read, and entries with a wanted name that are not regular
 * files (a FIFO, a device), are reported, not passed over in silence.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath, notRegular, type SourcePath } from '../read/source-file.js';

export interface WalkedFile {
  /** Where to open it. */
  file: SourcePath;
  /** Its path below the walked directory, `/`-separated, escaped where not UTF-8. */
  relative: string;
}

export interface Walk {
  files: WalkedFile[];
  /** `<directory>: <reason>` for each directory that could not be read. */
  unreadable: { path: string; reason: string }[];
  /** Files not taken, each with the reason (relative paths). */
  passedOver: { path: string; reason: string }[];
}

/** Whether a file is taken: true, or the reason it is not (null: not worth saying). */
export type Accept = (name: string) => true | string | null;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export async function walkFiles(dir: string, accept: Accept): Promise<Walk> {
  const walk: Walk = { files: [], unreadable: [], passedOver: [] };
  await visit(dir, [], accept, new Set(), walk);
  walk.files.sort((a, b) => byCodeUnits(a.relative, b.relative));
  walk.passedOver.sort((a, b) => byCodeUnits(a.path, b.path));
  return walk;
}

function byCodeUnits(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A name as the file system gave it, and how it is joined and shown. */
function child(dir: SourcePath, name: Buffer): { path: SourcePath; shown: string } {
  let text: string | null;
  try {
    text = UTF8.decode(name);
  } catch {
    text = null;
  }
  if (text !== null && typeof dir === 'string') return { path: join(dir, text), shown: text };
  const bytes = Buffer.concat([typeof dir === 'string' ? Buffer.from(dir) : dir, Buffer.from('/'), name]);
  return { path: bytes, shown: text ?? displayPath(name) };
}

async function visit(dir: SourcePath, under: string[], accept: Accept, visited: Set<string>, walk: Walk): Promise<void> {
  const real = await realpath(dir, { encoding: 'buffer' }).catch(() => (typeof dir === 'string' ? Buffer.from(dir) : dir));
  const key = real.toString('latin1');
  if (visited.has(key)) return;
  visited.add(key);
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    walk.unreadable.push({ path: displayPath(dir), reason: `cannot read directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    return;
  }
  for (const entry of entries) {
    const { path, shown } = child(dir, entry.name);
    const relative = [...under, shown].join('/');
    const target: Stats | Dirent<Buffer> | null = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
    if (target === null) continue;
    if (target.isDirectory()) {
      await visit(path, [...under, shown], accept, visited, walk);
      continue;
    }
    const taken = accept(shown);
    if (taken === null) continue;
    if (!target.isFile()) {
      // A FIFO named x.pdf would block the reader for ever, a device never ends: named, not read.
      if (taken === true) walk.passedOver.push({ path: relative, reason: notRegular(target) ?? 'not a regular file' });
      continue;
    }
    if (taken === true) walk.files.push({ file: path, relative });
    else walk.passedOver.push({ path: relative, reason: taken });
  }
}
