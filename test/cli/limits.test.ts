/**
 * Limits that hold for every input and every command; names and paths as users have them
 * (issue 15). Each reproducer is built here, by the builders of
 * scripts/fixtures/build-hostile.ts or by the file system calls that make it, and each run
 * must end inside its limit with one line for the input concerned, the other inputs
 * converted, report.json complete and no temporary file left.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, ftruncateSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deeplyNestedInsertionsDocx, deeplyNestedTablesDocx, doublingXObjectsPdf, duplicateDocumentPartDocx, handWrittenPdf, hugeListStartDocx,
} from '../../scripts/fixtures/build-hostile.js';
import { fixturePath, ROOT } from '../helpers.js';
import { CLI, tempDir, yusuan } from './run.js';

const SEED = fixturePath('fixtures/docx/lunan-kexie-2025.docx');

/** Every file below `dir`, recursively, as paths relative to it. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

function temporaries(dir: string): string[] {
  return files(dir).filter((f) => f.endsWith('.tmp'));
}

interface ReportEntry {
  path: string;
  status: string;
  errorKind: string | null;
  errorClass: string | null;
  json: string | null;
  projects: number;
  elapsedMs: number;
}

function report(out: string): { counts: Record<string, number>; inputs: ReportEntry[]; skipped: { path: string; reason: string }[] } {
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
}

/** The lines of stderr that name an input (not the summary). */
function inputLines(stderr: string, names: readonly string[]): string[] {
  return stderr.split('\n').filter((l) => names.some((n) => l.startsWith(`${n}:`)));
}

/** The first 12 hex digits of the SHA-256 of an input path: what stands in for a cut name. */
function nameHash(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 12);
}

describe('only regular files within the size limit are read (issue 15.1)', () => {
  it('a symlink to /dev/zero, a FIFO and a sparse 1 GiB file beside a good file: each named in one line, the good one converted, at once', () => {
    const inputs = tempDir();
    const out = tempDir();
    copyFileSync(SEED, join(inputs, 'good.docx'));
    symlinkSync('/dev/zero', join(inputs, 'zero.pdf'));
    expect(spawnSync('mkfifo', [join(inputs, 'fifo.pdf')]).status).toBe(0);
    const sparse = openSync(join(inputs, 'sparse.pdf'), 'w');
    ftruncateSync(sparse, 1024 ** 3);
    closeSync(sparse);
    const run = yusuan(['convert', inputs, '-o', out, '--timeout', '5', '--max-memory', '256']);
    expect(run.status).toBe(1);
    expect(inputLines(run.stderr, ['good.docx', 'zero.pdf', 'fifo.pdf', 'sparse.pdf'])).toEqual([
      'fifo.pdf: skipped: not a regular file (a FIFO); only regular files are read',
      'zero.pdf: skipped: not a regular file (a character device); only regular files are read',
      'sparse.pdf: 1.0 GiB, over the input size limit of 256.0 MiB (--max-input-size); not read',
    ]);
    const r = report(out);
    expect([r.counts.inputs, r.counts.ok, r.counts.failed, r.counts.skipped]).toEqual([2, 1, 1, 2]);
    expect(r.inputs.map((i) => [i.path, i.status, i.errorKind, i.errorClass, i.projects])).toEqual([
      ['good.docx', 'ok', null, null, 3],
      ['sparse.pdf', 'failed', 'too-large', 'limit', 0],
    ]);
    expect(r.skipped.map((s) => s.path)).toEqual(['fifo.pdf', 'zero.pdf']);
    expect(temporaries(out)).toEqual([]);
  });

  it('a FIFO named on the command line is skipped, not opened; --max-input-size lowers the limit', () => {
    const inputs = tempDir();
    const out = tempDir();
    expect(spawnSync('mkfifo', [join(inputs, 'pipe.docx')]).status).toBe(0);
    copyFileSync(SEED, join(inputs, 'seed.docx'));
    const run = spawnSync(process.execPath, [CLI, 'convert', join(inputs, 'pipe.docx'), join(inputs, 'seed.docx'), '-o', out, '--max-input-size', '0.005'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      `${join(inputs, 'pipe.docx')}: skipped: not a regular file (a FIFO); only regular files are read`,
      // The seed is 9.4 KiB; the limit 0.005 MB is 5.1 KiB.
      'seed.docx: 9.4 KiB, over the input size limit of 5.1 KiB (--max-input-size); not read',
    ]);
    expect(yusuan(['convert', SEED, '-o', out, '--max-input-size', 'big']).stderr).toContain('--max-input-size must be a number of MB above 0, not "big"');
  });
});

describe('check and diff convert as convert does, isolated and limited (issue 15.2)', () => {
  // 40 form XObjects, each drawing the next twice: its worker runs out of memory.
  const doubling = join(tempDir(), 'doubling.pdf');
  writeFileSync(doubling, doublingXObjectsPdf());

  it('check: a PDF whose operator list has no end fails alone in one line; the good file is checked', () => {
    const run = yusuan(['check', doubling, SEED, '--max-memory', '128', '--timeout', '120']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${doubling}: ran out of memory (limit 128 MB)\n`);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^1 file\(s\) checked: \d+ finding\(s\), 0 error\(s\), \d+ warning\(s\)$/u);
  });

  it('diff: the same file on one side is one line and exit 2, never a trace', () => {
    const run = yusuan(['diff', doubling, SEED, '--max-memory', '128', '--timeout', '120']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`yusuan diff: ${doubling}: ran out of memory (limit 128 MB)\n`);
  });

  it('a document JSON with a BOM is read; a FIFO named .json in a folder is reported, not opened', () => {
    const dir = tempDir();
    const out = tempDir();
    expect(yusuan(['convert', SEED, '-o', out, '-q']).status).toBe(0);
    const json = readFileSync(join(out, 'json/lunan-kexie-2025.docx.json'), 'utf8');
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${json}`);
    expect(spawnSync('mkfifo', [join(dir, 'pipe.json')]).status).toBe(0);
    const run = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe(`${join(dir, 'pipe.json')}: not a regular file (a FIFO); only regular files are read\n`);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^1 file\(s\) checked: /u);
    expect(run.status).toBe(2);
  });
});

describe('names and paths as users have them (issues 15.3, 15.4)', () => {
  it('a 255-byte name, an 83-character Chinese name and a path past PATH_MAX for its document convert; the documents get shortened names, recorded in report.json, found again by --resume', () => {
    const inputs = tempDir();
    const out = tempDir();
    const long = `${'a'.repeat(250)}.docx`;
    const chinese = `${'预'.repeat(83)}.docx`;
    let deepDir = '';
    for (let i = 0; i < 19; i++) deepDir += `${'d'.repeat(200)}/`;
    const deep = `${deepDir}deep.docx`;
    for (const name of [long, chinese, deep]) {
      mkdirSync(join(inputs, name, '..'), { recursive: true });
      copyFileSync(SEED, join(inputs, name));
    }
    const run = yusuan(['convert', inputs, '-o', out, '-q']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // A name cut to 208 bytes, `~`, 12 hex digits of the path's hash, its extension (the
    // temporary file's 24-byte suffix must still fit in 255 bytes).
    const expected = new Map([
      [long, `json/${'a'.repeat(208)}~${nameHash(long)}.docx.json`],
      [chinese, `json/${'预'.repeat(69)}~${nameHash(chinese)}.docx.json`],
      [deep, `json/long-paths/${nameHash(deep)}-deep.docx.json`],
    ]);
    const r = report(out);
    expect(r.inputs.map((i) => [i.path, i.status, i.json])).toEqual([...expected].map(([path, json]) => [path, 'ok', json]).sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)));
    for (const json of expected.values()) expect(JSON.parse(readFileSync(join(out, json), 'utf8')).projects).toHaveLength(3);
    expect(yusuan(['convert', inputs, '-o', out, '--resume']).stderr).toContain('resumed: 3 input(s) unchanged');
  });

  it('x.docx beside a folder x.docx.json/: the input whose document cannot be written fails alone, with the reason', () => {
    const inputs = tempDir();
    const out = tempDir();
    copyFileSync(SEED, join(inputs, 'x.docx'));
    mkdirSync(join(inputs, 'x.docx.json'));
    copyFileSync(SEED, join(inputs, 'x.docx.json', 'y.docx'));
    copyFileSync(SEED, join(inputs, 'z.docx'));
    const run = yusuan(['convert', inputs, '-o', out]);
    expect(run.status).toBe(1);
    expect(inputLines(run.stderr, ['x.docx', 'x.docx.json/y.docx', 'z.docx'])).toEqual([
      'x.docx.json/y.docx: its document json/x.docx.json/y.docx.json cannot be written beside the document of x.docx (one name as a file and a folder); not converted',
    ]);
    const r = report(out);
    expect(r.inputs.map((i) => [i.path, i.status, i.errorKind, i.errorClass]).sort()).toEqual([
      ['x.docx', 'ok', null, null],
      ['x.docx.json/y.docx', 'failed', 'name-collision', 'io'],
      ['z.docx', 'ok', null, null],
    ]);
    expect(existsSync(join(out, 'json/x.docx.json'))).toBe(true);
  });

  it('a file with a GBK name (a zip unpacked from Chinese Windows) converts, its name shown escaped', () => {
    const inputs = tempDir();
    const out = tempDir();
    // 报告 in GBK: B1 A8 B8 E6, not UTF-8.
    const gbk = Buffer.concat([Buffer.from(`${inputs}/`), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.docx')]);
    writeFileSync(gbk, readFileSync(SEED));
    const run = yusuan(['convert', inputs, '-o', out]);
    expect(run.stderr).toMatch(/^1 input\(s\): 1 ok, 0 partial, 0 failed; /u);
    expect(run.status).toBe(0);
    const r = report(out);
    expect(r.inputs.map((i) => [i.path, i.status, i.projects, i.json])).toEqual([['\\xb1\\xa8\\xb8\\xe6.docx', 'ok', 3, 'json/\\xb1\\xa8\\xb8\\xe6.docx.json']]);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8')).toContain('\\xb1\\xa8\\xb8\\xe6.docx,');
  });
});

/** Run convert in the background; resolves with its exit and stderr. */
function background(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; at: number }> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; at: number }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, at: Date.now() }));
  });
  return { child, done };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('interrupts (issue 15.5)', () => {
  // 4,000 pages: well over ten seconds of work for one file on this machine.
  const slow = join(tempDir(), 'slow.pdf');
  writeFileSync(slow, handWrittenPdf(4000, 4000));

  it('SIGTERM during a slow file stops the run within seconds, not when the file’s timeout runs out', async () => {
    const out = tempDir();
    const { child, done } = background(['convert', slow, SEED, '-o', out, '--jobs', '1', '--timeout', '300', '-q']);
    await sleep(2000);
    const sent = Date.now();
    child.kill('SIGTERM');
    const end = await done;
    expect(end.code).toBe(143);
    // The file would take more than ten seconds more; the run stops at once (a second or so
    // on a busy machine).
    expect(end.at - sent).toBeLessThan(5000);
    expect(end.stderr).toContain('yusuan: interrupted by SIGTERM after 0 of 2 input(s); run again with --resume to finish');
    expect(temporaries(out)).toEqual([]);
  });

  it('a second Ctrl-C exits at once and cleanly', async () => {
    const out = tempDir();
    const { child, done } = background(['convert', slow, '-o', out, '--jobs', '1', '-q']);
    await sleep(2000);
    child.kill('SIGINT');
    child.kill('SIGINT');
    const end = await done;
    expect(end.code).toBe(130);
    expect(end.stderr).toMatch(/yusuan: interrupted (?:again )?by SIGINT/u);
    expect(temporaries(out)).toEqual([]);
  });

  it('after SIGKILL, the next run into the same folder removes the temporary files the killed one left', async () => {
    const out = tempDir();
    const { child, done } = background(['convert', slow, '-o', out, '--jobs', '1', '-q']);
    await sleep(2000);
    child.kill('SIGKILL');
    await done;
    const left = temporaries(out);
    expect(left.length).toBeGreaterThan(0);
    const next = yusuan(['convert', SEED, '-o', out]);
    expect(next.status).toBe(0);
    expect(next.stderr).toContain(`yusuan: removed ${left.length} temporary file(s) left in ${out} by an earlier run that was killed`);
    expect(temporaries(out)).toEqual([]);
  });
});

describe('files that exhaust the engine, and smaller things (issue 15.6)', () => {
  const seed = new Uint8Array(readFileSync(SEED));

  it('10,000 nested tables and 20,000 nested insertions are input errors, named as such; a good file beside them converts', () => {
    const inputs = tempDir();
    const out = tempDir();
    writeFileSync(join(inputs, 'tables.docx'), deeplyNestedTablesDocx(seed));
    // 20,000 insertions run the reader out of stack as 100,000 do (the figure), without
    // the seconds htmlparser2 spends on 100,000 open elements (it shifts an array per tag).
    writeFileSync(join(inputs, 'insertions.docx'), deeplyNestedInsertionsDocx(seed, 20_000));
    copyFileSync(SEED, join(inputs, 'seed.docx'));
    const run = yusuan(['convert', inputs, '-o', out]);
    expect(run.status).toBe(1);
    const why = 'the document is nested too deeply to read (the reader ran out of stack); not read';
    expect(inputLines(run.stderr, ['tables.docx', 'insertions.docx', 'seed.docx'])).toEqual([`insertions.docx: ${why}`, `tables.docx: ${why}`]);
    expect(report(out).inputs.map((i) => [i.path, i.status, i.errorKind])).toEqual([
      ['insertions.docx', 'failed', 'too-complex'],
      ['seed.docx', 'ok', null],
      ['tables.docx', 'failed', 'too-complex'],
    ]);
  });

  it('a list numbered from 2³¹−1 does not stop the reader: the counter is left unprinted, the document read', () => {
    const inputs = tempDir();
    const out = tempDir();
    writeFileSync(join(inputs, 'list.docx'), hugeListStartDocx(seed));
    yusuan(['convert', inputs, '-o', out]);
    const doc = JSON.parse(readFileSync(join(out, 'json/list.docx.json'), 'utf8'));
    expect(doc.projects.map((p: { code: string }) => p.code)).toEqual(['13020225P009127100021', '13020225P00904910001F', '13020225P00905010001K']);
  });

  it('a zip with two word/document.xml entries is read from the last, and said: partial, DOCX_DUPLICATE_PART', () => {
    const inputs = tempDir();
    const out = tempDir();
    writeFileSync(join(inputs, 'twice.docx'), duplicateDocumentPartDocx(seed));
    const run = yusuan(['convert', inputs, '-o', out]);
    expect(run.status).toBe(1);
    expect(inputLines(run.stderr, ['twice.docx'])).toEqual([
      'twice.docx: partial: 1 cell(s) or table(s) not read with confidence; first: the zip holds word/document.xml more than once; the last entry was read',
    ]);
    expect(JSON.parse(readFileSync(join(out, 'json/twice.docx.json'), 'utf8')).projects).toHaveLength(3);
  });

  it('an output folder inside the input folder is walked like any other: convert fx -o fx/docx reads fx/docx', () => {
    const fx = tempDir();
    mkdirSync(join(fx, 'docx'));
    copyFileSync(SEED, join(fx, 'docx', 'seed.docx'));
    const run = yusuan(['convert', fx, '-o', join(fx, 'docx')]);
    expect(run.status).toBe(0);
    expect(report(join(fx, 'docx')).inputs.map((i) => [i.path, i.status, i.json])).toEqual([['docx/seed.docx', 'ok', 'json/docx/seed.docx.json']]);
  });
});
