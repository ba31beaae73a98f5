/**
 * Lines of text: runs sharing a baseline, left to right, and how wrapped lines are joined.
 */
import { collapseSpace, isTight, joinPieces } from '../text.js';
import type { Run } from './runs.js';

export interface Line {
  runs: Run[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  /** Largest font size on the line. */
  size: number;
  text: string;
  page: number;
}

/** A gap between two runs wider than this (in ems) is a space between words. */
const WORD_GAP_EMS = 0.15;

/** Join the runs of one line, left to right, inserting a space where the gap is a word gap. */
export function lineText(runs: readonly Run[]): string {
  let out = '';
  let prev: Run | null = null;
  for (const r of runs) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      const em = Math.max(prev.size, r.size);
      const spaced = /\s$/.test(out) || /^\s/.test(r.text);
      if (!spaced && gap > WORD_GAP_EMS * em) out += ' ';
    }
    out += r.text;
    prev = r;
  }
  return collapseSpace(out);
}

export function makeLine(runs: Run[]): Line {
  runs.sort((a, b) => a.x0 - b.x0);
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  let size = 0;
  let baseline = 0;
  let weight = 0;
  for (const r of runs) {
    x0 = Math.min(x0, r.x0);
    x1 = Math.max(x1, r.x1);
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
    size = Math.max(size, r.size);
    const w = r.x1 - r.x0 + 0.01;
    baseline += r.baseline * w;
    weight += w;
  }
  return { runs, x0, x1, top, bottom, baseline: baseline / weight, size, text: lineText(runs), page: runs[0]?.page ?? 0 };
}

/**
 * Group runs into lines: a run joins a line when its baseline is within a third of an em
 * of the line's, or when their boxes overlap vertically by most of the smaller height
 * (a superscript, a run in a taller font). Lines come out top to bottom.
 */
export function groupLines(runs: readonly Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: { runs: Run[]; baseline: number; top: number; bottom: number; size: number }[] = [];
  for (const r of sorted) {
    let target: (typeof groups)[number] | undefined;
    // Only the last few lines can still take the run (runs are sorted by baseline).
    for (let k = groups.length - 1; k >= 0 && k >= groups.length - 3; k--) {
      const g = groups[k]!;
      const em = Math.max(g.size, r.size);
      if (Math.abs(g.baseline - r.baseline) <= em / 3) {
        target = g;
        break;
      }
      const overlap = Math.min(g.bottom, r.bottom) - Math.max(g.top, r.top);
      const smaller = Math.min(g.bottom - g.top, r.bottom - r.top);
      if (smaller > 0 && overlap >= 0.7 * smaller && !collides(g.runs, r)) {
        target = g;
        break;
      }
    }
    if (target) {
      target.runs.push(r);
      target.top = Math.min(target.top, r.top);
      target.bottom = Math.max(target.bottom, r.bottom);
      target.size = Math.max(target.size, r.size);
    } else {
      groups.push({ runs: [r], baseline: r.baseline, top: r.top, bottom: r.bottom, size: r.size });
    }
  }
  return groups.map((g) => makeLine(g.runs)).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
}

/** A run that overlaps horizontally with runs already on a line belongs to another line. */
function collides(runs: readonly Run[], r: Run): boolean {
  return runs.some((o) => Math.min(o.x1, r.x1) - Math.max(o.x0, r.x0) > 0.3 * r.size);
}

const OPENING = /[（《「『【〔“‘(\[]/u;
const CLOSING = /[，。、；：？！）》」』】〕”’,.;:?!)\]%]/u;

/**
 * Width in ems of the first piece of a text that a line break cannot split: a CJK
 * character, or a run of Latin letters and digits, with opening punctuation kept with what
 * follows and closing punctuation with what precedes (`【2023】126号` → `【2023】126`).
 */
export function firstWordEms(text: string): number {
  const chars = [...text];
  let i = 0;
  let ems = 0;
  const latin = (ch: string | undefined): boolean => ch !== undefined && /[0-9A-Za-z.,%\-+/:]/u.test(ch) && !isTight(ch);
  const width = (ch: string): number => (isTight(ch) ? 1 : /[ijlI.,:;'!|]/.test(ch) ? 0.3 : /[mwMW]/.test(ch) ? 0.8 : 0.55);
  for (;;) {
    while (i < chars.length && OPENING.test(chars[i]!)) ems += width(chars[i++]!);
    if (i >= chars.length) break;
    if (latin(chars[i])) {
      while (latin(chars[i])) ems += width(chars[i++]!);
    } else if (chars[i] !== ' ') {
      ems += width(chars[i++]!);
    }
    let closed = false;
    while (i < chars.length && CLOSING.test(chars[i]!)) {
      ems += width(chars[i++]!);
      closed = true;
    }
    // A number right after closing punctuation stays with it (`】126`).
    if (!(closed && latin(chars[i]))) break;
  }
  return ems;
}

/**
 * Join lines wrapped inside one block (a cell, a paragraph) by the CJK rule. Between two
 * Latin characters the rule puts a space, which is right for a wrap at a word boundary but
 * wrong when a token longer than the line (a project code, a URL) was broken inside it: a
 * line that is one single Latin token filling the available width (within about a
 * character) is glued to the next line without a space, and so is a line ending in a hyphen
 * or slash before a letter or digit (`2025.01-` | `2025.12`).
 */
export function joinLines(lines: readonly Line[], available: number): string {
  const pieces: string[] = [];
  let prev: Line | null = null;
  for (const line of lines) {
    if (prev && pieces.length > 0) {
      const last = pieces[pieces.length - 1]!;
      const a = last[last.length - 1];
      const b = line.text[0];
      // A line broken after a hyphen or slash (`2025.01-` | `2025.12`): no space.
      if (a !== undefined && b !== undefined && /[-/–]/u.test(a) && /[0-9A-Za-z]/.test(b)) {
        pieces[pieces.length - 1] = last + line.text;
        prev = line;
        continue;
      }
      const latinBreak = a !== undefined && b !== undefined && /[0-9A-Za-z]/.test(a) && /[0-9A-Za-z]/.test(b);
      const singleToken = !/\s/.test(prev.text) && ![...prev.text].some((ch) => isTight(ch));
      const filled = prev.x1 - prev.x0 >= available - 0.7 * prev.size;
      if (latinBreak && singleToken && filled) {
        pieces[pieces.length - 1] = last + line.text;
        prev = line;
        continue;
      }
    }
    pieces.push(line.text);
    prev = line;
  }
  return joinPieces(pieces);
}
