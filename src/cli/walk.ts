/**
 * Walking an argument directory: every file below it that `accept` takes, following
 * symbolic links but entering each real directory once (a link back up the tree is not a
 * loop), and never entering `skip` (the output directory, when it lies inside an input).
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function walkFiles(dir: string, accept: (name: string) => boolean, skip: string | null = null): Promise<string[]> {
  const found: string[] = [];
  await walk(dir, accept, skip, new Set(), found);
  return found.sort();
}

async function walk(dir: string, accept: (name: string) => boolean, skip: string | null, visited: Set<string>, found: string[]): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  if (visited.has(real)) return;
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (path === skip) continue;
    const target = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
    if (target?.isDirectory()) await walk(path, accept, skip, visited, found);
    else if (target?.isFile() && accept(entry.name)) found.push(path);
  }
}
