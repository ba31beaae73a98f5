/**
 * Legacy files converted by LibreOffice (src/read/legacy/): each .doc twin of a .docx
 * fixture (test/inputs/legacy/, made by scripts/fixtures/build-legacy.ts) gives what its
 * .docx gives, whose values other tests pin against the documents; a slow LibreOffice is
 * ended at the time limit, on abort, and when its caller's process is killed, and leaves
 * no process or folder behind; the CLI converts a folder of good and bad legacy files.
 *
 * These tests need LibreOffice (`soffice` on PATH): .ci/run installs it. Without it they
 * fail, saying so; they are never skipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertBytes, type Conversion } from '../../src/convert.js';
import { readDocument } from '../../src/read/index.js';
import { convertWithLibreOffice, findSoffice } from '../../src/read/legacy/libreoffice.js';
import type { Document } from '../../src/schema/document.js';
import { fixturePath, ROOT } from '../helpers.js';
import { CLI, tempDir } from '../cli/run.js';

const NEEDS = 'these tests need LibreOffice (soffice on PATH; on Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui, as .ci/run does)';

function requireLibreOffice(): string {
  const soffice = findSoffice(undefined);
  if (soffice === null) throw new Error(NEEDS);
  return soffice;
}

const TWINS = readdirSync(fixturePath('fixtures/docx'))
  .filter((n) => n.endsWith('.docx'))
  .map((n) => n.replace(/\.docx$/u, ''))
  .sort();

const bytesOf = (relative: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(relative)));

/** What a document says, without where it says it (paragraph ordinals may differ). */
function content(document: Document): unknown {
  return {
    fiscalYear: document.fiscalYear,
    department: document.department,
    projects: document.projects.map((p) => ({
      code: p.code,
      name: p.name,
      budget: p.budget,
      schedule: p.schedule,
      goal: p.goal,
      indicators: p.indicators.map((i) => ({ level1: i.level1, level2: i.level2, level3: i.level3, description: i.description, target: i.target, basis: i.basis, weight: i.weight })),
    })),
    tables: document.tables.map((t) => ({ kind: t.kind, stage: t.stage, number: t.number, title: t.title, amountUnit: t.amountUnit, tables: t.tables, parts: t.parts, reconciled: t.reconciled })),
    overview: document.overview,
    quotedFigures: document.quotedFigures,
  };
}

/** Processes whose command line holds `needle` (LibreOffice's, by their profile's path). */
function processesWith(needle: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/u.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle)) found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return test();
}

/** This process's conversion folders (not its profiles, which live until it exits). */
const workDirs = (pid = process.pid): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith(`yusuan-lo-${pid}-`));

describe('.doc twins of the .docx fixtures', () => {
  const results = new Map<string, [Conversion, Conversion]>();

  beforeAll(async () => {
    requireLibreOffice();
    // Two at a time: two LibreOffice runs in one process, each with its own profile.
    const queue = [...TWINS];
    await Promise.all(
      [0, 1].map(async () => {
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
          const docx = await convertBytes(bytesOf(`fixtures/docx/${name}.docx`), `${name}.docx`);
          const doc = await convertBytes(bytesOf(`test/inputs/legacy/${name}.doc`), `${name}.doc`);
          results.set(name, [docx, doc]);
        }
      }),
    );
  });

  it.each(TWINS)('%s: the .doc twin gives the projects, indicators, amounts and tables of the .docx', (name) => {
    const [docx, doc] = results.get(name) as [Conversion, Conversion];
    expect(docx.document, `${name}.docx: ${docx.message}`).not.toBeNull();
    expect([doc.status, doc.message]).toEqual([docx.status, docx.message]);
    const twin = doc.document as Document;
    expect([twin.source.format, twin.source.convertedBy]).toEqual(['doc', 'libreoffice']);
    expect(content(twin)).toEqual(content(docx.document as Document));
    // Something to compare: every fixture holds projects or standard tables.
    expect(twin.projects.length + twin.tables.length).toBeGreaterThan(0);
  });

  it('keeps the values the seed prints (lunan-kexie-2025: three projects of 9 indicators, 11.00 / 2.00 / 5.00 万元)', () => {
    const doc = (results.get('lunan-kexie-2025') as [Conversion, Conversion])[1].document as Document;
    expect(doc.projects.map((p) => [p.code, p.name, p.budget.total?.yuan, p.indicators.length])).toEqual([
      ['13020225P009127100021', '2025年支持市县科技创新和科学普及专项资金', 110_000, 9],
      ['13020225P00904910001F', '科普经费', 20_000, 9],
      ['13020225P00905010001K', '招商引资专项业务费', 50_000, 9],
    ]);
  });

  it('reads a ≥ inserted from the Symbol font, which LibreOffice writes as a private-use character', () => {
    const doc = (results.get('wps-textbox-2025') as [Conversion, Conversion])[1].document as Document;
    const target = doc.projects.flatMap((p) => p.indicators).find((i) => i.level3 === '展品完好率')?.target;
    expect([target?.raw, target?.operator, target?.value, target?.unit]).toEqual(['≥95%', '>=', 95, '%']);
  });

  it('reads a .doc named .docx as a .doc, with a warning', async () => {
    const conversion = await convertBytes(bytesOf('test/inputs/legacy/doc-named.docx'), 'doc-named.docx');
    const doc = conversion.document as Document;
    expect([conversion.status, doc.source.format, doc.diagnostics.find((d) => d.code === 'FORMAT_MISMATCH')?.message]).toEqual([
      'ok',
      'doc',
      'the file is named .docx but holds a legacy Word file; read as legacy Word file',
    ]);
    expect(content(doc)).toEqual(content((results.get('central-2025') as [Conversion, Conversion])[1].document as Document));
  });

  it('leaves no conversion folder behind', () => {
    expect(workDirs()).toEqual([]);
  });
});

describe('.xls files', () => {
  it('are converted to an .xlsx workbook holding their cells', async () => {
    const soffice = requireLibreOffice();
    const xlsx = await convertWithLibreOffice({ soffice, bytes: bytesOf('test/inputs/legacy/lunan-kexie-2025.xls'), inputExtension: 'xls', target: 'xlsx:Calc MS Excel 2007 XML', outputExtension: 'xlsx', label: 'legacy Excel file' });
    const parts = unzipSync(xlsx);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']));
    const strings = strFromU8(parts['xl/sharedStrings.xml'] as Uint8Array);
    // (Calc keeps the runs of a cell's text apart where the fonts change: `2025` · `年支持…`.)
    for (const text of ['13020225P009127100021', '13020225P00905010001K', '科普经费', '招商引资专项业务费', '单位：万元']) expect(strings).toContain(text);
  });

  it('are read by the .xlsx reader, as format xls: the projects and indicators of the .docx they were made from', async () => {
    requireLibreOffice();
    const conversion = await convertBytes(bytesOf('test/inputs/legacy/lunan-kexie-2025.xls'), 'lunan-kexie-2025.xls');
    const docx = (await convertBytes(bytesOf('fixtures/docx/lunan-kexie-2025.docx'), 'lunan-kexie-2025.docx')).document as Document;
    expect([conversion.status, conversion.message]).toEqual(['ok', null]);
    const doc = conversion.document as Document;
    expect([doc.source.format, doc.source.convertedBy, doc.source.pageCount]).toEqual(['xls', 'libreoffice', null]);
    // The .xls was made from Writer's HTML by Calc, which stores 11.00 as the number 11 in
    // General: the amounts are the same yuan, printed `11`.
    const records = (d: Document) =>
      d.projects.map((p) => ({
        code: p.code,
        name: p.name,
        department: p.department,
        yuan: [p.budget.total?.yuan, p.budget.fiscal?.yuan, p.budget.other?.yuan],
        schedule: p.schedule,
        purpose: p.purpose,
        goal: p.goal,
        indicators: p.indicators.map((i) => ({ level1: i.level1, level2: i.level2, level3: i.level3, description: i.description, target: i.target, basis: i.basis })),
      }));
    expect(records(doc)).toEqual(records(docx));
    expect(doc.projects.map((p) => [p.code, p.budget.total?.raw, p.indicators.length, p.provenance.sheet])).toEqual([
      ['13020225P009127100021', '11', 9, 'Sheet1'],
      ['13020225P00904910001F', '2', 9, 'Sheet1'],
      ['13020225P00905010001K', '5', 9, 'Sheet1'],
    ]);
  });
});

describe('LibreOffice is always ended', () => {
  const doc = (): Uint8Array => bytesOf('test/inputs/legacy/central-2025.doc');
  const profileNeedle = `yusuan-lo-profile-${process.pid}-`;

  it('at the time limit: the file fails with the reason, and no process or folder stays', async () => {
    requireLibreOffice();
    const started = Date.now();
    // Shorter than LibreOffice takes to start and convert: 1.5 s was, until a faster host
    // converted the file in 1.3 s and the test found no timeout to see.
    await expect(readDocument(doc(), 'doc', { timeoutMs: 400 })).rejects.toMatchObject({ kind: 'timeout', message: 'timed out after 0.4 s (LibreOffice converting the legacy Word file); not read' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await until(() => processesWith(profileNeedle).length === 0, 3000)).toBe(true);
    expect(workDirs()).toEqual([]);
  });

  it('when the caller aborts', async () => {
    requireLibreOffice();
    const controller = new AbortController();
    const pending = readDocument(doc(), 'doc', { signal: controller.signal });
    expect(await until(() => processesWith(profileNeedle).length > 0, 5000)).toBe(true);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'timeout', message: 'LibreOffice was stopped converting the legacy Word file (interrupted); not read' });
    expect(await until(() => processesWith(profileNeedle).length === 0, 3000)).toBe(true);
    expect(workDirs()).toEqual([]);
  });

  it('when the process that started it is killed outright (SIGKILL runs no exit handler)', async () => {
    requireLibreOffice();
    const script = join(tempDir(), 'convert.mts');
    const legacyIndex = join(ROOT, 'src/read/legacy/index.ts');
    writeFileSync(script, `import { readFileSync } from 'node:fs';\nimport { readLegacy } from ${JSON.stringify(legacyIndex)};\nawait readLegacy(new Uint8Array(readFileSync(${JSON.stringify(fixturePath('test/inputs/legacy/central-2025.doc'))})), {});\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: 'ignore' });
    const pid = child.pid as number;
    // Until this process reaps the killed child, its pid still answers kill(pid, 0) (a
    // zombie), and the sweep rightly keeps its folders; under load the reaping can come late.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const needle = `yusuan-lo-profile-${pid}-`;
    try {
      expect(await until(() => processesWith(needle).length > 0, 20_000), 'LibreOffice started by the child').toBe(true);
      child.kill('SIGKILL');
      await exited;
      expect(await until(() => processesWith(needle).length === 0, 1500), 'LibreOffice gone after its parent was killed').toBe(true);
    } finally {
      child.kill('SIGKILL');
      for (const pidText of processesWith(needle)) process.kill(pidText, 'SIGKILL');
    }
    // The killed process's folders (its profile, its conversion folder) stay until the next
    // conversion, in any process, sweeps them.
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(needle)).length).toBe(1);
    expect(workDirs(pid).length).toBe(1);
    await readDocument(bytesOf('test/inputs/legacy/gridbefore-2025.doc'), 'doc', {});
    expect([readdirSync(tmpdir()).filter((n) => n.startsWith(needle)), workDirs(pid)]).toEqual([[], []]);
  });
});

describe('yusuan convert over a folder of legacy files', () => {
  it('converts the good one and fails the corrupt one with one line, exit 1', () => {
    requireLibreOffice();
    const inputs = tempDir();
    const out = tempDir();
    mkdirSync(join(inputs, '2025'));
    copyFileSync(fixturePath('test/inputs/legacy/central-2025.doc'), join(inputs, '2025', 'central-2025.doc'));
    copyFileSync(fixturePath('test/inputs/legacy/corrupt-fat.doc'), join(inputs, 'corrupt-fat.doc'));
    const run = spawnSync(process.execPath, [CLI, 'convert', inputs, '-o', out, '--jobs', '2'], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    const directory = new DataView(bytesOf('test/inputs/legacy/central-2025.doc').buffer).getUint32(48, true);
    expect(run.status).toBe(1);
    // Progress lines (`1/2 files, …`) come when a file takes seconds; they are not asserted.
    const lines = run.stderr.split('\n').filter((l) => l !== '' && !/^\d+\/\d+ files, /u.test(l));
    expect(lines.slice(0, 2)).toEqual([`corrupt-fat.doc: corrupt OLE2 compound file: the directory chain loops back to sector ${directory}; not read`, expect.stringMatching(/^2 input\(s\): 1 ok, 0 partial, 1 failed; /u)]);
    const document = JSON.parse(readFileSync(join(out, 'json', '2025', 'central-2025.doc.json'), 'utf8')) as Document;
    expect([document.status, document.source.format, document.source.convertedBy]).toEqual(['ok', 'doc', 'libreoffice']);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const failed = report.inputs.find((i: { path: string }) => i.path === 'corrupt-fat.doc');
    expect([failed.status, failed.errorKind, failed.errorClass]).toEqual(['failed', 'corrupt', 'input']);
  });

  it('says what to install when LibreOffice is not on PATH', () => {
    const inputs = tempDir();
    const out = tempDir();
    copyFileSync(fixturePath('test/inputs/legacy/central-2025.doc'), join(inputs, 'central-2025.doc'));
    copyFileSync(fixturePath('test/inputs/legacy/lunan-kexie-2025.xls'), join(inputs, 'lunan-kexie-2025.xls'));
    const run = spawnSync(process.execPath, [CLI, 'convert', inputs, '-o', out], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', PATH: '/nonexistent' } });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([
      'central-2025.doc: legacy Word file; install LibreOffice to read it',
      'lunan-kexie-2025.xls: legacy Excel file; install LibreOffice to read it',
      expect.stringMatching(/^2 input\(s\): 0 ok, 0 partial, 2 failed; /u),
    ]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.inputs.map((i: { errorKind: string; errorClass: string }) => [i.errorKind, i.errorClass])).toEqual([
      ['needs-libreoffice', 'input'],
      ['needs-libreoffice', 'input'],
    ]);
  });
});
