/**
 * The reader of legacy Office files (any OLE2 compound file: sniff.ts sends them all here).
 * What the file holds is told from its streams (detect.ts); a Word document or a workbook
 * is converted by LibreOffice to .docx or .xlsx and read by that reader, and the model
 * records the file's own format and that LibreOffice converted it. Without LibreOffice, the
 * file fails with one line saying what to install.
 */
import type { Result } from '../../diagnostics.js';
import { readDocx } from '../docx/index.js';
import { InputError } from '../errors.js';
import type { DocumentModel } from '../model.js';
import type { ReadOptions } from '../options.js';
import { detectLegacy, type LegacyKind } from './detect.js';
import { convertWithLibreOffice, findSoffice } from './libreoffice.js';
import { restoreSymbols } from './symbols.js';

/** LibreOffice's export filters: named, so that no guess by LibreOffice picks another. */
const TARGETS: Record<LegacyKind['family'], { target: string; output: string; input: string }> = {
  word: { target: 'docx:MS Word 2007 XML', output: 'docx', input: 'doc' },
  excel: { target: 'xlsx:Calc MS Excel 2007 XML', output: 'xlsx', input: 'xls' },
};

export async function readLegacy(bytes: Uint8Array, options: ReadOptions): Promise<Result<DocumentModel>> {
  const kind = detectLegacy(bytes);
  const soffice = findSoffice(options.soffice);
  if (soffice === null) throw new InputError('needs-libreoffice', `${kind.label}; install LibreOffice to read it`);
  const target = TARGETS[kind.family];
  const converted = await convertWithLibreOffice({
    soffice,
    bytes,
    inputExtension: target.input,
    target: target.target,
    outputExtension: target.output,
    label: kind.label,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let read: Result<DocumentModel>;
  try {
    read = kind.family === 'word' ? readDocx(restoreSymbols(converted)) : (await import('../xlsx/index.js')).readXlsx(converted);
  } catch (error) {
    // A limit or a damage found in LibreOffice's output is the input's, but the message
    // should not talk of a .docx the user never had.
    if (error instanceof InputError) throw new InputError(error.kind, `${kind.label} converted by LibreOffice: ${error.message}`);
    throw error;
  }
  read.value.format = kind.format;
  read.value.convertedBy = 'libreoffice';
  return read;
}
