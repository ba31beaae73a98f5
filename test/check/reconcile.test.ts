/**
 * Standard tables read as line items and reconciled in exact yuan: small .docx disclosures
 * built with the fixture writer, each printing one table, with a total right or wrong.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/index.js';
import { convertBytes } from '../../src/convert.js';
import type { BudgetTable, Document } from '../../src/schema/document.js';
import { cell, docx, paragraph, table, vMergeContinue } from '../../scripts/fixtures/ooxml.js';

async function convert(title: string, rows: Parameters<typeof table>[0]): Promise<Document> {
  const conversion = await convertBytes(docx({ body: [paragraph('唐山市路南区科学技术协会2026年部门预算'), paragraph(title), paragraph('单位：万元'), table(rows)] }), 'x.docx');
  if (!conversion.document) throw new Error(`${conversion.status}: ${conversion.message}`);
  return conversion.document;
}

const HEADER = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

function findings(doc: Document): string[] {
  return doc.diagnostics.filter((d) => d.code.startsWith('TABLE_') && d.code !== 'TABLE_SKIPPED').map((d) => `${d.code} row ${d.row}`);
}

function only(doc: Document): BudgetTable {
  expect(doc.tables).toHaveLength(1);
  return doc.tables[0] as BudgetTable;
}

describe('line items of a 一般公共预算支出表', () => {
  it('reads codes, names, levels, totals and every amount in exact yuan; the table reconciles', async () => {
    const doc = await convert('表5 一般公共预算支出表', [
      HEADER,
      ['', '合计', '1,234.56', '1,000.06', '234.50'],
      ['201', '一般公共服务支出', '1,234.56', '1,000.06', '234.50'],
      ['20101', '人大事务', '1,234.56', '1,000.06', '234.50'],
      ['2010101', '行政运行', '1,000.06', '1,000.06', '-'],
      ['2010102', '一般行政管理事务', '234.50', '', '234.50'],
    ]);
    const t = only(doc);
    expect([t.kind, t.number, t.title, t.amountUnit, t.reconciled]).toEqual(['general-public-expense', '表5', '一般公共预算支出表', '万元', true]);
    const part = t.parts[0];
    expect(part?.measures.map((m) => [m.id, m.label])).toEqual([['total', '合计'], ['basic', '基本支出'], ['project', '项目支出']]);
    expect(part?.lines.map((l) => [l.code, l.scheme, l.name, l.level, l.isTotal, l.values.map((v) => `${v.measure}=${v.raw}→${v.yuan}`)])).toEqual([
      [null, 'none', '合计', null, true, ['total=1,234.56→12345600', 'basic=1,000.06→10000600', 'project=234.50→2345000']],
      ['201', 'function', '一般公共服务支出', 1, false, ['total=1,234.56→12345600', 'basic=1,000.06→10000600', 'project=234.50→2345000']],
      ['20101', 'function', '人大事务', 2, false, ['total=1,234.56→12345600', 'basic=1,000.06→10000600', 'project=234.50→2345000']],
      ['2010101', 'function', '行政运行', 3, false, ['total=1,000.06→10000600', 'basic=1,000.06→10000600', 'project=-→null']],
      ['2010102', 'function', '一般行政管理事务', 3, false, ['total=234.50→2345000', 'project=234.50→2345000']],
    ]);
    expect(findings(doc)).toEqual([]);
    expect([doc.status, doc.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)]).toEqual(['ok', []]);
    expect(doc.projects).toEqual([]);
  });

  it('reports a printed 合计 that its lines do not add up to, at its row, and the table does not reconcile', async () => {
    // The source's misprint: 201 prints 1,234.56 but 合计 1,243.56.
    const doc = await convert('表5 一般公共预算支出表', [
      HEADER,
      ['', '合计', '1,243.56', '1,000.06', '243.50'],
      ['201', '一般公共服务支出', '1,234.56', '1,000.06', '234.50'],
    ]);
    expect(only(doc).reconciled).toBe(false);
    // 合计 and 项目支出 are misprinted alike, so the 合计 column still equals 基本支出 + 项目支出.
    expect(findings(doc)).toEqual(['TABLE_TOTAL_MISMATCH row 2', 'TABLE_TOTAL_MISMATCH row 2']);
    expect(doc.diagnostics.find((d) => d.code === 'TABLE_TOTAL_MISMATCH')?.message).toBe(
      '表5 一般公共预算支出表, 「合计」, 合计: printed 1,243.56 (12435600 yuan), its 1 line(s) add up to 12345600 yuan (difference 90000 yuan)',
    );
  });

  it('reports a 类 that differs from the sum of its 款', async () => {
    const doc = await convert('表5 一般公共预算支出表', [
      ['科目编码', '科目名称', '合计'],
      ['201', '一般公共服务支出', '300.00'],
      ['20101', '人大事务', '100.00'],
      ['20103', '政府办公厅（室）及相关机构事务', '150.00'],
    ]);
    expect(findings(doc)).toEqual(['TABLE_PARENT_MISMATCH row 2']);
  });

  it('calls a difference within the rounding of the printed decimals rounding, and the table reconciles', async () => {
    const doc = await convert('表5 一般公共预算支出表', [
      ['科目编码', '科目名称', '合计'],
      ['', '合计', '0.34'],
      ['201', '一般公共服务支出', '0.11'],
      ['204', '公共安全支出', '0.11'],
      ['205', '教育支出', '0.11'],
    ]);
    expect(findings(doc)).toEqual(['TABLE_SUM_ROUNDED row 2']);
    expect(only(doc).reconciled).toBe(true);
  });
});

describe('standard tables this reader cannot place', () => {
  it('lists a table printed without figures (栏次 only) as read, with no lines and no message', async () => {
    const doc = await convert('表10 政府性基金预算支出表', [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['**', '**', '1', '2', '3'],
      ['', '', '', '', ''],
    ]);
    expect(doc.tables.map((t) => [t.kind, t.parts.length])).toEqual([['gov-fund-expense', 0]]);
    expect([doc.status, doc.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)]).toEqual(['ok', []]);
  });

  it('says when a table prints figures under no header it can read, and the document is partial', async () => {
    const doc = await convert('表5 一般公共预算支出表', [
      ['201', '100.00'],
      ['205', '20.00'],
    ]);
    expect(doc.diagnostics.filter((d) => d.code === 'TABLE_LINES_UNREAD').map((d) => [d.severity, d.table])).toEqual([['warning', 1]]);
    expect(doc.status).toBe('partial');
  });
});

describe('two-sided tables and column totals', () => {
  it('reads a 收支总表 as an income part and an expense part, and reports 收入总计 ≠ 支出总计', async () => {
    const doc = await convert('表1 收支总表', [
      ['收入', '', '支出', ''],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', '100.00', '一、一般公共服务支出', '60.00'],
      ['二、事业收入', '20.00', '二、教育支出', '50.00'],
      ['收入总计', '120.00', '支出总计', '110.00'],
    ]);
    const t = only(doc);
    expect(t.parts.map((p) => [p.side, p.lines.map((l) => `${l.name}=${l.values[0]?.yuan}`)])).toEqual([
      ['income', ['一、一般公共预算拨款收入=1000000', '二、事业收入=200000', '收入总计=1200000']],
      ['expense', ['一、一般公共服务支出=600000', '二、教育支出=500000', '支出总计=1100000']],
    ]);
    expect(findings(doc)).toEqual(['TABLE_SIDES_MISMATCH row 5']);
  });

  it('reports a 小计 column that its columns do not add up to (三公)', async () => {
    const doc = await convert('表7 “三公”经费支出表', [
      [cell('合计', { vMerge: 'restart' }), cell('因公出国（境）费', { vMerge: 'restart' }), cell('公务接待费', { vMerge: 'restart' }), cell('公务用车购置及运行费', { span: 3 })],
      [vMergeContinue(), vMergeContinue(), vMergeContinue(), '小计', '购置费', '运行费'],
      ['10.00', '2.00', '3.00', '5.50', '1.00', '4.00'],
    ]);
    expect(only(doc).kind).toBe('three-public');
    expect(findings(doc)).toEqual(['TABLE_COLUMN_MISMATCH row 3', 'TABLE_COLUMN_MISMATCH row 3']);
  });

  it('reads a 三公 table printed as rows: 合计 = 1、+2、+3、, and 3、 = 其中：（1）+（2）', async () => {
    // Fujian's layout (Quanzhou 公安局 p. 19: 1683.85 = 495.85 + 1188.00); here 3、 is misprinted.
    const rows = (car: string): string[][] => [
      ['项目', '预算数'],
      ['合计', '1700.17'],
      ['1、因公出国（境）费用', '0.00'],
      ['2、公务接待费', '16.32'],
      ['3、公务用车购置及运行费', car],
      ['其中：（1）公务用车购置费', '495.85'],
      ['（2）公务用车运行费', '1188.00'],
    ];
    const right = await convert('2026年度一般公共预算“三公”经费支出预算表', rows('1683.85'));
    expect(only(right).parts[0]?.lines.map((l) => l.level)).toEqual([null, 2, 2, 2, 3, 3]);
    expect([only(right).reconciled, findings(right)]).toEqual([true, []]);
    const wrong = await convert('2026年度一般公共预算“三公”经费支出预算表', rows('1683.58'));
    expect(findings(wrong)).toEqual(['TABLE_TOTAL_MISMATCH row 2', 'TABLE_PARENT_MISMATCH row 5']);
  });

  it('reports a 收支总表 本年支出合计 that the 支出总表 prints differently', async () => {
    const conversion = await convertBytes(
      docx({
        body: [
          paragraph('唐山市路南区科学技术协会2026年部门预算'),
          paragraph('表1 收支总表'),
          paragraph('单位：万元'),
          table([
            ['收入', '', '支出', ''],
            ['项目', '预算数', '项目', '预算数'],
            ['一、一般公共预算拨款收入', '110.00', '一、一般公共服务支出', '110.00'],
            ['本年收入合计', '110.00', '本年支出合计', '110.00'],
          ]),
          paragraph('表3 支出总表'),
          paragraph('单位：万元'),
          table([
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            ['', '合计', '101.00', '100.00', '1.00'],
            ['201', '一般公共服务支出', '101.00', '100.00', '1.00'],
          ]),
        ],
      }),
      'x.docx',
    );
    const doc = conversion.document as Document;
    expect(doc.tables.map((t) => [t.kind, t.reconciled])).toEqual([['income-expense-summary', true], ['expense-summary', true]]);
    expect(doc.diagnostics.filter((d) => d.code === 'TABLE_CROSS_MISMATCH').map((d) => [d.message, d.table, d.row])).toEqual([
      ['收支总表 本年支出合计 vs 支出总表 合计: 表1 收支总表 「本年支出合计」 110.00 (1100000 yuan) differs from 表3 支出总表 「合计」 101.00 (1010000 yuan)', 2, 2],
    ]);
  });

  it('reports a 财政拨款收支总表 whose 一般公共预算 column differs from the 一般公共预算支出表 合计, and compares 基本支出 with the 基本支出表', async () => {
    const body = (gpeTotal: string, basicTotal: string) => [
      paragraph('唐山市路南区科学技术协会2026年部门预算'),
      paragraph('表4 财政拨款收支总表'),
      paragraph('单位：万元'),
      table([
        [cell('收入', { span: 2 }), cell('支出', { span: 3 })],
        ['项目', '预算数', '项目', '合计', '一般公共预算'],
        ['一、一般公共预算拨款', '110.00', '一、一般公共服务支出', '110.00', '110.00'],
        ['收入总计', '110.00', '支出总计', '110.00', '110.00'],
      ]),
      paragraph('表5 一般公共预算支出表'),
      paragraph('单位：万元'),
      table([
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['', '合计', gpeTotal, '100.00', '10.00'],
        ['201', '一般公共服务支出', gpeTotal, '100.00', '10.00'],
      ]),
      paragraph('表6 一般公共预算基本支出表'),
      paragraph('单位：万元'),
      table([
        ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
        ['', '合计', basicTotal, '90.00', '10.00'],
        ['301', '工资福利支出', '90.00', '90.00', ''],
        ['302', '商品和服务支出', '10.00', '', '10.00'],
      ]),
    ];
    const cross = async (gpeTotal: string, basicTotal: string) => {
      const doc = (await convertBytes(docx({ body: body(gpeTotal, basicTotal) }), 'x.docx')).document as Document;
      return doc.diagnostics.filter((d) => d.code === 'TABLE_CROSS_MISMATCH').map((d) => d.message);
    };
    expect(await cross('110.00', '100.00')).toEqual([]);
    // One figure at two precisions agrees: 100.00 and 100.000400 (Beijing prints 6 decimals).
    expect(await cross('110.00', '100.000400')).toEqual([]);
    expect(await cross('101.00', '100.00')).toEqual([
      '财政拨款收支总表 一般公共预算 vs 一般公共预算支出表 合计: 表4 财政拨款收支总表 「支出总计」 110.00 (1100000 yuan) differs from 表5 一般公共预算支出表 「合计」 101.00 (1010000 yuan)',
    ]);
    expect(await cross('110.00', '100.10')).toEqual([
      '一般公共预算支出表 合计 基本支出 vs 一般公共预算基本支出表 合计: 表5 一般公共预算支出表 「合计」 100.00 (1000000 yuan) differs from 表6 一般公共预算基本支出表 「合计」 100.10 (1001000 yuan)',
    ]);
  });

  it('reads the figures the prose quotes and reports one that no table prints (TABLE_PROSE_MISMATCH)', async () => {
    const doc = async (prose: string) =>
      (
        await convertBytes(
          docx({
            body: [
              paragraph('唐山市路南区科学技术协会2026年部门预算'),
              paragraph(prose),
              paragraph('表1 收支总表'),
              paragraph('单位：万元'),
              table([
                ['收入', '', '支出', ''],
                ['项目', '预算数', '项目', '预算数'],
                ['一、一般公共预算拨款收入', '100.00', '一、一般公共服务支出', '110.00'],
                ['本年收入合计', '100.00', '本年支出合计', '110.00'],
                ['上年结转结余', '10.00', '', ''],
                ['收入总计', '110.00', '支出总计', '110.00'],
              ]),
            ],
          }),
          'x.docx',
        )
      ).document as Document;
    // Shandong's wording; 基本支出预算 and a change (增加) are not the department's totals.
    const quoted = await doc('2026年收入预算110.00万元，比上年增加10.00万元；支出预算110.00万元，其中基本支出预算100.00万元。');
    expect(quoted.quotedFigures.map((f) => [f.subject, f.text, f.yuan])).toEqual([
      ['income-total', '收入预算110.00万元', 1100000],
      ['expense-total', '支出预算110.00万元', 1100000],
    ]);
    expect(quoted.diagnostics.filter((d) => d.code === 'TABLE_PROSE_MISMATCH')).toEqual([]);
    // A figure in 亿元, with the spaces a PDF line leaves, is read; one printed without its unit is not a quoted total.
    expect((await doc('支出预算 0.011 亿元。')).quotedFigures.map((f) => [f.subject, f.text, f.yuan])).toEqual([['expense-total', '支出预算0.011亿元', 1100000]]);
    expect((await doc('2026年收入预算110.00，支出预算110.00。')).quotedFigures).toEqual([]);
    // Either total the table prints is a reading: 本年收入合计 100.00 too.
    expect((await doc('2026年收入预算100.00万元。')).diagnostics.filter((d) => d.code === 'TABLE_PROSE_MISMATCH')).toEqual([]);
    const wrong = await doc('2026年收入预算101.00万元。');
    expect(wrong.diagnostics.filter((d) => d.code === 'TABLE_PROSE_MISMATCH').map((d) => d.message)).toEqual([
      '「收入预算101.00万元」 (1010000 yuan) is printed by no table it stands for: 表1 「本年收入合计」 100.00; 表1 「收入总计」 110.00',
    ]);
  });

  it('has a test for every reconciliation rule', () => {
    const tested = ['TABLE_TOTAL_MISMATCH', 'TABLE_PARENT_MISMATCH', 'TABLE_COLUMN_MISMATCH', 'TABLE_SIDES_MISMATCH', 'TABLE_SUM_ROUNDED', 'TABLE_CROSS_MISMATCH', 'TABLE_PROSE_MISMATCH'];
    expect(RULES.filter((r) => r.family === 'tables').map((r) => r.code)).toEqual(tested);
  });
});
