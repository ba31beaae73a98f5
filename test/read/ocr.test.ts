/**
 * OCR of scanned PDFs (test/inputs/scans, made by scripts/fixtures/build-scans.ts from the
 * PDF fixtures): the page geometry found in pixels, and the records of a scan against its
 * text twin. The larger scans are compared in the real-corpus suite (test/real/ocr-scans).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertBytes } from '../../src/convert.js';
import { estimateSkew, rotate, type GrayImage } from '../../src/read/pdf/ocr/image.js';
import { pairBrackets } from '../../src/read/pdf/ocr/brackets.js';
import { pixelRulings } from '../../src/read/pdf/ocr/pixel-rulings.js';
import { loneSign, signAt } from '../../src/read/pdf/ocr/signs.js';
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

/** A stroke 2 px thick from (x0, y0) to (x1, y1). */
function stroke(image: GrayImage, x0: number, y0: number, x1: number, y1: number): void {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  for (let i = 0; i <= steps; i++) {
    const x = Math.round(x0 + ((x1 - x0) * i) / steps);
    const y = Math.round(y0 + ((y1 - y0) * i) / steps);
    fill(image, x, y, x + 2, y + 2);
  }
}

/** A sign 14 px wide in a 40 × 40 crop: `>` or `<` (point right or left), with or without the bar of ≥ ≤. */
function signImage(point: '>' | '<', bar: boolean): GrayImage {
  const image = blank(40, 40);
  const [ends, tip] = point === '>' ? [13, 27] : [27, 13];
  stroke(image, ends, 8, tip, 15);
  stroke(image, tip, 15, ends, 22);
  if (bar) fill(image, 13, 27, 28, 29);
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

  it('joins a scanned ruling broken by light pixels, and keeps the tall strokes of a title', () => {
    const image = blank(600, 400);
    // A line found whole for 200 px, then broken by 3-px breaks (JPEG, noise) into pieces
    // of 47 px, and a cell edge of 40 px past a 6-px break: one ruling from 100 to 446.
    fill(image, 100, 100, 300, 102);
    fill(image, 303, 100, 350, 102);
    fill(image, 353, 100, 400, 102);
    fill(image, 406, 100, 446, 102);
    // Pieces not in line with a ruling are text strokes: this one stays.
    fill(image, 150, 140, 197, 142);
    fill(image, 100, 300, 446, 302);
    fill(image, 100, 100, 102, 302);
    fill(image, 444, 100, 446, 302);
    // A title's stroke, 60 px tall, meeting no horizontal ruling: not a ruling, not erased.
    fill(image, 300, 20, 304, 80);
    const { rulings, cleaned } = pixelRulings(image, 1);
    expect(rulings.h.map((s) => [s.pos, s.a, s.b])).toEqual([
      [101, 100, 446],
      [301, 100, 446],
    ]);
    expect(rulings.v.map((s) => s.pos).sort((a, b) => a - b)).toEqual([101, 445]);
    expect(cleaned.data[50 * 600 + 301]).toBe(20);
    expect(cleaned.data[141 * 600 + 160]).toBe(20);
    expect(cleaned.data[101 * 600 + 420]).toBe(255);
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
    // 16 of 16 indicators equal (measured 2026-12-02); the operators stand in a column of their own.
    expect(compared.f1).toBeGreaterThanOrEqual(0.97);
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
    const compared = compareWithTwin(scan, await documentOf('fixtures/pdf/separate-columns-2025.pdf'));
    expect([compared.silentlyWrong, compared.silentProjects]).toEqual([[], []]);
    expect(compared.f1).toBeGreaterThanOrEqual(0.97);
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

describe('comparison signs told by their ink', () => {
  it('reads a chevron over a bar as ≥ or ≤ by its point, a chevron alone as > or <', () => {
    const whole = { x0: 0, y0: 0, x1: 40, y1: 40 };
    expect(loneSign(signImage('>', true), whole)).toBe('≥');
    expect(loneSign(signImage('<', true), whole)).toBe('≤');
    expect(loneSign(signImage('>', false), whole)).toBe('>');
    expect(loneSign(signImage('<', false), whole)).toBe('<');
    expect(signAt(signImage('>', true), whole, 18)).toEqual({ sign: '≥', x0: 13, x1: 29 });
  });

  it('reads a chevron whose thin ends scanned lighter than ink by its light edges', () => {
    const image = signImage('>', true);
    // Both arms grey (170: lighter than INK_LEVEL 150) but for 6 rows at the point: the ink
    // alone is a short stroke at the right, not a chevron.
    for (let y = 0; y < 26; y++) {
      if (y >= 12 && y < 18) continue;
      for (let x = 0; x < 40; x++) if (image.data[y * 40 + x] === 20) image.data[y * 40 + x] = 170;
    }
    expect(loneSign(image, { x0: 0, y0: 0, x1: 40, y1: 40 })).toBe('≥');
  });

  it('reads two bars of one length as =, and not 二 (bars of two lengths) or a 2 (one stroke)', () => {
    const whole = { x0: 0, y0: 0, x1: 40, y1: 40 };
    const equals = blank(40, 40);
    fill(equals, 12, 14, 28, 16);
    fill(equals, 12, 22, 28, 24);
    expect(loneSign(equals, whole)).toBe('=');
    const two = blank(40, 40);
    fill(two, 15, 12, 25, 14);
    fill(two, 10, 26, 30, 28);
    expect(loneSign(two, whole)).toBeNull();
    // A 2: a hook and a diagonal joined to its bar, one piece.
    const digit = blank(40, 40);
    stroke(digit, 13, 10, 25, 10);
    stroke(digit, 25, 10, 26, 16);
    stroke(digit, 26, 16, 13, 27);
    fill(digit, 13, 27, 28, 29);
    expect(loneSign(digit, whole)).toBeNull();
    expect(signAt(digit, whole, 18)).toBeNull();
  });
});

describe('brackets of OCR\'d text', () => {
  it('gives a closing bracket the width of the one it closes', () => {
    expect(pairBrackets('发放(缴纳）覆盖率')).toBe('发放(缴纳)覆盖率');
    expect(pairBrackets('满意度指标（10分)')).toBe('满意度指标（10分）');
    expect(pairBrackets('冀财教【2024]130号')).toBe('冀财教【2024】130号');
    expect(pairBrackets('川财预〔2024]18号')).toBe('川财预〔2024〕18号');
  });

  it('leaves brackets of other shapes and unpaired ones as read', () => {
    expect(pairBrackets('川财预〔2024）18号')).toBe('川财预〔2024）18号');
    expect(pairBrackets('1）开展')).toBe('1）开展');
    expect(pairBrackets('(1)(2）')).toBe('(1)(2)');
  });
});
