/**
 * What the .xlsx reader says about a sheet, each message located by the sheet's name and
 * the cell's A1 reference, and by table, row and column when the cell stands in a table.
 * A cell that holds no text (a formula without a cached value) has no block of its own: it
 * is placed by the sheet position it would have had.
 */
import { diagnostic, type Diagnostic, type Location } from '../../diagnostics.js';
import { cellName, columnLetters } from './cellref.js';
import type { SheetLayout } from './regions.js';
import type { CellNote, SheetData } from './sheet.js';
import { sheetLabel } from './workbook.js';

/** Rows or columns listed in a message before the rest are counted. */
const LISTED = 10;

function listed(items: readonly string[]): string {
  return items.length <= LISTED ? items.join(', ') : `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`;
}

function at(layout: SheetLayout, sheet: string, row: number, column: number): Location {
  const place = layout.place(row, column);
  return { sheet, ref: cellName(row, column), ...(place ? { table: place.table, row: place.row, column: place.column } : {}) };
}

function noteMessage(note: CellNote, where: string): Diagnostic['message'] {
  switch (note.problem.kind) {
    case 'formula-without-value': {
      const formula = note.problem.formula === '' ? 'a shared formula' : `the formula =${note.problem.formula.slice(0, 80)}`;
      return `${where} holds ${formula} but no cached value (the file was saved by a program that does not calculate); its text is unknown and left empty`;
    }
    case 'unreadable':
      return `${where} cannot be read: ${note.problem.why}; left empty`;
    case 'too-long':
      return `${where} holds the number ${note.problem.text}, longer than the 15 digits a spreadsheet keeps: its last digits were lost when the file was written (a code typed as a number?)`;
  }
}

export function sheetMessages(data: SheetData, layout: SheetLayout): Diagnostic[] {
  const sheet = data.name;
  const label = sheetLabel(sheet);
  const out: Diagnostic[] = [];
  if (layout.hidden.cells > 0 && layout.hidden.first) {
    const parts = [
      layout.hidden.rows.length > 0 ? `row(s) ${listed(layout.hidden.rows.map(String))}` : null,
      layout.hidden.columns.length > 0 ? `column(s) ${listed(layout.hidden.columns.map(columnLetters))}` : null,
    ].filter((p) => p !== null);
    const first = layout.hidden.first;
    out.push(
      diagnostic('XLSX_HIDDEN_CELLS_SKIPPED', `sheet ${label}: hidden ${parts.join(' and ')} hold ${layout.hidden.cells} cell(s) of text (first ${cellName(first.row, first.column)} 「${first.text.slice(0, 40)}」); not read, as Excel neither shows nor prints them`, {
        sheet,
        ref: cellName(first.row, first.column),
      }),
    );
  }
  for (const merge of layout.ignoredMerges) {
    out.push(diagnostic('XLSX_MERGE_IGNORED', `sheet ${label}: the merged range ${merge.ref} is ignored: ${merge.why}`, { sheet, ref: merge.ref }));
  }
  for (const cell of layout.covered) {
    out.push(
      diagnostic('XLSX_MERGED_TEXT_IGNORED', `sheet ${label}: cell ${cellName(cell.row, cell.column)} lies under a merged range and holds 「${cell.text.slice(0, 40)}」, which Excel does not show; ignored`, at(layout, sheet, cell.row, cell.column)),
    );
  }
  for (const cell of layout.duplicates) {
    out.push(
      diagnostic('XLSX_CELL_UNREADABLE', `sheet ${label}, cell ${cellName(cell.row, cell.column)} cannot be read: the sheet holds the cell twice; 「${cell.text.slice(0, 40)}」, the second, is left out`, at(layout, sheet, cell.row, cell.column)),
    );
  }
  for (const format of data.unsupportedFormats) {
    const first = cellName(format.first.row, format.first.column);
    out.push(
      diagnostic(
        'XLSX_NUMBER_FORMAT_UNSUPPORTED',
        `sheet ${label}: ${format.count} cell(s) have the number format ${JSON.stringify(format.code)} (first ${first}), which yusuan does not show (${format.why}); their stored values are shown instead (${first}: ${format.first.text})`,
        at(layout, sheet, format.first.row, format.first.column),
      ),
    );
  }
  for (const note of data.notes) {
    const code = note.problem.kind === 'formula-without-value' ? 'XLSX_FORMULA_WITHOUT_VALUE' : note.problem.kind === 'too-long' ? 'XLSX_NUMBER_TOO_LONG' : 'XLSX_CELL_UNREADABLE';
    out.push(diagnostic(code, noteMessage(note, `sheet ${label}, cell ${cellName(note.row, note.column)}`), at(layout, sheet, note.row, note.column)));
  }
  return out;
}
