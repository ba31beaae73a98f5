/**
 * A diff as a flat list of changes: one per budget field, schedule point, text, and
 * indicator aspect that changed, and one per added or removed project and indicator.
 * This is the CSV (one row per change), what the HTML tables colour and filter, and what
 * the summary counts. The order follows the diff: documents, projects, then within a
 * project code, name, budget, schedule, purpose, goal, indicators.
 */
import type { ChangeKind, DocumentDiff, IndicatorDiff, ProjectDiff, TextChange, TextSegment } from '../schema/diff.js';

export interface Change {
  kind: ChangeKind;
  /** Which budget field, schedule point (its label), text or indicator part. */
  field: string | null;
  /** The indicator, as `一级/二级/三级`; null for a project-level change. */
  indicator: string | null;
  old: string | number | null;
  new: string | number | null;
  /**
   * Budget and added/removed projects: yuan. Schedule: percentage points. Raised and
   * lowered targets: the value change in the target's unit. Otherwise null.
   */
  delta: number | null;
  /** Budget: the change relative to the old amount, in percent. */
  percent: number | null;
  /** Raised and lowered targets: the unit of old, new and delta (`次`, `%`). */
  unit: string | null;
  /** Text changes: the compact character diff. */
  segments: TextSegment[] | null;
}

function textRow(kind: ChangeKind, field: string, change: TextChange | null, indicator: string | null = null): Change[] {
  if (change === null) return [];
  return [{ kind, field, indicator, old: change.old, new: change.new, delta: null, percent: null, unit: null, segments: change.segments }];
}

function blank(kind: ChangeKind, fields: Partial<Change>): Change {
  return { kind, field: null, indicator: null, old: null, new: null, delta: null, percent: null, unit: null, segments: null, ...fields };
}

export function indicatorPath(indicator: IndicatorDiff): string {
  const ref = indicator.new ?? indicator.old;
  return [ref?.level1, ref?.level2, ref?.level3].map((l) => l ?? '').join('/');
}

function indicatorChanges(indicator: IndicatorDiff): Change[] {
  const path = indicatorPath(indicator);
  if (indicator.status === 'added') return [blank('indicator-added', { field: 'target', indicator: path, new: indicator.new?.target ?? null })];
  if (indicator.status === 'removed') return [blank('indicator-removed', { field: 'target', indicator: path, old: indicator.old?.target ?? null })];
  const rows: Change[] = indicator.renamed.flatMap((r) => textRow('indicator-renamed', r.field, r, path));
  if (indicator.target !== null) {
    const { kind, old, new: current, delta } = indicator.target;
    rows.push(blank(kind, { field: 'target', indicator: path, old: old?.raw ?? null, new: current?.raw ?? null, delta, unit: delta === null ? null : (current?.unit ?? null) }));
  }
  if (indicator.basis !== null) rows.push(blank('basis-changed', { field: 'basis', indicator: path, old: indicator.basis.old, new: indicator.basis.new }));
  rows.push(...textRow('description-changed', 'description', indicator.description, path));
  return rows;
}

/** The changes of one project, in reading order. */
export function projectChanges(project: ProjectDiff): Change[] {
  if (project.status === 'added') {
    const total = project.new?.totalYuan ?? null;
    return [blank('project-added', { field: 'total', new: total, delta: total })];
  }
  if (project.status === 'removed') {
    const total = project.old?.totalYuan ?? null;
    return [blank('project-removed', { field: 'total', old: total, delta: total === null ? null : -total })];
  }
  return [
    ...textRow('code-changed', 'code', project.code),
    ...textRow('project-renamed', 'name', project.name),
    ...project.budget.map((b) =>
      blank('budget-changed', { field: b.field, old: b.old?.yuan ?? null, new: b.new?.yuan ?? null, delta: b.deltaYuan, percent: b.percent }),
    ),
    ...project.schedule.map((s) => blank('schedule-changed', { field: s.label, old: s.old, new: s.new, delta: s.delta })),
    ...textRow('purpose-changed', 'purpose', project.purpose),
    ...textRow('goal-changed', 'goal', project.goal),
    ...project.indicators.flatMap(indicatorChanges),
  ];
}

export interface LocatedChange extends Change {
  document: DocumentDiff;
  project: ProjectDiff;
}

export function allChanges(documents: readonly DocumentDiff[]): LocatedChange[] {
  return documents.flatMap((document) => document.projects.flatMap((project) => projectChanges(project).map((change) => ({ ...change, document, project }))));
}
