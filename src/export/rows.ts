/**
 * The CSV tables: the four of SPEC (column names in contract order, and one function per
 * table that flattens a converted input into rows) and budget_lines.csv, whose columns are
 * defined with their values (columns.ts). Blank and null are both written as ''.
 */
import type { Conversion } from '../convert.js';
import type { BudgetLine, BudgetPart, BudgetTable, Document, LineValue, Project } from '../schema/document.js';
import { columns } from './columns.js';

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
  // Where the project stands: its tables (ordinals, `;`-joined) and, for .xlsx, the sheet and range.
  'tables', 'sheet', 'ref',
] as const;

export const INDICATOR_COLUMNS = [
  'source_path', 'fiscal_year', 'department_code', 'project_code', 'project_name', 'seq', 'level1', 'level2', 'level3',
  'description', 'target_raw', 'target_kind', 'operator', 'value', 'value_max', 'unit', 'basis_raw',
  'basis_doc_number', 'basis_issuer', 'basis_year', 'basis_serial', 'weight',
  // Added after SPEC's columns.
  'record_kind', 'mid_term_raw', 'actual_raw', 'actual_value', 'score', 'deviation', 'notes', 'core',
  // Where the indicator's row stands: page (PDF), table and row, and for .xlsx the sheet and range.
  'page', 'table', 'row', 'sheet', 'ref',
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
      p.provenance.tables.join(';'), p.provenance.sheet ?? null, p.provenance.ref ?? null,
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
      i.provenance.page, i.provenance.table, i.provenance.row, i.provenance.sheet ?? null, i.provenance.ref ?? null,
    ]),
  );
}

export function scheduleRows(doc: Document): CsvRow[] {
  return doc.projects.flatMap((p) =>
    p.schedule.map((s, index) => [doc.source.path, doc.fiscalYear, p.code, p.name, index + 1, s.label, s.month, s.percent]),
  );
}

/** One cell of a standard table, with the table, part and line it stands in. */
export interface BudgetCell {
  doc: Document;
  table: BudgetTable;
  part: BudgetPart;
  line: BudgetLine;
  value: LineValue;
}

/** budget_lines.csv: one row per printed cell of a standard table (long format). */
export const BUDGET_LINE_COLUMNS = columns<BudgetCell>([
  { name: 'source_path', value: (c) => c.doc.source.path },
  { name: 'fiscal_year', value: (c) => c.doc.fiscalYear },
  { name: 'department_code', value: (c) => c.doc.department?.code ?? null },
  { name: 'department_name', value: (c) => c.doc.department?.name ?? null },
  { name: 'table_kind', value: (c) => c.table.kind },
  { name: 'table_stage', value: (c) => c.table.stage },
  { name: 'table_number', value: (c) => c.table.number },
  { name: 'table_title', value: (c) => c.table.title },
  { name: 'amount_unit', value: (c) => c.table.amountUnit },
  { name: 'side', value: (c) => c.part.side },
  { name: 'line_seq', value: (c) => c.line.seq },
  { name: 'code', value: (c) => c.line.code },
  { name: 'scheme', value: (c) => c.line.scheme },
  { name: 'name', value: (c) => c.line.name },
  { name: 'level', value: (c) => c.line.level },
  { name: 'is_total', value: (c) => (c.line.isTotal ? 'true' : 'false') },
  { name: 'measure_id', value: (c) => c.value.measure },
  { name: 'measure_label', value: (c) => c.part.measures.find((m) => m.id === c.value.measure)?.label ?? null },
  { name: 'raw', value: (c) => c.value.raw },
  { name: 'yuan', value: (c) => c.value.yuan },
  { name: 'page', value: (c) => c.line.page },
  { name: 'table', value: (c) => c.line.table },
  { name: 'row', value: (c) => c.line.row },
  { name: 'part', value: (c) => c.table.parts.indexOf(c.part) + 1 },
  { name: 'sheet', value: (c) => c.line.sheet ?? null },
  { name: 'ref', value: (c) => c.line.ref ?? null },
]);

export function budgetLineRows(doc: Document): CsvRow[] {
  return doc.tables.flatMap((table) =>
    table.parts.flatMap((part) => part.lines.flatMap((line) => line.values.map((value) => BUDGET_LINE_COLUMNS.row({ doc, table, part, line, value })))),
  );
}
