/** Reading repository PDFs once per test run, and looking into the model they give. */
import { readFileSync } from 'node:fs';
import type { Cell, DocumentModel, Paragraph, Table } from '../../src/read/model.js';
import { readPdf } from '../../src/read/pdf/index.js';
import { fixturePath } from '../helpers.js';

const cache = new Map<string, ReturnType<typeof readPdf>>();

/** readPdf of a file of the repository (path relative to its root), once. */
export function readRepoPdf(relative: string): ReturnType<typeof readPdf> {
  let pending = cache.get(relative);
  if (!pending) {
    pending = readPdf(new Uint8Array(readFileSync(fixturePath(relative))));
    cache.set(relative, pending);
  }
  return pending;
}

export const tables = (m: DocumentModel): Table[] => m.blocks.filter((b): b is Table => b.kind === 'table');
export const paragraphs = (m: DocumentModel): Paragraph[] => m.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');

export function cellAt(t: Table, row: number, column: number): Cell {
  const c = t.grid[row]?.[column];
  if (!c) throw new Error(`table ${t.ordinal}: no cell at (${row},${column})`);
  return c;
}
