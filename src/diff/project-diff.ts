/**
 * The projects of two years of one department. They pair by 项目编码, then by name with a
 * leading year removed (`2024年支持市县…` ≡ `2025年支持市县…`), then by name similarity (a
 * fuzzy match, reported with its score); the rest are added or removed. A project read
 * from an indicator table alone has no 项目名称; the heading above it names it instead. A pair reports
 * its code, name, purpose and goal text changes, its budget changes in exact yuan, its
 * spend-schedule changes point by point, and its indicator changes.
 */
import { exactDifference } from '../check/exact-decimal.js';
import type { BudgetChange, BudgetField, ProjectDiff, ProjectMatch, ProjectRef, ScheduleChange } from '../schema/diff.js';
import type { Amount, Project, SchedulePoint } from '../schema/document.js';
import { diffIndicators, textChange } from './indicator-diff.js';
import { matchItems, type Stage } from './match.js';
import { comparable, nameKey, similarity } from './names.js';

/** Projects whose names are at least this similar pair as a fuzzy match. */
export const PROJECT_SIMILARITY_THRESHOLD = 0.6;

/** `5.公用经费绩效目标表` → `公用经费`: the heading names a project whose table has no 项目名称. */
const TITLE_DECORATION = /^\s*\d+\s*[.、．]\s*|\s*(?:项目)?(?:支出)?绩效目标(?:申报)?表\s*$/gu;

/** The project's name as matched: its 项目名称, else what its heading names. */
function matchedName(project: Project): string {
  // A department-wide record is named by its department.
  const own = project.name ?? (project.kind === 'department' ? project.department?.name ?? null : null);
  return nameKey(own ?? project.title?.replace(TITLE_DECORATION, '') ?? null);
}

const STAGES: readonly Stage<Project, ProjectMatch['by']>[] = [
  { by: 'code', key: (p) => p.code },
  { by: 'name', key: matchedName },
  {
    by: 'similarity',
    threshold: PROJECT_SIMILARITY_THRESHOLD,
    score: (a, b) => {
      const [nameA, nameB] = [matchedName(a), matchedName(b)];
      return nameA === '' || nameB === '' ? null : similarity(nameA, nameB);
    },
  },
];

export function projectRef(project: Project): ProjectRef {
  return {
    code: project.code,
    name: project.name,
    totalYuan: project.budget.total?.yuan ?? null,
    page: project.provenance.page,
    tables: [...project.provenance.tables],
  };
}

/** Change relative to `before`, in percent with two decimals; null when `before` is 0. */
export function percentChange(before: number, delta: number): number | null {
  if (before === 0) return null;
  return Math.round((delta / before) * 10000) / 100;
}

const BUDGET_FIELDS: readonly BudgetField[] = ['total', 'fiscal', 'other', 'carryover'];

/**
 * One budget field. A blank source counts as 0 (the total is split without it); a blank
 * total, or a cell that is not a number, has no value to subtract.
 */
function budgetChange(field: BudgetField, before: Amount | null, after: Amount | null): BudgetChange | null {
  const value = (amount: Amount | null): number | null => (amount === null ? (field === 'total' ? null : 0) : amount.yuan);
  const [from, to] = [value(before), value(after)];
  if (from === null || to === null) {
    if (comparable(before?.raw) === comparable(after?.raw)) return null;
    return { field, old: before, new: after, deltaYuan: null, percent: null };
  }
  if (from === to) return null;
  const deltaYuan = exactDifference(to, from);
  return { field, old: before, new: after, deltaYuan, percent: percentChange(from, deltaYuan) };
}

/** Schedule points pair by month, else by label; reported in month order. */
function scheduleChanges(before: readonly SchedulePoint[], after: readonly SchedulePoint[]): ScheduleChange[] {
  const keyOf = (p: SchedulePoint): string => (p.month !== null ? `month:${p.month}` : `label:${comparable(p.label)}`);
  const points = new Map<string, { old: SchedulePoint | null; new: SchedulePoint | null }>();
  for (const p of before) if (!points.has(keyOf(p))) points.set(keyOf(p), { old: p, new: null });
  for (const p of after) {
    const entry = points.get(keyOf(p));
    if (entry === undefined) points.set(keyOf(p), { old: null, new: p });
    else if (entry.new === null) entry.new = p;
  }
  const changes: ScheduleChange[] = [];
  for (const { old, new: current } of points.values()) {
    const [from, to] = [old?.percent ?? null, current?.percent ?? null];
    if (old !== null && current !== null && from === to && (from !== null || comparable(old.percentRaw) === comparable(current.percentRaw))) continue;
    const point = (current ?? old) as SchedulePoint;
    changes.push({ label: point.label, month: point.month, old: from, new: to, delta: from === null || to === null ? null : exactDifference(to, from) });
  }
  // Months in order; points without a month keep their place after them.
  return changes.map((c, i) => ({ c, i })).sort((x, y) => (x.c.month ?? 13) - (y.c.month ?? 13) || x.i - y.i).map((x) => x.c);
}

function pairDiff(before: Project, after: Project, match: ProjectMatch): ProjectDiff {
  const indicators = diffIndicators(before.indicators, after.indicators);
  const diff: ProjectDiff = {
    status: 'unchanged',
    match,
    old: projectRef(before),
    new: projectRef(after),
    code: textChange(before.code, after.code),
    name: textChange(before.name, after.name),
    purpose: textChange(before.purpose, after.purpose),
    goal: textChange(before.goal, after.goal),
    budget: BUDGET_FIELDS.flatMap((field) => budgetChange(field, before.budget[field], after.budget[field]) ?? []),
    schedule: scheduleChanges(before.schedule, after.schedule),
    indicators: indicators.changes,
    indicatorsUnchanged: indicators.unchanged,
  };
  const changed =
    [diff.code, diff.name, diff.purpose, diff.goal].some((c) => c !== null) ||
    diff.budget.length + diff.schedule.length + diff.indicators.length > 0;
  return { ...diff, status: changed ? 'changed' : 'unchanged' };
}

function onlyOnOneSide(project: Project, status: 'added' | 'removed'): ProjectDiff {
  const ref = projectRef(project);
  return {
    status,
    match: null,
    old: status === 'removed' ? ref : null,
    new: status === 'added' ? ref : null,
    code: null,
    name: null,
    purpose: null,
    goal: null,
    budget: [],
    schedule: [],
    indicators: [],
    indicatorsUnchanged: 0,
  };
}

/**
 * Matched and added projects in the new order, then removed ones in the old order. Records
 * pair only with records of their own kind: a department-wide table with last year's, a
 * self-evaluation with a self-evaluation, never a project with either.
 */
export function diffProjects(olds: readonly Project[], news: readonly Project[]): ProjectDiff[] {
  const oldIndex = new Map<Project, number>(olds.map((p, i) => [p, i]));
  const pairOf = new Map<number, { oldIndex: number; by: ProjectMatch['by']; score: number | null }>();
  const unmatchedOld: number[] = [];
  for (const kind of new Set([...olds, ...news].map((p) => p.kind))) {
    const o = olds.filter((p) => p.kind === kind);
    const n = news.map((p, j) => [p, j] as const).filter(([p]) => p.kind === kind);
    const matching = matchItems(o, n.map(([p]) => p), STAGES);
    for (const pair of matching.pairs) pairOf.set((n[pair.newIndex] as readonly [Project, number])[1], { oldIndex: oldIndex.get(o[pair.oldIndex] as Project) as number, by: pair.by, score: pair.score });
    for (const i of matching.unmatchedOld) unmatchedOld.push(oldIndex.get(o[i] as Project) as number);
  }
  const diffs = news.map((after, j) => {
    const pair = pairOf.get(j);
    return pair === undefined ? onlyOnOneSide(after, 'added') : pairDiff(olds[pair.oldIndex] as Project, after, { by: pair.by, score: pair.score });
  });
  for (const i of unmatchedOld.sort((a, b) => a - b)) diffs.push(onlyOnOneSide(olds[i] as Project, 'removed'));
  return diffs;
}
