/**
 * Text items built from the operator list (src/read/pdf/text-items.ts) against pdf.js's own
 * text pass, on every PDF in the repository: where the builder takes a page, the items must
 * be those getTextContent gives, to the last bit. (On the real disclosures, test/real holds
 * them to the same strings and fonts, and positions within the float rounding it documents.)
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FONT_IDENTITY, textItemsFromOperators, WrittenNumbers, writtenMatrix, writtenNumber } from '../../src/read/pdf/text-items.js';
import { fixturePath } from '../helpers.js';
import { itemsBothWays } from './text-items-helpers.js';

const FILES = [
  ...readdirSync(fixturePath('fixtures/pdf')).map((f) => `fixtures/pdf/${f}`),
  ...readdirSync(fixturePath('test/inputs/pdf')).map((f) => `test/inputs/pdf/${f}`),
].filter((f) => f.endsWith('.pdf'));

describe('textItemsFromOperators', () => {
  it.each(FILES)('gives getTextContent’s items on every page of %s', async (file) => {
    const pages = await itemsBothWays(fixturePath(file));
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) {
      if (p.fromOperators === null) continue;
      expect({ page: p.page, items: p.fromOperators }).toEqual({ page: p.page, items: p.fromTextContent });
    }
  });

  it('takes the pages of our fixture exports itself', async () => {
    const pages = await itemsBothWays(fixturePath('fixtures/pdf/lunan-kexie-2025.pdf'));
    expect(pages.every((p) => p.fromOperators !== null)).toBe(true);
    expect(pages[0]!.fromOperators!.some((i) => i.str.includes('科普'))).toBe(true);
  });
});

/** A glyph as pdf.js's operator list carries it: 500 thousandths of an em wide. */
function glyph(unicode: string): object {
  return { unicode, width: 500, originalCharCode: unicode.charCodeAt(0), category: { isWhitespace: false, isZeroWidthDiacritic: false, isInvisibleFormatMark: false } };
}

/**
 * Two text objects in one font, the second setting the same font again: "AB" at x 100 and
 * "C" at x `secondX`, size 10 (a glyph is 5 pt wide), on a line at y 700.
 */
function sameFontTwice(secondX: number): ReturnType<typeof textItemsFromOperators> {
  const ops: [number, unknown[]][] = [
    [OPS.beginText, []],
    [OPS.setFont, ['f1', 10]],
    [OPS.setTextMatrix, [[1, 0, 0, 1, 100, 700]]],
    [OPS.showText, [[glyph('A'), glyph('B')]]],
    [OPS.endText, []],
    [OPS.beginText, []],
    [OPS.setFont, ['f1', 10]],
    [OPS.setTextMatrix, [[1, 0, 0, 1, secondX, 700]]],
    [OPS.showText, [[glyph('C')]]],
    [OPS.endText, []],
  ];
  const font = { vertical: false, fontMatrix: FONT_IDENTITY };
  return textItemsFromOperators(
    ops.map(([fn]) => fn),
    ops.map(([, args]) => args),
    () => font,
    [0, 0, 595, 842],
  );
}

describe('the same font set again while an item is open', () => {
  it('keeps the page when the next text ends the item anyway: both of pdf.js’s readings give these items', () => {
    // "C" is 190 pt on from where "B" ended: past the 6 pt (0.6 em) of a space in the flow,
    // so pdf.js ends "AB" there and marks the gap, whether or not the font was another resource.
    expect(sameFontTwice(300)).toEqual([
      { str: 'AB', width: 10, height: 10, transform: [10, 0, 0, 10, 100, 700], fontName: 'f1' },
      { str: ' ', width: 190, height: 0, transform: [10, 0, 0, 10, 110, 700], fontName: 'f1' },
      { str: 'C', width: 5, height: 10, transform: [10, 0, 0, 10, 300, 700], fontName: 'f1' },
    ]);
  });

  it('gives the page back to pdf.js when the next text would join the item: "ABC" under one name, "AB" and "C" under two', () => {
    expect(sameFontTwice(110)).toBeNull();
  });
});

describe('writtenNumber', () => {
  it('gives back the decimal a content stream wrote from its single-precision copy', () => {
    expect(writtenNumber(Math.fround(72.35))).toBe(72.35);
    expect(writtenNumber(Math.fround(569.59))).toBe(569.59);
    expect(writtenNumber(Math.fround(0.16868))).toBe(0.16868);
    expect(writtenNumber(Math.fround(-0.45454))).toBe(-0.45454);
    expect(writtenNumber(Math.fround(1))).toBe(1);
    expect(writtenNumber(0)).toBe(0);
  });

  it('gives the shortest such decimal where the float cannot tell more places apart', () => {
    // 1153.119995 and 1153.12 are the same float: the shorter is taken (3e-5 pt off at most).
    expect(writtenNumber(Math.fround(1153.119995))).toBe(1153.12);
  });

  it('takes whole numbers as they are only where a float still tells integers apart', () => {
    expect(writtenNumber(-612)).toBe(-612);
    expect(writtenNumber(8388607)).toBe(8388607);
    // From 2^23 a float's step is 1 or more: 8388608 may have been written 8388608.4.
    expect(writtenNumber(8388608)).toBeNull();
    expect(writtenNumber(16777216)).toBeNull();
  });

  it('refuses a float that no decimal of few enough places rounds to', () => {
    expect(writtenNumber(Math.fround(1 / 3))).toBeNull();
    expect(writtenNumber(Number.NaN)).toBeNull();
    expect(writtenMatrix(new Float32Array([1, 0, 0, 1, 1 / 3, 0]))).toBeNull();
    expect(writtenMatrix(new Float32Array([1, 0, 0, 1, 90.02, 711.94]))).toEqual([1, 0, 0, 1, 90.02, 711.94]);
  });

  it('gives the same numbers when a page remembers them', () => {
    const numbers = new WrittenNumbers();
    expect(writtenMatrix(new Float32Array([1, 0, 0, 1, 90.02, 711.94]), numbers)).toEqual([1, 0, 0, 1, 90.02, 711.94]);
    expect(writtenMatrix(new Float32Array([1, 0, 0, 1, 90.02, 1 / 3]), numbers)).toBeNull();
    expect(numbers.of(Math.fround(90.02))).toBe(90.02);
    expect(numbers.of(Math.fround(1 / 3))).toBeNull();
  });
});
