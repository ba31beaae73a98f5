/**
 * Batch conversion: the same outputs for any number of jobs, files that crash, hang or
 * exhaust memory failing alone, --resume, a clean stop on SIGTERM, hostile inputs.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertBatch, type BatchResult } from '../../src/batch/index.js';
import { WorkerPool } from '../../src/batch/pool.js';
import type { Document } from '../../src/schema/document.js';
import { CLI, readCsv, tempDir, yusuan } from '../cli/run.js';
import { CHILD_TIMEOUT_MS, SLOW_MS } from '../limits.js';
import { fixturePath, ROOT } from '../helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** report.json without what differs from run to run (times, the options given). */
function stableReport(dir: string) {
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  return { counts: report.counts, inputs: report.inputs.map(({ elapsedMs: _e, stageMs: _s, ...rest }: { elapsedMs: number; stageMs: unknown }) => rest) };
}

describe('--jobs', () => {
  it('gives identical output files for --jobs 1 and --jobs 2', () => {
    const one = tempDir();
    const two = tempDir();
    const args = ['convert', fixturePath('fixtures'), fixturePath('test/inputs/bad'), '--format', 'json,csv,ndjson', '-q'];
    expect(yusuan([...args, '-o', one, '--jobs', '1']).status).toBe(1);
    expect(yusuan([...args, '-o', two, '--jobs', '2']).status).toBe(1);
    expect(files(two)).toEqual(files(one));
    expect(files(one).length).toBeGreaterThan(20);
    for (const f of files(one).filter((f) => f !== 'report.json')) {
      expect(readFileSync(join(two, f), 'utf8'), f).toBe(readFileSync(join(one, f), 'utf8'));
    }
    expect(stableReport(two)).toEqual(stableReport(one));
  });
});

/**
 * The per-file limit the isolation test runs under: the hanging file waits it out, and the
 * good ones (their worker compiling the sources through tsx first) must finish well inside
 * it on a busy machine.
 */
const HANG_TIMEOUT_MS = 10_000;

describe('isolation', () => {
  const dir = tempDir();
  const seed = fixturePath('fixtures/docx/lunan-kexie-2025.docx');
  const names = ['a-good.docx', 'b-crash.docx', 'c-good.docx', 'd-hang.docx', 'e-hog.docx', 'f-good.docx', 'g-abort.docx', 'h-bloat.docx', 'i-good.docx'];
  for (const name of names) copyFileSync(seed, join(dir, name));

  it('a file that crashes its worker, aborts it, hangs, or exhausts its heap or its memory each fail alone', async () => {
    const results: BatchResult[] = [];
    const batch = convertBatch(
      names.map((n) => ({ file: join(dir, n), path: n })),
      { jobs: 2, timeoutMs: HANG_TIMEOUT_MS, memoryMb: 200, workerUrl: new URL('./faulty-worker.ts', import.meta.url) },
    );
    for await (const result of batch) results.push(result);
    expect(results.map((r) => [r.input.path, r.conversion.status, r.conversion.errorKind, r.conversion.message])).toEqual([
      ['a-good.docx', 'ok', null, null],
      ['b-crash.docx', 'failed', 'internal', 'internal error: reader blew up'],
      ['c-good.docx', 'ok', null, null],
      ['d-hang.docx', 'failed', 'timeout', `timed out after ${HANG_TIMEOUT_MS / 1000} s`],
      ['e-hog.docx', 'failed', 'too-large', 'ran out of memory (limit 200 MB)'],
      ['f-good.docx', 'ok', null, null],
      ['g-abort.docx', 'failed', 'crashed', 'the reader crashed (V8 fatal: invalid size error); file skipped'],
      ['h-bloat.docx', 'failed', 'too-large', 'ran out of memory (limit 200 MB)'],
      ['i-good.docx', 'ok', null, null],
    ]);
    // A file that timed out records how long it ran, not 0 (issue 15).
    expect(results[3]?.conversion.elapsedMs).toBeGreaterThanOrEqual(HANG_TIMEOUT_MS * 0.95);
    expect(results[5]?.conversion.document?.projects).toHaveLength(3);
    expect(results[8]?.conversion.document?.projects).toHaveLength(3);
    expect(results[1]?.conversion.sha256).toBe(results[0]?.conversion.sha256);
  });
});

describe('a task sent ahead to a busy worker (issue 12)', () => {
  it('is asked back, unstarted, when the other worker runs out of work, and converted there', async () => {
    const dir = tempDir();
    // Breadth first: a and c go to the first worker, b and d to the second.
    const names = ['a-slow.docx', 'b-good.docx', 'c-good.docx', 'd-good.docx'];
    for (const name of names) copyFileSync(fixturePath('fixtures/docx/lunan-kexie-2025.docx'), join(dir, name));
    const pool = new WorkerPool({ jobs: 2, timeoutMs: 4 * SLOW_MS, memoryMb: 400, workerUrl: new URL('./faulty-worker.ts', import.meta.url) });
    const finished: string[] = [];
    try {
      const results = await Promise.all(
        names.map((n) =>
          pool.run({ file: join(dir, n), path: n, options: { year: null, unit: null, strict: false } }).then(({ conversion: c }) => {
            finished.push(n);
            return c;
          }),
        ),
      );
      expect(results.map((c) => [c.path, c.status, c.document?.projects.length])).toEqual(names.map((n) => [n, 'ok', 3]));
    } finally {
      await pool.close();
    }
    // Without the withdrawal, c waits behind the slow file while the second worker idles.
    expect(finished).toEqual(['b-good.docx', 'd-good.docx', 'c-good.docx', 'a-slow.docx']);
  });
});

describe('a promise rejected after its conversion (issue 15)', () => {
  it('is nobody\'s failure: the file converted next in the same worker is not blamed', async () => {
    const dir = tempDir();
    const names = ['a-stray.docx', 'b-good.docx', 'c-good.docx'];
    for (const name of names) copyFileSync(fixturePath('fixtures/docx/lunan-kexie-2025.docx'), join(dir, name));
    const results: BatchResult[] = [];
    const batch = convertBatch(
      names.map((n) => ({ file: join(dir, n), path: n })),
      { jobs: 1, timeoutMs: HANG_TIMEOUT_MS, memoryMb: 400, workerUrl: new URL('./faulty-worker.ts', import.meta.url) },
    );
    for await (const result of batch) results.push(result);
    expect(results.map((r) => [r.input.path, r.conversion.status, r.conversion.message, r.conversion.document?.projects.length])).toEqual([
      ['a-stray.docx', 'ok', null, 3],
      ['b-good.docx', 'ok', null, 3],
      ['c-good.docx', 'ok', null, 3],
    ]);
  });
});

describe('a PDF that makes V8 abort (issue 13)', () => {
  it('fails alone beside good files, in one line, and report.json and the CSVs are complete', () => {
    // cid-widths.pdf (scripts/fixtures/build-hostile.ts): a Type0 font whose /W claims widths
    // for 4e9 CIDs; pdf.js grows an array until V8 aborts ("Fatal JavaScript invalid size
    // error"), which with worker threads ended the whole run (exit 133, *.tmp files left).
    const inputs = tempDir();
    const out = tempDir();
    copyFileSync(fixturePath('test/inputs/hostile/cid-widths.pdf'), join(inputs, 'b-cid-widths.pdf'));
    for (const name of ['a', 'c']) copyFileSync(fixturePath('fixtures/pdf/central-2025.pdf'), join(inputs, `${name}-central-2025.pdf`));
    const run = yusuan(['convert', inputs, '-o', out, '--jobs', '2', '--timeout', '60', '--max-memory', '300']);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('b-cid-widths.pdf'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^b-cid-widths\.pdf: (?:ran out of memory \(limit 300 MB\)|the reader crashed \(V8 fatal: [a-z ]+\); file skipped)$/u);
    expect(files(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect([report.counts.inputs, report.counts.ok, report.counts.failed]).toEqual([3, 2, 1]);
    expect(readCsv(join(out, 'documents.csv')).slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['a-central-2025.pdf', 'ok'],
      ['b-cid-widths.pdf', 'failed'],
      ['c-central-2025.pdf', 'ok'],
    ]);
    expect(readCsv(join(out, 'projects.csv')).filter((r) => r[0] === 'c-central-2025.pdf').length).toBeGreaterThan(0);
  });
});

describe('--resume', () => {
  it('skips unchanged inputs, reconverts changed ones and those made under another --year, and writes the same combined files', () => {
    const inputs = tempDir();
    const out = tempDir();
    for (const name of ['lunan-kexie-2025', 'lunan-jiaoyu-2025', 'gridbefore-2025']) copyFileSync(fixturePath(`fixtures/docx/${name}.docx`), join(inputs, `${name}.docx`));
    expect(yusuan(['convert', inputs, '-o', out, '-q']).status).toBe(0);
    const before = Object.fromEntries(files(out).filter((f) => f !== 'report.json').map((f) => [f, readFileSync(join(out, f), 'utf8')]));

    const again = yusuan(['convert', inputs, '-o', out, '--resume']);
    expect(again.stderr).toContain('resumed: 3 input(s) unchanged since the last run were not converted again');
    for (const [f, text] of Object.entries(before)) expect(readFileSync(join(out, f), 'utf8'), f).toBe(text);

    const withYear = yusuan(['convert', inputs, '-o', out, '--resume', '--year', '2030']);
    expect(withYear.stderr).toContain('resumed: 0 input(s) unchanged');
    expect(readCsv(join(out, 'projects.csv'))[1]?.[1]).toBe('2030');
    expect(yusuan(['convert', inputs, '-o', out, '--resume', '--year', '2030']).stderr).toContain('resumed: 3 input(s) unchanged');
    expect(yusuan(['convert', inputs, '-o', out, '--resume']).stderr).toContain('resumed: 0 input(s) unchanged');

    copyFileSync(fixturePath('fixtures/docx/wps-textbox-2025.docx'), join(inputs, 'gridbefore-2025.docx'));
    const changed = yusuan(['convert', inputs, '-o', out, '--resume']);
    expect(changed.stderr).toContain('resumed: 2 input(s) unchanged');
    const doc = JSON.parse(readFileSync(join(out, 'json/gridbefore-2025.docx.json'), 'utf8')) as Document;
    expect(doc.projects[0]?.code).toBe('13020225P00930010001Y');
    expect(readCsv(join(out, 'projects.csv')).filter((r) => r[0] === 'gridbefore-2025.docx').map((r) => r[4])).toEqual(['13020225P00930010001Y']);
  });
});

describe('stopping', () => {
  it('a run sent SIGTERM midway leaves no partial file, and a rerun with --resume completes', async () => {
    const inputs = tempDir();
    const out = tempDir();
    const sources = readdirSync(fixturePath('fixtures/pdf')).filter((f) => f.endsWith('.pdf'));
    for (let i = 0; i < 40; i++) {
      const source = sources[i % sources.length] as string;
      copyFileSync(fixturePath(`fixtures/pdf/${source}`), join(inputs, `${String(i).padStart(2, '0')}-${source}`));
    }
    const child = spawn(process.execPath, [CLI, 'convert', inputs, '-o', out, '--jobs', '1', '-q'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Wait until some documents are written, then stop the run.
    for (let waited = 0; !existsSync(join(out, 'json')) || readdirSync(join(out, 'json')).filter((f) => f.endsWith('.json')).length < 3; waited += 50) {
      if (waited > CHILD_TIMEOUT_MS) throw new Error(`no document written within ${CHILD_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(143);
    expect(stderr).toMatch(/yusuan: interrupted by SIGTERM after \d+ of 40 input\(s\); run again with --resume to finish/);
    const left = files(out);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(left.filter((f) => !f.startsWith('json/'))).toEqual([]);
    const written = left.length;
    expect(written).toBeGreaterThanOrEqual(3);
    expect(written).toBeLessThan(40);
    for (const f of left) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8')), f).not.toThrow();

    const rerun = yusuan(['convert', inputs, '-o', out, '--resume', '--jobs', '2']);
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toContain(`resumed: ${written} input(s) unchanged`);
    const docs = readCsv(join(out, 'documents.csv'));
    expect(docs).toHaveLength(41);
    expect(docs.slice(1).every((r) => r[3] === 'ok')).toBe(true);
  });
});

describe('hostile inputs', () => {
  const inputs = tempDir();
  for (const f of readdirSync(fixturePath('test/inputs/hostile'))) copyFileSync(fixturePath(`test/inputs/hostile/${f}`), join(inputs, f));
  copyFileSync(fixturePath('fixtures/docx/lunan-kexie-2025.docx'), join(inputs, `路南 科协 "2025" '预算'.docx`));
  mkdirSync(join(inputs, 'loop'));
  symlinkSync(inputs, join(inputs, 'loop', 'back'));
  mkdirSync(join(inputs, 'out'));
  writeFileSync(join(inputs, 'out', 'stale.docx'), 'inside the output directory, read like any other file');
  const out = join(inputs, 'out');
  // cid-widths.pdf runs its worker out of memory: a smaller limit gets there sooner.
  const run = yusuan(['convert', inputs, '-o', out, '-q', '--max-memory', '300']);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const byPath = Object.fromEntries(report.inputs.map((i: { path: string }) => [i.path, i]));

  it('walks a symlink loop once, and the output directory inside the input like any other folder (it holds no .docx or .pdf of ours)', () => {
    expect(Object.keys(byPath).sort()).toEqual([
      'cid-widths.pdf',
      'huge-page-count.pdf',
      'nested-tables-10.docx',
      'nested-tables-40.docx',
      'out/stale.docx',
      'pages-300.pdf',
      'zip-bomb.docx',
      `路南 科协 "2025" '预算'.docx`,
    ]);
    expect(byPath['out/stale.docx']).toMatchObject({ status: 'failed', errorKind: 'not-docx' });
  });

  it('refuses the zip bomb from the sizes in its directory, before inflating', () => {
    expect(byPath['zip-bomb.docx']).toMatchObject({ status: 'failed', errorKind: 'too-large' });
    expect(byPath['zip-bomb.docx'].message).toBe(
      'word/document.xml would inflate to 209716540 bytes from 205229 (limit 268435456 bytes, ratio 200); refused as a possible zip bomb',
    );
    expect(run.stderr).toContain('zip-bomb.docx: word/document.xml would inflate');
  });

  it('finds a project in tables nested ten deep, and says so past the nesting limit', () => {
    const ten = JSON.parse(readFileSync(join(out, 'json/nested-tables-10.docx.json'), 'utf8')) as Document;
    expect(ten.projects.map((p) => [p.code, p.indicators.length, p.budget.total?.yuan])).toEqual([['13020225P00999990001Z', 2, 30000]]);
    const forty = JSON.parse(readFileSync(join(out, 'json/nested-tables-40.docx.json'), 'utf8')) as Document;
    expect(forty.diagnostics[0]).toMatchObject({ code: 'DOCX_TABLE_TOO_DEEP', severity: 'warning', message: '24 table(s) nested deeper than 16 levels were not read' });
  });

  it('reads a 300-page PDF, and a page tree that claims 100,000,000 pages as what it holds', () => {
    expect(JSON.parse(readFileSync(join(out, 'json/pages-300.pdf.json'), 'utf8')).source.pageCount).toBe(300);
    expect(JSON.parse(readFileSync(join(out, 'json/huge-page-count.pdf.json'), 'utf8')).source.pageCount).toBe(1);
  });

  it('keeps file names with spaces, Chinese and quotes', () => {
    expect(byPath[`路南 科协 "2025" '预算'.docx`]).toMatchObject({ status: 'ok', projects: 3 });
    expect(existsSync(join(out, `json/路南 科协 "2025" '预算'.docx.json`))).toBe(true);
    const docs = readCsv(join(out, 'documents.csv'));
    expect(docs.map((r) => r[0])).toContain(`路南 科协 "2025" '预算'.docx`);
  });
});

describe('outputs rendered by the workers (BatchOptions.render)', () => {
  it('writes the same document and rows as the writing process would, and removes the stale document of an input that fails', async () => {
    const { convertFile } = await import('../../src/convert.js');
    const { renderInput } = await import('../../src/export/render.js');
    const dir = tempDir();
    const good = fixturePath('fixtures/docx/central-2025.docx');
    const bad = fixturePath('test/inputs/bad/empty.docx');
    const target = (name: string) => join(dir, 'json', `${name}.json`);
    mkdirSync(join(dir, 'json'), { recursive: true });
    writeFileSync(target('empty.docx'), 'stale\n');
    const spec = (name: string) => ({ jsonTarget: target(name), csv: { bom: true }, ndjson: true });
    const results: BatchResult[] = [];
    for await (const result of convertBatch([{ file: good, path: 'central-2025.docx' }, { file: bad, path: 'empty.docx' }], { jobs: 1, render: (input) => spec(input.path) })) results.push(result);
    const [ok, failed] = results as [BatchResult, BatchResult];
    // The tree stays in the worker; what comes back is its rows.
    expect(ok.conversion.document).toBeNull();
    expect(ok.rendered?.written).toBe(true);
    const own = renderInput(await convertFile(good, { path: 'central-2025.docx' }), spec('central-2025.docx'));
    expect(readFileSync(target('central-2025.docx'), 'utf8')).toBe(own.json);
    const { exportMs, ...rendered } = ok.rendered as NonNullable<BatchResult['rendered']>;
    expect(exportMs).toBeGreaterThan(0);
    expect(rendered).toEqual(own.rendered);
    expect(rendered.projects).toBeGreaterThan(0);
    expect(rendered.csv?.indicators.split('\n').length).toBe(rendered.indicators + 1);
    expect(failed.conversion.status).toBe('failed');
    expect(failed.rendered).toMatchObject({ written: false, projects: 0, ndjson: null, errors: 1 });
    expect(existsSync(target('empty.docx'))).toBe(false);
    expect(readdirSync(join(dir, 'json')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
