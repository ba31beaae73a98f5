/**
 * The non-Hebei layouts of issue 4, as generated .docx fixtures (scripts/fixtures/README.md,
 * section F): the MOF one-table form, operator/value/unit in their own columns, and layout
 * variety (several projects in one table, a project split over two tables, code and name
 * in one cell, placeholder rows). The PDF exports are held to the same values by the
 * parity test.
 */
import { describe, expect, it } from 'vitest';
import { BUDGET_LINE_COLUMNS, budgetLineRows } from '../../src/export/rows.js';
import type { Indicator, Project } from '../../src/schema/document.js';
import { documentOf } from '../helpers.js';

/** level1 | level2 | level3 | target raw | kind operator value unit direction | basis raw | weight | level1Weight */
export function indicatorLines(project: Project): string[] {
  return project.indicators.map((i: Indicator) =>
    [
      i.level1, i.level2, i.level3, i.target?.raw,
      `${i.target?.kind} ${i.target?.operator} ${i.target?.value} ${i.target?.unit} ${i.target?.direction}`,
      i.basis?.raw ?? '', i.weight ?? '', i.level1Weight ?? '',
    ].join('|'),
  );
}

export function withoutIndicators(project: Project): Omit<Project, 'indicators' | 'provenance'> {
  const { indicators: _i, provenance: _p, ...rest } = project;
  return rest;
}

describe('central-2025: the MOF 项目支出绩效目标表, all in one table', () => {
  const file = 'fixtures/docx/central-2025.docx';

  it('finds both projects and the self-evaluation, and reads the budget summary and 三公 tables as line items', async () => {
    const doc = await documentOf(file);
    expect(doc.fiscalYear).toBe(2025);
    expect(doc.department).toEqual({ code: '105', name: '国家发展和改革委员会' });
    expect(doc.projects.map((p) => [p.kind, p.name, p.indicators.length, p.template])).toEqual([
      ['project', '全国价格监测与成本调查', 7, 'central'],
      ['project', '投资项目在线审批监管平台运行维护', 10, 'central'],
      ['self-evaluation', '2024年全国价格监测与成本调查', 7, 'self-evaluation'],
    ]);
    expect(doc.diagnostics.filter((d) => d.code === 'TABLE_SKIPPED').map((d) => d.table)).toEqual([]);
    expect(doc.tables.map((t) => [t.kind, t.title, t.tables, t.reconciled, t.parts.map((p) => `${p.side}:${p.lines.length}`)])).toEqual([
      ['income-expense-summary', '国家发展和改革委员会2025年收支预算总表', [3], true, ['income:11', 'expense:10']],
      ['three-public', '国家发展和改革委员会2025年“三公”经费支出预算表', [4], true, ['null:1']],
    ]);
    const income = doc.tables[0]?.parts[0]?.lines ?? [];
    expect(income.filter((l) => l.isTotal).map((l) => [l.name, l.values[0]?.raw, l.values[0]?.yuan])).toEqual([
      ['本年收入合计', '408,886.90', 4088869000],
      ['收入总计', '435,500.00', 4355000000],
    ]);
    expect(doc.tables[1]?.parts[0]?.lines[0]?.values.map((v) => `${v.measure}=${v.yuan}`)).toEqual([
      'total=19200000', 'overseas=14260000', 'vehicles.total=3974000', 'vehicles.vehicle_purchase=850000', 'vehicles.vehicle_operation=3124000', 'reception=966000',
    ]);
    expect(doc.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(doc.status).toBe('ok');
  });

  it('writes the line items of its standard tables to budget_lines.csv, one row per printed cell', async () => {
    const doc = await documentOf(file);
    const rows = budgetLineRows(doc);
    const at = (name: string) => BUDGET_LINE_COLUMNS.names.indexOf(name);
    // 11 income lines + 10 expense lines, one cell each, and the 三公 line's 6 cells.
    expect(rows).toHaveLength(27);
    const pick = (r: (string | number | null)[]) => ['table_kind', 'side', 'line_seq', 'name', 'is_total', 'measure_id', 'measure_label', 'raw', 'yuan'].map((c) => r[at(c)]);
    expect(pick(rows[0] as (string | number | null)[])).toEqual(['income-expense-summary', 'income', 1, '一、一般公共预算财政拨款收入', 'false', 'total', '收入›预算数', '352,186.42', 3521864200]);
    expect(pick(rows[21] as (string | number | null)[])).toEqual(['three-public', null, 1, null, 'false', 'total', '合计', '1,920.00', 19200000]);
    expect(BUDGET_LINE_COLUMNS.names.slice(0, 4)).toEqual(['source_path', 'fiscal_year', 'department_code', 'department_name']);
  });

  it('reads the self-evaluation: the 年度资金总额 row of the amount grid, the outcome, and per indicator the value achieved and its score', async () => {
    const p = (await documentOf(file)).projects[2] as Project;
    expect(p.budget.total).toEqual({ raw: '1720.00', yuan: 17200000 });
    expect(p.evaluation).toEqual({
      initialBudget: { raw: '1720.00', yuan: 17200000 },
      adjustedBudget: { raw: '1720.00', yuan: 17200000 },
      executed: { raw: '1672.38', yuan: 16723800 },
      rateRaw: '97.23%',
      rate: 97.23,
      rateWeight: 10,
      rateScore: 9.72,
      totalScore: 98.72,
      outcome: '全年监测品种1146个，数据报送及时准确率99.2%，于2024年12月形成年度成本调查报告。',
    });
    expect(p.budget.sources.find((s) => s.label === '其中：当年财政拨款·全年执行数')).toEqual({ label: '其中：当年财政拨款·全年执行数', raw: '1672.38', yuan: 16723800 });
    // The 一级 weight (产出指标(50分)) is the group's: every row under the merged cell carries it.
    expect(p.indicators.map((i) => [i.level1, i.level1Weight, i.level3, i.target?.raw, i.actual?.raw, i.actual?.value ?? null, i.weight, i.score])).toEqual([
      ['产出指标', 50, '价格监测品种数量', '≥1100个', '1146个', 1146, 15, 15],
      ['产出指标', 50, '监测数据报送及时准确率', '≥98%', '99.2%', 99.2, 15, 15],
      ['产出指标', 50, '年度成本调查报告完成时间', '2024年12月底前', '2024年12月完成', null, 10, 10],
      ['产出指标', 50, '项目预算控制数', '≤1720万元', '1672.38万元', 1672.38, 10, 10],
      ['效益指标', 30, '为宏观调控和价格决策提供数据支撑', '有效支撑', '达到预期目标', null, 15, 15],
      ['效益指标', 30, '价格监测体系持续稳定运行', '长期', '部分达到预期目标，并且具备一定效果', null, 15, 14],
      ['满意度指标', 10, '决策部门满意度', '≥90%', '93%', 93, 10, 10],
    ]);
  });

  it('reads project 1: department with its code, 实施单位, the 项目资金（万元） block, goal, weighted 一级', async () => {
    const [p1] = (await documentOf(file)).projects;
    expect(withoutIndicators(p1 as Project)).toEqual({
      kind: 'project',
      code: null,
      name: '全国价格监测与成本调查',
      title: '（一）全国价格监测与成本调查项目支出绩效目标表',
      department: { code: '105', name: '国家发展和改革委员会' },
      implementer: '国家发展和改革委员会价格监测中心',
      amountUnit: '万元',
      budget: {
        total: { raw: '1860.00', yuan: 18600000 },
        fiscal: { raw: '1860.00', yuan: 18600000 },
        other: { raw: '0.00', yuan: 0 },
        carryover: { raw: '0.00', yuan: 0 },
        sources: [],
      },
      purpose: null,
      schedule: [],
      goal:
        '目标1：完成全国36个大中城市1200个以上品种价格的日常监测和定期报送，及时准确掌握市场价格动态；目标2：组织开展主要农产品和重要服务成本调查，按期形成年度成本调查报告；目标3：为国家宏观调控和价格决策提供及时、可靠的数据支撑。',
      tasks: [],
      evaluation: null,
      midTermGoal: null,
      template: 'central',
    });
    expect(indicatorLines(p1 as Project)).toEqual([
      '产出指标|数量指标|价格监测品种数量|≥1200个|quantitative >= 1200 个 higher-better|||50',
      '产出指标|质量指标|监测数据报送及时准确率|≥98%|quantitative >= 98 % higher-better|||50',
      '产出指标|时效指标|年度成本调查报告完成时间|2025年12月底前|qualitative null null null null|||50',
      '产出指标|成本指标|项目预算控制数|≤1860万元|quantitative <= 1860 万元 lower-better|||50',
      '效益指标|社会效益指标|为宏观调控和价格决策提供数据支撑|有效支撑|qualitative null null null null|||30',
      '效益指标|可持续影响指标|价格监测体系持续稳定运行|长期|qualitative null null null null|||30',
      '满意度指标|服务对象满意度指标|决策部门满意度|≥90%|quantitative >= 90 % higher-better|||10',
    ]);
  });

  it('reads project 2: 成本指标 as a 一级 with its three 二级, a non-zero 上年结转', async () => {
    const p2 = (await documentOf(file)).projects[1] as Project;
    expect(p2.budget).toEqual({
      total: { raw: '3280.50', yuan: 32805000 },
      fiscal: { raw: '2800.00', yuan: 28000000 },
      other: { raw: '60.00', yuan: 600000 },
      carryover: { raw: '420.50', yuan: 4205000 },
      sources: [],
    });
    expect(p2.indicators.filter((i) => i.level1 === '成本指标').map((i) => [i.level2, i.target?.raw])).toEqual([
      ['经济成本指标', '≤3280.50万元'],
      ['社会成本指标', '不增加企业负担'],
      ['生态环境成本指标', '无不利影响'],
    ]);
    expect(p2.indicators.map((i) => i.level1Weight)).toEqual(Array(10).fill(null));
  });
});

describe('separate-columns-2025: 指标性质 | 指标值 | 度量单位 | 权重 in their own columns, amounts in 元', () => {
  const file = 'fixtures/docx/separate-columns-2025.docx';

  it('reads project 1 completely: code and name split, yuan amounts, targets composed from three columns, weights', async () => {
    const doc = await documentOf(file);
    expect(doc.fiscalYear).toBe(2025);
    expect(doc.projects.map((p) => [p.code, p.name, p.indicators.length, p.template])).toEqual([
      ['51000021R000000019951', '工资性支出', 8, 'separate-columns'],
      ['51000021R000000019952', '公用经费', 8, 'separate-columns'],
    ]);
    const p1 = doc.projects[0] as Project;
    expect(withoutIndicators(p1)).toEqual({
      kind: 'project',
      code: '51000021R000000019951',
      name: '工资性支出',
      title: null,
      department: { code: null, name: '青神县发展和改革局本级' },
      implementer: null,
      amountUnit: '元',
      budget: {
        total: { raw: '1,286,400.00', yuan: 1286400 },
        fiscal: { raw: '1,286,400.00', yuan: 1286400 },
        other: { raw: '0.00', yuan: 0 },
        carryover: null,
        sources: [],
      },
      purpose: null,
      schedule: [],
      goal: '保障本单位18名在职人员基本工资、津贴补贴、奖金及社会保险缴费按月足额发放，确保机关正常运转和各项工作顺利开展。',
      tasks: [],
      evaluation: null,
      midTermGoal: null,
      template: 'separate-columns',
    });
    expect(indicatorLines(p1)).toEqual([
      '产出指标|数量指标|保障在职人员数|=18人|quantitative = 18 人 null|计划标准|20|',
      '产出指标|数量指标|发放(缴纳)覆盖率|=100%|quantitative = 100 % null|计划标准|20|',
      '产出指标|质量指标|工资发放准确率|≥99%|quantitative >= 99 % higher-better|川财预〔2024〕18号|10|',
      '产出指标|时效指标|工资按月发放及时率|＞95%|quantitative > 95 % higher-better|历史标准|10|',
      '产出指标|成本指标|工资性支出总额|≤1286400元|quantitative <= 1286400 元 lower-better|川财预〔2024〕18号|10|',
      '效益指标|社会效益指标|保障机关正常运转|有效保障|qualitative null null null null|计划标准|10|',
      '效益指标|可持续影响指标|人员在岗率|95%|quantitative null 95 % higher-better|历史标准|10|',
      '满意度指标|服务对象满意度指标|干部职工满意度|≥90%|quantitative >= 90 % higher-better|历史标准|10|',
    ]);
    expect(p1.indicators.reduce((n, i) => n + (i.weight ?? 0), 0)).toBe(100);
  });

  it('parses operator, value and unit columns as the one-cell target would be: ≥ | 300 | 家次 is ≥300家次', async () => {
    const p2 = (await documentOf(file)).projects[1] as Project;
    expect(p2.indicators[0]?.target).toEqual({ raw: '≥300家次', kind: 'quantitative', operator: '>=', value: 300, valueMax: null, unit: '家次', direction: 'higher-better' });
    expect(p2.indicators[2]?.target).toEqual({ raw: '=100%', kind: 'quantitative', operator: '=', value: 100, valueMax: null, unit: '%', direction: null });
    expect(p2.indicators[3]?.target).toEqual({ raw: '＜5%', kind: 'quantitative', operator: '<', value: 5, valueMax: null, unit: '%', direction: 'lower-better' });
  });
});

describe('multi-project-2025: several projects in one table, a project split over two tables, placeholders', () => {
  const file = 'fixtures/docx/multi-project-2025.docx';

  it('finds the four projects and skips the placeholder rows', async () => {
    const doc = await documentOf(file);
    expect(doc.fiscalYear).toBe(2025);
    expect(doc.projects.map((p) => [p.code, p.name, p.budget.total?.raw, p.budget.total?.yuan, p.indicators.length, p.provenance.tables])).toEqual([
      [null, '雾炮车降尘抑尘服务', '250万', 2500000, 7, [1]],
      [null, '城区生活垃圾收集清运', '680万', 6800000, 8, [1]],
      [null, '城区公厕运营维护', '136.5万', 1365000, 7, [1]],
      ['43030025P000000012345', '道路清扫保洁服务', '315万', 3150000, 9, [2, 3]],
    ]);
    expect(doc.projects.every((p) => p.department?.name === '湘潭市环境卫生管理处')).toBe(true);
  });

  it('reads project 1 completely, with the 2015-era 满意度 二级 under 效益指标', async () => {
    const [p1] = (await documentOf(file)).projects;
    expect(withoutIndicators(p1 as Project)).toEqual({
      kind: 'project',
      code: null,
      name: '雾炮车降尘抑尘服务',
      title: null,
      department: { code: null, name: '湘潭市环境卫生管理处' },
      implementer: null,
      amountUnit: '万元',
      budget: { total: { raw: '250万', yuan: 2500000 }, fiscal: null, other: null, carryover: null, sources: [] },
      purpose: null,
      schedule: [],
      goal: '租用10台雾炮车对城区主次干道、重点工地周边开展降尘抑尘作业，降低道路扬尘，服务周期内城区空气质量保持优良，市民对空气质量改善的满意程度达到85%以上。',
      tasks: [],
      evaluation: null,
      midTermGoal: null,
      template: 'central',
    });
    expect(indicatorLines(p1 as Project)).toEqual([
      '产出指标|数量指标|雾炮车降尘抑尘服务配备车辆数|10辆|quantitative = 10 辆 null|计划标准||',
      '产出指标|数量指标|雾炮车风炮射程|≥80M|quantitative >= 80 M higher-better|计划标准||',
      '产出指标|质量指标|服务周期内空气质量|优良|qualitative null null null null|计划标准||',
      '产出指标|时效指标|服务周期|2025.01-2025.12|qualitative null null null null|计划标准||',
      '产出指标|成本指标|雾炮车降尘抑尘服务费|≤250万元|quantitative <= 250 万元 lower-better|计划标准||',
      '效益指标|社会效益指标|服务周期内，市民对空气质量改善的满意程度|≥85%|quantitative >= 85 % higher-better|计划标准||',
      '效益指标|社会公众或服务对象满意度指标|市民满意度|≥90%|quantitative >= 90 % higher-better|计划标准||',
    ]);
  });

  it('joins the project split over two tables and splits its joined code and name', async () => {
    const p4 = (await documentOf(file)).projects[3] as Project;
    expect(p4.goal).toBe('通过购买服务对城区260万平方米以上道路实施人工清扫和机械化保洁，道路保洁质量达标率达到95%以上，市容市貌明显改善。');
    expect(p4.indicators.map((i) => i.provenance.table)).toEqual(Array(9).fill(3));
    expect(p4.indicators[0]?.target).toEqual({ raw: '≥260万平方米', kind: 'quantitative', operator: '>=', value: 260, valueMax: null, unit: '万平方米', direction: 'higher-better' });
  });
});
