/**
 * Tables across pages. A table that ends one page and starts the next with the same
 * outline and columns is one table: a repeated header is dropped, a row cut by the page
 * break is merged back, and the rows are renumbered. Cells are kept with the x of their
 * left and right edges until the end, so page parts that lack a column boundary (a row
 * structure seen on one page only) still line up.
 */
import type { Cell, Table } from '../model.js';
import { joinPieces } from '../text.js';
import { firstWordEms } from './lines.js';
import { POS_TOLERANCE, type PageTable } from './tables.js';

interface LogicalCell {
  row: number;
  rowSpan: number;
  x0: number;
  x1: number;
  text: string;
  page: number;
  /** Room left on the last line of the cell's text (see PageCell.room). */
  room: { left: number; size: number } | null;
  /** The weakest OCR confidence of the cell's text (OCR'd pages only). */
  confidence?: number;
}

export interface LogicalTable {
  xs: number[];
  cells: LogicalCell[];
  rowPages: number[];
  headerRows: number;
  page: number;
  last: PageTable;
}

/** Outer edges may differ by this much between the parts of one table. */
const EDGE_TOLERANCE = 3;
/** Header rows looked for at the top of a continuation. */
const MAX_HEADER_ROWS = 4;

function near(a: number, b: number, tol = POS_TOLERANCE): boolean {
  return Math.abs(a - b) <= tol;
}

function partCells(t: PageTable): LogicalCell[] {
  return t.cells.map((c) => ({
    row: c.row,
    rowSpan: c.rowSpan,
    x0: t.xs[c.column]!,
    x1: t.xs[c.column + c.colSpan]!,
    text: c.text,
    page: c.page,
    room: c.room,
    ...weakestConfidence(c.runs),
  }));
}

function weakestConfidence(runs: readonly { confidence?: number }[]): { confidence?: number } {
  let weakest: number | undefined;
  for (const run of runs) if (run.confidence !== undefined && (weakest === undefined || run.confidence < weakest)) weakest = run.confidence;
  return weakest === undefined ? {} : { confidence: weakest };
}

export function startTable(t: PageTable): LogicalTable {
  return {
    xs: [...t.xs],
    cells: partCells(t),
    rowPages: Array<number>(t.ys.length - 1).fill(t.page),
    headerRows: 0,
    page: t.page,
    last: t,
  };
}

function subset(a: readonly number[], b: readonly number[]): boolean {
  return a.every((x) => b.some((y) => near(x, y)));
}

/** May `next` (first block of the following page) continue `table` (last block of its page)? */
export function continues(table: LogicalTable, next: PageTable): boolean {
  if (next.page !== table.last.page + 1) return false;
  const a = table.xs;
  const b = next.xs;
  if (!near(a[0]!, b[0]!, EDGE_TOLERANCE) || !near(a[a.length - 1]!, b[b.length - 1]!, EDGE_TOLERANCE)) return false;
  return subset(b, a) || subset(a, b);
}

function rowCount(cells: readonly LogicalCell[]): number {
  return cells.reduce((n, c) => Math.max(n, c.row + c.rowSpan), 0);
}

/** Do the first k rows of `part` repeat the first k rows of the table? */
function repeatsHeader(table: LogicalTable, part: readonly LogicalCell[], k: number): boolean {
  const head = table.cells.filter((c) => c.row < k);
  const top = part.filter((c) => c.row < k);
  // A header is closed: none of its cells reaches below it.
  if (head.some((c) => c.row + c.rowSpan > k) || top.some((c) => c.row + c.rowSpan > k)) return false;
  if (head.length !== top.length || head.every((c) => c.text === '')) return false;
  return head.every((h) => top.some((c) => c.row === h.row && near(c.x0, h.x0) && near(c.x1, h.x1) && c.text === h.text));
}

/** The cell covering row `row` at x `x` (its left edge), if any. */
function cellAt(cells: readonly LogicalCell[], row: number, x0: number, x1: number): LogicalCell | undefined {
  const mid = (x0 + x1) / 2;
  return cells.find((c) => c.row <= row && row < c.row + c.rowSpan && c.x0 - POS_TOLERANCE <= mid && mid <= c.x1 + POS_TOLERANCE);
}

/**
 * Columns that hold text in every body row, starting in that row (项目, 三级指标, 指标值 …).
 * Each column's cells are found in one pass over the table (the first cell covering a row
 * is the one cellAt would find), so a table continued over thousands of pages costs time
 * linear in its cells per page, not quadratic.
 */
function keyColumns(table: LogicalTable): { x0: number; x1: number }[] {
  const rows = rowCount(table.cells);
  if (rows <= table.headerRows) return [];
  const out: { x0: number; x1: number }[] = [];
  const covering = Array<LogicalCell | undefined>(rows);
  for (let i = 0; i + 1 < table.xs.length; i++) {
    const x0 = table.xs[i]!;
    const x1 = table.xs[i + 1]!;
    const mid = (x0 + x1) / 2;
    covering.fill(undefined);
    for (const c of table.cells) {
      if (!(c.x0 - POS_TOLERANCE <= mid && mid <= c.x1 + POS_TOLERANCE)) continue;
      for (let r = Math.max(c.row, table.headerRows); r < c.row + c.rowSpan; r++) covering[r] ??= c;
    }
    let key = true;
    for (let r = table.headerRows; r < rows && key; r++) {
      const c = covering[r];
      key = c !== undefined && c.row === r && c.text !== '';
    }
    if (key) out.push({ x0, x1 });
  }
  return out;
}

/** Append the next page's part of the table. */
export function appendPart(table: LogicalTable, next: PageTable): void {
  let part = partCells(next);
  // Union of the column boundaries.
  for (const x of next.xs) if (!table.xs.some((y) => near(x, y))) table.xs.push(x);
  table.xs.sort((p, q) => p - q);

  // A repeated header.
  let k = 0;
  const partRows = next.ys.length - 1;
  const candidates = table.headerRows > 0 ? [table.headerRows] : Array.from({ length: MAX_HEADER_ROWS }, (_, i) => MAX_HEADER_ROWS - i);
  for (const n of candidates) {
    if (n <= partRows && n < rowCount(table.cells) && repeatsHeader(table, part, n)) {
      k = n;
      break;
    }
  }
  if (k > 0) {
    table.headerRows = k;
    part = part.filter((c) => c.row >= k).map((c) => ({ ...c, row: c.row - k }));
  }
  let pageOfRow = Array<number>(partRows - k).fill(next.page);

  // A row cut by the page break.
  const lastRow = rowCount(table.cells) - 1;
  const first = part.filter((c) => c.row === 0);
  let cut = false;
  if (first.length > 0 && lastRow >= table.headerRows) {
    if (table.last.openBottom || (next.openTop && k === 0)) {
      cut = true;
    } else {
      // The rest of a row cut by the page break has empty cells where the text ended on the
      // previous page, and its other cells continue wrapped text. Evidence, in order:
      //  - more than half of the key columns (never empty in a body row) are empty;
      //  - some key column is empty (or, in a table without key columns, some cell is empty
      //    under text) and every text in the row reads as the wrapped continuation of the
      //    text above it: the first unbreakable piece would not have fitted on that line.
      // A real row at the top of a continuation has at most its merged 一级/二级 cells blank
      // and short texts (`≥20次`) that would have fitted on the line above.
      const keys = keyColumns(table);
      const firstHasText = first.some((c) => c.text !== '');
      const empty = keys.filter((col) => (cellAt(part, 0, col.x0, col.x1)?.text ?? '') === '').length;
      const emptyUnderText = first.some((c) => c.text === '' && (cellAt(table.cells, lastRow, c.x0, c.x1)?.text ?? '') !== '');
      const wrapped = first
        .filter((c) => c.text !== '')
        .every((c) => {
          const above = cellAt(table.cells, lastRow, c.x0, c.x1);
          return above !== undefined && above.text !== '' && above.room !== null && above.room.left < firstWordEms(c.text) * above.room.size;
        });
      const someEmpty = keys.length > 0 ? empty > 0 : emptyUnderText;
      cut = firstHasText && ((keys.length > 0 && empty * 2 > keys.length) || (someEmpty && wrapped));
    }
  }
  let offset = lastRow + 1;
  if (cut) {
    for (const f of first) {
      const target = cellAt(table.cells, lastRow, f.x0, f.x1);
      if (!target) {
        table.cells.push({ ...f, row: lastRow });
        continue;
      }
      if (f.text !== '') {
        if (target.text === '') target.page = f.page;
        target.text = joinPieces([target.text, f.text]);
        if (f.confidence !== undefined) target.confidence = Math.min(target.confidence ?? 1, f.confidence);
        target.room = f.room;
      }
      if (f.rowSpan > 1) {
        const fits = near(target.x0, f.x0) && near(target.x1, f.x1) && target.row + target.rowSpan - 1 === lastRow;
        if (fits) target.rowSpan += f.rowSpan - 1;
        else table.cells.push({ ...f, row: lastRow + 1, rowSpan: f.rowSpan - 1, text: '', room: null });
      }
    }
    part = part.filter((c) => c.row > 0);
    offset = lastRow;
    pageOfRow = pageOfRow.slice(1);
  }
  for (const c of part) table.cells.push({ ...c, row: c.row + offset });
  table.rowPages.push(...pageOfRow);
  table.last = next;
}

/** The final Table block. */
export function finishTable(table: LogicalTable, ordinal: number): Table {
  const xs = table.xs;
  const index = (x: number): number => {
    let best = 0;
    for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
    return best;
  };
  const rows = rowCount(table.cells);
  const columns = xs.length - 1;
  const grid: (Cell | null)[][] = Array.from({ length: rows }, () => Array<Cell | null>(columns).fill(null));
  const cells: Cell[] = [];
  const sorted = [...table.cells].sort((a, b) => a.row - b.row || a.x0 - b.x0);
  for (const lc of sorted) {
    const c0 = index(lc.x0);
    const c1 = Math.max(index(lc.x1), c0 + 1);
    const cell: Cell = {
      row: lc.row,
      column: c0,
      rowSpan: lc.rowSpan,
      colSpan: c1 - c0,
      text: lc.text,
      page: lc.page,
      nested: [],
      ...(lc.confidence !== undefined ? { confidence: lc.confidence } : {}),
    };
    let placed = false;
    for (let r = lc.row; r < lc.row + lc.rowSpan && r < rows; r++) {
      for (let c = c0; c < c1 && c < columns; c++) {
        if (grid[r]![c] === null) {
          grid[r]![c] = cell;
          placed = true;
        }
      }
    }
    if (placed) cells.push(cell);
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return {
    kind: 'table',
    ordinal,
    rowCount: rows,
    columnCount: columns,
    grid,
    cells,
    headerRows: table.headerRows,
    page: table.page,
    rowPages: table.rowPages.slice(0, rows),
    parent: null,
  };
}
