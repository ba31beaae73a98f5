/**
 * Text outside tables: running headers and footers are removed, lines are split where a
 * very wide gap separates pieces (a caption at the left and `单位：万元` at the right), and
 * consecutive lines are grouped into paragraphs the way the source document had them.
 */
import { collapseSpace } from '../text.js';
import { firstWordEms, joinLines, makeLine, type Line } from './lines.js';

/** Pieces of a line separated by more than this many ems are separate paragraphs. */
const WIDE_GAP_EMS = 3;
/** Header and footer bands: this share of the page height at the top and at the bottom. */
const EDGE_BAND = 0.12;
/** A line indented by more than this many ems against the previous one starts a paragraph. */
const INDENT_EMS = 0.8;
/** A line pitch larger than the usual one by this factor means paragraph spacing. */
const PITCH_FACTOR = 1.25;

/** Split a line where a very wide horizontal gap separates its runs. */
export function splitWide(line: Line): Line[] {
  const out: Line[] = [];
  let cur = [line.runs[0]!];
  for (let i = 1; i < line.runs.length; i++) {
    const prev = cur[cur.length - 1]!;
    const r = line.runs[i]!;
    const em = Math.max(prev.size, r.size);
    if (r.x0 - Math.max(...cur.map((c) => c.x1)) > WIDE_GAP_EMS * em) {
      out.push(makeLine(cur));
      cur = [r];
    } else {
      cur.push(r);
    }
  }
  out.push(makeLine(cur));
  return out;
}

const PAGE_NUMBER_PATTERNS = [
  /^[-–—－]?\d{1,4}[-–—－]?$/u, // 3, - 3 -, —3—
  /^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/u, // 第3页, 第3页共12页
  /^共\d{1,4}页[,，]?第\d{1,4}页$/u,
  /^\d{1,4}\/\d{1,4}$/u, // 3/12
  /^(?:page)?\d{1,4}(?:of\d{1,4})?$/iu, // Page 3 of 12
  /^(?=[ivxlc])(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$/iu, // roman page numbers up to lxxxix
];

export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  return t !== '' && PAGE_NUMBER_PATTERNS.some((p) => p.test(t));
}

export interface PageLines {
  page: number;
  width: number;
  height: number;
  lines: Line[];
  /** Top and bottom of the tables on the page (nothing of a table is furniture). */
  tableSpans: { top: number; bottom: number }[];
}

/**
 * Remove running headers and footers: lines in the top or bottom band of the page with
 * nothing but other furniture between them and the page edge, which are a page number
 * (`- 3 -`, `第 3 页`, `3`, `第3页 共12页`) or whose text recurs on many pages (a page number
 * at its end aside).
 */
/**
 * Lines that say what the table under them is and in which unit — `单位：万元`,
 * `部门名称：…`, a table title, `（2026年度）` — are captions, never furniture, even when every
 * page repeats them: the recognizer needs them on every page of a table.
 */
const CAPTION_LINE = /(?:单位|部门名称|单位名称|部门)\s*[:：]|绩效目标|目标表|自评表|[（(]\s*\d{4}\s*年度\s*[)）]|^(?:预算)?表\s*[0-9一二三四五六七八九十]/u;

export function removeFurniture(pages: PageLines[]): void {
  // Repeated text must be identical on every page, apart from a page number at its end
  // (`…部门预算 第3页`, `…公开 - 3 -`). Other numbers count: `公开03表` differs per page.
  const key = (text: string): string =>
    text
      .replace(/\s+/gu, '')
      .replace(/(?:第\d{1,4}页(?:[,，/]?共\d{1,4}页)?|[-–—－]\d{1,4}[-–—－]|\d{1,4}\/\d{1,4}|(?:page)?\d{1,4}(?:of\d{1,4})?)$/iu, '#');
  const candidates = (p: PageLines): Line[] => {
    const out: Line[] = [];
    const edgeTop = p.height * EDGE_BAND;
    const edgeBottom = p.height * (1 - EDGE_BAND);
    const firstTable = Math.min(...p.tableSpans.map((t) => t.top), Number.POSITIVE_INFINITY);
    const lastTable = Math.max(...p.tableSpans.map((t) => t.bottom), Number.NEGATIVE_INFINITY);
    for (const l of p.lines) {
      if (l.bottom <= edgeTop && l.bottom <= firstTable) out.push(l);
      else if (l.top >= edgeBottom && l.top >= lastTable) out.push(l);
    }
    return out;
  };
  const counts = new Map<string, Set<number>>();
  const perPage = pages.map((p) => {
    const c = candidates(p);
    for (const l of c) {
      const k = key(l.text);
      if (k.replace('#', '').length < 2) continue;
      const set = counts.get(k) ?? new Set<number>();
      set.add(p.page);
      counts.set(k, set);
    }
    return c;
  });
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.4));
  pages.forEach((p, i) => {
    const drop = new Set<Line>();
    for (const l of perPage[i]!) {
      if (isPageNumber(l.text) || ((counts.get(key(l.text))?.size ?? 0) >= minRepeats && !CAPTION_LINE.test(l.text))) drop.add(l);
    }
    if (drop.size === 0) return;
    // Only lines between the page edge and the body: stop at the first body line.
    const sorted = [...p.lines].sort((a, b) => a.top - b.top);
    const keepOut = new Set<Line>();
    for (const l of sorted) {
      if (!drop.has(l) || l.bottom > p.height / 2) break;
      keepOut.add(l);
    }
    for (const l of [...sorted].reverse()) {
      if (!drop.has(l) || l.top < p.height / 2) break;
      keepOut.add(l);
    }
    p.lines = p.lines.filter((l) => !keepOut.has(l));
  });
}

/** Layout measures of the document that paragraph grouping compares against. */
export interface LayoutStats {
  /** Usual baseline-to-baseline distance, by font size rounded to 0.5 pt. */
  pitch: Map<number, number>;
  /** Left and right edge of the text block, by page width rounded to 1 pt. */
  left: Map<number, number>;
  right: Map<number, number>;
}

const sizeKey = (size: number): number => Math.round(size * 2) / 2;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round((s.length - 1) * p)))]!;
}

/** `flows`: per page, the lines and tables top to bottom (tables as null). */
export function layoutStats(pages: { width: number; flow: (Line | null)[] }[]): LayoutStats {
  const pitches = new Map<number, number[]>();
  const lefts = new Map<number, number[]>();
  const rights = new Map<number, number[]>();
  for (const p of pages) {
    const wk = Math.round(p.width);
    for (let i = 0; i < p.flow.length; i++) {
      const l = p.flow[i];
      if (!l) continue;
      (lefts.get(wk) ?? lefts.set(wk, []).get(wk)!).push(l.x0);
      (rights.get(wk) ?? rights.set(wk, []).get(wk)!).push(l.x1);
      const n = p.flow[i + 1];
      if (!n || sizeKey(n.size) !== sizeKey(l.size)) continue;
      const d = n.baseline - l.baseline;
      if (d > 0.8 * l.size && d < 3 * l.size) {
        const k = sizeKey(l.size);
        (pitches.get(k) ?? pitches.set(k, []).get(k)!).push(d);
      }
    }
  }
  const stats: LayoutStats = { pitch: new Map(), left: new Map(), right: new Map() };
  for (const [k, list] of pitches) {
    // The most common pitch (0.25 pt buckets): paragraph spacing is rarer than line spacing.
    const buckets = new Map<number, number>();
    for (const d of list) buckets.set(Math.round(d * 4) / 4, (buckets.get(Math.round(d * 4) / 4) ?? 0) + 1);
    let best = 0;
    let bestCount = 0;
    for (const [d, c] of buckets) {
      if (c > bestCount || (c === bestCount && d < best)) {
        best = d;
        bestCount = c;
      }
    }
    stats.pitch.set(k, best);
  }
  for (const [k, list] of lefts) stats.left.set(k, percentile(list, 0.1));
  for (const [k, list] of rights) stats.right.set(k, percentile(list, 0.9));
  return stats;
}

export interface Para {
  lines: Line[];
  page: number;
  top: number;
  size: number;
  /** One piece of a line split at a wide gap: never continued. */
  split: boolean;
}

/** Is `next` a new paragraph after `prev` (both on one page, nothing between them)? */
export function startsParagraph(prev: Line, next: Line, stats: LayoutStats, pageWidth: number, samePage: boolean): boolean {
  const em = Math.max(prev.size, next.size);
  if (Math.abs(prev.size - next.size) > 0.6) return true;
  const right = stats.right.get(Math.round(pageWidth)) ?? prev.x1;
  const left = stats.left.get(Math.round(pageWidth)) ?? prev.x0;
  if (next.x0 - prev.x0 > INDENT_EMS * em) {
    // The last line of a centred paragraph after a full first line is not an indent.
    const full = prev.x0 <= left + em && prev.x1 >= right - 1.5 * em;
    const centred = Math.abs((next.x0 + next.x1) / 2 - (prev.x0 + prev.x1) / 2) < em;
    if (!(full && centred)) return true;
  }
  const short = right - prev.x1;
  if (short > (firstWordEms(next.text) + 0.5) * em) return true;
  if (samePage) {
    const d = next.baseline - prev.baseline;
    const usual = stats.pitch.get(sizeKey(prev.size));
    if (d <= 0) return true;
    if (usual !== undefined && d > usual * PITCH_FACTOR + 0.5) return true;
    if (usual === undefined && d > 4 * em) return true;
  }
  // A numbered item after a finished sentence.
  if (/[。；;！!？?：:]$/u.test(prev.text) && /^(?:\d{1,3}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/u.test(next.text)) {
    return true;
  }
  return false;
}

/** Group a page's consecutive lines (a run with no table between) into paragraphs. */
export function groupParagraphs(lines: Line[], stats: LayoutStats, pageWidth: number): Para[] {
  const out: Para[] = [];
  let cur: Para | null = null;
  for (const raw of lines) {
    const pieces = splitWide(raw);
    if (pieces.length > 1) {
      for (const piece of pieces) out.push({ lines: [piece], page: piece.page, top: piece.top, size: piece.size, split: true });
      cur = null;
      continue;
    }
    const line = pieces[0]!;
    const prev: Line | undefined = cur?.lines[cur.lines.length - 1];
    if (cur && prev && !startsParagraph(prev, line, stats, pageWidth, true)) {
      cur.lines.push(line);
    } else {
      cur = { lines: [line], page: line.page, top: line.top, size: line.size, split: false };
      out.push(cur);
    }
  }
  return out;
}

export function paragraphText(p: Para, stats: LayoutStats, pageWidth: number): string {
  const key = Math.round(pageWidth);
  const longest = Math.max(...p.lines.map((l) => l.x1 - l.x0));
  const block = (stats.right.get(key) ?? 0) - (stats.left.get(key) ?? 0);
  return collapseSpace(joinLines(p.lines, Math.max(longest, block)));
}
