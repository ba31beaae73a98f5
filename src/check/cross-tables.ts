/**
 * Reconciliation across the standard tables of one document, in exact yuan: the figures
 * that two tables both print must agree.
 * - 收支总表 本年支出合计 = 支出总表 合计;
 * - 收支总表 本年收入合计 = 收入总表's 本年收入 小计, where both print them;
 * - 财政拨款收支总表 against the fund tables: the 一般公共预算 (政府性基金, 国有资本经营) column
 *   of its expense total = the 合计 of 一般公共预算支出表 (政府性基金 / 国有资本经营预算支出表);
 *   where it prints only an income side by fund, that table's 合计 = the fund's 本年 line, or
 *   本年 + 上年结转 (producers differ on whether the expense table includes the carry-over);
 * - 一般公共预算支出表 合计 基本支出 = 一般公共预算基本支出表 合计.
 * A table that is not there, or a figure not printed, is not compared.
 */
import { diagnostic } from '../diagnostics.js';
import { exactSum } from './exact-decimal.js';
import { agreeWithinRounding } from './reconcile.js';
import { withoutNumbering } from '../recognize/line-names.js';
import type { BudgetLine, BudgetTable, Diagnostic, Document } from '../schema/document.js';
import type { Rule } from './rule.js';

export interface Figure {
  table: BudgetTable;
  line: BudgetLine;
  raw: string;
  yuan: number;
}

function figure(table: BudgetTable | undefined, side: 'income' | 'expense' | null, names: RegExp, measure: (id: string) => boolean): Figure | null {
  if (!table) return null;
  for (const part of table.parts) {
    if (part.side !== side) continue;
    for (const line of part.lines) {
      if (!names.test((line.name ?? '').replace(/\s+/gu, ''))) continue;
      const value = line.values.find((v) => measure(v.measure));
      if (value && value.yuan !== null) return { table, line, raw: value.raw, yuan: value.yuan };
    }
  }
  return null;
}

function label(f: Figure): string {
  return `${[f.table.number, f.table.title].filter((x) => x !== null).join(' ')} 「${f.line.name ?? `row ${f.line.row}`}」 ${f.raw}`;
}

/** null: a figure is missing, nothing compared; [] the figures agree; else the finding. */
function compare(a: Figure | null, b: Figure | null, what: string): Diagnostic[] | null {
  if (!a || !b) return null;
  if (agreeWithinRounding({ ...a, unit: a.table.amountUnit }, { ...b, unit: b.table.amountUnit })) return [];
  return [diagnostic('TABLE_CROSS_MISMATCH', `${what}: ${label(a)} (${a.yuan} yuan) differs from ${label(b)} (${b.yuan} yuan)`, { page: b.line.page, table: b.line.table, row: b.line.row })];
}

const TOTAL_LINE = /^(?:合\s*计|总\s*计)$/u;

/**
 * A measure by the last part of its id: Shanghai heads every column with its fund
 * (财政拨款 › 合计 → fiscal.total, 一般公共预算 › 基本支出 → general_public.basic).
 */
function measureIs(...leaves: string[]): (id: string) => boolean {
  return (id) => leaves.some((leaf) => id === leaf || id.endsWith(`.${leaf}`));
}
const isTotalMeasure = measureIs('total');
const isBasicMeasure = (id: string): boolean => measureIs('basic')(id) || id === 'basic.total';
const EXPENSE_TOTAL_LINE = /^(?:本年|当年)?支出(?:合计|总计)$/u;

/** The fund tables beside the 财政拨款收支总表: the measure of its expense side, the income lines' name, the table. */
const FUNDS = [
  { measure: 'general_public', income: /^一般公共预算/u, kind: 'general-public-expense', name: '一般公共预算' },
  { measure: 'fund', income: /^政府性基金/u, kind: 'gov-fund-expense', name: '政府性基金' },
  { measure: 'state_capital', income: /^国有资本经营/u, kind: 'state-capital-expense', name: '国有资本经营' },
] as const;


/** The income lines of a fund, in printed order (本年 first, then 上年结转), blank ones as 0. */
export function fundLines(table: BudgetTable | undefined, names: RegExp): Figure[] {
  if (!table) return [];
  const out: Figure[] = [];
  for (const part of table.parts) {
    if (part.side !== 'income') continue;
    for (const line of part.lines) {
      if (line.isTotal || !names.test(withoutNumbering((line.name ?? '').replace(/\s+/gu, '')))) continue;
      const value = line.values.find((v) => isTotalMeasure(v.measure)) ?? line.values[0];
      out.push({ table, line, raw: value?.raw ?? '', yuan: value?.yuan ?? 0 });
    }
  }
  return out;
}

/** A fund table's 合计 against the 本年 income line of that fund in the 财政拨款收支总表, or 本年 + 上年结转. */
function compareFundIncome(lines: readonly Figure[], total: Figure | null, what: string): Diagnostic[] | null {
  const current = lines[0];
  if (!total || !current) return null;
  const carried = lines[1];
  if (total.yuan === current.yuan || (carried && total.yuan === exactSum(current.yuan, carried.yuan))) return [];
  const readings = [`${label(current)} (${current.yuan} yuan)`, ...(carried ? [`with 上年结转 ${carried.raw} ${exactSum(current.yuan, carried.yuan)} yuan`] : [])];
  return [diagnostic('TABLE_CROSS_MISMATCH', `${what}: ${label(total)} (${total.yuan} yuan) is neither ${readings.join(' nor, ')}`, { page: total.line.page, table: total.line.table, row: total.line.row })];
}

export function crossTableReconciliation(document: Document): { checks: number; findings: Diagnostic[] } {
  const only = (kind: BudgetTable['kind']): BudgetTable | undefined => {
    const found = document.tables.filter((t) => t.kind === kind && t.stage === 'budget');
    return found.length === 1 ? found[0] : undefined;
  };
  const summary = only('income-expense-summary');
  const expense = only('expense-summary');
  const income = only('income-summary');
  const isTotal = (id: string): boolean => id === 'total';
  const compared = [
    compare(figure(summary, 'expense', /^(?:本年|当年)支出(?:合计|小计)$/u, () => true), figure(expense, null, TOTAL_LINE, isTotal), '收支总表 本年支出合计 vs 支出总表 合计'),
    compare(figure(summary, 'income', /^(?:本年|当年)收入(?:合计|小计)$/u, () => true), figure(income, null, TOTAL_LINE, (id) => id === 'current_income.total'), '收支总表 本年收入合计 vs 收入总表 本年收入小计'),
    ...fundComparisons(only),
    compare(figure(only('general-public-expense'), null, TOTAL_LINE, isBasicMeasure), figure(only('general-public-basic'), null, TOTAL_LINE, (id) => isTotalMeasure(id) || isBasicMeasure(id)), '一般公共预算支出表 合计 基本支出 vs 一般公共预算基本支出表 合计'),
  ].filter((c): c is Diagnostic[] => c !== null);
  return { checks: compared.length, findings: compared.flat() };
}

function fundComparisons(only: (kind: BudgetTable['kind']) => BudgetTable | undefined): (Diagnostic[] | null)[] {
  const fiscal = only('fiscal-summary');
  return FUNDS.map((fund) => {
    const total = figure(only(fund.kind), null, TOTAL_LINE, isTotalMeasure);
    const what = `财政拨款收支总表 ${fund.name} vs ${fund.name}支出表 合计`;
    const column = figure(fiscal, 'expense', EXPENSE_TOTAL_LINE, measureIs(fund.measure));
    if (column) return compare(column, total, what);
    return compareFundIncome(fundLines(fiscal, fund.income), total, what);
  });
}

export const CROSS_TABLE_RULES: readonly Rule[] = [
  { code: 'TABLE_CROSS_MISMATCH', family: 'tables', checks: 'two standard tables print the same figure differently (收支总表 本年支出合计 vs 支出总表 合计; 本年收入合计 vs 收入总表 本年收入 小计; 财政拨款收支总表 by fund vs 一般公共预算 / 政府性基金 / 国有资本经营预算支出表 合计; 一般公共预算支出表 基本支出 vs 基本支出表 合计)', run: (document) => crossTableReconciliation(document).findings },
];
