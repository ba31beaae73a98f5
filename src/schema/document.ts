/**
 * The document contract of ../shared/SPEC.md as zod schemas: the single source of truth.
 * Types are inferred from these schemas and `yusuan schema` prints the JSON Schema
 * generated from them. Keep them transform-free so that z.toJSONSchema can represent them.
 * Fields may be added; none may be renamed without bumping SCHEMA_VERSION.
 */
import { z } from 'zod';

import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

export const Severity = z.enum(['error', 'warning', 'info']);

export const Diagnostic = z
  .object({
    severity: Severity,
    code: z.string().describe('Stable upper-case code, e.g. SCHEDULE_NOT_CUMULATIVE'),
    message: z.string(),
    project: z.string().nullable().describe('Project code, else project name, else null'),
    page: z.number().int().positive().nullable().describe('1-based page (PDF); null for .docx'),
    table: z.number().int().positive().nullable().describe('1-based table ordinal in the file'),
    row: z.number().int().positive().nullable().describe('1-based row in that table'),
    column: z.number().int().positive().nullable().describe('1-based grid column in that table'),
    sheet: z.string().optional().describe('.xlsx: the name of the sheet; absent for other formats'),
    ref: z.string().optional().describe('.xlsx: the A1 reference in that sheet of the cell (B7), the table row (A7:M7) or the table (A3:M20)'),
  })
  .meta({ id: 'Diagnostic' });

export const Department = z
  .object({
    code: z.string().nullable(),
    name: z.string().nullable(),
  })
  .meta({ id: 'Department' });

export const Amount = z
  .object({
    raw: z.string().describe('The cell as printed, trimmed'),
    yuan: z.number().nullable().describe('Exact decimal value in yuan; null when the cell cannot be read'),
  })
  .meta({ id: 'Amount' });

export const LabelledAmount = z
  .object({
    label: z.string().describe('The label the amount is printed under, e.g. 财政专户拨款, 市级支出, 补助区县'),
    raw: z.string(),
    yuan: z.number().nullable(),
  })
  .meta({ id: 'LabelledAmount' });

export const Budget = z.object({
  total: Amount.nullable(),
  fiscal: Amount.nullable(),
  other: Amount.nullable(),
  carryover: Amount.nullable(),
  sources: z
    .array(LabelledAmount)
    .default([])
    .describe('Funding sources printed beyond total / fiscal / other / carryover, with their labels, in printed order'),
});

export const SchedulePoint = z
  .object({
    label: z.string(),
    month: z.number().int().min(1).max(12).nullable(),
    percent: z.number().nullable(),
    percentRaw: z.string().describe('The percent cell as printed'),
  })
  .meta({ id: 'SchedulePoint' });

export const TargetKind = z.enum(['quantitative', 'qualitative', 'range']);
export const TargetOperator = z.enum(['>=', '<=', '>', '<', '=']);
export const TargetDirection = z.enum(['higher-better', 'lower-better']);

export const Target = z
  .object({
    raw: z.string(),
    kind: TargetKind.nullable().describe('null when the value cannot be read with confidence (see diagnostics)'),
    operator: TargetOperator.nullable(),
    value: z.number().nullable(),
    valueMax: z.number().nullable(),
    unit: z.string().nullable(),
    direction: TargetDirection.nullable()
      .default(null)
      .describe(
        'Which way the value is better. higher-better: 指标性质 正向, or the operator >= or >; lower-better: 指标性质 反向, ' +
          'or the operator <= or <. null for = and ranges without 正向/反向, and for qualitative and unreadable targets. ' +
          'Documents written before this field read as null.',
      ),
  })
  .meta({ id: 'Target' });

export const Basis = z
  .object({
    raw: z.string(),
    docNumber: z.string().nullable().describe('发文字号 with brackets normalized to 〔〕'),
    issuer: z.string().nullable(),
    year: z.number().int().nullable(),
    serial: z.number().int().nullable(),
  })
  .meta({ id: 'Basis' });

export const IndicatorProvenance = z.object({
  page: z.number().int().positive().nullable(),
  table: z.number().int().positive(),
  row: z.number().int().positive(),
  sheet: z.string().optional().describe('.xlsx: the sheet the indicator row stands in'),
  ref: z.string().optional().describe('.xlsx: the A1 range of the indicator row in that sheet (A47:M47)'),
});

export const Indicator = z
  .object({
    level1: z.string().nullable(),
    level2: z.string().nullable(),
    level3: z.string().nullable(),
    description: z.string().nullable(),
    target: Target.nullable(),
    basis: Basis.nullable(),
    weight: z.number().nullable().describe('权重/分值 where the template has it'),
    level1Weight: z.number().nullable().describe('A weight printed in the 一级 cell, e.g. 50 from 产出指标(50分)'),
    midTermTarget: Target.nullable().default(null).describe('The 实施周期 (whole-period) target printed beside the annual one (Guangzhou); null elsewhere'),
    activity: z.string().nullable().default(null).describe('活动: the activity a department-wide indicator measures (Beijing 预算13表)'),
    targetText: z.string().nullable().default(null).describe('指标值内容: the target restated in words (Changsha)'),
    scoringRule: z.string().nullable().default(null).describe('评（扣）分标准: how the indicator is scored'),
    notes: z.string().nullable().default(null).describe('备注 as printed'),
    core: z.boolean().nullable().default(null).describe('是否核心: true for 是, false for 否 (Chongqing)'),
    actual: Target.nullable().default(null).describe('Self-evaluations: 实际完成值, read like a target (a bare number is = that number)'),
    score: z.number().nullable().default(null).describe('Self-evaluations: 得分'),
    deviation: z.string().nullable().default(null).describe('Self-evaluations: 偏差原因分析及改进措施 as printed'),
    provenance: IndicatorProvenance,
  })
  .meta({ id: 'Indicator' });

export const ProjectProvenance = z.object({
  page: z.number().int().positive().nullable().describe('1-based page where the project table starts (PDF)'),
  tables: z.array(z.number().int().positive()).describe('1-based table ordinals in the file'),
  sheet: z.string().optional().describe('.xlsx: the sheet the project table stands in'),
  ref: z.string().optional().describe('.xlsx: the A1 range of the project\'s first table in that sheet (A39:M55)'),
});

export const Evaluation = z
  .object({
    initialBudget: Amount.nullable().describe('年初预算数 of 年度资金总额'),
    adjustedBudget: Amount.nullable().describe('全年预算数 of 年度资金总额 (also budget.total)'),
    executed: Amount.nullable().describe('全年执行数 of 年度资金总额'),
    rateRaw: z.string().nullable().describe('执行率 as printed'),
    rate: z.number().nullable().describe('执行率 in percent'),
    rateWeight: z.number().nullable().describe('分值 of the execution rate'),
    rateScore: z.number().nullable().describe('得分 of the execution rate'),
    totalScore: z.number().nullable().describe('总分 得分'),
    outcome: z.string().nullable().describe('实际完成情况: what was achieved against the goal'),
  })
  .meta({ id: 'Evaluation' });

export const Task = z
  .object({
    name: z.string().nullable(),
    content: z.string().nullable().describe('主要内容 / 主要实施内容'),
    budget: z.object({ total: Amount.nullable(), fiscal: Amount.nullable(), other: Amount.nullable() }),
    goal: z.string().nullable().describe('期望达到的目标, where printed'),
    row: z.number().int().positive().describe('1-based row in the table'),
  })
  .meta({ id: 'Task' });

export const RecordKind = z
  .enum(['project', 'special-fund', 'transfer-payment', 'department', 'self-evaluation', 'evaluation-report'])
  .describe(
    'The kind of target table the record comes from: project (项目支出绩效目标表 and its forms), special-fund (专项资金绩效目标表), ' +
      'transfer-payment (转移支付绩效目标表), department (部门整体支出绩效目标表: code and name null, the department in department), ' +
      'self-evaluation (绩效自评表: targets with the values achieved, in evaluation and each indicator\'s actual/score), ' +
      'evaluation-report (the indicator table of a 绩效评价报告, the project named by the report\'s heading)',
  );

export const Project = z
  .object({
    kind: RecordKind.default('project'),
    code: z.string().nullable(),
    name: z.string().nullable(),
    title: z.string().nullable().describe('The heading printed above the table, e.g. 1.科普经费绩效目标表'),
    department: Department.nullable(),
    implementer: z.string().nullable().describe('实施单位, where the template has it'),
    amountUnit: z.string().nullable().describe('The unit the table states: 万元 or 元'),
    budget: Budget,
    purpose: z.string().nullable(),
    schedule: z.array(SchedulePoint),
    goal: z.string().nullable(),
    tasks: z.array(Task).default([]).describe('Department-wide tables: the rows of 年度主要任务 / 年度重点工作任务; [] elsewhere'),
    evaluation: Evaluation.nullable().default(null).describe('Self-evaluations: the budget execution, scores and outcome; null for other kinds'),
    midTermGoal: z.string().nullable().default(null).describe('实施期总目标: the goal for the whole implementation period, printed beside the annual goal (Xi\'an 专项资金总体)'),
    indicators: z.array(Indicator),
    template: z.string().describe('Id of the template the tables were recognized with'),
    provenance: ProjectProvenance,
  })
  .meta({ id: 'Project' });

export const OverviewSection = z
  .object({
    title: z.string(),
    text: z.string().describe('Paragraphs that are not numbered items, joined by newlines'),
    items: z.array(z.string()).describe('Numbered items, without their labels'),
  })
  .meta({ id: 'OverviewSection' });

export const Source = z.object({
  path: z.string().describe('Path relative to the argument it came from'),
  sha256: z.string(),
  format: z.enum(['docx', 'pdf', 'xlsx', 'doc', 'xls']).describe('What the bytes are: doc and xls are Word 97–2003, Excel 97–2003 and WPS files'),
  pageCount: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative(),
  ocrPages: z
    .array(z.number().int().positive())
    .optional()
    .describe('Pages whose text was recognized from their image (OCR); absent when none was'),
  convertedBy: z.enum(['libreoffice']).optional().describe('A legacy file is read after this program converted it to .docx or .xlsx'),
});

export const DocumentStatus = z.enum(['ok', 'partial', 'failed']);

export const Generator = z.object({
  name: z.literal('yusuan'),
  version: z.string(),
});

export const FiscalYearSource = z.enum(['option', 'title', 'project-names']);

export const BudgetTableKind = z
  .enum([
    'income-expense-summary', 'income-summary', 'expense-summary', 'fiscal-summary', 'general-public-expense', 'general-public-basic',
    'economic-expense', 'three-public', 'gov-fund-expense', 'state-capital-expense', 'procurement', 'project-expense', 'services-purchase',
    'carryover-expense', 'other',
  ])
  .describe(
    'The kind of standard table: 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表 (功能分类), 一般公共预算基本支出表 (经济分类), ' +
      'other tables by 经济分类, "三公"经费, 政府性基金, 国有资本经营, 政府采购, 项目支出表, 政府购买服务, 结转资金支出表, or another numbered table',
  );

export const ClassificationScheme = z.enum(['function', 'economic', 'none']).describe('功能分类 (201…), 经济分类 (301…, 501…), or none');

export const LineValue = z
  .object({
    measure: z.string().describe('The id of the measure (column) in the part'),
    raw: z.string().describe('The cell as printed'),
    yuan: z.number().nullable().describe('Exact yuan (decimal shift of raw by the unit); null for a placeholder (-) or an unreadable cell'),
  })
  .meta({ id: 'LineValue' });

export const LineClassification = z
  .object({
    label: z.string().nullable().describe('The header of the classification column (支出功能分类科目, 部门支出经济分类科目)'),
    code: z.string().nullable(),
    scheme: ClassificationScheme,
    name: z.string().nullable(),
  })
  .meta({ id: 'LineClassification' });

export const BudgetLine = z
  .object({
    seq: z.number().int().positive().describe('1-based order of the line in its part'),
    code: z.string().nullable().describe('Classification code as printed (201, 20101, 2010101, 30101)'),
    scheme: ClassificationScheme,
    name: z.string().nullable(),
    level: z.number().int().positive().nullable().describe('1 类, 2 款, 3 项 (from the code length, else 一、/（一） numbering); null when unknown'),
    isTotal: z.boolean().describe('A 合计 / 总计 / 小计 row'),
    classifications: z.array(LineClassification).describe('Every classification the row prints (支出总表 prints 功能, 政府经济 and 部门经济 side by side); the first is the line\'s own'),
    values: z.array(LineValue).describe('The printed cells of the row, blank cells left out'),
    page: z.number().int().positive().nullable(),
    table: z.number().int().positive().describe('1-based table ordinal in the file'),
    row: z.number().int().positive().describe('1-based row in that table'),
    sheet: z.string().optional().describe('.xlsx: the sheet the line stands in'),
    ref: z.string().optional().describe('.xlsx: the A1 range of the line\'s row in that sheet'),
  })
  .meta({ id: 'BudgetLine' });

export const BudgetMeasure = z
  .object({
    id: z.string().describe('Normalized id from the header path: total, basic, project, general_public, fund, state_capital, carryover, … joined by "." for a path (current_income.total)'),
    label: z.string().describe('The header as printed, levels joined by ›'),
    path: z.array(z.string()).describe('The header labels over the column, top to bottom'),
    money: z.boolean().default(true).describe('false for a column of counts or shares (数量, 人数, 增减%): its cells keep their raw text and have no yuan'),
  })
  .meta({ id: 'BudgetMeasure' });

export const BudgetPart = z
  .object({
    side: z.enum(['income', 'expense']).nullable().describe('The side of a two-sided table (收支总表); null for a one-sided table'),
    measures: z.array(BudgetMeasure),
    lines: z.array(BudgetLine),
  })
  .meta({ id: 'BudgetPart' });

export const BudgetTable = z
  .object({
    kind: BudgetTableKind,
    stage: z.enum(['budget', 'final']).describe('预算 or 决算'),
    number: z.string().nullable().describe('The table number as printed: 公开表1, 预算05表, 表三'),
    title: z.string().nullable().describe('The title as printed, without its number'),
    amountUnit: z.string().nullable().describe('万元 or 元, as the table states'),
    pages: z.array(z.number().int().positive()),
    tables: z.array(z.number().int().positive()).describe('1-based ordinals of the file\'s tables it is read from'),
    parts: z.array(BudgetPart),
    reconciled: z.boolean().nullable().describe('true: every printed total and parent line equals the sum of its lines; false: one does not (see diagnostics); null: nothing to check'),
  })
  .meta({ id: 'BudgetTable' });

export const QuotedFigure = z
  .object({
    subject: z.enum(['income-total', 'expense-total', 'general-public', 'three-public']).describe('What the prose says the figure is: 收入预算 / 支出预算 (总计), 一般公共预算 (当年) 拨款, "三公"经费预算'),
    text: z.string().describe('The phrase as printed, white space removed: 2026年收入预算99,230.46万元'),
    raw: z.string().describe('The figure as printed, with its unit'),
    yuan: z.number().nullable().describe('Exact yuan (decimal shift)'),
    page: z.number().int().positive().nullable(),
    paragraph: z.number().int().positive().describe('1-based paragraph of the file'),
    sheet: z.string().optional().describe('.xlsx: the sheet the paragraph stands in'),
    ref: z.string().optional().describe('.xlsx: the A1 reference of the cell that holds the paragraph'),
  })
  .meta({ id: 'QuotedFigure' });

export const Document = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    generator: Generator,
    source: Source,
    status: DocumentStatus,
    fiscalYear: z.number().int().nullable(),
    fiscalYearSource: FiscalYearSource.nullable().describe('Where fiscalYear came from'),
    department: Department.nullable(),
    overview: z.array(OverviewSection),
    projects: z.array(Project),
    tables: z.array(BudgetTable).default([]).describe('The standard budget tables (部门预算公开表) as line items'),
    quotedFigures: z.array(QuotedFigure).default([]).describe('Figures the prose quotes from the standard tables, checked against them'),
    diagnostics: z.array(Diagnostic),
  })
  .meta({ title: 'yusuan document' });

export type Severity = z.infer<typeof Severity>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Department = z.infer<typeof Department>;
export type Amount = z.infer<typeof Amount>;
export type Budget = z.infer<typeof Budget>;
export type LabelledAmount = z.infer<typeof LabelledAmount>;
export type RecordKind = z.infer<typeof RecordKind>;
export type Evaluation = z.infer<typeof Evaluation>;
export type SchedulePoint = z.infer<typeof SchedulePoint>;
export type TargetKind = z.infer<typeof TargetKind>;
export type TargetOperator = z.infer<typeof TargetOperator>;
export type TargetDirection = z.infer<typeof TargetDirection>;
export type Target = z.infer<typeof Target>;
export type Basis = z.infer<typeof Basis>;
export type Indicator = z.infer<typeof Indicator>;
export type Project = z.infer<typeof Project>;
export type OverviewSection = z.infer<typeof OverviewSection>;
export type Source = z.infer<typeof Source>;
export type DocumentStatus = z.infer<typeof DocumentStatus>;
export type FiscalYearSource = z.infer<typeof FiscalYearSource>;
export type Document = z.infer<typeof Document>;
export type BudgetTableKind = z.infer<typeof BudgetTableKind>;
export type ClassificationScheme = z.infer<typeof ClassificationScheme>;
export type LineValue = z.infer<typeof LineValue>;
export type LineClassification = z.infer<typeof LineClassification>;
export type BudgetLine = z.infer<typeof BudgetLine>;
export type BudgetMeasure = z.infer<typeof BudgetMeasure>;
export type BudgetPart = z.infer<typeof BudgetPart>;
export type BudgetTable = z.infer<typeof BudgetTable>;
export type QuotedFigure = z.infer<typeof QuotedFigure>;
