/**
 * The table-kind stage: every table of a document is one of a closed list of kinds, named
 * by its title (the caption printed above it, or its own first row) and, when no title
 * says, by its header labels. Target tables (绩效目标表, 绩效自评表) go to the project
 * assembler; the standard tables of a 部门预算/决算公开 go to the line-item reader.
 *
 * Province variants of the titles (FIELD-GUIDE; ../shared/corpora/*): 收支总表 / 收支总体情况表 /
 * 收支预算总表 (Shandong, Chongqing 表一), 预算01表收支总表 (Beijing), 公开表1 (Shanghai).
 */
import { BudgetTableKind } from '../schema/document.js';

/** The kinds, as the schema lists them. */
export const STANDARD_TABLE_KINDS = BudgetTableKind.options;

export type StandardTableKind = BudgetTableKind;
export type TableKind = StandardTableKind | 'target';

/** Budget (预算) or final accounts (决算). */
export type TableStage = 'budget' | 'final';

/** Titles, most specific first: 财政拨款收支总表 before 收支总表, 基本支出 before 一般公共预算支出. */
const TITLE_RULES: readonly [RegExp, TableKind][] = [
  [/绩效|自评|评价|得分/u, 'target'],
  [/财政拨款收(?:入)?支(?:出)?(?:预算|决算)?总(?:体情况)?表|财政拨款收支(?:情况|预算)表/u, 'fiscal-summary'],
  [/收(?:入)?支(?:出)?(?:预算|决算)?总(?:体情况)?表|收支总体情况/u, 'income-expense-summary'],
  [/三公/u, 'three-public'],
  [/政府性基金/u, 'gov-fund-expense'],
  [/国有资本经营/u, 'state-capital-expense'],
  [/政府采购/u, 'procurement'],
  [/机关运行经费/u, 'economic-expense'],
  // A 基本支出 table whose rows are by 功能分类 (Xi'an 表7 …（按支出功能分类科目）).
  [/基本支出.*功能/u, 'general-public-expense'],
  [/(?:一般公共预算|财政拨款)(?:财政拨款)?基本支出/u, 'general-public-basic'],
  [/经济分类|基本支出/u, 'economic-expense'],
  [/一般公共预算.{0,6}支出|一般公共预算当年拨款|财政拨款支出.{0,6}功能/u, 'general-public-expense'],
  [/收入(?:预算|决算)?总(?:体情况)?表|收入(?:预算|决算)?表$/u, 'income-summary'],
  [/政府购买服务/u, 'services-purchase'],
  [/结转(?:结余)?资金(?:支出)?(?:预算|决算)?(?:情况)?表/u, 'carryover-expense'],
  [/项目支出(?:及其他支出)?(?:预算|决算)?(?:总|情况)?表|专项业务经费支出表/u, 'project-expense'],
  [/支出(?:预算|决算)?总(?:体情况)?表|^(?:部门)?支出(?:预算|决算)?表$/u, 'expense-summary'],
];

/** A caption naming a table: a number (`预算01表`, `表一`, `公开表3`, `附表1`) and/or a title ending in 表. */
const TABLE_NUMBER = /^(?:(?:部门)?(?:预算|决算|公开)?\s*\d{1,2}\s*表|(?:附|公开)?表\s*(?:\d{1,2}(?:-\d{1,2})?|[一二三四五六七八九十]{1,3}))/u;

export interface TableTitle {
  /** The title as printed, without its number. */
  title: string;
  /** The number as printed (`预算01表`, `表三`), or null. */
  number: string | null;
}

/** The number and title of a caption line; null when it names no table. */
export function parseTableTitle(text: string): TableTitle | null {
  const t = text.replace(/\s+/gu, '');
  if (t.length > 60) return null;
  const number = TABLE_NUMBER.exec(t);
  let rest = (number ? t.slice(number[0].length) : t).replace(/^[:：、.．]/u, '');
  if (number && rest === '') return { title: '', number: number[0] };
  if (!/表(?:[（(].{1,20}[)）])?$/u.test(rest)) return null;
  // The number printed after the title: `收支总表（预算表1）` (Changchun).
  const after = /[（(]((?:预算|决算|公开)?表\s*\d{1,2})[)）]$/u.exec(rest);
  if (!number && after) {
    rest = rest.slice(0, after.index);
    return { title: rest, number: after[1] ?? null };
  }
  return { title: rest, number: number ? number[0] : null };
}

/**
 * The kind a title names; `other` for a numbered table (`预算11表 政府购买服务明细表`) of none
 * of the kinds; null when an unnumbered title names none.
 */
export function kindOfTitle(title: string, number: string | null = null): TableKind | null {
  const t = title.replace(/\s+/gu, '').replace(/[“”"']/gu, '');
  for (const [pattern, kind] of TITLE_RULES) if (pattern.test(t)) return kind;
  return number !== null && t !== '' ? 'other' : null;
}

export function stageOfTitle(title: string): TableStage {
  return /决算/u.test(title) ? 'final' : 'budget';
}
