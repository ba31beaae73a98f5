/**
 * `yusuan check` as a user runs it: findings grouped by file and project, exit status 1
 * when one is an error, 0 otherwise, 2 when an input cannot be read or on a usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, yusuan } from '../cli/run.js';

describe('yusuan check', () => {
  it('exits 0 with no finding on the seed', () => {
    const run = yusuan(['check', 'fixtures/docx/lunan-kexie-2025.docx']);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '1 file(s) checked: 0 finding(s), 0 error(s), 0 warning(s)\n', '']);
  });

  it('exits 0 on warnings, printing them under the file and the project with table and row', () => {
    const run = yusuan(['check', 'test/inputs/check/cost-budget-mismatch.docx']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'test/inputs/check/cost-budget-mismatch.docx',
        '  13020225P00904910001F 科普活动经费',
        '    warning COST_BUDGET_MISMATCH (table 2, row 4): project 「科普活动经费」(13020225P00904910001F): 成本指标 产出指标/成本指标/项目预算控制数 "10万元" (100000 yuan) disagrees with 预算数 11.00 (110000 yuan)',
        '1 file(s) checked: 1 finding(s), 0 error(s), 1 warning(s)',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 when a finding is an error; walks directories', () => {
    const run = yusuan(['check', 'test/inputs/check']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('test/inputs/check/budget-sources-mismatch.docx\n  13020225P00904910001F 科普活动经费\n    error BUDGET_SOURCES_MISMATCH (table 1): ');
    expect(run.stdout).toContain('    warning BASIS_MALFORMED (table 2, row 5, column 6): basis "湘财绩〔20207号" looks like a document number but does not parse');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('17 file(s) checked: 17 finding(s), 3 error(s), 14 warning(s)');
  });

  it('reads the document JSON that convert writes, passing over report.json', () => {
    const out = tempDir();
    expect(yusuan(['convert', 'test/inputs/check/project-code-duplicate.docx', 'fixtures/docx/lunan-kexie-2025.docx', '-o', out, '-q']).status).toBe(0);
    const run = yusuan(['check', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^.*json\/project-code-duplicate\.docx\.json\n {2}13020225P00904910001F\n {4}error PROJECT_CODE_DUPLICATE \(table 3\): /);
    expect(run.stdout).toContain('2 file(s) checked: 1 finding(s), 1 error(s), 0 warning(s)');
  });

  it('exits 2 when an input cannot be read, after checking the others', () => {
    const run = yusuan(['check', 'test/inputs/bad/not-a-zip.docx', 'no/such/file.json', 'fixtures/docx/lunan-kexie-2025.docx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('test/inputs/bad/not-a-zip.docx: not a .docx (no zip signature)\nno/such/file.json: no such file or directory\n');
    expect(run.stdout).toBe('1 file(s) checked: 0 finding(s), 0 error(s), 0 warning(s)\n');
  });

  it('reports a truncated document JSON inside a directory instead of passing over it, and reads one saved with a BOM', () => {
    const out = tempDir();
    expect(yusuan(['convert', 'fixtures/docx/lunan-kexie-2025.docx', '-o', out, '-q']).status).toBe(0);
    const json = readFileSync(join(out, 'json/lunan-kexie-2025.docx.json'), 'utf8');
    const dir = tempDir();
    writeFileSync(join(dir, 'truncated.json'), json.slice(0, 500));
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${json}`);
    const run = yusuan(['check', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\S+\/truncated\.json: not a document JSON \([^\n]+\)\n$/u);
    expect(run.stdout).toContain('1 file(s) checked');
  });

  it('exits 2 on a usage error', () => {
    expect(yusuan(['check']).stderr).toBe("yusuan: check needs at least one file or directory\nTry 'yusuan --help'.\n");
    expect(yusuan(['check']).status).toBe(2);
    expect(yusuan(['check', '--frobnicate', 'x']).status).toBe(2);
  });
});
