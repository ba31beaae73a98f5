/**
 * Differential test against mammoth 1.13: where mammoth reads a .docx table right, yusuan's
 * grid must equal mammoth's cell for cell (rows, columns, origins, spans, texts); where
 * mammoth is wrong (w:gridBefore rows, WPS text boxes) the test pins down exactly how, and
 * that yusuan is right.
 *
 * mammoth gives HTML: tables with colspan/rowspan, nested tables inside cells, paragraphs
 * as <p>. Its grid is rebuilt here with the HTML table algorithm, and its cell text with the
 * same joining rule yusuan uses (joinPieces over the cell's paragraphs).
 *
 * One known, deliberate difference: mammoth renders auto-numbered paragraphs as <ol><li>
 * without their labels, while yusuan writes the label into the cell text (`1.目标`). Cells
 * holding list items are therefore never compared silently: the caller must say which label
 * each item carries (`labelOf`), and a fixture without such a function fails on the first
 * list item it meets, naming the cell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { strFromU8, unzipSync } from 'fflate';
import { readDocx } from '../../src/read/docx/index.js';
import type { Table } from '../../src/read/model.js';
import { joinPieces } from '../../src/read/text.js';
import { cell, docx, paragraph, row, sdt, table, del, ins, vMergeContinue } from '../../scripts/fixtures/ooxml.js';
import { fixturePath } from '../helpers.js';

// -----------------------------------------------------------------------------------------
// mammoth's HTML → grids
// -----------------------------------------------------------------------------------------

interface ListItem {
  /** 0-based position of the <li> among its <ol>/<ul> siblings. */
  index: number;
  /** Nesting depth of its list inside the cell, 0 = outermost. */
  depth: number;
  ordered: boolean;
}

type LabelOf = (item: ListItem, where: string) => string;

interface MCell {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  /** Indexes (into the document-order list of all tables) of tables nested in this cell. */
  nested: number[];
}

interface MTable {
  /** 1-based position among all tables in document (pre-)order, like yusuan's ordinal. */
  ordinal: number;
  rowCount: number;
  columnCount: number;
  grid: (MCell | null)[][];
  cells: MCell[];
  parent: { table: number; row: number; column: number } | null;
}

function isTag(node: ChildNode): node is Element {
  return node.type === 'tag';
}

function tags(el: Element, names: readonly string[]): Element[] {
  return el.children.filter(isTag).filter((c) => names.includes(c.name));
}

/** Inline text of a block element: text nodes, <br> as a line break; nested lists and tables excluded. */
function inlineText(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += c.data;
    else if (isTag(c)) {
      if (c.name === 'br') out += '\n';
      else if (c.name === 'table' || c.name === 'ol' || c.name === 'ul') continue;
      else out += inlineText(c);
    }
  }
  return out;
}

const BLOCKS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

class MammothTables {
  readonly all: MTable[] = [];

  constructor(
    html: string,
    private readonly labelOf: LabelOf | null,
  ) {
    const dom = parseDocument(html, { withStartIndices: true });
    this.walk(dom.children, null);
  }

  /** Find tables outside any table cell; tables inside cells are read by their parent cell. */
  private walk(nodes: ChildNode[], parent: MTable['parent']): void {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === 'table') this.readTable(node, parent);
      else this.walk(node.children, parent);
    }
  }

  private readTable(el: Element, parent: MTable['parent']): void {
    const t: MTable = { ordinal: this.all.length + 1, rowCount: 0, columnCount: 0, grid: [], cells: [], parent };
    this.all.push(t);
    const rows = [...tags(el, ['tr']), ...tags(el, ['thead', 'tbody', 'tfoot']).flatMap((s) => tags(s, ['tr']))];
    // thead precedes tbody in mammoth's output; keep document order anyway.
    rows.sort((a, b) => order(a) - order(b));
    t.rowCount = rows.length;
    t.grid = rows.map(() => []);
    rows.forEach((tr, r) => {
      let column = 0;
      for (const td of tags(tr, ['td', 'th'])) {
        while (t.grid[r]?.[column]) column++;
        const rowSpan = Number(td.attribs.rowspan ?? '1');
        const colSpan = Number(td.attribs.colspan ?? '1');
        const cell: MCell = { row: r, column, rowSpan, colSpan, text: '', nested: [] };
        for (let rr = r; rr < r + rowSpan && rr < rows.length; rr++) {
          for (let cc = column; cc < column + colSpan; cc++) (t.grid[rr] as (MCell | null)[])[cc] = cell;
        }
        t.cells.push(cell);
        cell.text = this.cellText(td, t, cell);
        column += colSpan;
      }
    });
    t.columnCount = Math.max(0, ...t.grid.map((r) => r.length));
    t.grid = t.grid.map((r) => Array.from({ length: t.columnCount }, (_, c) => r[c] ?? null));
    t.cells.sort((a, b) => a.row - b.row || a.column - b.column);
  }

  private cellText(td: Element, t: MTable, cell: MCell): string {
    const pieces: string[] = [];
    const where = `mammoth table ${t.ordinal} cell (${cell.row},${cell.column})`;
    const nestedTable = (el: Element): void => {
      cell.nested.push(this.all.length + 1);
      this.readTable(el, { table: t.ordinal, row: cell.row, column: cell.column });
    };
    const visitList = (list: Element, depth: number): void => {
      tags(list, ['li']).forEach((li, index) => {
        if (!this.labelOf) {
          throw new Error(
            `${where}: mammoth shows an auto-numbered paragraph as <li> without its label, yusuan shows the label; ` +
              'this fixture needs a labelOf rule to be compared',
          );
        }
        pieces.push(this.labelOf({ index, depth, ordered: list.name === 'ol' }, where) + inlineText(li));
        for (const c of tags(li, ['ol', 'ul', 'table'])) {
          if (c.name === 'table') nestedTable(c);
          else visitList(c, depth + 1);
        }
      });
    };
    const visit = (container: Element): void => {
      for (const c of container.children) {
        if (c.type === 'text') {
          if (c.data.trim() !== '') pieces.push(c.data);
        } else if (isTag(c)) {
          if (BLOCKS.includes(c.name)) pieces.push(inlineText(c));
          else if (c.name === 'table') nestedTable(c);
          else if (c.name === 'ol' || c.name === 'ul') visitList(c, 0);
          else visit(c);
        }
      }
    };
    visit(td);
    return joinPieces(pieces);
  }
}

/** Document position of an element, for sorting rows found in different sections. */
function order(el: Element): number {
  return el.startIndex ?? 0;
}

async function mammothTables(bytes: Uint8Array, labelOf: LabelOf | null = null): Promise<{ html: string; tables: MTable[]; messages: unknown[] }> {
  const { value, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { html: value, tables: new MammothTables(value, labelOf).all, messages };
}

// -----------------------------------------------------------------------------------------
// Comparison
// -----------------------------------------------------------------------------------------

interface Shape {
  ordinal: number;
  rows: number;
  columns: number;
  parent: { table: number; row: number; column: number } | null;
  /** [text, row, column, rowSpan, colSpan, nested] in row-major order. */
  cells: Array<[string, number, number, number, number, number[]]>;
  /** Each grid position: the origin `row,column` of the cell covering it, or null. */
  positions: (string | null)[][];
}

function shapeOf(t: Table | MTable): Shape {
  const cells = t.cells.map((c): Shape['cells'][number] => [c.text, c.row, c.column, c.rowSpan, c.colSpan, c.nested]);
  return {
    ordinal: t.ordinal,
    rows: t.rowCount,
    columns: t.columnCount,
    parent: t.parent,
    cells,
    positions: t.grid.map((r) => r.map((c) => (c ? `${c.row},${c.column}` : null))),
  };
}

function ourTables(bytes: Uint8Array): Table[] {
  return readDocx(bytes).value.blocks.filter((b): b is Table => b.kind === 'table');
}

async function expectSameTables(bytes: Uint8Array, labelOf: LabelOf | null = null): Promise<{ topLevel: number; nested: number }> {
  const ours = ourTables(bytes);
  const theirs = (await mammothTables(bytes, labelOf)).tables;
  const top = (list: Array<Table | MTable>) => list.filter((t) => t.parent === null).map(shapeOf);
  const inner = (list: Array<Table | MTable>) => list.filter((t) => t.parent !== null).map(shapeOf);
  expect(top(ours)).toEqual(top(theirs));
  expect(inner(ours)).toEqual(inner(theirs));
  // Ordinals are document order on both sides, so the nesting links agree too.
  expect(ours.map((t) => t.ordinal)).toEqual(theirs.map((t) => t.ordinal));
  return { topLevel: top(ours).length, nested: inner(ours).length };
}

// -----------------------------------------------------------------------------------------
// Which fixtures mammoth reads right
// -----------------------------------------------------------------------------------------

const DOCX_DIR = 'fixtures/docx';

function documentXmlOf(bytes: Uint8Array): string {
  const part = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
  if (!part) throw new Error('no word/document.xml');
  return strFromU8(part);
}

interface Fixture {
  name: string;
  bytes: Uint8Array;
  gridBefore: boolean;
  textBoxes: boolean;
  /** Auto-numbered paragraphs inside table cells (mammoth drops their labels). */
  numberedInCells: boolean;
}

function fixtures(): Fixture[] {
  return readdirSync(fixturePath(DOCX_DIR))
    .filter((f) => f.endsWith('.docx'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(fixturePath(`${DOCX_DIR}/${name}`));
      const xml = documentXmlOf(bytes);
      return {
        name,
        bytes,
        gridBefore: /<w:gridBefore\b/.test(xml),
        // WPS/Word text boxes (wps:txbx) and VML ones (v:textbox) both hold w:txbxContent.
        textBoxes: /<w:txbxContent\b/.test(xml),
        numberedInCells: /<w:tc>(?:(?!<\/w:tc>).)*<w:numPr>/s.test(xml),
      };
    });
}

const ALL = fixtures();
const ELIGIBLE = ALL.filter((f) => !f.gridBefore && !f.textBoxes);

// -----------------------------------------------------------------------------------------

describe('mammoth differential', () => {
  it('selects the fixtures without w:gridBefore and without text boxes', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(4);
    const names = ELIGIBLE.map((f) => f.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toContain('lunan-kexie-2025.docx');
    expect(names).toContain('lunan-jiaoyu-2025.docx');
    expect(names).not.toContain('gridbefore-2025.docx');
    expect(names).not.toContain('wps-textbox-2025.docx');
  });

  // mammoth drops list labels in cells; none of the eligible fixtures numbers a paragraph in a
  // cell (their `1.` in 绩效目标 cells is literal text), so no labelOf is needed. Should a
  // fixture add one, MammothTables throws naming the cell rather than skipping it.
  it.each(ELIGIBLE.map((f) => [f.name, f] as const))('%s: every table equals mammoth’s, cell for cell', async (_name, f) => {
    expect(f.numberedInCells).toBe(false);
    const { topLevel } = await expectSameTables(f.bytes);
    expect(topLevel).toBeGreaterThan(0);
  });

  it('an in-memory .docx with merges, content controls, tracked changes, a deleted row, a nested table and a numbered cell equals mammoth’s', async () => {
    const bytes = docx({
      numbering: [{ numId: 1, levels: [{ format: 'decimal', text: '%1.' }] }],
      body: [
        paragraph('前言'),
        table([
          [cell('产出指标', { vMerge: 'restart' }), cell('数量指标', { span: 2 }), sdt(cell('冀财教【2024】130号'))],
          sdt([row([vMergeContinue(), 'x', 'y', cell([del('≥15场'), ins('≥20场')])])]),
          row([vMergeContinue(), '删除的行', 'z', 'w'], { deleted: true }),
          [
            'Child',
            cell([paragraph('说明'), table([['内表甲', cell([paragraph('Growth'), paragraph('Standards')])]])]),
            '其中：财政    资金',
            cell([paragraph('目标', { numbering: { numId: 1, level: 0 } }), paragraph('措施', { numbering: { numId: 1, level: 0 } })]),
          ],
        ]),
        table([[cell('合并', { span: 2, vMerge: 'restart' }), 'a'], [vMergeContinue({ span: 2 }), 'b']]),
      ],
    });
    // The one list is decimal `%1.` and starts in that cell: its labels are 1., 2.
    const labelOf: LabelOf = (item) => `${item.index + 1}.`;
    const counts = await expectSameTables(bytes, labelOf);
    expect(counts).toEqual({ topLevel: 2, nested: 1 });

    // The difference itself, shown without the label rule.
    const { html } = await mammothTables(bytes, labelOf);
    expect(html).toContain('<ol><li>目标</li><li>措施</li></ol>');
    const ours = ourTables(bytes);
    expect(ours[0]?.grid[2]?.[3]?.text).toBe('1.目标2.措施');
    await expect(mammothTables(bytes, null)).rejects.toThrow(/mammoth table 1 cell \(2,3\): mammoth shows an auto-numbered paragraph as <li> without its label/);
  });

  it('gridbefore-2025.docx: mammoth ignores w:gridBefore and misplaces the merged 二级 cells; yusuan puts them in grid column 1', async () => {
    const f = ALL.find((x) => x.name === 'gridbefore-2025.docx');
    expect(f?.gridBefore).toBe(true);
    const bytes = (f as Fixture).bytes;
    const theirs = (await mammothTables(bytes)).tables;
    const ours = ourTables(bytes);
    expect(theirs).toHaveLength(2);
    expect(ours).toHaveLength(2);
    // Table A has no gridBefore rows: there mammoth and yusuan agree.
    expect(shapeOf(ours[0] as Table)).toEqual(shapeOf(theirs[0] as MTable));

    const m = theirs[1] as MTable;
    const y = ours[1] as Table;
    const find = (t: Table | MTable, text: string) => {
      const found = t.cells.filter((c) => c.text === text).map((c) => [c.row, c.column, c.rowSpan, c.colSpan]);
      expect(found, text).toHaveLength(1);
      return found[0];
    };

    // 数量指标: restart in a full row, continue in the next (gridBefore) row.
    // mammoth counts the gridBefore row's cells from column 0, so the continuation lands under
    // 产出指标 (rowspan 2) and 数量指标 is left with rowspan 1.
    expect(find(m, '数量指标')).toEqual([1, 1, 1, 1]);
    expect(find(m, '产出指标')).toEqual([1, 0, 2, 1]);
    expect(find(y, '数量指标')).toEqual([1, 1, 2, 1]);
    expect(find(y, '产出指标')).toEqual([1, 0, 1, 1]);

    // 可持续影响指标: restart and continue both in gridBefore rows. mammoth puts it in column 0.
    expect(find(m, '可持续影响指标')).toEqual([6, 0, 2, 1]);
    expect(find(y, '可持续影响指标')).toEqual([6, 1, 2, 1]);

    // Whole rows shifted left by mammoth: row 3 starts with 质量指标 in column 0 (under nothing).
    expect(m.grid[3]?.map((c) => c?.text ?? null)).toEqual(['质量指标', '活动验收合格率', '活动按方案完成并通过验收', '100%', '计划标准', null]);
    expect(y.grid[3]?.map((c) => c?.text ?? null)).toEqual([null, '质量指标', '活动验收合格率', '活动按方案完成并通过验收', '100%', '计划标准']);
    // Row 2 (gridBefore + vMerge continue): 培训辅导人次 is the 三级 value, grid column 2.
    expect(m.grid[2]?.map((c) => c?.text ?? null)).toEqual(['产出指标', '培训辅导人次', '开展群众文艺培训辅导', '≥500人次', '冀财教【2024】130号', null]);
    expect(y.grid[2]?.map((c) => c?.text ?? null)).toEqual([null, '数量指标', '培训辅导人次', '开展群众文艺培训辅导', '≥500人次', '冀财教【2024】130号']);
    expect(y.grid[2]?.[1]).toBe(y.grid[1]?.[1]);
    expect(y.grid[7]?.[1]).toBe(y.grid[6]?.[1]);
  });

  it('wps-textbox-2025.docx: mammoth drops the WPS text box title without a message; yusuan keeps it', async () => {
    const title = '唐山市路南区科技馆2025年部门预算';
    const f = ALL.find((x) => x.name === 'wps-textbox-2025.docx');
    expect(f?.textBoxes).toBe(true);
    const bytes = (f as Fixture).bytes;
    const { html, messages } = await mammothTables(bytes);
    expect(html).not.toContain(title);
    // The box is the cover's only content: mammoth's output starts with the next paragraph.
    expect(html.startsWith('<p><strong>第一部分</strong></p>')).toBe(true);
    expect(messages).toEqual([]);

    const { value, messages: ourMessages } = readDocx(bytes);
    expect(value.blocks[0]).toEqual({ kind: 'paragraph', index: 1, text: title, list: null, heading: null, origin: 'textbox', page: null });
    expect(ourMessages.map((m) => m.code)).toContain('DOCX_TEXTBOX_KEPT');
  });
});
