/**
 * OCR of one PDF page into what the text reader gets from a text layer: positioned runs
 * and rulings, so the same geometry (tables.ts, lines.ts, layout.ts) reads a scan and a
 * text PDF alike.
 *
 *   render → grey → skew corrected → rulings found in the pixels and painted out →
 *   text boxes detected (DB) → orientation checked → each box recognized (CTC)
 *
 * Every run keeps its recognition confidence; the reader reports cells whose text is not
 * trusted. Coordinates are page space in points (top-left origin), of the deskewed page.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Rulings } from '../rulings.js';
import type { Run } from '../runs.js';
import type { PageCell, PageTable } from '../tables.js';
import type { OcrEngine, TextBox } from './engine.js';
import { estimateSkew, grayFromRgba, halfTurn, rotate, scaleImage, type GrayImage } from './image.js';
import { pairBrackets } from './brackets.js';
import { inkBox } from './ink.js';
import { pixelRulings } from './pixel-rulings.js';
import { checkSigns } from './signs.js';
import { CELL_INSET_PX, CROP_PAD_X, CROP_PAD_Y, DETECT_SCALE, INK_LEVEL, MAX_BOX_OVERLAP, MAX_RENDER_PIXELS, ORIENTATION_SAMPLE, RENDER_DPI, STACKED_LINE_RATIO, UPSIDE_DOWN_SHARE } from './settings.js';

export { OcrEngine } from './engine.js';

export interface OcrPage {
  runs: Run[];
  rulings: Rulings;
  /**
   * Reads, cell by cell, what text detection passed over: a lone symbol (`≥` in a column
   * of its own) is too small for the detector. Empty cells with ink in them are cropped to
   * their ink and recognized; cells whose ink still reads as nothing get confidence 0, so
   * the reader reports them instead of taking them for empty.
   */
  fillEmptyCells: (tables: readonly PageTable[]) => Promise<void>;
  /** Degrees the page was turned back by (its skew), and whether it was upside down. */
  skew: number;
  upsideDown: boolean;
  width: number;
  height: number;
}

/** The font name OCR'd runs carry: no real font is called this. */
export const OCR_FONT = 'yusuan-ocr';

export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, dpi = RENDER_DPI): Promise<{ image: GrayImage; width: number; height: number }> {
  const page = await doc.getPage(pageNumber);
  try {
    const base = page.getViewport({ scale: 1 });
    let scale = dpi / 72;
    if (base.width * base.height * scale * scale > MAX_RENDER_PIXELS) scale = Math.sqrt(MAX_RENDER_PIXELS / (base.width * base.height));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    // @napi-rs/canvas's context is the 2D context pdf.js draws on in Node (its own canvas factory uses it).
    await page.render({ canvasContext: context, viewport, canvas } as unknown as Parameters<typeof page.render>[0]).promise;
    const pixels = context.getImageData(0, 0, width, height).data;
    return { image: grayFromRgba(pixels, width, height), width: base.width, height: base.height };
  } finally {
    page.cleanup();
  }
}

/** Crops likely to hold a line of text (wider than high), the widest first, for the orientation check. */
function orientationSample(boxes: readonly TextBox[]): TextBox[] {
  return boxes
    .filter((b) => b.x1 - b.x0 > 2 * (b.y1 - b.y0))
    .sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0))
    .slice(0, ORIENTATION_SAMPLE);
}

export async function ocrPage(doc: PDFDocumentProxy, pageNumber: number, engine: OcrEngine): Promise<OcrPage> {
  const rendered = await renderPage(doc, pageNumber);
  const scale = rendered.image.width / rendered.width;
  const skew = estimateSkew(rendered.image);
  let image = rotate(rendered.image, skew);
  let { rulings, cleaned } = pixelRulings(image, scale);
  let boxes = await detectAt(engine, cleaned);
  // A page scanned upside down: most of its lines read as turned. Turn it and start again.
  let upsideDown = false;
  const sample = orientationSample(boxes);
  if (sample.length > 0) {
    const turned = await engine.turned(cleaned, sample);
    if (turned.filter((p) => p > 0.5).length >= UPSIDE_DOWN_SHARE * sample.length) {
      upsideDown = true;
      image = halfTurn(image);
      ({ rulings, cleaned } = pixelRulings(image, scale));
      boxes = await detectAt(engine, cleaned);
    }
  }
  const crops = boxes.map((box) => padded(box, cleaned));
  const lines = (await engine.recognize(cleaned, crops)).map((line, i) => checkSigns(cleaned, crops[i]!, line));
  const runs: Run[] = [];
  boxes.forEach((box, i) => {
    const line = lines[i]!;
    if (line.text === '') return;
    const top = box.y0 / scale;
    const bottom = box.y1 / scale;
    runs.push({
      text: pairBrackets(line.text),
      x0: box.x0 / scale,
      x1: box.x1 / scale,
      top,
      bottom,
      baseline: bottom,
      // The detected box holds the glyphs and a margin around them: about 1.3 em high.
      size: (bottom - top) / 1.3,
      font: OCR_FONT,
      upright: true,
      page: pageNumber,
      confidence: line.confidence,
    });
  });
  const fillEmptyCells = async (tables: readonly PageTable[]): Promise<void> => {
    const empty: { cell: PageCell; box: TextBox }[] = [];
    for (const table of tables) {
      for (const cell of table.cells) {
        if (cell.text !== '') continue;
        const box = inkBox(cleaned, {
          x0: Math.ceil(table.xs[cell.column]! * scale) + CELL_INSET_PX,
          x1: Math.floor(table.xs[cell.column + cell.colSpan]! * scale) - CELL_INSET_PX,
          y0: Math.ceil(table.ys[cell.row]! * scale) + CELL_INSET_PX,
          y1: Math.floor(table.ys[cell.row + cell.rowSpan]! * scale) - CELL_INSET_PX,
        });
        if (box) empty.push({ cell, box });
      }
    }
    if (empty.length === 0) return;
    const crops = empty.map((e) => padded(e.box, cleaned));
    const read = (await engine.recognize(cleaned, crops)).map((line, i) => checkSigns(cleaned, crops[i]!, line));
    empty.forEach(({ cell, box }, i) => {
      const line = read[i]!;
      cell.text = pairBrackets(line.text);
      const top = box.y0 / scale;
      const bottom = box.y1 / scale;
      cell.runs.push({ text: cell.text, x0: box.x0 / scale, x1: box.x1 / scale, top, bottom, baseline: bottom, size: (bottom - top) / 1.3, font: OCR_FONT, upright: true, page: pageNumber, confidence: line.text === '' ? 0 : line.confidence });
    });
  };
  return { runs, rulings, fillEmptyCells, skew, upsideDown, width: rendered.width, height: rendered.height };
}

/**
 * DB joins the lines of a narrow cell when they are set close (`一级指` over `标`): a box
 * much taller than the page's usual line is cut at the light rows between its lines, so
 * each line is recognized alone (the recognizer reads one line).
 */
function splitStackedLines(image: GrayImage, boxes: readonly TextBox[]): TextBox[] {
  const heights = boxes.map((b) => b.y1 - b.y0).sort((a, b) => a - b);
  const line = heights[Math.floor(heights.length / 2)] ?? 0;
  if (line === 0) return [...boxes];
  const out: TextBox[] = [];
  for (const box of boxes) {
    if (box.y1 - box.y0 < STACKED_LINE_RATIO * line) {
      out.push(box);
      continue;
    }
    // Ink per row inside the box; rows with (almost) none separate lines.
    const ink: number[] = [];
    for (let y = box.y0; y < box.y1; y++) {
      let n = 0;
      for (let x = box.x0; x < box.x1; x++) if (image.data[y * image.width + x]! < INK_LEVEL) n++;
      ink.push(n);
    }
    const quiet = Math.max(1, Math.round((box.x1 - box.x0) * 0.01));
    const parts: { y0: number; y1: number }[] = [];
    let start = -1;
    ink.forEach((n, i) => {
      if (n > quiet && start < 0) start = i;
      else if (n <= quiet && start >= 0) {
        parts.push({ y0: start, y1: i });
        start = -1;
      }
    });
    if (start >= 0) parts.push({ y0: start, y1: ink.length });
    const lines = parts.filter((p) => p.y1 - p.y0 >= line * 0.3);
    if (lines.length < 2) {
      out.push(box);
      continue;
    }
    const margin = Math.round(line * 0.15);
    for (const p of lines) out.push({ x0: box.x0, x1: box.x1, y0: Math.max(box.y0, box.y0 + p.y0 - margin), y1: Math.min(box.y1, box.y0 + p.y1 + margin) });
  }
  return out.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/**
 * The crop given to the recognizer: the detected box with paper around it. Without it the
 * first and last glyphs touch the crop's edge, and a small one (≥ before a digit) is
 * misread as a digit.
 */
function padded(box: TextBox, image: GrayImage): TextBox {
  const h = box.y1 - box.y0;
  const dx = Math.round(h * CROP_PAD_X);
  const dy = Math.round(h * CROP_PAD_Y);
  return { x0: Math.max(0, box.x0 - dx), x1: Math.min(image.width, box.x1 + dx), y0: Math.max(0, box.y0 - dy), y1: Math.min(image.height, box.y1 + dy) };
}

/** Detection at DETECT_SCALE, boxes mapped back to the full image's pixels. */
async function detectAt(engine: OcrEngine, image: GrayImage): Promise<TextBox[]> {
  const small = scaleImage(image, DETECT_SCALE);
  const sx = image.width / small.width;
  const sy = image.height / small.height;
  const boxes = (await engine.detect(small)).map((b) => ({
    x0: Math.floor(b.x0 * sx),
    y0: Math.floor(b.y0 * sy),
    x1: Math.min(image.width, Math.ceil(b.x1 * sx)),
    y1: Math.min(image.height, Math.ceil(b.y1 * sy)),
  }));
  return withoutOverlaps(splitStackedLines(image, boxes));
}

/**
 * Boxes mostly inside others are dropped: where a ruling was too short to be found and
 * painted out, DB finds the text of two neighbouring cells and also a box across the
 * ruling between them, which reads as the end of one and the start of the other.
 */
function withoutOverlaps(boxes: readonly TextBox[]): TextBox[] {
  const area = (b: TextBox): number => (b.x1 - b.x0) * (b.y1 - b.y0);
  const inside = (a: TextBox, b: TextBox): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const kept: TextBox[] = [];
  for (const box of [...boxes].sort((a, b) => area(b) - area(a))) {
    const covered = kept.reduce((sum, k) => sum + inside(box, k), 0);
    if (covered < MAX_BOX_OVERLAP * area(box)) kept.push(box);
  }
  return kept.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
