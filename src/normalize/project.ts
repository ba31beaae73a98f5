/**
 * A recognized project (cells as printed) → the SPEC project: amounts in yuan, parsed
 * targets and bases, the schedule, cleaned text. Every message carries the project and
 * the cell it is about.
 */
import { diagnostic, type Diagnostic, type Location } from '../diagnostics.js';
import type { Located, RawIndicator, RawProject } from '../recognize/records.js';
import type { Amount, Evaluation, Indicator, Project, Target, TargetDirection } from '../schema/document.js';
import { parseAmount, parseUnit, type AmountUnit } from './amount.js';
import { parseBasis } from './basis.js';
import { parseSchedule } from './schedule.js';
import { composeTarget, parseTarget } from './target.js';
import { splitCodeAndName } from './code-name.js';
import { parseLevel } from './indicator-level.js';
import { cleanText, foldWidth } from './text.js';

export function locationOf(located: Located | null, project: string | null): Location {
  return located
    ? { project, page: located.page, table: located.table, row: located.row, column: located.column }
    : { project };
}

export function normalizeProject(raw: RawProject, messages: Diagnostic[], statedUnit: AmountUnit | null = null): Project {
  const { code, name } = splitCodeAndName(cleanText(raw.code?.text), cleanText(raw.name?.text));
  const key = code ?? name;
  const at = (located: Located | null): Location => locationOf(located, key);

  if (raw.code && code === null) messages.push(diagnostic('PROJECT_CODE_MISSING', `project ${name ?? '(unnamed)'} has an empty 项目编码`, at(raw.code)));
  if (raw.name && name === null) messages.push(diagnostic('PROJECT_NAME_MISSING', `project ${code ?? '(unknown)'} has an empty 项目名称`, at(raw.name)));

  const unit = amountUnit(raw, statedUnit, at, messages);
  const amount = (located: Located | null): Amount | null => {
    const parsed = parseAmount(located?.text, unit, at(located));
    messages.push(...parsed.messages);
    return parsed.value;
  };

  let schedule: Project['schedule'] = [];
  if (raw.schedule) {
    const parsed = parseSchedule(
      raw.schedule.labels.map((l) => l.text),
      raw.schedule.percents.map((p) => p.text),
      at(raw.schedule.labels[0] ?? null),
    );
    messages.push(...parsed.messages);
    schedule = parsed.value;
  }

  return {
    kind: raw.kind,
    code,
    name,
    title: cleanText(raw.title?.text),
    department: raw.department ? { code: cleanText(raw.department.code), name: cleanText(raw.department.name) } : null,
    implementer: cleanText(raw.implementer?.text),
    amountUnit: unit,
    budget: {
      total: amount(raw.total),
      fiscal: amount(raw.fiscal),
      other: amount(raw.other),
      carryover: amount(raw.carryover),
      sources: raw.sources.map((source) => {
        const parsed = amount(source.value);
        return { label: cleanText(source.label.text) ?? '', raw: parsed?.raw ?? source.value.text, yuan: parsed?.yuan ?? null };
      }),
    },
    purpose: cleanText(raw.purpose?.text),
    schedule,
    goal: cleanText(raw.goal?.text),
    // In the schema's order: a document read back (--resume) is written with its keys in that order.
    tasks: raw.tasks.map((t) => ({
      name: cleanText(t.name?.text),
      content: cleanText(t.content?.text),
      budget: { total: amount(t.total), fiscal: amount(t.fiscal), other: amount(t.other) },
      goal: cleanText(t.goal?.text),
      row: t.at.row ?? 1,
    })),
    evaluation: raw.kind === 'self-evaluation' ? evaluationOf(raw, amount, at, messages) : null,
    midTermGoal: cleanText(raw.midTermGoal?.text),
    indicators: raw.indicators.map((row) => normalizeIndicator(row, key, messages)),
    template: raw.template,
    provenance: { page: raw.page, tables: [...raw.tables] },
  };
}

/** The unit the table states; else the template's default, said in a warning; else none. */
function amountUnit(raw: RawProject, option: AmountUnit | null, at: (l: Located | null) => Location, messages: Diagnostic[]): AmountUnit | null {
  const stated = raw.unit ? parseUnit(raw.unit.text) : null;
  if (stated) return stated;
  const hasAmounts = [raw.total, raw.fiscal, raw.other, raw.carryover, ...raw.sources.map((s) => s.value)].some((l) => l && l.text.trim() !== '');
  if (!hasAmounts) return null;
  if (option) return option;
  if (raw.defaultUnit === null) return null;
  messages.push(diagnostic('AMOUNT_UNIT_ASSUMED', `no unit line (单位：万元/元) for the amounts; the ${raw.template} template's ${raw.defaultUnit} was assumed (state it with --unit)`, at(raw.total)));
  return raw.defaultUnit;
}

function normalizeIndicator(row: RawIndicator, project: string | null, messages: Diagnostic[]): Indicator {
  const at = (located: Located | null): Location =>
    located ? locationOf(located, project) : { project, page: row.page, table: row.table, row: row.row };
  const target = unitFromName(readTarget(row, at(row.target ?? row.operator), messages), row, at(row.level3), messages);
  let midTermTarget: Target | null = null;
  if (row.midTerm) {
    const parsed = parseTarget(row.midTerm.text, at(row.midTerm));
    messages.push(...parsed.messages);
    midTermTarget = parsed.value;
  }
  const basis = parseBasis(row.basis?.text, at(row.basis));
  messages.push(...basis.messages);
  const level1 = parseLevel(cleanText(row.level1?.text));
  return {
    level1: level1.level,
    level2: cleanText(row.level2?.text),
    level3: cleanText(row.level3?.text),
    description: cleanText(row.description?.text),
    target,
    basis: basis.value,
    weight: readWeight(row.weight, at(row.weight), messages),
    level1Weight: level1.weight,
    midTermTarget,
    activity: cleanText(row.activity?.text),
    targetText: cleanText(row.targetText?.text),
    scoringRule: cleanText(row.scoringRule?.text),
    notes: cleanText(row.notes?.text),
    core: readCore(row.core),
    actual: readActual(row.actual, at(row.actual), messages),
    score: readNumber(row.score, at(row.score), messages),
    deviation: cleanText(row.deviation?.text),
    provenance: { page: row.page, table: row.table, row: row.row },
  };
}

/**
 * The target: one cell (`≥20次`), or operator, value and unit in their own columns, read
 * as the three joined. A 指标性质 of 正向/反向 says which way is better (direction
 * higher-better / lower-better) but not whether the bound is strict, so a bare number under
 * it gets no operator rather than `=`. An operator that points the other way (`正向` with
 * `≤5%`) makes the target unreadable. 正向/反向 over prose or an unreadable value is kept
 * only in the 指标性质 cell: there is no value to compare.
 */
function readTarget(row: RawIndicator, at: Location, messages: Diagnostic[]): Target | null {
  const separate = row.operator !== null || row.unit !== null;
  const text = separate ? composeTarget(row.operator?.text ?? null, row.target?.text ?? null, row.unit?.text ?? null) : row.target?.text;
  const parsed = parseTarget(text, at);
  messages.push(...parsed.messages);
  const nature = cleanText(row.operator?.text);
  const stated: TargetDirection | null = nature === '正向' ? 'higher-better' : nature === '反向' ? 'lower-better' : null;
  const value = parsed.value;
  if (value === null || stated === null || (value.kind !== 'quantitative' && value.kind !== 'range')) return value;
  if (value.direction !== null && value.direction !== stated) {
    messages.push(diagnostic('TARGET_UNREADABLE', `target "${value.raw}" has an operator "${value.operator ?? ''}" that contradicts 指标性质 "${nature ?? ''}"`, at));
    return { ...value, kind: null, operator: null, value: null, valueMax: null, unit: null, direction: null };
  }
  if (value.kind === 'quantitative' && value.operator === '=' && !/[=＝]/u.test(value.raw)) {
    messages.push(diagnostic('TARGET_DIRECTION_ONLY', `指标性质 "${nature ?? ''}" with value "${value.raw}" names no exact operator; operator left null`, at));
    return { ...value, operator: null, direction: stated };
  }
  return { ...value, direction: stated };
}

/** 权重/分值: a plain number, possibly with `分` or `%`. */
function readWeight(located: Located | null, at: Location, messages: Diagnostic[]): number | null {
  const text = cleanText(located?.text);
  if (text === null) return null;
  const m = /^(\d+(?:\.\d+)?)\s*(?:分|%)?$/u.exec(foldWidth(text));
  if (m) return Number(m[1]);
  messages.push(diagnostic('WEIGHT_UNREADABLE', `weight "${text}" is not a number`, at));
  return null;
}

/**
 * Xi'an prints the unit in the 三级 name, not the value: `人民调解案件数(件)` over `≥1000`,
 * `人民调解员案件调解补贴（元/件）` over `≤500`. A quantitative target without a unit takes the
 * parenthesis that ends its name when it reads as a unit (no digits, at most six characters),
 * and says so.
 */
const UNIT_IN_NAME = /[（(]\s*([^()（）\d]{1,6}?)\s*[)）]\s*$/u;

function unitFromName(target: Target | null, row: RawIndicator, at: Location, messages: Diagnostic[]): Target | null {
  if (!target || (target.kind !== 'quantitative' && target.kind !== 'range') || target.unit !== null || !row.level3) return target;
  const m = UNIT_IN_NAME.exec(cleanText(row.level3.text) ?? '');
  if (!m) return target;
  const unit = foldWidth(m[1] as string).trim();
  if (unit === '' || /[，,。；;、]/u.test(unit)) return target;
  messages.push(diagnostic('UNIT_FROM_INDICATOR_NAME', `target "${target.raw}" has no unit; "${unit}" taken from its 三级指标 "${cleanText(row.level3.text) ?? ''}"`, at));
  return { ...target, unit };
}

/** 是否核心: 是/否. */
function readCore(located: Located | null): boolean | null {
  const text = cleanText(located?.text);
  if (text === '是') return true;
  if (text === '否') return false;
  return null;
}

/** A score, weight or rate cell: a number (`10`, `7.7`, `100.00%`); `--`, `-`, `/` and blank are no value. */
function readNumber(located: Located | null, at: Location, messages: Diagnostic[]): number | null {
  const text = cleanText(located?.text);
  if (text === null || /^[-—－/／]+$/u.test(text)) return null;
  const m = /^(-?\d+(?:\.\d+)?)\s*(?:分|%)?$/u.exec(foldWidth(text));
  if (m) return Number(m[1]);
  messages.push(diagnostic('WEIGHT_UNREADABLE', `score or rate "${text}" is not a number`, at));
  return null;
}

/** 实际完成值, read like a target; prose (`未超标准`) is qualitative, as for targets. */
function readActual(located: Located | null, at: Location, messages: Diagnostic[]): Target | null {
  if (!located || located.text.trim() === '') return null;
  const parsed = parseTarget(located.text, at);
  // An actual that cannot be read as a value is kept as printed; it is no target of ours to doubt.
  messages.push(...parsed.messages.map((m) => (m.code === 'TARGET_UNREADABLE' ? { ...m, severity: 'info' as const, code: 'ACTUAL_UNREADABLE' } : m)));
  return parsed.value;
}

function evaluationOf(raw: RawProject, amount: (l: Located | null) => Amount | null, at: (l: Located | null) => Location, messages: Diagnostic[]): Evaluation {
  const e = raw.execution;
  const rateRaw = cleanText(e?.rate?.text);
  return {
    initialBudget: amount(e?.initialBudget ?? null),
    adjustedBudget: amount(e?.adjustedBudget ?? null),
    executed: amount(e?.executed ?? null),
    rateRaw,
    rate: readNumber(e?.rate ?? null, at(e?.rate ?? null), messages),
    rateWeight: readNumber(e?.rateWeight ?? null, at(e?.rateWeight ?? null), messages),
    rateScore: readNumber(e?.score ?? null, at(e?.score ?? null), messages),
    totalScore: readNumber(raw.totalScore, at(raw.totalScore), messages),
    outcome: cleanText(raw.outcome?.text),
  };
}
