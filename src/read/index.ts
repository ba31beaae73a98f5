/**
 * Readers: bytes → document model. The format is told by the bytes; a file whose name
 * claims another format is read as what it is, with a warning. Each format has one reader
 * behind the one seam below; a reader that needs heavy modules loads them when first used.
 */
import { diagnostic, type Result } from '../diagnostics.js';
import { readDocx } from './docx/index.js';
import { DEFAULT_LIMITS } from './docx/package.js';
import type { DocumentModel } from './model.js';
import type { ReadOptions } from './options.js';
import { sniffFormat, type Format, type SourceFormat } from './sniff.js';

export type { DocumentModel, Block, Paragraph, Table, Cell } from './model.js';
export { InputError } from './errors.js';
export type { Format, SourceFormat } from './sniff.js';
export { OCR_MODES, type OcrMode, type ReadOptions } from './options.js';

type Reader = (bytes: Uint8Array, options: ReadOptions) => Promise<Result<DocumentModel>>;

const READERS: Record<Format, Reader> = {
  docx: async (bytes, options) => readDocx(bytes, DEFAULT_LIMITS, options.docxMemo),
  pdf: async (bytes, options) => (await import('./pdf/index.js')).readPdf(bytes, options),
  xlsx: async (bytes) => (await import('./xlsx/index.js')).readXlsx(bytes),
  legacy: async (bytes, options) => (await import('./legacy/index.js')).readLegacy(bytes, options),
};

const NAME_FORMATS: readonly [RegExp, SourceFormat][] = [
  [/\.docx$/iu, 'docx'],
  [/\.pdf$/iu, 'pdf'],
  [/\.(?:xlsx|xlsm)$/iu, 'xlsx'],
  [/\.(?:doc|wps)$/iu, 'doc'],
  [/\.(?:xls|et)$/iu, 'xls'],
];

export function formatOfName(name: string): SourceFormat | null {
  for (const [pattern, format] of NAME_FORMATS) if (pattern.test(name)) return format;
  return null;
}

const LABELS: Record<SourceFormat, string> = { docx: '.docx', pdf: 'PDF', xlsx: '.xlsx workbook', doc: 'legacy Word file', xls: 'legacy Excel file' };

export async function readDocument(bytes: Uint8Array, claimed: SourceFormat | null, options: ReadOptions = {}): Promise<Result<DocumentModel>> {
  const read = await READERS[sniffFormat(bytes, claimed)](bytes, options);
  const found = read.value.format;
  if (claimed !== null && claimed !== found) {
    read.messages.unshift(diagnostic('FORMAT_MISMATCH', `the file is named .${claimed} but holds a ${LABELS[found]}; read as ${LABELS[found]}`));
  }
  return read;
}

