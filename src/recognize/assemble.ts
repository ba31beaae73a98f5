/**
 * Blocks in reading order → target records. Tables are scanned into segments
 * (scan-table.ts); here segments are paired into records: a fields segment with a code or a
 * name starts a record, an indicator block attaches to the open record, and a project list
 * (list.ts) starts one record per project cell. Titles say which kind of record a table
 * holds (project, special fund, transfer payment, department-wide); a project heading
 * (`2.科普经费绩效目标表`) closes the open project, while a title naming the table form
 * (`预算表12项目支出绩效目标表`, repeated on every page) does not. Captions (department, unit)
 * carry forward to the tables that follow them.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { DocumentModel, Paragraph, Table } from '../read/model.js';
import { collapseSpace } from '../read/text.js';
import {
  classifyTitle,
  departmentFromField,
  isDocumentTitle,
  isGenericTitle,
  isProjectHeading,
  isUnitLine,
  parseDepartmentLine,
  projectFromHeading,
  projectOfReport,
  splitCaption,
  type TitleKind,
} from './captions.js';
import { inheritLevels, NO_LEVELS, type Levels } from './indicator-rows.js';
import { ListAssembler } from './list.js';
import { recognizeOverview } from './overview.js';
import { locatedParagraph, type Located, type RawDepartment, type RawIndicator, type RawProject, type Recognized, type RecordKind } from './records.js';
import { cellKeys, labelCount, scanTable, type FieldsSegment, type HeaderBlock, type TableScan } from './scan-table.js';
import type { Template } from './template.js';

const TOTAL_SCORE = /^\s*(?:总\s*分|合\s*计)\s*$/u;

export interface Captions {
  department: RawDepartment | null;
  unit: Located | null;
}

/** What assembling needs to open a record: its kind, template, first table and captions. */
export interface RecordStart {
  kind: RecordKind;
  template: Template;
  table: Table;
  page: number | null;
  captions: Captions;
}

/**
 * `standard`: the tables the line-item reader took (standard budget tables): passed over
 * here like any table that is not a target table, without a message.
 */
export function assemble(model: DocumentModel, templates: readonly Template[], standard: ReadonlySet<Table> = new Set()): Omit<Recognized, 'tables' | 'figures'> {
  const messages: Diagnostic[] = [];
  const projects: RawProject[] = [];
  const before: Paragraph[] = [];
  const titles: string[] = [];
  let open: RawProject | null = null;
  // The 一级/二级 in force at the end of the open project's last indicator rows.
  let levels: Levels = NO_LEVELS;
  let pendingTitle: Located | null = null;
  // Captions printed since the last table belong to the next one; those of the last
  // performance table carry on to tables that print none. Captions of a table that is
  // skipped are forgotten: a budget table's 单位：元 must not reach the projects after it.
  let stated: Captions = { department: null, unit: null };
  let carried: Captions = { department: null, unit: null };
  let inProjects = false;
  // The kind named by a title since the last table, and that of the last target table.
  let titleKind: TitleKind | null = null;
  let lastKind: TitleKind | null = null;
  // The header of the last project list, for a continuation whose header is overprinted.
  let lastList: HeaderBlock | null = null;
  // The header of the last block read and the page its table ended on, for a table that
  // continues it on the next page without a header; cleared by a project heading between.
  let lastBlock: { header: HeaderBlock; page: number | null } | null = null;
  // The page where the tables of the open record last ended (PDF).
  let openEnd: number | null = null;
  // The project named by the heading of the evaluation report being read, for its indicator
  // tables that name none; and the paragraph before, for a heading printed over two lines.
  let reportSubject: Located | null = null;
  let previousParagraph: Paragraph | null = null;

  const start = (s: RecordStart): RawProject => {
    levels = NO_LEVELS;
    const project: RawProject = {
      kind: s.kind,
      template: s.template.id,
      title: pendingTitle,
      code: null,
      name: null,
      department: s.captions.department,
      implementer: null,
      unit: s.captions.unit,
      defaultUnit: s.template.defaultUnit,
      total: null,
      fiscal: null,
      other: null,
      carryover: null,
      sources: [],
      purpose: null,
      goal: null,
      midTermGoal: null,
      outcome: null,
      execution: null,
      tasks: [],
      totalScore: null,
      schedule: null,
      indicators: [],
      tables: [s.table.ordinal],
      page: s.page,
    };
    pendingTitle = null;
    projects.push(project);
    return project;
  };

  const addIndicators = (project: RawProject, all: readonly RawIndicator[]): void => {
    // A self-evaluation's 总分 row closes its block: the total score, not an indicator.
    const rows = all.filter((row) => {
      if (!TOTAL_SCORE.test(row.level1?.text ?? row.level3?.text ?? '')) return true;
      project.totalScore = row.score ?? row.weight;
      return false;
    });
    const inherited = inheritLevels(rows, levels, projectKey(project));
    levels = inherited.levels;
    project.indicators.push(...inherited.rows);
    messages.push(...inherited.messages);
  };

  const list = new ListAssembler({
    start: (s) => (open = start(s)),
    addIndicators,
    resetLevels: () => (levels = NO_LEVELS),
    messages,
  });

  for (const block of model.blocks) {
    if (block.kind === 'paragraph') {
      const earlier = previousParagraph;
      previousParagraph = block;
      const report = projectOfReport(block.text) ?? (earlier && earlier.page === block.page ? projectOfReport(earlier.text + block.text) : null);
      if (report !== null) {
        reportSubject = { ...locatedParagraph(block.text, block.page), text: report };
        continue;
      }
      const heading = isProjectHeading(block.text) && !isGenericTitle(block.text);
      const kind = titleKindOf(block.text);
      if (kind) titleKind = kind;
      if (heading) {
        lastBlock = null;
        reportSubject = null;
        pendingTitle = locatedParagraph(block.text, block.page);
        open = null;
        list.close();
        inProjects = true;
        continue;
      }
      const caption = splitCaption(block.text);
      const dept = caption.department ? parseDepartmentLine(caption.department) : null;
      const unitLine = caption.unit && isUnitLine(caption.unit) ? caption.unit : null;
      if (dept) stated = { ...stated, department: dept };
      if (unitLine) stated = { ...stated, unit: locatedParagraph(unitLine, block.page) };
      if (dept || unitLine) continue;
      // `（2026年度）` under a table title states the year the table is for.
      if (isDocumentTitle(block.text) || /^[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]$/u.test(block.text.trim())) titles.push(block.text);
      else if (!inProjects && !kind) before.push(block);
      continue;
    }

    if (standard.has(block)) {
      stated = { department: null, unit: null };
      lastKind = null;
      lastBlock = null;
      list.close();
      continue;
    }
    // A target table pages away from the record being read does not continue it (an
    // indicator table in an evaluation report at the back of the file).
    if (open && openEnd !== null && block.page !== null && block.page - openEnd > 1) {
      open = null;
      list.close();
    }
    previousParagraph = null;
    const continuation = lastBlock && block.page !== null && lastBlock.page !== null && block.page === lastBlock.page + 1 ? lastBlock.header : null;
    const scan = bestScan(block, templates, lastList, continuation);
    lastBlock = null;
    const ownKind = scan.title ? titleKindOf(scan.title.text) : null;
    const kind: TitleKind | null = ownKind ?? titleKind ?? lastKind;
    titleKind = null;
    const captions: Captions = {
      department: scan.department?.value ?? stated.department ?? carried.department,
      unit: scan.unit ?? stated.unit ?? carried.unit,
    };
    stated = { department: null, unit: null };
    if (scan.rejectedBy !== null) {
      const targetLike = kind === 'self-evaluation' || scan.score > 0;
      if (targetLike) {
        messages.push(diagnostic('TARGET_TABLE_SKIPPED', `table ${block.ordinal} looks like a self-evaluation (「${scan.rejectedBy ?? '自评'}」 in a header) but no template reads its columns; not read; first row 「${firstRowText(block)}」`, { table: block.ordinal, page: block.page }));
        lastKind = 'self-evaluation';
      } else {
        messages.push(diagnostic('TABLE_SKIPPED', `table ${block.ordinal} skipped: 「${scan.rejectedBy ?? ''}」 in a header marks a self-evaluation, not targets; first row 「${firstRowText(block)}」`, { table: block.ordinal, page: block.page }));
      }
      list.close();
      continue;
    }
    if (scan.segments.length === 0) {
      // A small borderless table holding only the department and unit lines is a caption
      // for the table after it; any other table is something else.
      if ((scan.department || scan.unit) && block.cells.filter((c) => c.text !== '').length <= 2) stated = captions;
      else {
        messages.push(diagnostic('TABLE_SKIPPED', `table ${block.ordinal} is not a performance-target table; first row 「${firstRowText(block)}」`, { table: block.ordinal, page: block.page }));
        lastKind = null;
        list.close();
      }
      continue;
    }
    inProjects = true;
    const recordKind: RecordKind = kind ?? 'project';
    let used = false;
    for (const segment of scan.segments) {
      const page = block.rowPages[segment.kind === 'fields' ? segment.firstRow : segment.headerRow] ?? block.page;
      const startHere = (): RawProject => (open = start({ kind: recordKind, template: scan.template, table: block, page, captions }));
      const endPage = block.rowPages[block.rowCount - 1] ?? block.page;
      if (segment.kind !== 'fields') lastBlock = { header: segment.header, page: endPage };
      if (segment.kind !== 'fields' && segment.overprinted) {
        messages.push(diagnostic('HEADER_OVERPRINTED', `table ${block.ordinal}: its header is overprinted by text overflowing from a merged cell; its columns were taken from the table before`, { table: block.ordinal, page }));
      }
      if (segment.kind === 'list' && segment.continued) {
        messages.push(diagnostic('INDICATOR_TABLE_CONTINUED', `table ${block.ordinal} prints no header; it continues the block of the table before it on the page before`, { table: block.ordinal, page }));
      }
      if (segment.kind === 'list') {
        lastList = segment.header;
        list.read(segment, { kind: recordKind, template: scan.template, table: block, page, captions }, open);
        if (segment.ignoredColumns.length > 0) {
          messages.push(diagnostic('INDICATOR_COLUMN_IGNORED', `table ${block.ordinal}: column(s) 「${segment.ignoredColumns.join('」「')}」 are not a known column; not read`, { table: block.ordinal, page }));
        }
        used = true;
        continue;
      }
      list.close();
      if (segment.kind === 'fields') {
        const startsProject = segment.values.code !== undefined || segment.values.name !== undefined;
        const heading = !startsProject && pendingTitle && (!open || open.indicators.length > 0) ? projectFromHeading(pendingTitle.text) : null;
        if (startsProject) startHere();
        else if (
          (recordKind === 'department' || (segment.values.department !== undefined && (segment.values.goal !== undefined || segment.tasks.length > 0))) &&
          (!open || open.kind !== recordKind || open.indicators.length > 0 || open.name !== null)
        ) {
          // A department-wide table (部门整体…表: the department named, no project), of the kind its title says
          // (a 部门整体支出绩效自评表 is a self-evaluation).
          startHere();
        } else if (heading) {
          const title = pendingTitle as Located;
          const project = startHere();
          project.name = { ...title, text: heading.name };
          if (heading.department) project.department = heading.department;
        } else if (!open || open.indicators.length > 0) {
          // Amount or goal labels with no project named and no project being described:
          // another kind of table that happens to print such a label.
          messages.push(diagnostic('TABLE_SKIPPED', `table ${block.ordinal}: fields (${fieldNames(segment)}) but no project name or code before them; skipped; first row 「${firstRowText(block)}」`, { table: block.ordinal, page }));
          continue;
        }
        mergeFields(open as RawProject, segment, captions.unit);
      } else {
        if (!open && reportSubject) {
          // An evaluation report's table of its project's indicators (a restatement by the
          // evaluator, not a target table of the budget): the project its heading names.
          open = start({ kind: 'evaluation-report', template: scan.template, table: block, page, captions });
          open.name = reportSubject;
          reportSubject = null;
        } else if (!open) {
          open = startHere();
          if (recordKind !== 'department') {
            messages.push(diagnostic('INDICATORS_WITHOUT_PROJECT', `indicator table ${block.ordinal} has no project table before it; kept under a project with null code and name`, { table: block.ordinal, page }));
          }
        } else if (open.indicators.length > 0 && !open.tables.includes(block.ordinal)) {
          messages.push(diagnostic('INDICATOR_TABLE_CONTINUED', `indicator table ${block.ordinal} continues the indicators of the project before it`, { project: projectKey(open), table: block.ordinal, page }));
        }
        addIndicators(open, segment.rows);
        if (segment.ignoredColumns.length > 0) {
          messages.push(diagnostic('INDICATOR_COLUMN_IGNORED', `indicator table ${block.ordinal}: column(s) 「${segment.ignoredColumns.join('」「')}」 are not a known indicator column; not read`, { project: projectKey(open), table: block.ordinal, page }));
        }
      }
      used = true;
      const current = open as RawProject | null;
      if (current && !current.tables.includes(block.ordinal)) current.tables.push(block.ordinal);
    }
    if (used) {
      openEnd = block.rowPages[block.rowCount - 1] ?? block.page;
      carried = captions;
      lastKind = recordKind;
    }
  }
  list.close();

  // A project table names a goal or has indicators; project labels without either are a
  // listing of projects (a 项目支出表), not a performance-target table.
  const blank = (l: Located | null): boolean => l === null || l.text.trim() === '';
  for (const project of projects.filter((p) => p.indicators.length === 0 && blank(p.goal) && p.schedule === null)) {
    projects.splice(projects.indexOf(project), 1);
    if ([project.name, project.code, project.total, project.fiscal, project.other].every(blank)) {
      // A form printed with its labels only (a 不涉及 table of the disclosure checklist).
      messages.push(diagnostic('TABLE_SKIPPED', `table ${project.tables.join(', ')} is an empty form (labels, no values); skipped`, { table: project.tables[0] ?? null, page: project.page }));
      continue;
    }
    messages.push(diagnostic('TABLE_SKIPPED', `table ${project.tables.join(', ')} names a project (「${projectKey(project) ?? ''}」) but has no 绩效目标 and no indicators; not a performance-target table; skipped`, { table: project.tables[0] ?? null, page: project.page }));
  }
  for (const project of projects) {
    if (project.indicators.length === 0 && !list.isGoalOnly(project)) {
      const first = project.tables[0] ?? null;
      messages.push(diagnostic('PROJECT_WITHOUT_INDICATORS', `project ${projectKey(project) ?? '(unnamed)'} has no indicator table`, { project: projectKey(project), table: first, page: project.page }));
    }
  }
  if (projects.length === 0) {
    const tables = model.blocks.filter((b) => b.kind === 'table').length;
    const message = tables === 0
      ? 'no tables in the file, so no performance-target table (绩效目标表)'
      : `no performance-target table (绩效目标表) among the file's ${tables} table(s)`;
    messages.push(diagnostic('NO_PERFORMANCE_TABLE', message));
  }
  return { projects, overview: recognizeOverview(before), titles, messages };
}

/**
 * The kind a title names. A project's own title that names a 专项资金
 * (`2025年…专项资金绩效目标表`, `市级扶持老区建设专项资金项目绩效目标表`) titles a project;
 * special-fund tables are titled by their form (`专项资金绩效目标表`, `重点专项资金绩效目标表`).
 */
function titleKindOf(text: string): TitleKind | null {
  const kind = classifyTitle(text);
  return kind === 'special-fund' && !isGenericTitle(text) && /项目绩效目标|^\d{1,3}\s*[.、．]/u.test(text) ? 'project' : kind;
}

/** The template that knows the most of the table's labels reads it (the first on a tie). */
function bestScan(table: Table, templates: readonly Template[], continuing: HeaderBlock | null, continuation: HeaderBlock | null): TableScan {
  let best: Template | null = null;
  let bestCount = -1;
  const keys = cellKeys(table);
  for (const template of templates) {
    const count = labelCount(keys, template);
    if (count > bestCount) {
      best = template;
      bestCount = count;
    }
  }
  if (!best) throw new Error('no templates configured');
  return scanTable(table, best, { continuing, continuation });
}

function mergeFields(project: RawProject, segment: FieldsSegment, unit: Located | null): void {
  const v = segment.values;
  project.code ??= v.code ?? null;
  project.name ??= v.name ?? null;
  project.total ??= v.total ?? null;
  project.fiscal ??= v.fiscal ?? null;
  project.other ??= v.other ?? null;
  project.carryover ??= v.carryover ?? null;
  project.purpose ??= v.purpose ?? null;
  project.goal ??= v.goal ?? null;
  project.midTermGoal ??= v.midTermGoal ?? null;
  project.outcome ??= v.outcome ?? null;
  project.execution ??= segment.execution;
  project.tasks.push(...segment.tasks);
  // A task table's 金额合计 row is the department's budget when no other amount names it.
  if (segment.taskTotal) {
    project.total ??= segment.taskTotal.total;
    project.fiscal ??= segment.taskTotal.fiscal;
    project.other ??= segment.taskTotal.other;
  }
  project.implementer ??= v.implementer ?? null;
  project.schedule ??= segment.schedule;
  project.sources.push(...segment.sources);
  project.unit = segment.unit ?? project.unit ?? unit;
  if (v.department && v.department.text !== '') project.department = departmentFromField(v.department.text);
  if (v.departmentCode && v.departmentCode.text !== '') project.department = { code: collapseSpace(v.departmentCode.text), name: project.department?.name ?? null };
}

export function projectKey(project: RawProject): string | null {
  const code = project.code ? collapseSpace(project.code.text) : '';
  if (code !== '') return code;
  const name = project.name ? collapseSpace(project.name.text) : '';
  return name !== '' ? name : null;
}

function fieldNames(segment: FieldsSegment): string {
  return Object.keys(segment.values).join(', ');
}

export function firstRowText(table: Table): string {
  const texts: string[] = [];
  for (const cell of table.cells) {
    if (cell.row !== 0) break;
    if (cell.text !== '') texts.push(cell.text);
  }
  const joined = texts.join(' | ');
  return joined.length > 80 ? `${joined.slice(0, 80)}…` : joined;
}
