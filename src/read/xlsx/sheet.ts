/**
 * One worksheet part → its cells as shown, its merged ranges, its hidden rows and columns,
 * and what could not be read (cell by cell, with the cell's reference). A cell shows:
 *
 *   type s          the shared string at its index
 *   type inlineStr  its `<is>` text
 *   type str        the string its formula computed (`<v>`)
 *   type b          TRUE or FALSE
 *   type e          the error it shows (`#DIV/0!`), as text
 *   type d          an ISO date, shown in the cell's date format
 *   type n (none)   its number, shown in the cell's number format (numfmt.ts)
 *
 * A formula's text is its cached value, which the program that saved the file computed; a
 * formula with no cached value (a workbook written by a library that does not calculate)
 * shows nothing yusuan can know: it is left empty and reported as a loss. Rows and columns
 * without an `r` follow the one before, as the format allows.
 */
import { joinPieces } from '../text.js';
import { InputError } from '../errors.js';
import { MAX_COLUMN, MAX_ROW, parseCell, parseRange, type CellRange } from './cellref.js';
import { isoSerial } from './dates.js';
import { parseDecimal } from './decimal.js';
import { formatNumber, formatString, generalText, isDateFormat } from './numfmt.js';
import { mapSymbolFont, StringItem } from './strings.js';
import type { Styles } from './styles.js';
import { MAIN_NAMESPACES, scanXml } from './xml.js';
import { sheetLabel } from './workbook.js';

export interface SheetCell {
  row: number;
  column: number;
  text: string;
}

export type CellProblem =
  | { kind: 'formula-without-value'; formula: string }
  | { kind: 'unreadable'; why: string }
  | { kind: 'too-long'; text: string };

export interface CellNote {
  row: number;
  column: number;
  problem: CellProblem;
}

/** Cells whose format is not rendered, per format code: how many, and the first. */
export interface UnsupportedFormat {
  code: string;
  why: string;
  count: number;
  first: { row: number; column: number; text: string };
}

export interface SheetData {
  name: string;
  /** Non-empty cells in document order. */
  cells: SheetCell[];
  merges: CellRange[];
  /** Merged ranges whose reference could not be read. */
  badMerges: string[];
  hiddenRows: Set<number>;
  /**
   * Per row, the first and last column of cells that show nothing but are there: formatted
   * blanks (a table's bordered empty cells), formulas without a value, unreadable cells. A
   * title between two tables has none beside it; a table's row with one label has them.
   */
  blankCells: Map<number, { min: number; max: number }>;
  /** Hidden columns as inclusive ranges (`<col min max hidden>`). */
  hiddenColumns: [number, number][];
  notes: CellNote[];
  unsupportedFormats: UnsupportedFormat[];
}

export interface SheetReadContext {
  styles: Styles;
  sharedStrings: readonly string[];
  date1904: boolean;
  /** Non-empty cells the workbook may still hold (shared by its sheets). */
  cellBudget: { left: number; limit: number };
  maxCellElements: number;
}

const TRUE_VALUES = new Set(['1', 'true']);

function isOn(value: string | undefined): boolean {
  return value !== undefined && TRUE_VALUES.has(value);
}

/** A cell's lines (Alt+Enter breaks) joined as the .docx reader joins a cell's paragraphs. */
function shownText(raw: string): string {
  if (!SPACE.test(raw)) return raw; // most cells: nothing to join or collapse
  return joinPieces(raw.split(/\r\n|\r|\n/u));
}

/** What collapseSpace and joinPieces act on (src/read/text.ts). */
const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/u;

interface OpenCell {
  row: number;
  column: number;
  type: string;
  style: number;
  value: string | null;
  formula: string | null;
  inline: StringItem | null;
  /** It has a cell format of its own (`s`), as a bordered blank has. */
  styled: boolean;
}

export function readSheet(bytes: Uint8Array, partName: string, name: string, context: SheetReadContext): SheetData {
  const data: SheetData = { name, cells: [], merges: [], badMerges: [], hiddenRows: new Set(), blankCells: new Map(), hiddenColumns: [], notes: [], unsupportedFormats: [] };
  const unsupported = new Map<string, UnsupportedFormat>();
  let row = 0;
  let column = 0;
  let cell: OpenCell | null = null;
  let cellDepth = -1;
  let inlineDepth = -1;
  let capture: 'v' | 'f' | null = null;
  let elements = 0;
  const label = sheetLabel(name);

  const note = (at: { row: number; column: number }, problem: CellProblem): void => {
    data.notes.push({ row: at.row, column: at.column, problem });
  };

  const blank = (c: OpenCell): void => {
    const known = data.blankCells.get(c.row);
    if (!known) data.blankCells.set(c.row, { min: c.column, max: c.column });
    else {
      known.min = Math.min(known.min, c.column);
      known.max = Math.max(known.max, c.column);
    }
  };

  const finish = (c: OpenCell): void => {
    if (!finishCell(c) && (c.styled || c.formula !== null || c.value !== null)) blank(c);
  };

  /** Whether the cell shows text (and was kept). */
  const finishCell = (c: OpenCell): boolean => {
    const style = context.styles.style(c.style);
    const format = style?.format ?? null;
    let raw: string;
    if (c.formula !== null && (c.value === null || (c.value === '' && c.type !== 'str' && c.type !== 'inlineStr'))) {
      note(c, { kind: 'formula-without-value', formula: c.formula });
      return false;
    }
    switch (c.type) {
      case 's': {
        const index = c.value === null || c.value.trim() === '' ? Number.NaN : Number(c.value);
        const text = Number.isInteger(index) && index >= 0 ? context.sharedStrings[index] : undefined;
        if (text === undefined) {
          note(c, { kind: 'unreadable', why: `it refers to shared string ${c.value?.trim() ? c.value : '(none)'}, and the workbook holds ${context.sharedStrings.length}` });
          return false;
        }
        raw = format ? formatString(text, format) : text;
        break;
      }
      case 'inlineStr':
        raw = c.inline?.result() ?? c.value ?? '';
        if (format) raw = formatString(raw, format);
        break;
      case 'str':
        raw = format ? formatString(c.value ?? '', format) : (c.value ?? '');
        break;
      case 'b':
        if (c.value !== '0' && c.value !== '1') {
          note(c, { kind: 'unreadable', why: `a boolean cell holds ${JSON.stringify(c.value)}` });
          return false;
        }
        raw = c.value === '1' ? 'TRUE' : 'FALSE';
        break;
      case 'e':
        raw = c.value ?? '';
        break;
      case 'n':
      case 'd': {
        if (c.value === null || c.value === '') return false; // a formatted, empty cell
        // A date stored as ISO text (type d) in a format that is no date's: the ISO text.
        if (c.type === 'd' && !(format && isDateFormat(format))) {
          raw = c.value;
          break;
        }
        const serial = c.type === 'd' ? isoSerial(c.value, context.date1904) : null;
        const value = c.type === 'd' ? (serial === null ? null : parseDecimal(String(serial))) : parseDecimal(c.value);
        if (value === null) {
          note(c, { kind: 'unreadable', why: `a ${c.type === 'd' ? 'date' : 'number'} cell holds ${JSON.stringify(c.value.slice(0, 40))}` });
          return false;
        }
        if (!format) {
          raw = generalText(value);
          recordUnsupported(c, `(style ${c.style})`, `cell style ${c.style}, which the workbook does not define`, raw);
          break;
        }
        const shown = formatNumber(value, format, context.date1904);
        raw = shown.text;
        if (shown.unsupported !== undefined) recordUnsupported(c, format.code, shown.unsupported, raw);
        if (shown.tooLong) note(c, { kind: 'too-long', text: raw });
        break;
      }
      default:
        note(c, { kind: 'unreadable', why: `its type ${JSON.stringify(c.type)} is not a SpreadsheetML cell type` });
        return false;
    }
    const text = shownText(mapSymbolFont(raw, style?.font ?? null));
    if (text === '') return false;
    if (--context.cellBudget.left < 0) {
      throw new InputError('too-complex', `the workbook holds more than ${context.cellBudget.limit} non-empty cells (sheet ${label} reaches the limit); not read`);
    }
    data.cells.push({ row: c.row, column: c.column, text });
    return true;
  };

  const recordUnsupported = (c: OpenCell, code: string, why: string, text: string): void => {
    const known = unsupported.get(code);
    if (known) known.count++;
    else unsupported.set(code, { code, why, count: 1, first: { row: c.row, column: c.column, text } });
  };

  scanXml(bytes, partName, {
    open(el, depth) {
      if (cell) {
        if (inlineDepth >= 0) {
          cell.inline?.open(el, depth);
          return;
        }
        if (!MAIN_NAMESPACES.has(el.namespace)) return;
        if (el.local === 'v') {
          capture = 'v';
          cell.value = '';
        } else if (el.local === 'f') {
          capture = 'f';
          cell.formula = '';
        } else if (el.local === 'is') {
          cell.inline = new StringItem();
          inlineDepth = depth;
        }
        return;
      }
      if (!MAIN_NAMESPACES.has(el.namespace)) return;
      switch (el.local) {
        case 'row': {
          const r = Number.parseInt(el.attr('r') ?? '', 10);
          row = Number.isInteger(r) && r >= 1 ? r : row + 1;
          if (row > MAX_ROW) throw new InputError('corrupt', `sheet ${label} has a row ${row}, beyond the ${MAX_ROW} rows a sheet can hold; not read`);
          column = 0;
          if (isOn(el.attr('hidden'))) data.hiddenRows.add(row);
          break;
        }
        case 'c': {
          if (++elements > context.maxCellElements) throw new InputError('too-complex', `sheet ${label} holds more than ${context.maxCellElements} cell elements; not read`);
          const ref = el.attr('r');
          const at = ref === undefined ? null : parseCell(ref);
          if (at) {
            // A cell outside its row element: trust the cell's own reference.
            row = at.row;
            column = at.column;
          } else column++;
          if (row === 0) row = 1;
          if (column > MAX_COLUMN) throw new InputError('corrupt', `sheet ${label} has a cell in column ${column}, beyond the ${MAX_COLUMN} columns a sheet can hold; not read`);
          const style = Number.parseInt(el.attr('s') ?? '0', 10) || 0;
          cell = { row, column, type: el.attr('t') ?? 'n', style, value: null, formula: null, inline: null, styled: style !== 0 };
          cellDepth = depth;
          break;
        }
        case 'col': {
          if (!isOn(el.attr('hidden'))) break;
          const min = Number.parseInt(el.attr('min') ?? '', 10);
          const max = Number.parseInt(el.attr('max') ?? '', 10);
          if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min) data.hiddenColumns.push([min, Math.min(max, MAX_COLUMN)]);
          break;
        }
        case 'mergeCell': {
          const ref = el.attr('ref') ?? '';
          const range = parseRange(ref);
          if (range) {
            if (range.top !== range.bottom || range.left !== range.right) data.merges.push(range);
          } else data.badMerges.push(ref);
          break;
        }
      }
    },
    text(chunk) {
      if (!cell) return;
      if (inlineDepth >= 0) cell.inline?.chars(chunk);
      else if (capture === 'v') cell.value += chunk;
      else if (capture === 'f') cell.formula += chunk;
    },
    close(local, namespace, depth) {
      if (!cell) return;
      if (depth === cellDepth) {
        const done: OpenCell = cell;
        cell = null;
        capture = null;
        inlineDepth = -1;
        finish(done);
        return;
      }
      if (inlineDepth >= 0) {
        if (depth === inlineDepth) inlineDepth = -1;
        else cell.inline?.close(local, namespace, depth);
        return;
      }
      if (local === 'v' || local === 'f') capture = null;
    },
  });
  data.unsupportedFormats = [...unsupported.values()];
  return data;
}

