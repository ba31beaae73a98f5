/**
 * The .docx reader's memo (src/read/docx/memo.ts): a styles part stored exactly as one read
 * before is not inflated again, and a file reads the same with the memo as without it, also
 * when its styles part differs from the one before by a single value.
 *
 * The file is Word's twin of the central fixture: its styles part gives Heading2
 * `<w:outlineLvl w:val="1"/>`, and three paragraphs use Heading2 (一、重点项目支出绩效目标,
 * 二、部门预算报表, 三、2024年度项目支出绩效自评结果).
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/read/docx/index.js';
import { DocxMemo } from '../../src/read/docx/memo.js';
import { DEFAULT_LIMITS, openPackage } from '../../src/read/docx/package.js';
import type { DocumentModel } from '../../src/read/model.js';
import { fixturePath } from '../helpers.js';

const parts = unzipSync(readFileSync(fixturePath('test/inputs/producers/word/central-2025.docx')));
const styles = strFromU8(parts['word/styles.xml'] as Uint8Array);
const heading2 = styles.indexOf('w:styleId="Heading2"');
const outline = styles.indexOf('<w:outlineLvl w:val="1"/>', heading2);

const original = zipSync(parts, { level: 6 });
// The same parts, Heading2 at outline level 4: one value of the styles part changed.
const changed = { ...parts, 'word/styles.xml': strToU8(`${styles.slice(0, outline)}<w:outlineLvl w:val="4"/>${styles.slice(outline + '<w:outlineLvl w:val="1"/>'.length)}`) };
const otherStyles = zipSync(changed, { level: 6 });
// Both uncompressed: the two styles parts are stored in as many bytes, one of them differing.
const originalStored = zipSync(parts, { level: 0 });
const otherStored = zipSync(changed, { level: 0 });
// The same parts, compressed otherwise: other stored bytes, the same styles.
const recompressed = zipSync(parts, { level: 1 });

/** A zip of `entries` in this order, each stored as it is (names may repeat). */
function storedZip(entries: [string, Uint8Array][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of entries) {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

const SECTIONS = ['一、重点项目支出绩效目标', '二、部门预算报表', '三、2024年度项目支出绩效自评结果'];

/** The heading level of each of the three section titles. */
function sectionLevels(model: DocumentModel): (number | null)[] {
  return SECTIONS.map((title) => {
    const block = model.blocks.find((b) => b.kind === 'paragraph' && b.text === title);
    return block && block.kind === 'paragraph' ? block.heading : null;
  });
}

describe('DocxMemo', () => {
  it('the test file is as described: Heading2 found with its outline level', () => {
    expect(heading2).toBeGreaterThan(0);
    expect(outline).toBeGreaterThan(heading2);
    expect(sectionLevels(readDocx(original).value)).toEqual([1, 1, 1]);
    expect(sectionLevels(readDocx(otherStyles).value)).toEqual([4, 4, 4]);
  });

  it('a file reads the same with a memo as without, whatever was read before', () => {
    const memo = new DocxMemo();
    const sequence = [original, otherStyles, original, recompressed, otherStyles, original, originalStored, otherStored, originalStored];
    const levels = sequence.map((bytes) => {
      const withMemo = readDocx(bytes, DEFAULT_LIMITS, memo);
      expect(withMemo).toEqual(readDocx(bytes));
      return sectionLevels(withMemo.value)[0];
    });
    expect(levels).toEqual([1, 4, 1, 1, 4, 1, 1, 4, 1]);
  });

  it('of two styles entries the last counts, whether the memo knows it or the one before it', () => {
    const memo = new DocxMemo();
    const stored = (styles: Uint8Array) => ['word/styles.xml', styles] as [string, Uint8Array];
    const rest = Object.entries(parts).filter(([name]) => name !== 'word/styles.xml');
    const original = parts['word/styles.xml'] as Uint8Array;
    const other = changed['word/styles.xml'];
    readDocx(storedZip([...rest, stored(original)]), DEFAULT_LIMITS, memo);
    // The memo now knows the original part as stored: first the known one, then another.
    const knownFirst = storedZip([stored(original), ...rest, stored(other)]);
    const knownLast = storedZip([stored(other), ...rest, stored(original)]);
    const read = [knownFirst, knownLast].map((bytes) => readDocx(bytes, DEFAULT_LIMITS, memo));
    expect(read.map((r) => sectionLevels(r.value)[0])).toEqual([4, 1]);
    expect(read).toEqual([readDocx(knownFirst), readDocx(knownLast)]);
    expect(read[0]?.messages.map((m) => m.code)).toContain('DOCX_DUPLICATE_PART');
    // With only the original known, the last entry is known and the one before it inflated:
    // that one is not kept beside the known styles.
    const onlyOriginal = new DocxMemo();
    readDocx(storedZip([...rest, stored(original)]), DEFAULT_LIMITS, onlyOriginal);
    expect(openPackage(knownLast, DEFAULT_LIMITS, onlyOriginal)).toMatchObject({ styles: null, knownStyles: expect.anything() });
  });

  it('only a styles part stored exactly as one read is taken from the memo, uninflated', () => {
    const memo = new DocxMemo();
    expect(openPackage(original, DEFAULT_LIMITS, memo)).toMatchObject({ knownStyles: null });
    readDocx(original, DEFAULT_LIMITS, memo);
    const again = openPackage(original, DEFAULT_LIMITS, memo);
    expect(again.styles).toBeNull();
    expect(again.knownStyles).not.toBeNull();
    // One value changed, or the same part compressed otherwise: read in full.
    expect(openPackage(otherStyles, DEFAULT_LIMITS, memo)).toMatchObject({ knownStyles: null });
    const other = openPackage(recompressed, DEFAULT_LIMITS, memo);
    expect(other.knownStyles).toBeNull();
    expect(other.styles).toEqual(parts['word/styles.xml']);
    // Without a memo nothing is kept or taken.
    expect(openPackage(original)).toMatchObject({ knownStyles: null, storedStyles: null });
  });
});
