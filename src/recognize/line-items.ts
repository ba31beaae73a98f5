/**
 * The standard tables of a 部门预算/决算公开 (收支总表, 一般公共预算支出表, "三公"经费 …) read as
 * line items: per table its kind, title and number as printed, unit and pages; per column
 * its header path (财政拨款 › 一般公共预算); per row its classification code and name, and the
 * text of each amount cell. Amounts are parsed, levels and totals named, in normalize.
 *
 * A table is read here when the caption above it (or its own first row) names a standard
 * kind, or when it continues such a table on the next page with the same columns. Tables
 * that print performance labels (a 项目支出预算表 with a 绩效目标 column) are also left to the
 * project assembler, which reads their targets.
 */
import { isTotalName, numberingRank } from './line-names.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Cell, DocumentModel, Paragraph, Table } from '../read/model.js';
import { rowCells } from '../read/model.js';
import { collapseSpace } from '../read/text.js';
import { kindOfTitle, parseTableTitle, stageOfTitle, type StandardTableKind, type TableStage } from './table-kind.js';

export interface RawLineCell {
  text: string;
  /** 0-based grid row and column. */
  row: number;
  column: number;
}

export interface RawClassification {
  /** The header label of the classification column (支出功能分类科目, 政府支出经济分类科目), or null. */
  label: string | null;
  code: string | null;
  name: string | null;
}

export interface RawLine {
  /** 0-based grid row, and its table's ordinal. */
  row: number;
  table: number;
  page: number | null;
  /** The classifications the row prints, the first being the row's own. */
  classifications: RawClassification[];
  /** One cell (or null where none stands) per measure of the part. */
  values: (RawLineCell | null)[];
}

export interface RawMeasure {
  /** The header labels over the column, top to bottom (财政拨款, 一般公共预算). */
  path: string[];
  column: number;
}

export interface RawPart {
  /** 收支总表-style tables print an income side and an expense side: one part each. */
  side: 'income' | 'expense' | null;
  measures: RawMeasure[];
  /** The columns naming the rows (codes, names), left to right. */
  classColumns: ClassColumn[];
  lines: RawLine[];
  /** The code parts (类, 款) of the last line read, for the next page's lines that print only 项. */
  codeParts: Map<string, string>;
}

export type ColumnRole = { kind: 'code'; part: string | null; label: string } | { kind: 'name'; label: string } | { kind: 'measure'; path: string[] };

export interface ClassColumn {
  column: number;
  role: ColumnRole;
}

export interface RawBudgetTable {
  kind: StandardTableKind;
  stage: TableStage;
  title: string | null;
  number: string | null;
  /** The unit statement as printed (`金额单位：万元`), or null. */
  unitText: string | null;
  pages: number[];
  tables: number[];
  parts: RawPart[];
}

export interface LineItems {
  tables: RawBudgetTable[];
  messages: Diagnostic[];
  /** The tables read here that the project assembler must not look at. */
  claimed: Set<Table>;
}

/** An amount cell as printed: digits with separators and decimals, a sign, a placeholder. */
const AMOUNT_TEXT = /^[-+]?[\d,，]*\d(?:\.\d+)?$|^[-—–―─/]+$|^[\d.]+%$/u;
/** A classification code alone (`201`, `2010101`, `30101`) or before its name (`2050803-培训支出`). */
const CODE_ALONE = /^\d{3}(?:\d{2}){0,3}$/u;
/**
 * A code printed with its name begins with a 类 of a classification: 收入 101–110, 功能
 * 201–239, 经济 301–399 and 501–599; a project named after a hotline (12320卫生热线服务项目)
 * keeps its name.
 */
const CODE_AND_NAME = /^((?:10\d|110|2[0-3]\d|3\d\d|5\d\d)(?:\d{2}){0,3})\s*(?:[-－—_：:、.]\s*|\s+)?([^\d.,，\s].*)$/u;
/** Header labels of code columns: 科目编码, 功能分类科目编码, 类 | 款 | 项. */
const CODE_LABEL = /编码|代码|^科目编号$|^(?:类|款|项)$/u;
const SPLIT_CODE_PARTS = /^(类|款|项)$/u;
const ROW_NUMBER_LABEL = /^(?:序号|行次|栏次|编号)$/u;
/** Header labels of name columns. */
const NAME_LABEL = /名称|科目|^项\s*目$|项目$|单位$|^收入$|^支出$/u;
/** Labels that print the performance columns of a project list: the assembler reads the table. */
const TARGET_LABEL = /绩效|指标/u;
const UNIT_LINE = /单位\s*[:：]/u;
/** How many paragraphs before a table may hold its caption. */
const CAPTION_REACH = 6;

export function readLineItems(model: DocumentModel): LineItems {
  const tables: RawBudgetTable[] = [];
  const messages: Diagnostic[] = [];
  const claimed = new Set<Table>();
  let captions: Paragraph[] = [];
  let last: { table: Table; read: RawBudgetTable; endPage: number | null } | null = null;
  for (const block of model.blocks) {
    if (block.kind === 'paragraph') {
      captions.push(block);
      if (captions.length > CAPTION_REACH) captions = captions.slice(-CAPTION_REACH);
      continue;
    }
    if (block.parent) continue;
    const caption = captionOf(captions, block);
    captions = [];
    const targetLabels = block.cells.some((c) => c.row < 4 && TARGET_LABEL.test(c.text));
    if (!caption && last !== null && continuesTable(last.table, last.endPage, block)) {
      const top = repeatedHeaderRows(last.table, block, captionRows(block));
      last.read.parts.forEach((part) => part.lines.push(...readLines(block, top, part)));
      last.read.tables.push(block.ordinal);
      for (const p of pagesOf(block)) if (!last.read.pages.includes(p)) last.read.pages.push(p);
      last = { table: block, read: last.read, endPage: block.rowPages[block.rowCount - 1] ?? block.page };
      if (!targetLabels) claimed.add(block);
      continue;
    }
    const kind = caption ? kindOfTitle(caption.title, caption.number) : null;
    if (!caption || kind === null || kind === 'target') {
      last = null;
      continue;
    }
    // A title repeated on the next page over the same columns continues the table.
    const repeated =
      last !== null && last.read.title === (caption.title || null) && (caption.number === null || last.read.number === caption.number) && last.endPage !== null && block.page === last.endPage + 1;
    const again = repeated && last ? readParts(block, last.read.parts) : null;
    if (repeated && last && again && again.length === last.read.parts.length) {
      const previous: RawBudgetTable = last.read;
      previous.parts.forEach((part, i) => mergePart(part, again[i] as RawPart));
      previous.tables.push(block.ordinal);
      for (const p of pagesOf(block)) if (!previous.pages.includes(p)) previous.pages.push(p);
      last = { table: block, read: previous, endPage: block.rowPages[block.rowCount - 1] ?? block.page };
      if (!targetLabels) claimed.add(block);
      continue;
    }
    last = null;
    // A table printed with no figures (本单位无此项) is listed, with no lines; one that prints
    // figures this reader cannot place is listed too, and said to be unread.
    const parts = readParts(block) ?? [];
    if (parts.length === 0 && block.cells.some((c) => /\d/u.test(c.text) && isAmountText(c.text) && !isColumnNumberRow(block, c.row))) {
      messages.push(diagnostic('TABLE_LINES_UNREAD', `table ${block.ordinal} (${caption.number ?? ''}${caption.title}) prints figures but no header over amount columns was found; its lines are not read`, { table: block.ordinal, page: block.page }));
    }
    const read: RawBudgetTable = {
      kind,
      stage: stageOfTitle(caption.title),
      title: caption.title === '' ? null : caption.title,
      number: caption.number,
      unitText: caption.unitText,
      pages: pagesOf(block),
      tables: [block.ordinal],
      parts,
    };
    tables.push(read);
    if (!targetLabels) claimed.add(block);
    last = { table: block, read, endPage: block.rowPages[block.rowCount - 1] ?? block.page };
  }
  for (const table of tables) table.parts = foldWrappedPanels(table.parts);
  return { tables, messages, claimed };
}

/**
 * Panels with no side under the same header, printed one after the other, are one list
 * wrapped into columns (公开06表: 公用经费 › 302 …, 307 … | 310 …, 399 …, 公用经费合计): read on,
 * the second after the first. Folded once every page is read, so that a continuation page is
 * read panel by panel, as the first was.
 */
function foldWrappedPanels(parts: RawPart[]): RawPart[] {
  const out: RawPart[] = [];
  const header = (part: RawPart): string => part.measures.map((m) => m.path.join('›')).join('|');
  for (const part of parts) {
    const previous = out[out.length - 1];
    if (previous && previous.side === null && part.side === null && header(previous) === header(part)) {
      // A footer merged across the panels (公用经费合计) is read in both: keep it once, last.
      // A word in a code column (公用经费合计 merged over 科目代码 | 科目名称) names the line.
      const name = (line: RawLine): string => line.classifications.map((k) => k.name ?? (k.code !== null && !/^\d+$/u.test(k.code) ? k.code : '')).join('|');
      const again = new Set(part.lines.map((line) => `${line.table}:${line.row}:${name(line)}`));
      previous.lines = previous.lines.filter((line) => !again.has(`${line.table}:${line.row}:${name(line)}`));
      // Panels each closed by a total of their own (人员经费合计 | 公用经费合计) are two lists.
      const closing = previous.lines[previous.lines.length - 1];
      if (closing && isTotalName(name(closing).replace(/[|\s]+/gu, ''))) {
        out.push(part);
        continue;
      }
      const codeParts = previous.codeParts;
      mergePart(previous, part);
      previous.codeParts = codeParts;
    } else out.push(part);
  }
  return out;
}

interface Caption {
  title: string;
  number: string | null;
  unitText: string | null;
}

/**
 * The caption of a table: the title lines printed just above it on its page (a number and a
 * title may stand on two lines: `表12` / `部门预算项目支出及其他支出预算表`), or its own first
 * row when that is one cell across the table; and the unit line among them.
 */
function captionOf(paragraphs: readonly Paragraph[], table: Table): Caption | null {
  const near = paragraphs.filter((p) => p.page === null || table.page === null || p.page === table.page);
  let title: string | null = null;
  let number: string | null = null;
  let unitText: string | null = null;
  for (const p of near) {
    const text = collapseSpace(p.text);
    if (UNIT_LINE.test(text)) {
      unitText = text;
      continue;
    }
    const parsed = parseTableTitle(text);
    if (!parsed) continue;
    if (parsed.title === '') {
      number = parsed.number;
      continue;
    }
    // A title naming a kind wins over a heading above it (`2026年度部门预算表`).
    if (title !== null && kindOfTitle(title, number) !== null && kindOfTitle(parsed.title, parsed.number ?? number) === null) continue;
    title = parsed.title;
    number = parsed.number ?? number;
  }
  const first = rowCells(table, 0);
  if (first.length === 1 && first[0] && first[0].colSpan === table.columnCount) {
    const own = parseTableTitle(collapseSpace(first[0].text));
    if (own && own.title !== '' && (title === null || kindOfTitle(title, number) === null || kindOfTitle(own.title, own.number) !== null)) {
      title = own.title;
      number = own.number ?? number;
    }
  }
  for (const cell of table.cells) {
    if (cell.row > 1) break;
    if (UNIT_LINE.test(cell.text) && unitText === null) unitText = collapseSpace(cell.text);
  }
  if (title === null) return null;
  return { title, number, unitText };
}

function pagesOf(table: Table): number[] {
  const pages = table.rowPages.length > 0 ? [...new Set(table.rowPages)] : table.page !== null ? [table.page] : [];
  return pages;
}

/** A table with no caption on the page after a standard table, with as many columns: its continuation. */
function continuesTable(previous: Table, endPage: number | null, table: Table): boolean {
  if (endPage === null || table.page === null) return false;
  return table.page === endPage + 1 && table.columnCount === previous.columnCount;
}

function isAmountText(text: string): boolean {
  return AMOUNT_TEXT.test(text.replace(/\s+/gu, ''));
}

/** Rows at the top that are captions inside the table (one cell across it, or a unit line). */
function captionRows(table: Table): number {
  let r = 0;
  while (r < table.rowCount) {
    const cells = rowCells(table, r).filter((c) => c.row === r);
    const wide = cells.length === 1 && cells[0] !== undefined && cells[0].colSpan >= Math.max(2, table.columnCount - 1);
    const unit = cells.length <= 2 && cells.some((c) => UNIT_LINE.test(c.text));
    if (!wide && !unit) break;
    r++;
  }
  return r;
}

/** A cell of the row numbering the columns under a header (栏次: `**` | 1 | 2 | 3 …). */
const COLUMN_NUMBER = /^(?:\*+|栏次|行次|\d{1,2})$/u;
const COLUMN_NUMBER_LABEL = /^(?:\*+|栏次|行次)$/u;

/**
 * The row under a header that numbers its columns (`栏次` | 1 | 2 | 3, Zhejiang, Jiangsu).
 * Under a label cell one number is enough (a one-column table: `**` | 1); without one, two
 * numbers in sequence, so that a line of small amounts is not taken for it.
 */
function isColumnNumberRow(table: Table, r: number): boolean {
  const texts = rowCells(table, r).filter((c) => c.row === r).map((c) => c.text.replace(/\s+/gu, '')).filter((t) => t !== '');
  if (texts.length < 2 || !texts.every((t) => COLUMN_NUMBER.test(t))) return false;
  const numbers = texts.filter((t) => /^\d+$/u.test(t)).map(Number);
  const labelled = texts.some((t) => COLUMN_NUMBER_LABEL.test(t));
  const inSequence = numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1);
  return inSequence && (labelled ? numbers.length >= 1 && numbers[0] === 1 : numbers.length >= 2 && texts.length >= 3);
}

/**
 * The first row of a continuation page below the header it repeats: Chongqing prints the
 * title once and the column header on every page (`科目编码 | 科目名称 | 总计 | 基本支出 …`).
 * A row is a repeated header when all its printed cells are words of the first page's header
 * (or it numbers the columns).
 */
function repeatedHeaderRows(first: Table, page: Table, from: number): number {
  const top = captionRows(first);
  const header = new Set<string>();
  for (let r = top; r < firstDataRow(first, top); r++) for (const c of rowCells(first, r)) if (c.row === r) header.add(c.text.replace(/\s+/gu, ''));
  let r = from;
  while (r < page.rowCount) {
    const texts = rowCells(page, r).filter((c) => c.row === r).map((c) => c.text.replace(/\s+/gu, '')).filter((t) => t !== '');
    if (!isColumnNumberRow(page, r) && (texts.length === 0 || !texts.every((t) => header.has(t)))) break;
    r++;
  }
  return r;
}

/**
 * The first row below the header: the first with an amount, a code or a numbered name in it
 * (a continuation page may open on lines printed blank: 十八、粮油物资储备支出).
 */
function firstDataRow(table: Table, from: number): number {
  for (let r = from; r < table.rowCount; r++) {
    if (isColumnNumberRow(table, r)) continue;
    const cells = rowCells(table, r).filter((c) => c.row === r);
    const data = (text: string): boolean => isAmountText(text) || CODE_ALONE.test(text) || CODE_AND_NAME.test(text) || numberingRank(text) !== null;
    if (cells.some((c) => c.text.trim() !== '' && data(c.text.trim()))) return r;
  }
  return table.rowCount;
}

/**
 * The parts of a table: its columns read from its header, then its rows. Null when the
 * table has no header over its rows or no amount column. A page that continues a table
 * (`carried`, its parts so far) starts with the code parts the last page ended on: Shandong's
 * 款 row `10` at the top of a page belongs to the 类 `208` printed on the page before.
 */
function readParts(table: Table, carried: readonly RawPart[] = []): RawPart[] | null {
  const top = captionRows(table);
  const bodyStart = firstDataRow(table, top);
  if (bodyStart === top || bodyStart >= table.rowCount) return null;
  const roles = new Map<number, ColumnRole>();
  for (let c = 0; c < table.columnCount; c++) {
    const path: string[] = [];
    for (let r = top; r < bodyStart; r++) {
      const cell = table.grid[r]?.[c];
      if (!cell) continue;
      const text = collapseSpace(cell.text).replace(/\s+/gu, '');
      if (isColumnNumberRow(table, r)) continue;
      if (text !== '' && path[path.length - 1] !== text) path.push(text);
    }
    const label = path[path.length - 1] ?? '';
    const body = bodyTexts(table, c, bodyStart);
    const amounts = body.filter(isAmountText).length;
    const codes = body.filter((t) => CODE_ALONE.test(t)).length;
    const coded = body.filter((t) => CODE_AND_NAME.test(t)).length;
    const words = body.length - amounts;
    // A 序号 / 行次 column numbers the rows: neither a name nor an amount.
    if (ROW_NUMBER_LABEL.test(label)) continue;
    if (SPLIT_CODE_PARTS.test(label)) roles.set(c, { kind: 'code', part: null, label: path[0] ?? label });
    // Values alone make a code column only under a label that may name one: amounts such as
    // `80000` look like codes too.
    else if (CODE_LABEL.test(label) || (codes > 0 && codes >= body.length / 2 && (label === '' || /科目|分类/u.test(label)))) roles.set(c, { kind: 'code', part: null, label });
    else if (coded > 0 && coded >= words / 2 && words > 0) roles.set(c, { kind: 'name', label });
    else if (NAME_LABEL.test(label) && words >= amounts) roles.set(c, { kind: 'name', label });
    // A column of mostly words with a number here and there (规格型号) names; it is no measure.
    else if ((amounts > 0 && amounts >= words) || (body.length === 0 && path.length > 0)) roles.set(c, { kind: 'measure', path });
    else if (words > 0) roles.set(c, { kind: 'name', label });
  }
  // Merged header cells give each grid column of a wide cell the same path: keep the cell's
  // first column, unless the body prints cells of its own in the others. (A first body row
  // merged over 科目编码 | 科目名称, as a 合计 row often is, says nothing about the columns.)
  for (let c = 1; c < table.columnCount; c++) {
    let own = false;
    for (let r = bodyStart; r < table.rowCount && !own; r++) {
      const cell = table.grid[r]?.[c];
      own = cell !== null && cell !== undefined && cell.row === r && cell.column === c;
    }
    if (!own) roles.delete(c);
  }
  // Adjacent code columns under one label (科目编码 › 类 | 款 | 项, the sub-labels printed or
  // not) are the parts of one code.
  const columns = [...roles.keys()].sort((a, b) => a - b);
  for (let k = 0; k < columns.length; k++) {
    const run: number[] = [];
    while (k + run.length < columns.length) {
      const role = roles.get(columns[k + run.length] as number);
      if (role?.kind !== 'code' || (run.length > 0 && columns[k + run.length] !== (run[run.length - 1] as number) + 1)) break;
      // 科目编码 › 类 | 款 | 项 beside 单位编码: another code, not a part of this one.
      const group = (label: string): string => (SPLIT_CODE_PARTS.test(label) ? '类款项' : label);
      if (run.length > 0 && group(role.label) !== group((roles.get(run[0] as number) as Extract<ColumnRole, { kind: 'code' }>).label)) break;
      run.push(columns[k + run.length] as number);
    }
    if (run.length >= 2) {
      run.forEach((c, i) => {
        const role = roles.get(c) as Extract<ColumnRole, { kind: 'code' }>;
        roles.set(c, { kind: 'code', part: String(i), label: role.label });
      });
      k += run.length - 1;
    }
  }
  const measures = [...roles.values()].filter((r) => r.kind === 'measure');
  if (measures.length === 0) return null;
  return splitSides(roles).map((part, index) => {
    const measures: RawMeasure[] = [];
    const classColumns: ClassColumn[] = [];
    const low = Math.min(...[...part.roles].filter(([, r]) => r.kind === 'measure').map(([c]) => c));
    for (const [column, role] of [...part.roles].sort((a, b) => a[0] - b[0])) {
      if (role.kind === 'measure') measures.push({ path: role.path, column });
      // The classification columns of a part stand before its first measure.
      else if (column < low) classColumns.push({ column, role });
    }
    const raw: RawPart = { side: part.side, measures, classColumns, lines: [], codeParts: new Map(carried[index]?.codeParts ?? []) };
    raw.lines = readLines(table, bodyStart, raw);
    return raw;
  });
}

function bodyTexts(table: Table, c: number, from: number): string[] {
  const out: string[] = [];
  for (let r = from; r < table.rowCount; r++) {
    const cell = table.grid[r]?.[c];
    if (!cell || cell.row !== r || cell.column !== c) continue;
    const text = collapseSpace(cell.text).replace(/\s+/gu, '');
    if (text !== '') out.push(text);
  }
  return out;
}

/**
 * The panels of a table printed side by side, each with its own code or name column before
 * its amounts: a 收支总表's 收入 | 支出 (Jiangsu and Xi'an add 支出 by 功能分类 | by 经济分类 as
 * further panels, each a whole breakdown of the same total), or one list wrapped into panels
 * (公开06表: 人员经费 | 公用经费 | 公用经费). A panel headed 收入 / 来源 is the income side,
 * one headed 支出 / 去向 the expense side; with two panels and no such word the first is
 * income and the second expense (the 项目 | 预算数 | 项目 | 预算数 of a 收支总表 whose 收入
 * and 支出 stand above); with more, panels without the word have no side.
 */
function splitSides(roles: Map<number, ColumnRole>): { side: RawPart['side']; roles: Map<number, ColumnRole> }[] {
  const columns = [...roles.keys()].sort((a, b) => a - b);
  // A panel starts at a code or name column after an amount column, when amounts follow it:
  // a text column printed last (项目概述) is not a panel.
  const starts: number[] = [];
  let seenMeasure = false;
  for (const [k, c] of columns.entries()) {
    const role = roles.get(c) as ColumnRole;
    if (role.kind === 'measure') seenMeasure = true;
    else if (seenMeasure && startsPanel(roles, columns.slice(k))) {
      starts.push(c);
      seenMeasure = false;
    }
  }
  if (starts.length === 0) return [{ side: null, roles }];
  const bounds = [-Infinity, ...starts, Infinity];
  const panels = bounds.slice(0, -1).map((from, i) => new Map([...roles].filter(([c]) => c >= from && c < (bounds[i + 1] as number))));
  const worded = panels.map((panel): RawPart['side'] => {
    const labels = [...panel.values()].map((r) => (r.kind === 'measure' ? r.path.join('') : r.label)).join('');
    if (/收入|来源/u.test(labels) && !/支出/u.test(labels)) return 'income';
    if (/支出|去向/u.test(labels) && !/收入/u.test(labels)) return 'expense';
    return null;
  });
  return panels.map((panel, i) => {
    const fallback: RawPart['side'] = panels.length === 2 ? (i === 0 ? 'income' : 'expense') : null;
    return { side: worded[i] ?? fallback, roles: panel };
  });
}

/**
 * Whether the columns from here on open a panel: a column headed as names are (项目, 科目名称),
 * after codes if any, and amounts after it. Other words between amounts (规格型号) or code
 * columns alone (政府采购: … 数量 | 经济科目 类 | 款 |
 * 预算金额) classify the same line.
 */
function startsPanel(roles: Map<number, ColumnRole>, rest: readonly number[]): boolean {
  const next = rest.findIndex((c) => roles.get(c)?.kind === 'measure');
  if (next < 0) return false;
  return rest.slice(0, next).some((c) => {
    const role = roles.get(c);
    return role?.kind === 'name' && NAME_LABEL.test(role.label);
  });
}

/**
 * The lines of a page that repeats a table's title and header: its own columns, matched to
 * the table's by label (a page may print a column the first did not, or leave one out).
 */
function mergePart(into: RawPart, page: RawPart): void {
  const index = page.measures.map((m) => {
    const label = m.path.join('›');
    let at = into.measures.findIndex((mine) => mine.path.join('›') === label);
    if (at < 0) {
      into.measures.push(m);
      at = into.measures.length - 1;
    }
    return at;
  });
  for (const line of page.lines) {
    const values: (RawLineCell | null)[] = into.measures.map(() => null);
    line.values.forEach((v, i) => {
      values[index[i] as number] = v;
    });
    into.lines.push({ ...line, values });
  }
  into.codeParts = page.codeParts;
}

/** The rows of one part: classification cells, then the amount cells under its measures. */
function readLines(table: Table, from: number, part: RawPart): RawLine[] {
  const lines: RawLine[] = [];
  const previousParts = part.codeParts;
  const lastAmountColumn = Math.max(...part.measures.map((m) => m.column));
  for (let r = from; r < table.rowCount; r++) {
    let spanned = 0;
    const values = part.measures.map(({ column }): RawLineCell | null => {
      const cell = table.grid[r]?.[column] ?? null;
      if (!cell || cell.row !== r) return null;
      const text = collapseSpace(cell.text);
      // A label merged across this panel's amount columns and the next panel's names (Jiangsu:
      // 当年支出小计 over 支出 by 功能分类 and by 支出用途) stands for both: its amounts are the
      // ones printed after it.
      if (cell.column < column) {
        return cell.column + cell.colSpan - 1 > lastAmountColumn && text !== '' && !isAmountText(text) ? amountAfter(table, r, cell, spanned++) : null;
      }
      return text === '' ? null : { text, row: r, column };
    });
    const classifications = classificationsOf(table, r, part.classColumns, previousParts);
    const named = classifications.some((k) => k.code !== null || k.name !== null);
    if (!named && values.every((v) => v === null)) continue;
    lines.push({ row: r, table: table.ordinal, page: table.rowPages[r] ?? table.page, classifications, values });
  }
  return lines;
}

/** The `k`-th amount cell printed on row `r` to the right of a merged cell. */
function amountAfter(table: Table, r: number, merged: Cell, k: number): RawLineCell | null {
  let seen = 0;
  for (let c = merged.column + merged.colSpan; c < table.columnCount; c++) {
    const cell = table.grid[r]?.[c];
    if (!cell || cell.row !== r || cell.column !== c) continue;
    const text = collapseSpace(cell.text);
    if (text === '' || !isAmountText(text)) continue;
    if (seen++ === k) return { text, row: r, column: c };
  }
  return null;
}

/**
 * The text of a cell of a part's classification columns. A cell merged over several of them
 * is read once, in its first (合计 over 科目编码 | 科目名称); one merged in from the panel
 * before (当年支出小计 over both 支出 panels) is this panel's too.
 */
function cellText(table: Table, r: number, c: number, partStart: number): string {
  const cell: Cell | null = table.grid[r]?.[c] ?? null;
  if (!cell || cell.row !== r || (cell.column !== c && cell.column >= partStart)) return '';
  return collapseSpace(cell.text);
}

/**
 * The classifications of a row: a code column with its name column, a column printing both
 * (`2050803-培训支出`), or 类 | 款 | 项 columns whose parts make the code (`201` `01` `01`), a
 * part left blank taken from the row above.
 */
function classificationsOf(table: Table, r: number, columns: readonly ClassColumn[], previousParts: Map<string, string>): RawClassification[] {
  const out: RawClassification[] = [];
  let pending: RawClassification | null = null;
  let parts: { key: string; text: string }[] = [];
  // The parts of a code printed over columns (类 | 款 | 项): a part left blank before a printed
  // one is the part of the line above (Shandong prints 款 `08` and 项 `03` alone); a printed
  // part starts anew the parts after it.
  const flushParts = (): void => {
    if (parts.length === 0) return;
    const last = parts.findLastIndex((p) => p.text !== '');
    let code = '';
    for (const [i, { key, text }] of parts.entries()) {
      if (i > last) break;
      code += text !== '' ? text : (previousParts.get(key) ?? '');
    }
    for (const [i, { key, text }] of parts.entries()) {
      if (text !== '') previousParts.set(key, text);
      else if (i > last) previousParts.delete(key);
    }
    pending = { label: pending?.label ?? null, code: code === '' ? null : code, name: null };
    parts = [];
  };
  for (const { column, role } of columns) {
    const text = cellText(table, r, column, columns[0]?.column ?? column);
    if (role.kind === 'code' && role.part !== null) {
      // Excel drops the zero of a 款 or 项 part stored as a number (Shanghai: 301 | 2 津贴补贴).
      const printed = text.replace(/\s+/gu, '');
      parts.push({ key: role.part, text: role.part !== '0' && /^\d$/u.test(printed) ? `0${printed}` : printed });
      pending ??= { label: role.label, code: null, name: null };
      continue;
    }
    flushParts();
    if (role.kind === 'code') {
      if (pending && pending.code !== null) out.push(pending);
      pending = { label: role.label, code: text === '' ? null : text.replace(/\s+/gu, ''), name: null };
      continue;
    }
    if (role.kind === 'name') {
      const both = CODE_AND_NAME.exec(text);
      if (both && !pending) {
        out.push({ label: role.label, code: both[1] ?? null, name: (both[2] ?? '').trim() || null });
        continue;
      }
      const current: RawClassification = pending ?? { label: role.label, code: null, name: null };
      if (both && current.code === null) {
        current.code = both[1] ?? null;
        current.name = (both[2] ?? '').trim() || null;
      } else current.name = text === '' ? null : text;
      out.push(current);
      pending = null;
    }
  }
  flushParts();
  if (pending) out.push(pending);
  return out.length > 0 ? out : [{ label: null, code: null, name: null }];
}

