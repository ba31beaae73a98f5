/**
 * Layouts that once lost data or misread it with status ok (found in review): each is a
 * small real .docx built with the fixture writer, converted end to end, with exact values.
 */
import { describe, expect, it } from 'vitest';
import { convertBytes } from '../../src/convert.js';
import type { Document, Project } from '../../src/schema/document.js';
import { cell, docx, docxParts, paragraph, table, vMergeContinue, zip, type Block } from '../../scripts/fixtures/ooxml.js';
import { indicatorTable, rowsFromSeed, tableA } from '../../scripts/fixtures/specs/hebei.js';

const SCHEDULE: [string, string][] = [['3月底', '25%'], ['6月底', '50%'], ['10月底', '75%'], ['12月底', '100%']];
const HEADER = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];
const INDICATORS = rowsFromSeed([
  ['产出指标', '数量指标', '开展科普活动', '描述', '≥20次', '冀财教【2024】130号'],
  ['', '质量指标', '普及率', '描述', '≥90%', '既定标准'],
  ['效益指标', '社会效益指标', '提升素质', '描述', '有所提升', '计划标准'],
]);

function projectTable(overrides: Partial<Parameters<typeof tableA>[0]> = {}) {
  return tableA({ caption: '731001唐山市路南区科学技术协会本级', code: 'C1', name: '项目一', total: '11.00', fiscal: '11.00', other: '', purpose: '用途', schedule: SCHEDULE, goal: '目标', ...overrides });
}

async function convert(body: Block[]): Promise<Document> {
  const conversion = await convertBytes(docx({ body }), 'x.docx');
  if (!conversion.document) throw new Error(`${conversion.status}: ${conversion.message}`);
  return conversion.document;
}

function lines(project: Project | undefined): string[] {
  return (project?.indicators ?? []).map((i) => [i.level1, i.level2, i.level3, i.target?.raw].join('|'));
}

function codes(doc: Document): string[] {
  return doc.diagnostics.map((d) => `${d.severity} ${d.code}`);
}

describe('indicator blocks', () => {
  it('reads on past an indicator named like a field label (三级指标 预算数 under 成本指标)', async () => {
    const doc = await convert([
      projectTable(),
      table([
        HEADER,
        ['产出指标', '数量指标', '活动A', 'd', '≥1次', '既定标准'],
        ['', '成本指标', '预算数', '严格控制', '≤11万元', '既定标准'],
        ['', '质量指标', '合格率', 'd', '≥95%', '既定标准'],
        ['效益指标', '社会效益指标', '受益人数', 'd', '≥100人', '既定标准'],
      ]),
    ]);
    expect(lines(doc.projects[0])).toEqual([
      '产出指标|数量指标|活动A|≥1次',
      '产出指标|成本指标|预算数|≤11万元',
      '产出指标|质量指标|合格率|≥95%',
      '效益指标|社会效益指标|受益人数|≥100人',
    ]);
    expect(codes(doc)).not.toContain('info TABLE_SKIPPED');
  });

  it('keeps an indicator named like a self-evaluation column (执行率): only a header row marks a self-evaluation', async () => {
    const doc = await convert([
      projectTable(),
      table([HEADER, ['产出指标', '时效指标', '执行率', '资金执行进度', '≥90%', '既定标准'], ['效益指标', '社会效益指标', '受益人数', 'd', '≥100人', '既定标准']]),
    ]);
    expect(lines(doc.projects[0])).toEqual(['产出指标|时效指标|执行率|≥90%', '效益指标|社会效益指标|受益人数|≥100人']);
  });

  it('lets a placeholder row name the group for the rows below it', async () => {
    const doc = await convert([
      projectTable(),
      table([
        HEADER,
        ['产出指标', '数量指标', '活动A', 'd', '≥1次', '既定标准'],
        ['效益指标', '经济效益指标', '', '', '', ''],
        ['', '社会效益指标', '受益人数', 'd', '≥100人', '既定标准'],
      ]),
    ]);
    expect(lines(doc.projects[0])).toEqual(['产出指标|数量指标|活动A|≥1次', '效益指标|社会效益指标|受益人数|≥100人']);
  });

  it('continues a group into the project’s next indicator table', async () => {
    const doc = await convert([
      projectTable(),
      table([HEADER, ['产出指标', '数量指标', '活动A', 'd', '≥1次', '既定标准'], ['', '', '活动B', 'd', '≥2次', '既定标准']]),
      table([HEADER, ['', '', '活动C', 'd', '≥3次', '既定标准'], ['', '质量指标', '合格率', 'd', '≥95%', '既定标准']]),
    ]);
    expect(lines(doc.projects[0])).toEqual([
      '产出指标|数量指标|活动A|≥1次',
      '产出指标|数量指标|活动B|≥2次',
      '产出指标|数量指标|活动C|≥3次',
      '产出指标|质量指标|合格率|≥95%',
    ]);
    expect(codes(doc)).toContain('info INDICATOR_TABLE_CONTINUED');
  });

  it('says when a row with text is skipped, or a column is not read, or a row has no 一级指标', async () => {
    const doc = await convert([
      projectTable(),
      table([
        ['序号', ...HEADER, '说明'],
        ['1', '', '数量指标', '活动A', 'd', '≥1次', '既定标准', '重要'],
        ['2', '产出指标', '数量指标', '', '只有描述', '', '冀财教【2024】130号', ''],
      ]),
    ]);
    expect(lines(doc.projects[0])).toEqual(['|数量指标|活动A|≥1次']);
    const recognizer = ['INDICATOR_LEVEL_UNKNOWN', 'INDICATOR_ROW_SKIPPED', 'INDICATOR_COLUMN_IGNORED'];
    const located = doc.diagnostics.filter((d) => recognizer.includes(d.code)).map((d) => [d.severity, d.code, d.row, d.message]);
    expect(located).toEqual([
      ['warning', 'INDICATOR_LEVEL_UNKNOWN', 2, 'indicator row 2 has no 一级指标 and none above it'],
      ['info', 'INDICATOR_ROW_SKIPPED', 3, 'indicator row 3 has 「只有描述」 but neither 三级指标 nor 指标值; skipped'],
      // 序号 is a known caption (a row number), 说明 is not: only 说明 is reported, as a loss.
      ['warning', 'INDICATOR_COLUMN_IGNORED', null, 'indicator table 2: column(s) 「说明」 are not a known indicator column; not read'],
    ]);
  });
});

describe('project fields', () => {
  it('starts the next project at a repeated 项目编码 in one continuous table', async () => {
    const doc = await convert([
      paragraph('单位：万元'),
      table([
        ['项目编码', 'C1', '项目名称', '项目一'],
        ['预算数', '11.00', '财政资金', '11.00'],
        ['绩效目标', cell('目标一', { span: 3 })],
        ['项目编码', 'C2', '项目名称', '项目二'],
        ['预算数', '5.00', '财政资金', '5.00'],
        ['绩效目标', cell('目标二', { span: 3 })],
      ]),
      indicatorTable(INDICATORS),
    ]);
    expect(doc.projects.map((p) => [p.code, p.name, p.budget.total?.yuan, p.goal, p.indicators.length])).toEqual([
      ['C1', '项目一', 110000, '目标一', 0],
      ['C2', '项目二', 50000, '目标二', 3],
    ]);
  });

  it('reads values printed under a row of labels, the last column included', async () => {
    const doc = await convert([
      table([
        ['项目名称', cell('项目一', { span: 3 })],
        ['年度资金总额', '财政拨款', '上年结转', '其他资金'],
        ['11.00', '10.00', '0.00', '1.00'],
        ['年度绩效目标', cell('目标', { span: 3 })],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '活动', '≥1次'],
        ['效益指标', '社会效益指标', '受益', '≥1人'],
      ]),
    ]);
    const [p] = doc.projects;
    expect(p?.budget).toEqual({ total: { raw: '11.00', yuan: 110000 }, fiscal: { raw: '10.00', yuan: 100000 }, other: { raw: '1.00', yuan: 10000 }, carryover: { raw: '0.00', yuan: 0 }, sources: [] });
    expect(codes(doc)).not.toContain('error BUDGET_SOURCES_MISMATCH');
  });

  it('does not take the next row for a value when it is not a row of values', async () => {
    const doc = await convert([
      paragraph('单位：万元'),
      table([['C1', '项目一', '11.00', '11.00'], ['项目编码', '项目名称', '预算数', '财政资金'], [cell('目标', { span: 4 })]]),
      indicatorTable(INDICATORS),
    ]);
    expect(doc.projects[0]).toMatchObject({ code: null, name: null, goal: null });
    expect(codes(doc)).toEqual(expect.arrayContaining(['warning PROJECT_CODE_MISSING', 'warning PROJECT_NAME_MISSING']));
  });
});

describe('project lists', () => {
  const LIST_HEADER = ['项目名称', '项目总额', '绩效目标', '一级指标', '二级指标', '三级指标', '绩效指标性质', '本年绩效指标值', '绩效度量单位'];
  const m = vMergeContinue;

  it('keeps the list’s columns at a header repeated inside the table and overprinted by overflowing text', async () => {
    // Print-To-PDF repeats the header on each page; a name cell running over the page break
    // prints its overflow over the header's 项目名称 and 绩效目标 cells.
    const doc = await convert([
      paragraph('单位：万元'),
      table([
        LIST_HEADER,
        [cell('11000022T000000427994-第一个项目', { vMerge: 'restart' }), cell('10.00', { vMerge: 'restart' }), cell('目标一', { vMerge: 'restart' }), '产出指标', '数量指标', '培训人次', '≥', '20', '人次'],
        [m(), m(), m(), '满意度指标', '服务对象满意度指标', '满意度', '≥', '90', '%'],
        ['项目名称第一个项', '项目总额', '绩效目标目标一的', '一级指标', '二级指标', '三级指标', '绩效指标性质', '本年绩效指标值', '绩效度量单位'],
        [cell('11000022T000000428002-第二个项目', { vMerge: 'restart' }), cell('5.00', { vMerge: 'restart' }), cell('目标二', { vMerge: 'restart' }), '产出指标', '时效指标', '完成时间', '≤', '12', '月'],
        [m(), m(), m(), '效益指标', '社会效益指标', '覆盖率', '＝', '100', '%'],
      ]),
    ]);
    expect(doc.projects.map((p) => [p.code, p.name, p.budget.total?.yuan, p.goal, lines(p)])).toEqual([
      ['11000022T000000427994', '第一个项目', 100000, '目标一', ['产出指标|数量指标|培训人次|≥20人次', '满意度指标|服务对象满意度指标|满意度|≥90%']],
      ['11000022T000000428002', '第二个项目', 50000, '目标二', ['产出指标|时效指标|完成时间|≤12月', '效益指标|社会效益指标|覆盖率|＝100%']],
    ]);
    expect(codes(doc)).toContain('info HEADER_OVERPRINTED');
  });
  it('reads a goal-only list whose 财政拨款 spans 合计 and its parts: 合计 the fiscal amount, the parts sources', async () => {
    // Guangzhou 部门预算项目支出及其他支出预算表 (表12).
    const doc = await convert([
      paragraph('单位名称：广州市卫生健康委员会'),
      paragraph('单位：万元'),
      table([
        [cell('支出项目类别（资金使用单位）', { vMerge: 'restart' }), cell('总计', { vMerge: 'restart' }), cell('财政拨款', { span: 3 }), cell('财政专户拨款', { vMerge: 'restart' }), cell('其他资金', { vMerge: 'restart' }), cell('绩效目标', { vMerge: 'restart' })],
        [m(), m(), '合计', '一般公共预算', '国有资本经营预算', m(), m(), m()],
        ['合计', '170.05', '160.05', '160.05', '0.00', '0.00', '10.00', ''],
        ['广州市卫生健康委员会', '170.05', '160.05', '160.05', '0.00', '0.00', '10.00', ''],
        ['机构运行辅助经费', '150.05', '150.05', '140.05', '10.00', '0.00', '0.00', '做好后勤保障工作'],
        ['家庭发展项目', '20.00', '10.00', '10.00', '0.00', '0.00', '10.00', '提高服务能力'],
      ]),
    ]);
    expect(doc.projects.map((p) => [p.name, p.department?.name, p.budget.total?.yuan, p.budget.fiscal?.yuan, p.budget.other?.yuan, p.budget.sources.map((x) => `${x.label}=${x.yuan}`), p.goal])).toEqual([
      ['机构运行辅助经费', '广州市卫生健康委员会', 1500500, 1500500, 0, ['一般公共预算=1400500', '国有资本经营预算=100000', '财政专户拨款=0'], '做好后勤保障工作'],
      ['家庭发展项目', '广州市卫生健康委员会', 200000, 100000, 100000, ['一般公共预算=100000', '国有资本经营预算=0', '财政专户拨款=0'], '提高服务能力'],
    ]);
    expect(codes(doc)).not.toContain('info INDICATOR_COLUMN_IGNORED');
  });
});

describe('evaluation reports', () => {
  it('names the indicator table of a 绩效评价报告 by the project its two-line heading names, as kind evaluation-report', async () => {
    const doc = await convert([
      paragraph('2024年度全国信访信息系统维护费项目'),
      paragraph('绩效评价报告'),
      paragraph('一、基本情况'),
      paragraph('表1：项目年度绩效指标表'),
      table([
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '数据中心设备维护量', '≥330台套'],
        ['效益指标', '社会效益指标', '网络安全事件发生率', '小于0.5%'],
      ]),
    ]);
    expect(doc.projects.map((p) => [p.kind, p.name, lines(p)])).toEqual([
      ['evaluation-report', '全国信访信息系统维护费', ['产出指标|数量指标|数据中心设备维护量|≥330台套', '效益指标|社会效益指标|网络安全事件发生率|小于0.5%']],
    ]);
    expect(codes(doc)).not.toContain('info INDICATORS_WITHOUT_PROJECT');
  });
});

describe('amount units', () => {
  it('reads 项目资金（千元）', async () => {
    const doc = await convert([
      table([
        ['项目名称', cell('项目一', { span: 3 })],
        [cell('项目资金（千元）', { vMerge: 'restart' }), '年度资金总额', cell('110.00', { span: 2 })],
        [cell('', { vMerge: 'continue' }), '其中：财政拨款', cell('110.00', { span: 2 })],
        ['年度绩效目标', cell('目标', { span: 3 })],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '活动', '≥1次'],
      ]),
    ]);
    expect(doc.projects[0]?.amountUnit).toBe('千元');
    expect(doc.projects[0]?.budget.total).toEqual({ raw: '110.00', yuan: 110000 });
    expect(codes(doc)).not.toContain('warning AMOUNT_UNIT_ASSUMED');
  });

  it('does not carry the unit of a skipped table to the projects after it', async () => {
    const doc = await convert([
      projectTable(),
      indicatorTable(INDICATORS),
      paragraph('一般公共预算财政拨款支出表'),
      paragraph('单位：元'),
      table([['科目', '金额'], ['201', '1000.00']]),
      paragraph('2.项目二绩效目标表'),
      tableA({ code: 'C2', name: '项目二', total: '5.00', fiscal: '5.00', other: '', purpose: 'x', schedule: SCHEDULE, goal: 'g' }),
      indicatorTable(INDICATORS),
    ]);
    expect(doc.projects.map((p) => [p.code, p.amountUnit, p.budget.total?.yuan])).toEqual([
      ['C1', '万元', 110000],
      ['C2', '万元', 50000],
    ]);
  });
});

describe('what Word does not print', () => {
  it('leaves out hidden text and a content control still showing its placeholder', async () => {
    const parts = docxParts({ body: [projectTable({ goal: 'GOAL' }), indicatorTable(INDICATORS)] });
    const xml = (parts['word/document.xml'] as string).replace(
      /<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t>GOAL<\/w:t><\/w:r>/,
      '<w:r><w:t>真实目标</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt><w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏批注）</w:t></w:r>',
    );
    expect(xml).not.toContain('GOAL<');
    const conversion = await convertBytes(zip({ ...parts, 'word/document.xml': xml }), 'x.docx');
    expect(conversion.document?.projects[0]?.goal).toBe('真实目标');
  });
});

describe('damaged and hostile .docx', () => {
  it('refuses a document.xml that is cut off instead of converting what is left', async () => {
    const parts = docxParts({ body: [projectTable(), indicatorTable(INDICATORS)] });
    const xml = parts['word/document.xml'] as string;
    const conversion = await convertBytes(zip({ ...parts, 'word/document.xml': xml.slice(0, Math.floor(xml.length * 0.8)) }), 'cut.docx');
    expect([conversion.status, conversion.errorKind, conversion.message]).toEqual(['failed', 'corrupt', 'word/document.xml is cut off: it does not end with </w:document>']);
  });

  it('refuses a table whose gridSpan claims millions of columns before allocating its grid', async () => {
    const parts = docxParts({ body: [table([['a', 'b'], ['c', 'd']])] });
    const xml = (parts['word/document.xml'] as string).replace('<w:tcPr>', '<w:tcPr><w:gridSpan w:val="3000000"/>');
    const conversion = await convertBytes(zip({ ...parts, 'word/document.xml': xml }), 'span.docx');
    expect([conversion.status, conversion.errorKind, conversion.message]).toEqual([
      'failed',
      'too-complex',
      'table 1 claims 3000001 columns × 2 rows (limit 1000 columns, 2000000 cells); not read',
    ]);
  });
});

describe('assumptions said aloud', () => {
  it('assumes the template’s 万元 with a warning when no unit is printed', async () => {
    const doc = await convert([tableA({ code: 'C1', name: '项目一', total: '11.00', fiscal: '11.00', other: '', purpose: '用途', schedule: SCHEDULE, goal: '目标' }), indicatorTable(INDICATORS)]);
    expect(doc.projects[0]?.budget.total).toEqual({ raw: '11.00', yuan: 110000 });
    expect(doc.diagnostics.filter((d) => d.code === 'AMOUNT_UNIT_ASSUMED').map((d) => [d.severity, d.message, d.table, d.row])).toEqual([
      ['warning', 'no unit line (单位：万元/元) for the amounts; the hebei template\'s 万元 was assumed (state it with --unit)', 1, 2],
    ]);
  });

  it('keeps a weight it cannot read as null, with a warning', async () => {
    const doc = await convert([
      paragraph('单位：元'),
      table([
        ['项目名称', cell('51000021R000000019951-工资性支出', { span: 7 })],
        ['年度目标', cell('保障工资发放', { span: 7 })],
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标值设定依据'],
        ['产出指标', '数量指标', '保障人数', '=', '18', '人', '高', '计划标准'],
        ['效益指标', '社会效益指标', '正常运转', '定性', '有效保障', '', '10分', '计划标准'],
      ]),
    ]);
    expect(doc.projects[0]?.indicators.map((i) => i.weight)).toEqual([null, 10]);
    expect(doc.diagnostics.filter((d) => d.code === 'WEIGHT_UNREADABLE').map((d) => [d.severity, d.message, d.row, d.column])).toEqual([['warning', 'weight "高" is not a number', 4, 7]]);
  });
});
