/**
 * Standard tables as line items: measure ids from the printed header paths, each row's code
 * scheme and level, totals named, and every amount in exact yuan (a decimal shift, never a
 * float product). A placeholder (`-`, `—`) is no value, its text kept; an unreadable cell is
 * kept as printed with a null value and a diagnostic at its place.
 */
import { isTotalName, numberingRank } from '../recognize/line-names.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RawBudgetTable, RawClassification, RawLine, RawMeasure } from '../recognize/line-items.js';
import type { BudgetLine, BudgetMeasure, BudgetTable, ClassificationScheme, LineClassification, LineValue } from '../schema/document.js';
import { isAmountPlaceholder, parseAmount, parseUnit, type AmountUnit } from './amount.js';

/** Header words and the measure id they stand for, most specific first. */
const MEASURE_WORDS: readonly [RegExp, string][] = [
  // The side of a two-sided table is the part's side, not a measure.
  [/^(?:收\s*入|支\s*出)$/u, ''],
  [/^(?:合\s*计|总\s*计|小\s*计|预算数|金额|本年预算数?|\d{4}年预算数?|预算总额|.*预算总额)$/u, 'total'],
  [/基本支出/u, 'basic'],
  [/项目支出/u, 'project'],
  [/人员经费/u, 'personnel'],
  [/公用经费/u, 'public_expense'],
  [/一般公共预算/u, 'general_public'],
  [/政府性基金/u, 'fund'],
  [/国有资本经营/u, 'state_capital'],
  [/财政专户/u, 'special_account'],
  [/上年结转|结转结余/u, 'carryover'],
  [/事业单位经营/u, 'operating'],
  [/事业收入/u, 'business_income'],
  [/上级补助/u, 'higher_subsidy'],
  [/附属单位上缴/u, 'affiliate_remittance'],
  [/上缴上级/u, 'remittance'],
  [/对附属单位补助/u, 'affiliate_subsidy'],
  [/其他收入|其他资金/u, 'other'],
  [/单位资金/u, 'unit_funds'],
  [/财政拨款/u, 'fiscal'],
  [/本年收入/u, 'current_income'],
  [/本年支出/u, 'current_expense'],
  [/因公出国/u, 'overseas'],
  [/公务接待/u, 'reception'],
  [/公务用车购置及运行/u, 'vehicles'],
  [/公务用车购置/u, 'vehicle_purchase'],
  [/公务用车运行/u, 'vehicle_operation'],
  [/^其中/u, 'of_which'],
  [/扣除基建/u, 'excluding_capital'],
  [/上年/u, 'prior_year'],
];

export function normalizeBudgetTable(raw: RawBudgetTable, defaultUnit: AmountUnit | null, messages: Diagnostic[]): BudgetTable {
  const unit = (raw.unitText ? parseUnit(raw.unitText) : null) ?? defaultUnit;
  const parts = raw.parts.map((part) => {
    const measures = measuresOf(part.measures);
    const lines = part.lines.map((line, i) => lineOf(line, i + 1, measures, unit, raw, messages));
    return { side: part.side, measures, lines };
  });
  return {
    kind: raw.kind,
    stage: raw.stage,
    number: raw.number,
    title: raw.title,
    amountUnit: unit,
    pages: raw.pages,
    tables: raw.tables,
    parts,
    reconciled: null,
  };
}

function measureWord(label: string): string {
  for (const [pattern, id] of MEASURE_WORDS) if (pattern.test(label)) return id;
  return 'column';
}

/** Ids from the header paths, made unique within the part (`column_2` for a second unknown one). */
function measuresOf(raw: readonly RawMeasure[]): BudgetMeasure[] {
  const seen = new Map<string, number>();
  return raw.map((m) => {
    // A path's first label that only names the table's amounts (预算数 › 合计) adds nothing to the id.
    const words = m.path.map(measureWord).filter((w) => w !== '');
    const trimmed = words.length > 1 && words[0] === 'total' ? words.slice(1) : words;
    let id = trimmed.join('.') || 'column';
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > 1) id = `${id}_${n}`;
    return { id, label: m.path.join('›'), path: m.path, money: !NOT_MONEY.test(m.path[m.path.length - 1] ?? '') };
  });
}

/** A column of counts or shares, not of money (政府采购 数量, 编制人数, 增减(%), 比例). */
const NOT_MONEY = /数量|人数|个数|台数|套数|[%％]|比例|比率|增长率|增幅/u;

function schemeOf(code: string | null, label: string | null): ClassificationScheme {
  // Classification codes run 3, 5 or 7 digits (类, 款, 项); a unit's 204001 is none of them.
  if (code === null || !/^(?:\d{3}|\d{5}|\d{7})$/u.test(code)) return 'none';
  if (label && /功能/u.test(label)) return 'function';
  if (label && /经济/u.test(label)) return 'economic';
  // 功能分类 类 codes run 201–234 (and 227 预备费 …); 经济分类 ones 301–399 (部门) and 501–599 (政府).
  if (/^2\d{2}/u.test(code)) return 'function';
  if (/^[35]\d{2}/u.test(code)) return 'economic';
  return 'none';
}

function levelOf(code: string | null, name: string | null): number | null {
  if (code !== null && /^\d+$/u.test(code)) {
    if (code.length === 3) return 1;
    if (code.length === 5) return 2;
    if (code.length === 7) return 3;
  }
  if (name === null) return null;
  // 一、 marks a 类-level line of a table without codes; （一） and 1. the next level (producers
  // use either); （1） the one below.
  const rank = numberingRank(name);
  return rank === null ? null : ([1, 2, 2, 3][rank - 1] ?? null);
}

/** A code column that prints a word (合计, 总计) in a line's code cell: that word is the line's name. */
function classificationOf(raw: RawClassification): LineClassification {
  if (raw.code !== null && !/^\d+$/u.test(raw.code)) {
    const name = raw.name ?? raw.code;
    return { label: raw.label, code: null, scheme: 'none', name };
  }
  return { label: raw.label, code: raw.code, scheme: schemeOf(raw.code, raw.label), name: raw.name };
}

function lineOf(line: RawLine, seq: number, measures: readonly BudgetMeasure[], unit: AmountUnit | null, table: RawBudgetTable, messages: Diagnostic[]): BudgetLine {
  const classifications = line.classifications.map(classificationOf);
  const own = classifications[0] ?? { label: null, code: null, scheme: 'none' as const, name: null };
  const values: LineValue[] = [];
  line.values.forEach((cell, i) => {
    const measure = measures[i];
    if (!cell || !measure) return;
    const at = { page: line.page, table: line.table, row: cell.row + 1, column: cell.column + 1 };
    if (isAmountPlaceholder(cell.text) || !measure.money) {
      values.push({ measure: measure.id, raw: cell.text, yuan: null });
      return;
    }
    const parsed = parseAmount(cell.text, unit, at);
    const where = `${table.number ?? ''}${table.title ?? ''}`;
    for (const m of parsed.messages) messages.push({ ...m, message: `${where ? `${where}: ` : ''}${m.message}` });
    values.push({ measure: measure.id, raw: cell.text, yuan: parsed.value?.yuan ?? null });
  });
  // A code printed without a name beside another classification that has one (政府采购:
  // 科目编码 201 06 02 | 单位编码 | 采购项目): the line is named by that one.
  const name = own.name ?? classifications.find((k) => k.name !== null)?.name ?? null;
  return {
    seq,
    code: own.code,
    scheme: own.scheme,
    name,
    level: levelOf(own.code, name),
    isTotal: own.code === null && name !== null && isTotalName(name.replace(/\s+/gu, '')),
    classifications,
    values,
    page: line.page,
    table: line.table,
    row: line.row + 1,
  };
}
