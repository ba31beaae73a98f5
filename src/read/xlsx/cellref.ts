/**
 * A1 references: a cell is named by its column letters and its 1-based row (`B7`), a range
 * by two corners (`A1:M3`). Rows and columns here are 1-based, as a sheet counts them.
 */

/** The largest sheet Excel holds: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

export interface CellAddress {
  row: number;
  column: number;
}

export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function rangeName(top: number, left: number, bottom: number, right: number): string {
  return top === bottom && left === right ? cellName(top, left) : `${cellName(top, left)}:${cellName(bottom, right)}`;
}

/** A cell reference (`$` anchors allowed), or null when it is none or lies outside a sheet. */
export function parseCell(ref: string): CellAddress | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(ref.trim());
  if (!m) return null;
  let column = 0;
  for (const c of (m[1] as string).toUpperCase()) column = column * 26 + (c.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return null;
  return { row, column };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const start = parseCell(a ?? '');
  const end = parseCell(b ?? '');
  if (!start || !end) return null;
  return { top: Math.min(start.row, end.row), left: Math.min(start.column, end.column), bottom: Math.max(start.row, end.row), right: Math.max(start.column, end.column) };
}
