/**
 * Small documents built in code, for rule and diff tests that need one particular shape
 * (a carry-over source, a range target, a fuzzy name) without a fixture file each.
 */
import { parseAmount } from '../../src/normalize/amount.js';
import { parseBasis } from '../../src/normalize/basis.js';
import { parseTarget } from '../../src/normalize/target.js';
import type { Amount, Document, Indicator, Project } from '../../src/schema/document.js';

/** An amount cell in 万元, read by the normalizer. */
export function wan(raw: string): Amount {
  const amount = parseAmount(raw, '万元', {}).value;
  if (amount === null) throw new Error(`wan: "${raw}" is blank`);
  return amount;
}

export function indicator(level1: string, level2: string, level3: string | null, target: string | null, basis = '既定标准'): Indicator {
  return {
    level1,
    level2,
    level3,
    description: level3,
    target: parseTarget(target, {}).value,
    basis: parseBasis(basis, {}).value,
    weight: null,
    level1Weight: null,
    midTermTarget: null,
    activity: null,
    targetText: null,
    scoringRule: null,
    notes: null,
    core: null,
    actual: null,
    score: null,
    deviation: null,
    provenance: { page: null, table: 2, row: 2 },
  };
}

/** A clean project: 11.00 万元 from the fiscal budget, a cumulative schedule, 产出 + 效益 + 满意度 indicators. */
export function project(fields: Partial<Project> = {}): Project {
  return {
    kind: 'project',
    code: '13020225P00904910001F',
    name: '科普活动经费',
    title: null,
    department: { code: '731001', name: '唐山市路南区科学技术协会本级' },
    implementer: null,
    amountUnit: '万元',
    budget: { total: wan('11.00'), fiscal: wan('11.00'), other: null, carryover: null, sources: [] },
    purpose: '用于开展全区科普活动。',
    schedule: [
      { label: '3月底', month: 3, percent: 25, percentRaw: '25%' },
      { label: '6月底', month: 6, percent: 50, percentRaw: '50%' },
      { label: '10月底', month: 10, percent: 75, percentRaw: '75%' },
      { label: '12月底', month: 12, percent: 100, percentRaw: '100%' },
    ],
    goal: '1.开展科普活动，提升居民科学素质。',
    tasks: [],
    evaluation: null,
    midTermGoal: null,
    indicators: [
      indicator('产出指标', '数量指标', '开展科普活动', '≥20次'),
      indicator('产出指标', '成本指标', '项目预算控制数', '11万元'),
      indicator('效益指标', '社会效益指标', '受益群众人数', '≥30000人'),
      indicator('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'),
    ],
    template: 'hebei',
    provenance: { page: null, tables: [1, 2] },
    ...fields,
  };
}

export function document(projects: Project[], fields: Partial<Document> = {}): Document {
  return {
    schemaVersion: 1,
    generator: { name: 'yusuan', version: '0.0.0' },
    source: { path: 'made.docx', sha256: 'made', format: 'docx', pageCount: null, bytes: 0 },
    status: 'ok',
    fiscalYear: 2025,
    fiscalYearSource: 'title',
    department: { code: '731001', name: '唐山市路南区科学技术协会本级' },
    overview: [],
    projects,
    tables: [],
    quotedFigures: [],
    diagnostics: [],
    ...fields,
  };
}
