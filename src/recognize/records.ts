/**
 * What recognition produces: projects as the cells they were read from, text as printed,
 * each with its location. Normalization (src/normalize/) turns these into the SPEC
 * document; keeping the two apart means a recognizer never parses a number and a
 * normalizer never looks at a table.
 */
import type { RawBudgetTable } from './line-items.js';
import type { RawQuotedFigure } from './quoted-figures.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Cell, Table } from '../read/model.js';

/** A piece of printed text and where it stands. Rows and columns are 1-based. */
export interface Located {
  text: string;
  page: number | null;
  table: number | null;
  row: number | null;
  column: number | null;
}

export function locatedCell(table: Table, cell: Cell): Located {
  return {
    text: cell.text,
    page: table.rowPages[cell.row] ?? cell.page ?? table.page,
    table: table.ordinal,
    row: cell.row + 1,
    column: cell.column + 1,
  };
}

export function locatedParagraph(text: string, page: number | null): Located {
  return { text, page, table: null, row: null, column: null };
}

export interface RawIndicator {
  level1: Located | null;
  level2: Located | null;
  level3: Located | null;
  description: Located | null;
  target: Located | null;
  /** Operator and unit printed in their own columns (指标性质, 度量单位), where the template has them. */
  operator: Located | null;
  unit: Located | null;
  weight: Located | null;
  basis: Located | null;
  notes: Located | null;
  scoringRule: Located | null;
  targetText: Located | null;
  core: Located | null;
  activity: Located | null;
  /** The 实施周期 (whole-period) value printed beside the annual one (Guangzhou). */
  midTerm: Located | null;
  /** Self-evaluations: 实际完成值, 得分, 偏差原因分析及改进措施. */
  actual: Located | null;
  score: Located | null;
  deviation: Located | null;
  /** Whether the block has a 一级指标 column: single-level blocks (指标名称 only) have no levels to miss. */
  levelled: boolean;
  table: number;
  row: number;
  page: number | null;
}

/** A funding source printed under its own label (财政专户拨款, 市级支出). */
export interface RawSource {
  label: Located;
  value: Located;
}

/**
 * The kinds of target table, each a record of its own kind: project tables, special-fund
 * tables (专项资金绩效目标表), transfer-payment tables (转移支付), department-wide tables
 * (部门整体支出绩效目标表).
 */
export type RecordKind = 'project' | 'special-fund' | 'transfer-payment' | 'department' | 'self-evaluation' | 'evaluation-report';

/** One row of a department's task table (年度主要任务 / 年度重点工作任务). */
export interface RawTask {
  name: Located | null;
  content: Located | null;
  total: Located | null;
  fiscal: Located | null;
  other: Located | null;
  goal: Located | null;
  /** Where the row stands. */
  at: Located;
}

/** A self-evaluation's budget execution: the 年度资金总额 row of its amount grid. */
export interface RawExecution {
  initialBudget: Located | null;
  adjustedBudget: Located | null;
  executed: Located | null;
  rateWeight: Located | null;
  rate: Located | null;
  score: Located | null;
}

export interface RawDepartment {
  code: string | null;
  name: string | null;
}

export interface RawProject {
  kind: RecordKind;
  template: string;
  title: Located | null;
  code: Located | null;
  name: Located | null;
  department: RawDepartment | null;
  implementer: Located | null;
  /** The caption or label stating the amount unit (`单位：万元`, `项目资金（万元）`). */
  unit: Located | null;
  defaultUnit: '万元' | '元' | null;
  total: Located | null;
  fiscal: Located | null;
  other: Located | null;
  carryover: Located | null;
  sources: RawSource[];
  purpose: Located | null;
  goal: Located | null;
  midTermGoal: Located | null;
  /** Self-evaluations: 实际完成情况, the budget execution and the 总分 row. */
  outcome: Located | null;
  execution: RawExecution | null;
  /** Department-wide tables: the rows of 年度主要任务 / 年度重点工作任务. */
  tasks: RawTask[];
  totalScore: Located | null;
  schedule: { labels: Located[]; percents: Located[] } | null;
  indicators: RawIndicator[];
  tables: number[];
  page: number | null;
}

export interface RawOverviewSection {
  title: string;
  paragraphs: { text: string; item: boolean }[];
}

export interface Recognized {
  projects: RawProject[];
  /** The standard budget tables, as line items. */
  tables: RawBudgetTable[];
  /** Figures the prose quotes from the standard tables. */
  figures: RawQuotedFigure[];
  overview: RawOverviewSection[];
  /** Text of paragraphs that read as the document's title (for the fiscal year). */
  titles: string[];
  messages: Diagnostic[];
}
