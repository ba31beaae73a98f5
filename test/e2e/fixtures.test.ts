/**
 * The stress fixtures of our own design (scripts/fixtures/README.md): another department
 * with more projects, a gridBefore layout, and a WPS file with a text box and tracked
 * changes. Exact values throughout.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, Project } from '../../src/schema/document.js';
import { documentOf } from '../helpers.js';

/** level1 | level2 | level3 | description | target raw | basis raw, one line per indicator. */
function rows(project: Project): string[] {
  return project.indicators.map((i) => [i.level1, i.level2, i.level3, i.description, i.target?.raw, i.basis?.raw].join('|'));
}

function target(i: Indicator | undefined) {
  return i?.target && { kind: i.target.kind, operator: i.target.operator, value: i.target.value, valueMax: i.target.valueMax, unit: i.target.unit, direction: i.target.direction };
}

describe('lunan-jiaoyu-2025.docx: another department, five projects', () => {
  const file = 'fixtures/docx/lunan-jiaoyu-2025.docx';

  it('takes the fiscal year from the title and the department from the caption paragraphs', async () => {
    const doc = await documentOf(file);
    expect(doc.fiscalYear).toBe(2025);
    expect(doc.fiscalYearSource).toBe('title');
    expect(doc.department).toEqual({ code: '731002', name: '唐山市路南区教育局本级' });
    expect(doc.projects.map((p) => [p.code, p.name, p.provenance.tables])).toEqual([
      ['13020225P00911220001A', '2025年学前教育保育教育费补助', [1, 2]],
      [null, '校园安全管理经费', [3, 4]],
      ['13020225P00911220003C', '教师培训专项经费', [5]],
      ['13020225P00911220004D', '2025年义务教育学生资助资金', [6, 7]],
      [null, null, [8]],
    ]);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([7, 8, 0, 6, 6]);
  });

  it('reads project 1 completely: merged 一级 over 4 rows, 二级 over 2, text split over runs and paragraphs', async () => {
    const [p1] = (await documentOf(file)).projects;
    const { indicators, ...fields } = p1 as Project;
    expect(fields).toEqual({
      kind: 'project',
      code: '13020225P00911220001A',
      name: '2025年学前教育保育教育费补助',
      title: '1.2025年学前教育保育教育费补助绩效目标表',
      department: { code: '731002', name: '唐山市路南区教育局本级' },
      implementer: null,
      amountUnit: '万元',
      budget: {
        total: { raw: '120.50', yuan: 1205000 },
        fiscal: { raw: '100.50', yuan: 1005000 },
        other: { raw: '20.00', yuan: 200000 },
        carryover: null,
        sources: [],
      },
      purpose: '用于2025年学前教育保育教育费补助，保障公办幼儿园正常运转。',
      schedule: [
        { label: '3月底', month: 3, percent: 30, percentRaw: '30%' },
        { label: '6月底', month: 6, percent: 60, percentRaw: '60%' },
        { label: '9月底', month: 9, percent: 80, percentRaw: '80%' },
        { label: '12月底', month: 12, percent: 100, percentRaw: '100%' },
      ],
      goal: '1.保障全区公办幼儿园保育教育工作正常开展，提高学前教育普及普惠水平。',
      tasks: [],
      evaluation: null,
      midTermGoal: null,
      template: 'hebei',
      provenance: { page: null, tables: [1, 2] },
    });
    expect(rows(p1 as Project)).toEqual([
      '产出指标|数量指标|受益幼儿人数|保障适龄幼儿接受学前教育|≥1200人|冀财教【2024】130号',
      '产出指标|数量指标|补助幼儿园数量|补助公办幼儿园所数|≥15所|冀财教〔2024〕88号',
      '产出指标|质量指标|幼儿体检达标率|按照WHO Child Growth Standards开展幼儿健康体检|≥98%|冀财教[2023]12号',
      '产出指标|时效指标|资金拨付及时率|按时拨付保育教育费补助资金|100%|冀教计（2024）5号',
      '效益指标|社会效益指标|学前三年毛入园率|提高学前教育普及水平|≥95%|《河北省学前教育条例》',
      '效益指标|可持续影响指标|普惠性幼儿园覆盖率|持续扩大普惠性学前教育资源|持续提升|既定标准',
      '满意度指标|服务对象满意度指标|家长满意度|幼儿家长对保育教育服务的满意程度|≥90%|计划标准',
    ]);
    expect(indicators.map((i) => i.basis?.docNumber ?? null)).toEqual([
      '冀财教〔2024〕130号', '冀财教〔2024〕88号', '冀财教〔2023〕12号', '冀教计〔2024〕5号', null, null, null,
    ]);
    expect(target(indicators[0])).toEqual({ kind: 'quantitative', operator: '>=', value: 1200, valueMax: null, unit: '人', direction: 'higher-better' });
    expect(target(indicators[3])).toEqual({ kind: 'quantitative', operator: '=', value: 100, valueMax: null, unit: '%', direction: null });
    expect(target(indicators[5])).toEqual({ kind: 'qualitative', operator: null, value: null, valueMax: null, unit: null, direction: null });
  });

  it('project 2: missing 项目编码 warns, thousands separators, blank 其他资金, every operator spelling', async () => {
    const doc = await documentOf(file);
    const p2 = doc.projects[1] as Project;
    expect(p2.code).toBeNull();
    expect(p2.budget).toEqual({ total: { raw: '3,500.00', yuan: 35000000 }, fiscal: { raw: '3,500.00', yuan: 35000000 }, other: null, carryover: null, sources: [] });
    expect(p2.indicators.map(target)).toEqual([
      { kind: 'range', operator: null, value: 80, valueMax: 90, unit: '%', direction: null },
      { kind: 'quantitative', operator: '>=', value: 95, valueMax: null, unit: '%', direction: 'higher-better' },
      { kind: 'quantitative', operator: '>=', value: 98, valueMax: null, unit: '%', direction: 'higher-better' },
      { kind: 'quantitative', operator: '<=', value: 3500, valueMax: null, unit: '万元', direction: 'lower-better' },
      { kind: 'quantitative', operator: '<=', value: 5, valueMax: null, unit: '%', direction: 'lower-better' },
      { kind: 'quantitative', operator: '=', value: 100, valueMax: null, unit: '%', direction: null },
      { kind: 'qualitative', operator: null, value: null, valueMax: null, unit: null, direction: null },
      { kind: 'quantitative', operator: '>=', value: 90, valueMax: null, unit: '%', direction: 'higher-better' },
    ]);
    expect(doc.diagnostics).toContainEqual({
      severity: 'warning', code: 'PROJECT_CODE_MISSING', message: 'project 校园安全管理经费 has an empty 项目编码',
      project: '校园安全管理经费', page: null, table: 3, row: 1, column: 2,
    });
  });

  it('keeps a project without an indicator table, and an indicator table without a project table, with warnings', async () => {
    const doc = await documentOf(file);
    const [p3, p5] = [doc.projects[2] as Project, doc.projects[4] as Project];
    expect(p3.indicators).toEqual([]);
    expect(p5).toMatchObject({ code: null, name: null, title: '5.公用经费绩效目标表', budget: { total: null, fiscal: null, other: null, carryover: null } });
    expect(rows(p5)[2]).toBe('产出指标|成本指标|生均公用经费标准|小学生均公用经费标准|≥720元/生·年|冀财教〔2024〕88号');
    const codes = doc.diagnostics.map((d) => [d.severity, d.code, d.project, d.table]);
    expect(codes).toContainEqual(['warning', 'PROJECT_WITHOUT_INDICATORS', '13020225P00911220003C', 5]);
    expect(codes).toContainEqual(['warning', 'INDICATORS_WITHOUT_PROJECT', null, 8]);
    // Indicators whose project table is missing are kept as printed, under a project with null code and name: nothing is lost.
    expect(doc.status).toBe('ok');
  });

  it('project 4: full-width amounts, a per-period schedule kept as printed with warnings', async () => {
    const doc = await documentOf(file);
    const p4 = doc.projects[3] as Project;
    expect(p4.budget.total).toEqual({ raw: '１２.５０', yuan: 125000 });
    expect(p4.schedule.map((s) => [s.month, s.percent])).toEqual([[3, 25], [6, 25], [9, 25], [12, 25]]);
    const schedule = doc.diagnostics.filter((d) => d.project === '13020225P00911220004D').map((d) => d.code);
    expect(schedule).toEqual(['SCHEDULE_NOT_CUMULATIVE', 'SCHEDULE_NOT_ENDING_AT_100']);
  });
});

describe('gridbefore-2025.docx: rows that start in grid column 1', () => {
  it('keeps every indicator in its column and inherits 一级 over the rows with no first cell', async () => {
    const doc = await documentOf('fixtures/docx/gridbefore-2025.docx');
    expect(doc.department).toEqual({ code: '731003', name: '唐山市路南区文化馆本级' });
    const [p] = doc.projects;
    expect(p?.budget).toEqual({ total: { raw: '8.00', yuan: 80000 }, fiscal: { raw: '6.00', yuan: 60000 }, other: { raw: '2.00', yuan: 20000 }, carryover: null, sources: [] });
    expect(rows(p as Project)).toEqual([
      '产出指标|数量指标|文化活动场次|组织开展群众文化活动|≥30场次|冀财教【2024】130号',
      '产出指标|数量指标|培训辅导人次|开展群众文艺培训辅导|≥500人次|冀财教【2024】130号',
      '产出指标|质量指标|活动验收合格率|活动按方案完成并通过验收|100%|计划标准',
      '产出指标|成本指标|项目成本控制|严格按照预算执行|8万元|计划标准',
      '效益指标|社会效益指标|惠及群众人次|丰富群众精神文化生活|≥20000人次|既定标准',
      '效益指标|可持续影响指标|公共文化服务长效机制|建立公共文化服务长效运行机制|长期|既定标准',
      '效益指标|可持续影响指标|文化志愿者队伍建设|壮大文化志愿者队伍|≥50人|既定标准',
      '满意度指标|服务对象满意度指标|群众满意度|参与活动群众的满意程度|≥90%|既定标准',
    ]);
    expect(doc.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('wps-textbox-2025.docx: WPS text box, tracked changes, content controls, symbols', () => {
  const file = 'fixtures/docx/wps-textbox-2025.docx';

  it('takes the fiscal year from the title inside the text box', async () => {
    const doc = await documentOf(file);
    expect(doc.fiscalYear).toBe(2025);
    expect(doc.fiscalYearSource).toBe('title');
    expect(doc.diagnostics.map((d) => d.code)).toContain('DOCX_TEXTBOX_KEPT');
  });

  it('shows the document with tracked changes accepted and symbols mapped', async () => {
    const doc = await documentOf(file);
    const [p] = doc.projects;
    expect(rows(p as Project)).toEqual([
      '产出指标|数量指标|科普展教活动场次|全年举办科普展教活动|≥20场|冀财教【2024】130号',
      '产出指标|数量指标|免费开放天数|全年免费开放天数|≥300天|冀财教【2024】130号',
      '产出指标|质量指标|展品完好率|常设展品正常运行|≥95%|计划标准',
      '产出指标|时效指标|资金拨付及时率|按进度及时拨付资金|100%|既定标准',
      '效益指标|社会效益指标|接待观众人次|面向公众免费开放接待观众|≥5万人次|冀科普〔2023〕6号',
      '效益指标|可持续影响指标|科普教育阵地作用|持续发挥科普教育阵地作用|长期|既定标准',
      '满意度指标|服务对象满意度指标|观众满意度|观众对科技馆服务的满意程度|≥90%|计划标准',
    ]);
    expect(doc.diagnostics.map((d) => d.code)).toContain('DOCX_TRACKED_DELETION_SKIPPED');
  });

  it('reads the auto-numbered two-level list as items, and skips the remarks tables with a note', async () => {
    const doc = await documentOf(file);
    expect(doc.overview.map((s) => s.title)).toEqual(['总体绩效目标', '分项绩效目标', '工作保障措施']);
    expect(doc.overview[2]).toEqual({
      title: '工作保障措施',
      text: '为实现本年度绩效目标，采取以下措施：',
      items: [
        '加强场馆日常运行管理，保障免费开放工作有序开展。',
        '丰富科普展教活动内容。',
        '每月举办科普讲座不少于2场。',
        '寒暑假期间开展青少年科学营活动。',
        '完善安全保障和应急处置机制。',
      ],
    });
    const skipped = doc.diagnostics.filter((d) => d.code === 'TABLE_SKIPPED').map((d) => [d.table, d.message]);
    expect(skipped).toEqual([
      [3, 'table 3 is not a performance-target table; first row 「备注 | 无」'],
      [4, 'table 4 is not a performance-target table; first row 「附件 | 无」'],
    ]);
  });
});
