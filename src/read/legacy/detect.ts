/**
 * What an OLE2 compound file holds, told by its streams (never by its name): a Word
 * document (.doc, and the .wps files WPS Office writes, which are Word 97 files), an Excel
 * workbook (.xls, and WPS's .et), an Office file encrypted with a password, or something
 * else, named. Encryption is read from the file's own flags, so that a locked file is
 * refused here rather than handed to LibreOffice to fail on.
 */
import { InputError, oneLine } from '../errors.js';
import { openCompoundFile } from './ole2.js';

export type LegacyKind =
  /** Word 97–2003 (and 6.0/95): the WordDocument stream. */
  | { family: 'word'; format: 'doc'; label: 'legacy Word file' }
  /** Excel 97–2003 (Workbook, BIFF8) or 5.0/95 (Book, BIFF5). */
  | { family: 'excel'; format: 'xls'; label: 'legacy Excel file' };

export const WORD: LegacyKind = { family: 'word', format: 'doc', label: 'legacy Word file' };
export const EXCEL: LegacyKind = { family: 'excel', format: 'xls', label: 'legacy Excel file' };

const ENCRYPTED = 'password-protected Office file; not read';

/** FIB (MS-DOC 2.5.2): wIdent of Word 97 and later, and of Word 6.0/95. */
const FIB_IDENTS = new Set([0xa5ec, 0xa5dc]);
/** FibBase flags at offset 0x0A: fEncrypted (RC4 or XOR obfuscation both set it). */
const FIB_ENCRYPTED = 0x0100;
/** BIFF records: BOF starts each substream; FILEPASS right after the globals' BOF means encrypted. */
const BIFF_BOF = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const BIFF_FILEPASS = 0x002f;
const BIFF_EOF = 0x000a;
/** FILEPASS follows BOF at once (MS-XLS 2.4.117); a few records of slack for odd writers. */
const BIFF_RECORDS_SCANNED = 16;

/** Streams of other OLE2 formats, for a message that names what the file is. */
const OTHER_FORMATS: readonly [(names: Set<string>) => boolean, string][] = [
  [(n) => n.has('PowerPoint Document'), 'a PowerPoint presentation'],
  [(n) => n.has('VisioDocument'), 'a Visio drawing'],
  [(n) => [...n].some((name) => name.startsWith('__substg1.0_')), 'an Outlook message'],
  [(n) => n.has('CONTENTS') && (n.has('SPELLING') || n.has('MatOST')), 'a Microsoft Works document'],
  [(n) => n.has('HwpSummaryInformation') || (n.has('FileHeader') && n.has('BodyText')), 'a Hangul (HWP) document'],
  [(n) => n.has('Equation Native'), 'an Equation Editor object'],
];

/** Stream names listed in the message for an OLE2 file of no known kind. */
const NAMES_SHOWN = 6;

export function detectLegacy(bytes: Uint8Array): LegacyKind {
  const file = openCompoundFile(bytes);
  const names = new Set(file.rootNames);
  if (names.has('EncryptedPackage') && names.has('EncryptionInfo')) throw new InputError('encrypted', ENCRYPTED);
  if (names.has('WordDocument')) {
    const fib = file.peek('WordDocument', 12) as Uint8Array;
    if (fib.length < 12) throw new InputError('corrupt', `corrupt legacy Word file: the WordDocument stream holds ${fib.length} bytes, too few for its header; not read`);
    const view = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
    const ident = view.getUint16(0, true);
    if (!FIB_IDENTS.has(ident)) throw new InputError('corrupt', `corrupt legacy Word file: the WordDocument stream starts with 0x${ident.toString(16)}, not a Word header; not read`);
    if (view.getUint16(0x0a, true) & FIB_ENCRYPTED) throw new InputError('encrypted', ENCRYPTED);
    return WORD;
  }
  const book = names.has('Workbook') ? 'Workbook' : names.has('Book') ? 'Book' : null;
  if (book !== null) {
    if (biffEncrypted(file.peek(book) as Uint8Array)) throw new InputError('encrypted', ENCRYPTED);
    return EXCEL;
  }
  for (const [test, what] of OTHER_FORMATS) {
    if (test(names)) throw new InputError('unknown-format', `${what} (an OLE2 compound file), not a Word document or a workbook; not read`);
  }
  const shown = [...names].slice(0, NAMES_SHOWN).map((name) => `'${oneLine(name)}'`);
  const listing = shown.length === 0 ? 'no streams' : `streams ${shown.join(', ')}${names.size > NAMES_SHOWN ? ', …' : ''}`;
  throw new InputError('unknown-format', `an OLE2 compound file holding neither a Word document nor a workbook (${listing}); not read`);
}

/** Whether the workbook's globals substream carries a FILEPASS record. */
function biffEncrypted(stream: Uint8Array): boolean {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let at = 0;
  for (let n = 0; n < BIFF_RECORDS_SCANNED && at + 4 <= stream.length; n++) {
    const type = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (n === 0 && !BIFF_BOF.has(type)) throw new InputError('corrupt', `corrupt legacy Excel file: the workbook stream starts with record 0x${type.toString(16)}, not BOF; not read`);
    if (type === BIFF_FILEPASS) return true;
    if (type === BIFF_EOF) return false;
    at += 4 + size;
  }
  return false;
}
