import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers.js';
import { readCsv, tempDir, yusuan } from './run.js';

// SPEC's columns, then the columns added after them (kind, self-evaluation values …).
const SPEC_COLUMNS = {
  'documents.csv': 'source_path,sha256,format,status,fiscal_year,department_code,department_name,project_count,indicator_count,error_count,warning_count,message',
  'projects.csv': 'source_path,fiscal_year,department_code,department_name,project_code,project_name,amount_unit,total_raw,total_yuan,fiscal_raw,fiscal_yuan,other_raw,other_yuan,purpose,goal,indicator_count,page,carryover_raw,carryover_yuan,kind,mid_term_goal,executed_raw,executed_yuan,execution_rate,total_score,tables,sheet,ref',
  'indicators.csv': 'source_path,fiscal_year,department_code,project_code,project_name,seq,level1,level2,level3,description,target_raw,target_kind,operator,value,value_max,unit,basis_raw,basis_doc_number,basis_issuer,basis_year,basis_serial,weight,record_kind,mid_term_raw,actual_raw,actual_value,score,deviation,notes,core,page,table,row,sheet,ref',
  'schedule.csv': 'source_path,fiscal_year,project_code,project_name,seq,label,month,percent',
};

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('yusuan convert: a batch with bad inputs', () => {
  const out = tempDir();
  const good = ['gridbefore-2025', 'lunan-jiaoyu-2025', 'lunan-kexie-2025', 'wps-textbox-2025'].map((n) => fixturePath(`fixtures/docx/${n}.docx`));
  const run = yusuan(['convert', ...good, fixturePath('test/inputs/bad'), '-o', out, '--quiet']);

  it('exits 1 and prints one line per failed or partial input, naming the file and the reason, no stack trace', () => {
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split('\n').sort()).toEqual([
      'empty.docx: empty file (0 bytes)',
      'no-tables.docx: partial: no tables in the file, so no performance-target table (绩效目标表)',
      'not-a-zip.docx: not a .docx (no zip signature)',
      'zip-without-document.docx: not a .docx (zip without word/document.xml)',
    ]);
    expect(run.stdout).toBe('');
  });

  it('still converts and writes the good inputs', () => {
    expect(walkFiles(out)).toEqual([
      'budget_lines.csv',
      'documents.csv',
      'indicators.csv',
      'json/gridbefore-2025.docx.json',
      'json/lunan-jiaoyu-2025.docx.json',
      'json/lunan-kexie-2025.docx.json',
      'json/no-tables.docx.json',
      'json/wps-textbox-2025.docx.json',
      'projects.csv',
      'report.json',
      'schedule.csv',
    ]);
    const seed = JSON.parse(readFileSync(join(out, 'json/lunan-kexie-2025.docx.json'), 'utf8'));
    expect(seed.source.path).toBe('lunan-kexie-2025.docx');
    expect(seed.projects).toHaveLength(3);
  });

  it('records every input in documents.csv and report.json with its status', () => {
    const docs = readCsv(join(out, 'documents.csv'));
    expect(docs[0]?.join(',')).toBe(SPEC_COLUMNS['documents.csv']);
    const status = Object.fromEntries(docs.slice(1).map((r) => [r[0], [r[3], r[7], r[8]]]));
    expect(status).toEqual({
      'gridbefore-2025.docx': ['ok', '1', '8'],
      'lunan-jiaoyu-2025.docx': ['ok', '5', '27'],
      'lunan-kexie-2025.docx': ['ok', '3', '27'],
      'wps-textbox-2025.docx': ['ok', '1', '7'],
      'empty.docx': ['failed', '0', '0'],
      'no-tables.docx': ['partial', '0', '0'],
      'not-a-zip.docx': ['failed', '0', '0'],
      'zip-without-document.docx': ['failed', '0', '0'],
    });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.counts).toMatchObject({ inputs: 8, ok: 4, partial: 1, failed: 3, projects: 10, indicators: 69 });
    expect(report.inputs.find((i: { path: string }) => i.path === 'empty.docx')).toMatchObject({ status: 'failed', errorKind: 'empty', json: null });
  });

  it('report.json gives the CPU seconds of the main process and of the workers, each within what the cores could give over the run', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const ceiling = (report.elapsedMs / 1000) * availableParallelism();
    // Seconds, not ms: eight files cannot take less than a millisecond of a worker's CPU,
    // and in ms the figures would exceed what the machine's cores give in the run's time.
    expect(report.cpuSeconds.workers).toBeGreaterThan(0.001);
    expect(report.cpuSeconds.workers).toBeLessThan(ceiling);
    expect(report.cpuSeconds.main).toBeGreaterThan(0.001);
    expect(report.cpuSeconds.main).toBeLessThan(ceiling);
  });

  it('writes the CSV columns of SPEC, one row per project, indicator and schedule point', () => {
    for (const [file, header] of Object.entries(SPEC_COLUMNS)) {
      expect(readFileSync(join(out, file), 'utf8').split('\n')[0]).toBe(header);
    }
    const projects = readCsv(join(out, 'projects.csv'));
    expect(projects).toHaveLength(1 + 10);
    const seedRow = projects.find((r) => r[4] === '13020225P009127100021');
    expect(seedRow).toEqual([
      'lunan-kexie-2025.docx', '2025', '731001', '唐山市路南区科学技术协会本级', '13020225P009127100021',
      '2025年支持市县科技创新和科学普及专项资金', '万元', '11.00', '110000', '11.00', '110000', '', '',
      '用于2025年支持市县科技创新和科学普及专项项目。', '1.用于2025年支持市县科技创新和科学普及专项资金', '9', '', '', '',
      'project', '', '', '', '', '',
      // The project's tables in the .docx: its header table and its indicator table, the first two.
      '1;2', '', '',
    ]);
    const indicators = readCsv(join(out, 'indicators.csv'));
    expect(indicators).toHaveLength(1 + 69);
    expect(indicators.find((r) => r[0] === 'lunan-kexie-2025.docx' && r[5] === '1')).toEqual([
      'lunan-kexie-2025.docx', '2025', '731001', '13020225P009127100021', '2025年支持市县科技创新和科学普及专项资金', '1',
      '产出指标', '数量指标', '开展科普活动', '通过开展各种科普活动，吸引各重点人群参与，普及科普知识',
      '≥20次', 'quantitative', '>=', '20', '', '次', '冀财教【2024】130号', '冀财教〔2024〕130号', '冀财教', '2024', '130', '',
      'project', '', '', '', '', '', '', '',
      // Its row: the second of table 2 (under the header row); no page in a .docx, no sheet.
      '', '2', '2', '', '',
    ]);
    const schedule = readCsv(join(out, 'schedule.csv'));
    expect(schedule.filter((r) => r[0] === 'lunan-kexie-2025.docx')).toHaveLength(12);
    expect(schedule.find((r) => r[0] === 'lunan-kexie-2025.docx' && r[4] === '4')).toEqual([
      'lunan-kexie-2025.docx', '2025', '13020225P009127100021', '2025年支持市县科技创新和科学普及专项资金', '4', '12月底', '12', '100',
    ]);
  });

  it('leaves no temporary file behind', () => {
    expect(walkFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('yusuan convert: options', () => {
  it('exits 0 when every input converts, and names a single file argument by its file name', () => {
    const out = tempDir();
    const run = yusuan(['convert', fixturePath('fixtures/docx/lunan-kexie-2025.docx'), '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^1 input\(s\): 1 ok, 0 partial, 0 failed; 0 warning\(s\);/);
    expect(existsSync(join(out, 'json/lunan-kexie-2025.docx.json'))).toBe(true);
  });

  it('--year overrides the fiscal year', () => {
    const out = tempDir();
    yusuan(['convert', fixturePath('fixtures/docx/lunan-kexie-2025.docx'), '-o', out, '--year', '2030', '-q']);
    const doc = JSON.parse(readFileSync(join(out, 'json/lunan-kexie-2025.docx.json'), 'utf8'));
    expect([doc.fiscalYear, doc.fiscalYearSource]).toEqual([2030, 'option']);
    expect(readCsv(join(out, 'projects.csv'))[1]?.[1]).toBe('2030');
  });

  it('--strict fails an input with warnings and writes no document for it', () => {
    const out = tempDir();
    const run = yusuan(['convert', fixturePath('fixtures/docx/lunan-jiaoyu-2025.docx'), fixturePath('fixtures/docx/lunan-kexie-2025.docx'), '-o', out, '--strict', '-q']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^lunan-jiaoyu-2025\.docx: --strict: 5 warning\(s\) or error\(s\); first: /);
    expect(existsSync(join(out, 'json/lunan-jiaoyu-2025.docx.json'))).toBe(false);
    expect(existsSync(join(out, 'json/lunan-kexie-2025.docx.json'))).toBe(true);
    expect(readCsv(join(out, 'projects.csv')).map((r) => r[0])).toEqual(['source_path', 'lunan-kexie-2025.docx', 'lunan-kexie-2025.docx', 'lunan-kexie-2025.docx']);
  });

  it('--format ndjson writes one project per line with its source', () => {
    const out = tempDir();
    yusuan(['convert', fixturePath('fixtures/docx/lunan-kexie-2025.docx'), '-o', out, '--format', 'ndjson', '-q']);
    expect(walkFiles(out)).toEqual(['projects.ndjson', 'report.json']);
    const lines = readFileSync(join(out, 'projects.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.sourcePath, l.fiscalYear, l.code, l.indicators.length])).toEqual([
      ['lunan-kexie-2025.docx', 2025, '13020225P009127100021', 9],
      ['lunan-kexie-2025.docx', 2025, '13020225P00904910001F', 9],
      ['lunan-kexie-2025.docx', 2025, '13020225P00905010001K', 9],
    ]);
  });

  it('--bom starts every CSV with a BOM, even one with no rows', () => {
    const out = tempDir();
    yusuan(['convert', fixturePath('test/inputs/bad/no-tables.docx'), '-o', out, '--bom', '-q']);
    const schedule = readFileSync(join(out, 'schedule.csv'), 'utf8');
    expect(schedule).toBe(`\uFEFF${SPEC_COLUMNS['schedule.csv']}\n`);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8').startsWith('\uFEFFsource_path,')).toBe(true);
  });

  it('removes the stale document of an input that now fails', () => {
    const inputs = tempDir();
    const out = tempDir();
    copyFileSync(fixturePath('fixtures/docx/lunan-kexie-2025.docx'), join(inputs, 'a.docx'));
    expect(yusuan(['convert', inputs, '-o', out, '-q']).status).toBe(0);
    expect(existsSync(join(out, 'json/a.docx.json'))).toBe(true);
    writeFileSync(join(inputs, 'a.docx'), 'broken');
    expect(yusuan(['convert', inputs, '-o', out, '-q']).status).toBe(1);
    expect(existsSync(join(out, 'json/a.docx.json'))).toBe(false);
  });

  it('keeps the directory structure of a directory argument', () => {
    const inputs = tempDir();
    mkdirSync(join(inputs, '2025/lunan'), { recursive: true });
    copyFileSync(fixturePath('fixtures/docx/lunan-kexie-2025.docx'), join(inputs, '2025/lunan/kexie.docx'));
    const out = tempDir();
    expect(yusuan(['convert', inputs, '-o', out, '-q']).status).toBe(0);
    expect(existsSync(join(out, 'json/2025/lunan/kexie.docx.json'))).toBe(true);
  });
});

describe('yusuan: usage errors exit 2 with one line', () => {
  it.each([
    [['frobnicate'], 'yusuan: unknown command "frobnicate"'],
    [['convert'], 'yusuan: convert needs at least one file or directory'],
    [['convert', 'x', '--year', '25'], 'yusuan: --year must be a year such as 2025, not "25"'],
    [['convert', 'x', '--format', 'xml'], 'yusuan: unknown format "xml" (choose from json, csv, ndjson)'],
    [['convert', 'x', '--jobs', '0'], 'yusuan: --jobs must be a whole number from 1 to 256, not "0"'],
    [['schema', 'extra'], 'yusuan: schema takes no argument but "diff", got "extra"'],
  ])('%j', (args, message) => {
    const run = yusuan(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${message}\nTry 'yusuan --help'.\n`);
  });

  it('an unknown option is a usage error too', () => {
    const run = yusuan(['convert', 'x', '--colour']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/^yusuan: Unknown option '--colour'/);
  });

  it('--help prints the usage and exits 0', () => {
    const run = yusuan(['convert', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: yusuan convert <file|dir>... [options]');
  });
});

describe('yusuan convert: paths that must not hurt', () => {
  it('never removes or writes a file outside the output directory for a missing argument', () => {
    const work = tempDir();
    writeFileSync(join(work, 'notes.json'), '{"keep":1}');
    mkdirSync(join(work, 'sub'));
    const run = yusuan(['convert', '../notes', '-o', 'output', '-q'], { cwd: join(work, 'sub') });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('../notes: no such file or directory\n');
    expect(readFileSync(join(work, 'notes.json'), 'utf8')).toBe('{"keep":1}');
  });

  it('refuses an output path that is a file, as a usage error', () => {
    const work = tempDir();
    writeFileSync(join(work, 'out'), 'x');
    const run = yusuan(['convert', fixturePath('fixtures/docx/lunan-kexie-2025.docx'), '-o', join(work, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`yusuan: -o ${join(work, 'out')}: is a file, not a directory`);
  });

  it('passes over Office lock files (~$…) found in a directory', () => {
    const inputs = tempDir();
    copyFileSync(fixturePath('fixtures/docx/lunan-kexie-2025.docx'), join(inputs, 'kexie.docx'));
    writeFileSync(join(inputs, '~$kexie.docx'), 'owner file');
    const out = tempDir();
    expect(yusuan(['convert', inputs, '-o', out, '-q']).status).toBe(0);
    expect(readCsv(join(out, 'documents.csv')).map((r) => r[0])).toEqual(['source_path', 'kexie.docx']);
  });
});
