import type { Cell, Table } from '../../src/read/model.js';

/** A table of 1×1 cells from rows of texts, for recognizer tests that need no file. */
export function tableOf(rows: readonly (readonly string[])[], ordinal = 1): Table {
  const columnCount = Math.max(...rows.map((r) => r.length));
  const grid: (Cell | null)[][] = rows.map((texts, row) =>
    Array.from({ length: columnCount }, (_, column) =>
      column < texts.length ? { row, column, rowSpan: 1, colSpan: 1, text: texts[column] as string, page: null, nested: [] } : null,
    ),
  );
  return {
    kind: 'table',
    ordinal,
    rowCount: rows.length,
    columnCount,
    grid,
    cells: grid.flat().filter((c): c is Cell => c !== null),
    headerRows: 0,
    page: null,
    rowPages: [],
    parent: null,
  };
}
