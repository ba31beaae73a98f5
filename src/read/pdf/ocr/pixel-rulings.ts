/**
 * Table rulings found in the pixels of a page: long, thin runs of ink, horizontal and
 * vertical, merged across the rows (or columns) a drawn line covers. They come out as the
 * same segments the text-PDF reader takes from drawing operators, so one geometry builds
 * the grids of both. The ink they cover is then painted out, so that text detection does
 * not read a ruling as a character or join the text of two cells across it.
 *
 * A scanned line is broken: JPEG and noise leave light pixels in it, so one drawn line is
 * found as a long run (a seed, long enough that no text stroke is one) and short pieces
 * in line with it. Pieces count only when they continue a seed; text strokes are pieces
 * too, but not in line with a ruling. A vertical ruling must meet a horizontal one: the
 * tall strokes of a title are not table borders.
 */
import type { Rulings, Segment } from '../rulings.js';
import type { GrayImage } from './image.js';
import {
  ERASE_MARGIN_PX,
  INK_LEVEL,
  MAX_RULING_THICKNESS_PX,
  MIN_H_RULING_PX,
  MIN_V_RULING_PX,
  RULING_ALIGN_PX,
  RULING_GAP_PX,
  RULING_JOIN_GAP_PX,
  RULING_MEETS_PX,
  RULING_PIECE_PX,
} from './settings.js';

interface PixelRun {
  /** Row (horizontal) or column (vertical). */
  line: number;
  start: number;
  end: number;
}

/** Runs of ink at least RULING_PIECE_PX long along each line of pixels, bridging gaps of at most RULING_GAP_PX. */
function inkRuns(image: GrayImage, horizontal: boolean): PixelRun[] {
  const { width, height, data } = image;
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const min = RULING_PIECE_PX;
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
function groupRuns(runs: readonly PixelRun[]): Line[] {
  const groups: Line[] = [];
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

interface Line {
  first: number;
  last: number;
  start: number;
  end: number;
}

/**
 * Seeds (lines at least `seedLength` long) grown by the pieces in line with them: a piece
 * whose centre is within RULING_ALIGN_PX of a seed's and whose gap to it is at most
 * RULING_JOIN_GAP_PX joins it, and the grown line can take the next piece. Pieces that
 * join nothing are dropped (they are text strokes, or dust).
 */
function growSeeds(groups: readonly Line[], seedLength: number): Line[] {
  const centre = (g: Line): number => (g.first + g.last) / 2;
  const seeds = groups.filter((g) => g.end - g.start >= seedLength).map((g) => ({ ...g }));
  const pieces = groups.filter((g) => g.end - g.start < seedLength).sort((a, b) => a.start - b.start);
  const used = new Uint8Array(pieces.length);
  for (const seed of seeds) {
    let grown = true;
    while (grown) {
      grown = false;
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i]!;
        if (used[i] || Math.abs(centre(piece) - centre(seed)) > RULING_ALIGN_PX) continue;
        if (piece.start > seed.end + RULING_JOIN_GAP_PX || piece.end < seed.start - RULING_JOIN_GAP_PX) continue;
        used[i] = 1;
        grown = true;
        seed.start = Math.min(seed.start, piece.start);
        seed.end = Math.max(seed.end, piece.end);
        seed.first = Math.min(seed.first, piece.first);
        seed.last = Math.max(seed.last, piece.last);
      }
    }
  }
  return seeds;
}

/** Does a vertical line end at, or cross, one of the horizontal ones? */
function meetsHorizontal(v: Line, horizontals: readonly Line[]): boolean {
  return horizontals.some((h) => {
    const x = (v.first + v.last) / 2;
    const y = (h.first + h.last) / 2;
    return x >= h.start - RULING_MEETS_PX && x <= h.end + RULING_MEETS_PX && y >= v.start - RULING_MEETS_PX && y <= v.end + RULING_MEETS_PX;
  });
}

/**
 * The rulings of a page image, in page space (points, top-left origin): pixels / scale.
 * Also returns a copy of the image with their ink painted white.
 */
export function pixelRulings(image: GrayImage, scale: number): { rulings: Rulings; cleaned: GrayImage } {
  const cleaned = new Uint8Array(image.data);
  const horizontals = growSeeds(groupRuns(inkRuns(image, true)), MIN_H_RULING_PX);
  const verticals = growSeeds(groupRuns(inkRuns(image, false)), MIN_V_RULING_PX).filter((v) => meetsHorizontal(v, horizontals));
  const toSegments = (lines: readonly Line[], horizontal: boolean): Segment[] =>
    lines.map((g) => {
      // Paint out the line and its blurred edge (scanning and JPEG spread it a pixel or two).
      for (let line = Math.max(0, g.first - ERASE_MARGIN_PX); line <= g.last + ERASE_MARGIN_PX; line++) {
        if (line >= (horizontal ? image.height : image.width)) break;
        for (let i = g.start; i < g.end; i++) cleaned[horizontal ? line * image.width + i : i * image.width + line] = 255;
      }
      return { pos: (g.first + g.last + 1) / 2 / scale, a: g.start / scale, b: g.end / scale, thick: (g.last - g.first + 1) / scale };
    });
  const h = toSegments(horizontals, true);
  const v = toSegments(verticals, false);
  return { rulings: { h, v }, cleaned: { width: image.width, height: image.height, data: cleaned } };
}
