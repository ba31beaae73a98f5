/**
 * The PDF reader on real budget disclosures (read where they are, in
 * ../shared/corpora: WPS 表格/WPS Office, Word 2007, Excel 2010, Acrobat Distiller). None has
 * a performance-target table; all have ruled budget tables. Values below were checked
 * against the pages rendered with pdftoppm.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPageNumber } from '../../src/read/pdf/layout.js';
import { fixturePath } from '../helpers.js';
import { cellAt, paragraphs, readRepoPdf, tables } from '../read/pdf-helpers.js';

const DIR = '../shared/corpora/real-disclosures';
const FILES = readdirSync(fixturePath(DIR))
  .filter((f) => f.endsWith('.pdf'))
  .sort();

const read = (name: string): ReturnType<typeof readRepoPdf> => readRepoPdf(`${DIR}/${name}`);

describe('real disclosures', () => {
  it('has the twelve files of the corpus', () => {
    expect(FILES).toHaveLength(12);
  });

  it.each(FILES)('%s reads into a well-formed model', async (name) => {
    const { value } = await read(name);
    expect(value.format).toBe('pdf');
    expect(value.pageCount).toBeGreaterThan(10);
    for (const t of tables(value)) {
      expect(t.grid).toHaveLength(t.rowCount);
      expect(t.rowPages).toHaveLength(t.rowCount);
      for (let r = 0; r < t.rowCount; r++) {
        expect(t.grid[r]).toHaveLength(t.columnCount);
        for (let c = 0; c < t.columnCount; c++) {
          const cell = t.grid[r]![c];
          if (!cell) continue;
          expect(t.cells).toContain(cell);
          expect(r - cell.row).toBeLessThan(cell.rowSpan);
          expect(c - cell.column).toBeLessThan(cell.colSpan);
        }
      }
    }
    // Running headers and page numbers never become paragraphs.
    expect(paragraphs(value).filter((p) => isPageNumber(p.text))).toEqual([]);
    for (const p of paragraphs(value)) expect(p.text).not.toMatch(/[\u0000-\u001F\uFFFD]/u);
  });

  it('decodes the Jiangsu Word 2007 exports (WinAnsi TrueType digit fonts without ToUnicode)', async () => {
    for (const name of ['js-jcy-2019-dept-budget.pdf', 'js-gjfy-2019-dept-budget.pdf']) {
      const { messages } = await read(name);
      expect(messages.filter((m) => m.code === 'PDF_UNDECODABLE_TEXT')).toEqual([]);
    }
  });

  it('reports a page without any text', async () => {
    const { messages } = await read('sh-putuo-sfj-2026-dept-budget.pdf');
    expect(messages).toEqual([
      expect.objectContaining({ code: 'PDF_PAGE_WITHOUT_TEXT', severity: 'warning', page: 3, message: expect.stringMatching(/^page 3 has no text/u) }),
    ]);
  });

  it('js-jcy-2019: 收支预算总表 (Word 2007, rulings as filled rectangles)', async () => {
    const { value } = await read('js-jcy-2019-dept-budget.pdf');
    const t = tables(value)[0]!;
    expect([t.rowCount, t.columnCount, t.page, t.headerRows]).toEqual([27, 6, 14, 0]);
    expect(cellAt(t, 0, 0)).toMatchObject({ colSpan: 2, text: '收入' });
    expect(cellAt(t, 0, 2)).toMatchObject({ colSpan: 4, text: '支出' });
    expect(cellAt(t, 1, 0)).toMatchObject({ rowSpan: 2, text: '项目名称' });
    expect(t.grid[3]!.map((c) => c!.text)).toEqual(['一、财政拨款', '24,169.74', '一、一般公共服务支出', '', '一、基本支出', '15,844.04']);
    expect(cellAt(t, 6, 3).text).toBe('16,593.12');
    expect(cellAt(t, 24, 2)).toMatchObject({ colSpan: 3, text: '当年支出小计' });
    expect(t.grid[26]!.map((c) => c!.text)).toEqual(['收入合计', '24,169.74', '支出合计', '支出合计', '支出合计', '24,169.74']);
    const ps = paragraphs(value);
    expect(ps.filter((p) => p.page === 14).map((p) => p.text)).toEqual(['第二部分2019年度部门预算表', '公开01表', '收支预算总表', '部门：江苏省人民检察院', '单位：万元']);
  });

  it('sh-putuo-wanli-2025: WPS tables, one continued over four pages, one with a repeated three-row header', async () => {
    const { value } = await read('sh-putuo-wanli-2025-dept-budget.pdf');
    const ts = tables(value);
    const total = ts[0]!;
    expect([total.rowCount, total.columnCount, total.page]).toEqual([16, 4, 9]);
    expect(total.grid[2]!.map((c) => c!.text)).toEqual(['一、财政拨款收入', '189,767,551', '一、一般公共服务支出', '3,296,600']);
    expect(total.grid[15]!.map((c) => c!.text)).toEqual(['收入总计', '189,767,551', '支出总计', '189,767,551']);

    const income = ts[1]!;
    expect([income.rowCount, income.columnCount, income.page, income.headerRows]).toEqual([70, 9, 10, 0]);
    expect(income.rowPages.slice(14, 18)).toEqual([10, 10, 11, 11]);
    expect(income.rowPages[69]).toBe(13);
    expect(cellAt(income, 0, 0)).toMatchObject({ colSpan: 4, text: '项目' });
    expect(cellAt(income, 1, 0)).toMatchObject({ colSpan: 3, text: '功能分类科目编码' });
    expect(income.grid[16]!.map((c) => c!.text)).toEqual(['204', '', '', '公共安全支出', '2,878,025', '2,878,025', '0', '0', '0']);
    expect(cellAt(income, 69, 4).text).toBe('189,767,551');

    const general = ts[4]!;
    expect([general.rowCount, general.columnCount, general.page, general.headerRows]).toEqual([70, 7, 20, 3]);
    expect(general.cells.filter((c) => c.text === '功能分类科目编码')).toHaveLength(1);
    expect(general.grid[69]!.slice(4).map((c) => c!.text)).toEqual(['189,767,551', '101,341,746', '88,425,805']);
    expect(general.rowPages[69]).toBe(24);
  });

  it('js-rdbgt-2019 (Acrobat Distiller) and js-zxbgt-2019 (Excel 2010): printed totals', async () => {
    const rd = tables((await read('js-rdbgt-2019-tables.pdf')).value)[1]!;
    expect([rd.rowCount, rd.columnCount, rd.page]).toEqual([15, 3, 2]);
    expect(cellAt(rd, 1, 0)).toMatchObject({ colSpan: 2, text: '收入总计' });
    expect(cellAt(rd, 1, 2).text).toBe('18,330.37');
    expect(cellAt(rd, 2, 0)).toMatchObject({ rowSpan: 3, text: '一般公共预算资金' });
    expect(cellAt(rd, 3, 1).text).toBe('公共财政拨款(补助)资金');

    const zx = tables((await read('js-zxbgt-2019-tables.pdf')).value)[2]!;
    expect([zx.rowCount, zx.columnCount, zx.page]).toEqual([2, 5, 3]);
    expect(zx.grid.map((row) => row.map((c) => c!.text))).toEqual([
      ['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金'],
      ['13,377.11', '6,522.75', '4,968.34', '1,886.02', ''],
    ]);
  });

  it('sh-putuo-swj-2025: document numbers in prose keep their brackets', async () => {
    const texts = paragraphs((await read('sh-putuo-swj-2025-dept-budget.pdf')).value).map((p) => p.text);
    expect(texts).toContain('2、《上海市进一步促进商旅文体展联动吸引扩大消费的若干措施》（沪商规〔2024〕3号）。');
    expect(texts.some((t) => t.includes('（沪商规（2024）2号）第四条'))).toBe(true);
  });
});
