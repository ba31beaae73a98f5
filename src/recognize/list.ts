/**
 * Project lists: one table, many projects, each project's cells (名称, 金额, 绩效目标) merged
 * down over its indicator rows (Beijing 预算表12, Changsha, Changchun 预算表11, Chongqing
 * 表十二, Guangzhou). A project is the set of rows under one name cell. Where a list runs
 * over pages, producers do one of three things with a merged cell cut by the page break:
 * - repeat its text on each page (iText): a name cell at the top of a page with the same
 *   text as the project above continues it;
 * - print its text once, centred over the whole cell (Excel, WPS): the page that does not
 *   hold the centre shows the cell blank. Blank-name rows at the top of a page continue the
 *   project above; blank-name rows at the bottom of a page belong to the project whose name
 *   opens the next page;
 * - (.docx) keep the merge: every row points at the same cell.
 * Text fragments of the goal cell on either side of the break are joined in page order.
 * Rows naming a unit or a total (合计, a department subtotal: a name and amounts, no goal,
 * no indicators) are not projects; a unit row names the 资金使用单位 of the projects under it.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Cell } from '../read/model.js';
import { collapseSpace } from '../read/text.js';
import type { RecordStart } from './assemble.js';
import { departmentFromField } from './captions.js';
import type { Located, RawIndicator, RawProject } from './records.js';
import type { ListRow, ListSegment, ValueRole } from './scan-table.js';

export interface ListDependencies {
  start(s: RecordStart): RawProject;
  addIndicators(project: RawProject, rows: readonly RawIndicator[]): void;
  resetLevels(): void;
  messages: Diagnostic[];
}

const TOTAL_ROW = /^(?:合\s*计|总\s*计|小\s*计)/u;

/** Text fields whose cell, cut by a page break, is printed in pieces to be joined. */
const JOINED_FIELDS = new Set<ValueRole>(['goal', 'purpose']);

export class ListAssembler {
  private current: RawProject | null = null;
  private identity: Cell | null = null;
  private identityText = '';
  /** Whether the last project's name cell ran to the bottom of the last table (it may go on over the page). */
  private reachedBottom = false;
  /** Blank-name rows at the bottom of the last table: they belong to the next project. */
  private pending: { rows: ListRow[]; table: number } | null = null;
  /** The unit named by the last unit row, and unit names by their code. */
  private unit: string | null = null;
  private readonly unitsByCode = new Map<string, string>();
  private readonly goalOnly = new WeakSet<RawProject>();
  /** Cells already taken into a project field, so a merged cell is read once. */
  private readonly taken = new WeakMap<RawProject, Set<string>>();

  constructor(private readonly deps: ListDependencies) {}

  /** Projects of a list with no indicator columns (a 绩效目标 column only): no warning for having no indicators. */
  isGoalOnly(project: RawProject): boolean {
    return this.goalOnly.has(project);
  }

  read(segment: ListSegment, s: RecordStart, open: RawProject | null): void {
    if (this.current !== open) this.resetState(open);
    const withIndicators = segment.header.columns.size > 0 || segment.header.serialized !== null;
    const lastNamed = segment.rows.findLastIndex((row) => row.identity !== null);
    let namedHere = false;
    for (const [i, row] of segment.rows.entries()) {
      if (row.identity === null) {
        if (this.pending && !namedHere) this.flushPending();
        if (!this.current || (namedHere && i > lastNamed)) {
          this.pending ??= { rows: [], table: s.table.ordinal };
          this.pending.rows.push(row);
        } else this.addRow(this.current, row, s);
        continue;
      }
      const text = collapseSpace(row.identity.text);
      if (TOTAL_ROW.test(text) || (row.indicators.length === 0 && !row.fields.goal && row.unread.length === 0)) {
        this.flushPending();
        this.unitRow(row, text);
        this.current = null;
        this.identity = null;
        namedHere = true;
        continue;
      }
      const same = this.current !== null && row.identity === this.identity;
      const continued = !same && this.current !== null && row.pageStart && text === this.identityText;
      // A name cell cut by the page break and printed in pieces, one on each page
      // (`11000022T00000048` | `3334-北京市…`): the page's first name continues the name above
      // when that ran to the bottom of its page and only one of the two pieces has the amount.
      const pieces = !same && !continued && this.current !== null && row.pageStart && i === 0 && this.reachedBottom && isBlank(this.current.total) !== isBlank(row.fields.total ?? null);
      if (pieces) {
        const project = this.current as RawProject;
        if (project.name && row.fields.name) project.name = { ...project.name, text: project.name.text + row.fields.name.text };
        this.addRow(project, row, s);
        this.identity = row.identity;
        this.identityText = text;
        namedHere = true;
        continue;
      }
      if (!same && !continued) {
        const project = this.deps.start({ ...s, page: (row.fields.name ?? row.fields.code)?.page ?? s.page });
        if (!withIndicators) this.goalOnly.add(project);
        if (segment.header.unit) project.unit = segment.header.unit;
        this.current = project;
        const pending = this.pending;
        this.pending = null;
        if (pending) for (const earlier of pending.rows) this.addRow(project, earlier, s);
        this.firstRow(project, row, s);
      } else this.addRow(this.current as RawProject, row, s);
      this.identity = row.identity;
      this.identityText = text;
      namedHere = true;
    }
    const lastRow = segment.rows[segment.rows.length - 1];
    this.reachedBottom = lastRow !== undefined && lastRow.identity !== null && lastRow.identity === this.identity;
  }

  /** The list ends (another kind of table or heading follows): rows still pending go to the last project. */
  close(): void {
    this.flushPending();
    this.current = null;
    this.identity = null;
    this.identityText = '';
    this.unit = null;
  }

  private resetState(open: RawProject | null): void {
    this.flushPending();
    this.current = open && this.taken.has(open) ? open : null;
    if (!this.current) {
      this.identity = null;
      this.identityText = '';
    }
  }

  private flushPending(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (this.current) {
      for (const row of pending.rows) this.addRow(this.current, row, null);
      return;
    }
    const first = pending.rows[0];
    this.deps.messages.push(diagnostic('LIST_ROWS_WITHOUT_PROJECT', `table ${pending.table}: ${pending.rows.length} row(s) under no project name; not read`, { table: pending.table, row: first ? first.row + 1 : null }));
  }

  private unitRow(row: ListRow, text: string): void {
    if (TOTAL_ROW.test(text)) return;
    const code = row.fields.departmentCode ? collapseSpace(row.fields.departmentCode.text) : null;
    if (code) this.unitsByCode.set(code, text);
    else this.unit = text;
  }

  private firstRow(project: RawProject, row: ListRow, s: RecordStart): void {
    const f = row.fields;
    this.deps.resetLevels();
    if (f.department) project.department = departmentFromField(collapseSpace(f.department.text));
    if (f.departmentCode) {
      const code = collapseSpace(f.departmentCode.text);
      project.department = { code, name: this.unitsByCode.get(code) ?? project.department?.name ?? s.captions.department?.name ?? null };
    }
    if (!f.implementer && this.unit && this.unit !== project.department?.name) project.implementer = { ...(locatedOf(row) ?? blankAt(s)), text: this.unit };
    this.addRow(project, row, s);
  }

  private addRow(project: RawProject, row: ListRow, s: RecordStart | null): void {
    let taken = this.taken.get(project);
    if (!taken) {
      taken = new Set();
      this.taken.set(project, taken);
    }
    const f = row.fields;
    const assign = (role: 'code' | 'name' | 'total' | 'fiscal' | 'other' | 'carryover' | 'goal' | 'purpose' | 'implementer', located: Located | undefined): void => {
      if (!located) return;
      const key = `${role}@${located.table}:${located.row}:${located.column}`;
      if (taken.has(key)) return;
      taken.add(key);
      const existing = project[role];
      if (existing === null) project[role] = located;
      else if (JOINED_FIELDS.has(role) && !existing.text.includes(located.text)) {
        // A producer that repeats a cut cell's whole text on each page gives the same text again: kept once.
        // A fragment from a row above the project's own (pending) comes first.
        const before = located.page !== null && existing.page !== null && located.page < existing.page;
        project[role] = before ? { ...located, text: located.text + existing.text } : { ...existing, text: existing.text + located.text };
      }
    };
    assign('code', f.code);
    assign('name', f.name);
    assign('total', f.total);
    assign('fiscal', f.fiscal);
    assign('other', f.other);
    assign('carryover', f.carryover);
    assign('goal', f.goal);
    assign('purpose', f.purpose);
    assign('implementer', f.implementer);
    for (const source of row.sources) {
      const key = `source@${source.value.table}:${source.value.row}:${source.value.column}`;
      if (taken.has(key)) continue;
      taken.add(key);
      project.sources.push(source);
    }
    if (row.indicators.length > 0) this.deps.addIndicators(project, row.indicators);
    for (const text of row.unread) {
      this.deps.messages.push(diagnostic('SERIALIZED_TEXT_UNREAD', `serialized indicators: 「${text.length > 60 ? `${text.slice(0, 60)}…` : text}」 is not an indicator item (n、code-一级；code-二级；三级；年度指标值); not read`, { project: projectName(project), table: row.indicators[0]?.table ?? s?.table.ordinal ?? null, row: row.row + 1 }));
    }
    const table = row.indicators[0]?.table ?? s?.table.ordinal ?? null;
    if (table !== null && !project.tables.includes(table)) project.tables.push(table);
  }
}

function isBlank(located: Located | null): boolean {
  return located === null || located.text.trim() === '';
}

function locatedOf(row: ListRow): Located | null {
  return row.fields.name ?? row.fields.code ?? null;
}

function blankAt(s: RecordStart): Located {
  return { text: '', page: s.page, table: s.table.ordinal, row: null, column: null };
}

function projectName(project: RawProject): string | null {
  return project.name ? collapseSpace(project.name.text) : null;
}
