/**
 * One fixture per consistency rule (test/inputs/check/, built by scripts/fixtures/specs/
 * check.ts): each triggers its rule and nothing else, with the rule's severity and a
 * message that names the project; the clean variant, the seed and its 2024 variant trigger
 * none. Schedule and basis rules are found at parse time and reported by checkFindings.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, checkFindings, RULES } from '../../src/check/index.js';
import { CODES } from '../../src/diagnostics.js';
import { convertFixture, documentOf } from '../helpers.js';

const FIXTURES: Array<[file: string, codes: string[], where: { table: number; row: number | null }]> = [
  ['budget-sources-mismatch.docx', ['BUDGET_SOURCES_MISMATCH'], { table: 1, row: null }],
  ['budget-total-missing.docx', ['BUDGET_TOTAL_MISSING'], { table: 1, row: null }],
  ['budget-source-above-total.docx', ['BUDGET_SOURCE_ABOVE_TOTAL'], { table: 1, row: null }],
  ['schedule-not-cumulative.docx', ['SCHEDULE_NOT_CUMULATIVE'], { table: 1, row: 5 }],
  ['schedule-not-ending-at-100.docx', ['SCHEDULE_NOT_ENDING_AT_100'], { table: 1, row: 5 }],
  // A last point above 100 cannot also end at 100; a point above 100 before the end breaks cumulation.
  ['schedule-above-100.docx', ['SCHEDULE_ABOVE_100', 'SCHEDULE_NOT_ENDING_AT_100'], { table: 1, row: 5 }],
  ['cost-budget-mismatch.docx', ['COST_BUDGET_MISMATCH'], { table: 2, row: 4 }],
  ['project-code-duplicate.docx', ['PROJECT_CODE_DUPLICATE'], { table: 3, row: null }],
  ['project-code-region-mismatch.docx', ['PROJECT_CODE_REGION_MISMATCH'], { table: 5, row: null }],
  ['indicator-empty.docx', ['INDICATOR_EMPTY'], { table: 2, row: 3 }],
  ['target-unit-missing.docx', ['TARGET_UNIT_MISSING'], { table: 2, row: 2 }],
  ['target-percent-above-100.docx', ['TARGET_PERCENT_ABOVE_100'], { table: 2, row: 3 }],
  ['indicator-category-missing.docx', ['INDICATOR_CATEGORY_MISSING'], { table: 1, row: null }],
  ['satisfaction-not-percent.docx', ['SATISFACTION_NOT_PERCENT'], { table: 2, row: 7 }],
  ['basis-malformed.docx', ['BASIS_MALFORMED'], { table: 2, row: 5 }],
  ['target-not-met.docx', ['TARGET_NOT_MET'], { table: 1, row: 11 }],
];

describe('consistency rules: one fixture each', () => {
  it('covers every rule of the target tables (the standard-table rules: test/check/reconcile.test.ts)', () => {
    const covered = new Set(FIXTURES.flatMap(([, codes]) => codes));
    expect(RULES.filter((r) => r.family !== 'tables').map((r) => r.code).filter((code) => !covered.has(code))).toEqual([]);
  });

  it.each(FIXTURES)('%s triggers %j and nothing else', async (file, codes, where) => {
    const doc = await documentOf(`test/inputs/check/${file}`);
    const findings = checkFindings(doc);
    expect(findings.map((f) => f.code)).toEqual(codes);
    for (const f of findings) {
      expect(f.severity).toBe(CODES[f.code as keyof typeof CODES].severity);
      expect(f.project).not.toBeNull();
      expect(f.page).toBeNull();
    }
    const first = findings[0];
    expect({ table: first?.table, row: first?.row }).toEqual(where);
    // Nothing else is wrong with the file: every warning or error is the rule's own.
    expect(doc.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(codes);
  });

  it('names the project (name and code) in every message of the rules that run on documents', async () => {
    for (const [file] of FIXTURES) {
      const doc = await documentOf(`test/inputs/check/${file}`);
      // The MOF self-evaluation prints no 项目编码: its project is named by its name alone.
      const named = file === 'target-not-met.docx' ? /^project 「2024年全国价格监测与成本调查」: / : /^project 「[^」]+」\(\d{6}25P[0-9A-Z]+\)/u;
      for (const f of checkDocument(doc)) expect(f.message, file).toMatch(named);
    }
  });

  it('gives messages an auditor can act on', async () => {
    const message = async (file: string) => checkFindings(await documentOf(`test/inputs/check/${file}`))[0]?.message;
    expect(await message('budget-sources-mismatch.docx')).toBe(
      'project 「科普活动经费」(13020225P00904910001F): sources 财政资金 8.00 + 其他资金 2.00 = 100000 yuan, but 预算数 11.00 = 110000 yuan (sources − total = -10000 yuan)',
    );
    expect(await message('cost-budget-mismatch.docx')).toBe(
      'project 「科普活动经费」(13020225P00904910001F): 成本指标 产出指标/成本指标/项目预算控制数 "10万元" (100000 yuan) disagrees with 预算数 11.00 (110000 yuan)',
    );
    expect(await message('project-code-region-mismatch.docx')).toBe(
      'project 「科普基地建设经费」(11010125P00904910003H): 项目编码 starts with region 110101, while 2 other project(s) of 唐山市路南区科学技术协会本级 start with 130202',
    );
  });

  it('reports error-level findings without making the conversion partial: they describe the disclosure', async () => {
    const converted = await convertFixture('test/inputs/check/budget-sources-mismatch.docx');
    expect(converted.status).toBe('ok');
    expect(converted.document?.diagnostics.map((d) => [d.severity, d.code])).toContainEqual(['error', 'BUDGET_SOURCES_MISMATCH']);
    expect((await convertFixture('test/inputs/check/cost-budget-mismatch.docx')).status).toBe('ok');
  });
});

describe('documents that must trigger no finding', () => {
  it.each([
    'test/inputs/check/clean.docx',
    'fixtures/docx/lunan-kexie-2025.docx',
    'fixtures/docx/lunan-kexie-2024.docx',
    'fixtures/docx/gridbefore-2025.docx',
    'fixtures/docx/wps-textbox-2025.docx',
  ])('%s', async (file) => {
    const doc = await documentOf(file);
    expect(checkFindings(doc)).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('the seed: its 成本指标 11万元, 2万元 and 5万 agree with 预算数 11.00, 2.00 and 5.00', async () => {
    const doc = await documentOf('fixtures/docx/lunan-kexie-2025.docx');
    const costs = doc.projects.map((p) => [p.budget.total?.raw, p.indicators.find((i) => i.level2 === '成本指标')?.target?.raw]);
    expect(costs).toEqual([['11.00', '11万元'], ['2.00', '2万元'], ['5.00', '5万']]);
    expect(checkDocument(doc)).toEqual([]);
  });

  it('lunan-jiaoyu: only the per-period schedule the normalizer reports', async () => {
    const doc = await documentOf('fixtures/docx/lunan-jiaoyu-2025.docx');
    expect(checkDocument(doc)).toEqual([]);
    expect(checkFindings(doc).map((f) => f.code)).toEqual(['SCHEDULE_NOT_CUMULATIVE', 'SCHEDULE_NOT_ENDING_AT_100']);
  });
});
