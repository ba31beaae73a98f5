/**
 * Readers: bytes → document model. The format is told by the bytes; a file whose name
 * claims another format is read as what it is, with a warning.
 */
import { diagnostic, type Result } from '../diagnostics.js';
import { readDocx } from './docx/index.js';
import type { DocumentModel } from './model.js';
import { sniffFormat, type Format } from './sniff.js';

export type { DocumentModel, Block, Paragraph, Table, Cell } from './model.js';
export { InputError } from './errors.js';
export type { Format } from './sniff.js';

export function formatOfName(name: string): Format | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.pdf')) return 'pdf';
  return null;
}

export async function readDocument(bytes: Uint8Array, claimed: Format | null): Promise<Result<DocumentModel>> {
  const format = sniffFormat(bytes, claimed);
  const read = format === 'docx' ? readDocx(bytes) : await (await import('./pdf/index.js')).readPdf(bytes);
  if (claimed !== null && claimed !== format) {
    read.messages.unshift(
      diagnostic('FORMAT_MISMATCH', `the file is named .${claimed} but holds a ${format === 'docx' ? '.docx' : 'PDF'}; read as ${format === 'docx' ? '.docx' : 'PDF'}`),
    );
  }
  return read;
}
