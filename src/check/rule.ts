/**
 * What a consistency rule is: a stable code (registered in src/diagnostics.ts), the family
 * it belongs to, one line on what it checks (README's rules table lists these, kept in
 * step by test/check/readme.test.ts), and the function that finds its violations in a
 * document. Rules whose findings the normalizer already reports while parsing (the
 * schedule and basis families) have no function: `yusuan check` re-reports the
 * diagnostics stored on the document instead of finding them twice.
 */
import type { DiagnosticCode, Location } from '../diagnostics.js';
import type { Diagnostic, Document, Indicator, Project } from '../schema/document.js';

export type RuleFamily = 'budget' | 'schedule' | 'cost' | 'identity' | 'indicators' | 'basis' | 'evaluation' | 'tables';

export interface Rule {
  code: DiagnosticCode;
  family: RuleFamily;
  /** What a finding means, in one line. */
  checks: string;
  /** null: found at parse time by the normalizer and stored on the document. */
  run: ((document: Document) => Diagnostic[]) | null;
}

/** A project as a message names it: `「科普经费」(13020225P00904910001F)`. */
export function projectLabel(project: Project): string {
  if (project.name !== null && project.code !== null) return `「${project.name}」(${project.code})`;
  if (project.name !== null) return `「${project.name}」`;
  if (project.code !== null) return project.code;
  return `(unnamed project, table ${project.provenance.tables[0] ?? '?'})`;
}

/** An indicator as a message names it: `产出指标/数量指标/开展科普活动`. */
export function indicatorLabel(indicator: Indicator): string {
  return [indicator.level1, indicator.level2, indicator.level3].map((level) => level ?? '(blank)').join('/');
}

/** Where a project-level finding points: the project's first table (and page, for PDF). */
export function projectLocation(project: Project): Location {
  return { project: project.code ?? project.name, page: project.provenance.page, table: project.provenance.tables[0] ?? null };
}

/** Where an indicator-level finding points: its row. */
export function indicatorLocation(project: Project, indicator: Indicator): Location {
  const { page, table, row } = indicator.provenance;
  return { project: project.code ?? project.name, page, table, row };
}

/** A project read from an indicator table alone: no project table, so no code, name or money. */
export function hasProjectTable(project: Project): boolean {
  const { total, fiscal, other, carryover } = project.budget;
  return project.code !== null || project.name !== null || [total, fiscal, other, carryover].some((a) => a !== null);
}
