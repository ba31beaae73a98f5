/**
 * Walking an argument directory: every file below it that `accept` takes, following
 * symbolic links but entering each real directory once (a link back up the tree is not a
 * loop), and never entering `skip` (the output directory, when it lies inside an input).
 * Directories that cannot be read are reported, not passed over in silence.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface Walk {
  files: string[];
  /** `<directory>: <reason>` for each directory that could not be read. */
  unreadable: { path: string; reason: string }[];
  /** Files not taken, each with the reason `accept` gave. */
  passedOver: { path: string; reason: string }[];
}

/** Whether a file is taken: true, or the reason it is not (null: not worth saying). */
export type Accept = (name: string) => true | string | null;

export async function walkFiles(dir: string, accept: Accept, skip: string | null = null): Promise<Walk> {
  const walk: Walk = { files: [], unreadable: [], passedOver: [] };
  await visit(dir, accept, skip, new Set(), walk);
  walk.files.sort();
  walk.passedOver.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return walk;
}

async function visit(dir: string, accept: Accept, skip: string | null, visited: Set<string>, walk: Walk): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  if (visited.has(real)) return;
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    walk.unreadable.push({ path: dir, reason: `cannot read directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (path === skip) continue;
    const target = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
    if (target?.isDirectory()) await visit(path, accept, skip, visited, walk);
    else if (target?.isFile()) {
      const taken = accept(entry.name);
      if (taken === true) walk.files.push(path);
      else if (taken !== null) walk.passedOver.push({ path, reason: taken });
    }
  }
}
