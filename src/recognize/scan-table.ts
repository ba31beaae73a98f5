/**
 * One table → the segments it holds, by labels and neighbourhood, never by fixed row or
 * column numbers: runs of label/value rows (a project's fields), indicator blocks (a header
 * naming ≥ 3 indicator columns, then data rows), project lists (a header naming project
 * columns such as 项目名称 and 绩效目标, each project's cells merged down over its rows), and
 * caption cells (department, unit). A table may hold several segments: the central layout
 * puts fields and indicators in one table, some regions put several projects in one
 * continuous table.
 */
import { rowCells, type Cell, type Table } from '../read/model.js';
import { isUnitLine, mentionsUnit, parseDepartmentLine, splitCaption } from './captions.js';
import { readIndicatorRow, readIndicatorRows, type ColumnMap } from './indicator-rows.js';
import { LabelTable, matchKey } from './labels.js';
import { locatedCell, type Located, type RawDepartment, type RawExecution, type RawIndicator, type RawSource, type RawTask } from './records.js';
import { splitSerializedIndicators } from './serialized.js';
import type { ColumnRole, FieldRole, GridRole, Template } from './template.js';

export type ValueRole = Exclude<FieldRole, 'budgetBlock' | 'scheduleBlock' | 'source'>;

export interface FieldsSegment {
  kind: 'fields';
  values: Partial<Record<ValueRole, Located>>;
  /** The label each value was read under. */
  labels: Partial<Record<ValueRole, string>>;
  /** Funding sources beyond the four budget fields, with the label they are printed under. */
  sources: RawSource[];
  schedule: { labels: Located[]; percents: Located[] } | null;
  /** A label that states the amount unit itself, e.g. `项目资金（万元）`. */
  unit: Located | null;
  /** A self-evaluation's budget execution (the 年度资金总额 row of its amount grid). */
  execution: RawExecution | null;
  /** A department's tasks, and the 金额合计 row under them. */
  tasks: RawTask[];
  taskTotal: RawTask | null;
  firstRow: number;
}

export interface IndicatorsSegment {
  kind: 'indicators';
  header: HeaderBlock;
  /** True when the table prints no header of its own and continues the block of the table before it. */
  continued?: boolean;
  /** True when the header's columns were taken from the table before (its own cells are overprinted). */
  overprinted?: boolean;
  /** As printed; levels are inherited when the rows are assembled into a project. */
  rows: RawIndicator[];
  headerRow: number;
  /** Header texts of columns no role claims (说明): their cells are not read. */
  ignoredColumns: string[];
}

/** One data row of a project list: the project cells it lies under and its indicators. */
export interface ListRow {
  /** 0-based grid row. */
  row: number;
  /** The origin cell of the row's project name (else code) column: rows under one merged cell are one project. */
  identity: Cell | null;
  fields: Partial<Record<ValueRole, Located>>;
  sources: RawSource[];
  indicators: RawIndicator[];
  /** Text of a serialized indicator cell that no item accounts for. */
  unread: string[];
  /** True for the first data row of the table on its page (a project cut by a page break continues there). */
  pageStart: boolean;
}

export interface ListSegment {
  kind: 'list';
  header: HeaderBlock;
  continued?: boolean;
  overprinted?: boolean;
  rows: ListRow[];
  headerRow: number;
  ignoredColumns: string[];
}

export type Segment = FieldsSegment | IndicatorsSegment | ListSegment;

/** The columns a header names: indicator columns, project columns (lists), and where it ends. */
export interface HeaderBlock {
  first: number;
  last: number;
  columns: ColumnMap;
  fields: Map<ValueRole, number>;
  /** Source columns of a list, with their labels. */
  sources: { column: number; label: string }[];
  /** The column holding each project's indicators serialized in one cell (Guangzhou). */
  serialized: number | null;
  /** The header's labels by column, to tell a continuation with the same columns. */
  signature: string;
  columnCount: number;
  /** A header label stating the amount unit (`年度资金总额(万元)`, `预算数（万元）`). */
  unit: Located | null;
  /** The grid columns each cell of the header's last row covers, left to right. */
  groups: { from: number; to: number }[];
}

export interface TableScan {
  template: Template;
  segments: Segment[];
  department: { value: RawDepartment; at: Located } | null;
  unit: Located | null;
  /** Labels recognized, to choose between templates. */
  score: number;
  /** Set when a label marks the table as something else (e.g. a self-evaluation). */
  rejectedBy: string | null;
  /** A title printed in the table's own first row (`长春市信访局2026年项目支出绩效目标表…`). */
  title: Located | null;
}

interface Labels {
  fields: LabelTable<FieldRole>;
  columns: LabelTable<ColumnRole>;
  reject: LabelTable<'reject'>;
  captions: LabelTable<'caption'>;
  grid: LabelTable<GridRole>;
  /** The keys labelCount counts: those of fields, columns and grid together. */
  counted: ReadonlySet<string>;
}

const labelCache = new WeakMap<Template, Labels>();

function labelsOf(template: Template): Labels {
  let labels = labelCache.get(template);
  if (!labels) {
    const fields = new LabelTable(template.fields);
    const columns = new LabelTable(template.columns);
    const grid = new LabelTable(template.amountGrid ?? {});
    labels = {
      fields,
      columns,
      reject: new LabelTable({ reject: template.rejectLabels }),
      captions: new LabelTable({ caption: template.captionLabels ?? [] }),
      grid,
      counted: new Set([...fields.keys(), ...columns.keys(), ...grid.keys()]),
    };
    labelCache.set(template, labels);
  }
  return labels;
}

function isAnyLabel(cell: Cell, labels: Labels): boolean {
  return labels.fields.match(cell.text) !== null || labels.columns.match(cell.text) !== null || labels.captions.match(cell.text) !== null || labels.grid.match(cell.text) !== null;
}

/** An amount grid's header row: three or more of its column labels (年初预算数 | 全年预算数 | 全年执行数 …). */
function gridColumns(table: Table, r: number, labels: Labels): Map<GridRole, number> | null {
  const columns = new Map<GridRole, number>();
  for (const cell of rowCells(table, r)) {
    if (cell.row !== r) continue;
    const role = labels.grid.match(cell.text);
    if (role && !columns.has(role)) columns.set(role, cell.column);
  }
  return columns.size >= 3 && (columns.has('adjustedBudget') || columns.has('initialBudget')) ? columns : null;
}

const GRID_LABEL: Record<GridRole, string> = { initialBudget: '年初预算数', adjustedBudget: '全年预算数', executed: '全年执行数', rateWeight: '分值', rate: '执行率', score: '得分' };

/** The year's budget of a grid row: 全年预算数 (the adjusted budget), else 年初预算数. */
const GRID_BUDGET: readonly GridRole[] = ['adjustedBudget', 'initialBudget'];

/**
 * A header starting at row `r`: either a row naming three indicator columns, one of them
 * 三级指标 or 指标值 (as before), or a row of nothing but labels naming a project column
 * (项目名称, 项目编码) and 绩效目标 or a serialized 绩效指标 column (project lists with no
 * level columns). A header may take several rows (`其中：` over 财政资金 | 其他资金, 绩效指标 over
 * 一级指标 …): its extent is that of its label cells, and each column takes the deepest
 * label printed over it.
 */
export function readHeader(table: Table, r: number, labels: Labels): HeaderBlock | null {
  const cells = rowCells(table, r);
  let columnRoles = 0;
  let nameLike = false;
  let goalLike = false;
  let allLabels = true;
  const seen = new Set<ColumnRole>();
  for (const cell of cells) {
    const column = labels.columns.match(cell.text);
    const field = labels.fields.match(cell.text);
    if (column && !seen.has(column)) {
      seen.add(column);
      columnRoles++;
    }
    if (field === 'name' || field === 'code') nameLike = true;
    if (field === 'goal' || column === 'indicatorLabel') goalLike = true;
    if (cell.row === r && cell.text !== '' && !column && !field && labels.captions.match(cell.text) === null) allLabels = false;
  }
  const indicatorHeader = columnRoles >= 3 && (seen.has('level3') || seen.has('target') || seen.has('indicatorLabel'));
  const listHeader = nameLike && goalLike && allLabels && cells.length >= 3;
  if (!indicatorHeader && !listHeader) return null;

  // Extent: the rows the label cells of this row cover, but not a caption merged down over the block.
  let first = r;
  let last = r;
  for (const cell of cells) {
    const column = labels.columns.match(cell.text);
    const field = labels.fields.match(cell.text);
    if ((!column || column === 'indicatorLabel') && !field) continue;
    // A label merged down past this row (a vertical 整体绩效目标 beside the block) is a caption of the block.
    if (cell.row !== r && cell.row + cell.rowSpan - 1 > r) continue;
    first = Math.min(first, cell.row);
    if (column !== 'indicatorLabel') last = Math.max(last, cell.row + cell.rowSpan - 1);
  }
  const columns: ColumnMap = new Map();
  const fields = new Map<ValueRole, number>();
  const sources: { column: number; label: string }[] = [];
  let indicatorLabel: Cell | null = null;
  let unit: Located | null = null;
  const signature: string[] = [];
  for (let c = 0; c < table.columnCount; c++) {
    let deepest = null as { cell: Cell; column: ColumnRole | null; field: FieldRole | null } | null;
    for (let row = first; row <= last; row++) {
      const cell = table.grid[row]?.[c] ?? null;
      if (!cell || cell.row + cell.rowSpan - 1 > last) continue;
      const column = labels.columns.match(cell.text);
      const field = labels.fields.match(cell.text);
      if (column || field) deepest = { cell, column, field };
    }
    const split = splitColumnAt(table, c, first, last, labels);
    if (split) {
      signature.push(split.role);
      if (split.role === 'source') sources.push({ column: c, label: split.label });
      else if (!fields.has(split.role)) fields.set(split.role, c);
      continue;
    }
    signature.push(deepest ? (deepest.column ?? deepest.field ?? '') : '');
    if (!deepest || deepest.cell.column !== c) continue;
    const { cell, column, field } = deepest;
    if (field && !unit && mentionsUnit(cell.text)) unit = locatedCell(table, cell);
    if (column === 'indicatorLabel') indicatorLabel = cell;
    else if (column) {
      if (!columns.has(column)) columns.set(column, c);
    } else if (field === 'source') sources.push({ column: c, label: cell.text });
    else if (field && field !== 'budgetBlock' && field !== 'scheduleBlock' && !fields.has(field)) fields.set(field, c);
  }
  let serialized: number | null = null;
  if (indicatorLabel) {
    const levels = columns.has('level1') || columns.has('level2') || columns.has('level3');
    // A caption, not a column: merged down past the header, or printed over header rows of its own.
    const spansBlock = indicatorLabel.row + indicatorLabel.rowSpan - 1 !== last;
    if (!levels && !spansBlock && (columns.has('target') || columns.has('operator'))) columns.set('level3', indicatorLabel.column);
    else if (!levels && !spansBlock && !columns.has('target') && (fields.has('name') || fields.has('code'))) serialized = indicatorLabel.column;
  }
  if (!indicatorHeader && serialized === null && !fields.has('goal')) return null;
  const groups = rowCells(table, last).map((cell) => ({ from: cell.column, to: cell.column + cell.colSpan }));
  return { first, last, columns, fields, sources, serialized, signature: signature.join('|'), columnCount: table.columnCount, unit, groups };
}

/**
 * A column under an amount label that spans several columns over a row of sub-labels, one
 * of them its whole (Guangzhou 财政拨款 › 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算):
 * the 合计 column is the label's amount, the others are sources labelled `财政拨款-一般公共预算`
 * (whatever role their own text has elsewhere). Null when the label does not span such a row.
 */
function splitAmountColumn(table: Table, label: Cell, role: FieldRole, c: number, last: number, labels: Labels): { role: AmountRole; label: string } | null {
  if (label.colSpan < 2 || !isAmountRole(role) || role === 'source') return null;
  const subRow = label.row + label.rowSpan;
  if (subRow > last) return null;
  const subs = rowCells(table, subRow).filter((cell) => cell.row === subRow && cell.column >= label.column && cell.column + cell.colSpan <= label.column + label.colSpan);
  if (!subs.some((cell) => SUBTOTAL.test(cell.text.trim()))) return null;
  const sub = subs.find((cell) => cell.column <= c && c < cell.column + cell.colSpan);
  if (!sub || sub.text.trim() === '') return null;
  if (SUBTOTAL.test(sub.text.trim())) return { role, label: label.text };
  // A sub-label that names a source by itself (一般公共预算) keeps its text; one that does not (基本支出) is prefixed.
  return { role: 'source', label: labels.fields.match(sub.text) !== null ? sub.text : `${label.text}-${sub.text}` };
}

/** The split of column c by a spanning amount label in header rows first..last, if any. */
function splitColumnAt(table: Table, c: number, first: number, last: number, labels: Labels): { role: AmountRole; label: string } | null {
  for (let row = first; row < last; row++) {
    const cell = table.grid[row]?.[c] ?? null;
    if (!cell || cell.row !== row) continue;
    const role = labels.fields.match(cell.text);
    const split = role ? splitAmountColumn(table, cell, role, c, last, labels) : null;
    if (split) return split;
  }
  return null;
}

/** The matchKey of each of a table's cells, in table.cells order: what labelCount takes. */
export function cellKeys(table: Table): (string | null)[] {
  return table.cells.map((cell) => matchKey(cell.text));
}

/**
 * How many of a table's cells are labels a template knows (as a field, a column or an
 * amount-grid label): a cheap first look that picks the template to scan the table with,
 * instead of scanning it with every template. Given the cells' keys (cellKeys), computed
 * once for all templates.
 */
export function labelCount(keys: readonly (string | null)[], template: Template): number {
  const { counted } = labelsOf(template);
  let count = 0;
  // Reject labels do not count: a template that reads self-evaluations must win over one that rejects them.
  for (const key of keys) if (key !== null && counted.has(key)) count++;
  return count;
}

/** Rows a header may take below its first row (三 rows: 年度预算申请 › 按收入性质分 › 一般公共预算). */
const HEADER_DEPTH = 3;

/** The header read at a row of the table being scanned, each row read once per scan. */
type HeaderAt = (row: number) => HeaderBlock | null;

function headerReader(table: Table, labels: Labels): HeaderAt {
  const read = new Map<number, HeaderBlock | null>();
  return (row) => {
    let header = read.get(row);
    if (header === undefined) {
      header = readHeader(table, row, labels);
      read.set(row, header);
    }
    return header;
  };
}

/**
 * The header that starts at row r, found from the row that names its columns: a header of
 * several rows is recognized at its lowest row (一级指标 …) but starts at its top one.
 */
function headerFrom(table: Table, r: number, headerAt: HeaderAt): HeaderBlock | null {
  for (let row = r; row < Math.min(table.rowCount, r + HEADER_DEPTH); row++) {
    const header = headerAt(row);
    if (header && header.first <= r) return header;
  }
  return null;
}

export interface ScanOptions {
  /**
   * The header of the project list this table may continue (the previous table's): a page
   * whose header cells are overprinted by text overflowing from a merged cell keeps the
   * columns it had, when the rest of its header names the same columns in the same places.
   */
  continuing?: HeaderBlock | null;
  /**
   * The header of the block this table continues when it prints none (a table cut by a page
   * break, the rest on the next page without a repeated header): used only when the table
   * names no label at all and has that header's columns. The caller decides that the table
   * is a continuation (next page, nothing but titles between).
   */
  continuation?: HeaderBlock | null;
}

export function scanTable(table: Table, template: Template, options: ScanOptions = {}): TableScan {
  const labels = labelsOf(template);
  const scan: TableScan = { template, segments: [], department: null, unit: null, score: 0, rejectedBy: null, title: null };
  const consumed = new Set<Cell>();
  const isLabel = (cell: Cell): boolean => labels.fields.match(cell.text) !== null || labels.columns.match(cell.text) !== null;
  let fields: FieldsSegment | null = null;
  const budgetBlocks: Cell[] = [];
  // The amount grid in force: its column labels' columns, until the next header or grid.
  let grid: Map<GridRole, number> | null = null;

  const rejecting = rejectingLabel(table, labels);
  if (rejecting) {
    scan.rejectedBy = rejecting;
    return scan;
  }

  const headerAt = headerReader(table, labels);
  // The list header a later header may continue: the previous table's, then the last one of
  // this table (a list printed as one table repeats its header on every page, overprinted too).
  let continuing = options.continuing ?? null;
  for (let r = 0; r < table.rowCount; r++) {
    const own = headerFrom(table, r, headerAt);
    const header = own ? inheritColumns(own, continuing) : null;
    if (header) {
      const overprinted = header !== own;
      let end = header.last + 1;
      while (end < table.rowCount && !startsNewSegment(table, end, labels, headerAt)) end++;
      const headerCells = new Set<Cell>();
      for (let row = header.first; row <= header.last; row++) for (const cell of rowCells(table, row)) headerCells.add(cell);
      for (const cell of headerCells) consumed.add(cell);
      const ignoredColumns = unreadColumns(table, header, labels);
      if (isListHeader(header)) {
        continuing = header;
        scan.segments.push({ kind: 'list', header, rows: readListRows(table, header, header.last + 1, end), headerRow: header.first, ignoredColumns, overprinted });
        for (let row = header.last + 1; row < end; row++) for (const cell of rowCells(table, row)) consumed.add(cell);
      } else {
        scan.segments.push({ kind: 'indicators', header, rows: readIndicatorRows(table, header.last + 1, end, header.columns), headerRow: header.first, ignoredColumns, overprinted });
      }
      scan.score += header.columns.size + header.fields.size;
      fields = null;
      grid = null;
      r = end - 1;
      continue;
    }
    const tasks = taskHeader(table, r);
    if (tasks) {
      if (!fields) {
        fields = { kind: 'fields', values: {}, labels: {}, sources: [], schedule: null, unit: null, execution: null, tasks: [], taskTotal: null, firstRow: r };
        scan.segments.push(fields);
      }
      const end = readTasks(table, tasks, fields, consumed, labels, headerAt);
      fields.unit ??= tasks.unit;
      scan.score += tasks.columns.size;
      r = end - 1;
      continue;
    }
    const gridHere = gridColumns(table, r, labels);
    if (gridHere) {
      grid = gridHere;
      for (const cell of rowCells(table, r)) if (cell.row === r && labels.grid.match(cell.text)) consumed.add(cell);
    }
    for (const cell of rowCells(table, r)) {
      if (cell.row !== r || consumed.has(cell)) continue;
      const inline = inlineField(cell, labels);
      const role = inline?.role ?? labels.fields.match(cell.text);
      if (!role) {
        if (r === 0 && cell.colSpan === table.columnCount && /绩效|目标表|自评表/u.test(cell.text)) {
          scan.title = locatedCell(table, cell);
          consumed.add(cell);
        }
        continue;
      }
      consumed.add(cell);
      scan.score++;
      // A second 项目编码 or 项目名称 starts the next project of a continuous table.
      const repeats = (role === 'code' || role === 'name') && fields?.values[role] !== undefined;
      if (!fields || repeats) {
        fields = { kind: 'fields', values: {}, labels: {}, sources: [], schedule: null, unit: null, execution: null, tasks: [], taskTotal: null, firstRow: r };
        scan.segments.push(fields);
      }
      if (role === 'scheduleBlock') {
        fields.schedule = readSchedule(table, cell, consumed);
        continue;
      }
      if (mentionsUnit(cell.text)) fields.unit = locatedCell(table, cell);
      if (role === 'budgetBlock') {
        budgetBlocks.push(cell);
        continue;
      }
      let value: Located | null;
      const gridRow = grid && AMOUNT_ROLES.has(role) && role !== 'source' ? readGridRow(table, r, grid, consumed) : null;
      if (gridRow) {
        value = GRID_BUDGET.map((g) => gridRow[g]).find((l) => l !== undefined && l !== null) ?? null;
        if (role === 'total' && !fields.execution) fields.execution = executionOf(gridRow);
        else {
          // A source row's other columns are kept with their labels (`其中：财政拨款·年初预算数`).
          for (const g of ['initialBudget', 'executed'] as const) {
            const other = gridRow[g];
            if (other && other !== value && other.text.trim() !== '') fields.sources.push({ label: { ...locatedCell(table, cell), text: `${cell.text}·${GRID_LABEL[g]}` }, value: other });
          }
        }
      } else if (inline) value = { ...locatedCell(table, cell), text: inline.value };
      else {
        const valueCell = valueOf(table, cell, (c) => isLabel(c) || labels.captions.match(c.text) !== null || (AMOUNT_ROLES.has(role) && !looksLikeAmount(c.text)), consumed);
        if (valueCell) consumed.add(valueCell);
        value = valueCell ? locatedCell(table, valueCell) : null;
        if (!value && AMOUNT_ROLES.has(role)) {
          const split = subHeaderValues(table, cell, consumed);
          if (split) {
            value = split.value;
            fields.sources.push(...split.others);
          }
        }
      }
      if (role === 'source') {
        if (value && value.text !== '') fields.sources.push({ label: locatedCell(table, cell), value });
        continue;
      }
      // 实施期 (whole period) and 年度 (annual) amounts side by side: the annual one is the
      // year's budget, the other is kept as a labelled source.
      const existingLabel = fields.labels[role];
      if (fields.values[role] && existingLabel && /^实施期/u.test(existingLabel) && /^(?:其中[:：])?年度/u.test(cell.text) && value && value.text !== '') {
        fields.sources.push({ label: { ...locatedCell(table, cell), text: existingLabel }, value: fields.values[role] as Located });
        fields.values[role] = value;
        fields.labels[role] = cell.text;
        continue;
      }
      // A label repeated beside itself (a vertical 整体绩效目标 next to a horizontal one) has its value further right.
      const existing = fields.values[role];
      if (!existing || (existing.text === '' && value && value.text !== '')) {
        fields.values[role] = value ?? { ...locatedCell(table, cell), text: '' };
        fields.labels[role] = cell.text;
      }
    }
  }

  const continuation = options.continuation ?? null;
  // A 绩效指标 caption repeated on every row (Yantai) is no header of the table's own.
  const ownLabel = table.cells.some((c) => isLabel(c) && labels.columns.match(c.text) !== 'indicatorLabel');
  const header = scan.segments.length === 0 && scan.score === 0 && continuation && !ownLabel ? continuedHeader(continuation, table.columnCount) : null;
  if (header) {
    if (isListHeader(header)) scan.segments.push({ kind: 'list', header, continued: true, rows: readListRows(table, header, 0, table.rowCount), headerRow: 0, ignoredColumns: [] });
    else scan.segments.push({ kind: 'indicators', header, continued: true, rows: readIndicatorRows(table, 0, table.rowCount, header.columns), headerRow: 0, ignoredColumns: [] });
    for (const cell of table.cells) consumed.add(cell);
  }

  // The purpose is the text in a budget block's rows that is neither a label nor a value.
  for (const block of budgetBlocks) {
    const segment = scan.segments.findLast((s): s is FieldsSegment => s.kind === 'fields' && s.firstRow <= block.row);
    if (!segment || segment.values.purpose) continue;
    for (let r = block.row; r < block.row + block.rowSpan; r++) {
      const rest = rowCells(table, r).filter((c) => c.row === r && c.column > block.column && !consumed.has(c) && c.text !== '' && !isAnyLabel(c, labels));
      const longest = rest.sort((a, b) => b.colSpan - a.colSpan || b.text.length - a.text.length)[0];
      if (longest) {
        consumed.add(longest);
        segment.values.purpose = locatedCell(table, longest);
        break;
      }
    }
  }

  // Captions: unconsumed cells that read as a department line or a unit line.
  for (const cell of table.cells) {
    if (consumed.has(cell) || cell.text === '' || isLabel(cell)) continue;
    const parts = splitCaption(cell.text);
    const department = parts.department ? parseDepartmentLine(parts.department) : null;
    if (department && !scan.department) scan.department = { value: department, at: locatedCell(table, cell) };
    if (parts.unit && isUnitLine(parts.unit) && !scan.unit) scan.unit = { ...locatedCell(table, cell), text: parts.unit };
  }
  return scan;
}

/**
 * A header with project columns is a list: one row per indicator, the project cells merged
 * down over its rows. The project is named by 项目名称 or 项目编码; a department-wide list
 * (Changsha 部门整体: 单位编码 | 单位名称 | 资金总额 … | 整体绩效目标) by its department.
 */
function isListHeader(header: HeaderBlock): boolean {
  if (header.fields.has('name') || header.fields.has('code')) return true;
  return (header.fields.has('department') || header.fields.has('departmentCode')) && header.fields.has('goal');
}

/**
 * A header whose project columns are unreadable takes them from the list it continues,
 * when the columns it does read are the same ones in the same places.
 */
function inheritColumns(header: HeaderBlock, continuing: HeaderBlock | null): HeaderBlock {
  if (!continuing || continuing.columnCount !== header.columnCount) return header;
  const mine = header.signature.split('|');
  const theirs = continuing.signature.split('|');
  const agree = mine.every((role, i) => role === '' || role === theirs[i]);
  const shared = mine.filter((role) => role !== '').length;
  // Nothing to take when this header reads every column the other one does.
  const missing = mine.some((role, i) => role === '' && theirs[i] !== '');
  if (!agree || shared < 3 || !missing) return header;
  return { ...continuing, first: header.first, last: header.last };
}

type AmountRole = 'total' | 'fiscal' | 'other' | 'carryover' | 'source';
const AMOUNT_ROLES = new Set<FieldRole>(['total', 'fiscal', 'other', 'carryover', 'source']);

function isAmountRole(role: FieldRole): role is AmountRole {
  return AMOUNT_ROLES.has(role);
}

/** A sub-header that names the whole of the amount it stands under. */
const SUBTOTAL = /^(?:合\s*计|小\s*计|总\s*计)$/u;

/**
 * An amount label over a row of sub-labels over a row of amounts (Beijing 预算13表:
 * 财政拨款 › 合计 | 基本支出 | 项目支出): the amount under 合计 (else under the first sub-label)
 * is the label's value; the others are kept as sources labelled `财政拨款-基本支出`.
 */
function subHeaderValues(table: Table, label: Cell, consumed: Set<Cell>): { value: Located; others: RawSource[] } | null {
  const subRow = label.row + label.rowSpan;
  const subs = rowCells(table, subRow).filter((c) => c.row === subRow && c.column >= label.column && c.column + c.colSpan <= label.column + label.colSpan);
  if (subs.length === 0 || subs.some((c) => looksLikeAmount(c.text) && c.text.trim() !== '')) return null;
  const valueRow = subRow + Math.max(...subs.map((c) => c.rowSpan));
  const under = subs.map((sub) => ({ sub, cell: table.grid[valueRow]?.[sub.column] ?? null }));
  if (under.some(({ cell }) => !cell || cell.row !== valueRow || !looksLikeAmount(cell.text))) return null;
  const main = under.find(({ sub }) => SUBTOTAL.test(sub.text.trim())) ?? under[0];
  if (!main?.cell) return null;
  const others: RawSource[] = [];
  for (const { sub, cell } of under) {
    consumed.add(sub);
    if (!cell) continue;
    consumed.add(cell);
    if (sub !== main.sub && cell.text.trim() !== '') others.push({ label: { ...locatedCell(table, sub), text: `${label.text}-${sub.text}` }, value: locatedCell(table, cell) });
  }
  return { value: locatedCell(table, main.cell), others };
}

/** The cells of row r under each column of an amount grid. */
function readGridRow(table: Table, r: number, grid: Map<GridRole, number>, consumed: Set<Cell>): Partial<Record<GridRole, Located | null>> {
  const out: Partial<Record<GridRole, Located | null>> = {};
  for (const [role, column] of grid) {
    const cell = table.grid[r]?.[column] ?? null;
    if (!cell || cell.row !== r) continue;
    consumed.add(cell);
    out[role] = cell.text.trim() === '' ? null : locatedCell(table, cell);
  }
  return out;
}

function executionOf(row: Partial<Record<GridRole, Located | null>>): RawExecution {
  return {
    initialBudget: row.initialBudget ?? null,
    adjustedBudget: row.adjustedBudget ?? null,
    executed: row.executed ?? null,
    rateWeight: row.rateWeight ?? null,
    rate: row.rate ?? null,
    score: row.score ?? null,
  };
}

/**
 * Beside an amount label stands its amount, a blank, or a placeholder; a text with no digit
 * (`收入来源`, `执行率分值（10分）`) is the header of a grid of amounts, not the value.
 */
function looksLikeAmount(text: string): boolean {
  const t = text.trim();
  return t === '' || /[0-9０-９]/u.test(t) || /^[-—－/／无*＊]+$/u.test(t);
}

/**
 * The header of the block a headerless table continues, in that table's columns: the same
 * columns, or one column per header cell where the page before split a cell's column in two
 * (a 三级指标 spanning two grid columns there, one here).
 */
function continuedHeader(header: HeaderBlock, columnCount: number): HeaderBlock | null {
  if (header.columnCount === columnCount) return header;
  const groups = header.groups;
  if (groups.length !== columnCount) return null;
  const at = (column: number): number => groups.findIndex((g) => column >= g.from && column < g.to);
  const columns: ColumnMap = new Map([...header.columns].map(([role, column]) => [role, at(column)]));
  const fields = new Map([...header.fields].map(([role, column]) => [role, at(column)]));
  return {
    ...header,
    columns,
    fields,
    sources: header.sources.map((s) => ({ ...s, column: at(s.column) })),
    serialized: header.serialized === null ? null : at(header.serialized),
    columnCount,
    groups: Array.from({ length: columnCount }, (_, i) => ({ from: i, to: i + 1 })),
  };
}

/** Columns of a task table (年度主要任务 / 年度重点工作任务 of a department-wide table). */
type TaskRole = 'name' | 'content' | 'total' | 'fiscal' | 'other' | 'goal';

const TASK_LABELS = new LabelTable<TaskRole>({
  name: ['任务名称', '名称', '任务'],
  content: ['主要内容', '主要实施内容', '实施内容'],
  total: ['总额', '拟投入的资金', '预算金额', '金额', '资金总额'],
  fiscal: ['财政拨款'],
  other: ['其他资金'],
  goal: ['期望达到的目标', '期望达到的目标(概述)', '预期目标'],
});

/** The caption beside a task table, repeated at the top of a page it continues on. */
const TASK_CAPTION = /^(?:年度主要任务|年度重点工作任务|主要任务)(?:完成情况)?$/u;

/** Rows a total row of a task table starts with. */
const TASK_TOTAL = /^(?:金额合计|合\s*计|总\s*计)$/u;

interface TaskHeader {
  columns: Map<TaskRole, number>;
  /** A header label stating the unit (`预算金额（万元）`). */
  unit: Located | null;
  first: number;
  last: number;
}

/**
 * A task table's header at row r: a task name column and a content column (and amounts,
 * under a `预算金额（万元）` of their own, and a goal): the deepest label over each column.
 */
function taskHeader(table: Table, r: number): TaskHeader | null {
  const cells = rowCells(table, r).filter((c) => c.row === r);
  const roles = cells.map((c) => TASK_LABELS.match(c.text));
  if (!roles.includes('name') || !roles.includes('content')) return null;
  let last = r;
  let unit: Located | null = null;
  for (const cell of cells) {
    if (TASK_LABELS.match(cell.text)) last = Math.max(last, cell.row + cell.rowSpan - 1);
    if (!unit && mentionsUnit(cell.text)) unit = locatedCell(table, cell);
  }
  const columns = new Map<TaskRole, number>();
  for (let c = 0; c < table.columnCount; c++) {
    let role: TaskRole | null = null;
    let origin = -1;
    for (let row = r; row <= last; row++) {
      const cell = table.grid[row]?.[c] ?? null;
      const found = cell ? TASK_LABELS.match(cell.text) : null;
      if (cell && found && cell.column === c) {
        role = found;
        origin = cell.column;
      } else if (cell && found && cell.colSpan > 1 && row < last) role = null;
    }
    if (role && origin === c && !columns.has(role)) columns.set(role, c);
  }
  return { columns, first: r, last, unit };
}

/** The task rows under a task header, up to its 金额合计 row or the next label row; returns the row after them. */
function readTasks(table: Table, header: TaskHeader, fields: FieldsSegment, consumed: Set<Cell>, labels: Labels, headerAt: HeaderAt): number {
  for (let row = header.first; row <= header.last; row++) for (const cell of rowCells(table, row)) if (cell.row >= header.first) consumed.add(cell);
  let r = header.last + 1;
  for (; r < table.rowCount; r++) {
    const own = rowCells(table, r).filter((c) => c.row === r && c.text !== '');
    const first = own.find((c) => !TASK_CAPTION.test(c.text.replace(/\s+/gu, '')));
    if (headerAt(r)) break;
    const at = (role: TaskRole): Located | null => {
      const column = header.columns.get(role);
      const cell = column === undefined ? null : (table.grid[r]?.[column] ?? null);
      if (!cell || cell.row !== r || cell.text.trim() === '') return null;
      consumed.add(cell);
      return locatedCell(table, cell);
    };
    const task: RawTask = { name: at('name'), content: at('content'), total: at('total'), fiscal: at('fiscal'), other: at('other'), goal: at('goal'), at: { text: '', page: table.rowPages[r] ?? table.page, table: table.ordinal, row: r + 1, column: null } };
    if (first && TASK_TOTAL.test(first.text.replace(/\s+/gu, ''))) {
      consumed.add(first);
      fields.taskTotal = task;
      r++;
      break;
    }
    // A label of its own (年度总体目标, 其他需完成的任务) ends the task rows.
    if (first && (labels.fields.match(first.text) !== null || labels.columns.match(first.text) !== null || /任务（可选填）|任务\(可选填\)|其他需完成/u.test(first.text))) break;
    if (task.name || task.content) fields.tasks.push(task);
  }
  return r;
}

/** `主要政策任务：深化惠民殡葬改革…`: a label and its value printed in one cell. */
function inlineField(cell: Cell, labels: Labels): { role: FieldRole; value: string } | null {
  const m = /^([^：:]{2,12})[：:]\s*(\S[\s\S]*)$/u.exec(cell.text);
  if (!m || /^\s*其中/u.test(m[1] as string)) return null;
  const role = labels.fields.match(m[1] as string);
  if (!role || role === 'budgetBlock' || role === 'scheduleBlock') return null;
  return { role, value: m[2] as string };
}

/** The data rows of a project list, read through its header's columns. */
function readListRows(table: Table, header: HeaderBlock, from: number, to: number): ListRow[] {
  const out: ListRow[] = [];
  const identityColumn = header.fields.get('name') ?? header.fields.get('code') ?? header.fields.get('department') ?? header.fields.get('departmentCode') ?? null;
  for (let r = from; r < to; r++) {
    const gridRow = table.grid[r] ?? [];
    const fields: Partial<Record<ValueRole, Located>> = {};
    for (const [role, column] of header.fields) {
      const cell = gridRow[column] ?? null;
      if (cell && cell.text !== '') fields[role] = locatedCell(table, cell);
    }
    const sources: RawSource[] = [];
    for (const source of header.sources) {
      const cell = gridRow[source.column] ?? null;
      if (cell && cell.text !== '' && cell.row === r) sources.push({ label: { text: source.label, page: table.rowPages[header.first] ?? table.page, table: table.ordinal, row: header.first + 1, column: source.column + 1 }, value: locatedCell(table, cell) });
    }
    const indicators: RawIndicator[] = [];
    const unread: string[] = [];
    const single = readIndicatorRow(table, r, header.columns);
    if (single) indicators.push(single);
    if (header.serialized !== null) {
      const cell = gridRow[header.serialized] ?? null;
      if (cell && cell.row === r && cell.text !== '') {
        const split = splitSerializedIndicators(locatedCell(table, cell), table.ordinal, r + 1, table.rowPages[r] ?? table.page);
        indicators.push(...split.indicators);
        unread.push(...split.unread);
      }
    }
    const identity = identityColumn === null ? null : (gridRow[identityColumn] ?? null);
    const pageStart = r === from || (table.rowPages[r] !== undefined && table.rowPages[r] !== table.rowPages[r - 1]);
    out.push({ row: r, identity: identity && identity.text !== '' ? identity : null, fields, sources, indicators, unread, pageStart });
  }
  return out;
}

/**
 * Header cells that name no role and no known caption: their column is not read. A label
 * merged down over the whole block (the central form's 绩效指标) is a caption, not a column.
 */
function unreadColumns(table: Table, header: HeaderBlock, labels: Labels): string[] {
  const out: string[] = [];
  const seen = new Set<Cell>();
  for (let row = header.first; row <= header.last; row++) {
    for (const cell of rowCells(table, row)) {
      if (seen.has(cell) || cell.row < header.first || cell.text === '') continue;
      seen.add(cell);
      if (cell.rowSpan > header.last - cell.row + 1) continue;
      if (isAnyLabel(cell, labels)) continue;
      // A sub-label of an amount label split into 合计 and its parts (read as the amount or a source).
      if (splitColumnAt(table, cell.column, header.first, header.last, labels)) continue;
      // A group label over labelled columns (`其中：` over 财政资金 | 其他资金) names no column itself.
      const under = table.grid[cell.row + cell.rowSpan]?.[cell.column] ?? null;
      if (cell.row + cell.rowSpan - 1 < header.last && under && isAnyLabel(under, labels)) continue;
      out.push(cell.text);
    }
  }
  return out;
}

/**
 * Indicator rows end at a new header row, or where a row names the next project
 * (项目编码, 项目名称). Other field labels may well be indicator names (a 三级指标 `预算数`
 * under 成本指标), so they do not end the block.
 */
function startsNewSegment(table: Table, row: number, labels: Labels, headerAt: HeaderAt): boolean {
  if (headerAt(row)) return true;
  return rowCells(table, row).some((cell) => {
    if (cell.row !== row) return false;
    const role = labels.fields.match(cell.text);
    return role === 'code' || role === 'name';
  });
}

/**
 * A label that marks the table as something else (实际完成值, 得分, 执行率): only in a row of
 * labels — a header — since the same words can be an indicator's name in a data row.
 */
function rejectingLabel(table: Table, labels: Labels): string | null {
  for (let r = 0; r < table.rowCount; r++) {
    const cells = rowCells(table, r);
    const rejecting = cells.find((cell) => labels.reject.match(cell.text) !== null);
    if (!rejecting) continue;
    const otherLabels = cells.filter((cell) => cell !== rejecting && (labels.reject.match(cell.text) !== null || labels.fields.match(cell.text) !== null || labels.columns.match(cell.text) !== null));
    if (otherLabels.length > 0) return rejecting.text;
  }
  return null;
}

/**
 * The value of a label cell: the next cell to its right; when there is none, or it is
 * another label (values printed under a row of labels), the cell right below it, of the
 * same width, in a row that holds no label (a row of values).
 */
function valueOf(table: Table, label: Cell, isLabel: (c: Cell) => boolean, consumed: Set<Cell>): Cell | null {
  const right = table.grid[label.row]?.[label.column + label.colSpan] ?? null;
  if (right && right.row === label.row && !isLabel(right) && !consumed.has(right)) return right;
  if (right && !isLabel(right)) return null;
  const belowRow = label.row + label.rowSpan;
  const below = table.grid[belowRow]?.[label.column] ?? null;
  if (!below || below.row !== belowRow || below.column !== label.column || below.colSpan !== label.colSpan) return null;
  // A row of values holds no label of its own (a label merged down from above does not count).
  if (isLabel(below) || consumed.has(below) || rowCells(table, belowRow).some((c) => c.row === belowRow && isLabel(c))) return null;
  return below;
}

/**
 * A schedule block: the label spans a row of period labels (`3月底` …) and a row of
 * percents under them; each percent is paired with the label above it by column.
 */
function readSchedule(table: Table, block: Cell, consumed: Set<Cell>): { labels: Located[]; percents: Located[] } {
  const labelRow = block.row;
  const percentRow = block.row + 1;
  const labels: Located[] = [];
  const percents: Located[] = [];
  for (const cell of rowCells(table, labelRow)) {
    if (cell.row !== labelRow || cell.column <= block.column) continue;
    const under = table.grid[percentRow]?.[cell.column] ?? null;
    consumed.add(cell);
    labels.push(locatedCell(table, cell));
    if (under && under.row === percentRow && under !== block) {
      consumed.add(under);
      percents.push(locatedCell(table, under));
    } else {
      percents.push({ ...locatedCell(table, cell), row: percentRow + 1, text: '' });
    }
  }
  return { labels, percents };
}
