/**
 * The consistency rules on documents built in code, for the cases one fixture per rule
 * does not reach: carry-over sources, exact decimals, cost operators and parts, ties in
 * region prefixes, and what the indicator rules leave alone.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/index.js';
import { exactDifference, exactSum } from '../../src/check/exact-decimal.js';
import type { Project } from '../../src/schema/document.js';
import { document, indicator, project, wan } from './make.js';

const codes = (...projects: Project[]): string[] => checkDocument(document(projects)).map((f) => f.code);

describe('exact decimals', () => {
  it.each<[number[], number]>([
    [[0.1, 0.2], 0.3],
    [[1000.1, 2000.2], 3000.3],
    [[110000, -110000], 0],
    [[1e21, 1], 1.000000000000000000001e21],
    [[1.5e-7, 1.5e-7], 3e-7],
    [[12345678.91, 0.09], 12345679],
  ])('%j sum to %d', (values, sum) => {
    expect(exactSum(...values)).toBe(sum);
  });

  it('subtracts exactly', () => {
    expect(exactDifference(0.3, 0.1)).toBe(0.2);
    expect(exactDifference(2, 1.5)).toBe(0.5);
  });
});

describe('budget rules', () => {
  it('blank sources count as 0 only when at least one source is given', () => {
    expect(codes(project({ budget: { total: wan('11.00'), fiscal: null, other: null, carryover: null, sources: [] } }))).toEqual([]);
    expect(codes(project({ budget: { total: wan('11.00'), fiscal: wan('10.00'), other: null, carryover: null, sources: [] } }))).toEqual(['BUDGET_SOURCES_MISMATCH']);
  });

  it('adds 上年结转 to the sources', () => {
    expect(codes(project({ budget: { total: wan('11.00'), fiscal: wan('8.00'), other: null, carryover: wan('3.00'), sources: [] } }))).toEqual([]);
    expect(codes(project({ budget: { total: wan('11.00'), fiscal: wan('8.00'), other: wan('1.00'), carryover: wan('1.00'), sources: [] } }))).toEqual(['BUDGET_SOURCES_MISMATCH']);
  });

  it('compares in yuan exactly: 0.1 + 0.2 万元 is 0.3 万元', () => {
    const p = project({ budget: { total: wan('0.30'), fiscal: wan('0.10'), other: wan('0.20'), carryover: null, sources: [] }, indicators: [] });
    expect(codes(p)).toEqual([]);
  });

  it('reports a source above the total once, not also as a mismatch', () => {
    const p = project({ budget: { total: wan('11.00'), fiscal: wan('12.00'), other: wan('1.00'), carryover: null, sources: [] } });
    expect(codes(p)).toEqual(['BUDGET_SOURCE_ABOVE_TOTAL']);
  });

  it('reports a total that is zero or a placeholder, and leaves an unreadable one to AMOUNT_UNREADABLE', () => {
    const total = (raw: string): Project => project({ budget: { total: { raw, yuan: raw === '0.00' ? 0 : null }, fiscal: null, other: null, carryover: null, sources: [] }, indicators: [] });
    expect(codes(total('0.00'))).toEqual(['BUDGET_TOTAL_MISSING']);
    expect(codes(total('—'))).toEqual(['BUDGET_TOTAL_MISSING']);
    expect(codes(total('十一万'))).toEqual([]);
  });

  it('leaves an indicator table without a project table to INDICATORS_WITHOUT_PROJECT', () => {
    const orphan = project({ code: null, name: null, budget: { total: null, fiscal: null, other: null, carryover: null, sources: [] } });
    expect(codes(orphan)).toEqual([]);
  });
});

describe('cost rule', () => {
  const withCost = (target: string, total = '11.00'): Project =>
    project({
      budget: { total: wan(total), fiscal: wan(total), other: null, carryover: null, sources: [] },
      indicators: [indicator('产出指标', '成本指标', '项目成本', target), indicator('效益指标', '社会效益指标', '受益人数', '≥100人')],
    });

  it.each<[string, string, boolean]>([
    ['11万元', '11.00', true],
    ['10万元', '11.00', false],
    ['110000元', '11.00', true],
    ['5万', '5.00', true],
    ['0.07万元', '0.07', true],
    ['≤12万元', '11.00', true],
    ['≤11万元', '11.00', true],
    ['≤10万元', '11.00', false],
    ['<11万元', '11.00', false],
    ['≥10万元', '11.00', true],
    ['≥12万元', '11.00', false],
    ['10-12万元', '11.00', true],
    ['12-13万元', '11.00', false],
    ['≥720元/生·年', '11.00', true],
    ['不超预算', '11.00', true],
  ])('成本指标 %s against 预算数 %s agrees: %s', (target, total, agrees) => {
    expect(codes(withCost(target, total))).toEqual(agrees ? [] : ['COST_BUDGET_MISMATCH']);
  });

  it('sums several bare amounts as parts of the total; leaves ceilings among them alone', () => {
    const parts = (...targets: string[]): Project =>
      project({ indicators: [...targets.map((t, i) => indicator('产出指标', '成本指标', `成本${i + 1}`, t)), indicator('效益指标', '社会效益指标', '受益人数', '≥100人')] });
    expect(codes(parts('6万元', '5万元'))).toEqual([]);
    expect(codes(parts('6万元', '4万元'))).toEqual(['COST_BUDGET_MISMATCH']);
    expect(codes(parts('≤6万元', '4万元'))).toEqual([]);
  });

  it('takes 成本指标 as a 一级 too (2021 framework)', () => {
    const p = project({ indicators: [indicator('成本指标', '经济成本指标', '项目成本', '10万元'), ...project().indicators.filter((i) => i.level2 !== '成本指标')] });
    expect(codes(p)).toEqual(['COST_BUDGET_MISMATCH']);
  });
});

describe('identity rules', () => {
  it('reports each later project that repeats a code', () => {
    const found = checkDocument(document([project(), project({ name: 'B' }), project({ name: 'C' })]));
    expect(found.map((f) => [f.code, f.project, f.message.includes('used by 3 projects')])).toEqual([
      ['PROJECT_CODE_DUPLICATE', '13020225P00904910001F', true],
      ['PROJECT_CODE_DUPLICATE', '13020225P00904910001F', true],
    ]);
  });

  it('on a tie of region prefixes, takes the first one as the department’s; skips codes without a region', () => {
    expect(codes(project({ code: '13020225P1' }), project({ code: '11010125P2' }))).toEqual(['PROJECT_CODE_REGION_MISMATCH']);
    expect(codes(project({ code: '13020225P1' }), project({ code: 'XM-2025-02' }))).toEqual([]);
  });

  it('compares prefixes within a department only', () => {
    const other = { code: '731002', name: '唐山市路南区教育局本级' };
    expect(codes(project({ code: '13020225P1' }), project({ code: '11010125P2', department: other }))).toEqual([]);
  });
});

describe('indicator rules', () => {
  const withTarget = (level3: string, target: string | null, level1 = '产出指标', level2 = '质量指标'): Project =>
    project({ indicators: [...project().indicators, indicator(level1, level2, level3, target)] });

  it.each<[string, string | null, string[]]>([
    ['完好率', '100%', []],
    ['完好率', '≥100%', []],
    ['完好率', '≥120%', ['TARGET_PERCENT_ABOVE_100']],
    ['完好率', '>100%', ['TARGET_PERCENT_ABOVE_100']],
    ['完好率', '90%-110%', ['TARGET_PERCENT_ABOVE_100']],
    ['完好率', '≥101百分比', ['TARGET_PERCENT_ABOVE_100']],
    ['场次', '≥20', ['TARGET_UNIT_MISSING']],
    ['提升值%', '≥10', []],
    ['培训人数（人次）', '≥500', []],
    ['安全事故', '0', []],
    ['场次', '', ['INDICATOR_EMPTY']],
    ['场次', null, ['INDICATOR_EMPTY']],
  ])('%s %j → %j', (level3, target, expected) => {
    expect(codes(withTarget(level3, target))).toEqual(expected);
  });

  it('reports an empty 三级指标, and a row with neither name nor target once', () => {
    const p = project({ indicators: [...project().indicators, indicator('产出指标', '质量指标', null, '≥20次'), indicator('产出指标', '质量指标', null, null)] });
    const found = checkDocument(document([p]));
    expect(found.map((f) => f.message.replace(/^project [^:]+: /, ''))).toEqual([
      'an indicator under 产出指标/质量指标 has an empty 三级指标 (指标值 "≥20次")',
      'an indicator under 产出指标/质量指标 has neither 三级指标 nor 指标值',
    ]);
  });

  it.each<[string, string, string, string[]]>([
    ['满意度指标', '服务对象满意度指标', '≥90%', []],
    ['满意度指标', '服务对象满意度指标', '≥90分', ['SATISFACTION_NOT_PERCENT']],
    ['满意度指标', '服务对象满意度指标', '满意', ['SATISFACTION_NOT_PERCENT']],
    ['效益指标', '社会公众或服务对象满意度指标', '较满意', ['SATISFACTION_NOT_PERCENT']],
    ['效益指标', '社会效益指标', '≥85%', []],
  ])('satisfaction under %s/%s: %s → %j', (level1, level2, target, expected) => {
    expect(codes(project({ indicators: [...project().indicators.slice(0, 3), indicator(level1, level2, '群众满意度', target)] }))).toEqual(expected);
  });

  it('asks for both 产出 and 效益 indicators, but not of a project with none at all', () => {
    const only = (level1: string): Project => project({ indicators: project().indicators.filter((i) => i.level1 === level1) });
    expect(checkDocument(document([only('产出指标')])).map((f) => f.message)).toEqual([
      'project 「科普活动经费」(13020225P00904910001F) has no 效益指标 (benefit) indicators',
    ]);
    expect(checkDocument(document([only('效益指标')])).map((f) => f.message)).toEqual([
      'project 「科普活动经费」(13020225P00904910001F) has no 产出指标 (output) indicators',
    ]);
    expect(codes(project({ indicators: [] }))).toEqual([]);
  });
});
