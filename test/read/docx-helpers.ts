/**
 * Helpers for the .docx reader tests: build a tiny .docx with the fixture writer, read it,
 * and check a table's grid exactly (spans, origins, and that every covered position is the
 * origin object itself).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { readDocx } from '../../src/read/docx/index.js';
import type { Block, Cell, DocumentModel, ListInfo, Paragraph, Table } from '../../src/read/model.js';
import { docx, docxParts, zip, type DocxSpec } from '../../scripts/fixtures/ooxml.js';
import { fixturePath } from '../helpers.js';

export interface Read {
  model: DocumentModel;
  messages: Diagnostic[];
  blocks: Block[];
  paragraphs: Paragraph[];
  tables: Table[];
}

function split(bytes: Uint8Array): Read {
  const { value, messages } = readDocx(bytes);
  expectConsistent(value);
  return {
    model: value,
    messages,
    blocks: value.blocks,
    paragraphs: value.blocks.filter((b): b is Paragraph => b.kind === 'paragraph'),
    tables: value.blocks.filter((b): b is Table => b.kind === 'table'),
  };
}

/** Read a .docx written by the fixture writer. */
export function readSpec(spec: DocxSpec): Read {
  return split(docx(spec));
}

export interface Patches {
  document?: (xml: string) => string;
  styles?: (xml: string) => string;
  numbering?: (xml: string) => string;
}

/** The writer's parts, with hand edits to the XML where the writer cannot express a case. */
export function patchedDocx(spec: DocxSpec, patches: Patches): Uint8Array {
  const parts = docxParts(spec);
  const edit = (path: string, fn: ((xml: string) => string) | undefined): void => {
    if (!fn) return;
    const before = parts[path];
    if (before === undefined) throw new Error(`no part ${path}`);
    const after = fn(before);
    if (after === before) throw new Error(`patch of ${path} changed nothing`);
    parts[path] = after;
  };
  edit('word/document.xml', patches.document);
  edit('word/styles.xml', patches.styles);
  edit('word/numbering.xml', patches.numbering);
  return zip(parts);
}

export function readPatched(spec: DocxSpec, patches: Patches): Read {
  return split(patchedDocx(spec, patches));
}

/** Replace exactly one occurrence of `find` (fails loudly if it occurs 0 or 2+ times). */
export function replaceOnce(xml: string, find: string, replacement: string): string {
  const first = xml.indexOf(find);
  if (first < 0) throw new Error(`not found: ${find}`);
  if (xml.indexOf(find, first + 1) >= 0) throw new Error(`found more than once: ${find}`);
  return xml.slice(0, first) + replacement + xml.slice(first + find.length);
}

export function readFixture(name: string): Read {
  return split(readFileSync(fixturePath(`fixtures/docx/${name}`)));
}

/** A paragraph block as the .docx reader emits it. */
export function para(
  index: number,
  text: string,
  extra: { list?: ListInfo | null; heading?: number | null; origin?: 'body' | 'textbox' } = {},
): Paragraph {
  return {
    kind: 'paragraph',
    index,
    text,
    list: extra.list ?? null,
    heading: extra.heading ?? null,
    origin: extra.origin ?? 'body',
    page: null,
  };
}

/** [text, row, column, rowSpan, colSpan] of an origin cell. */
export type CellSpec = [text: string, row: number, column: number, rowSpan: number, colSpan: number];

export function cellSpec(cell: Cell): CellSpec {
  return [cell.text, cell.row, cell.column, cell.rowSpan, cell.colSpan];
}

/**
 * The table has exactly `rows` × `columns` positions and exactly these origin cells (in
 * row-major order); every position a cell covers holds that very object, every other
 * position is null.
 */
export function expectGrid(table: Table | undefined, rows: number, columns: number, cells: CellSpec[]): void {
  expect(table, 'table').toBeDefined();
  const t = table as Table;
  expect([t.rowCount, t.columnCount], 'rowCount, columnCount').toEqual([rows, columns]);
  expect(t.grid.length, 'grid rows').toBe(rows);
  for (const gridRow of t.grid) expect(gridRow.length, 'grid columns').toBe(columns);
  expect(t.cells.map(cellSpec)).toEqual(cells);
  const expected: (Cell | null)[][] = Array.from({ length: rows }, () => new Array<Cell | null>(columns).fill(null));
  for (const cell of t.cells) {
    expect(cell.page).toBeNull();
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.column; c < cell.column + cell.colSpan; c++) {
        const slot = expected[r];
        expect(slot?.[c], `two cells claim grid[${r}][${c}]`).toBeNull();
        if (slot) slot[c] = cell;
      }
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const want = expected[r]?.[c] ?? null;
      if (want === null) expect(t.grid[r]?.[c], `grid[${r}][${c}]`).toBeNull();
      else expect(t.grid[r]?.[c], `grid[${r}][${c}]`).toBe(want);
    }
  }
}

/** The messages reduced to what a test asserts: code and 1-based location. */
export function located(messages: Diagnostic[]): Array<Pick<Diagnostic, 'code' | 'table' | 'row' | 'column'>> {
  return messages.map(({ code, table, row, column }) => ({ code, table, row, column }));
}

export function codes(messages: Diagnostic[]): string[] {
  return messages.map((m) => m.code);
}

/**
 * Invariants every model must satisfy: paragraph indexes 1..n and table ordinals 1..n in
 * block order, each table's grid exactly covered by its cells (checked by expectGrid
 * against the table's own cells), cells in row-major order, nesting links in both directions.
 */
export function expectConsistent(model: DocumentModel): void {
  const paragraphs = model.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
  const tables = model.blocks.filter((b): b is Table => b.kind === 'table');
  expect(paragraphs.map((p) => p.index)).toEqual(paragraphs.map((_, i) => i + 1));
  expect(tables.map((t) => t.ordinal)).toEqual(tables.map((_, i) => i + 1));
  for (const p of paragraphs) expect(p.text.trim(), `paragraph ${p.index}`).not.toBe('');
  for (const t of tables) {
    expectGrid(t, t.rowCount, t.columnCount, t.cells.map(cellSpec));
    const sorted = [...t.cells].sort((a, b) => a.row - b.row || a.column - b.column);
    expect(t.cells).toEqual(sorted);
    for (const c of t.cells) {
      for (const n of c.nested) {
        expect(tables[n - 1]?.parent, `table ${n}'s parent`).toEqual({ table: t.ordinal, row: c.row, column: c.column });
      }
    }
    if (t.parent) {
      const parent = tables[t.parent.table - 1];
      expect(parent?.grid[t.parent.row]?.[t.parent.column]?.nested, `table ${t.ordinal} listed in its parent cell`).toContain(t.ordinal);
      // A nested table comes after its parent.
      expect(t.parent.table).toBeLessThan(t.ordinal);
    }
  }
}
