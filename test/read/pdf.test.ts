/**
 * The PDF reader on the fixture PDFs (LibreOffice exports of fixtures/docx, made by
 * scripts/fixtures/export-pdf.ts), the filled-rulings variant, and the bad inputs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/read/errors.js';
import type { Cell, DocumentModel, Table } from '../../src/read/model.js';
import { readPdf } from '../../src/read/pdf/index.js';
import { fixturePath } from '../helpers.js';
import { cellAt, paragraphs, readRepoPdf, tables } from './pdf-helpers.js';

const read = readRepoPdf;

/** The model's table invariants: rectangular grid, origins, spans, row-major cells, pages. */
function expectWellFormed(t: Table): void {
  expect(t.grid).toHaveLength(t.rowCount);
  for (const row of t.grid) expect(row).toHaveLength(t.columnCount);
  expect(t.rowPages).toHaveLength(t.rowCount);
  expect(t.page).toBe(t.rowPages[0]);
  expect(t.parent).toBeNull();
  const seen = new Set<Cell>();
  for (let r = 0; r < t.rowCount; r++) {
    for (let c = 0; c < t.columnCount; c++) {
      const cell = t.grid[r]![c];
      if (!cell) continue;
      seen.add(cell);
      expect(r).toBeGreaterThanOrEqual(cell.row);
      expect(r).toBeLessThan(cell.row + cell.rowSpan);
      expect(c).toBeGreaterThanOrEqual(cell.column);
      expect(c).toBeLessThan(cell.column + cell.colSpan);
    }
  }
  expect(new Set(t.cells)).toEqual(seen);
  const order = t.cells.map((c) => c.row * 10_000 + c.column);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  for (const cell of t.cells) {
    expect(cell.nested).toEqual([]);
    expect(cell.page).toBeGreaterThanOrEqual(t.page!);
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.column; c < cell.column + cell.colSpan; c++) expect(t.grid[r]![c]).toBe(cell);
    }
  }
}

function expectModel(m: DocumentModel): void {
  expect(m.format).toBe('pdf');
  let p = 0;
  let t = 0;
  for (const b of m.blocks) {
    expect(b.page).toBeGreaterThanOrEqual(1);
    expect(b.page).toBeLessThanOrEqual(m.pageCount!);
    if (b.kind === 'paragraph') {
      expect(b.index).toBe(++p);
      expect(b.text).not.toBe('');
      expect(b.text).toBe(b.text.trim());
      expect(b).toMatchObject({ list: null, heading: null, origin: 'body' });
    } else {
      expect(b.ordinal).toBe(++t);
      expectWellFormed(b);
    }
  }
}

describe('lunan-kexie-2025.pdf (seed, LibreOffice export)', () => {
  it('reads the block stream in order with pages', async () => {
    const { value, messages } = await read('fixtures/pdf/lunan-kexie-2025.pdf');
    expectModel(value);
    expect(messages).toEqual([]);
    expect(value.pageCount).toBe(6);
    expect(value.blocks.map((b) => b.kind).join(',')).toBe(
      [...Array(34).fill('paragraph'), 'table', 'table', 'paragraph', 'paragraph', 'paragraph', 'table', 'table', 'paragraph', 'paragraph', 'paragraph', 'table', 'table'].join(','),
    );
    const ps = paragraphs(value);
    expect(ps.slice(0, 3).map((p) => p.text)).toEqual(['第一部分', '部门整体绩效目标', '一、总体绩效目标']);
    expect(ps[3]!.text).toMatch(/^以习近平新时代中国特色社会主义思想为指导，实施《全民科学素质行动计划纲要》.*土地日等科普宣传。$/u);
    // A paragraph wrapped over several lines is one paragraph.
    expect(ps[3]!.text).toHaveLength(
      '以习近平新时代中国特色社会主义思想为指导，实施《全民科学素质行动计划纲要》，改善科普设施，提升科普能力，开展多种形式的科普活动。依据《全民科学素质行动计划纲要》和《科普法》并结合社会实际需要，开展科普活动，加强科普设施建设，提升科普能力。提升重点人群科学素质，包括农民、社区居民、公务员和领导干部、青少年等；提升重点人群科学素质，包括农民、社区居民、公务员和领导干部、青少年等；重点组织好全国科普日河北科普活动，组织参与科技周、防灾减灾日、食品安全宣传周、节水日、土地日等科普宣传。'
        .length,
    );
    expect(ps.find((p) => p.text.startsWith('1.迎接省'))).toMatchObject({ page: 2, text: '1.迎接省、市对我区《全民科学素质行动计划纲要》实施工作的评估检查。' });
    // The caption line of Table A: code+name at the left, unit at the right → two paragraphs.
    expect(ps.slice(31, 34).map((p) => [p.text, p.page])).toEqual([
      ['1.2025年支持市县科技创新和科学普及专项资金绩效目标表', 2],
      ['731001唐山市路南区科学技术协会本级', 2],
      ['单位：万元', 2],
    ]);
    // No page number became a paragraph.
    expect(ps.some((p) => /^[-\d\s]+$/u.test(p.text))).toBe(false);
  });

  it('reads Table A with its column spans and vertical merges, across a page break', async () => {
    const a = tables((await read('fixtures/pdf/lunan-kexie-2025.pdf')).value)[0]!;
    expect([a.rowCount, a.columnCount, a.page, a.headerRows]).toEqual([6, 7, 2, 0]);
    expect(a.rowPages).toEqual([2, 3, 3, 3, 3, 3]);
    expect(cellAt(a, 0, 1)).toMatchObject({ row: 0, column: 1, colSpan: 2, rowSpan: 1, text: '13020225P009127100021', page: 2 });
    expect(cellAt(a, 0, 4)).toMatchObject({ colSpan: 3, text: '2025年支持市县科技创新和科学普及专项资金' });
    expect(cellAt(a, 1, 0)).toMatchObject({ row: 1, column: 0, rowSpan: 2, colSpan: 1, text: '预算规模及资金用途', page: 3 });
    expect(cellAt(a, 2, 0)).toBe(cellAt(a, 1, 0));
    expect(cellAt(a, 1, 3).text).toBe('其中：财政资金');
    expect(cellAt(a, 1, 6).text).toBe('');
    expect(cellAt(a, 2, 1)).toMatchObject({ colSpan: 6, text: '用于2025年支持市县科技创新和科学普及专项项目。' });
    expect([3, 4, 5].map((r) => [1, 3, 5, 6].map((c) => cellAt(a, r, c).text))).toEqual([
      ['3月底', '6月底', '10月底', '12月底'],
      ['25%', '50%', '75%', '100%'],
      ['1.用于2025年支持市县科技创新和科学普及专项资金', '1.用于2025年支持市县科技创新和科学普及专项资金', '1.用于2025年支持市县科技创新和科学普及专项资金', '1.用于2025年支持市县科技创新和科学普及专项资金'],
    ]);
    expect(cellAt(a, 3, 1).colSpan).toBe(2);
    expect(cellAt(a, 3, 5).colSpan).toBe(1);
  });

  it('reads the first indicator table: 10 × 6, 一级 merged, CJK text joined', async () => {
    const b = tables((await read('fixtures/pdf/lunan-kexie-2025.pdf')).value)[1]!;
    expect([b.rowCount, b.columnCount, b.page, b.headerRows]).toEqual([10, 6, 3, 0]);
    expect(b.rowPages).toEqual(Array(10).fill(3));
    expect(b.grid[0]!.map((c) => c!.text)).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(cellAt(b, 1, 0)).toMatchObject({ row: 1, column: 0, rowSpan: 4, colSpan: 1, text: '产出指标', page: 3 });
    for (const r of [2, 3, 4]) expect(cellAt(b, r, 0)).toBe(cellAt(b, 1, 0));
    expect(cellAt(b, 5, 0)).toMatchObject({ row: 5, rowSpan: 4, text: '效益指标' });
    expect(cellAt(b, 9, 0)).toMatchObject({ row: 9, rowSpan: 1, text: '满意度指标' });
    // `≥20` and `次` are runs in two fonts; `冀财教【2024】130号` wraps over four lines.
    expect(cellAt(b, 1, 4).text).toBe('≥20次');
    expect(cellAt(b, 1, 5).text).toBe('冀财教【2024】130号');
    // `开展科普活\n动` is one word.
    expect(cellAt(b, 1, 2).text).toBe('开展科普活动');
    expect(cellAt(b, 1, 3).text).toBe('通过开展各种科普活动，吸引各重点人群参与，普及科普知识');
    expect(cellAt(b, 3, 3).text).toBe('重点组织好流动科技馆巡展和科普助力“双减”进校园项目。');
    expect(cellAt(b, 4, 2).text).toBe('2025年支持市县科技创新和科学普及专项资金');
    expect(cellAt(b, 4, 4).text).toBe('11万元');
    expect(cellAt(b, 6, 4).text).toBe('≥30000人');
    expect(b.cells).toHaveLength(6 + 9 * 5 + 3);
  });

  it('stitches indicator tables across pages: repeated header dropped, cut row merged back', async () => {
    const ts = tables((await read('fixtures/pdf/lunan-kexie-2025.pdf')).value);
    const t4 = ts[3]!;
    expect([t4.rowCount, t4.columnCount, t4.page, t4.headerRows]).toEqual([10, 6, 4, 1]);
    expect(t4.rowPages).toEqual([4, 4, 4, 4, 5, 5, 5, 5, 5, 5]);
    expect(t4.cells.filter((c) => c.text === '一级指标')).toHaveLength(1);
    // The 时效指标 row was cut by the page break after `…食品安全宣`.
    expect(cellAt(t4, 3, 3)).toMatchObject({
      text: '重点组织好全国科普日河北科普活动，组织参与科技周、防灾减灾日、食品安全宣传周、节水日、土地日等科普宣传周日。',
      page: 4,
    });
    expect(cellAt(t4, 3, 2).text).toBe('科普经费及时到位率');
    // 产出指标 continues over the break and covers 成本指标 on page 5.
    expect(cellAt(t4, 1, 0)).toMatchObject({ rowSpan: 4, text: '产出指标' });
    expect(cellAt(t4, 4, 1).text).toBe('成本指标');
    expect(cellAt(t4, 4, 0)).toBe(cellAt(t4, 1, 0));

    const t6 = ts[5]!;
    expect([t6.rowCount, t6.headerRows]).toEqual([10, 1]);
    expect(t6.rowPages).toEqual([5, 5, 6, 6, 6, 6, 6, 6, 6, 6]);
    // The first body row was cut right under the header: `产出指` | `标`, `对接企业个` | `数`.
    expect(cellAt(t6, 1, 0)).toMatchObject({ rowSpan: 4, text: '产出指标', page: 5 });
    expect(cellAt(t6, 1, 2).text).toBe('对接企业个数');
    expect(cellAt(t6, 2, 2).text).toBe('招商企业个数');
    expect(cellAt(t6, 4, 4).text).toBe('5万');
  });
});

describe('filled-rulings-2025.pdf (rulings as thin filled rectangles)', () => {
  it('gives the same blocks as the stroked original', async () => {
    const stroked = await read('fixtures/pdf/lunan-kexie-2025.pdf');
    const filled = await read('fixtures/pdf/filled-rulings-2025.pdf');
    expectModel(filled.value);
    expect(filled.messages).toEqual([]);
    expect(filled.value).toEqual(stroked.value);
  });
});

describe('cjk-cmap-2025.pdf (Chinese in a non-embedded font, predefined CMap UniGB-UCS2-H)', () => {
  it('decodes the text through the CMap files handed to pdf.js', async () => {
    const { value, messages } = await read('test/inputs/pdf/cjk-cmap-2025.pdf');
    expectModel(value);
    expect(messages).toEqual([]);
    expect(paragraphs(value).map((p) => p.text)).toEqual(['中文表格测试：预算单位', '以上数据为预算数。']);
    const t = tables(value)[0]!;
    expect(t.grid.map((row) => row.map((c) => c!.text))).toEqual([
      ['项目名称', '金额'],
      ['科普经费', '2.00万元'],
    ]);
  });
});

describe('long-tables-2025.pdf (tables across pages)', () => {
  it('stitches the table whose header repeats on every page', async () => {
    const { value, messages } = await read('fixtures/pdf/long-tables-2025.pdf');
    expectModel(value);
    expect(messages).toEqual([]);
    expect(paragraphs(value).map((p) => [p.text, p.page])).toEqual([
      ['长表格分页测试', 1],
      ['本文件用于测试跨页表格：第一个表格的标题行设置为在各页顶端重复，第二个表格的标题行不重复。', 1],
      ['1.项目一绩效目标表', 1],
      ['2.项目二绩效目标表', 4],
      ['表格结束。', 5],
    ]);
    const t = tables(value)[0]!;
    expect([t.rowCount, t.columnCount, t.page, t.headerRows]).toEqual([22, 6, 1, 1]);
    expect(t.rowPages).toEqual([...Array(7).fill(1), ...Array(7).fill(2), ...Array(8).fill(3)]);
    expect(t.cells.filter((c) => c.text === '一级指标' || c.text === '指标值确定依据')).toHaveLength(2);
    // Vertical merges over both page breaks stay one cell (the rows at the breaks were cut).
    expect(cellAt(t, 1, 0)).toMatchObject({ rowSpan: 12, text: '产出指标', page: 1 });
    expect(cellAt(t, 12, 0)).toBe(cellAt(t, 1, 0));
    expect(cellAt(t, 1, 1)).toMatchObject({ rowSpan: 6, text: '数量指标' });
    expect(cellAt(t, 7, 1)).toMatchObject({ rowSpan: 6, text: '质量指标', page: 2 });
    // Row 6 was cut after `…重点科普` on page 1.
    expect(cellAt(t, 6, 3)).toMatchObject({
      page: 1,
      text: '6.面向农民、社区居民、青少年、领导干部和公务员等重点人群，开展科普惠农、科普益民等重点科普活动；开展科普日、科技周、减灾日、三下乡等系列科普活动，吸引各重点人群参与，普及科普知识。',
    });
    // Row 13 was cut inside `效益指|标` and `社会效益|指标`.
    expect(cellAt(t, 13, 0)).toMatchObject({ rowSpan: 8, text: '效益指标', page: 2 });
    expect(cellAt(t, 13, 1)).toMatchObject({ rowSpan: 4, text: '社会效益指标' });
    expect(cellAt(t, 13, 3).text).toBe('第13项活动按计划完成并通过验收。');
    expect(cellAt(t, 21, 0).text).toBe('满意度指标');
    // A code broken inside the token, Latin words wrapped at spaces.
    expect(cellAt(t, 4, 2).text).toBe('13020225P009127100021');
    expect(cellAt(t, 5, 4).text).toBe('Latin words wrap here');
  });

  it('stitches the table without a repeated header; blank 一级/二级 at the top of the continuation stay blank', async () => {
    const t = tables((await read('fixtures/pdf/long-tables-2025.pdf')).value)[1]!;
    expect([t.rowCount, t.columnCount, t.page, t.headerRows]).toEqual([45, 6, 4, 0]);
    expect(t.rowPages).toEqual([...Array(37).fill(4), ...Array(8).fill(5)]);
    expect(cellAt(t, 1, 0)).toMatchObject({ rowSpan: 29, text: '产出指标' });
    expect(cellAt(t, 30, 0)).toMatchObject({ rowSpan: 7, text: '效益指标' });
    expect(cellAt(t, 30, 1)).toMatchObject({ rowSpan: 7, text: '社会效益指标' });
    expect(cellAt(t, 37, 0)).toMatchObject({ row: 37, rowSpan: 8, text: '', page: 5 });
    expect(cellAt(t, 37, 1)).toMatchObject({ row: 37, rowSpan: 8, text: '', page: 5 });
    expect(t.grid[37]!.slice(2).map((c) => c!.text)).toEqual(['二号指标37', '第37项活动', '37万元', '既定标准']);
    expect(cellAt(t, 40, 3).text).toMatch(/^40\.面向农民.*普及科普知识。$/u);
    expect(t.grid.map((row) => row[2]!.text).slice(1)).toEqual(Array.from({ length: 44 }, (_, i) => `二号指标${i + 1}`));
  });
});

describe('bad PDFs', () => {
  const bad = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(`test/inputs/bad-pdf/${name}`)));
  async function failure(name: string): Promise<InputError> {
    try {
      // With OCR a scan is read (test/read/ocr.test.ts): here it is the text reader's refusal.
      await readPdf(bad(name), { ocr: 'off' });
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return err as InputError;
    }
    throw new Error(`${name} was read`);
  }

  it.each([
    ['empty.pdf', 'empty'],
    ['not-a-pdf.pdf', 'not-pdf'],
    ['docx-named.pdf', 'not-pdf'],
    ['corrupt.pdf', 'corrupt'],
    ['encrypted.pdf', 'encrypted'],
    ['scanned.pdf', 'no-text-layer'],
  ])('%s → %s', async (name, kind) => {
    const err = await failure(name);
    expect(err.kind).toBe(kind);
    expect(err.message).not.toMatch(/\n/u);
    expect(err.message.length).toBeGreaterThan(5);
  });

  it('a truncated PDF is corrupt', async () => {
    const whole = new Uint8Array(readFileSync(fixturePath('fixtures/pdf/lunan-kexie-2025.pdf')));
    await expect(readPdf(whole.slice(0, 90_000))).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('gives the reasons the CLI prints', async () => {
    expect((await failure('encrypted.pdf')).message).toContain('password required');
    expect((await failure('scanned.pdf')).message).toBe('no text layer (scanned?) and OCR is off (--ocr off); not read');
    expect((await failure('empty.pdf')).message).toBe('empty file (0 bytes)');
  });

  it('undecodable.pdf: reports the pages and keeps garbage out of the text', async () => {
    const { value, messages } = await readPdf(bad('undecodable.pdf'));
    expectModel(value);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 'warning', code: 'PDF_UNDECODABLE_TEXT', page: 1, table: null });
    expect(messages[0]!.message).toMatch(/^pages 1, 2, 3, 4, 5, 6: \d+ of \d+ characters cannot be decoded/u);
    expect(messages[0]!.message).toContain('that text was dropped');
    // Every font of this export lost its map: the structure survives, the text does not.
    // Without text a repeated header and a cut row cannot be recognised, so the tables that
    // cross a page keep both (10 + 1 + 1 rows).
    const ts = tables(value);
    expect(ts.map((t) => [t.rowCount, t.columnCount, t.headerRows])).toEqual([
      [6, 7, 0],
      [10, 6, 0],
      [6, 7, 0],
      [12, 6, 0],
      [6, 7, 0],
      [12, 6, 0],
    ]);
    const texts = [...paragraphs(value).map((p) => p.text), ...ts.flatMap((t) => t.cells.map((c) => c.text))];
    expect(texts.filter((t) => t !== '')).toEqual([]);
  });
});

describe('every fixture PDF', () => {
  it.each(['gridbefore-2025.pdf', 'lunan-jiaoyu-2025.pdf', 'wps-textbox-2025.pdf'])('%s reads into a well-formed model', async (name) => {
    const { value } = await read(`fixtures/pdf/${name}`);
    expectModel(value);
    expect(tables(value).length).toBeGreaterThan(0);
  });

  it('maps a Symbol-font ≥ (w:sym F0B3) to U+2265 like the .docx reader', async () => {
    const t = tables((await read('fixtures/pdf/wps-textbox-2025.pdf')).value)[1]!;
    expect(t.cells.map((c) => c.text)).toContain('≥95%');
  });

  it('keeps a centred two-line heading one paragraph', async () => {
    const ps = paragraphs((await read('fixtures/pdf/lunan-jiaoyu-2025.pdf')).value);
    expect(ps[0]).toMatchObject({ text: '唐山市路南区教育局2025年部门预算项目绩效目标', page: 1 });
  });
});

