/**
 * The four CSV tables of SPEC: column names in contract order, and one function per table
 * that flattens a converted input into rows. Blank and null are both written as ''.
 */
import type { Conversion } from '../convert.js';
import type { Document, Project } from '../schema/document.js';

export type CsvValue = string | number | null;
export type CsvRow = CsvValue[];

export const DOCUMENT_COLUMNS = [
  'source_path', 'sha256', 'format', 'status', 'fiscal_year', 'department_code', 'department_name',
  'project_count', 'indicator_count', 'error_count', 'warning_count', 'message',
] as const;

export const PROJECT_COLUMNS = [
  'source_path', 'fiscal_year', 'department_code', 'department_name', 'project_code', 'project_name', 'amount_unit',
  'total_raw', 'total_yuan', 'fiscal_raw', 'fiscal_yuan', 'other_raw', 'other_yuan', 'purpose', 'goal',
  'indicator_count', 'page', 'carryover_raw', 'carryover_yuan',
  // Added after SPEC's columns (schema version 1 allows additions at the end).
  'kind', 'mid_term_goal', 'executed_raw', 'executed_yuan', 'execution_rate', 'total_score',
] as const;

export const INDICATOR_COLUMNS = [
  'source_path', 'fiscal_year', 'department_code', 'project_code', 'project_name', 'seq', 'level1', 'level2', 'level3',
  'description', 'target_raw', 'target_kind', 'operator', 'value', 'value_max', 'unit', 'basis_raw',
  'basis_doc_number', 'basis_issuer', 'basis_year', 'basis_serial', 'weight',
  // Added after SPEC's columns.
  'record_kind', 'mid_term_raw', 'actual_raw', 'actual_value', 'score', 'deviation', 'notes', 'core',
] as const;

export const SCHEDULE_COLUMNS = ['source_path', 'fiscal_year', 'project_code', 'project_name', 'seq', 'label', 'month', 'percent'] as const;

export function documentRow(conversion: Conversion): CsvRow {
  const doc = conversion.document;
  const diagnostics = doc?.diagnostics ?? [];
  return [
    conversion.path,
    conversion.sha256,
    conversion.format,
    conversion.status,
    doc?.fiscalYear ?? null,
    doc?.department?.code ?? null,
    doc?.department?.name ?? null,
    doc ? doc.projects.length : 0,
    doc ? doc.projects.reduce((n, p) => n + p.indicators.length, 0) : 0,
    conversion.document ? diagnostics.filter((d) => d.severity === 'error').length : 1,
    diagnostics.filter((d) => d.severity === 'warning').length,
    conversion.message,
  ];
}

function departmentOf(doc: Document, project: Project) {
  return project.department ?? doc.department;
}

export function projectRows(doc: Document): CsvRow[] {
  return doc.projects.map((p) => {
    const dept = departmentOf(doc, p);
    return [
      doc.source.path, doc.fiscalYear, dept?.code ?? null, dept?.name ?? null, p.code, p.name, p.amountUnit,
      p.budget.total?.raw ?? null, p.budget.total?.yuan ?? null,
      p.budget.fiscal?.raw ?? null, p.budget.fiscal?.yuan ?? null,
      p.budget.other?.raw ?? null, p.budget.other?.yuan ?? null,
      p.purpose, p.goal, p.indicators.length, p.provenance.page,
      p.budget.carryover?.raw ?? null, p.budget.carryover?.yuan ?? null,
      p.kind, p.midTermGoal, p.evaluation?.executed?.raw ?? null, p.evaluation?.executed?.yuan ?? null, p.evaluation?.rate ?? null, p.evaluation?.totalScore ?? null,
    ];
  });
}

export function indicatorRows(doc: Document): CsvRow[] {
  return doc.projects.flatMap((p) =>
    p.indicators.map((i, index) => [
      doc.source.path, doc.fiscalYear, departmentOf(doc, p)?.code ?? null, p.code, p.name, index + 1,
      i.level1, i.level2, i.level3, i.description,
      i.target?.raw ?? null, i.target?.kind ?? null, i.target?.operator ?? null, i.target?.value ?? null, i.target?.valueMax ?? null, i.target?.unit ?? null,
      i.basis?.raw ?? null, i.basis?.docNumber ?? null, i.basis?.issuer ?? null, i.basis?.year ?? null, i.basis?.serial ?? null,
      i.weight,
      p.kind, i.midTermTarget?.raw ?? null, i.actual?.raw ?? null, i.actual?.value ?? null, i.score, i.deviation, i.notes, i.core === null ? null : i.core ? 'true' : 'false',
    ]),
  );
}

export function scheduleRows(doc: Document): CsvRow[] {
  return doc.projects.flatMap((p) =>
    p.schedule.map((s, index) => [doc.source.path, doc.fiscalYear, p.code, p.name, index + 1, s.label, s.month, s.percent]),
  );
}
