/**
 * Failures of the output side are failures of the run, not crashes (issue 13): one line
 * naming the file and the reason, exit 1, no temporary file left, and the previous run's
 * combined files untouched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers.js';
import { tempDir, yusuan } from './run.js';

function temporaries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tmp'))
    .map((e) => e.name);
}

/** A finished run's output folder, to be written over. */
function previousRun(): { dir: string; projects: string } {
  const dir = tempDir();
  expect(yusuan(['convert', fixturePath('fixtures/docx'), '-o', dir, '-q']).status).toBe(0);
  return { dir, projects: readFileSync(join(dir, 'projects.csv'), 'utf8') };
}

describe('an output that cannot be written', () => {
  it('a file where the json folder should be: one line, exit 1, no temporary file, the previous CSVs kept', () => {
    const { dir, projects } = previousRun();
    rmSync(join(dir, 'json'), { recursive: true });
    writeFileSync(join(dir, 'json'), 'not a folder');
    const run = yusuan(['convert', fixturePath('fixtures/docx'), '-o', dir, '-q']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^yusuan: cannot write ${dir}/json/\\S+\\.docx\\.json: not a directory \\(ENOTDIR\\)$`, 'u'))]);
    expect(temporaries(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'projects.csv'), 'utf8')).toBe(projects);
  });

  // A full disk needs a small file system: a tmpfs, which only root may mount (CI runs as root).
  const small = tempDir();
  const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [small]);
  });

  it.runIf(mounted)('a full disk (ENOSPC on a 1 MB tmpfs): one line, exit 1, no temporary file, the previous CSVs kept', () => {
    const { dir, projects } = previousRun();
    const out = join(small, 'out');
    mkdirSync(out);
    cpSync(dir, out, { recursive: true });
    const run = yusuan(['convert', fixturePath('fixtures'), '-o', out, '-q']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^yusuan: cannot write \S+: no space left on device \(ENOSPC\)$/u)]);
    expect(temporaries(small)).toEqual([]);
    expect(readFileSync(join(out, 'projects.csv'), 'utf8')).toBe(projects);
  });
});
