/**
 * Text runs: pdf.js text items placed in page space. A run is a piece of one line in one
 * font; pdf.js already merged glyphs that follow each other closely and gave us the string.
 * White-space-only items (pdf.js inserts them for gaps) are dropped: gaps are measured.
 */
import { apply, multiply, type Matrix } from './geometry.js';
import { symbolText } from '../docx/symbols.js';
import type { RawTextItem } from './load.js';

export interface Run {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Baseline y (page space); the bottom of the box for rotated text. */
  baseline: number;
  /** Font size in points. */
  size: number;
  font: string;
  /** Horizontal text reading left to right (the normal case). */
  upright: boolean;
  page: number;
  /** Recognition confidence (0–1) of text read by OCR; absent for a text layer's runs. */
  confidence?: number;
}

/** Characters that are not text: U+FFFD, private use, C0/C1 controls (tab, CR, LF excepted). */
const UNDECODABLE = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const UNDECODABLE_G = new RegExp(UNDECODABLE.source, 'gu');
const CONTROL_G = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

export function countUndecodable(text: string): number {
  return text.match(UNDECODABLE_G)?.length ?? 0;
}

export function hasUndecodable(text: string): boolean {
  return UNDECODABLE.test(text);
}

export function stripControls(text: string): string {
  return text.replace(CONTROL_G, '');
}

/**
 * Symbol-font characters come out as private-use code points F020–F0FF (F000 + the
 * font's own code), as in a .docx w:sym: map them with the .docx reader's table (Symbol
 * F0B3 is ≥), and drop the ones it cannot map.
 */
export function mapSymbols(text: string): string {
  return text.replace(/[\uF020-\uF0FF]/gu, (ch) => symbolText('Symbol', ch.codePointAt(0)!.toString(16)) ?? '');
}

/** Place pdf.js text items on the page. */
export function toRuns(items: readonly RawTextItem[], viewport: Matrix, page: number): Run[] {
  const out: Run[] = [];
  for (const item of items) {
    if (item.str.trim() === '') continue;
    const t = item.transform;
    if (t.length < 6 || !t.every((v) => Number.isFinite(v))) continue;
    const tm: Matrix = [t[0]!, t[1]!, t[2]!, t[3]!, t[4]!, t[5]!];
    const m = multiply(viewport, tm);
    const ux = Math.hypot(tm[0], tm[1]) || 1;
    const vy = Math.hypot(tm[2], tm[3]) || 1;
    const u: [number, number] = [tm[0] / ux, tm[1] / ux];
    const v: [number, number] = [tm[2] / vy, tm[3] / vy];
    const width = Math.abs(item.width);
    const size = item.height > 0 ? item.height : vy;
    const ox = tm[4];
    const oy = tm[5];
    const corners: [number, number][] = [
      apply(viewport, ox, oy),
      apply(viewport, ox + u[0] * width, oy + u[1] * width),
      apply(viewport, ox + v[0] * size, oy + v[1] * size),
      apply(viewport, ox + u[0] * width + v[0] * size, oy + u[1] * width + v[1] * size),
    ];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const upright = m[0] > 0 && Math.abs(m[1]) < 0.05 * Math.abs(m[0]) && Math.abs(m[2]) < 0.05 * Math.abs(m[3]) && m[3] < 0;
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    out.push({
      text: item.str,
      x0,
      x1: Math.max(x1, x0 + 0.01),
      top,
      bottom,
      baseline: upright ? corners[0]![1] : bottom,
      size: Math.max(size, 1),
      font: item.fontName,
      upright,
      page,
    });
  }
  return dedupe(out);
}

/**
 * Fake bold: some producers paint the same text twice, slightly offset. Keep one copy.
 */
function dedupe(runs: Run[]): Run[] {
  const out: Run[] = [];
  const seen = new Map<string, Run[]>();
  for (const r of runs) {
    const list = seen.get(r.text);
    const dup = list?.some(
      (o) => Math.abs(o.x0 - r.x0) < 0.3 * r.size && Math.abs(o.baseline - r.baseline) < 0.3 * r.size && Math.abs(o.size - r.size) < 0.5,
    );
    if (dup) continue;
    out.push(r);
    if (list) list.push(r);
    else seen.set(r.text, [r]);
  }
  return out;
}

/** Rough advance of a character in ems: full width for CJK and full-width forms. */
export function charEms(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80 || (c >= 0x2010 && c <= 0x206f && c !== 0x2013)) return 1;
  if (ch === ' ') return 0.25;
  if (/[ijlI.,:;'!|]/.test(ch)) return 0.3;
  if (/[mwMW]/.test(ch)) return 0.8;
  return 0.55;
}

/**
 * Split a run at character index `at` (in code points), sharing its width among the
 * characters by their rough advances.
 */
export function splitRun(run: Run, at: number): [Run, Run] {
  const chars = [...run.text];
  const ems = chars.map(charEms);
  const total = ems.reduce((s, e) => s + e, 0) || 1;
  const left = ems.slice(0, at).reduce((s, e) => s + e, 0);
  const x = run.x0 + ((run.x1 - run.x0) * left) / total;
  return [
    { ...run, text: chars.slice(0, at).join(''), x1: x },
    { ...run, text: chars.slice(at).join(''), x0: x },
  ];
}

/**
 * The character index at which to split a run so that the left part ends before `x`
 * (a column boundary): a space near the boundary is preferred. Returns null when the
 * run does not really cross it.
 */
export function splitIndexAt(run: Run, x: number): number | null {
  const chars = [...run.text];
  if (chars.length < 2) return null;
  const ems = chars.map(charEms);
  const total = ems.reduce((s, e) => s + e, 0) || 1;
  const perEm = (run.x1 - run.x0) / total;
  let best: number | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  let acc = 0;
  for (let i = 1; i < chars.length; i++) {
    acc += ems[i - 1]!;
    const at = run.x0 + acc * perEm;
    const isSpace = chars[i - 1] === ' ' || chars[i] === ' ';
    const cost = Math.abs(at - x) - (isSpace ? 1.5 * run.size : 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  }
  return best;
}
