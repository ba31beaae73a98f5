/**
 * A mutation fuzzer for `yusuan convert` (issue 13): N damaged .docx, .xlsx and PDF files made
 * from the fixtures with a seeded generator, converted in batches by the built CLI with
 * `--jobs 2 --timeout 20`, and every batch judged:
 *   - the process exits 0 or 1 (no death by signal, no V8 abort, no internal error 3);
 *   - it finishes in time (no hang);
 *   - stderr holds one line per message, no stack trace;
 *   - no temporary file is left;
 *   - report.json lists every input, and every document JSON it names is valid;
 *   - no worker's resident set went past --max-memory + 10%.
 *
 *   npm run fuzz -- --count 3000 --seed 1 [--batch 100] [--max-memory 512] [--keep DIR]
 *
 * Mutations: bytes flipped, runs zeroed, duplicated or cut, the file truncated; inside a
 * .docx or .xlsx, an XML part mutated the same way (the zip rewritten) or its numbers blown up; in a
 * PDF, numbers replaced by huge ones (counts, widths, lengths). One file in twenty is
 * instead a case of the file system (issue 15): a symlink to /dev/zero or /dev/urandom, a
 * FIFO, a sparse 1 GiB file, a name of 255 bytes or of 83 Chinese characters, a GBK name, a
 * path whose document would pass PATH_MAX, or `x.docx` beside a folder `x.docx.json/`.
 * Not part of `npm test`; its worst finds are kept as fixed reproducers in
 * test/inputs/hostile/ and test/cli/limits.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Document } from '../src/schema/document.js';
import { seededRandom } from './seeded-random.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli/main.js');

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '100' },
    'max-memory': { type: 'string', default: '512' },
    keep: { type: 'string' },
  },
});
const COUNT = Number(values.count);
const BATCH = Number(values.batch);
const MAX_MEMORY = Number(values['max-memory']);
const TIMEOUT_S = 20;

const random = seededRandom(Number(values.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (n: number): number => Math.floor(random() * n);

function seeds(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of ['fixtures/docx', 'fixtures/pdf', 'fixtures/xlsx', 'test/inputs/pdf', 'test/inputs/xlsx']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(ROOT, dir)).filter((f) => /\.(docx|xlsx|pdf)$/u.test(f));
    } catch {
      continue;
    }
    for (const name of names) out.push({ name, bytes: readFileSync(join(ROOT, dir, name)) });
  }
  return out;
}

function mutateBytes(input: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(input);
  switch (int(5)) {
    case 0: // flip bytes
      for (let i = 0, n = 1 + int(20); i < n; i++) bytes[int(bytes.length)] = int(256);
      return bytes;
    case 1: {
      // zero a run
      const at = int(bytes.length);
      bytes.fill(0, at, Math.min(bytes.length, at + 1 + int(4096)));
      return bytes;
    }
    case 2: {
      // duplicate a run
      const at = int(bytes.length);
      const run = bytes.slice(at, Math.min(bytes.length, at + 1 + int(8192)));
      const out = new Uint8Array(bytes.length + run.length);
      out.set(bytes.slice(0, at));
      out.set(run, at);
      out.set(bytes.slice(at), at + run.length);
      return out;
    }
    case 3: // cut a run
    {
      const at = int(bytes.length);
      const end = Math.min(bytes.length, at + 1 + int(8192));
      const out = new Uint8Array(bytes.length - (end - at));
      out.set(bytes.slice(0, at));
      out.set(bytes.slice(end), at);
      return out;
    }
    default: // truncate
      return bytes.slice(0, int(bytes.length));
  }
}

/** Numbers in text made huge or negative: counts, spans, widths, lengths. */
function blowUpNumbers(text: string): string {
  const huge = ['99999999999', '4294967296', '-1', '2147483647', '1e308', '0', '100000000'];
  return text.replace(/\d+/gu, (n) => (random() < 0.08 ? pick(huge) : n));
}

/** A zip package (.docx, .xlsx): one of its parts mutated, the zip rewritten. */
function mutateZip(bytes: Uint8Array): Uint8Array {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch {
    return mutateBytes(bytes);
  }
  const xml = Object.keys(parts).filter((p) => p.endsWith('.xml'));
  const target = pick(xml.length > 0 ? xml : Object.keys(parts));
  const part = parts[target] as Uint8Array;
  parts[target] = random() < 0.5 ? strToU8(blowUpNumbers(strFromU8(part))) : mutateBytes(part);
  return zipSync(parts);
}

function mutatePdf(bytes: Uint8Array): Uint8Array {
  if (random() < 0.5) return mutateBytes(bytes);
  const text = Buffer.from(bytes).toString('latin1');
  return Buffer.from(blowUpNumbers(text), 'latin1');
}

interface Verdict {
  batch: number;
  problem: string;
}

/** The share of files that are a case of the file system rather than a mutated file. */
const SPECIAL_SHARE = 0.05;

/**
 * Make one case of the file system in `dir` from `bytes` (a mutated file): returns how many
 * entries it made, each of which report.json must list as an input or as skipped.
 */
function special(dir: string, index: number, bytes: Uint8Array, ext: string): number {
  const stem = String(index).padStart(5, '0');
  switch (int(8)) {
    case 0:
      symlinkSync(pick(['/dev/zero', '/dev/urandom']), join(dir, `${stem}-device.pdf`));
      return 1;
    case 1: {
      const fifo = spawnSync('mkfifo', [join(dir, `${stem}-fifo${ext}`)]);
      if (fifo.status !== 0) throw new Error(`mkfifo failed: ${String(fifo.stderr)}`);
      return 1;
    }
    case 2: {
      const fd = openSync(join(dir, `${stem}-sparse.pdf`), 'w');
      ftruncateSync(fd, 1024 ** 3);
      closeSync(fd);
      return 1;
    }
    case 3:
      writeFileSync(join(dir, `${stem}-${'a'.repeat(255 - stem.length - 1 - ext.length)}${ext}`), bytes);
      return 1;
    case 4:
      writeFileSync(join(dir, `${stem}${'预'.repeat(83 - Math.ceil(stem.length / 3))}${ext}`), bytes);
      return 1;
    case 5:
      // 报告 in GBK, not UTF-8.
      writeFileSync(Buffer.concat([Buffer.from(`${dir}/${stem}-`), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from(ext)]), bytes);
      return 1;
    case 6: {
      let deep = join(dir, `${stem}-deep`);
      for (let i = 0; i < 19; i++) deep = join(deep, 'd'.repeat(200));
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(deep, `deep${ext}`), bytes);
      return 1;
    }
    default:
      writeFileSync(join(dir, `${stem}-x${ext}`), bytes);
      mkdirSync(join(dir, `${stem}-x${ext}.json`));
      writeFileSync(join(dir, `${stem}-x${ext}.json`, `y${ext}`), bytes);
      return 2;
  }
}

function judge(batch: number, entries: number, out: string, run: ReturnType<typeof spawnSync>, seconds: number): Verdict[] {
  const problems: Verdict[] = [];
  const say = (problem: string): number => problems.push({ batch, problem });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') say(`hang: no end after ${seconds.toFixed(0)} s`);
  if (run.signal) say(`the process died by ${run.signal}`);
  if (run.status !== null && run.status !== 0 && run.status !== 1) say(`exit status ${run.status}`);
  const stderr = String(run.stderr ?? '');
  if (/^\s+at .+:\d+:\d+\)?$/mu.test(stderr)) say(`a stack trace on stderr: ${stderr.slice(0, 300)}`);
  const left = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.tmp'));
  if (left.length > 0) say(`${left.length} temporary file(s) left: ${left.map((e) => e.name).join(', ')}`);
  let report: { counts: { inputs: number; skipped: number }; inputs: { path: string; json: string | null }[]; peakWorkerRssMb?: number };
  try {
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  } catch (error) {
    say(`no valid report.json (${(error as Error).message})`);
    return problems;
  }
  if (report.counts.inputs + report.counts.skipped !== entries) say(`report.json lists ${report.counts.inputs} inputs and ${report.counts.skipped} skipped of ${entries} files`);
  for (const input of report.inputs) {
    if (!input.json) continue;
    try {
      const parsed = Document.safeParse(JSON.parse(readFileSync(join(out, input.json), 'utf8')));
      if (!parsed.success) say(`${input.path}: invalid document (${parsed.error.issues[0]?.message ?? ''})`);
    } catch (error) {
      say(`${input.path}: unreadable document (${(error as Error).message})`);
    }
  }
  if ((report.peakWorkerRssMb ?? 0) > MAX_MEMORY * 1.1) say(`a worker reached ${report.peakWorkerRssMb} MB (limit ${MAX_MEMORY} MB + 10%)`);
  return problems;
}

function main(): void {
  const sources = seeds();
  if (sources.length === 0) throw new Error('no seed files under fixtures/');
  const work = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'yusuan-fuzz-'));
  mkdirSync(work, { recursive: true });
  const verdicts: Verdict[] = [];
  let made = 0;
  let batches = 0;
  const started = performance.now();
  while (made < COUNT) {
    const batch = ++batches;
    const inputs = join(work, `batch-${batch}`);
    const out = join(work, `out-${batch}`);
    rmSync(inputs, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    mkdirSync(inputs, { recursive: true });
    let entries = 0;
    let files = 0;
    for (; files < BATCH && made < COUNT; files++, made++) {
      const seed = pick(sources);
      const ext = seed.name.slice(seed.name.lastIndexOf('.'));
      const bytes = ext === '.pdf' ? mutatePdf(seed.bytes) : mutateZip(seed.bytes);
      if (random() < SPECIAL_SHARE) {
        entries += special(inputs, made, bytes, ext);
        continue;
      }
      writeFileSync(join(inputs, `${String(made).padStart(5, '0')}-${seed.name}`), bytes);
      entries++;
    }
    // Each file may take the whole timeout; two at a time, with room to start and write.
    const limitS = (entries * TIMEOUT_S) / 2 + 60;
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'convert', inputs, '-o', out, '--jobs', '2', '--timeout', String(TIMEOUT_S), '--max-memory', String(MAX_MEMORY), '-q'], {
      encoding: 'utf8',
      timeout: limitS * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - t0) / 1000;
    const found = judge(batch, entries, out, run, seconds);
    verdicts.push(...found);
    const failed = String(run.stderr ?? '').split('\n').filter((l) => l.trim() !== '').length;
    console.log(`batch ${batch}: ${files} files in ${seconds.toFixed(1)} s, exit ${run.status ?? run.signal}, ${failed} line(s) on stderr, ${found.length} problem(s)`);
    for (const v of found) console.log(`  ${v.problem}`);
    if (!values.keep && found.length === 0) {
      rmSync(inputs, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  }
  console.log(`\n${made} mutated files in ${batches} batches, ${((performance.now() - started) / 1000).toFixed(0)} s: ${verdicts.length} problem(s)${verdicts.length > 0 ? ` (inputs kept in ${work})` : ''}`);
  if (verdicts.length === 0 && !values.keep) rmSync(work, { recursive: true, force: true });
  process.exitCode = verdicts.length > 0 ? 1 : 0;
}

main();
