/**
 * Table rulings found in the pixels of a page: long, thin runs of ink, horizontal and
 * vertical, merged across the rows (or columns) a drawn line covers. They come out as the
 * same segments the text-PDF reader takes from drawing operators, so one geometry builds
 * the grids of both. The ink they cover is then painted out, so that text detection does
 * not read a ruling as a character or join the text of two cells across it.
 */
import type { Rulings, Segment } from '../rulings.js';
import type { GrayImage } from './image.js';
import { ERASE_MARGIN_PX, INK_LEVEL, MAX_RULING_THICKNESS_PX, MIN_H_RULING_PX, MIN_V_RULING_PX, RULING_GAP_PX } from './settings.js';

interface PixelRun {
  /** Row (horizontal) or column (vertical). */
  line: number;
  start: number;
  end: number;
}

/** Runs of ink along each line of pixels, bridging gaps of at most RULING_GAP_PX. */
function inkRuns(image: GrayImage, horizontal: boolean): PixelRun[] {
  const { width, height, data } = image;
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const min = horizontal ? MIN_H_RULING_PX : MIN_V_RULING_PX;
  const out: PixelRun[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let lastInk = -1;
    for (let i = 0; i <= length; i++) {
      const ink = i < length && data[horizontal ? line * width + i : i * width + line]! < INK_LEVEL;
      if (ink) {
        if (start < 0) start = i;
        lastInk = i;
      } else if (start >= 0 && i - lastInk > RULING_GAP_PX) {
        if (lastInk + 1 - start >= min) out.push({ line, start, end: lastInk + 1 });
        start = -1;
      }
    }
  }
  return out;
}

/**
 * Runs on neighbouring lines that overlap along their length are one drawn line. A group
 * thicker than MAX_RULING_THICKNESS_PX is a dark area (shading, a photo), not a ruling.
 */
function groupRuns(runs: readonly PixelRun[]): { first: number; last: number; start: number; end: number }[] {
  const groups: { first: number; last: number; start: number; end: number }[] = [];
  // Open groups, those whose last line is the previous line.
  let open: typeof groups = [];
  let i = 0;
  while (i < runs.length) {
    const line = runs[i]!.line;
    const next: typeof groups = [];
    for (; i < runs.length && runs[i]!.line === line; i++) {
      const run = runs[i]!;
      const group = open.find((g) => g.last === line - 1 && run.start < g.end && run.end > g.start);
      if (group) {
        group.last = line;
        group.start = Math.min(group.start, run.start);
        group.end = Math.max(group.end, run.end);
        if (!next.includes(group)) next.push(group);
      } else {
        const created = { first: line, last: line, start: run.start, end: run.end };
        groups.push(created);
        next.push(created);
      }
    }
    open = next;
  }
  return groups.filter((g) => g.last - g.first + 1 <= MAX_RULING_THICKNESS_PX);
}

/**
 * The rulings of a page image, in page space (points, top-left origin): pixels / scale.
 * Also returns a copy of the image with their ink painted white.
 */
export function pixelRulings(image: GrayImage, scale: number): { rulings: Rulings; cleaned: GrayImage } {
  const cleaned = new Uint8Array(image.data);
  const toSegments = (horizontal: boolean): Segment[] => {
    const groups = groupRuns(inkRuns(image, horizontal));
    const segments: Segment[] = [];
    for (const g of groups) {
      // Paint out the line and its blurred edge (scanning and JPEG spread it a pixel or two).
      for (let line = Math.max(0, g.first - ERASE_MARGIN_PX); line <= g.last + ERASE_MARGIN_PX; line++) {
        for (let i = g.start; i < g.end; i++) {
          const at = horizontal ? line * image.width + i : i * image.width + line;
          if (at < cleaned.length && (horizontal ? line < image.height : line < image.width)) cleaned[at] = 255;
        }
      }
      segments.push({ pos: (g.first + g.last + 1) / 2 / scale, a: g.start / scale, b: g.end / scale, thick: (g.last - g.first + 1) / scale });
    }
    return segments;
  };
  const h = toSegments(true);
  const v = toSegments(false);
  return { rulings: { h, v }, cleaned: { width: image.width, height: image.height, data: cleaned } };
}
