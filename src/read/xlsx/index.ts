/**
 * The .xlsx reader: zip package → SpreadsheetML → document model, with messages, read the
 * way the .docx reader reads WordprocessingML (no spreadsheet library: what a cell shows
 * depends on rules a reader of budget tables must get exactly right, and must say when it
 * cannot). Sheets are read in tab order; each visible worksheet gives its regions as
 * paragraphs and tables (regions.ts), each cell as shown by its number format (numfmt.ts),
 * each block and message located by sheet and A1 reference.
 */
import { diagnostic, result, type Diagnostic, type Result } from '../../diagnostics.js';
import type { Block, DocumentModel } from '../model.js';
import { openParts, openWorkbook, WORKBOOK_PART, WORKBOOK_RELS, XLSX_LIMITS, type XlsxLimits } from './package.js';
import { layOutSheet, type BlockCounters } from './regions.js';
import { sheetMessages } from './report.js';
import { readSheet } from './sheet.js';
import { readSharedStrings } from './strings.js';
import { readStyles } from './styles.js';
import { readWorkbook, sheetLabel, type SheetEntry } from './workbook.js';

export type { XlsxLimits } from './package.js';
export { XLSX_LIMITS } from './package.js';

const KIND_NAMES: Record<SheetEntry['kind'], string> = {
  worksheet: 'worksheet',
  chartsheet: 'chart sheet, which holds no cells',
  dialogsheet: 'dialog sheet',
  macrosheet: 'macro sheet',
  other: 'part of no known sheet type',
};

export function readXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Result<DocumentModel> {
  const book = openWorkbook(bytes, limits);
  const info = readWorkbook(book.parts[WORKBOOK_PART] as Uint8Array, book.parts[WORKBOOK_RELS] as Uint8Array, WORKBOOK_PART, WORKBOOK_RELS, limits.maxSheets);
  const messages: Diagnostic[] = [];

  // Hidden sheets are not read: a disclosure is what its sheets show and print, and a hidden
  // sheet holds what the author kept out of it (lookup lists, last year's figures). Each is
  // named, so that a user who needs one can unhide it.
  const toRead: (SheetEntry & { part: string })[] = [];
  for (const sheet of info.sheets) {
    const label = sheetLabel(sheet.name);
    if (sheet.state !== 'visible') messages.push(diagnostic('XLSX_SHEET_NOT_READ', `sheet ${label} is hidden (${sheet.state}); not read`, { sheet: sheet.name }));
    else if (sheet.kind !== 'worksheet') messages.push(diagnostic('XLSX_SHEET_NOT_READ', `sheet ${label} is a ${KIND_NAMES[sheet.kind]}; not read`, { sheet: sheet.name }));
    else if (sheet.part === null) messages.push(diagnostic('XLSX_SHEET_UNREADABLE', `sheet ${label} has no relationship to a part of the zip; not read`, { sheet: sheet.name }));
    else toRead.push({ ...sheet, part: sheet.part });
  }

  const wanted = new Set(toRead.map((s) => s.part));
  if (info.stylesPart) wanted.add(info.stylesPart);
  if (info.sharedStringsPart) wanted.add(info.sharedStringsPart);
  const { parts, duplicated } = openParts(bytes, wanted, limits);
  // Readers disagree on which of two entries of one name is the part: what was read may not
  // be what Excel shows, so the loss is said.
  for (const name of [...book.duplicated, ...duplicated]) messages.push(diagnostic('XLSX_DUPLICATE_PART', `the zip holds ${name} more than once; the last entry was read`));

  const styles = readStyles(info.stylesPart ? (parts[info.stylesPart] ?? null) : null, info.stylesPart ?? 'styles');
  const sharedStrings = readSharedStrings(info.sharedStringsPart ? (parts[info.sharedStringsPart] ?? null) : null, info.sharedStringsPart ?? 'sharedStrings');
  const cellBudget = { left: limits.maxCells, limit: limits.maxCells };
  const counters: BlockCounters = { paragraphs: 0, tables: 0 };
  const blocks: Block[] = [];
  for (const sheet of toRead) {
    const part = parts[sheet.part];
    if (!part) {
      messages.push(diagnostic('XLSX_SHEET_UNREADABLE', `sheet ${sheetLabel(sheet.name)}: its part ${sheet.part} is missing from the zip; not read`, { sheet: sheet.name }));
      continue;
    }
    const data = readSheet(part, sheet.part, sheet.name, { styles, sharedStrings, date1904: info.date1904, cellBudget, maxCellElements: limits.maxCellElements });
    const layout = layOutSheet(data, counters, limits.maxGridCells);
    blocks.push(...layout.blocks);
    messages.push(...sheetMessages(data, layout));
  }
  return result({ format: 'xlsx', blocks, pageCount: null }, messages);
}
