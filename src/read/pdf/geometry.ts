/**
 * Shared geometry for the PDF reader. Every coordinate handed between the stages is in
 * "page space": PDF points, origin at the top-left corner of the page as displayed
 * (crop box and /Rotate applied), x to the right, y downwards.
 */

/** An affine matrix [a, b, c, d, e, f] as in PDF: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2 applied after it, in pdf.js order: the result maps a point through m2 first, then m1. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** How much the matrix scales lengths (geometric mean of the axis scales). */
export function scaleOf(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

export function toMatrix(value: unknown): Matrix | null {
  if (!value || typeof (value as ArrayLike<number>).length !== 'number') return null;
  const arr = value as ArrayLike<number>;
  if (arr.length !== 6) return null;
  const out = [arr[0], arr[1], arr[2], arr[3], arr[4], arr[5]] as number[];
  return out.every((v) => Number.isFinite(v)) ? (out as unknown as Matrix) : null;
}

/** An axis-aligned box in page space. */
export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/**
 * Cluster sorted-or-not values: values closer than `tolerance` to the previous one join
 * its cluster (single linkage); each cluster is represented by its weighted mean.
 */
export function cluster(values: readonly { at: number; weight: number }[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a.at - b.at);
  const out: number[] = [];
  let sum = 0;
  let weight = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const v of sorted) {
    if (weight > 0 && v.at - last > tolerance) {
      out.push(sum / weight);
      sum = 0;
      weight = 0;
    }
    sum += v.at * v.weight;
    weight += v.weight;
    last = v.at;
  }
  if (weight > 0) out.push(sum / weight);
  return out;
}

/** Index of the interval [edges[i], edges[i+1]) holding `at`, or -1 outside. */
export function intervalIndex(edges: readonly number[], at: number): number {
  if (edges.length < 2 || at < edges[0]! || at > edges[edges.length - 1]!) return -1;
  for (let i = 0; i + 1 < edges.length; i++) {
    if (at <= edges[i + 1]!) return i;
  }
  return edges.length - 2;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
