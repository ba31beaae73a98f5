/**
 * A sheet's cells → blocks, as a .docx of the same disclosure gives them. A sheet is read
 * top to bottom in regions: runs of rows that hold text, separated by blank rows (hidden
 * rows separate nothing: Excel shows the rows around them together). In each region the
 * rows at the top and at the bottom that hold one cell of text and no other cell or merged
 * range (a title merged across the width or not, `731001唐山市路南区科学技术协会本级`,
 * `单位：万元`, a note) are paragraphs; the rows between are a table, whose grid spans the
 * columns its rows use. Inside, a row of one text cell is a paragraph between two tables
 * only when nothing else stands in the row, not even a formatted blank: a sheet of stacked
 * project tables prints each project's title and unit between them, while a table's row
 * that holds one label keeps its bordered blank cells beside it, and stays in the table.
 *
 * Merged ranges become spans: every grid position a range covers points at its origin cell,
 * as in a .docx. Text that Excel does not show is not read, and is reported: a cell covered
 * by another's merged range, cells of hidden rows and columns. A range that overlaps one read
 * before it (a damaged file, which Excel repairs on opening) is ignored and reported.
 */
import { InputError } from '../errors.js';
import type { Block, Cell, Paragraph, Table } from '../model.js';
import { cellName, columnLetters, rangeName, type CellRange } from './cellref.js';
import type { SheetCell, SheetData } from './sheet.js';
import { sheetLabel } from './workbook.js';

export interface BlockCounters {
  paragraphs: number;
  tables: number;
}

export interface GridPlace {
  table: number;
  /** 1-based row and column in the table. */
  row: number;
  column: number;
}

export interface SheetLayout {
  blocks: Block[];
  /** Text in hidden rows and columns, not read. */
  hidden: { rows: number[]; columns: number[]; cells: number; first: SheetCell | null };
  /** Cells covered by another cell's merged range that hold text. */
  covered: SheetCell[];
  /** Cells the sheet holds twice at one position (a damaged or hand-written file): the first is read. */
  duplicates: SheetCell[];
  /** Merged ranges not applied, and why. */
  ignoredMerges: { ref: string; why: string }[];
  /** Where a sheet cell stands in a table, or null when it is in none. */
  place(row: number, column: number): GridPlace | null;
}

interface Merge {
  range: CellRange;
  text: string;
  /** The range's rows and columns that are not hidden. */
  rows: number[];
  columns: number[];
}

/** What a row holds: a cell of its own, or a merged range over it. */
type Item = SheetCell | Merge;

function isMerge(item: Item): item is Merge {
  return 'range' in item;
}

/** A value per sheet position, kept row by row (row and column stay small integers as keys: a
 * key computed from both would be a heap number, one allocation per cell of a large sheet). */
class Positions<T> {
  private readonly rows = new Map<number, Map<number, T>>();

  set(row: number, column: number, value: T): void {
    let line = this.rows.get(row);
    if (!line) this.rows.set(row, (line = new Map()));
    line.set(column, value);
  }

  get(row: number, column: number): T | undefined {
    return this.rows.get(row)?.get(column);
  }
}

function visibleBetween(from: number, to: number, hidden: ReadonlySet<number>, budget: { left: number }, label: string): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) {
    if (hidden.has(n)) continue;
    if (--budget.left < 0) throw new InputError('too-complex', `sheet ${label}: its merged ranges cover too many cells to read; not read`);
    out.push(n);
  }
  return out;
}

export function layOutSheet(data: SheetData, counters: BlockCounters, maxGridCells: number): SheetLayout {
  const label = sheetLabel(data.name);
  const hiddenColumns = new Set<number>();
  // Ranges in order, each column added once however many <col> elements repeat it.
  let reached = 0;
  for (const [min, max] of [...data.hiddenColumns].sort((a, b) => a[0] - b[0])) {
    for (let c = Math.max(min, reached + 1); c <= max; c++) hiddenColumns.add(c);
    reached = Math.max(reached, max);
  }
  const hiddenRows = data.hiddenRows;
  // The text of each range's top-left cell.
  const originText = new Positions<string>();
  for (const range of data.merges) originText.set(range.top, range.left, '');
  for (const cell of data.cells) if (originText.get(cell.row, cell.column) !== undefined) originText.set(cell.row, cell.column, cell.text);

  // Merged ranges: the origin's text, the rows and columns they show.
  const budget = { left: maxGridCells };
  const merges: Merge[] = [];
  const mergesOfRow = new Map<number, Merge[]>();
  const origins = new Positions<Merge>();
  const ignoredMerges: SheetLayout['ignoredMerges'] = data.badMerges.map((ref) => ({ ref, why: 'it is not a cell range' }));
  for (const range of [...data.merges].sort((a, b) => a.top - b.top || a.left - b.left)) {
    const rows = visibleBetween(range.top, range.bottom, hiddenRows, budget, label);
    const columns = visibleBetween(range.left, range.right, hiddenColumns, budget, label);
    const merge: Merge = { range, text: originText.get(range.top, range.left) ?? '', rows, columns };
    if (rows.length === 0 || columns.length === 0) continue; // wholly hidden
    const clash = findOverlap(mergesOfRow, merge);
    if (clash) {
      ignoredMerges.push({ ref: rangeName(range.top, range.left, range.bottom, range.right), why: `it overlaps ${rangeName(clash.range.top, clash.range.left, clash.range.bottom, clash.range.right)}` });
      continue;
    }
    merges.push(merge);
    origins.set(range.top, range.left, merge);
    for (const r of rows) {
      const list = mergesOfRow.get(r);
      if (list) list.push(merge);
      else mergesOfRow.set(r, [merge]);
    }
  }
  const coveringMerge = (row: number, column: number): Merge | undefined => mergesOfRow.get(row)?.find((m) => column >= m.range.left && column <= m.range.right);

  // Cells: shown, hidden, or covered by a merge; what each shown row holds.
  const hidden: SheetLayout['hidden'] = { rows: [], columns: [], cells: 0, first: null };
  const hiddenRowsWithText = new Set<number>();
  const hiddenColumnsWithText = new Set<number>();
  const covered: SheetCell[] = [];
  const duplicates: SheetCell[] = [];
  const itemsOfRow = new Map<number, Item[]>();
  const addItem = (row: number, item: Item): void => {
    const list = itemsOfRow.get(row);
    if (list) list.push(item);
    else itemsOfRow.set(row, [item]);
  };
  for (const cell of data.cells) {
    // A merged range's text shows wherever the range does, even when its first row is hidden.
    if (origins.get(cell.row, cell.column)) continue;
    const rowHidden = hiddenRows.has(cell.row);
    const columnHidden = hiddenColumns.has(cell.column);
    if (rowHidden || columnHidden) {
      hidden.cells++;
      hidden.first ??= cell;
      if (rowHidden) hiddenRowsWithText.add(cell.row);
      if (columnHidden) hiddenColumnsWithText.add(cell.column);
      continue;
    }
    if (coveringMerge(cell.row, cell.column)) {
      covered.push(cell);
      continue;
    }
    addItem(cell.row, cell);
  }
  hidden.rows = [...hiddenRowsWithText].sort((a, b) => a - b);
  hidden.columns = [...hiddenColumnsWithText].sort((a, b) => a - b);
  for (const merge of merges) for (const row of merge.rows) addItem(row, merge);
  const occupied = [...itemsOfRow.keys()].filter((row) => (itemsOfRow.get(row) as Item[]).some(holdsText)).sort((a, b) => a - b);

  const blocks: Block[] = [];
  const tables: { table: Table; rowIndex: Map<number, number>; columnIndex: Map<number, number> }[] = [];
  const emit = (rows: readonly number[]): void => {
    const built = buildTable(rows, itemsOfRow, hiddenColumns, data.name, ++counters.tables, maxGridCells, ignoredMerges, duplicates);
    blocks.push(built.table);
    tables.push(built);
  };
  for (const region of regionsOf(occupied, hiddenRows)) {
    const texts = region.map((row) => textItem(itemsOfRow.get(row) as Item[]));
    let first = 0;
    while (first < region.length && texts[first]) first++;
    let last = region.length - 1;
    while (last >= first && texts[last]) last--;
    for (let i = 0; i < first; i++) blocks.push(paragraph(texts[i] as Item, data.name, ++counters.paragraphs));
    // Between the first and the last table row, a text row with no other cell beside it (no
    // formatted blank either) stands between two tables: a project's title and unit above the
    // next project's table, a 「（续表）」.
    let run: number[] = [];
    for (let i = first; i <= last; i++) {
      const row = region[i] as number;
      const item = texts[i];
      if (item && aloneInRow(item, data.blankCells.get(row))) {
        if (run.length > 0) emit(run);
        run = [];
        blocks.push(paragraph(item, data.name, ++counters.paragraphs));
      } else run.push(row);
    }
    if (run.length > 0) emit(run);
    for (let i = Math.max(first, last + 1); i < region.length; i++) blocks.push(paragraph(texts[i] as Item, data.name, ++counters.paragraphs));
  }

  return {
    blocks,
    hidden,
    covered,
    duplicates,
    ignoredMerges,
    place(row, column) {
      for (const { table, rowIndex, columnIndex } of tables) {
        const r = rowIndex.get(row);
        const c = columnIndex.get(column);
        if (r !== undefined && c !== undefined) return { table: table.ordinal, row: r + 1, column: c + 1 };
      }
      return null;
    },
  };
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** An earlier range overlapping this one in any of its rows. */
function findOverlap(mergesOfRow: ReadonlyMap<number, Merge[]>, merge: Merge): Merge | undefined {
  for (const row of merge.rows) {
    const clash = mergesOfRow.get(row)?.find((m) => overlaps(m.range, merge.range));
    if (clash) return clash;
  }
  return undefined;
}

function holdsText(item: Item): boolean {
  return item.text !== '';
}

/** The one item of a row that holds a single cell of text and no other cell or range, else null. */
function textItem(items: readonly Item[]): Item | null {
  if (items.length !== 1) return null;
  const item = items[0] as Item;
  if (!holdsText(item)) return null;
  if (isMerge(item) && item.rows.length > 1) return null;
  return item;
}

/** Whether a row's blank cells (formatted, bordered) all lie under its one item. */
function aloneInRow(item: Item, blanks: { min: number; max: number } | undefined): boolean {
  if (!blanks) return true;
  const [left, right] = isMerge(item) ? [item.range.left, item.range.right] : [item.column, item.column];
  return blanks.min >= left && blanks.max <= right;
}

/** Runs of rows holding text, each run broken only by hidden rows. */
function regionsOf(rows: readonly number[], hiddenRows: ReadonlySet<number>): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (const row of rows) {
    const previous = current[current.length - 1];
    if (previous !== undefined) {
      let gap = previous + 1;
      while (gap < row && hiddenRows.has(gap)) gap++;
      if (gap < row) {
        out.push(current);
        current = [];
      }
    }
    current.push(row);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function paragraph(item: Item, sheet: string, index: number): Paragraph {
  const ref = isMerge(item) ? cellName(item.range.top, item.range.left) : cellName(item.row, item.column);
  return { kind: 'paragraph', index, text: item.text, list: null, heading: null, origin: 'body', page: null, sheet, ref };
}

function buildTable(
  rows: readonly number[],
  itemsOfRow: ReadonlyMap<number, Item[]>,
  hiddenColumns: ReadonlySet<number>,
  sheet: string,
  ordinal: number,
  maxGridCells: number,
  ignoredMerges: SheetLayout['ignoredMerges'],
  duplicates: SheetCell[],
): { table: Table; rowIndex: Map<number, number>; columnIndex: Map<number, number> } {
  let left = Infinity;
  let right = -Infinity;
  for (const row of rows) {
    for (const item of itemsOfRow.get(row) ?? []) {
      if (isMerge(item)) {
        left = Math.min(left, item.columns[0] as number);
        right = Math.max(right, item.columns[item.columns.length - 1] as number);
      } else {
        left = Math.min(left, item.column);
        right = Math.max(right, item.column);
      }
    }
  }
  const columns: number[] = [];
  for (let c = left; c <= right; c++) if (!hiddenColumns.has(c)) columns.push(c);
  if (rows.length * columns.length > maxGridCells) {
    throw new InputError('too-complex', `sheet ${sheetLabel(sheet)}: a table of ${rows.length} rows × ${columns.length} columns (${rangeName(rows[0] as number, left, rows[rows.length - 1] as number, right)}) exceeds the limit of ${maxGridCells} cells; not read`);
  }
  const rowIndex = new Map(rows.map((row, i) => [row, i]));
  const columnIndex = new Map(columns.map((column, i) => [column, i]));
  const letters = columns.map(columnLetters);
  const grid: (Cell | null)[][] = rows.map(() => new Array<Cell | null>(columns.length).fill(null));
  const placed = new Set<Merge>();
  for (const row of rows) {
    for (const item of itemsOfRow.get(row) ?? []) {
      if (!isMerge(item)) {
        const r = rowIndex.get(row) as number;
        const c = columnIndex.get(item.column) as number;
        if (grid[r]?.[c] !== null) {
          duplicates.push(item);
          continue;
        }
        (grid[r] as (Cell | null)[])[c] = { row: r, column: c, rowSpan: 1, colSpan: 1, text: item.text, page: null, nested: [], ref: `${letters[c]}${item.row}` };
        continue;
      }
      const merge = item;
      if (placed.has(merge)) continue;
      placed.add(merge);
      // The range's rows inside this table (an empty range may reach past it, into blank rows).
      const inRows = merge.rows.filter((r) => rowIndex.has(r)).map((r) => rowIndex.get(r) as number);
      const inColumns = merge.columns.map((c) => columnIndex.get(c) as number);
      const top = inRows[0] as number;
      const origin: Cell = {
        row: top,
        column: inColumns[0] as number,
        rowSpan: inRows.length,
        colSpan: inColumns.length,
        text: merge.text,
        page: null,
        nested: [],
        ref: cellName(merge.range.top, merge.range.left),
      };
      if (inRows.some((r) => inColumns.some((c) => grid[r]?.[c] !== null))) {
        ignoredMerges.push({ ref: rangeName(merge.range.top, merge.range.left, merge.range.bottom, merge.range.right), why: 'it overlaps a cell read before it' });
        continue;
      }
      for (const r of inRows) for (const c of inColumns) (grid[r] as (Cell | null)[])[c] = origin;
    }
  }
  // Positions nothing covers are empty cells, as a .docx table has them.
  for (let r = 0; r < rows.length; r++) {
    const line = grid[r] as (Cell | null)[];
    for (let c = 0; c < columns.length; c++) {
      if (line[c] === null) line[c] = { row: r, column: c, rowSpan: 1, colSpan: 1, text: '', page: null, nested: [], ref: `${letters[c]}${rows[r]}` };
    }
  }
  const cells: Cell[] = [];
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      const cell = grid[r]?.[c] as Cell;
      if (cell.row === r && cell.column === c) cells.push(cell);
    }
  }
  return {
    table: {
      kind: 'table',
      ordinal,
      rowCount: rows.length,
      columnCount: columns.length,
      grid,
      cells,
      headerRows: 0,
      page: null,
      rowPages: [],
      parent: null,
      sheet,
      sheetRows: [...rows],
      sheetColumns: columns,
    },
    rowIndex,
    columnIndex,
  };
}
