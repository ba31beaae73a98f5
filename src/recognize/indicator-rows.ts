/**
 * Indicator rows: the data rows of an indicator block read through the column map found
 * in its header row (readIndicatorRows), and the 一级/二级 levels they carry over
 * (inheritLevels). 一级/二级 cells are often merged over several rows, or left blank under
 * the first row of a group (a visual merge, or a merge lost at a PDF page break, or a
 * group that continues in the next table): a blank one takes the value above. Rows with
 * neither 三级指标 nor 指标值 are placeholders: they still name the group for the rows
 * below them, but are not indicators themselves.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Cell, Table } from '../read/model.js';
import { locatedCell, type Located, type RawIndicator } from './records.js';
import type { ColumnRole } from './template.js';

/** Indicator role → the grid column of its header cell. */
export type ColumnMap = Map<ColumnRole, number>;

const ROLES: readonly Exclude<ColumnRole, 'indicatorLabel'>[] = [
  'level1', 'level2', 'level3', 'description', 'target', 'operator', 'unit', 'weight', 'basis', 'notes', 'scoringRule', 'targetText', 'core', 'activity',
  'actual', 'score', 'deviation',
];

/** An indicator with every field blank, at a row. */
export function blankIndicator(table: number, row: number, page: number | null): RawIndicator {
  return {
    level1: null, level2: null, level3: null, description: null, target: null, operator: null, unit: null, weight: null, basis: null,
    notes: null, scoringRule: null, targetText: null, core: null, activity: null, midTerm: null, actual: null, score: null, deviation: null,
    levelled: true, table, row, page,
  };
}

/** One row of the block as printed, or null when none of its indicator columns holds text. */
export function readIndicatorRow(table: Table, r: number, columns: ColumnMap): RawIndicator | null {
  const gridRow = table.grid[r] ?? [];
  const out = blankIndicator(table.ordinal, r + 1, table.rowPages[r] ?? table.page);
  out.levelled = columns.has('level1');
  let any = false;
  const taken: Cell[] = [];
  for (const role of ROLES) {
    const column = columns.get(role);
    if (column === undefined) continue;
    const cell = gridRow[column] ?? null;
    // A cell spanning two role columns belongs to the first of them only.
    if (!cell || cell.text === '' || taken.includes(cell)) continue;
    taken.push(cell);
    out[role] = locatedCell(table, cell);
    any = true;
  }
  return any ? out : null;
}

/** Every row of the block that holds any text, as printed: no levels inherited yet. */
export function readIndicatorRows(table: Table, from: number, to: number, columns: ColumnMap): RawIndicator[] {
  const out: RawIndicator[] = [];
  for (let r = from; r < to; r++) {
    const row = readIndicatorRow(table, r, columns);
    if (row) out.push(row);
  }
  return out;
}

/** The levels in force after a row: what a blank 一级/二级 below it means. */
export interface Levels {
  level1: Located | null;
  level2: Located | null;
}

export const NO_LEVELS: Levels = { level1: null, level2: null };

/**
 * Fill blank levels from the rows above (starting from `carried`, the levels at the end of
 * the project's previous indicator table, if any) and drop placeholder rows, saying so
 * when one held text.
 */
export function inheritLevels(rows: readonly RawIndicator[], carried: Levels, project: string | null): { rows: RawIndicator[]; levels: Levels; messages: Diagnostic[] } {
  const out: RawIndicator[] = [];
  const messages: Diagnostic[] = [];
  let levels = carried;
  for (const row of rows) {
    const level1 = row.level1 ?? levels.level1;
    const sameGroup = levels.level1 !== null && level1?.text === levels.level1.text;
    const level2 = row.level2 ?? (sameGroup ? levels.level2 : null);
    levels = { level1, level2 };
    const at = { project, page: row.page, table: row.table, row: row.row };
    if (isPlaceholder(row.level3) && isPlaceholder(row.target)) {
      const other = [row.description, row.basis, row.operator, row.unit, row.weight, row.notes, row.targetText].find((l) => l !== null && l.text.trim() !== '');
      if (other) messages.push(diagnostic('INDICATOR_ROW_SKIPPED', `indicator row ${row.row} has 「${other.text}」 but neither 三级指标 nor 指标值; skipped`, at));
      continue;
    }
    if (level1 === null && row.levelled) messages.push(diagnostic('INDICATOR_LEVEL_UNKNOWN', `indicator row ${row.row} has no 一级指标 and none above it`, at));
    out.push({ ...row, level1, level2 });
  }
  return { rows: out, levels, messages };
}

/** A blank cell, or one holding only a "none" mark (`无`, `/`, `-`): template rows print these. */
function isPlaceholder(cell: Located | null): boolean {
  return cell === null || /^[\s无/／\-—－]*$/u.test(cell.text);
}
