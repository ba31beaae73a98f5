/**
 * Layouts of standard tables met in the real corpora, rebuilt as small .docx tables with the
 * fixture writer (figures from the pages they come from, or made up where a test needs a
 * misprint): panels side by side, lists wrapped into panels, merged labels, unit codes, counts.
 */
import { describe, expect, it } from 'vitest';
import { convertBytes } from '../../src/convert.js';
import { budgetLineRows, BUDGET_LINE_COLUMNS } from '../../src/export/rows.js';
import { kindOfTitle } from '../../src/recognize/table-kind.js';
import type { BudgetTable, Document } from '../../src/schema/document.js';
import { cell, docx, paragraph, table } from '../../scripts/fixtures/ooxml.js';

async function convert(title: string, rows: Parameters<typeof table>[0], unit = '单位：万元'): Promise<Document> {
  const conversion = await convertBytes(docx({ body: [paragraph('江苏省人大常委会办公厅2019年部门预算'), paragraph(title), paragraph(unit), table(rows)] }), 'x.docx');
  if (!conversion.document) throw new Error(`${conversion.status}: ${conversion.message}`);
  return conversion.document;
}

function only(doc: Document): BudgetTable {
  expect(doc.tables).toHaveLength(1);
  return doc.tables[0] as BudgetTable;
}

function findings(doc: Document): string[] {
  return doc.diagnostics.filter((d) => d.code.startsWith('TABLE_') && d.code !== 'TABLE_SUM_ROUNDED').map((d) => `${d.code} row ${d.row}`);
}

const lines = (t: BudgetTable, part: number): string[] => (t.parts[part]?.lines ?? []).map((l) => `${l.code ?? ''}|${l.name}|${l.values.map((v) => v.raw).join(',')}`);

describe('panels printed side by side', () => {
  // Jiangsu's 收支预算总表 (js-zxbgt 公开01表): 收入 | 支出 by 功能分类 | 支出 by 支出用途, the footer
  // labels merged over the second panel's amounts and the third panel's names.
  const rows = [
    [cell('收入', { span: 2 }), cell('支出', { span: 4 })],
    [cell('', { span: 2 }), cell('功能分类', { span: 2 }), cell('支出用途', { span: 2 })],
    ['项目名称', '金额', '功能科目名称', '金额', '项目名称', '金额'],
    ['一、财政拨款', '13,297.11', '一、一般公共服务支出', '10,271.56', '一、基本支出', '6,522.75'],
    ['1.一般公共预算', '13,297.11', '二、社会保障和就业支出', '858.51', '二、项目支出', '4,968.34'],
    ['二、其他资金', '80.00', '三、住房保障支出', '2,247.04', '三、单位预留机动经费', '1,886.02'],
    ['当年收入小计', '13,377.11', cell('当年支出小计', { span: 3 }), '13,377.11'],
    ['收入合计', '13,377.11', cell('支出合计', { span: 3 }), '13,377.11'],
  ];

  it('reads one income and two expense parts, each with its own names, and the merged footers take the amounts printed after them', async () => {
    const t = only(await convert('公开01表 收支预算总表', rows));
    expect(t.parts.map((p) => p.side)).toEqual(['income', 'expense', 'expense']);
    expect(lines(t, 1)).toEqual(['|一、一般公共服务支出|10,271.56', '|二、社会保障和就业支出|858.51', '|三、住房保障支出|2,247.04', '|当年支出小计|13,377.11', '|支出合计|13,377.11']);
    expect(lines(t, 2)).toEqual(['|一、基本支出|6,522.75', '|二、项目支出|4,968.34', '|三、单位预留机动经费|1,886.02', '|当年支出小计|13,377.11', '|支出合计|13,377.11']);
    expect(t.reconciled).toBe(true);
  });

  it('reports a misprint in one expense panel at its row, and writes the panel of each cell to budget_lines.csv', async () => {
    const misprinted = rows.map((r) => (r[4] === '二、项目支出' ? [...r.slice(0, 5), '4,986.34'] : r));
    const doc = await convert('公开01表 收支预算总表', misprinted);
    // 当年支出小计 does not add up; 支出合计 = 当年支出小计 (+ nothing carried over) does.
    expect(findings(doc)).toEqual(['TABLE_TOTAL_MISMATCH row 7']);
    const csv = budgetLineRows(doc);
    const at = (name: string) => BUDGET_LINE_COLUMNS.names.indexOf(name);
    const project = csv.find((r) => r[at('name')] === '二、项目支出');
    expect([project?.[at('side')], project?.[at('part')], project?.[at('raw')]]).toEqual(['expense', 3, '4,986.34']);
  });

  it('reads a list wrapped into panels under one header as one part, each panel closed by its own total (公开06表)', async () => {
    // Central 信访局 2024 决算 公开06表 (p. 12), shortened: 人员经费 | 公用经费 | 公用经费.
    const t = only(
      await convert('公开06表 一般公共预算财政拨款基本支出决算表', [
        [cell('人员经费', { span: 3 }), cell('公用经费', { span: 6 })],
        ['科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数'],
        ['301', '工资福利支出', '6,982.75', '302', '商品和服务支出', '2,239.41', '310', '资本性支出', '27.24'],
        ['30101', '基本工资', '6,982.75', '30201', '办公费', '2,239.41', '31002', '办公设备购置', '27.24'],
        ['303', '对个人和家庭的补助', '984.97', '307', '债务利息及费用支出', '', '399', '其他支出', ''],
        ['30302', '退休费', '984.97', '', '', '', '', '', ''],
        [cell('人员经费合计', { span: 2 }), '7,967.72', cell('公用经费合计', { span: 5 }), '2,266.65'],
      ]),
    );
    expect(t.parts.map((p) => [p.side, p.measures.map((m) => m.label)])).toEqual([
      [null, ['人员经费›决算数']],
      [null, ['公用经费›决算数']],
    ]);
    expect(t.parts[1]?.lines.map((l) => l.code ?? l.name)).toEqual(['302', '30201', '307', '310', '31002', '399', '公用经费合计']);
    expect(t.reconciled).toBe(true);
  });
});

describe('lines and their structure', () => {
  it('keeps the name column when the first body row merges 合计 over code and name (Fuzhou 支出预算总表)', async () => {
    const t = only(
      await convert('2026年度支出预算总表', [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [cell('合计', { span: 2 }), '48200.88', '22431.07', '25769.81'],
        ['204', '公共安全支出', '48200.88', '22431.07', '25769.81'],
        ['20402', '公安', '48200.88', '22431.07', '25769.81'],
        ['2040201', '行政运行', '22431.07', '22431.07', ''],
        ['2040299', '其他公安支出', '25769.81', '', '25769.81'],
      ]),
    );
    expect(lines(t, 0).slice(0, 3)).toEqual(['|合计|48200.88,22431.07,25769.81', '204|公共安全支出|48200.88,22431.07,25769.81', '20402|公安|48200.88,22431.07,25769.81']);
    expect(t.reconciled).toBe(true);
  });

  it('reads （一） › 1. as two steps of numbering: “三公”经费 = （一）+（二）+（三）, （二） = 1.+2. (Guangzhou 表8)', async () => {
    const three = async (vehicle: string) =>
      only(
        await convert('表8 财政拨款安排的行政经费及“三公”经费预算表', [
          ['项目', '合计', '一般公共预算'],
          ['行政经费', '3,814.44', '3,814.44'],
          ['“三公”经费', '860.78', '860.78'],
          ['其中：（一）因公出国（境）支出', '140.49', '140.49'],
          ['（二）公务用车购置及运行维护支出', vehicle, vehicle],
          ['1.公务用车购置费', '331.00', '331.00'],
          ['2.公务用车运行维护费', '370.34', '370.34'],
          ['（三）公务接待费支出', '18.95', '18.95'],
        ]),
      );
    expect((await three('701.34')).reconciled).toBe(true);
    // 701.43 misprinted: both sums it is in fail.
    const wrong = await three('701.43');
    expect(wrong.reconciled).toBe(false);
  });

  it('counts a unit under its department once (Xi\'an 收入总表: 204 科学技术局 › 204001 …), and keeps a project named after a hotline', async () => {
    const t = only(
      await convert(
        '表2 2022年部门综合预算收入总表',
        [
          ['单位编码', '单位名称', '合计'],
          ['', '合计', '943865000'],
          ['204', '西安市科学技术局', '943865000'],
          ['204001', '西安市科学技术局本级', '900000000'],
          ['204003', '西安市硬科技产业发展服务中心', '43865000'],
        ],
        '单位：元',
      ),
    );
    expect(t.parts[0]?.lines.map((l) => [l.code, l.scheme])).toEqual([[null, 'none'], ['204', 'function'], ['204001', 'none'], ['204003', 'none']]);
    expect(t.reconciled).toBe(true);
    const projects = only(
      await convert('表12 部门预算项目支出及其他支出预算表', [
        ['项目名称', '总计'],
        ['合计', '1,224.00'],
        ['12320卫生热线服务项目', '612.00'],
        ['卫生人才培养和队伍培训经费', '612.00'],
      ]),
    );
    expect(projects.parts[0]?.lines.map((l) => [l.code, l.name])).toEqual([[null, '合计'], [null, '12320卫生热线服务项目'], [null, '卫生人才培养和队伍培训经费']]);
  });

  it('keeps counts as printed, with no yuan (政府采购 数量), and their sums are not checked as money', async () => {
    const t = only(
      await convert(
        '表12 部门综合预算政府采购预算表',
        [
          ['采购项目', '规格型号', '数量', '预算金额'],
          ['合计', '', '3', '725,000.00'],
          ['多功能一体机', 'A4 彩色', '1', '495,000.00'],
          ['决算汇审会', '', '2', '230,000.00'],
        ],
        '单位：元',
      ),
    );
    expect(t.parts[0]?.measures.map((m) => [m.label, m.money])).toEqual([['数量', false], ['预算金额', true]]);
    expect(t.parts[0]?.lines[1]?.values.map((v) => [v.raw, v.yuan])).toEqual([
      ['1', null],
      ['495,000.00', 495000],
    ]);
    expect(t.reconciled).toBe(true);
  });
});

describe('table kinds by title', () => {
  it('names the tables the corpora print, with a kind of their own for 政府购买服务 and 结转资金 tables', () => {
    const titles: [string, string | null][] = [
      ['财政拨款政府购买服务明细表', '预算11表'],
      ['部门综合预算财政拨款上年结转资金支出表', '表11'],
      ['2022部门综合预算财政拨款结转资金支出表', '表11'],
      ['部门综合预算政府采购（资产配置、购买服务）预算表', '表12'],
      ['部门综合预算专项业务经费支出表', '表10'],
      ['财政拨款收支总体情况表', '公开表4'],
      ['某某明细表', '表13'],
    ];
    expect(titles.map(([title, number]) => kindOfTitle(title, number))).toEqual([
      'services-purchase',
      'carryover-expense',
      'carryover-expense',
      'procurement',
      'project-expense',
      'fiscal-summary',
      'other',
    ]);
  });
});
