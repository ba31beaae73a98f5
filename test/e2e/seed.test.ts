/**
 * The seed disclosure (唐山市路南区科学技术协会 2025, ../shared/seed/) rebuilt as a real
 * Word file: every project, amount, schedule point, indicator and overview section is
 * checked against the seed's text.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, Project, TargetDirection, TargetOperator } from '../../src/schema/document.js';
import { documentOf } from '../helpers.js';

export const SEED_DOCX = 'fixtures/docx/lunan-kexie-2025.docx';

type Row = [
  level1: string, level2: string, level3: string, description: string,
  target: string, kind: 'quantitative' | 'qualitative', operator: TargetOperator | null, value: number | null, unit: string | null,
  direction: TargetDirection | null, basis: string,
];

const KJ = '冀财教【2024】130号';
const LN = '路南发【2010】9号';
const JD = '既定标准';

const P1: Row[] = [
  ['产出指标', '数量指标', '开展科普活动', '通过开展各种科普活动，吸引各重点人群参与，普及科普知识', '≥20次', 'quantitative', '>=', 20, '次', 'higher-better', KJ],
  ['产出指标', '质量指标', '科学技术普及', '实施《全民科学素质行动计划纲要》，改善科普设施，提升科普能力，开展多种形式的科普活动。', '≥13%', 'quantitative', '>=', 13, '%', 'higher-better', KJ],
  ['产出指标', '时效指标', '及时到位的进行科普宣传活动', '重点组织好流动科技馆巡展和科普助力“双减”进校园项目。', '≥10次', 'quantitative', '>=', 10, '次', 'higher-better', KJ],
  ['产出指标', '成本指标', '2025年支持市县科技创新和科学普及专项资金', '严格按照文件下达数据执行', '11万元', 'quantitative', '=', 11, '万元', null, KJ],
  ['效益指标', '经济效益指标', '实现社会科普资源共享程度提高', '实现社会科普资源共享程度提高，科普传播能力不断增强。', '≥13%', 'quantitative', '>=', 13, '%', 'higher-better', KJ],
  ['效益指标', '社会效益指标', '继续创新基层科普服务理念和服务方式', '不断提升基层科普服务覆盖面和时效性', '≥30000人', 'quantitative', '>=', 30000, '人', 'higher-better', KJ],
  ['效益指标', '生态效益指标', '科普能力建设', '全区10个镇、街道科普组织全覆盖，建设1个国家级、1个省级科普示范社区。', '≥12个', 'quantitative', '>=', 12, '个', 'higher-better', KJ],
  ['效益指标', '可持续影响指标', '居民科普素质普遍提升率', '路南区居民科学素质普遍提升', '≥1%', 'quantitative', '>=', 1, '%', 'higher-better', KJ],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '群众满意数量占总数的比例。', '≥90%', 'quantitative', '>=', 90, '%', 'higher-better', KJ],
];

const P2: Row[] = [
  ['产出指标', '数量指标', '开展科普活动', '通过开展各种科普活动，吸引各重点人群参与，普及科普知识', '≥20次', 'quantitative', '>=', 20, '次', 'higher-better', LN],
  ['产出指标', '质量指标', '提高科学技术普及率', '实施《全民科学素质行动计划纲要》，改善科普设施，提升科普能力，开展多种形式的科普活动。', '有效提高科学技术知识普及率', 'qualitative', null, null, null, null, LN],
  ['产出指标', '时效指标', '科普经费及时到位率', '重点组织好全国科普日河北科普活动，组织参与科技周、防灾减灾日、食品安全宣传周、节水日、土地日等科普宣传周日。', '≥100%', 'quantitative', '>=', 100, '%', 'higher-better', LN],
  ['产出指标', '成本指标', '项目预算控制数', '严格按照预算数据执行', '2万元', 'quantitative', '=', 2, '万元', null, LN],
  ['效益指标', '经济效益指标', '及时到位的进行科普宣传活动', '及时到位的进行科普宣传活动', '≥13%', 'quantitative', '>=', 13, '%', 'higher-better', LN],
  ['效益指标', '社会效益指标', '实现社会科普资源共享程度提高', '实现社会科普资源共享程度提高，科普传播能力不断增强。', '≥30000人', 'quantitative', '>=', 30000, '人', 'higher-better', LN],
  ['效益指标', '生态效益指标', '科普能力建设', '全区10个镇、街道科普组织全覆盖，建设1个国家级、1个省级科普示范社区。', '≥12个', 'quantitative', '>=', 12, '个', 'higher-better', LN],
  ['效益指标', '可持续影响指标', '居民科普素质普遍提升', '路南区居民科学素质普遍提升', '居民科普素质普遍提升', 'qualitative', null, null, null, null, LN],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '群众满意数量占总数的比例。', '≥90%', 'quantitative', '>=', 90, '%', 'higher-better', LN],
];

const P3: Row[] = [
  ['产出指标', '数量指标', '对接企业个数', '对接企业数', '≥5个', 'quantitative', '>=', 5, '个', 'higher-better', JD],
  ['产出指标', '质量指标', '招商企业个数', '招商企业数', '≥5个', 'quantitative', '>=', 5, '个', 'higher-better', JD],
  ['产出指标', '时效指标', '完成时限', '完成时限', '≥1年', 'quantitative', '>=', 1, '年', 'higher-better', JD],
  ['产出指标', '成本指标', '资金成本', '资金成本', '5万', 'quantitative', '=', 5, '万', null, JD],
  ['效益指标', '经济效益指标', '促进社会经济发展', '有效促进社会经济发展', '促进经济效益发展', 'qualitative', null, null, null, null, JD],
  ['效益指标', '社会效益指标', '带动市场经济', '有效拉动市场经济', '有效拉动市场经济', 'qualitative', null, null, null, null, JD],
  ['效益指标', '生态效益指标', '生态效益提升值%', '生态效益提升值%', '≥10%', 'quantitative', '>=', 10, '%', 'higher-better', JD],
  ['效益指标', '可持续影响指标', '可持续性服务', '可持续性服务', '提供可持续性服务', 'qualitative', null, null, null, null, JD],
  ['满意度指标', '服务对象满意度指标', '满意率', '满意率', '≥90%', 'quantitative', '>=', 90, '%', 'higher-better', JD],
];

function basisOf(raw: string): Indicator['basis'] {
  const m = /^(.+?)【(\d{4})】(\d+)号$/u.exec(raw);
  if (!m) return { raw, docNumber: null, issuer: null, year: null, serial: null };
  return { raw, docNumber: `${m[1]}〔${m[2]}〕${m[3]}号`, issuer: m[1] ?? null, year: Number(m[2]), serial: Number(m[3]) };
}

function expected(rows: Row[], table: number): Indicator[] {
  return rows.map(([level1, level2, level3, description, raw, kind, operator, value, unit, direction, basis], i) => ({
    level1,
    level2,
    level3,
    description,
    target: { raw, kind, operator, value, valueMax: null, unit, direction },
    basis: basisOf(basis),
    weight: null,
    level1Weight: null,
    midTermTarget: null,
    activity: null,
    targetText: null,
    scoringRule: null,
    notes: null,
    core: null,
    actual: null,
    score: null,
    deviation: null,
    provenance: { page: null, table, row: i + 2 },
  }));
}

const SCHEDULE = [
  { label: '3月底', month: 3, percent: 25, percentRaw: '25%' },
  { label: '6月底', month: 6, percent: 50, percentRaw: '50%' },
  { label: '10月底', month: 10, percent: 75, percentRaw: '75%' },
  { label: '12月底', month: 12, percent: 100, percentRaw: '100%' },
];

const DEPARTMENT = { code: '731001', name: '唐山市路南区科学技术协会本级' };

const GOAL_2 =
  '1."面向农民、社区居民、青少年、领导干部和公务员等重点人群，开展科普惠农、科普益民等重点科普活动；开展科普日、科技周、减灾日、三下乡等系列科普活动。通过开展各种科普活动，吸引各重点人群参与，普及科普知识。' +
  '实施社会科普资源开发共享、县级特色科普工程，加强大众媒体科普传播能力建设，实施科学教育培训工程，培养科普组织和科普人才。实现社会科普资源共享程度提高，科普传播能力不断增强。' +
  '（1）开展学术交流、科技咨询、“讲理想、比贡献、架金桥”等活动，促进科学发展。' +
  '（2）引进新成果，推广新技术，促进科技成果向现实生产力转化，为全区经济建设服务。' +
  '（3）抓好科普宣传和教育，为提高劳动者和青少年素质服务。' +
  '（4）指导、协调基层的科协工作，发展基层科协组织，听取、反映科技人员的呼声，维护科技工作者的合法权益。' +
  '（5）兴办符合中国科学技术协会宗旨的社会公益性事业。' +
  '（6）承办区委、区政府交办的其他事项。"';

export const SEED_PROJECTS: Project[] = [
  {
    kind: 'project',
    code: '13020225P009127100021',
    name: '2025年支持市县科技创新和科学普及专项资金',
    title: '1.2025年支持市县科技创新和科学普及专项资金绩效目标表',
    department: DEPARTMENT,
    implementer: null,
    amountUnit: '万元',
    budget: { total: { raw: '11.00', yuan: 110000 }, fiscal: { raw: '11.00', yuan: 110000 }, other: null, carryover: null, sources: [] },
    purpose: '用于2025年支持市县科技创新和科学普及专项项目。',
    schedule: SCHEDULE,
    goal: '1.用于2025年支持市县科技创新和科学普及专项资金',
    tasks: [],
    evaluation: null,
    midTermGoal: null,
    indicators: expected(P1, 2),
    template: 'hebei',
    provenance: { page: null, tables: [1, 2] },
  },
  {
    kind: 'project',
    code: '13020225P00904910001F',
    name: '科普经费',
    title: '2.科普经费绩效目标表',
    department: DEPARTMENT,
    implementer: null,
    amountUnit: '万元',
    budget: { total: { raw: '2.00', yuan: 20000 }, fiscal: { raw: '2.00', yuan: 20000 }, other: null, carryover: null, sources: [] },
    purpose: '科普经费',
    schedule: SCHEDULE,
    goal: GOAL_2,
    tasks: [],
    evaluation: null,
    midTermGoal: null,
    indicators: expected(P2, 4),
    template: 'hebei',
    provenance: { page: null, tables: [3, 4] },
  },
  {
    kind: 'project',
    code: '13020225P00905010001K',
    name: '招商引资专项业务费',
    title: '3.招商引资专项业务费绩效目标表',
    department: DEPARTMENT,
    implementer: null,
    amountUnit: '万元',
    budget: { total: { raw: '5.00', yuan: 50000 }, fiscal: { raw: '5.00', yuan: 50000 }, other: null, carryover: null, sources: [] },
    purpose: '唐山市路南区科学技术协会招商引资专项业务费，严格用于招商引资使用。',
    schedule: SCHEDULE,
    goal: '1.唐山市路南区科学技术协会招商引资专项业务费，严格用于招商引资使用。',
    tasks: [],
    evaluation: null,
    midTermGoal: null,
    indicators: expected(P3, 6),
    template: 'hebei',
    provenance: { page: null, tables: [5, 6] },
  },
];

export const SEED_OVERVIEW = [
  {
    title: '总体绩效目标',
    text:
      '以习近平新时代中国特色社会主义思想为指导，实施《全民科学素质行动计划纲要》，改善科普设施，提升科普能力，开展多种形式的科普活动。依据《全民科学素质行动计划纲要》和《科普法》并结合社会实际需要，开展科普活动，加强科普设施建设，提升科普能力。提升重点人群科学素质，包括农民、社区居民、公务员和领导干部、青少年等；提升重点人群科学素质，包括农民、社区居民、公务员和领导干部、青少年等；重点组织好全国科普日河北科普活动，组织参与科技周、防灾减灾日、食品安全宣传周、节水日、土地日等科普宣传。\n' +
      '为科技工作者服务的能力更强，把科协建成科技工作者之家，加强科协机关自身建设，提高机关服务能力，包括：完善网站管理制度，提升网站管理水平，保障网络安全、加强对科普项目的管理和监督、切实提高科协民主办会科学化水平、更好发挥党组织的战斗堡垒作用和共产党员的先锋模范作用。',
    items: [],
  },
  {
    title: '分项绩效目标',
    text: [
      '以习近平新时代中国特色社会主义思想为指导，为科技工作者服务的能力更强，把科协建成科技工作者之家，加强科协机关自身建设，提高机关服务能力，包括：',
      '实施《全民科学素质行动计划纲要》，改善科普设施，提升科普能力，开展多种形式的科普活动。',
      '依据《全民科学素质行动计划纲要》和《科普法》并结合社会实际需要，开展科普活动，加强科普设施建设，提升科普能力。',
      '提升重点人群科学素质，包括农民、社区居民、公务员和领导干部、青少年等；提升重点人群科学素质，包括农民、社区居民、公务员和领导干部、青少年等。',
      '重点组织好全国科普日河北科普活动，组织参与科技周、防灾减灾日、食品安全宣传周、节水日、土地日等科普宣传。',
    ].join('\n'),
    items: [
      '完善网站管理制度',
      '提升网站管理水平',
      '保障网络安全',
      '加强对科普项目的管理和监督、切实提高科协民主办会科学化水平、更好发挥党组织的战斗堡垒作用和共产党员的先锋模范作用。',
    ],
  },
  {
    title: '工作保障措施',
    text:
      '依托全国科普示范区以及全国、省、市科普示范社区特色项目建设，科普经费纳入财政预算，落实全民科普素质教育大纲，提高社区科普活动宣传覆盖率，推广农村先进实用科普技术，实现社会科普资源共享。\n' +
      '为实现本年度发展规划目标我们采取以下政策措施、开展以下活动。',
    items: [
      '迎接省、市对我区《全民科学素质行动计划纲要》实施工作的评估检查。',
      '采取多种形式，举办各类科普宣传活动6次。',
      '开展科技下乡活动6次。',
      '结合路南教育局举办第十一届青少年科技节。',
      '更新更换全区科普基地硬件设施。',
      '全国科普日科普知识宣传。',
      '配合市科协搞好科普e站基础站建设，使科普中国落地生根，服务更多百姓，在提升全民素质上发挥更大的作用。',
      '积极申请省流动科技馆到路南巡展，造福更多的路南群众。',
      '进一步加强机关的效能建设。',
      '机关工作人员定期下基层调研，了解群众需求。制作和举办更多群众喜闻乐见的展品和活动。',
      '居民对机关作风状况的满意度达标。',
    ],
  },
];

describe('seed fixture (.docx)', () => {
  it('converts with status ok, fiscal year 2025 from the project names, department 731001', async () => {
    const doc = await documentOf(SEED_DOCX);
    expect(doc.status).toBe('ok');
    expect(doc.source.format).toBe('docx');
    expect(doc.fiscalYear).toBe(2025);
    expect(doc.fiscalYearSource).toBe('project-names');
    expect(doc.department).toEqual(DEPARTMENT);
  });

  it('has the three projects with every field as the seed prints it', async () => {
    const doc = await documentOf(SEED_DOCX);
    expect(doc.projects.map((p) => p.code)).toEqual(SEED_PROJECTS.map((p) => p.code));
    for (const [i, project] of SEED_PROJECTS.entries()) {
      const { indicators, ...fields } = project;
      const { indicators: actualIndicators, ...actualFields } = doc.projects[i] as Project;
      expect(actualFields).toEqual(fields);
      expect(actualIndicators).toHaveLength(indicators.length);
      for (const [j, indicator] of indicators.entries()) expect(actualIndicators[j], `project ${i + 1} indicator ${j + 1}`).toEqual(indicator);
    }
  });

  it('has all 27 indicators', async () => {
    const doc = await documentOf(SEED_DOCX);
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(27);
  });

  it('converts 万元 to yuan exactly: 11.00 → 110000, 2.00 → 20000, 5.00 → 50000', async () => {
    const doc = await documentOf(SEED_DOCX);
    expect(doc.projects.map((p) => p.budget.total?.yuan)).toEqual([110000, 20000, 50000]);
    expect(doc.projects.map((p) => p.budget.fiscal?.yuan)).toEqual([110000, 20000, 50000]);
    expect(doc.projects.map((p) => p.budget.other)).toEqual([null, null, null]);
  });

  it('reads the three overview sections with their text and numbered items', async () => {
    const doc = await documentOf(SEED_DOCX);
    expect(doc.overview).toEqual(SEED_OVERVIEW);
  });

  it('raises no warning or error', async () => {
    const doc = await documentOf(SEED_DOCX);
    expect(doc.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
