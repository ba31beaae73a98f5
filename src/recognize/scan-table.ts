/**
 * One table → the segments it holds, by labels and neighbourhood, never by fixed row or
 * column numbers: runs of label/value rows (a project's fields), indicator blocks (a header
 * row naming ≥ 3 indicator columns, then data rows), and caption cells (department, unit).
 * A table may hold several segments: the central layout puts fields and indicators in one
 * table, some regions put several projects in one continuous table.
 */
import { rowCells, type Cell, type Table } from '../read/model.js';
import { isUnitLine, parseDepartmentLine, splitCaption } from './captions.js';
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
  rows: RawIndicator[];
  headerRow: number;
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

  const rejecting = table.cells.find((cell) => labels.reject.match(cell.text));
  if (rejecting) {
    scan.rejectedBy = rejecting.text;
    return scan;
  }

  for (let r = 0; r < table.rowCount; r++) {
    const columns = headerColumns(table, r, labels);
    if (columns) {
      let end = r + 1;
      while (end < table.rowCount && !startsNewSegment(table, end, labels)) end++;
      scan.segments.push({ kind: 'indicators', rows: readIndicatorRows(table, r + 1, end, columns), headerRow: r });
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
      if (!fields) {
        fields = { kind: 'fields', values: {}, schedule: null, unit: null, firstRow: r };
        scan.segments.push(fields);
      }
      if (role === 'scheduleBlock') {
        fields.schedule = readSchedule(table, cell, consumed);
        continue;
      }
      if (role === 'budgetBlock') {
        budgetBlocks.push(cell);
        if (/[（(](?:万元|元)[)）]/u.test(cell.text)) fields.unit = locatedCell(table, cell);
        continue;
      }
      if (/[（(](?:万元|元)[)）]/u.test(cell.text)) fields.unit = locatedCell(table, cell);
      const value = valueOf(table, cell, isLabel, consumed);
      if (value) consumed.add(value);
      if (!fields.values[role]) fields.values[role] = value ? locatedCell(table, value) : { ...locatedCell(table, cell), text: '' };
    }
  }

  // The purpose is the text in a budget block's rows that is neither a label nor a value.
  for (const block of budgetBlocks) {
    const segment = scan.segments.find((s): s is FieldsSegment => s.kind === 'fields' && s.firstRow <= block.row);
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

/** Indicator rows end where a row holds a project field label (the next project) or a new header row. */
function startsNewSegment(table: Table, row: number, labels: Labels): boolean {
  if (headerColumns(table, row, labels)) return true;
  return rowCells(table, row).some((cell) => cell.row === row && labels.fields.match(cell.text) !== null);
}

/**
 * The value of a label cell: the next cell to its right; when that is another label (values
 * printed under a row of labels), the cell below.
 */
function valueOf(table: Table, label: Cell, isLabel: (c: Cell) => boolean, consumed: Set<Cell>): Cell | null {
  const right = table.grid[label.row]?.[label.column + label.colSpan] ?? null;
  if (right && right.row === label.row && !isLabel(right) && !consumed.has(right)) return right;
  const below = table.grid[label.row + label.rowSpan]?.[label.column] ?? null;
  if (right && isLabel(right) && below && below.column === label.column && !isLabel(below) && !consumed.has(below)) return below;
  return null;
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
