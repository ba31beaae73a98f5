/**
 * Where in a workbook a record or a message stands. The recognizers and the checks locate
 * what they find by table ordinal and table row, as for a .docx; for a document read from an
 * .xlsx, each such place is also given as the sheet and its A1 reference (the table row
 * A47:M47, the cell B7, the table A39:M55), taken from the tables' own sheet rows and
 * columns, so that a user can go to it in Excel. Other formats' documents are not touched.
 */
import type { DocumentModel, Paragraph, Table } from '../read/model.js';
import { cellName, rangeName } from '../read/xlsx/cellref.js';
import type { Diagnostic, Document } from '../schema/document.js';

interface SheetPlace {
  sheet: string;
  ref: string;
}

interface SheetPlaces {
  /** The place of a table, of one of its rows (1-based), or of one of its cells. */
  table(ordinal: number | null, row?: number | null, column?: number | null): SheetPlace | null;
  paragraph(index: number): SheetPlace | null;
}

function placesOf(model: DocumentModel): SheetPlaces {
  const tables = new Map<number, Table>();
  const paragraphs = new Map<number, Paragraph>();
  for (const block of model.blocks) {
    if (block.kind === 'table' && block.sheet !== undefined) tables.set(block.ordinal, block);
    else if (block.kind === 'paragraph' && block.sheet !== undefined) paragraphs.set(block.index, block);
  }
  return {
    table(ordinal, row, column) {
      const table = ordinal === null ? undefined : tables.get(ordinal);
      if (!table || table.sheet === undefined || !table.sheetRows || !table.sheetColumns) return null;
      const rows = table.sheetRows;
      const columns = table.sheetColumns;
      const left = columns[0] as number;
      const right = columns[columns.length - 1] as number;
      const sheetRow = row != null ? rows[row - 1] : undefined;
      const sheetColumn = column != null ? columns[column - 1] : undefined;
      if (sheetRow !== undefined && sheetColumn !== undefined) {
        // A grid position under a merged range is named by the range's own cell.
        const cell = table.grid[(row as number) - 1]?.[(column as number) - 1];
        return { sheet: table.sheet, ref: cell?.ref ?? cellName(sheetRow, sheetColumn) };
      }
      if (sheetRow !== undefined) return { sheet: table.sheet, ref: rangeName(sheetRow, left, sheetRow, right) };
      return { sheet: table.sheet, ref: rangeName(rows[0] as number, left, rows[rows.length - 1] as number, right) };
    },
    paragraph(index) {
      const paragraph = paragraphs.get(index);
      return paragraph?.sheet !== undefined && paragraph.ref !== undefined ? { sheet: paragraph.sheet, ref: paragraph.ref } : null;
    },
  };
}

function placeDiagnostic(d: Diagnostic, places: SheetPlaces): Diagnostic {
  if (d.sheet !== undefined || d.table === null) return d;
  const place = places.table(d.table, d.row, d.column);
  return place ? { ...d, ...place } : d;
}

/** Add sheet and A1 reference to every place of a document read from a workbook. */
export function placeInSheets(document: Document, model: DocumentModel): void {
  if (!model.blocks.some((b) => (b.kind === 'table' || b.kind === 'paragraph') && b.sheet !== undefined)) return;
  const places = placesOf(model);
  for (const project of document.projects) {
    const place = places.table(project.provenance.tables[0] ?? null);
    if (place) Object.assign(project.provenance, place);
    for (const indicator of project.indicators) {
      const at = places.table(indicator.provenance.table, indicator.provenance.row);
      if (at) Object.assign(indicator.provenance, at);
    }
  }
  for (const table of document.tables) {
    for (const part of table.parts) {
      for (const line of part.lines) {
        const at = places.table(line.table, line.row);
        if (at) Object.assign(line, at);
      }
    }
  }
  for (const figure of document.quotedFigures) {
    const at = places.paragraph(figure.paragraph);
    if (at) Object.assign(figure, at);
  }
  document.diagnostics = document.diagnostics.map((d) => placeDiagnostic(d, places));
}
