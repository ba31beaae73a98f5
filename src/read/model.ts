/**
 * The document model every reader produces and every recognizer consumes: an ordered
 * stream of blocks, paragraphs and tables, in reading order. A .docx and its PDF export
 * should give the same stream, apart from page numbers.
 *
 * Tables are rectangular grids. Every grid position a merged cell covers points at that
 * cell's origin, so a value under a vertical merge is found by looking at any row it spans.
 * Grid rows and columns are 0-based here; diagnostics report them 1-based.
 *
 * A workbook's blocks also say where in it they stand: the sheet, and the A1 reference of
 * each cell and paragraph in that sheet (a sheet's rows and columns are not the table's: a
 * title above the table, hidden rows and columns, a second table lower down).
 */
import type { SourceFormat } from './sniff.js';

export interface ListInfo {
  /** 0-based list level (w:ilvl). */
  level: number;
  /** The visible label, e.g. `1.` or `（二）`, when the numbering format is simple; else null. */
  label: string | null;
}

export interface Paragraph {
  kind: 'paragraph';
  /** 1-based ordinal among the file's paragraphs (outside tables). */
  index: number;
  /** Visible text, list label excluded, white space cleaned by the CJK joining rule. */
  text: string;
  list: ListInfo | null;
  /** Outline level (0 = 标题 1) when the paragraph is a heading, else null. */
  heading: number | null;
  /** Where the text comes from: the body, or a text box anchored in the body. */
  origin: 'body' | 'textbox';
  /** 1-based page (PDF); null for .docx. */
  page: number | null;
  /** The sheet the paragraph stands in (.xlsx: a title or note row above or below a table). */
  sheet?: string;
  /** The A1 reference of the cell that holds it, e.g. `A1`. */
  ref?: string;
}

export interface Cell {
  /** Grid origin, 0-based. */
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  /** Visible text: paragraphs and runs joined by the CJK rule, list labels included. */
  text: string;
  /** 1-based page where the cell's text starts (PDF); null for .docx. */
  page: number | null;
  /** Ordinals of tables nested inside this cell. */
  nested: number[];
  /** For text read by OCR: the weakest character probability of the cell's text (0–1). */
  confidence?: number;
  /** .xlsx: the A1 reference of the cell in its sheet (of a merged range, its top-left cell). */
  ref?: string;
}

export interface Table {
  kind: 'table';
  /** 1-based ordinal in the file, in document order (a nested table follows its parent). */
  ordinal: number;
  rowCount: number;
  columnCount: number;
  /** grid[row][column]: the origin cell covering that position, or null where no cell stands. */
  grid: (Cell | null)[][];
  /** Origin cells in row-major order. */
  cells: Cell[];
  /** Rows at the top marked as repeating header rows. */
  headerRows: number;
  /** 1-based page where the table starts (PDF); null for .docx. */
  page: number | null;
  /** 1-based page of each row (PDF, a table may cross pages); empty for .docx. */
  rowPages: number[];
  /** The cell this table is nested in, if any. */
  parent: { table: number; row: number; column: number } | null;
  /** .xlsx: the sheet the table stands in. */
  sheet?: string;
  /** .xlsx: the sheet's 1-based row of each grid row (hidden rows are not in the grid). */
  sheetRows?: number[];
  /** .xlsx: the sheet's 1-based column of each grid column. */
  sheetColumns?: number[];
}

export type Block = Paragraph | Table;

export interface DocumentModel {
  /** What the bytes were (a legacy file converted by LibreOffice keeps its own format here). */
  format: SourceFormat;
  blocks: Block[];
  pageCount: number | null;
  /** 1-based pages read by OCR, when any were. */
  ocrPages?: number[];
  /** Set when the bytes were converted by another program before they were read. */
  convertedBy?: 'libreoffice';
}

/** The distinct origin cells of one row, left to right. */
export function rowCells(table: Table, row: number): Cell[] {
  const out: Cell[] = [];
  for (const cell of table.grid[row] ?? []) {
    if (cell && out[out.length - 1] !== cell) out.push(cell);
  }
  return out;
}
