/**
 * `npm run bench`: how fast yusuan converts, beside the floor of the work it cannot avoid.
 *
 * 1. Builds a corpus in .bench/ (ignored by git) by replicating the fixtures: 2,000 .docx
 *    files, each with its own text (a numbered project name and amount, so no two files
 *    are alike), 400 of each producer twin of them (test/inputs/producers/: Word's package
 *    with its 438 KB styles.xml, WPS's per-run markup, LibreOffice's re-save), 1,000 copies
 *    of the seed alone, and PDF copies of the fixture exports up to 1,000 pages (each copy with
 *    its own trailing bytes; pdf.js keeps no cache between documents).
 * 2. Runs the built CLI (`node dist/cli/main.js convert`) on each corpus with --jobs 1 and
 *    --jobs 2, three times each, and reports the median run's files/s, pages/s and peak
 *    RSS (from its report.json).
 * 3. In the same run, on the same files, measures the floor: unzip + XML parse of
 *    word/document.xml (fflate + htmlparser2) for .docx, pdf.js text extraction for PDF,
 *    both single-threaded, and poppler's `pdftotext -layout` when installed.
 * 4. The real disclosures (../shared/corpora/real-2026/, 29 PDFs, and real-disclosures/, 12):
 *    pages/s at --jobs 1 and --jobs 2 (one run each: they take half a minute) and peak RSS,
 *    beside pdf.js text extraction and `pdftotext -layout` on the same files.
 * 5. Under each yusuan run, where its time went: the stages of report.json's stagesMs (read,
 *    recognize, normalize, check in the workers; export in the main process), summed.
 * 6. OCR: the scans of test/inputs/scans, those made at 150 dpi and at 200 dpi apart, at
 *    --jobs 1 (seconds a page a core) and all of them at --jobs 2, beside the floor of
 *    rendering their pages (pdf.js on @napi-rs/canvas at the OCR resolution) in this process.
 *
 * 7. Before all that, what two cores give this machine: an allocation-heavy loop alone and as
 *    two processes at once.
 * 8. Beside each `--jobs 2 ÷ --jobs 1`, the same ratio for the conversion itself without the
 *    pool: convertFile over the same files in one process, then in two processes at once
 *    (no workers, no channel, no output). That is the ceiling for this work on this machine;
 *    the gap between the two is what the pool and the main process lose.
 * 9. Under each yusuan run, the CPU time of its whole process tree (how many cores it kept
 *    busy) and, on Linux, how much of the machine's time the host took for itself meanwhile
 *    (steal, from /proc/stat): on a shared virtual machine, the second core is not always
 *    all there.
 *
 * `--only docx|pdf|real|ocr` runs one part (the corpus is built only for docx and pdf).
 *
 * Prints figures only; nothing here asserts a speed.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { openDocument } from '../src/read/pdf/load.js';
import { renderPage } from '../src/read/pdf/ocr/index.js';
import { MAX_RENDER_PIXELS, RENDER_DPI } from '../src/read/pdf/ocr/settings.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WORK = join(ROOT, '.bench');
const DOCX_COUNT = 2000;
const PDF_PAGES = 1000;

interface Run {
  files: number;
  pages: number;
  seconds: number;
  peakRssMb: number;
  failed: number;
  stagesMs: Record<string, number>;
  /** User + system CPU seconds of the CLI and its workers; null off Linux. */
  cpuSeconds: number | null;
  /** What report.json says of it: the main process's CPU seconds and the workers' while they converted. */
  cpuSplit: { main: number; workers: number } | null;
  /** The share of the machine's CPU time the host took during the run (steal); null off Linux. */
  stealShare: number | null;
}

/** The producer twins of the fixtures (test/inputs/producers/, scripts/fixtures/build-producers.ts). */
const PRODUCERS = [
  { name: 'word', label: 'Word-written package' },
  { name: 'wps', label: 'WPS markup' },
  { name: 'libreoffice', label: 'LibreOffice re-saved' },
] as const;
const PRODUCER_COUNT = 400;

/** `count` copies of the packages, each copy with its own project name and amount, so no two files are alike. */
function replicate(unpacked: Record<string, Uint8Array>[], count: number, dir: string, name: (i: number) => string, also?: (i: number, bytes: Uint8Array) => void): void {
  for (let i = 0; i < count; i++) {
    const parts = { ...unpacked[i % unpacked.length] } as Record<string, Uint8Array>;
    const xml = strFromU8(parts['word/document.xml'] as Uint8Array)
      .replace(/(<w:t(?: [^>]*)?>)([^<]*专项资金|科普经费|[^<]*补助[^<]*)(<\/w:t>)/u, `$1$2（第${i}号）$3`)
      .replace(/>(\d+)\.00</u, (_m, n: string) => `>${Number(n) + (i % 97)}.00<`);
    parts['word/document.xml'] = strToU8(xml);
    const bytes = zipSync(parts, { level: 6 });
    writeFileSync(join(dir, name(i)), bytes);
    also?.(i, bytes);
  }
}

async function build(): Promise<{ docx: string; seed: string; pdf: string; pdfPages: number; producers: Record<string, string> }> {
  rmSync(WORK, { recursive: true, force: true });
  const docxDir = join(WORK, 'docx');
  const seedDir = join(WORK, 'seed');
  const pdfDir = join(WORK, 'pdf');
  mkdirSync(docxDir, { recursive: true });
  mkdirSync(pdfDir, { recursive: true });
  mkdirSync(seedDir, { recursive: true });

  // .docx: the seed-sized fixtures, each copy with its own project name and amount.
  const sources = ['lunan-kexie-2025', 'gridbefore-2025', 'wps-textbox-2025', 'central-2025', 'separate-columns-2025', 'multi-project-2025'];
  const unpacked = sources.map((name) => unzipSync(readFileSync(join(ROOT, 'fixtures/docx', `${name}.docx`))));
  replicate(unpacked, DOCX_COUNT, docxDir, (i) => `d${String(i).padStart(4, '0')}.docx`, (i, bytes) => {
    if (i % unpacked.length === 0) writeFileSync(join(seedDir, `s${String(i).padStart(4, '0')}.docx`), bytes);
  });
  const producers: Record<string, string> = {};
  for (const producer of PRODUCERS) {
    const dir = join(WORK, producer.name);
    mkdirSync(dir, { recursive: true });
    const twins = sources.map((name) => unzipSync(readFileSync(join(ROOT, 'test/inputs/producers', producer.name, `${name}.docx`))));
    replicate(twins, PRODUCER_COUNT, dir, (i) => `${producer.name}${String(i).padStart(4, '0')}.docx`);
    producers[producer.name] = dir;
  }
  // More seed copies, so that the seed-only run has 1,000 files.
  const seed = unpacked[0] as Record<string, Uint8Array>;
  for (let i = readdirSync(seedDir).length; i < 1000; i++) {
    const xml = strFromU8(seed['word/document.xml'] as Uint8Array).replace('科普经费', `科普经费（第${i}号）`);
    writeFileSync(join(seedDir, `t${String(i).padStart(4, '0')}.docx`), zipSync({ ...seed, 'word/document.xml': strToU8(xml) }, { level: 6 }));
  }

  // PDF: copies of the fixture exports until the corpus holds PDF_PAGES pages.
  const pdfs = readdirSync(join(ROOT, 'fixtures/pdf')).filter((f) => f.endsWith('.pdf'));
  const pagesOf = new Map<string, number>();
  for (const f of pdfs) pagesOf.set(f, await pageCount(join(ROOT, 'fixtures/pdf', f)));
  let pages = 0;
  for (let i = 0; pages < PDF_PAGES; i++) {
    const name = pdfs[i % pdfs.length] as string;
    const bytes = Buffer.concat([readFileSync(join(ROOT, 'fixtures/pdf', name)), Buffer.from(`% copy ${i}\n`)]);
    writeFileSync(join(pdfDir, `p${String(i).padStart(4, '0')}-${name}`), bytes);
    pages += pagesOf.get(name) ?? 0;
  }
  return { docx: docxDir, seed: seedDir, pdf: pdfDir, pdfPages: pages, producers };
}

async function pageCount(file: string): Promise<number> {
  const { doc, close } = await openDocument(new Uint8Array(readFileSync(file)));
  const pages = doc.numPages;
  await close();
  return pages;
}

/** The median of three runs by time: the machines this runs on are shared and noisy. */
function convert(dir: string, jobs: number): Run {
  const runs = [convertOnce(dir, jobs), convertOnce(dir, jobs), convertOnce(dir, jobs)].sort((a, b) => a.seconds - b.seconds);
  return runs[1] as Run;
}

/**
 * How many runs have written an output directory so far: each run writes into a new one
 * (WORK/out-<n>), and all of them go when WORK does, at the end of the bench.
 *
 * Why not one directory, emptied before each run: on an ext4 file system without a
 * journal (the development machines' root is one: /sys/fs/ext4/vda/journal_task says
 * <none>), the kernel does not reuse an inode freed in the last minute, or the last six while
 * its inode table block is unwritten, and finding a free one means testing the recently
 * freed ones one by one (recently_deleted in fs/ext4/ialloc.c, which `perf record` showed
 * at the top of the main process's profile). After the previous run's 2,000 outputs were
 * deleted, each output file's open() took about 0.5 ms instead of 0.04 ms: 1.1 to 1.7 s of
 * system time in the main process over 2,000 files. That is the bench's own cleanup showing
 * in yusuan's figures; a user who empties an output folder and converts into it again at
 * once pays it too, which no program can avoid but the file system.
 */
let outputRuns = 0;

function convertOnce(dir: string, jobs: number): Run {
  const out = join(WORK, `out-${++outputRuns}-jobs${jobs}`);
  const cpuBefore = childrenCpuSeconds();
  const machineBefore = machineTicks();
  const started = performance.now();
  spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'convert', dir, '-o', out, '--jobs', String(jobs), '-q'], { stdio: 'ignore' });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const machineAfter = machineTicks();
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  let pages = 0;
  for (const input of report.inputs as { json: string | null }[]) {
    if (input.json) pages += JSON.parse(readFileSync(join(out, input.json), 'utf8')).source.pageCount ?? 0;
  }
  return {
    files: report.counts.inputs,
    pages,
    seconds,
    peakRssMb: report.peakRssMb,
    failed: report.counts.failed,
    stagesMs: report.stagesMs ?? {},
    cpuSeconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    cpuSplit: report.cpuSeconds ?? null,
    stealShare: stealBetween(machineBefore, machineAfter),
  };
}

/** Clock ticks a second in /proc (USER_HZ): 100 on every Linux this runs on. */
const USER_HZ = 100;

/**
 * The CPU seconds (user + system) of this process's children that have ended and been
 * waited for, and of their own such children: /proc/self/stat's cutime and cstime. A CLI
 * run that has exited counts with all its workers. Null off Linux.
 */
function childrenCpuSeconds(): number | null {
  try {
    // The fields after the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name.
    return (Number(fields[13]) + Number(fields[14])) / USER_HZ;
  } catch {
    return null;
  }
}

/** The machine's CPU time so far, in ticks: all of it, and the host's steal. Null off Linux. */
function machineTicks(): { total: number; steal: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] as string;
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is
    // already inside user and nice, so it is not added again).
    const v = line.trim().split(/\s+/u).slice(1, 9).map(Number);
    return { total: v.reduce((a, b) => a + b, 0), steal: v[7] ?? 0 };
  } catch {
    return null;
  }
}

function stealBetween(before: { total: number; steal: number } | null, after: { total: number; steal: number } | null): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return (after.steal - before.steal) / (after.total - before.total);
}

async function floorDocx(dir: string): Promise<number> {
  const files = readdirSync(dir).map((f) => join(dir, f));
  const started = performance.now();
  for (const file of files) {
    const parts = unzipSync(readFileSync(file), { filter: (f) => f.name === 'word/document.xml' });
    parseDocument(strFromU8(parts['word/document.xml'] as Uint8Array), { xmlMode: true });
  }
  return files.length / ((performance.now() - started) / 1000);
}

async function floorPdf(files: string[]): Promise<number> {
  let pages = 0;
  const started = performance.now();
  for (const file of files) {
    const { doc, close } = await openDocument(new Uint8Array(readFileSync(file)));
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getTextContent();
      page.cleanup();
    }
    pages += doc.numPages;
    await close();
  }
  return pages / ((performance.now() - started) / 1000);
}

/** Pages/s of rendering alone, at the resolution OCR renders at: what OCR cannot do without. */
async function floorRender(files: string[]): Promise<number> {
  let pages = 0;
  const started = performance.now();
  for (const file of files) {
    const { doc, close } = await openDocument(new Uint8Array(readFileSync(file)), { maxImagePixels: MAX_RENDER_PIXELS });
    for (let p = 1; p <= doc.numPages; p++) await renderPage(doc, p);
    pages += doc.numPages;
    await close();
  }
  return pages / ((performance.now() - started) / 1000);
}

function pdftotext(files: string[], pages: number): number | null {
  const probe = spawnSync('pdftotext', ['-v']);
  if (probe.error) return null;
  const started = performance.now();
  for (const file of files) execFileSync('pdftotext', ['-layout', file, '/dev/null']);
  return pages / ((performance.now() - started) / 1000);
}

const f1 = (n: number): string => n.toFixed(1);

/**
 * Under a run: `stages, summed over files: read 61% (4.1 s) · recognize 20% …`, then
 * `CPU 14.2 s (main process 3.1, workers 10.9), 1.4 cores busy; host steal 12%` (how much
 * of the machine it used and had, and whether the main process kept up: it renders and
 * writes every output while the workers convert).
 */
function stages(run: Run, indent = '      '): string {
  const lines: string[] = [];
  const total = Object.values(run.stagesMs).reduce((n, ms) => n + ms, 0);
  if (total > 0) {
    const parts = Object.entries(run.stagesMs).map(([stage, ms]) => `${stage} ${Math.round((ms / total) * 100)}% (${f1(ms / 1000)} s)`);
    lines.push(`stages, summed over files: ${parts.join(' · ')}`);
  }
  if (run.cpuSeconds !== null) {
    const steal = run.stealShare !== null ? `; host steal ${Math.round(run.stealShare * 100)}% of the machine's time` : '';
    const split = run.cpuSplit ? ` (main process ${f1(run.cpuSplit.main)}, workers ${f1(run.cpuSplit.workers)})` : '';
    lines.push(`CPU ${f1(run.cpuSeconds)} s${split}, ${f1(run.cpuSeconds / run.seconds)} cores busy${steal}`);
  }
  return lines.map((line) => indent + line).join('\n');
}

/**
 * The ceiling of `--jobs 2 ÷ --jobs 1` for this very work here: convertFile (the library
 * call a worker makes) over `files` in one process, then in two processes at once, each over
 * all of them. No pool, channel or output is involved, so what this loses against 2× is
 * the machine's (shared caches, memory, V8's own background threads, the host); what
 * `--jobs 2 ÷ --jobs 1` loses below it is yusuan's.
 */
async function conversionScaling(files: string[]): Promise<number> {
  const list = join(WORK, 'scaling-files.json');
  mkdirSync(WORK, { recursive: true });
  writeFileSync(list, JSON.stringify(files));
  const entry = pathToFileURL(join(ROOT, 'dist/index.js')).href;
  const loop = `const { convertFile } = await import(process.argv[1]); const { readFileSync } = await import('node:fs'); for (const f of JSON.parse(readFileSync(process.argv[2], 'utf8'))) await convertFile(f);`;
  const args = ['--input-type=module', '-e', loop, entry, list];
  const alone = await timedProcesses(args, 1);
  const pair = await timedProcesses(args, 2);
  return (2 * alone) / pair;
}

/** `--jobs 2 ÷ --jobs 1 = 1.4× (the conversion alone, as two processes: 1.5×)`. */
function jobsRatio(indent: string, ratio: number, ceiling: number): string {
  return `${indent}--jobs 2 ÷ --jobs 1 = ${f1(ratio)}× (the conversion alone as two processes at once, no pool: ${f1(ceiling)}×)`;
}

/**
 * What two cores give this machine for work like ours: a loop that allocates as a parser
 * does (small objects and strings, most of them short-lived), timed alone and then as two
 * processes at once. A loop of arithmetic alone scales to 2× on any two cores; allocation-
 * heavy work scales only as far as the cores' shared caches and memory let it, and on a shared
 * virtual machine that can be far less. A small loop like this one can still reach 2× where
 * yusuan's own work does not (its heap is larger, V8 compiles and collects it on background
 * threads that want the second core too): conversionScaling measures that work itself.
 */
async function machineScaling(): Promise<number> {
  const loop =
    'const t=performance.now();let s=0;for(let i=0;i<800;i++){const a=new Array(20000);for(let j=0;j<20000;j++)a[j]={x:j,y:String(j)};s+=a[i%20000].x}';
  const alone = Math.min(await timedProcesses(['-e', loop], 1), await timedProcesses(['-e', loop], 1));
  const pair = Math.min(await timedProcesses(['-e', loop], 2), await timedProcesses(['-e', loop], 2));
  // Two loops done in `pair` against one in `alone`: the throughput of two cores over one.
  return (2 * alone) / pair;
}

/** Milliseconds for `parallel` Node processes with these arguments, started at once, to end. */
async function timedProcesses(args: string[], parallel: number): Promise<number> {
  const run = (): Promise<void> =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, args, { stdio: 'ignore' });
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`node ${args[0] ?? ''} … exited with ${code}`))));
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: parallel }, run));
  return performance.now() - started;
}

const PARTS = ['docx', 'pdf', 'real', 'ocr'] as const;

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (npm run bench does)');
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  if (values.only !== undefined && !(PARTS as readonly string[]).includes(values.only)) throw new Error(`--only takes one of ${PARTS.join(', ')}`);
  const wanted = (part: (typeof PARTS)[number]): boolean => values.only === undefined || values.only === part;
  const t0 = performance.now();
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`);
  console.log(`two processes of allocation-heavy JavaScript at once do ${f1(await machineScaling())}× the work of one (for yusuan's own work, see each corpus)\n`);
  if (wanted('docx') || wanted('pdf')) await syntheticCorpora(wanted);
  if (wanted('real')) await realCorpora();
  if (wanted('ocr')) await scans();
  console.log(`\nbench finished in ${f1((performance.now() - t0) / 1000)} s`);
  rmSync(WORK, { recursive: true, force: true });
}

async function syntheticCorpora(wanted: (part: (typeof PARTS)[number]) => boolean): Promise<void> {
  const t0 = performance.now();
  const corpus = await build();
  const docxBytes = readdirSync(corpus.docx).reduce((n, f) => n + statSync(join(corpus.docx, f)).size, 0);
  console.log(`corpus: ${DOCX_COUNT} .docx (${f1(docxBytes / DOCX_COUNT / 1024)} KiB each on average), ${readdirSync(corpus.pdf).length} PDFs with ${corpus.pdfPages} pages (built in ${f1((performance.now() - t0) / 1000)} s)\n`);

  if (wanted('docx')) await docxPart(corpus);
  if (wanted('pdf')) await pdfPart(corpus);
}

/** One .docx corpus: the floor, yusuan at --jobs 1 and 2, the ratio per core. */
async function docxCorpus(label: string, dir: string, floor: number): Promise<void> {
  const files = readdirSync(dir);
  const bytes = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  console.log(`  ${label} (${files.length} files, ${f1(bytes / files.length / 1024)} KiB each)`);
  console.log(`    floor (unzip + XML parse)   ${f1(floor).padStart(7)}          -   one thread, in this process`);
  const rates: number[] = [];
  for (const jobs of [1, 2]) {
    const run = convert(dir, jobs);
    const rate = run.files / run.seconds;
    rates.push(rate);
    console.log(
      `    yusuan --jobs ${jobs}             ${f1(rate).padStart(7)}   ${String(run.peakRssMb).padStart(5)} MB   ${run.files} files in ${f1(run.seconds)} s, ${run.failed} failed; floor ÷ yusuan per core = ${f1(floor / (rate / jobs))}×`,
    );
    console.log(stages(run, '        '));
  }
  const ceiling = await conversionScaling(files.slice(0, SCALING_DOCX_FILES).map((f) => join(dir, f)));
  console.log(jobsRatio('    ', (rates[1] as number) / (rates[0] as number), ceiling));
}

/** Files of a .docx corpus the no-pool scaling is measured on (a few seconds' work). */
const SCALING_DOCX_FILES = 300;
/** Files of the synthetic PDF corpus the no-pool scaling is measured on (some 250 pages). */
const SCALING_PDF_FILES = 60;

async function docxPart(corpus: { docx: string; seed: string; producers: Record<string, string> }): Promise<void> {
  console.log('.docx                           files/s   peak RSS');
  await docxCorpus('our fixtures, replicated', corpus.docx, await floorDocx(corpus.docx));
  for (const producer of PRODUCERS) {
    const dir = corpus.producers[producer.name] as string;
    await docxCorpus(`${producer.label} (test/inputs/producers/${producer.name})`, dir, await floorDocx(dir));
  }
  const seedFloor = await floorDocx(corpus.seed);
  const seedRun = convert(corpus.seed, 2);
  const seedRate = seedRun.files / seedRun.seconds;
  console.log(`  seed only: floor ${f1(seedFloor)}, yusuan --jobs 2 ${f1(seedRate)} files/s (${seedRun.files} copies of the seed, ${seedRun.peakRssMb} MB; floor ÷ yusuan per core = ${f1(seedFloor / (seedRate / 2))}×)`);
}

async function pdfPart(corpus: { pdf: string; pdfPages: number }): Promise<void> {
  const pdfFiles = readdirSync(corpus.pdf).map((f) => join(corpus.pdf, f));
  const pdfFloor = await floorPdf(pdfFiles);
  const poppler = pdftotext(pdfFiles, corpus.pdfPages);
  console.log('\nPDF                           pages/s   peak RSS');
  console.log(`  floor (pdf.js text only)    ${f1(pdfFloor).padStart(7)}          -   one thread, in this process`);
  if (poppler !== null) console.log(`  pdftotext -layout           ${f1(poppler).padStart(7)}          -   poppler, one process per file`);
  const rates: number[] = [];
  for (const jobs of [1, 2]) {
    const run = convert(corpus.pdf, jobs);
    rates.push(run.pages / run.seconds);
    console.log(`  yusuan --jobs ${jobs}             ${f1(run.pages / run.seconds).padStart(7)}   ${String(run.peakRssMb).padStart(5)} MB   ${run.pages} pages in ${f1(run.seconds)} s (${f1(run.files / run.seconds)} files/s), ${run.failed} failed`);
    console.log(stages(run));
  }
  console.log(jobsRatio('  ', (rates[1] as number) / (rates[0] as number), await conversionScaling(pdfFiles.slice(0, SCALING_PDF_FILES))));

}

async function realCorpora(): Promise<void> {
  for (const name of ['real-2026', 'real-disclosures']) {
    const real = join(ROOT, '../shared/corpora', name);
    if (!existsSync(real)) {
      console.log(`\n${name}: not found beside the clone (../shared/corpora/${name}); skipped`);
      continue;
    }
    const realFiles = readdirSync(real).filter((f) => f.toLowerCase().endsWith('.pdf')).map((f) => join(real, f));
    const realFloor = await floorPdf(realFiles);
    const first = convertOnce(real, 1);
    const realPoppler = pdftotext(realFiles, first.pages);
    console.log(`\n${name} (${realFiles.length} PDFs, ${first.pages} pages)`.padEnd(30) + '  pages/s   peak RSS');
    console.log(`  floor (pdf.js text only)    ${f1(realFloor).padStart(7)}          -`);
    if (realPoppler !== null) console.log(`  pdftotext -layout           ${f1(realPoppler).padStart(7)}          -`);
    const second = convertOnce(real, 2);
    for (const run of [first, second]) {
      const jobs = run === first ? 1 : 2;
      console.log(`  yusuan --jobs ${jobs}             ${f1(run.pages / run.seconds).padStart(7)}   ${String(run.peakRssMb).padStart(5)} MB   ${run.pages} pages in ${f1(run.seconds)} s; pdftotext ÷ yusuan = ${realPoppler !== null ? `${f1(realPoppler / (run.pages / run.seconds))}×` : '-'}`);
      console.log(stages(run));
    }
    // The whole corpus: a sample of it would stand for other work (the scans, the large files).
    console.log(jobsRatio('  ', first.seconds / second.seconds, await conversionScaling(realFiles)));
  }

}

/** The scanned twins of the PDF fixtures (test/inputs/scans), the blank one aside. */
async function scans(): Promise<void> {
  const source = join(ROOT, 'test/inputs/scans');
  const all = join(WORK, 'scans');
  const groups = [150, 200].map((dpi) => ({ dpi, dir: join(WORK, `scans-${dpi}`) }));
  for (const dir of [all, ...groups.map((g) => g.dir)]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const files = readdirSync(source).filter((f) => f.endsWith('.pdf') && !f.startsWith('blank'));
  for (const f of files) {
    copyFileSync(join(source, f), join(all, f));
    for (const g of groups) if (f.includes(`-${g.dpi}dpi`)) copyFileSync(join(source, f), join(g.dir, f));
  }
  const floor = await floorRender(files.map((f) => join(all, f)));
  console.log(`\nscans (test/inputs/scans; pages rendered at ${RENDER_DPI} dpi for OCR; the aim is ≤ 4 s a page a core at 150 dpi)`);
  console.log('                              pages/s   s/page   peak RSS');
  console.log(`  floor (render alone)        ${f1(floor).padStart(7)}   ${f1(1 / floor).padStart(6)}          -   pdf.js on @napi-rs/canvas, one thread, in this process`);
  for (const g of groups) {
    const run = convertOnce(g.dir, 1);
    console.log(`  scans made at ${g.dpi} dpi, --jobs 1 ${f1(run.pages / run.seconds).padStart(4)}   ${f1(run.seconds / run.pages).padStart(6)}   ${String(run.peakRssMb).padStart(5)} MB   ${run.pages} pages in ${f1(run.seconds)} s`);
    console.log(stages(run));
  }
  const both = convertOnce(all, 2);
  console.log(`  all scans, --jobs 2         ${f1(both.pages / both.seconds).padStart(7)}   ${f1((both.seconds * 2) / both.pages).padStart(6)}   ${String(both.peakRssMb).padStart(5)} MB   ${both.pages} pages in ${f1(both.seconds)} s (s/page is per core)`);
  console.log(stages(both));
}

await main();
