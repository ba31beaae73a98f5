/**
 * Figures the prose quotes against the tables they stand for, in exact yuan:
 * - 收入预算 (总计) against the 收支总表's 收入总计 or 本年收入合计, or the 收入总表's 合计;
 * - 支出预算 (总计) likewise on the expense side, or the 支出总表's 合计;
 * - 一般公共预算 (当年) 拨款 against the 一般公共预算支出表's 合计, or the 财政拨款收支总表's
 *   一般公共预算 line (本年, or 本年 + 上年结转) or column;
 * - "三公"经费预算 against the "三公" table's 合计 (any of its columns: a 决算 prints 预算数 too).
 * Prose may quote either of the two totals a table prints, so a figure agrees with any of
 * them; a figure no table of its kind is there to print is not compared.
 */
import { diagnostic } from '../diagnostics.js';
import type { BudgetTable, Diagnostic, Document, QuotedFigure } from '../schema/document.js';
import { withoutNumbering } from '../recognize/line-names.js';
import { fundLines } from './cross-tables.js';
import { exactSum } from './exact-decimal.js';
import { agreeWithinRounding } from './reconcile.js';
import type { Rule } from './rule.js';

interface Printed {
  label: string;
  raw: string;
  yuan: number;
  unit: string | null;
}

const compact = (name: string | null): string => withoutNumbering((name ?? '').replace(/\s+/gu, ''));

/** Every value printed on the lines of a table's part that match. */
function printed(table: BudgetTable | undefined, side: 'income' | 'expense' | null, names: RegExp, measure: (id: string) => boolean = () => true): Printed[] {
  if (!table) return [];
  const out: Printed[] = [];
  for (const part of table.parts) {
    if (side !== null && part.side !== side) continue;
    for (const line of part.lines) {
      if (!names.test(compact(line.name))) continue;
      for (const v of line.values) {
        if (v.yuan !== null && measure(v.measure)) out.push({ label: `${table.number ?? table.title ?? ''} 「${line.name ?? ''}」`, raw: v.raw, yuan: v.yuan, unit: table.amountUnit });
      }
    }
  }
  return out;
}

/** The 一般公共预算 income line of a 财政拨款收支总表 (本年), and with the carry-over after it. */
function fiscalGeneralPublic(table: BudgetTable | undefined): Printed[] {
  const out: Printed[] = fundLines(table, /^一般公共预算/u).map((f) => ({ label: `${f.table.number ?? f.table.title ?? ''} 「${f.line.name ?? ''}」`, raw: f.raw, yuan: f.yuan, unit: f.table.amountUnit }));
  const [current, carried] = out;
  if (current && carried) out.push({ label: `${current.label} + ${carried.label}`, raw: '', yuan: exactSum(current.yuan, carried.yuan), unit: current.unit });
  return out;
}

function candidates(document: Document, figure: QuotedFigure): Printed[] {
  const kind = (k: BudgetTable['kind']): BudgetTable | undefined => document.tables.find((t) => t.kind === k);
  const total = /^(?:合计|总计)$/u;
  switch (figure.subject) {
    case 'income-total':
      return [...printed(kind('income-expense-summary'), 'income', /^(?:收入总计|收入合计|总计|(?:本年|当年)收入(?:合计|小计))$/u), ...printed(kind('income-summary'), null, total)];
    case 'expense-total':
      return [...printed(kind('income-expense-summary'), 'expense', /^(?:支出总计|支出合计|总计|(?:本年|当年)支出(?:合计|小计))$/u), ...printed(kind('expense-summary'), null, total)];
    case 'general-public':
      return [
        ...printed(kind('general-public-expense'), null, total, (id) => id === 'total' || id.endsWith('.total')),
        ...fiscalGeneralPublic(kind('fiscal-summary')),
        ...printed(kind('fiscal-summary'), 'expense', /^(?:(?:本年|当年)?支出(?:合计|总计))$/u, (id) => id === 'general_public' || id.endsWith('.general_public')),
      ];
    case 'three-public': {
      const table = kind('three-public');
      const totals = printed(table, null, /^合计$/u);
      return totals.length > 0 ? totals : table && table.parts[0]?.lines.length === 1 ? printed(table, null, /.*/u) : [];
    }
  }
}

function agrees(figure: QuotedFigure, p: Printed): boolean {
  if (figure.yuan === null) return false;
  if (p.yuan === figure.yuan) return true;
  // The quoted figure carries its unit (99,230.46万元); a sum made here (本年 + 上年结转) has no printed precision.
  const unit = /万元$/u.test(figure.raw) ? '万元' : /亿元$/u.test(figure.raw) ? '亿元' : '元';
  return p.raw !== '' && agreeWithinRounding(p, { raw: figure.raw.replace(/[万亿]?元$/u, ''), yuan: figure.yuan, unit });
}

export function proseReconciliation(document: Document): { checks: number; findings: Diagnostic[] } {
  let checks = 0;
  const findings: Diagnostic[] = [];
  for (const figure of document.quotedFigures ?? []) {
    if (figure.yuan === null) continue;
    const printedBy = candidates(document, figure);
    if (printedBy.length === 0) continue;
    checks++;
    if (printedBy.some((p) => agrees(figure, p))) continue;
    const shown = printedBy.slice(0, 4).map((p) => `${p.label} ${p.raw || `${p.yuan} yuan`}`).join('; ');
    findings.push(diagnostic('TABLE_PROSE_MISMATCH', `「${figure.text}」 (${figure.yuan} yuan) is printed by no table it stands for: ${shown}`, { page: figure.page }));
  }
  return { checks, findings };
}

export const QUOTED_FIGURE_RULES: readonly Rule[] = [
  {
    code: 'TABLE_PROSE_MISMATCH',
    family: 'tables',
    checks: 'a figure the prose quotes (收入预算 / 支出预算 总计, 一般公共预算当年拨款, "三公"经费预算) differs from every total of the tables it stands for',
    run: (document) => proseReconciliation(document).findings,
  },
];
