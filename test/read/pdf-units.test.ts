/**
 * The PDF reader's geometry, one rule at a time, on synthetic input: operator lists as
 * pdf.js 5 emits them, ruling segments, text runs and lines.
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/read/pdf/geometry.js';
import { removeFurniture, isPageNumber, type PageLines } from '../../src/read/pdf/layout.js';
import { firstWordEms, groupLines, joinLines, lineText, makeLine } from '../../src/read/pdf/lines.js';
import { OPS } from '../../src/read/pdf/load.js';
import { collectRulings } from '../../src/read/pdf/rulings.js';
import type { Run } from '../../src/read/pdf/runs.js';
import { findTables } from '../../src/read/pdf/tables.js';

/** PDF user space (origin bottom-left) of an A4 page → page space (origin top-left). */
const A4: Matrix = [1, 0, 0, -1, 0, 842];
const MOVE = 0;
const LINE = 1;
const CLOSE = 3;

function path(paint: number, ...points: number[]): [number, unknown] {
  return [OPS.constructPath, [paint, [new Float32Array(points)], null]];
}

function rulings(...ops: [number, unknown][]) {
  return collectRulings(
    ops.map((o) => o[0]),
    ops.map((o) => o[1]),
    A4,
  );
}

describe('collectRulings (pdf.js 5 constructPath ops)', () => {
  it('takes stroked lines, in page space', () => {
    const r = rulings([OPS.setLineWidth, [0.5]], path(OPS.stroke, MOVE, 100, 700, LINE, 300, 700), path(OPS.stroke, MOVE, 100, 700, LINE, 100, 600));
    expect(r.h).toEqual([{ pos: 142, a: 100, b: 300, thick: 0.5 }]);
    expect(r.v).toEqual([{ pos: 100, a: 142, b: 242, thick: 0.5 }]);
  });

  it('takes thin filled rectangles (Word, WPS) and ignores thick ones and white ones', () => {
    const rect = (x: number, y: number, w: number, h: number): number[] => [MOVE, x, y, LINE, x + w, y, LINE, x + w, y + h, LINE, x, y + h, CLOSE];
    const r = rulings(
      [OPS.setFillRGBColor, ['#000000']],
      path(OPS.eoFill, ...rect(100, 700, 200, 0.96)),
      path(OPS.fill, ...rect(100, 600, 0.5, 100)),
      path(OPS.fill, ...rect(100, 400, 200, 20)), // shading
      [OPS.setFillRGBColor, ['#ffffff']],
      path(OPS.fill, ...rect(100, 300, 200, 0.5)), // white: erases, draws nothing
    );
    expect(r.h).toHaveLength(1);
    expect(r.h[0]!.pos).toBeCloseTo(842 - 700.48, 3);
    expect(r.h[0]).toMatchObject({ a: 100, b: 300 });
    expect(r.v).toHaveLength(1);
    expect(r.v[0]).toMatchObject({ pos: 100.25, a: 142, b: 242 });
  });

  it('takes the mitred trapezoids Excel fills for cell borders as rules, and no slanted quadrilateral', () => {
    // From a Guangzhou 部门预算 page: a top border 42–798 whose right end is cut at 45°, and the
    // right border 46.09–474.79 meeting it.
    const r = rulings(
      [OPS.setFillRGBColor, ['#000000']],
      path(OPS.fill, MOVE, 798, 795.91, LINE, 42, 795.91, LINE, 42, 795.16, LINE, 797.25, 795.16, CLOSE),
      path(OPS.fill, MOVE, 798, 367.21, LINE, 798, 795.91, LINE, 797.25, 795.16, LINE, 797.25, 367.21, CLOSE),
      path(OPS.fill, MOVE, 100, 300, LINE, 300, 301, LINE, 300, 303, LINE, 100, 301.5, CLOSE), // a sliver, corners off both long sides
    );
    expect(r.h).toHaveLength(1);
    expect(r.h[0]!.a).toBeCloseTo(42, 3);
    expect(r.h[0]!.b).toBeCloseTo(798, 3);
    expect(r.h[0]!.pos).toBeCloseTo(842 - 795.535, 3);
    expect(r.h[0]!.thick).toBeCloseTo(0.75, 3);
    expect(r.v).toHaveLength(1);
    expect(r.v[0]!.a).toBeCloseTo(842 - 795.91, 3);
    expect(r.v[0]!.b).toBeCloseTo(842 - 367.21, 3);
    expect(r.v[0]!.pos).toBeCloseTo(797.625, 3);
  });

  it('tracks save/restore, cm and form XObject matrices; ignores clipping paths', () => {
    const r = rulings(
      [OPS.save, null],
      [OPS.transform, [2, 0, 0, 2, 10, 20]],
      path(OPS.stroke, MOVE, 0, 0, LINE, 50, 0),
      [OPS.restore, null],
      [OPS.paintFormXObjectBegin, [new Float32Array([1, 0, 0, 1, 0, -100]), null]],
      path(OPS.stroke, MOVE, 0, 500, LINE, 80, 500),
      [OPS.paintFormXObjectEnd, []],
      path(OPS.stroke, MOVE, 0, 400, LINE, 90, 400),
      [OPS.eoClip, null],
      path(OPS.endPath, MOVE, 0, 0, LINE, 500, 0, LINE, 500, 500, LINE, 0, 500, CLOSE),
    );
    expect(r.h.map((s) => [s.pos, s.a, s.b])).toEqual([
      [822, 10, 110],
      [442, 0, 80],
      [442, 0, 90],
    ]);
    expect(r.h[0]!.thick).toBe(2);
    expect(r.v).toEqual([]);
  });

  it('turns a stroked rectangle into its four edges', () => {
    // pdf.js appends the closePath of `s` (closeStroke) to the path itself.
    const r = rulings(path(OPS.closeStroke, MOVE, 10, 10, LINE, 110, 10, LINE, 110, 60, LINE, 10, 60, CLOSE));
    expect(r.h.map((s) => s.pos).sort((a, b) => a - b)).toEqual([782, 832]);
    expect(r.v.map((s) => s.pos).sort((a, b) => a - b)).toEqual([10, 110]);
  });
});

function run(text: string, x0: number, baseline: number, opts: Partial<Run> = {}): Run {
  const size = opts.size ?? 10;
  const width = [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? size : size * 0.5), 0);
  return { text, x0, x1: x0 + width, top: baseline - size, bottom: baseline, baseline, size, font: 'f', upright: true, page: 1, ...opts };
}

describe('tables from rulings', () => {
  // A 3 × 3 grid, 50 wide and 20 high per cell, at (100, 100) in page space; the vertical
  // ruling between columns 1 and 2 is missing in row 0 (a column span) and the horizontal
  // ruling between rows 1 and 2 is missing in column 0 (a row span).
  const h = [
    { pos: 100, a: 100, b: 250, thick: 0.5 },
    { pos: 120, a: 100, b: 250, thick: 0.5 },
    { pos: 140, a: 150, b: 250, thick: 0.5 },
    { pos: 160, a: 100, b: 250, thick: 0.5 },
  ];
  const v = [
    { pos: 100, a: 100, b: 160, thick: 0.5 },
    { pos: 150, a: 100, b: 160, thick: 0.5 },
    { pos: 200, a: 120, b: 160, thick: 0.5 },
    { pos: 250, a: 100, b: 160, thick: 0.5 },
  ];

  it('finds spans from the missing segments and places runs by position', () => {
    const runs = [run('一级指标', 102, 115), run('合并', 160, 115), run('产出', 102, 135), run('≥20', 152, 135), run('次', 167, 135), run('外面', 102, 300)];
    const { tables, rest } = findTables({ h, v }, runs, 1, { width: 595, height: 842 });
    expect(rest.map((r) => r.text)).toEqual(['外面']);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.xs).toEqual([100, 150, 200, 250]);
    expect(t.ys).toEqual([100, 120, 140, 160]);
    expect(t.cells.map((c) => [c.row, c.column, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 1, '一级指标'],
      [0, 1, 1, 2, '合并'],
      [1, 0, 2, 1, '产出'],
      [1, 1, 1, 1, '≥20次'],
      [1, 2, 1, 1, ''],
      [2, 1, 1, 1, ''],
      [2, 2, 1, 1, ''],
    ]);
    expect(t.grid[2]![0]).toBe(t.grid[1]![0]);
    expect(t.grid[0]![2]).toBe(t.grid[0]![1]);
  });

  it('splits a run that pdf.js joined across a cell border', () => {
    const joined = { ...run('abc def', 152, 135), x1: 152 + 90 }; // spans columns 1 and 2
    const { tables } = findTables({ h, v }, [joined], 1, { width: 595, height: 842 });
    const t = tables[0]!;
    expect(t.grid[1]![1]!.text).toBe('abc');
    expect(t.grid[1]![2]!.text).toBe('def');
  });

  it('keeps a row cut by the page break (vertical rulings past the last horizontal one)', () => {
    const open = v.map((s) => ({ ...s, b: 190 }));
    const { tables } = findTables({ h, v: open }, [run('续', 152, 180)], 1, { width: 595, height: 842 });
    expect(tables[0]!.openBottom).toBe(true);
    expect(tables[0]!.ys).toEqual([100, 120, 140, 160, 190]);
    expect(tables[0]!.grid[3]![1]!.text).toBe('续');
  });
});

describe('text of lines', () => {
  it('drops the space between runs in different fonts next to CJK, keeps Latin word gaps', () => {
    expect(lineText([run('≥20', 0, 10), run('次', 17, 10)])).toBe('≥20次');
    expect(lineText([run('2025', 0, 10), run('年', 22, 10)])).toBe('2025年');
    expect(lineText([run('Latin', 0, 10), run('words', 28, 10)])).toBe('Latin words');
    expect(lineText([run('11', 0, 10), run('.00', 10, 10)])).toBe('11.00');
  });

  it('joins wrapped lines by the CJK rule', () => {
    const lines = groupLines([run('冀财教', 0, 10), run('【', 0, 22), run('2024】130', 0, 34), run('号', 0, 46)]);
    expect(lines.map((l) => l.text)).toEqual(['冀财教', '【', '2024】130', '号']);
    expect(joinLines(lines, 40)).toBe('冀财教【2024】130号');
    expect(joinLines(groupLines([run('开展科普活', 0, 10), run('动', 0, 22)]), 50)).toBe('开展科普活动');
  });

  it('glues a token broken inside, but not words wrapped at a space', () => {
    const code = [makeLine([run('13020225P00', 0, 10)]), makeLine([run('9127100021', 0, 22)])];
    expect(joinLines(code, 56)).toBe('13020225P009127100021');
    const words = [makeLine([run('Latin', 0, 10)]), makeLine([run('words', 0, 22)])];
    expect(joinLines(words, 56)).toBe('Latin words');
    expect(joinLines([makeLine([run('2025.01-', 0, 10)]), makeLine([run('2025.12', 0, 22)])], 40)).toBe('2025.01-2025.12');
  });

  it('measures the first unbreakable piece of a line', () => {
    expect(firstWordEms('的比例。')).toBe(1);
    expect(firstWordEms('。后面')).toBe(1);
    expect(firstWordEms('【2023】126号')).toBeCloseTo(1 + 4 * 0.55 + 1 + 3 * 0.55, 5);
    expect(firstWordEms('words here')).toBeCloseTo(5 * 0.55 + 0.25, 1);
  });
});

describe('running headers and footers', () => {
  it('recognises page numbers', () => {
    for (const t of ['3', '- 3 -', '— 12 —', '第 3 页', '第3页 共12页', '3/12', 'Page 3 of 12', 'iv']) expect(isPageNumber(t)).toBe(true);
    for (const t of ['2019年', '公开01表', '单位：万元', '1.', '第一部分']) expect(isPageNumber(t)).toBe(false);
  });

  it('removes page numbers and repeated headers at the page edges, keeps numbered captions', () => {
    const pages: PageLines[] = [1, 2, 3].map((p) => ({
      page: p,
      width: 595,
      height: 842,
      tableSpans: [],
      lines: [
        makeLine([run('江苏省人民检察院2019年部门预算', 100, 40, { page: p })]),
        makeLine([run(`公开0${p}表`, 100, 80, { page: p })]),
        makeLine([run('正文内容', 100, 400, { page: p })]),
        makeLine([run(`- ${p} -`, 290, 800, { page: p })]),
      ],
    }));
    removeFurniture(pages);
    for (const p of pages) expect(p.lines.map((l) => l.text)).toEqual([`公开0${p.page}表`, '正文内容']);
  });
});
