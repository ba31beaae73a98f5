/**
 * Reconciliation of the standard tables, in exact yuan: every printed total against the
 * lines it sums, every parent line (类, 款) against its children (款, 项), every column
 * total (合计, 小计, …总额) against the columns beside it, and a two-sided table's 收入总计
 * against its 支出总计. A sum that reconciles is evidence the table was read right; one
 * that does not is a misprint of the source or a reading error, and is reported at its row.
 *
 * Printed figures are rounded (万元 to 2 or 6 decimals), so a sum may differ from its
 * printed total by up to half a unit of the last printed decimal per addend: such a
 * difference is reported as rounding (info) and the table still reconciles.
 */
import { diagnostic, type DiagnosticCode } from '../diagnostics.js';
import type { BudgetLine, BudgetMeasure, BudgetPart, BudgetTable, Diagnostic, Document } from '../schema/document.js';
import { numberingRank } from '../recognize/line-names.js';
import { exactDifference, exactSum } from './exact-decimal.js';
import type { Rule } from './rule.js';

/** A measure that is the whole of the measures beside it under the same header. */
const TOTAL_MEASURE = /^(?:合\s*计|小\s*计|总\s*计)$|总额$|总数$/u;
/** A column group or line that is a part of another one (其中：…), never an addend. */
const OF_WHICH = /^其中/u;

/**
 * A line that is only a share of the line above (其中：人员经费), so neither an addend of a
 * total nor a part of a breakdown. A numbered 其中 line (其中：（1）公务用车购置费, then
 * （2）公务用车运行费) opens a breakdown of its own and counts as its first part.
 */
function isShare(line: BudgetLine): boolean {
  return OF_WHICH.test(line.name ?? '') && !(line.code === null && line.level !== null);
}
const TOTAL_LINE_NAME = /总\s*计/u;
const UNIT_PLACES: Readonly<Record<string, number>> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

export interface Reconciliation {
  /** null: nothing to check; true: every check holds (within rounding); false: one does not. */
  reconciled: boolean | null;
  checks: number;
  findings: Diagnostic[];
}

interface Sum {
  code: DiagnosticCode;
  line: BudgetLine;
  measure: BudgetMeasure;
  /** What is summed, for the message: `its 3 lines`, `基本支出 + 项目支出`. */
  what: string;
  /**
   * The lines summed carry no code and no numbering, so whether they are all of one level is
   * not printed (Zhejiang indents its 类/款/项 names only): a sum that does not add up is not
   * evidence of anything and is not counted.
   */
  unsure?: boolean;
  addends: { line: BudgetLine; measure: BudgetMeasure }[];
}

function valueOf(line: BudgetLine, measure: BudgetMeasure): { raw: string; yuan: number | null } | null {
  return line.values.find((v) => v.measure === measure.id) ?? null;
}

function lineLabel(line: BudgetLine): string {
  return `「${[line.code, line.name].filter((x) => x !== null).join(' ') || `row ${line.row}`}」`;
}

function tableLabel(table: BudgetTable): string {
  return [table.number, table.title].filter((x) => x !== null).join(' ') || `table ${table.tables[0] ?? '?'}`;
}

function decimalsOf(raw: string): number {
  const m = /\.(\d+)\s*$/u.exec(raw.replace(/[,，\s]/gu, ''));
  return m?.[1]?.length ?? 0;
}

/** Half a unit of the last printed decimal, in yuan (万元 to 2 decimals: 50 yuan). */
export function halfUlp(raw: string, unit: string | null): number {
  const places = (unit !== null ? UNIT_PLACES[unit] : undefined) ?? 0;
  return 0.5 * 10 ** (places - decimalsOf(raw));
}

/**
 * One quantity printed twice, perhaps at two precisions (22,118,861 and 22,118,861.34 元):
 * the two agree when they could be rounded from one value, closer than their half-units.
 */
export function agreeWithinRounding(a: { raw: string; yuan: number; unit: string | null }, b: { raw: string; yuan: number; unit: string | null }): boolean {
  return a.yuan === b.yuan || Math.abs(exactDifference(a.yuan, b.yuan)) < halfUlp(a.raw, a.unit) + halfUlp(b.raw, b.unit);
}

/**
 * Reconciliations already computed, by table: convert and each of the rules below ask for the
 * same table's (six times per table); a table is not changed once normalized, and an entry
 * goes with its table.
 */
const computed = new WeakMap<BudgetTable, Reconciliation>();

export function reconcileTable(table: BudgetTable): Reconciliation {
  let known = computed.get(table);
  if (!known) {
    known = reconcileOnce(table);
    computed.set(table, known);
  }
  return known;
}

function reconcileOnce(table: BudgetTable): Reconciliation {
  const sums: Sum[] = [];
  for (const part of table.parts) {
    sums.push(...parentSums(part), ...totalSums(part), ...columnSums(part));
  }
  const findings: Diagnostic[] = [];
  let checks = 0;
  let failed = false;
  for (const sum of sums) {
    const printed = valueOf(sum.line, sum.measure);
    const parts = sum.addends.map((a) => valueOf(a.line, a.measure));
    if (printed === null && parts.every((p) => p === null)) continue;
    if (printed !== null && printed.yuan === null && printed.raw.trim() !== '' && !/^[-—–―─/]+$/u.test(printed.raw.trim())) continue;
    if (parts.some((p) => p !== null && p.yuan === null && !/^[-—–―─/]+$/u.test(p.raw.trim()))) continue;
    checks++;
    const total = printed?.yuan ?? 0;
    const added = exactSum(0, ...parts.map((p) => p?.yuan ?? 0));
    let difference = exactDifference(total, added);
    // A line that restates the total with its parts listed after it (a department row over its
    // units: 合计 = 市司法局 = 市司法局本级 + 东郊监狱 + …) is the total again, not an addend.
    if (difference !== 0 && sum.code === 'TABLE_TOTAL_MISMATCH' && printed?.yuan != null) {
      const again = parts.findIndex((p) => p?.yuan === printed.yuan);
      if (again >= 0 && exactDifference(added, printed.yuan) === printed.yuan) difference = 0;
    }
    if (difference !== 0 && sum.unsure) {
      checks--;
      continue;
    }
    if (difference === 0) continue;
    const at = { page: sum.line.page, table: sum.line.table, row: sum.line.row };
    const slack = sum.addends.length * Math.max(halfUlp(printed?.raw ?? '', table.amountUnit), ...parts.map((p) => (p ? halfUlp(p.raw, table.amountUnit) : 0)));
    const text = `${tableLabel(table)}, ${lineLabel(sum.line)}, ${sum.measure.label}: printed ${printed?.raw ?? '(blank)'} (${total} yuan), ${sum.what} add up to ${added} yuan (difference ${difference} yuan)`;
    if (Math.abs(difference) <= slack) {
      findings.push(diagnostic('TABLE_SUM_ROUNDED', `${text}, within the rounding of the printed decimals`, at));
    } else {
      failed = true;
      findings.push(diagnostic(sum.code, text, at));
    }
  }
  for (const mismatch of sidesMismatch(table)) {
    checks++;
    if (mismatch) {
      failed = true;
      findings.push(mismatch);
    }
  }
  return { reconciled: checks === 0 ? null : !failed, checks, findings };
}

/**
 * 类 = Σ its 款, 款 = Σ its 项 (codes 3, 5, 7 digits), where the children follow their parent;
 * an unnumbered line = Σ the numbered lines printed under it.
 */
function parentSums(part: BudgetPart): Sum[] {
  const out: Sum[] = [];
  for (const { parent, parts, unsure } of numberedParts(part.lines.filter((l) => !isShare(l)))) {
    for (const measure of part.measures) {
      out.push({ code: 'TABLE_PARENT_MISMATCH', line: parent, measure, what: `its ${parts.length} numbered line(s)`, addends: parts.map((p) => ({ line: p, measure })), unsure });
    }
  }
  const lines = part.lines;
  for (const [i, line] of lines.entries()) {
    const code = line.code;
    if (code === null || !/^\d+$/u.test(code) || line.isTotal || code.length > 5) continue;
    const children: BudgetLine[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const child = lines[j] as BudgetLine;
      if (child.code === null || !child.code.startsWith(code) || child.code.length <= code.length) break;
      if (child.code.length === code.length + 2) children.push(child);
    }
    // A code printed twice (a table classified two ways at once) is no parent line.
    if (children.length === 0 || lines.some((other, k) => k !== i && other.code === code)) continue;
    for (const measure of part.measures) {
      out.push({ code: 'TABLE_PARENT_MISMATCH', line, measure, what: `its ${children.length} sub-line(s)`, addends: children.map((c) => ({ line: c, measure })) });
    }
  }
  return out;
}

/**
 * The lines a total sums: the top-level ones among them (a 类 with its 款 counted once), 其中
 * lines left out. Numbered lines (一、…) right after an unnumbered one are its parts
 * (上年结转结余 › 一、一般公共预算拨款 …), not lines of their own.
 */
function topLevel(lines: readonly BudgetLine[]): BudgetLine[] {
  const candidates = lines.filter((l) => !l.isTotal && !isShare(l));
  const parts = new Set(numberedParts(candidates).flatMap((group) => group.parts));
  // A line whose code extends the code of a line above it is a part of that line, whatever
  // the lengths: Xi'an's unit 204001 under its department 204.
  const codes = new Set(candidates.map((l) => l.code).filter((c): c is string => c !== null && /^\d+$/u.test(c)));
  const extendsAnother = (line: BudgetLine): boolean => {
    const code = line.code;
    if (code === null || !/^\d+$/u.test(code)) return false;
    for (let n = 3; n < code.length; n++) if (codes.has(code.slice(0, n))) return true;
    return false;
  };
  // Lines with neither code nor numbering printed under a unit's code are its details (Xi'an's
  // 专项业务经费支出表: 116001 西安市财政局 › 通用项目 › 财政检查 …).
  const firstCoded = candidates.findIndex((l) => l.code !== null && l.scheme === 'none');
  const detail = (line: BudgetLine, i: number): boolean => firstCoded >= 0 && i > firstCoded && line.code === null && line.level === null;
  const own = candidates.filter((l, i) => !parts.has(l) && !extendsAnother(l) && !detail(l, i));
  const levels = own.map((l) => l.level).filter((l): l is number => l !== null);
  const min = levels.length > 0 ? Math.min(...levels) : null;
  return own.filter((l) => l.level === null || l.level === min);
}

/**
 * Addends whose structure is not printed: none carries a code or a numbering, or several
 * carry the same code (a 政府采购 table prints its groups, units and items all under 2010602),
 * so whether they are all of one level cannot be told.
 */
function structureUnknown(addends: readonly BudgetLine[]): boolean {
  if (addends.length < 2) return false;
  if (addends.every((a) => a.code === null && a.level === null)) return true;
  // Unit codes of different lengths (a 全额 group 1 over its unit 204001) nest by position only.
  const unitCodes = new Set(addends.filter((a) => a.code !== null && a.scheme === 'none').map((a) => a.code?.length));
  if (unitCodes.size > 1) return true;
  // A row is known by all the codes it prints (支出总表: 2010301 行政运行 › 30101 基本工资).
  const codes = addends.filter((a) => a.code !== null).map((a) => a.classifications.map((k) => k.code ?? '').join('|'));
  return new Set(codes).size < codes.length;
}

/**
 * The parts printed under uncoded lines, by their numbering:
 * - an unnumbered line after a total or at the start, followed by numbered lines, is their
 *   whole (上年结转结余 › 一、一般公共预算拨款 …);
 * - a numbered line is the whole of the lines after it numbered one level deeper
 *   (一、财政拨款收入 › 1.一般公共预算资金) or, when none is numbered, of the unnumbered lines
 *   after it (Zhejiang: 一、财政拨款 › 一般公共预算 | 政府性基金预算).
 */
function numberedParts(lines: readonly BudgetLine[]): { parent: BudgetLine; parts: BudgetLine[]; unsure: boolean }[] {
  const out: { parent: BudgetLine; parts: BudgetLine[]; unsure: boolean }[] = [];
  // The numbering's own depth (一、 › （一） › 1. › （1）), not the line's level, which puts
  // （一） and 1. alike: Guangzhou's （二）公务用车购置及运行维护支出 › 1.公务用车购置费.
  const rank = (line: BudgetLine): number | null => (line.code === null ? numberingRank(line.name ?? '') : null);
  let numberedSinceTotal = false;
  for (const [i, parent] of lines.entries()) {
    // After a numbered total (一、本年支出合计) the lines numbered next (二、年终结转结余) are its
    // siblings, not the parts of an unnumbered line in between.
    if (parent.isTotal) numberedSinceTotal = rank(parent) !== null;
    if (parent.isTotal || parent.code !== null) continue;
    const own = rank(parent);
    if (own !== null) numberedSinceTotal = true;
    // An unnumbered line under a numbered one is a part, not a whole.
    if (own === null && numberedSinceTotal) continue;
    const depth = own ?? 0;
    // The parts are numbered as the first line after the whole, when that is deeper
    // (一、财政拨款 › 1.一般公共预算; 上年结余、结转 › 1.财政拨款结余、结转 | 2.…).
    const next = lines[i + 1];
    const nextRank = next ? rank(next) : null;
    const partRank = nextRank !== null && nextRank > depth ? nextRank : depth + 1;
    const parts: BudgetLine[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] as BudgetLine;
      if (line.isTotal || line.code !== null) break;
      const at = rank(line);
      if (at === null) {
        if (depth === 0) break;
        if (parts.some((p) => rank(p) !== null)) break;
        parts.push(line);
        continue;
      }
      if (at <= depth || at < partRank) break;
      if (parts.some((p) => rank(p) === null)) break;
      if (at === partRank) parts.push(line);
    }
    // Unnumbered parts may nest (Shenzhen indents 款 and 项 alike; a 政府采购 group prints its
    // subtotals and their items), so a sum of them that does not hold is no evidence.
    if (parts.length > 0) out.push({ parent, parts, unsure: parts.every((p) => rank(p) === null) });
  }
  return out;
}

/**
 * A 合计 / 小计 / 总计 line: printed below its lines, it sums the lines since the total above
 * it and that total (本年收入合计 + 上年结转结余 = 收入总计); printed first, it sums the lines
 * after it.
 */
function totalSums(part: BudgetPart): Sum[] {
  const out: Sum[] = [];
  const lines = part.lines;
  let segmentStart = 0;
  let previousTotal: BudgetLine | null = null;
  for (const [i, line] of lines.entries()) {
    if (!line.isTotal) continue;
    const before = lines.slice(segmentStart, i);
    let addends: BudgetLine[];
    if (before.some((l) => !l.isTotal)) {
      addends = [...(previousTotal ? [previousTotal] : []), ...topLevel(before)];
    } else {
      const next = lines.findIndex((l, k) => k > i && l.isTotal);
      addends = topLevel(lines.slice(i + 1, next < 0 ? lines.length : next));
    }
    segmentStart = i + 1;
    const previousLine = previousTotal;
    previousTotal = line;
    if (addends.length === 0) continue;
    for (const measure of part.measures) {
      const unsure = structureUnknown(addends.filter((a) => a !== previousLine));
      out.push({ code: 'TABLE_TOTAL_MISMATCH', line, measure, what: `its ${addends.length} line(s)`, addends: addends.map((a) => ({ line: a, measure })), unsure });
    }
  }
  return out;
}

interface ColumnGroup {
  label: string;
  total: BudgetMeasure | null;
  members: (BudgetMeasure | ColumnGroup)[];
}

/** The header tree of a part's measures: groups by their path prefixes. */
function columnTree(measures: readonly BudgetMeasure[]): ColumnGroup {
  const root: ColumnGroup = { label: '', total: null, members: [] };
  for (const measure of measures) {
    let group = root;
    for (const label of measure.path.slice(0, -1)) {
      let next = group.members.find((m): m is ColumnGroup => 'members' in m && m.label === label);
      if (!next) {
        next = { label, total: null, members: [] };
        group.members.push(next);
      }
      group = next;
    }
    group.members.push(measure);
  }
  const settle = (group: ColumnGroup): void => {
    for (const m of group.members) if ('members' in m) settle(m);
    // A group whose only member is a group (预算数 › …) is that group.
    const total = group.members.find((m): m is BudgetMeasure => !('members' in m) && TOTAL_MEASURE.test(m.path[m.path.length - 1] ?? ''));
    group.total = total ?? null;
  };
  settle(root);
  return root;
}

/** The measure standing for the whole of a group member: itself, or the group's total. */
function wholeOf(member: BudgetMeasure | ColumnGroup): BudgetMeasure | null {
  return 'members' in member ? member.total : member;
}

/** A column total = Σ the columns beside it (of_which groups left out), where at least two add up. */
function columnSums(part: BudgetPart): Sum[] {
  const out: Sum[] = [];
  const visit = (group: ColumnGroup): void => {
    for (const m of group.members) if ('members' in m) visit(m);
    let node: ColumnGroup = group;
    // 预算数 › (合计, 基本支出, 项目支出): the lone group under the root is the one to check.
    while (node.total === null && node.members.length === 1 && 'members' in (node.members[0] as object)) node = node.members[0] as ColumnGroup;
    if (node !== group) return;
    if (!group.total) return;
    const others = group.members.filter((m) => m !== group.total && !('members' in m && OF_WHICH.test(m.label)) && !(!('members' in m) && OF_WHICH.test(m.path[m.path.length - 1] ?? '')));
    const wholes = others.map(wholeOf);
    if (wholes.length < 2 || wholes.some((w) => w === null)) return;
    const addends = wholes as BudgetMeasure[];
    for (const line of part.lines) {
      out.push({ code: 'TABLE_COLUMN_MISMATCH', line, measure: group.total, what: addends.map((a) => a.label).join(' + '), addends: addends.map((measure) => ({ line, measure })) });
    }
  };
  const root = columnTree(part.measures);
  let top = root;
  while (top.total === null && top.members.length === 1 && 'members' in (top.members[0] as object)) top = top.members[0] as ColumnGroup;
  visit(top);
  return out;
}

/** 收入总计 = 支出总计 in a two-sided table: one finding or null per comparison made. */
function sidesMismatch(table: BudgetTable): (Diagnostic | null)[] {
  const income = table.parts.find((p) => p.side === 'income');
  const expense = table.parts.find((p) => p.side === 'expense');
  if (!income || !expense) return [];
  const last = (part: BudgetPart): BudgetLine | undefined => part.lines.filter((l) => l.isTotal && TOTAL_LINE_NAME.test(l.name ?? '')).pop();
  const a = last(income);
  const b = last(expense);
  const ma = income.measures[0];
  const mb = expense.measures[0];
  if (!a || !b || !ma || !mb) return [];
  const va = valueOf(a, ma);
  const vb = valueOf(b, mb);
  if (va?.yuan == null || vb?.yuan == null) return [];
  if (va.yuan === vb.yuan) return [null];
  return [diagnostic('TABLE_SIDES_MISMATCH', `${tableLabel(table)}: ${lineLabel(a)} ${va.raw} (${va.yuan} yuan) differs from ${lineLabel(b)} ${vb.raw} (${vb.yuan} yuan)`, { page: b.page, table: b.table, row: b.row })];
}

/** A rule reporting one code of the reconciliation of every standard table. */
function reconcileRule(code: DiagnosticCode, checks: string): Rule {
  return { code, family: 'tables', checks, run: (document: Document) => document.tables.flatMap((t) => reconcileTable(t).findings.filter((f) => f.code === code)) };
}

export const RECONCILE_RULES: readonly Rule[] = [
  reconcileRule('TABLE_TOTAL_MISMATCH', 'a printed 合计 / 小计 / 总计 line of a standard table differs from the sum of the lines it totals (exact yuan)'),
  reconcileRule('TABLE_PARENT_MISMATCH', 'a 类 line differs from the sum of its 款, or a 款 from the sum of its 项'),
  reconcileRule('TABLE_COLUMN_MISMATCH', 'a total column (合计, 小计, …总额) differs from the sum of the columns beside it under the same header, on some line'),
  reconcileRule('TABLE_SIDES_MISMATCH', 'a two-sided table (收支总表) whose 收入总计 differs from its 支出总计'),
  reconcileRule('TABLE_SUM_ROUNDED', 'a printed total differs from its sum by no more than the rounding of the printed decimals (the table still reconciles)'),
];
