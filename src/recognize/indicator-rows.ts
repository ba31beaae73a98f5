/**
 * Data rows of an indicator block, read through the column map found in its header row.
 * 一级/二级 cells are often merged over several rows, or left blank under the first row of
 * a group (a visual merge, or a merge lost in a PDF page break): blank ones inherit the
 * value above. Rows with neither 三级指标 nor 指标值 are placeholders and are skipped.
 */
import type { Cell, Table } from '../read/model.js';
import { locatedCell, type Located, type RawIndicator } from './records.js';
import type { ColumnRole } from './template.js';

/** Indicator role → the grid column of its header cell. */
export type ColumnMap = Map<ColumnRole, number>;

const ROLES: readonly ColumnRole[] = ['level1', 'level2', 'level3', 'description', 'target', 'operator', 'unit', 'weight', 'basis'];

export function readIndicatorRows(table: Table, from: number, to: number, columns: ColumnMap): RawIndicator[] {
  const out: RawIndicator[] = [];
  const roles = ROLES.filter((role) => columns.has(role));
  let previous: RawIndicator | null = null;
  for (let r = from; r < to; r++) {
    const gridRow = table.grid[r] ?? [];
    const values: Record<ColumnRole, Located | null> = { level1: null, level2: null, level3: null, description: null, target: null, operator: null, unit: null, weight: null, basis: null };
    let any = false;
    const taken: Cell[] = [];
    for (const role of roles) {
      const cell = gridRow[columns.get(role) as number] ?? null;
      // A cell spanning two role columns belongs to the first of them only.
      if (!cell || cell.text === '' || taken.includes(cell)) continue;
      taken.push(cell);
      values[role] = locatedCell(table, cell);
      any = true;
    }
    if (!any || (values.level3 === null && values.target === null)) continue;
    const level1 = values.level1 ?? previous?.level1 ?? null;
    const sameGroup = previous !== null && level1?.text === previous.level1?.text;
    const level2 = values.level2 ?? (sameGroup ? (previous?.level2 ?? null) : null);
    const row: RawIndicator = {
      ...values,
      level1,
      level2,
      table: table.ordinal,
      row: r + 1,
      page: table.rowPages[r] ?? table.page,
    };
    out.push(row);
    previous = row;
  }
  return out;
}
