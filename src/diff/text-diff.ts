/**
 * Character-level text diff (Myers' O(ND) algorithm), compacted for people: a change that
 * is interrupted by a single unchanged character is shown as one change, so
 * `13020224P009127100013` → `13020225P009127100021` reads `1302022[4→5]P0091271000[13→21]`
 * rather than a scatter of one-character edits. Characters are code points, so a CJK
 * ideograph outside the BMP counts as one.
 */
import type { TextSegment } from '../schema/diff.js';

type Op = TextSegment['op'];

/** Beyond this many edits two texts have little in common; they are shown as replaced whole. */
const MAX_EDITS = 2000;
/** Unchanged runs this short between two changes are folded into them. */
const FOLDED_EQUAL_RUN = 1;

/** The shortest edit script from a to b as one op per character, or null when it needs more than MAX_EDITS edits. */
function editScript(a: readonly string[], b: readonly string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  /** trace[d][k + d] = the furthest x on diagonal k after d edits. */
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array;
    const at = (k: number): number => previous[k + d - 1] ?? 0;
    const k = x - y;
    const fromK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const fromX = at(fromK);
    const fromY = fromX - fromK;
    while (x > fromX && y > fromY) {
      ops.push('equal');
      x--;
      y--;
    }
    ops.push(x === fromX ? 'insert' : 'delete');
    x = fromX;
    y = fromY;
  }
  while (x > 0 && y > 0) {
    ops.push('equal');
    x--;
    y--;
  }
  return ops.reverse();
}

/** Consecutive characters with the same op as segments. */
function toSegments(ops: readonly Op[], a: readonly string[], b: readonly string[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    const ch = op === 'insert' ? b[j] : a[i];
    if (op !== 'insert') i++;
    if (op !== 'delete') j++;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.op === op) last.text += ch ?? '';
    else segments.push({ op, text: ch ?? '' });
  }
  return segments;
}

/**
 * Fold short unchanged runs between changes into them, and write every change as its
 * deleted text followed by its inserted text.
 */
function compact(segments: readonly TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted !== '') out.push({ op: 'delete', text: deleted });
    if (inserted !== '') out.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  segments.forEach((segment, i) => {
    if (segment.op === 'delete') deleted += segment.text;
    else if (segment.op === 'insert') inserted += segment.text;
    else {
      const between = (deleted !== '' || inserted !== '') && i < segments.length - 1;
      if (between && Array.from(segment.text).length <= FOLDED_EQUAL_RUN) {
        deleted += segment.text;
        inserted += segment.text;
        return;
      }
      flush();
      out.push({ ...segment });
    }
  });
  flush();
  return out;
}

interface Alignment {
  a: string[];
  b: string[];
  /** Length of the common prefix and of the common suffix. */
  prefix: number;
  suffix: number;
  /** The edit script of what lies between them; null when it needs too many edits. */
  ops: Op[] | null;
}

function align(before: string, after: string): Alignment {
  const a = Array.from(before);
  const b = Array.from(after);
  // The common prefix and suffix are cheap to find and keep the edit search small.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const ops = editScript(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return { a, b, prefix, suffix, ops };
}

/** The compact character-level diff of two texts; [] when they are equal. */
export function diffText(before: string, after: string): TextSegment[] {
  if (before === after) return [];
  const { a, b, prefix, suffix, ops } = align(before, after);
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  const middle: TextSegment[] =
    ops === null
      ? [
          { op: 'delete' as const, text: middleA.join('') },
          { op: 'insert' as const, text: middleB.join('') },
        ].filter((s) => s.text !== '')
      : toSegments(ops, middleA, middleB);
  const segments: TextSegment[] = [];
  if (prefix > 0) segments.push({ op: 'equal', text: a.slice(0, prefix).join('') });
  segments.push(...middle);
  if (suffix > 0) segments.push({ op: 'equal', text: a.slice(a.length - suffix).join('') });
  return compact(segments);
}

/** How many characters two texts have in common along their best alignment. */
export function commonLength(before: string, after: string): number {
  const { prefix, suffix, ops } = align(before, after);
  return prefix + suffix + (ops?.filter((op) => op === 'equal').length ?? 0);
}
