/**
 * The zip container reader (src/read/zip.ts): the directory and the parts it gives are those
 * fflate gives for the same file, and damage of each kind is a ZipError, never a wrong part.
 */
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateEntry, readZipDirectory, ZipError } from '../../src/read/zip.js';
import { fixturePath } from '../helpers.js';

const PACKAGES = ['fixtures/docx/lunan-kexie-2025.docx', 'test/inputs/producers/word/central-2025.docx', 'test/inputs/producers/libreoffice/gridbefore-2025.docx', 'fixtures/xlsx/lunan-kexie-2025.xlsx'];

function damage(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = value;
  return copy;
}

describe('readZipDirectory + inflateEntry', () => {
  it.each(PACKAGES)('%s: every entry, with the bytes fflate inflates', (file) => {
    const bytes = new Uint8Array(readFileSync(fixturePath(file)));
    const theirs = unzipSync(bytes);
    const entries = readZipDirectory(bytes);
    expect(entries.map((e) => e.name).sort()).toEqual(Object.keys(theirs).sort());
    for (const entry of entries) expect(Buffer.from(inflateEntry(bytes, entry)).equals(Buffer.from(theirs[entry.name] as Uint8Array)), entry.name).toBe(true);
  });

  it('reads stored and deflated entries, UTF-8 names, and a zip with a comment after its directory', () => {
    const zip = zipSync({ 'a.xml': [strToU8('<a/>'), { level: 0 }], '表/b.xml': strToU8('<b>预算</b>'.repeat(50)) }, { comment: 'made by a budget system' });
    const entries = readZipDirectory(zip);
    expect(entries.map((e) => [e.name, e.compression])).toEqual([
      ['a.xml', 0],
      ['表/b.xml', 8],
    ]);
    expect(new TextDecoder().decode(inflateEntry(zip, entries[1]!))).toBe('<b>预算</b>'.repeat(50));
  });

  it('refuses damage as ZipError: no end record, a cut directory, a bad local header, a part larger than declared, an unknown method', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document>'.repeat(200)) });
    const [entry] = readZipDirectory(zip);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 10))).toThrow(ZipError);
    expect(() => readZipDirectory(zip.subarray(entry!.localOffset + 40))).toThrow(ZipError);
    expect(() => inflateEntry(damage(zip, 0, 0), entry!)).toThrow(/no local header for word\/document\.xml/u);
    expect(() => inflateEntry(zip, { ...entry!, originalSize: 100 })).toThrow(/inflates to more than the 100 bytes it declares/u);
    expect(() => inflateEntry(zip, { ...entry!, compression: 12 })).toThrow(/unknown compression type 12/u);
    expect(() => inflateEntry(zip, { ...entry!, size: zip.length })).toThrow(/past the end of the file/u);
  });
});
