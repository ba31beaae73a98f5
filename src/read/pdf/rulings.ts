/**
 * Ruling lines from a page's operator list. Tables are drawn either with stroked lines
 * (LibreOffice, Excel) or with thin filled rectangles (Word, WPS, Distiller); both become
 * horizontal and vertical segments in page space. The graphics state (save/restore, cm,
 * form XObjects, line width, colours) is tracked here because pdf.js hands over paths in
 * the user space current when they were painted.
 *
 * pdf.js 5 emits every painted path as one `constructPath` op whose arguments are
 * [paintOp, [Float32Array path | null], minMax | null]; the path array is a sequence of
 * DrawOPS codes (moveTo 0, lineTo 1, curveTo 2, closePath 3) each followed by its points.
 * A clip is `clip`/`eoClip` followed by a constructPath with paintOp endPath.
 */
import { apply, IDENTITY, multiply, scaleOf, toMatrix, type Matrix } from './geometry.js';
import { OPS } from './load.js';

export interface Segment {
  /** y for a horizontal segment, x for a vertical one (page space). */
  pos: number;
  /** Extent along the segment: x0..x1 (horizontal) or top..bottom (vertical). */
  a: number;
  b: number;
  /** Drawn thickness in points. */
  thick: number;
}

export interface Rulings {
  h: Segment[];
  v: Segment[];
}

/** Filled rectangles thinner than this are rulings; thicker ones are shading. */
export const MAX_RULE_THICKNESS = 3;
/** A segment must be at least this long to count (dots and joints are dropped). */
const MIN_RULE_LENGTH = 2;
/** A segment whose direction deviates less than this (points) is axis-aligned. */
const AXIS_SLACK = 0.8;

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_CLOSE = 3;

interface GState {
  ctm: Matrix;
  lineWidth: number;
  strokeVisible: boolean;
  fillVisible: boolean;
  strokeAlpha: number;
  fillAlpha: number;
}

/** Colours so light they cannot be a visible rule on paper (white backgrounds, erasers). */
function visibleColour(hex: unknown): boolean {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return true;
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return Math.min(r, g, b) < 0xf0;
}

type Point = [number, number];

/** Split a pdf.js path buffer into subpaths of points (curves flattened to their end points). */
interface Subpath {
  points: Point[];
  /** curvedTo[k]: the piece ending at points[k] is a curve. */
  curvedTo: boolean[];
  closed: boolean;
  curved: boolean;
}

function subpaths(buffer: ArrayLike<number>): Subpath[] {
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  const start = (): Subpath => {
    const s: Subpath = { points: [], curvedTo: [], closed: false, curved: false };
    out.push(s);
    return s;
  };
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i++];
    if (op === DRAW_MOVE) {
      cur = start();
      cur.points.push([buffer[i]!, buffer[i + 1]!]);
      cur.curvedTo.push(false);
      i += 2;
    } else if (op === DRAW_LINE) {
      cur ??= start();
      cur.points.push([buffer[i]!, buffer[i + 1]!]);
      cur.curvedTo.push(false);
      i += 2;
    } else if (op === DRAW_CURVE) {
      cur ??= start();
      cur.points.push([buffer[i + 4]!, buffer[i + 5]!]);
      cur.curvedTo.push(true);
      cur.curved = true;
      i += 6;
    } else if (op === DRAW_CLOSE) {
      if (cur) cur.closed = true;
      // A new subpath after closePath starts at the same point unless moveTo follows.
      cur = null;
    } else {
      break; // unknown code: stop rather than misread
    }
  }
  return out;
}

class Collector {
  readonly h: Segment[] = [];
  readonly v: Segment[] = [];

  /** A stroked straight piece from p to q (page space) drawn `width` thick. */
  stroke(p: Point, q: Point, width: number): void {
    const dx = Math.abs(q[0] - p[0]);
    const dy = Math.abs(q[1] - p[1]);
    if (dy <= AXIS_SLACK && dx >= MIN_RULE_LENGTH) {
      this.h.push({ pos: (p[1] + q[1]) / 2, a: Math.min(p[0], q[0]), b: Math.max(p[0], q[0]), thick: width });
    } else if (dx <= AXIS_SLACK && dy >= MIN_RULE_LENGTH) {
      this.v.push({ pos: (p[0] + q[0]) / 2, a: Math.min(p[1], q[1]), b: Math.max(p[1], q[1]), thick: width });
    }
  }

  /** A filled axis-aligned rectangle (page space). Thin ones are rulings. */
  rect(x0: number, y0: number, x1: number, y1: number): void {
    const w = x1 - x0;
    const h = y1 - y0;
    // Zero-area fills paint nothing; thick ones are shading, not rules.
    if (Math.min(w, h) < 0.01 || Math.min(w, h) > MAX_RULE_THICKNESS || Math.max(w, h) < MIN_RULE_LENGTH) return;
    if (w >= h) this.h.push({ pos: (y0 + y1) / 2, a: x0, b: x1, thick: h });
    else this.v.push({ pos: (x0 + x1) / 2, a: y0, b: y1, thick: w });
  }
}

/** The axis-aligned bounding rectangle of points when they form a rectangle, else null. */
function asRectangle(points: Point[]): [number, number, number, number] | null {
  let pts = points;
  if (pts.length >= 2) {
    const f = pts[0]!;
    const l = pts[pts.length - 1]!;
    if (Math.abs(f[0] - l[0]) < 0.01 && Math.abs(f[1] - l[1]) < 0.01) pts = pts.slice(0, -1);
  }
  if (pts.length !== 4 && pts.length !== 2) return null;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  if (pts.length === 2) return [x0, y0, x1, y1]; // degenerate `re` with zero width or height
  // Every corner must sit on the bounding box's corners (an axis-aligned rectangle) …
  const slack = 0.05;
  const onX = (x: number): boolean => Math.abs(x - x0) < slack || Math.abs(x - x1) < slack;
  const onY = (y: number): boolean => Math.abs(y - y0) < slack || Math.abs(y - y1) < slack;
  if (pts.every(([x, y]) => onX(x) && onY(y))) return [x0, y0, x1, y1];
  // … or, for a rule, on its two long sides: Excel draws each cell border as a thin trapezoid
  // whose ends are mitred to meet the borders across (`798,46.09 → 42,46.09 → 42,46.84 →
  // 797.25,46.84`). Its bounding box is the rule.
  const thinY = y1 - y0 <= MAX_RULE_THICKNESS && x1 - x0 >= MIN_RULE_LENGTH;
  const thinX = x1 - x0 <= MAX_RULE_THICKNESS && y1 - y0 >= MIN_RULE_LENGTH;
  if (thinY && pts.every(([, y]) => onY(y))) return [x0, y0, x1, y1];
  if (thinX && pts.every(([x]) => onX(x))) return [x0, y0, x1, y1];
  return null;
}

/**
 * Collect ruling segments from an operator list. `viewport` maps PDF user space to page
 * space; the result is in page space.
 */
export function collectRulings(fnArray: readonly number[], argsArray: readonly unknown[], viewport: Matrix): Rulings {
  const out = new Collector();
  const stack: GState[] = [];
  let gs: GState = { ctm: IDENTITY, lineWidth: 1, strokeVisible: true, fillVisible: true, strokeAlpha: 1, fillAlpha: 1 };
  const push = (): void => {
    stack.push(gs);
    gs = { ...gs };
  };
  const pop = (): void => {
    gs = stack.pop() ?? gs;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
      case OPS.beginGroup:
        push();
        break;
      case OPS.restore:
      case OPS.endGroup:
      case OPS.paintFormXObjectEnd:
        pop();
        break;
      case OPS.paintFormXObjectBegin: {
        push();
        const m = toMatrix(args?.[0]);
        if (m) gs.ctm = multiply(gs.ctm, m);
        break;
      }
      case OPS.transform: {
        const m = toMatrix(args);
        if (m) gs.ctm = multiply(gs.ctm, m);
        break;
      }
      case OPS.setLineWidth:
        if (typeof args?.[0] === 'number') gs.lineWidth = args[0];
        break;
      case OPS.setStrokeRGBColor:
        gs.strokeVisible = visibleColour(args?.[0]);
        break;
      case OPS.setFillRGBColor:
        gs.fillVisible = visibleColour(args?.[0]);
        break;
      case OPS.setStrokeTransparent:
        gs.strokeVisible = false;
        break;
      case OPS.setFillTransparent:
        gs.fillVisible = false;
        break;
      case OPS.setStrokeColorN:
      case OPS.setFillColorN:
        // Patterns and shadings: cannot tell, treat as visible.
        if (fn === OPS.setStrokeColorN) gs.strokeVisible = true;
        else gs.fillVisible = true;
        break;
      case OPS.setGState: {
        const entries = args?.[0];
        if (Array.isArray(entries)) {
          for (const entry of entries) {
            if (!Array.isArray(entry)) continue;
            const [key, value] = entry as [unknown, unknown];
            if (key === 'LW' && typeof value === 'number') gs.lineWidth = value;
            else if (key === 'CA' && typeof value === 'number') gs.strokeAlpha = value;
            else if (key === 'ca' && typeof value === 'number') gs.fillAlpha = value;
          }
        }
        break;
      }
      case OPS.constructPath:
        paintPath(args, gs, viewport, out);
        break;
      default:
        break;
    }
  }
  return { h: out.h, v: out.v };
}

function paintPath(args: unknown[] | null, gs: GState, viewport: Matrix, out: Collector): void {
  if (!args) return;
  const paint = args[0] as number;
  const buffers = args[1] as (ArrayLike<number> | null)[] | null;
  const buffer = buffers?.[0];
  if (!buffer || buffer.length === 0) return;
  const stroked =
    paint === OPS.stroke ||
    paint === OPS.closeStroke ||
    paint === OPS.fillStroke ||
    paint === OPS.eoFillStroke ||
    paint === OPS.closeFillStroke ||
    paint === OPS.closeEOFillStroke;
  const filled =
    paint === OPS.fill ||
    paint === OPS.eoFill ||
    paint === OPS.fillStroke ||
    paint === OPS.eoFillStroke ||
    paint === OPS.closeFillStroke ||
    paint === OPS.closeEOFillStroke ||
    paint === OPS.rawFillPath;
  const strokeOn = stroked && gs.strokeVisible && gs.strokeAlpha > 0.05;
  const fillOn = filled && gs.fillVisible && gs.fillAlpha > 0.05;
  if (!strokeOn && !fillOn) return;

  const m = multiply(viewport, gs.ctm);
  // A zero line width is the thinnest line the device can draw.
  const width = Math.max(gs.lineWidth * scaleOf(gs.ctm), 0.1);
  for (const sub of subpaths(buffer)) {
    const pts = sub.points.map(([x, y]) => apply(m, x, y));
    if (pts.length === 0) continue;
    if (fillOn && !sub.curved) {
      const r = asRectangle(pts);
      if (r) out.rect(r[0], r[1], r[2], r[3]);
    }
    if (strokeOn) {
      if (pts.length === 1) continue;
      for (let k = 0; k + 1 < pts.length; k++) {
        if (!sub.curvedTo[k + 1]) out.stroke(pts[k]!, pts[k + 1]!, width);
      }
      if (sub.closed && pts.length > 2) out.stroke(pts[pts.length - 1]!, pts[0]!, width);
    }
  }
}
