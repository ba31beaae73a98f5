/**
 * The real 2026 disclosures of ../shared/corpora/real-2026, against what a person read on
 * their rendered pages (test/real/expected/*.json, see test/real/EXPECTED.md): for every file,
 * the number of records and indicators of each kind, and for the records written out there,
 * every field and every indicator. The expected values come from the documents, never from
 * yusuan's output.
 *
 * Files where yusuan does not yet read everything are listed in GAPS with the reason. For
 * them the suite asserts what must hold even so — the document is not `ok`, it says what
 * it lost — and keeps the exact expectation as a known failure (`it.fails`), which starts
 * failing, and so must be moved out of GAPS, the day the gap is closed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertBytes, type Conversion } from '../../src/convert.js';
import type { Document, Indicator, Project, Target } from '../../src/schema/document.js';
import { fixturePath } from '../helpers.js';

const CORPUS = fixturePath('../shared/corpora/real-2026');
const EXPECTED = fixturePath('test/real/expected');

interface ExpectedAmount {
  raw: string;
  yuan: number | null;
}

interface ExpectedTarget {
  kind: 'quantitative' | 'qualitative' | 'range' | null;
  operator: Target['operator'];
  value: number | null;
  unit: string | null;
}

interface ExpectedIndicator {
  level1: string | null;
  level2: string | null;
  level3: string | null;
  target: ExpectedTarget | null;
  weight?: number | null;
  /** Self-evaluations: 实际完成值 and 得分 as printed. */
  actual?: string | null;
  score?: string | null;
}

interface ExpectedRecord {
  kind: string;
  page: number;
  code: string | null;
  name: string | null;
  department?: { code: string | null; name: string | null } | null;
  budget?: Record<'total' | 'fiscal' | 'other' | 'carryover', ExpectedAmount | null> | null;
  goal?: string | null;
  execution?: { initialBudget: ExpectedAmount | null; adjustedBudget: ExpectedAmount | null; executed: ExpectedAmount | null; rate: string | null; score: string | null };
  indicators: ExpectedIndicator[];
}

interface Expected {
  file: string;
  fiscalYear: number;
  counts: Record<string, { records: number; indicators: number }>;
  records: ExpectedRecord[];
}

/**
 * What yusuan does not read yet, by file, with the reason. Each entry is a known failure of
 * the exact expectations for that file; the honesty checks still hold for it.
 */
const GAPS: Record<string, string> = {
  // None at present: every file reads with the printed counts.
};

/**
 * Files whose title states no year (部门整体预算绩效目标申报表, 项目支出绩效目标表（含转移支付项目）):
 * 2026 stands only in goal texts and the file name, so fiscalYear is null (and --year sets it).
 */
const YEAR_GAPS = new Set(['guangdong-guangzhou-zwfwj-2026-dept-overall-perf-target.pdf', 'guangdong-guangzhou-zwfwj-2026-project-perf-targets.pdf']);


/**
 * Records written out in the expectations that yusuan does not read exactly yet (file, then
 * name or page): known failures, kept so that they flip when fixed. The reasons are in the
 * issue notes: two-level amount grids, 实施期 | 年度 columns side by side, units and values
 * wrapped over lines, goals cut by a page break and repeated with overflowing text.
 */
const RECORD_GAPS = new Set<string>([
  "beijing-city-gajjgj-2026-budget-tables.pdf 司法救助经费",
  "beijing-city-gajjgj-2026-budget-tables.pdf 北京市公安局交通管理局",
  "beijing-city-jxj-2026-budget-tables.pdf 工业和信息化优化营商环境类项目",
  "beijing-city-jxj-2026-budget-tables.pdf 节能环保和绿色发展工作",
  "beijing-city-zwfwj-2026-budget-tables.pdf 因公出国（境）类项目",
  "fujian-quanzhou-gaj-2026-dept-budget.pdf 张坂业务技术用房家具采购",
  "fujian-quanzhou-gaj-2026-dept-budget.pdf 公务用车购置",
  "fujian-quanzhou-gaj-2026-dept-budget.pdf 基层基础建设",
  "fujian-quanzhou-gaj-2026-dept-budget.pdf 泉州市公安局",
  "guangdong-guangzhou-sthjj-2026-dept-overall-perf-target.pdf 广州市生态环境局",
  "guangdong-guangzhou-sthjj-2026-project-perf-targets.pdf 广州市镇（街）园区环保监督检查员经费（越秀区）",
  "guangdong-guangzhou-zwfwj-2026-dept-overall-perf-target.pdf 广州市政务服务和数据管理局",
  "guangdong-guangzhou-zwfwj-2026-project-perf-targets.pdf 广州市政务服务和数据管理局数字政府运营中心穗智管运营服务项目",
  "hunan-changsha-gaj-2025-dept-budget.pdf 警务辅助人员经费（含市府机关大院30名）",
  "hunan-changsha-gaj-2025-dept-budget.pdf 警务通通讯租赁费",
  "hunan-changsha-gaj-2025-dept-budget.pdf 长沙市公安局",
  "hunan-changsha-zjjd-2026-dept-budget.pdf 长沙职业教育基地综合协调办公室",
  "shaanxi-xian-kjj-2022-dept-budget.pdf 西安市引进海外高层次人才智力项目",
  "shaanxi-xian-sfj-2026-dept-budget.pdf 法律援助业务经费",
  "shaanxi-xian-wjw-2022-dept-final-accounts-selfeval.pdf 西安市卫生健康委员会",
]);

const files = existsSync(EXPECTED) ? readdirSync(EXPECTED).filter((f) => f.endsWith('.json')).sort() : [];

const conversions = new Map<string, Promise<Conversion>>();
function convert(file: string): Promise<Conversion> {
  let pending = conversions.get(file);
  if (!pending) {
    pending = convertBytes(readFileSync(`${CORPUS}/${file}`), file);
    conversions.set(file, pending);
  }
  return pending;
}

async function documentOf(file: string): Promise<Document> {
  const conversion = await convert(file);
  if (!conversion.document) throw new Error(`${file}: ${conversion.status} ${conversion.message}`);
  return conversion.document;
}

const squeeze = (text: string | null | undefined): string | null => (text === null || text === undefined ? null : text.replace(/\s+/gu, ''));

function counts(doc: Document): Record<string, { records: number; indicators: number }> {
  const out: Record<string, { records: number; indicators: number }> = {};
  for (const p of doc.projects) {
    const entry = (out[p.kind] ??= { records: 0, indicators: 0 });
    entry.records++;
    entry.indicators += p.indicators.length;
  }
  return out;
}

function indicatorView(i: Indicator, expected: ExpectedIndicator | undefined): ExpectedIndicator {
  const view: ExpectedIndicator = {
    level1: squeeze(i.level1),
    level2: squeeze(i.level2),
    level3: squeeze(i.level3),
    target: i.target ? { kind: i.target.kind, operator: i.target.operator, value: i.target.value, unit: unitOf(i.target.unit) } : null,
  };
  if (expected?.actual !== undefined) view.actual = squeeze(i.actual?.raw ?? null);
  if (expected?.score !== undefined) view.score = i.score === null ? null : String(i.score);
  return view;
}

/** Units are compared width-folded (`台（套）` is `台(套)`), as yusuan writes them. */
const unitOf = (unit: string | null): string | null => (unit === null ? null : unit.normalize('NFKC'));

/** A weight printed in the 一级 cell (`产出指标（50分）`) is read into level1Weight: the level is the text before it. */
const level1Of = (text: string | null): string | null => squeeze(text)?.replace(/[（(]\d+(?:\.\d+)?分?[)）]$/u, '') ?? null;

function expectedIndicatorView(i: ExpectedIndicator): ExpectedIndicator {
  const t = i.target;
  return {
    level1: level1Of(i.level1),
    level2: squeeze(i.level2),
    level3: squeeze(i.level3),
    target: t ? { kind: t.kind, operator: t.kind === 'qualitative' ? null : t.operator, value: t.kind === 'qualitative' ? null : t.value, unit: t.kind === 'qualitative' ? null : unitOf(t.unit) } : null,
    ...(i.actual !== undefined ? { actual: squeeze(i.actual) } : {}),
    // A score is compared as a number (`10.0` and `10` are one score); `--` and blank are none.
    ...(i.score !== undefined ? { score: i.score === null || /^[-—－/]*$/u.test(i.score.trim()) ? null : String(Number(i.score)) } : {}),
  };
}

function findRecord(doc: Document, record: ExpectedRecord): Project | undefined {
  // Department-wide records have no name of their own (the department is in \`department\`): found by page.
  if (record.kind === 'department') return doc.projects.find((p) => p.kind === 'department' && p.provenance.page === record.page);
  const name = squeeze(record.name);
  const named = doc.projects.filter((p) => p.kind === record.kind && (name === null ? p.provenance.page === record.page : squeeze(p.name) === name));
  // Two projects may share a name (烟台 民政局 prints 实施公车统管费用 twice; every 杭州 prison has a
  // 罪犯生活保障): the one on the page, of the department named.
  const onPage = named.filter((p) => p.provenance.page === record.page);
  const dept = squeeze(record.department?.name ?? null);
  return onPage.find((p) => dept !== null && squeeze(p.department?.name ?? p.implementer ?? null) === dept) ?? onPage[0] ?? named[0];
}

function checkRecord(doc: Document, record: ExpectedRecord): void {
  const p = findRecord(doc, record);
  expect(p, `${record.kind} 「${record.name ?? ''}」 on page ${record.page}`).toBeDefined();
  const project = p as Project;
  expect(project.code).toBe(record.code);
  expect(project.provenance.page).toBe(record.page);
  for (const field of ['total', 'fiscal', 'other', 'carryover'] as const) {
    const amount = record.budget?.[field];
    if (amount === undefined) continue;
    expect(project.budget[field] === null ? null : { raw: project.budget[field]?.raw, yuan: project.budget[field]?.yuan }, field).toEqual(amount === null ? null : { raw: amount.raw, yuan: amount.yuan });
  }
  if (record.goal !== undefined) expect(squeeze(project.goal)).toBe(squeeze(record.goal));
  if (record.execution) {
    const e = record.execution;
    const amount = (a: { raw: string; yuan: number | null } | null) => (a === null ? null : { raw: a.raw, yuan: a.yuan });
    expect({
      initialBudget: amount(project.evaluation?.initialBudget ?? null),
      adjustedBudget: amount(project.evaluation?.adjustedBudget ?? null),
      executed: amount(project.evaluation?.executed ?? null),
      rate: project.evaluation?.rateRaw ?? null,
    }).toEqual({ initialBudget: e.initialBudget, adjustedBudget: e.adjustedBudget, executed: e.executed, rate: e.rate });
  }
  expect(project.indicators.map((i, n) => indicatorView(i, record.indicators[n]))).toEqual(record.indicators.map(expectedIndicatorView));
}

describe.skipIf(files.length === 0)('real-2026 corpus (../shared/corpora/real-2026)', () => {
  it('has an expectation for every file (each prints target tables, if only a goal-only list)', () => {
    const pdfs = readdirSync(CORPUS).filter((f) => f.endsWith('.pdf'));
    const covered = files.map((f) => f.replace(/\.json$/u, '.pdf'));
    expect(pdfs.filter((f) => !covered.includes(f)).sort()).toEqual([]);
  });

  for (const json of files) {
    const expected = JSON.parse(readFileSync(`${EXPECTED}/${json}`, 'utf8')) as Expected;
    const file = expected.file;
    const gap = GAPS[file];
    describe(file, () => {
      it('is ok only when nothing was lost, and partial with a reason otherwise', async () => {
        const conversion = await convert(file);
        expect(['ok', 'partial']).toContain(conversion.status);
        if (conversion.status === 'partial') expect(conversion.message).toMatch(/\S/u);
        if (gap) expect(conversion.status).toBe('partial');
      });

      it('keeps its diagnostics on a screen: at most 10 of a code, the rest folded', async () => {
        const doc = await documentOf(file);
        const byCode = new Map<string, number>();
        for (const d of doc.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
        for (const [code, n] of byCode) if (code !== 'DIAGNOSTICS_FOLDED') expect(n, code).toBeLessThanOrEqual(10);
      });

      const exact = gap ? it.fails : it;
      exact(`has the printed number of records and indicators per kind${gap ? ` (known gap: ${gap})` : ''}`, async () => {
        const doc = await documentOf(file);
        expect(counts(doc)).toEqual(expected.counts);
      });

      (YEAR_GAPS.has(file) ? it.fails : it)('reads the fiscal year the document states', async () => {
        expect((await documentOf(file)).fiscalYear).toBe(expected.fiscalYear);
      });

      for (const record of expected.records) {
        const recordGap = RECORD_GAPS.has(`${file} ${record.name ?? record.page}`);
        (recordGap ? it.fails : it)(`reads ${record.kind} 「${record.name ?? '(department)'}」 (page ${record.page}) field by field`, async () => {
          checkRecord(await documentOf(file), record);
        });
      }
    });
  }
});
