/**
 * Parity: a .docx fixture and its LibreOffice PDF export (fixtures/pdf, made by
 * scripts/fixtures/export-pdf.ts) should give the same block stream, apart from pages.
 * Each block becomes lines (paragraph text; table size, header rows, and every cell's
 * row, column, rowSpan, colSpan and text) and the two line lists are diffed.
 *
 * Two systematic differences are normalised on the .docx side, because the PDF cannot
 * show the distinction at all:
 *  (N1) list labels: a .docx list paragraph has its label in `list.label` and not in the
 *       text; in the PDF the label is just text (`1.迎接省…`), indistinguishable from a
 *       typed number (`1.完善网站管理制度` in the same file). Compared as label + text.
 *  (N2) the caption row of Table A (`731001…本级` | `单位：万元`) has no top, left or right
 *       border (specs/hebei.ts), so nothing in the PDF marks it as a table row: it reads as
 *       two paragraphs (the line is split at the wide gap) before a table one row shorter.
 *  (N3) a w:tblGrid column boundary that no cell edge uses (central-2025: grid columns 6
 *       and 7 are always spanned together) draws no ruling, so the PDF grid has one column
 *       fewer; the .docx table is compared with such columns merged.
 *
 * Every other difference is listed below per fixture, with the reason, so that a change
 * in either reader shows up here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/read/docx/index.js';
import type { Block, Table } from '../../src/read/model.js';
import { readPdf } from '../../src/read/pdf/index.js';
import { fixturePath } from '../helpers.js';

/** (N3) Drop grid columns that no cell edge separates from the next one. */
function dropUnusedColumns(t: Table): Table {
  const used = new Set<number>([0, t.columnCount]);
  for (const c of t.cells) used.add(c.column).add(c.column + c.colSpan);
  const edges = [...used].sort((a, b) => a - b);
  if (edges.length - 1 === t.columnCount) return t;
  const at = (edge: number): number => edges.indexOf(edge);
  const cells = t.cells.map((c) => ({ ...c, column: at(c.column), colSpan: at(c.column + c.colSpan) - at(c.column) }));
  return { ...t, columnCount: edges.length - 1, cells, grid: [] };
}

function normaliseDocx(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const raw of blocks) {
    const b = raw.kind === 'table' ? dropUnusedColumns(raw) : raw;
    if (b.kind === 'paragraph') {
      out.push(b.list?.label ? { ...b, text: b.list.label + b.text } : b); // N1
      continue;
    }
    const first = b.grid[0] ?? [];
    const captionCells = [...new Set(first)];
    if (captionCells.length === 2 && captionCells[1]?.text === '单位：万元' && b.rowCount > 1) {
      // N2
      for (const c of captionCells) out.push({ kind: 'paragraph', index: 0, text: c!.text, list: null, heading: null, origin: 'body', page: null });
      const cells = b.cells.filter((c) => c.row > 0).map((c) => ({ ...c, row: c.row - 1 }));
      out.push({ ...b, rowCount: b.rowCount - 1, cells, grid: [], headerRows: Math.max(0, b.headerRows - 1) });
      continue;
    }
    out.push(b);
  }
  return out;
}

/** One line per paragraph, per table (size, header rows) and per cell; no ordinals, so
 *  that a table more or less does not shift every line after it. */
function lines(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      out.push(`P ${b.text}`);
      continue;
    }
    out.push(`T ${b.rowCount}x${b.columnCount} headerRows=${b.headerRows}`);
    for (const c of (b as Table).cells) out.push(`  (${c.row},${c.column}) ${c.rowSpan}x${c.colSpan} ${JSON.stringify(c.text)}`);
  }
  return out;
}

/** A line diff (longest common subsequence): `-` only in the .docx, `+` only in the PDF. */
function diff(a: string[], b: string[]): string[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push(`+${b[j++]}`);
    } else {
      out.push(`-${a[i++]}`);
    }
  }
  return out;
}

async function compare(name: string): Promise<string[]> {
  const docx = readDocx(new Uint8Array(readFileSync(fixturePath(`fixtures/docx/${name}.docx`)))).value;
  const pdf = (await readPdf(new Uint8Array(readFileSync(fixturePath(`fixtures/pdf/${name}.pdf`))))).value;
  return diff(lines(normaliseDocx(docx.blocks)), lines(pdf.blocks));
}

const EXPECTED: Record<string, { diff: string[]; why: string[] }> = {
  'central-2025': {
    why: [
      'the 13×4 indicator table marks two header rows (w:tblHeader) but fits on one page: nothing repeats, so the PDF shows no header rows (N3 removes the unused grid column of the two project tables)',
    ],
    diff: [
      '+T 13x4 headerRows=0',
      '-T 13x4 headerRows=2',
    ],
  },
  'gridbefore-2025': {
    why: [
      'rows with w:gridBefore have no cell in grid column 0 (null in the .docx grid); LibreOffice draws the table frame down the left edge there, so the PDF sees an empty cell merged over those rows',
      'the header row is marked w:tblHeader but the table fits on one page: nothing repeats, so the PDF shows no header row',
    ],
    diff: [
      '+T 9x6 headerRows=0',
      '-T 9x6 headerRows=1',
      '+  (2,0) 3x1 ""',
      '+  (6,0) 2x1 ""',
    ],
  },
  'long-tables-2025': {
    why: [
      'table 2: 效益指标 and 社会效益指标 are merged over rows 30–44; the page break falls between rows 36 and 37 (no cut row there), so rows 37–44 start with blank continuation cells, as required (the recognizer inherits them). Table 1 matches exactly, including its repeated header row',
    ],
    diff: [
      '+  (30,0) 7x1 "效益指标"',
      '+  (30,1) 7x1 "社会效益指标"',
      '-  (30,0) 15x1 "效益指标"',
      '-  (30,1) 15x1 "社会效益指标"',
      '+  (37,0) 8x1 ""',
      '+  (37,1) 8x1 ""',
    ],
  },
  'lunan-jiaoyu-2025': {
    why: [
      'table 4: 效益指标 is merged over rows 5–7 but rows 6–7 are on the next page (no cut row): the continuation is a blank cell',
      'the header row is marked w:tblHeader but the table fits on one page: nothing repeats, so the PDF shows no header row (the last indicator table)',
    ],
    diff: [
      '+  (5,0) 1x1 "效益指标"',
      '-  (5,0) 3x1 "效益指标"',
      '+  (6,0) 2x1 ""',
      '+T 7x6 headerRows=0',
      '-T 7x6 headerRows=1',
    ],
  },
  'lunan-kexie-2024': {
    why: [
      'none: the table cut at the page break (满意度 row) is merged back, the repeated header dropped',
    ],
    diff: [
    ],
  },
  'lunan-kexie-2025': {
    why: [
      'the header row is marked w:tblHeader but the table fits on one page: nothing repeats, so the PDF shows no header row (the first indicator table; the other two cross a page and repeat it)',
    ],
    diff: [
      '+T 10x6 headerRows=0',
      '-T 10x6 headerRows=1',
    ],
  },
  'multi-project-2025': {
    why: [
      "the .docx has two tables back to back across a page break (the second holds project 3's name/amount/goal rows), with the same six columns and only an empty paragraph between them, which prints nothing: in the PDF the second table is a continuation of the first (rows 44–47). The recognizer sees project 3 start at its 项目支出名称 row either way",
    ],
    diff: [
      '+T 48x6 headerRows=0',
      '-T 44x6 headerRows=0',
      '+  (44,0) 1x1 "项目支出名称"',
      '+  (44,1) 1x2 "43030025P000000012345-道路清扫保洁服务"',
      '+  (44,3) 1x1 "预算部门"',
      '+  (44,4) 1x2 "湘潭市环境卫生管理处"',
      '+  (45,0) 1x1 "年度本级预算金额"',
      '+  (45,1) 1x2 "315万"',
      '+  (45,3) 1x1 "该项目支出上级资金"',
      '+  (45,4) 1x2 "0"',
      '+  (46,0) 1x1 "项目支出实施期"',
      '+  (46,1) 1x5 "2025.01-2025.12"',
      '+  (47,0) 1x1 "本年度绩效目标"',
      '+  (47,1) 1x5 "通过购买服务对城区260万平方米以上道路实施人工清扫和机械化保洁，道路保洁质量达标率达到95%以上，市容市貌明显改善。"',
      '-T 4x4 headerRows=0',
      '-  (0,0) 1x1 "项目支出名称"',
      '-  (0,1) 1x1 "43030025P000000012345-道路清扫保洁服务"',
      '-  (0,2) 1x1 "预算部门"',
      '-  (0,3) 1x1 "湘潭市环境卫生管理处"',
      '-  (1,0) 1x1 "年度本级预算金额"',
      '-  (1,1) 1x1 "315万"',
      '-  (1,2) 1x1 "该项目支出上级资金"',
      '-  (1,3) 1x1 "0"',
      '-  (2,0) 1x1 "项目支出实施期"',
      '-  (2,1) 1x3 "2025.01-2025.12"',
      '-  (3,0) 1x1 "本年度绩效目标"',
      '-  (3,1) 1x3 "通过购买服务对城区260万平方米以上道路实施人工清扫和机械化保洁，道路保洁质量达标率达到95%以上，市容市貌明显改善。"',
    ],
  },
  'separate-columns-2025': {
    why: [
      '产出指标 is merged over rows 7–11; the page break falls between rows 8 and 9 (no cut row), so rows 9–11 start with a blank continuation cell',
    ],
    diff: [
      '+  (7,0) 2x1 "产出指标"',
      '-  (7,0) 5x1 "产出指标"',
      '+  (9,0) 3x1 ""',
    ],
  },
  'wps-textbox-2025': {
    why: [
      'the .docx opens in the "Final" view (w:revisionView), so LibreOffice prints the tracked changes accepted, as the .docx reader reads them: no difference in the indicator table but its header row',
      'the header row is marked w:tblHeader but the table fits on one page: nothing repeats, so the PDF shows no header row',
      "备注 table: the nested 1×2 table (附件 | 无) touches the borders of its cell, so its rulings join the outer table's: the PDF has one 3×5 grid and no nested table",
    ],
    diff: [
      '+T 8x6 headerRows=0',
      '-T 8x6 headerRows=1',
      '+T 3x5 headerRows=0',
      '-T 2x2 headerRows=0',
      '+  (0,1) 1x4 "无"',
      '+  (1,0) 2x1 "其他说明"',
      '-  (0,1) 1x1 "无"',
      '-  (1,0) 1x1 "其他说明"',
      '+  (1,2) 1x1 "附件"',
      '+  (1,3) 1x1 "无"',
      '+  (1,4) 1x1 ""',
      '+  (2,1) 1x4 ""',
      '-T 1x2 headerRows=0',
      '-  (0,0) 1x1 "附件"',
      '-  (0,1) 1x1 "无"',
    ],
  },
};

const PAIRS = readdirSync(fixturePath('fixtures/docx'))
  .filter((f) => f.endsWith('.docx'))
  .map((f) => f.slice(0, -'.docx'.length))
  .filter((n) => existsSync(fixturePath(`fixtures/pdf/${n}.pdf`)))
  .sort();

describe('.docx ↔ PDF parity', () => {
  it('documents every fixture pair (run scripts/fixtures/export-pdf.ts after adding a .docx)', () => {
    expect(PAIRS).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(PAIRS)('%s: only the documented differences', async (name) => {
    const expected = EXPECTED[name];
    expect(expected?.why.length).toBeGreaterThan(0);
    expect(await compare(name)).toEqual(expected!.diff);
  });
});
