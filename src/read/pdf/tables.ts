/**
 * Tables of one page, from ruling segments: segments that touch form a table; its column
 * and row boundaries are the clustered x of its vertical and y of its horizontal rulings;
 * a cell extends right and down across boundaries whose ruling segment is missing there
 * (a merged cell). Text runs are then placed into the cell containing them.
 */
import { cluster, intervalIndex, type Box } from './geometry.js';
import { groupLines, joinLines } from './lines.js';
import type { Segment, Rulings } from './rulings.js';
import { splitIndexAt, splitRun, type Run } from './runs.js';

/** Rulings whose positions differ by less than this are one boundary (double lines, jitter). */
export const POS_TOLERANCE = 2;
/** Collinear pieces separated by less than this are one ruling. */
const JOIN_GAP = 2.5;
/** How far a ruling may stop short of another and still touch it. */
const TOUCH_TOLERANCE = 2.5;
/** Left plus right cell margin assumed when measuring how much text fits in a cell. */
const CELL_MARGINS = 14;
/** An open edge (a row cut by a page break) must stick out at least this far. */
const OPEN_EDGE_MIN = 4;

export interface PageCell {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  runs: Run[];
  text: string;
  page: number;
  /** Room left on the cell's last line (points) and its font size; null for an empty cell. */
  room: { left: number; size: number } | null;
}

export interface PageTable {
  page: number;
  /** Column boundaries, left to right (columnCount + 1 values). */
  xs: number[];
  /** Row boundaries, top to bottom (rowCount + 1 values). */
  ys: number[];
  grid: (PageCell | null)[][];
  cells: PageCell[];
  box: Box;
  /** The top edge is not ruled: the first row continues a row from the previous page. */
  openTop: boolean;
  /** The bottom edge is not ruled: the last row continues on the next page. */
  openBottom: boolean;
}

/** Merge collinear, overlapping or nearly touching segments. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const positions = cluster(
    segments.map((s) => ({ at: s.pos, weight: s.b - s.a })),
    POS_TOLERANCE,
  );
  const byPos = new Map<number, Segment[]>();
  for (const s of segments) {
    let best = 0;
    for (let i = 1; i < positions.length; i++) {
      if (Math.abs(positions[i]! - s.pos) < Math.abs(positions[best]! - s.pos)) best = i;
    }
    const list = byPos.get(best) ?? [];
    list.push(s);
    byPos.set(best, list);
  }
  const out: Segment[] = [];
  for (const [idx, list] of byPos) {
    list.sort((p, q) => p.a - q.a);
    let cur: Segment | null = null;
    for (const s of list) {
      if (cur && s.a <= cur.b + JOIN_GAP) {
        cur.b = Math.max(cur.b, s.b);
        cur.thick = Math.max(cur.thick, s.thick);
      } else {
        if (cur) out.push(cur);
        cur = { pos: positions[idx]!, a: s.a, b: s.b, thick: s.thick };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function touches(h: Segment, v: Segment): boolean {
  const tol = TOUCH_TOLERANCE + Math.max(h.thick, v.thick) / 2;
  return h.pos >= v.a - tol && h.pos <= v.b + tol && v.pos >= h.a - tol && v.pos <= h.b + tol;
}

/** Connected groups of touching horizontal and vertical segments. */
function components(h: Segment[], v: Segment[]): { h: Segment[]; v: Segment[] }[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      if (touches(h[i]!, v[j]!)) {
        const a = find(i);
        const b = find(h.length + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
    groups.set(root, g);
  }
  return [...groups.values()];
}

/** Does a segment among `segs` at `pos` cover [from, to] (allowing slack at both ends)? */
function covered(segs: readonly Segment[], pos: number, from: number, to: number): boolean {
  const slack = Math.min(POS_TOLERANCE + 1, (to - from) * 0.3);
  for (const s of segs) {
    if (Math.abs(s.pos - pos) > POS_TOLERANCE) continue;
    if (s.a <= from + slack && s.b >= to - slack) return true;
  }
  return false;
}

interface Frame {
  xs: number[];
  ys: number[];
  h: Segment[];
  v: Segment[];
  openTop: boolean;
  openBottom: boolean;
}

function frameOf(group: { h: Segment[]; v: Segment[] }): Frame | null {
  if (group.h.length < 1 || group.v.length < 2) return null;
  const xs = cluster(group.v.map((s) => ({ at: s.pos, weight: s.b - s.a })), POS_TOLERANCE);
  const ys = cluster(group.h.map((s) => ({ at: s.pos, weight: s.b - s.a })), POS_TOLERANCE);
  const h = [...group.h];
  const v = [...group.v];
  // Edges without a ruling: horizontal rulings sticking out past the outer vertical ones
  // (a table without side borders) and vertical rulings running past the outer horizontal
  // ones (a row cut by the page break). The edge becomes a boundary that is always closed.
  const left = Math.min(...h.map((s) => s.a));
  const right = Math.max(...h.map((s) => s.b));
  const top = Math.min(...v.map((s) => s.a));
  const bottom = Math.max(...v.map((s) => s.b));
  if (left < xs[0]! - OPEN_EDGE_MIN) xs.unshift(left);
  if (right > xs[xs.length - 1]! + OPEN_EDGE_MIN) xs.push(right);
  let openTop = false;
  let openBottom = false;
  if (top < ys[0]! - OPEN_EDGE_MIN) {
    ys.unshift(top);
    openTop = true;
  }
  if (bottom > ys[ys.length - 1]! + OPEN_EDGE_MIN) {
    ys.push(bottom);
    openBottom = true;
  }
  if (xs.length < 2 || ys.length < 2) return null;
  // The outer edges are closed by definition.
  const x0 = xs[0]!;
  const x1 = xs[xs.length - 1]!;
  const y0 = ys[0]!;
  const y1 = ys[ys.length - 1]!;
  h.push({ pos: y0, a: x0, b: x1, thick: 0 }, { pos: y1, a: x0, b: x1, thick: 0 });
  v.push({ pos: x0, a: y0, b: y1, thick: 0 }, { pos: x1, a: y0, b: y1, thick: 0 });
  return { xs, ys, h, v, openTop, openBottom };
}

/** Build the cell grid of a frame from which boundary segments exist. */
function buildGrid(frame: Frame, page: number): { grid: (PageCell | null)[][]; cells: PageCell[] } {
  const { xs, ys, h, v } = frame;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const hasV = (c: number, r: number): boolean => covered(v, xs[c]!, ys[r]!, ys[r + 1]!);
  const hasH = (r: number, c: number): boolean => covered(h, ys[r]!, xs[c]!, xs[c + 1]!);
  // A position is inside the drawn table when rulings enclose it on all four sides.
  const inside: boolean[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: boolean[] = [];
    const cy = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      const cx = (xs[c]! + xs[c + 1]!) / 2;
      const above = h.some((s) => s.pos <= ys[r]! + POS_TOLERANCE && s.a <= cx && s.b >= cx);
      const below = h.some((s) => s.pos >= ys[r + 1]! - POS_TOLERANCE && s.a <= cx && s.b >= cx);
      const leftOf = v.some((s) => s.pos <= xs[c]! + POS_TOLERANCE && s.a <= cy && s.b >= cy);
      const rightOf = v.some((s) => s.pos >= xs[c + 1]! - POS_TOLERANCE && s.a <= cy && s.b >= cy);
      row.push(above && below && leftOf && rightOf);
    }
    inside.push(row);
  }
  const grid: (PageCell | null)[][] = Array.from({ length: rows }, () => Array<PageCell | null>(cols).fill(null));
  const cells: PageCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r]![c] || !inside[r]![c]) continue;
      let cs = 1;
      while (c + cs < cols && !hasV(c + cs, r) && !grid[r]![c + cs] && inside[r]![c + cs]) cs++;
      let rs = 1;
      for (;;) {
        const nr = r + rs;
        if (nr >= rows) break;
        let ok = true;
        for (let k = c; k < c + cs && ok; k++) {
          if (hasH(nr, k) || grid[nr]![k] || !inside[nr]![k]) ok = false;
          if (ok && k > c && hasV(k, nr)) ok = false;
        }
        // The merged cell must not grow wider in the new row.
        if (ok && c + cs < cols && !hasV(c + cs, nr) && inside[nr]![c + cs]) ok = false;
        if (ok && c > 0 && !hasV(c, nr) && inside[nr]![c - 1]) ok = false;
        if (!ok) break;
        rs++;
      }
      const cell: PageCell = { row: r, column: c, rowSpan: rs, colSpan: cs, runs: [], text: '', page, room: null };
      cells.push(cell);
      for (let i = r; i < r + rs; i++) for (let k = c; k < c + cs; k++) grid[i]![k] = cell;
    }
  }
  return { grid, cells };
}

/**
 * Find the tables of a page and place runs into their cells. Returns the tables (top to
 * bottom) and the runs that fell outside every table.
 */
export function findTables(
  rulings: Rulings,
  runs: readonly Run[],
  page: number,
  pageBox: { width: number; height: number },
): { tables: PageTable[]; rest: Run[] } {
  const h = mergeSegments(rulings.h);
  const v = mergeSegments(rulings.v);
  const tables: PageTable[] = [];
  const columnRulings = new Map<PageTable, Segment[]>();
  for (const group of components(h, v)) {
    const frame = frameOf(group);
    if (!frame) continue;
    const box: Box = { x0: frame.xs[0]!, x1: frame.xs[frame.xs.length - 1]!, top: frame.ys[0]!, bottom: frame.ys[frame.ys.length - 1]! };
    if (box.x1 - box.x0 < 10 || box.bottom - box.top < 5) continue;
    const { grid, cells } = buildGrid(frame, page);
    if (cells.length === 0) continue;
    // A single box around most of the page is a page border, not a table.
    const oneCell = cells.length === 1;
    if (oneCell && (box.x1 - box.x0) * (box.bottom - box.top) > 0.5 * pageBox.width * pageBox.height) continue;
    const table: PageTable = { page, xs: frame.xs, ys: frame.ys, grid, cells, box, openTop: frame.openTop, openBottom: frame.openBottom };
    tables.push(table);
    // Kept for splitting runs at column boundaries.
    columnRulings.set(table, frame.v);
  }
  tables.sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);

  const rest: Run[] = [];
  for (const run of runs) {
    const table = tables.find((t) => contains(t.box, run));
    if (!table) {
      rest.push(run);
      continue;
    }
    for (const piece of splitAtColumns(table, columnRulings.get(table) ?? [], run)) {
      const cx = (piece.x0 + piece.x1) / 2;
      const cy = (piece.top + piece.bottom) / 2;
      const c = intervalIndex(table.xs, cx);
      const r = intervalIndex(table.ys, cy);
      const cell = r >= 0 && c >= 0 ? table.grid[r]?.[c] : null;
      if (cell) cell.runs.push(piece);
      else rest.push(piece);
    }
  }
  for (const t of tables) {
    for (const cell of t.cells) {
      const lines = groupLines(cell.runs);
      // The width text can take in the cell: its width less the cell margins (Word and
      // LibreOffice default to 0.19 cm a side), or the longest line if that is wider.
      const width = t.xs[cell.column + cell.colSpan]! - t.xs[cell.column]!;
      const longest = Math.max(...lines.map((l) => l.x1 - l.x0), 0);
      const available = Math.max(longest, width - CELL_MARGINS);
      cell.text = joinLines(lines, available);
      const last = lines[lines.length - 1];
      if (last) cell.room = { left: available - (last.x1 - last.x0), size: last.size };
    }
  }
  // A box or two with no text inside (a chart frame, a decorative rectangle) is not a table.
  const kept = tables.filter((t) => t.cells.length > 2 || t.cells.some((c) => c.text !== ''));
  return { tables: kept, rest };
}

function contains(box: Box, run: Run): boolean {
  const cx = (run.x0 + run.x1) / 2;
  const cy = (run.top + run.bottom) / 2;
  // A long run may start in the table and run past it; use its first character's centre.
  const fx = Math.min(cx, run.x0 + run.size / 2);
  return fx >= box.x0 - 1 && fx <= box.x1 + 1 && cy >= box.top - 1 && cy <= box.bottom + 1;
}

/**
 * pdf.js joins text that follows on the same line even across a cell border when the gap
 * is small. Split such a run at every internal column ruling it crosses.
 */
function splitAtColumns(table: PageTable, v: readonly Segment[], run: Run): Run[] {
  const cy = (run.top + run.bottom) / 2;
  const out: Run[] = [];
  let rest = run;
  for (let i = 1; i < table.xs.length - 1; i++) {
    const x = table.xs[i]!;
    const margin = 0.3 * rest.size;
    if (x <= rest.x0 + margin || x >= rest.x1 - margin) continue;
    if (!covered(v, x, cy - 1, cy + 1)) continue;
    const at = splitIndexAt(rest, x);
    if (at === null) continue;
    const [left, right] = splitRun(rest, at);
    if (left.text.trim()) out.push(left);
    rest = right;
  }
  if (rest.text.trim()) out.push(rest);
  return out;
}
