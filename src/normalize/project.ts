/**
 * A recognized project (cells as printed) → the SPEC project: amounts in yuan, parsed
 * targets and bases, the schedule, cleaned text. Every message carries the project and
 * the cell it is about.
 */
import { diagnostic, type Diagnostic, type Location } from '../diagnostics.js';
import type { Located, RawIndicator, RawProject } from '../recognize/records.js';
import type { Amount, Indicator, Project } from '../schema/document.js';
import { parseAmount, parseUnit, type AmountUnit } from './amount.js';
import { parseBasis } from './basis.js';
import { parseSchedule } from './schedule.js';
import { composeTarget, parseTarget } from './target.js';
import { cleanText, foldWidth } from './text.js';

export function locationOf(located: Located | null, project: string | null): Location {
  return located
    ? { project, page: located.page, table: located.table, row: located.row, column: located.column }
    : { project };
}

export function normalizeProject(raw: RawProject, messages: Diagnostic[]): Project {
  const code = cleanText(raw.code?.text);
  const name = cleanText(raw.name?.text);
  const key = code ?? name;
  const at = (located: Located | null): Location => locationOf(located, key);

  if (raw.code && code === null) messages.push(diagnostic('PROJECT_CODE_MISSING', `project ${name ?? '(unnamed)'} has an empty 项目编码`, at(raw.code)));
  if (raw.name && name === null) messages.push(diagnostic('PROJECT_NAME_MISSING', `project ${code ?? '(unknown)'} has an empty 项目名称`, at(raw.name)));

  const unit = amountUnit(raw, at, messages);
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
    code,
    name,
    title: cleanText(raw.title?.text),
    department: raw.department ? { code: cleanText(raw.department.code), name: cleanText(raw.department.name) } : null,
    amountUnit: unit,
    budget: {
      total: amount(raw.total),
      fiscal: amount(raw.fiscal),
      other: amount(raw.other),
      carryover: amount(raw.carryover),
    },
    purpose: cleanText(raw.purpose?.text),
    schedule,
    goal: cleanText(raw.goal?.text),
    indicators: raw.indicators.map((row) => normalizeIndicator(row, key, messages)),
    template: raw.template,
    provenance: { page: raw.page, tables: [...raw.tables] },
  };
}

/** The unit the table states; else the template's default, said in a warning; else none. */
function amountUnit(raw: RawProject, at: (l: Located | null) => Location, messages: Diagnostic[]): AmountUnit | null {
  const stated = raw.unit ? parseUnit(raw.unit.text) : null;
  if (stated) return stated;
  const hasAmounts = [raw.total, raw.fiscal, raw.other, raw.carryover].some((l) => l && l.text.trim() !== '');
  if (!hasAmounts || raw.defaultUnit === null) return null;
  messages.push(diagnostic('AMOUNT_UNIT_ASSUMED', `no unit line (单位：万元/元) for the amounts; the ${raw.template} template's ${raw.defaultUnit} was assumed`, at(raw.total)));
  return raw.defaultUnit;
}

function normalizeIndicator(row: RawIndicator, project: string | null, messages: Diagnostic[]): Indicator {
  const at = (located: Located | null): Location =>
    located ? locationOf(located, project) : { project, page: row.page, table: row.table, row: row.row };
  const targetText = row.operator || row.unit ? composeTarget(row.operator?.text ?? null, row.target?.text ?? null, row.unit?.text ?? null) : row.target?.text;
  const target = parseTarget(targetText, at(row.target));
  const basis = parseBasis(row.basis?.text, at(row.basis));
  messages.push(...target.messages, ...basis.messages);
  return {
    level1: cleanText(row.level1?.text),
    level2: cleanText(row.level2?.text),
    level3: cleanText(row.level3?.text),
    description: cleanText(row.description?.text),
    target: target.value,
    basis: basis.value,
    weight: readWeight(row.weight, at(row.weight), messages),
    provenance: { page: row.page, table: row.table, row: row.row },
  };
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
