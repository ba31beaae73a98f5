/**
 * What a file is, told by its bytes rather than its name: users' folders hold .doc files
 * renamed .docx, PDFs saved as .docx, HTML saved as .doc, and empty downloads.
 */
import { InputError } from './errors.js';

export type Format = 'docx' | 'pdf';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY);
}

/** PDF readers accept junk before the header; so do we, within the first KiB. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * The format the bytes hold, or an InputError saying why they hold neither.
 * A zip is reported as docx here; the docx reader checks for word/document.xml.
 */
export function sniffFormat(bytes: Uint8Array, claimed: Format | null): Format {
  if (bytes.length === 0) throw new InputError('empty', 'empty file (0 bytes)');
  if (isZip(bytes)) return 'docx';
  if (isPdf(bytes)) return 'pdf';
  if (startsWith(bytes, OLE2)) {
    throw new InputError(
      'legacy-doc',
      'an OLE2 compound file (a legacy .doc, or a password-protected Office file), not .docx; save it as .docx',
    );
  }
  if (claimed === 'docx') throw new InputError('not-docx', 'not a .docx (no zip signature)');
  if (claimed === 'pdf') throw new InputError('not-pdf', 'not a PDF (no %PDF- header)');
  throw new InputError('unknown-format', 'neither a .docx nor a PDF');
}
