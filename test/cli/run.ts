/**
 * Running the real `yusuan` command as a user would: the built one (`dist/cli/main.js`, kept
 * up to date by the global setup), so that no spawned process compiles the sources again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { CHILD_TIMEOUT_MS } from '../limits.js';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built command. */
export const CLI = join(ROOT, 'dist/cli/main.js');

export function yusuan(args: readonly string[], options: { cwd?: string } = {}): RunResult {
  const started = Date.now();
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: CHILD_TIMEOUT_MS,
  });
  if (run.error || (run.status === null && run.signal === 'SIGTERM' && Date.now() - started >= CHILD_TIMEOUT_MS)) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    throw new Error(`yusuan ${args.join(' ')}: stopped after ${seconds} s (limit ${CHILD_TIMEOUT_MS / 1000} s): ${run.error?.message ?? 'timed out'}`);
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function tempDir(prefix = 'yusuan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A CSV file as rows of cells (our files hold no quoted newlines in these tests' columns). */
export function readCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
