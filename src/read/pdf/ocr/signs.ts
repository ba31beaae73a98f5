/**
 * A second look at comparison signs. The recognizer reads a small `≥` as `2` now and then,
 * or drops a `≤`, and sometimes with a high probability: a target read `25年` for `≥5年`
 * would be silently wrong, and no confidence says so. Where the recognizer hinted at a
 * sign (engine.ts), the ink there is split into connected pieces: `≥` and `≤` are a
 * chevron above a bar, two pieces, where a `2` is one stroke and `<`, `>`, `=` have no
 * chevron over a bar. The chevron's point tells `≥` (pointing right) from `≤`. When the
 * ink is such a sign, the line holds it: the character read there is replaced by it, or
 * the sign is put in where the recognizer read nothing. A crop holding one glyph only (a
 * sign in a column of its own) is also told by its shape: `>`, `<`, `=` as well.
 */
import { lineOf, type RecognizedChar, type RecognizedLine, type TextBox } from './engine.js';
import type { GrayImage } from './image.js';
import { growPiece, inkPieces, type Piece } from './ink.js';
import { SIGN_BAR_RATIO, SIGN_CHECKED_CONFIDENCE, SIGN_CHEVRON_POINT, SIGN_SHAPE_GROW_PX, SIGN_SHAPE_INK, SIGN_EQUAL_BARS, SIGN_LONE_MAX_CHARS, SIGN_MIN_HEIGHT, SIGN_WINDOW } from './settings.js';

export type Sign = '≥' | '≤';

/** Mean x of a piece's ink in rows [from, to) of its height (shares 0–1), as a share of its width. */
function meanX(piece: Piece, from: number, to: number): number | null {
  const height = piece.y1 - piece.y0;
  const width = Math.max(1, piece.x1 - piece.x0 - 1);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < piece.pixels.length; i += 2) {
    const y = (piece.pixels[i + 1]! - piece.y0) / height;
    if (y < from || y >= to) continue;
    sum += (piece.pixels[i]! - piece.x0) / width;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** Which way a chevron points: its ends on one side, its point in the middle of the other. */
/**
 * The piece with the light pixels at its edges: a scanned chevron's thin tips are lighter
 * than INK_LEVEL, and without them its ends look shorter than they are. The piece is grown
 * through neighbouring pixels darker than SIGN_SHAPE_INK, at most SIGN_SHAPE_GROW_PX beyond
 * its box and not down to `below` (the bar), so a neighbouring glyph joins only where its
 * ink touches.
 */
function withLightEdges(image: GrayImage, window: TextBox, piece: Piece, below: number): Piece {
  const bounds = {
    x0: Math.max(0, piece.x0 - SIGN_SHAPE_GROW_PX),
    x1: Math.min(window.x1 - window.x0, piece.x1 + SIGN_SHAPE_GROW_PX),
    y0: Math.max(0, piece.y0 - SIGN_SHAPE_GROW_PX),
    y1: Math.min(below, piece.y1 + SIGN_SHAPE_GROW_PX),
  };
  if (bounds.x1 <= bounds.x0 || bounds.y1 <= bounds.y0) return piece;
  const seen = new Uint8Array((bounds.x1 - bounds.x0) * (bounds.y1 - bounds.y0));
  const grown = growPiece(image, window, bounds, piece.pixels, SIGN_SHAPE_INK, seen);
  return grown.pixels.length === 0 ? piece : { ...grown, cut: piece.cut };
}

function chevron(piece: Piece): '>' | '<' | null {
  const w = piece.x1 - piece.x0;
  const h = piece.y1 - piece.y0;
  if (h < 0.5 * w || h > 2.5 * w) return null;
  const top = meanX(piece, 0, 0.25);
  const middle = meanX(piece, 0.35, 0.65);
  const bottom = meanX(piece, 0.75, 1.01);
  if (top === null || middle === null || bottom === null) return null;
  // The point stands out from both ends by a good part of the width (a 2, an N do not).
  // and its ends lie on the other side.
  if (middle - Math.max(top, bottom) >= SIGN_CHEVRON_POINT && Math.max(top, bottom) < 0.5) return '>';
  if (Math.min(top, bottom) - middle >= SIGN_CHEVRON_POINT && Math.min(top, bottom) > 0.5) return '<';
  return null;
}

/**
 * The sign whose ink lies at image x `at` in a line's box, with its x extent, or null when
 * the ink there is not a chevron over a bar.
 */
export function signAt(image: GrayImage, box: TextBox, at: number): { sign: Sign; x0: number; x1: number } | null {
  const lineHeight = box.y1 - box.y0;
  const half = Math.round(lineHeight * SIGN_WINDOW);
  const window = { x0: Math.max(box.x0, Math.round(at) - half), x1: Math.min(box.x1, Math.round(at) + half), y0: box.y0, y1: box.y1 };
  const pieces = inkPieces(image, window);
  if (pieces.length === 0) return null;
  const local = at - window.x0;
  // The hint's step is only roughly where the glyph is (a `5` beside the `≥` may be
  // nearer), so each glyph in the window is looked at, nearest first.
  const glyphs = glyphsOf(pieces);
  const middle = (g: Piece[]): number => g.reduce((sum, p) => sum + (p.x0 + p.x1) / 2, 0) / g.length;
  glyphs.sort((g, h) => Math.abs(middle(g) - local) - Math.abs(middle(h) - local));
  for (const glyph of glyphs) {
    const sign = signOf(glyph, lineHeight, (p, below) => withLightEdges(image, window, p, below));
    if (sign) return { sign: sign.sign, x0: window.x0 + sign.x0, x1: window.x0 + sign.x1 };
  }
  return null;
}

/** Glyphs: the pieces standing over the same columns (the chevron and the bar of a ≥). */
function glyphsOf(pieces: readonly Piece[]): Piece[][] {
  const overlap = (p: Piece, q: Piece): number => Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0);
  const glyphs: Piece[][] = [];
  for (const piece of [...pieces].sort((p, q) => p.x0 - q.x0)) {
    const glyph = glyphs.find((g) => g.some((q) => overlap(piece, q) >= 0.5 * Math.min(piece.x1 - piece.x0, q.x1 - q.x0)));
    if (glyph) glyph.push(piece);
    else glyphs.push([piece]);
  }
  return glyphs;
}

/** A flat bar: a stroke many times as wide as it is high. */
function isBar(piece: Piece): boolean {
  return piece.x1 - piece.x0 >= SIGN_BAR_RATIO * (piece.y1 - piece.y0);
}

/**
 * The sign a crop holding one glyph shows, when that glyph is one: a chevron over a bar
 * (`≥`, `≤`), a chevron alone (`>`, `<`), or two bars of one length, one over the other
 * (`=`; the bars of 二 differ in length). In a column of its own a sign is a lone glyph,
 * and the recognizer, made for lines of text, reads it as anything (二, √, M, Λ).
 */
export function loneSign(image: GrayImage, box: TextBox): '≥' | '≤' | '>' | '<' | '=' | null {
  const glyphs = glyphsOf(inkPieces(image, box));
  if (glyphs.length !== 1) return null;
  const glyph = glyphs[0]!;
  if (glyph.some((p) => p.cut)) return null;
  const shape = (p: Piece, below: number): Piece => withLightEdges(image, box, p, below);
  const paired = signOf([...glyph], box.y1 - box.y0, shape);
  if (paired) return paired.sign;
  if (glyph.length === 1) return chevron(shape(glyph[0]!, box.y1 - box.y0));
  if (glyph.length === 2 && glyph.every(isBar)) {
    const [a, b] = glyph as [Piece, Piece];
    const width = Math.max(a.x1 - a.x0, b.x1 - b.x0);
    const stacked = Math.max(a.y0, b.y0) >= Math.min(a.y1, b.y1);
    const sameLength = Math.abs(a.x1 - a.x0 - (b.x1 - b.x0)) <= SIGN_EQUAL_BARS * width && Math.abs(a.x0 - b.x0) <= SIGN_EQUAL_BARS * width;
    if (stacked && sameLength) return '=';
  }
  return null;
}

/** A glyph's pieces as a sign (x extent in the window's px), or null. */
function signOf(glyph: Piece[], lineHeight: number, shape: (piece: Piece, below: number) => Piece): { sign: Sign; x0: number; x1: number } | null {
  if (glyph.length !== 2 || glyph.some((p) => p.cut)) return null;
  glyph.sort((p, q) => p.y0 + p.y1 - (q.y0 + q.y1));
  const upper = glyph[0]!;
  const lower = glyph[1]!;
  if (lower.y0 < (upper.y0 + upper.y1) / 2) return null;
  if (!isBar(lower)) return null;
  // The crop is the detected box with paper around it: a sign fills a fifth of it or more.
  if (lower.y1 - upper.y0 > lineHeight || lower.y1 - upper.y0 < SIGN_MIN_HEIGHT * lineHeight) return null;
  // Light edges down to the gap above the bar, not into it.
  const point = chevron(shape(upper, Math.max(upper.y1, lower.y0 - 1)));
  if (point === null) return null;
  return { sign: point === '>' ? '≥' : '≤', x0: Math.min(upper.x0, lower.x0), x1: Math.max(upper.x1, lower.x1) };
}

/**
 * The line with every sign its ink shows: at each hint, a chevron over a bar replaces the
 * characters read over it (a `2`, a `<`) or goes in where nothing was read. A sign the ink
 * confirms is trusted as SIGN_CHECKED_CONFIDENCE at least.
 */
export function checkSigns(image: GrayImage, box: TextBox, line: RecognizedLine): RecognizedLine {
  if ([...line.text].length <= SIGN_LONE_MAX_CHARS) {
    const lone = loneSign(image, box);

    if (lone) {
      const x = (box.x0 + box.x1) / 2;
      const read = line.text === lone ? line.confidence : 0;
      return lineOf([{ text: lone, x, confidence: Math.max(SIGN_CHECKED_CONFIDENCE, read) }], line.signHints);
    }
  }
  if (line.signHints.length === 0) return line;
  let chars: RecognizedChar[] = line.chars;
  let changed = false;
  const done: { x0: number; x1: number }[] = [];
  for (const hint of line.signHints) {
    const found = signAt(image, box, hint);
    if (!found || done.some((d) => hint >= d.x0 && hint <= d.x1)) continue;
    done.push(found);
    const over = chars.filter((c) => c.x >= found.x0 && c.x <= found.x1);
    if (over.length === 1 && over[0]!.text === found.sign && over[0]!.confidence >= SIGN_CHECKED_CONFIDENCE) continue;
    const confidence = Math.max(SIGN_CHECKED_CONFIDENCE, over.find((c) => c.text === found.sign)?.confidence ?? 0);
    const sign: RecognizedChar = { text: found.sign, x: (found.x0 + found.x1) / 2, confidence };
    const rest = chars.filter((c) => !over.includes(c));
    const at = rest.findIndex((c) => c.x > sign.x);
    chars = at < 0 ? [...rest, sign] : [...rest.slice(0, at), sign, ...rest.slice(at)];
    changed = true;
  }
  return changed ? lineOf(chars, line.signHints) : line;
}
