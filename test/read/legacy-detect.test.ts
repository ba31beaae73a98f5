/**
 * Telling legacy Office files apart by their bytes (src/read/legacy/detect.ts, ole2.ts),
 * without LibreOffice: each case is a compound file written by the fixture writer
 * (scripts/fixtures/build-legacy.ts) or a file of test/inputs/legacy/, and each expects an
 * exact kind and message. Also the one line said when LibreOffice is not installed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compoundFile, encryptPackage, loopDirectoryChain, type OleStream } from '../../scripts/fixtures/build-legacy.js';
import { convertBytes } from '../../src/convert.js';
import { InputError } from '../../src/read/errors.js';
import { readDocument } from '../../src/read/index.js';
import { detectLegacy, EXCEL, WORD } from '../../src/read/legacy/detect.js';
import { openCompoundFile } from '../../src/read/legacy/ole2.js';
import { fixturePath } from '../helpers.js';

const legacy = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(`test/inputs/legacy/${name}`)));

/** A FIB as Word 97 writes it: wIdent 0xA5EC, nFib 0x00C1, and the flags word at 0x0A. */
function wordStream(flags: number, size = 5000): Uint8Array {
  const data = new Uint8Array(size);
  const view = new DataView(data.buffer);
  view.setUint16(0, 0xa5ec, true);
  view.setUint16(2, 0x00c1, true);
  view.setUint16(0x0a, flags, true);
  return data;
}

/** BIFF8 records: [type, payload length]. */
function biff(records: readonly [number, number][]): Uint8Array {
  const out = new Uint8Array(records.reduce((n, [, size]) => n + 4 + size, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [type, size] of records) {
    view.setUint16(at, type, true);
    view.setUint16(at + 2, size, true);
    at += 4 + size;
  }
  return out;
}
const BOF: [number, number] = [0x0809, 16];
const FILEPASS: [number, number] = [0x002f, 54];
const EOF: [number, number] = [0x000a, 0];

function failure(run: () => unknown): { kind: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error('expected an InputError, got none');
}

const file = (...streams: OleStream[]): Uint8Array => compoundFile(streams);
const ENCRYPTED = { kind: 'encrypted', message: 'password-protected Office file; not read' };

describe('what an OLE2 file holds', () => {
  it('tells Word documents and workbooks by their streams, in sectors or in the mini stream', () => {
    expect(detectLegacy(legacy('central-2025.doc'))).toEqual(WORD);
    expect(detectLegacy(legacy('lunan-kexie-2025.xls'))).toEqual(EXCEL);
    expect(detectLegacy(file({ name: 'WordDocument', data: wordStream(0) }))).toEqual(WORD);
    // Under 4096 bytes a stream lives in the mini stream, with a FAT of its own.
    expect(detectLegacy(file({ name: 'WordDocument', data: wordStream(0, 300) }, { name: '1Table', data: new Uint8Array(10) }))).toEqual(WORD);
    expect(detectLegacy(file({ name: 'Workbook', data: biff([BOF, EOF]) }))).toEqual(EXCEL);
    // Excel 5.0/95 names its stream Book.
    expect(detectLegacy(file({ name: 'Book', data: biff([[0x0809, 8], EOF]) }))).toEqual(EXCEL);
  });

  it('reads the names LibreOffice and the fixture writer put in the root', () => {
    expect(openCompoundFile(legacy('central-2025.doc')).rootNames).toEqual(expect.arrayContaining(['WordDocument', '1Table']));
    expect(openCompoundFile(legacy('lunan-kexie-2025.xls')).rootNames).toEqual(expect.arrayContaining(['Workbook']));
    expect(openCompoundFile(file({ name: 'b', data: new Uint8Array(5) }, { name: 'a', data: new Uint8Array(9000) })).rootNames.sort()).toEqual(['a', 'b']);
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => i % 251);
    expect(openCompoundFile(file({ name: 'big', data: bytes }, { name: 'small', data: bytes.subarray(0, 200) })).peek('small')).toEqual(bytes.subarray(0, 200));
    expect(openCompoundFile(file({ name: 'big', data: bytes })).peek('big', 4600)).toEqual(bytes.subarray(0, 4600));
  });

  it('refuses password-protected files: OOXML in an EncryptedPackage, Word with fEncrypted, Excel with FILEPASS', () => {
    expect(failure(() => detectLegacy(legacy('encrypted.docx')))).toEqual(ENCRYPTED);
    expect(failure(() => detectLegacy(encryptPackage(new Uint8Array(100), 'x')))).toEqual(ENCRYPTED);
    expect(failure(() => detectLegacy(file({ name: 'WordDocument', data: wordStream(0x0100) })))).toEqual(ENCRYPTED);
    // fObfuscated (XOR) comes with fEncrypted set; fWhichTblStm alone is no encryption.
    expect(failure(() => detectLegacy(file({ name: 'WordDocument', data: wordStream(0x8100) })))).toEqual(ENCRYPTED);
    expect(detectLegacy(file({ name: 'WordDocument', data: wordStream(0x0200) }))).toEqual(WORD);
    expect(failure(() => detectLegacy(file({ name: 'Workbook', data: biff([BOF, FILEPASS, EOF]) })))).toEqual(ENCRYPTED);
  });

  it('names other OLE2 formats, and lists the streams of an unknown one', () => {
    expect(failure(() => detectLegacy(file({ name: 'PowerPoint Document', data: new Uint8Array(8) })))).toEqual({
      kind: 'unknown-format',
      message: 'a PowerPoint presentation (an OLE2 compound file), not a Word document or a workbook; not read',
    });
    expect(failure(() => detectLegacy(file({ name: 'CONTENTS', data: new Uint8Array(8) }, { name: 'SPELLING', data: new Uint8Array(8) })))).toEqual({
      kind: 'unknown-format',
      message: 'a Microsoft Works document (an OLE2 compound file), not a Word document or a workbook; not read',
    });
    expect(failure(() => detectLegacy(file({ name: 'Zeta', data: new Uint8Array(8) }, { name: 'a\nb', data: new Uint8Array(8) })))).toEqual({
      kind: 'unknown-format',
      message: "an OLE2 compound file holding neither a Word document nor a workbook (streams 'a\\x0ab', 'Zeta'); not read",
    });
    expect(failure(() => detectLegacy(file()))).toEqual({ kind: 'unknown-format', message: 'an OLE2 compound file holding neither a Word document nor a workbook (no streams); not read' });
  });

  it('says what is wrong with a damaged container in one line, and never loops', () => {
    const central = legacy('central-2025.doc');
    const header = new DataView(central.buffer, central.byteOffset);
    const directory = header.getUint32(48, true);
    expect(failure(() => detectLegacy(legacy('corrupt-fat.doc')))).toEqual({ kind: 'corrupt', message: `corrupt OLE2 compound file: the directory chain loops back to sector ${directory}; not read` });
    expect(failure(() => detectLegacy(loopDirectoryChain(file({ name: 'WordDocument', data: wordStream(0) })))).kind).toBe('corrupt');
    expect(failure(() => detectLegacy(central.subarray(0, 300)))).toEqual({ kind: 'corrupt', message: 'corrupt OLE2 compound file: only 300 bytes, shorter than the 512-byte header; not read' });

    const patched = (at: number, value: number, width: 2 | 4 = 4): Uint8Array => {
      const copy = new Uint8Array(central);
      const view = new DataView(copy.buffer);
      if (width === 2) view.setUint16(at, value, true);
      else view.setUint32(at, value, true);
      return copy;
    };
    const sectors = Math.ceil((central.length - 512) / 512);
    expect(failure(() => detectLegacy(patched(44, 0x7fffffff)))).toEqual({ kind: 'corrupt', message: `corrupt OLE2 compound file: the header claims 2147483647 FAT sectors in a file of ${sectors} sectors; not read` });
    expect(failure(() => detectLegacy(patched(30, 16, 2)))).toEqual({ kind: 'corrupt', message: 'corrupt OLE2 compound file: version 3 with 2^16-byte sectors is not a valid combination; not read' });
    expect(failure(() => detectLegacy(patched(48, 999_999)))).toEqual({ kind: 'corrupt', message: `corrupt OLE2 compound file: the directory chain points at sector 999999, past the end of the file (${sectors} sectors); not read` });
    expect(failure(() => detectLegacy(patched(28, 0)))).toEqual({ kind: 'corrupt', message: 'corrupt OLE2 compound file: the byte-order mark of the header is wrong; not read' });
    // A Word stream that is not Word.
    const notWord = file({ name: 'WordDocument', data: new Uint8Array(5000) });
    expect(failure(() => detectLegacy(notWord))).toEqual({ kind: 'corrupt', message: 'corrupt legacy Word file: the WordDocument stream starts with 0x0, not a Word header; not read' });
  });

  it('survives every single-byte damage of the header and the directory with an InputError or a result', () => {
    const base = file({ name: 'WordDocument', data: wordStream(0) }, { name: 'x', data: new Uint8Array(100) });
    for (let at = 0; at < base.length; at += 7) {
      for (const value of [0x00, 0xff, 0x7f]) {
        const copy = new Uint8Array(base);
        copy[at] = value;
        try {
          detectLegacy(copy);
        } catch (error) {
          if (!(error instanceof InputError)) throw new Error(`byte ${at} = ${value}: ${String(error)}`);
        }
      }
    }
  });
});

describe('without LibreOffice', () => {
  const docx = new Uint8Array(readFileSync(fixturePath('fixtures/docx/central-2025.docx')));

  it('fails a Word or Excel file with one line saying what to install', async () => {
    await expect(readDocument(legacy('central-2025.doc'), 'doc', { soffice: null })).rejects.toMatchObject({ kind: 'needs-libreoffice', message: 'legacy Word file; install LibreOffice to read it' });
    await expect(readDocument(legacy('lunan-kexie-2025.xls'), 'xls', { soffice: '/nonexistent/soffice' })).rejects.toMatchObject({ kind: 'needs-libreoffice', message: 'legacy Excel file; install LibreOffice to read it' });
    // A .doc under a .docx name is still a Word file by its bytes.
    await expect(readDocument(legacy('doc-named.docx'), 'docx', { soffice: null })).rejects.toMatchObject({ kind: 'needs-libreoffice', message: 'legacy Word file; install LibreOffice to read it' });
  });

  it('refuses encrypted and corrupt files before looking for LibreOffice', async () => {
    await expect(readDocument(legacy('encrypted.docx'), 'docx', { soffice: null })).rejects.toMatchObject(ENCRYPTED);
    await expect(readDocument(legacy('corrupt-fat.doc'), 'doc', { soffice: null })).rejects.toMatchObject({ kind: 'corrupt' });
    const conversion = await convertBytes(legacy('encrypted.docx'), 'encrypted.docx');
    expect([conversion.status, conversion.errorKind, conversion.message]).toEqual(['failed', 'encrypted', 'password-protected Office file; not read']);
    // The encrypted file holds the .docx it was made from, not in the clear.
    expect(Buffer.from(legacy('encrypted.docx')).includes(Buffer.from(docx.subarray(0, 30)))).toBe(false);
  });
});
