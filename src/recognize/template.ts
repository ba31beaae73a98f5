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
  | 'purpose'
  /** A block label spanning rows that hold the amounts; other text in those rows is the purpose (Hebei 预算规模及资金用途). */
  | 'budgetBlock'
  /** A block label spanning a row of period labels and a row of cumulative percents (Hebei 资金支出计划（%）). */
  | 'scheduleBlock';

/** Columns of an indicator block, found by the labels of its header row. */
export type ColumnRole = 'level1' | 'level2' | 'level3' | 'description' | 'target' | 'operator' | 'unit' | 'weight' | 'basis';

export interface Template {
  /** Stable id, written to each project's `template` field. */
  id: string;
  /** Where the layout is used, for people. */
  description: string;
  fields: { readonly [R in FieldRole]?: readonly string[] };
  columns: { readonly [R in ColumnRole]?: readonly string[] };
  /** Labels that mark a table as something else wherever they stand, e.g. a self-evaluation (实际完成值, 得分). */
  rejectLabels: readonly string[];
  /** The unit assumed, with a warning, when no caption or label states one. */
  defaultUnit: '万元' | '元' | null;
}
