/**
 * The CSV rendering: one row per change (changes.ts), with stable English codes, for
 * spreadsheets and warehouses. Columns (documented in README):
 *
 *   old_source, new_source        the files compared (blank on the side a department is missing)
 *   department_code, department_name
 *   project_code, project_name    the new year's, else the old year's
 *   match, match_score            code | name | similarity (score 0–1 for similarity); blank for added/removed
 *   kind                          a ChangeKind code (project-added, budget-changed, raised, …, line-changed)
 *   field                         total/fiscal/other/carryover, a schedule label, code/name/purpose/goal,
 *                                 target/basis/description, level1/level2/level3; for a line item of a
 *                                 standard table: `table kind › code or name › measure` (project columns blank)
 *   indicator                     一级/二级/三级 of an indicator change; blank for project changes
 *   old, new                      yuan for budget, added/removed projects and line items, percent for
 *                                 schedule points, the printed text otherwise
 *   delta                         yuan (budget, added/removed projects), percentage points (schedule),
 *                                 value change in the target's unit (raised, lowered)
 *   percent                       budget change relative to the old amount
 */
import type { Diff } from '../../schema/diff.js';
import { allChanges } from '../changes.js';
import { percentChange } from '../project-diff.js';

export const DIFF_CSV_COLUMNS = [
  'old_source',
  'new_source',
  'department_code',
  'department_name',
  'project_code',
  'project_name',
  'match',
  'match_score',
  'kind',
  'field',
  'indicator',
  'old',
  'new',
  'delta',
  'percent',
] as const;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(diff: Diff): string {
  const rows = allChanges(diff.documents).map((change) => {
    const { document, project } = change;
    const department = document.new?.department ?? document.old?.department ?? null;
    const ref = project.new ?? project.old;
    return [
      document.old?.path ?? null,
      document.new?.path ?? null,
      department?.code ?? null,
      department?.name ?? null,
      ref?.code ?? null,
      ref?.name ?? null,
      project.match?.by ?? null,
      project.match?.score ?? null,
      change.kind,
      change.field,
      change.indicator,
      change.old,
      change.new,
      change.delta,
      change.percent,
    ];
  });
  // Line items of the standard tables, after the project changes of all documents.
  const lines = diff.documents.flatMap((document) =>
    document.lines.map((line) => {
      const department = document.new?.department ?? document.old?.department ?? null;
      const value = (v: { raw: string; yuan: number | null } | null): string | number | null => (v === null ? null : (v.yuan ?? v.raw));
      return [
        document.old?.path ?? null,
        document.new?.path ?? null,
        department?.code ?? null,
        department?.name ?? null,
        null,
        null,
        null,
        null,
        `line-${line.status}`,
        [line.tableKind, line.code ?? line.name ?? '', line.measureLabel].join(' › '),
        null,
        value(line.old),
        value(line.new),
        line.deltaYuan,
        line.deltaYuan !== null && line.old?.yuan != null ? percentChange(line.old.yuan, line.deltaYuan) : null,
      ];
    }),
  );
  return [DIFF_CSV_COLUMNS, ...rows, ...lines].map((row) => `${row.map(csvCell).join(',')}\n`).join('');
}
