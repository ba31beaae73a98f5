/**
 * One table → the segments it holds, by labels and neighbourhood, never by fixed row or
 * column numbers: runs of label/value rows (a project's fields), indicator blocks (a header
 * row naming ≥ 3 indicator columns, then data rows), and caption cells (department, unit).
 * A table may hold several segments: the central layout puts fields and indicators in one
 * table, some regions put several projects in one continuous table.
 */
import { rowCells, type Cell, type Table } from '../read/model.js';
import { isUnitLine, mentionsUnit, parseDepartmentLine, splitCaption } from './captions.js';
import { readIndicatorRows, type ColumnMap } from './indicator-rows.js';
import { LabelTable } from './labels.js';
import { locatedCell, type Located, type RawDepartment, type RawIndicator } from './records.js';
import type { ColumnRole, FieldRole, Template } from './template.js';

export type ValueRole = Exclude<FieldRole, 'budgetBlock' | 'scheduleBlock'>;

export interface FieldsSegment {
  kind: 'fields';
  values: Partial<Record<ValueRole, Located>>;
  schedule: { labels: Located[]; percents: Located[] } | null;
  /** A label that states the amount unit itself, e.g. `项目资金（万元）`. */
  unit: Located | null;
  firstRow: number;
}

export interface IndicatorsSegment {
  kind: 'indicators';
  /** As printed; levels are inherited when the rows are assembled into a project. */
  rows: RawIndicator[];
  headerRow: number;
  /** Header texts of columns no role claims (序号, 说明): their cells are not read. */
  ignoredColumns: string[];
}

export type Segment = FieldsSegment | IndicatorsSegment;

export interface TableScan {
  template: Template;
  segments: Segment[];
  department: { value: RawDepartment; at: Located } | null;
  unit: Located | null;
  /** Labels recognized, to choose between templates. */
  score: number;
  /** Set when a label marks the table as something else (e.g. a self-evaluation). */
  rejectedBy: string | null;
}

interface Labels {
  fields: LabelTable<FieldRole>;
  columns: LabelTable<ColumnRole>;
  reject: LabelTable<'reject'>;
}

const labelCache = new WeakMap<Template, Labels>();

function labelsOf(template: Template): Labels {
  let labels = labelCache.get(template);
  if (!labels) {
    labels = {
      fields: new LabelTable(template.fields),
      columns: new LabelTable(template.columns),
      reject: new LabelTable({ reject: template.rejectLabels }),
    };
    labelCache.set(template, labels);
  }
  return labels;
}

/** A header row names at least three indicator columns, one of them 三级指标 or 指标值. */
function headerColumns(table: Table, row: number, labels: Labels): ColumnMap | null {
  const columns: ColumnMap = new Map();
  for (const cell of rowCells(table, row)) {
    const role = labels.columns.match(cell.text);
    if (role && !columns.has(role)) columns.set(role, cell.column);
  }
  if (columns.size < 3 || !(columns.has('level3') || columns.has('target'))) return null;
  return columns;
}

/**
 * How many of a table's cells are labels a template knows: a cheap first look that picks
 * the template to scan the table with, instead of scanning it with every template.
 */
export function labelCount(table: Table, template: Template): number {
  const labels = labelsOf(template);
  let count = 0;
  for (const cell of table.cells) {
    if (labels.fields.match(cell.text) !== null || labels.columns.match(cell.text) !== null || labels.reject.match(cell.text) !== null) count++;
  }
  return count;
}

export function scanTable(table: Table, template: Template): TableScan {
  const labels = labelsOf(template);
  const scan: TableScan = { template, segments: [], department: null, unit: null, score: 0, rejectedBy: null };
  const consumed = new Set<Cell>();
  const isLabel = (cell: Cell): boolean => labels.fields.match(cell.text) !== null || labels.columns.match(cell.text) !== null;
  let fields: FieldsSegment | null = null;
  const budgetBlocks: Cell[] = [];

  const rejecting = rejectingLabel(table, labels);
  if (rejecting) {
    scan.rejectedBy = rejecting;
    return scan;
  }

  for (let r = 0; r < table.rowCount; r++) {
    const columns = headerColumns(table, r, labels);
    if (columns) {
      let end = r + 1;
      while (end < table.rowCount && !startsNewSegment(table, end, labels)) end++;
      scan.segments.push({ kind: 'indicators', rows: readIndicatorRows(table, r + 1, end, columns), headerRow: r, ignoredColumns: unreadColumns(table, r, columns) });
      scan.score += columns.size;
      fields = null;
      r = end - 1;
      continue;
    }
    for (const cell of rowCells(table, r)) {
      if (cell.row !== r || consumed.has(cell)) continue;
      const role = labels.fields.match(cell.text);
      if (!role) continue;
      consumed.add(cell);
      scan.score++;
      // A second 项目编码 or 项目名称 starts the next project of a continuous table.
      const repeats = (role === 'code' || role === 'name') && fields?.values[role] !== undefined;
      if (!fields || repeats) {
        fields = { kind: 'fields', values: {}, schedule: null, unit: null, firstRow: r };
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
      const value = valueOf(table, cell, isLabel, consumed);
      if (value) consumed.add(value);
      if (!fields.values[role]) fields.values[role] = value ? locatedCell(table, value) : { ...locatedCell(table, cell), text: '' };
    }
  }

  // The purpose is the text in a budget block's rows that is neither a label nor a value.
  for (const block of budgetBlocks) {
    const segment = scan.segments.findLast((s): s is FieldsSegment => s.kind === 'fields' && s.firstRow <= block.row);
    if (!segment || segment.values.purpose) continue;
    for (let r = block.row; r < block.row + block.rowSpan; r++) {
      const rest = rowCells(table, r).filter((c) => c.row === r && c.column > block.column && !consumed.has(c) && c.text !== '' && !isLabel(c));
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
 * Header cells that start in the header row and name no role. A label merged down over
 * the whole block (the central form's 绩效指标) is a caption, not a column.
 */
function unreadColumns(table: Table, headerRow: number, columns: ColumnMap): string[] {
  const claimed = new Set(columns.values());
  return rowCells(table, headerRow)
    .filter((cell) => cell.row === headerRow && cell.rowSpan === 1 && cell.text !== '' && !claimed.has(cell.column))
    .map((cell) => cell.text);
}

/**
 * Indicator rows end at a new header row, or where a row names the next project
 * (项目编码, 项目名称). Other field labels may well be indicator names (a 三级指标 `预算数`
 * under 成本指标), so they do not end the block.
 */
function startsNewSegment(table: Table, row: number, labels: Labels): boolean {
  if (headerColumns(table, row, labels)) return true;
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
  if (isLabel(below) || consumed.has(below) || rowCells(table, belowRow).some(isLabel)) return null;
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
