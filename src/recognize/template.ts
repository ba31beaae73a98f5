/**
 * What a template is: data, not code. A template names the labels a region's tables print
 * for each field of a project and each column of its indicator block; the shared engine
 * (scan-table.ts, indicator-rows.ts, assemble.ts) applies them. Adding a region's layout means
 * adding one file under templates/ and listing it in templates/index.ts.
 */
/** Fields of a project printed as label → value. */
export type FieldRole =
  | 'code'
  | 'name'
  | 'department'
  | 'implementer'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'carryover'
  | 'goal'
  /** The goal for the whole implementation period (实施期总目标), printed beside the annual one (年度总目标). */
  | 'midTermGoal'
  /** 实际完成情况: what a self-evaluation says was achieved, beside the goal (预期目标). */
  | 'outcome'
  | 'purpose'
  /** A unit or department code printed in its own cell or column (单位编码 `106001`, 部门预算编码 `301`). */
  | 'departmentCode'
  /** A funding source beyond total / fiscal / other / carryover, kept with its label (财政专户拨款, 市级支出, 中央财政资金). */
  | 'source'
  /** A block label spanning rows that hold the amounts; other text in those rows is the purpose (Hebei 预算规模及资金用途). */
  | 'budgetBlock'
  /** A block label spanning a row of period labels and a row of cumulative percents (Hebei 资金支出计划（%）). */
  | 'scheduleBlock';

/** Columns of an indicator block, found by the labels of its header row. */
export type ColumnRole =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'description'
  | 'target'
  | 'operator'
  | 'unit'
  | 'weight'
  | 'basis'
  /** 备注: free remarks (Changsha prints scores there; they are kept as printed, not guessed to be weights). */
  | 'notes'
  /** 评（扣）分标准: how the indicator is scored. */
  | 'scoringRule'
  /** 指标值内容: the target restated in words beside the bare number. */
  | 'targetText'
  /** 是否核心: 是/否. */
  | 'core'
  /** 活动: the activity a department-wide indicator measures (Beijing 预算13表). */
  | 'activity'
  /**
   * 绩效指标: by its place, the 三级 name column (beside 活动 / 指标性质), all of a project's
   * indicators serialized in one cell (beside 项目名称 and 绩效目标, no level columns), or a
   * caption over the block (merged down, or over the level columns): see scan-table.ts.
   */
  | 'indicatorLabel'
  /** Self-evaluations: 实际完成值, the value achieved. */
  | 'actual'
  /** Self-evaluations: 得分, the score given. */
  | 'score'
  /** Self-evaluations: 偏差原因分析及改进措施, why the value differs from the target. */
  | 'deviation';

/**
 * Columns of an amount grid (self-evaluations): 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
 * 执行率 | 得分 over the rows 年度资金总额 / 其中：财政拨款 / 上年结转 / 其他资金.
 */
export type GridRole = 'initialBudget' | 'adjustedBudget' | 'executed' | 'rateWeight' | 'rate' | 'score';

export interface Template {
  /** Stable id, written to each project's `template` field. */
  id: string;
  /** Where the layout is used, for people. */
  description: string;
  fields: { readonly [R in FieldRole]?: readonly string[] };
  columns: { readonly [R in ColumnRole]?: readonly string[] };
  /** Labels that mark a table as something else wherever they stand, e.g. a self-evaluation (实际完成值, 得分). */
  rejectLabels: readonly string[];
  /**
   * Labels that are printed but hold no data of their own (执行率分值（10分）, 序号, 绩效指标 as a
   * merged caption): known, so a header holding them is not reported as having unread columns.
   */
  captionLabels?: readonly string[];
  /** Column labels of an amount grid, where the template has one (see GridRole). */
  amountGrid?: { readonly [R in GridRole]?: readonly string[] };
  /** The unit assumed, with a warning, when no caption or label states one. */
  defaultUnit: '万元' | '元' | null;
}
