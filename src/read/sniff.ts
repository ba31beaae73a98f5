/**
 * What a file is, told by its bytes rather than its name: users' folders hold .doc files
 * renamed .docx, PDFs saved as .docx, spreadsheets saved under a Word name, HTML saved as
 * .doc, and empty downloads.
 */
import { readZipDirectory } from './zip.js';
import { InputError } from './errors.js';

/**
 * The formats a reader exists for. `legacy` is any OLE2 compound file (Word 97–2003 .doc,
 * Excel .xls, WPS .wps/.et, or an Office file encrypted with a password); its reader looks
 * inside to tell which.
 */
export type Format = 'docx' | 'pdf' | 'xlsx' | 'legacy';

/** What the bytes were, as recorded in `source.format`. */
export type SourceFormat = 'docx' | 'pdf' | 'xlsx' | 'doc' | 'xls';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY);
}

export function isOle2(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2);
}

/** PDF readers accept junk before the header; so do we, within the first KiB. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * A zip holding `xl/workbook.xml` and no `word/document.xml` is a workbook; any other zip
 * goes to the .docx reader, which says what it lacks. Only the central directory is read,
 * so nothing is inflated.
 */
function zipFormat(bytes: Uint8Array): 'docx' | 'xlsx' {
  let workbook = false;
  let document = false;
  try {
    for (const entry of readZipDirectory(bytes)) {
      if (entry.name === 'xl/workbook.xml') workbook = true;
      else if (entry.name === 'word/document.xml') document = true;
    }
  } catch {
    return 'docx'; // a damaged zip: the .docx reader reports the damage
  }
  return workbook && !document ? 'xlsx' : 'docx';
}

/** The format the bytes hold, or an InputError saying why they hold none of ours. */
export function sniffFormat(bytes: Uint8Array, claimed: SourceFormat | null): Format {
  if (bytes.length === 0) throw new InputError('empty', 'empty file (0 bytes)');
  if (isZip(bytes)) return zipFormat(bytes);
  if (isPdf(bytes)) return 'pdf';
  if (isOle2(bytes)) return 'legacy';
  if (claimed === 'docx') throw new InputError('not-docx', 'not a .docx (no zip signature)');
  if (claimed === 'xlsx') throw new InputError('not-docx', 'not an .xlsx (no zip signature)');
  if (claimed === 'pdf') throw new InputError('not-pdf', 'not a PDF (no %PDF- header)');
  if (claimed === 'doc' || claimed === 'xls') throw new InputError('unknown-format', `not a legacy Office file (no OLE2 signature)`);
  throw new InputError('unknown-format', 'neither a .docx, an .xlsx, a legacy Office file nor a PDF');
}
