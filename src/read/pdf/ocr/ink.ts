/**
 * Ink on a page image as connected pieces (8-neighbours), with the specks of scanner noise
 * left out: the sign check reads the shape of a glyph from them, and an empty cell's text
 * is cropped to them (one speck in a corner would otherwise stretch the crop to the whole
 * cell, and the recognizer reads characters into the paper).
 */
import type { TextBox } from './engine.js';
import type { GrayImage } from './image.js';
import { INK_LEVEL, MIN_PIECE_PX } from './settings.js';

export interface Piece {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Ink pixels, as [x, y] pairs. */
  pixels: number[];
  /** It reaches the window's left or right edge: part of something wider than the window. */
  cut: boolean;
}

/**
 * The pixels 8-connected to `seeds` ([x, y] pairs) through pixels darker than `level`,
 * inside `bounds`; coordinates are the window's, `seen` covers the bounds and is marked.
 */
export function growPiece(image: GrayImage, window: TextBox, bounds: TextBox, seeds: readonly number[], level: number, seen: Uint8Array): Piece {
  const bw = bounds.x1 - bounds.x0;
  const dark = (x: number, y: number): boolean => image.data[(window.y0 + y) * image.width + window.x0 + x]! < level;
  const piece: Piece = { x0: bounds.x1, x1: -1, y0: bounds.y1, y1: -1, pixels: [], cut: false };
  const stack: number[] = [];
  const visit = (x: number, y: number): void => {
    if (x < bounds.x0 || y < bounds.y0 || x >= bounds.x1 || y >= bounds.y1) return;
    const at = (y - bounds.y0) * bw + (x - bounds.x0);
    if (seen[at]) return;
    seen[at] = 1;
    stack.push(x, y);
  };
  for (let i = 0; i < seeds.length; i += 2) visit(seeds[i]!, seeds[i + 1]!);
  while (stack.length > 0) {
    const y = stack.pop()!;
    const x = stack.pop()!;
    piece.pixels.push(x, y);
    piece.x0 = Math.min(piece.x0, x);
    piece.x1 = Math.max(piece.x1, x + 1);
    piece.y0 = Math.min(piece.y0, y);
    piece.y1 = Math.max(piece.y1, y + 1);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx >= bounds.x0 && ny >= bounds.y0 && nx < bounds.x1 && ny < bounds.y1 && dark(nx, ny)) visit(nx, ny);
      }
    }
  }
  return piece;
}

/**
 * The connected pieces of ink (8-neighbours) inside a window of the image. A piece that
 * reaches the window's left or right edge is marked: it is part of a wider glyph.
 */
export function inkPieces(image: GrayImage, window: TextBox): Piece[] {
  const w = window.x1 - window.x0;
  const h = window.y1 - window.y0;
  if (w <= 0 || h <= 0) return [];
  const bounds = { x0: 0, y0: 0, x1: w, y1: h };
  const seen = new Uint8Array(w * h);
  const out: Piece[] = [];
  for (let start = 0; start < w * h; start++) {
    const x = start % w;
    const y = (start - x) / w;
    if (seen[start] || image.data[(window.y0 + y) * image.width + window.x0 + x]! >= INK_LEVEL) continue;
    const piece = growPiece(image, window, bounds, [x, y], INK_LEVEL, seen);
    if (piece.pixels.length / 2 < MIN_PIECE_PX) continue;
    piece.cut = piece.x0 === 0 || piece.x1 === w;
    out.push(piece);
  }
  return out;
}

/** The bounding box of the pieces of ink in a region (image px), or null when there are none. */
export function inkBox(image: GrayImage, region: TextBox): TextBox | null {
  const window = { x0: Math.max(0, region.x0), x1: Math.min(image.width, region.x1), y0: Math.max(0, region.y0), y1: Math.min(image.height, region.y1) };
  const pieces = inkPieces(image, window);
  if (pieces.length === 0) return null;
  return {
    x0: window.x0 + Math.min(...pieces.map((p) => p.x0)),
    x1: window.x0 + Math.max(...pieces.map((p) => p.x1)),
    y0: window.y0 + Math.min(...pieces.map((p) => p.y0)),
    y1: window.y0 + Math.max(...pieces.map((p) => p.y1)),
  };
}
