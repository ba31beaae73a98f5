/**
 * Reconciliation across the standard tables of one document, in exact yuan: the figures
 * that two tables both print must agree.
 * - 收支总表 本年支出合计 = 支出总表 合计;
 * - 收支总表 本年收入合计 = 收入总表's 本年收入 小计, where both print them.
 * A table that is not there, or a figure not printed, is not compared.
 */
import { diagnostic } from '../diagnostics.js';
import type { BudgetLine, BudgetTable, Diagnostic, Document } from '../schema/document.js';
import type { Rule } from './rule.js';

interface Figure {
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
  if (a.yuan === b.yuan) return [];
  return [diagnostic('TABLE_CROSS_MISMATCH', `${what}: ${label(a)} (${a.yuan} yuan) differs from ${label(b)} (${b.yuan} yuan)`, { page: b.line.page, table: b.line.table, row: b.line.row })];
}

const TOTAL_LINE = /^(?:合\s*计|总\s*计)$/u;

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
  ].filter((c): c is Diagnostic[] => c !== null);
  return { checks: compared.length, findings: compared.flat() };
}

export const CROSS_TABLE_RULES: readonly Rule[] = [
  { code: 'TABLE_CROSS_MISMATCH', family: 'tables', checks: 'two standard tables print the same figure differently (收支总表 本年支出合计 vs 支出总表 合计; 本年收入合计 vs 收入总表 本年收入 小计)', run: (document) => crossTableReconciliation(document).findings },
];
