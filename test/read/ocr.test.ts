/**
 * OCR of scanned PDFs (test/inputs/scans, made by scripts/fixtures/build-scans.ts from the
 * PDF fixtures): the page geometry found in pixels, and the records of a scan against its
 * text twin. The larger scans are compared in the real-corpus suite (test/real/ocr-scans).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertBytes } from '../../src/convert.js';
import { estimateSkew, rotate, type GrayImage } from '../../src/read/pdf/ocr/image.js';
import { pixelRulings } from '../../src/read/pdf/ocr/pixel-rulings.js';
import { documentOf, fixturePath } from '../helpers.js';
import { compareWithTwin } from './ocr-helpers.js';

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(250) };
}

function fill(image: GrayImage, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.data[y * image.width + x] = 20;
}

/** A 3 × 2 grid: rulings 2 px thick at x = 100, 300, 500 and y = 100, 200, 300. */
function grid(): GrayImage {
  const image = blank(600, 400);
  for (const y of [100, 200, 300]) fill(image, 100, y, 502, y + 2);
  for (const x of [100, 300, 500]) fill(image, x, 100, x + 2, 302);
  // Text-like strokes: short runs that must not count as rulings.
  for (let x = 120; x < 280; x += 24) fill(image, x, 150, x + 20, 152);
  return image;
}

describe('page geometry in pixels', () => {
  it('finds the rulings of a grid, in points, and paints them out', () => {
    const { rulings, cleaned } = pixelRulings(grid(), 2);
    expect(rulings.h.map((s) => [s.pos, s.a, s.b])).toEqual([
      [50.5, 50, 251],
      [100.5, 50, 251],
      [150.5, 50, 251],
    ]);
    expect(rulings.v.map((s) => [s.pos, s.a, s.b]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [50.5, 50, 151],
      [150.5, 50, 151],
      [250.5, 50, 151],
    ]);
    expect(cleaned.data[100 * 600 + 200]).toBe(255);
    // The strokes stay: they are text.
    expect(cleaned.data[150 * 600 + 125]).toBe(20);
  });

  it('measures a page turned by 0.8° and turns it back', () => {
    const image = blank(800, 600);
    for (let y = 100; y < 560; y += 40) fill(image, 60, y, 740, y + 2);
    // Sampled 0.8° anticlockwise, the lines fall 0.8° to the right (clockwise): skew 0.8.
    const turned = rotate(image, -0.8);
    expect(estimateSkew(turned)).toBeCloseTo(0.8, 1);
    expect(estimateSkew(rotate(turned, estimateSkew(turned)))).toBe(0);
    expect(estimateSkew(image)).toBe(0);
  });
});

describe('scanned PDFs', () => {
  it('reads a scan of separate-columns-2025 with every field of its twin right or flagged', async () => {
    const scan = await documentOf('test/inputs/scans/separate-columns-2025-150dpi.pdf');
    const twin = await documentOf('fixtures/pdf/separate-columns-2025.pdf');
    expect(scan.source.ocrPages).toEqual([1, 2]);
    expect(scan.status).toBe('partial');
    expect(scan.diagnostics.find((d) => d.code === 'OCR_PAGES')?.message).toMatch(/^pages 1, 2 were read by OCR \(having no text layer\) \(skew corrected: 0\.3° on page 1, 0\.3° on page 2\)/u);
    const compared = compareWithTwin(scan, twin);
    expect(compared.silentlyWrong).toEqual([]);
    expect(compared.silentProjects).toEqual([]);
    expect(compared.scan).toBe(compared.twin);
    // Read from the rendered page: the two projects and their amounts (1,286,400.00 and
    // 368,520.00 元) are right or flagged; the first indicator name is 保障在职人员数.
    expect(scan.projects.map((p) => p.name)).toEqual(twin.projects.map((p) => p.name));
    expect(scan.projects[0]?.indicators[0]?.level3).toBe('保障在职人员数');
    // Each flag names its cell.
    for (const d of scan.diagnostics.filter((x) => x.code === 'OCR_LOW_CONFIDENCE')) {
      expect([d.page, d.table, d.row, d.column].every((n) => typeof n === 'number' && n > 0)).toBe(true);
    }
  });

  it('turns a page scanned upside down and says so', async () => {
    const scan = await documentOf('test/inputs/scans/upside-down-150dpi.pdf');
    expect(scan.diagnostics.filter((d) => d.code === 'OCR_PAGE_TURNED').map((d) => d.message)).toEqual([
      'page 1 was scanned upside down; it was turned and read',
      'page 2 was scanned upside down; it was turned and read',
    ]);
    expect(scan.projects.map((p) => p.name)).toEqual((await documentOf('fixtures/pdf/separate-columns-2025.pdf')).projects.map((p) => p.name));
  });

  it('fails a blank scan with its reason', async () => {
    const conversion = await convertBytes(readFileSync(fixturePath('test/inputs/scans/blank-150dpi.pdf')), 'blank.pdf');
    expect(conversion).toMatchObject({ status: 'failed', errorKind: 'no-text-layer', message: 'no text on any page, even by OCR (a blank scan?)' });
  });

  it('does not OCR with --ocr off', async () => {
    const conversion = await convertBytes(readFileSync(fixturePath('test/inputs/scans/separate-columns-2025-150dpi.pdf')), 'scan.pdf', { ocr: 'off' });
    expect(conversion).toMatchObject({ status: 'failed', errorKind: 'no-text-layer', message: 'no text layer (scanned?) and OCR is off (--ocr off); not read' });
  });
});
