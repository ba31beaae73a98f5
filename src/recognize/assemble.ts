/**
 * Blocks in reading order → projects. Tables are scanned into segments (scan-table.ts);
 * here segments are paired into projects: a fields segment with a code or a name starts a
 * project, an indicator block attaches to the open project. A project heading
 * (`2.科普经费绩效目标表`) closes the open project, so an indicator table after a heading
 * with no project table of its own becomes a project with null code and name (kept, with
 * a warning), while an indicator table continuing on without a heading stays with its
 * project. Captions (department, unit) carry forward to the tables that follow them.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { DocumentModel, Paragraph, Table } from '../read/model.js';
import { collapseSpace } from '../read/text.js';
import { departmentFromField, isDocumentTitle, isProjectHeading, isUnitLine, parseDepartmentLine, splitCaption } from './captions.js';
import { inheritLevels, NO_LEVELS, type Levels } from './indicator-rows.js';
import { recognizeOverview } from './overview.js';
import { locatedParagraph, type Located, type RawDepartment, type RawProject, type Recognized } from './records.js';
import { labelCount, scanTable, type FieldsSegment, type TableScan } from './scan-table.js';
import type { Template } from './template.js';

export function assemble(model: DocumentModel, templates: readonly Template[]): Recognized {
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

  const start = (template: Template, table: Table, page: number | null, captions: Captions): RawProject => {
    levels = NO_LEVELS;
    const project: RawProject = {
      template: template.id,
      title: pendingTitle,
      code: null,
      name: null,
      department: captions.department,
      implementer: null,
      unit: captions.unit,
      defaultUnit: template.defaultUnit,
      total: null,
      fiscal: null,
      other: null,
      carryover: null,
      purpose: null,
      goal: null,
      schedule: null,
      indicators: [],
      tables: [table.ordinal],
      page,
    };
    pendingTitle = null;
    projects.push(project);
    return project;
  };

  for (const block of model.blocks) {
    if (block.kind === 'paragraph') {
      if (isProjectHeading(block.text)) {
        pendingTitle = locatedParagraph(block.text, block.page);
        open = null;
        inProjects = true;
        continue;
      }
      const caption = splitCaption(block.text);
      const dept = caption.department ? parseDepartmentLine(caption.department) : null;
      const unitLine = caption.unit && isUnitLine(caption.unit) ? caption.unit : null;
      if (dept) stated = { ...stated, department: dept };
      if (unitLine) stated = { ...stated, unit: locatedParagraph(unitLine, block.page) };
      if (dept || unitLine) continue;
      if (isDocumentTitle(block.text)) titles.push(block.text);
      else if (!inProjects) before.push(block);
      continue;
    }

    const scan = bestScan(block, templates);
    const captions: Captions = {
      department: scan.department?.value ?? stated.department ?? carried.department,
      unit: scan.unit ?? stated.unit ?? carried.unit,
    };
    stated = { department: null, unit: null };
    if (scan.rejectedBy !== null) {
      messages.push(diagnostic('TABLE_SKIPPED', `table ${block.ordinal} skipped: 「${scan.rejectedBy}」 in a header marks a self-evaluation, not targets; first row 「${firstRowText(block)}」`, { table: block.ordinal, page: block.page }));
      continue;
    }
    if (scan.segments.length === 0) {
      // A small borderless table holding only the department and unit lines is a caption
      // for the table after it; any other table is something else.
      if ((scan.department || scan.unit) && block.cells.filter((c) => c.text !== '').length <= 2) stated = captions;
      else messages.push(diagnostic('TABLE_SKIPPED', `table ${block.ordinal} is not a performance-target table; first row 「${firstRowText(block)}」`, { table: block.ordinal, page: block.page }));
      continue;
    }
    inProjects = true;
    let used = false;
    for (const segment of scan.segments) {
      const page = block.rowPages[segment.kind === 'fields' ? segment.firstRow : segment.headerRow] ?? block.page;
      if (segment.kind === 'fields') {
        const startsProject = segment.values.code !== undefined || segment.values.name !== undefined;
        if (startsProject) open = start(scan.template, block, page, captions);
        else if (!open || open.indicators.length > 0) {
          // Amount or goal labels with no project named and no project being described:
          // another kind of table that happens to print such a label.
          messages.push(diagnostic('TABLE_SKIPPED', `table ${block.ordinal}: fields (${fieldNames(segment)}) but no project name or code before them; skipped; first row 「${firstRowText(block)}」`, { table: block.ordinal, page }));
          continue;
        }
        mergeFields(open, segment, captions.unit);
      } else {
        if (!open) {
          open = start(scan.template, block, page, captions);
          messages.push(diagnostic('INDICATORS_WITHOUT_PROJECT', `indicator table ${block.ordinal} has no project table before it; kept under a project with null code and name`, { table: block.ordinal, page }));
        } else if (open.indicators.length > 0 && !open.tables.includes(block.ordinal)) {
          messages.push(diagnostic('INDICATOR_TABLE_CONTINUED', `indicator table ${block.ordinal} continues the indicators of the project before it`, { project: projectKey(open), table: block.ordinal, page }));
        }
        const inherited = inheritLevels(segment.rows, levels, projectKey(open));
        levels = inherited.levels;
        open.indicators.push(...inherited.rows);
        messages.push(...inherited.messages);
        if (segment.ignoredColumns.length > 0) {
          messages.push(diagnostic('INDICATOR_COLUMN_IGNORED', `indicator table ${block.ordinal}: column(s) 「${segment.ignoredColumns.join('」「')}」 are not a known indicator column; not read`, { project: projectKey(open), table: block.ordinal, page }));
        }
      }
      used = true;
      if (!open.tables.includes(block.ordinal)) open.tables.push(block.ordinal);
    }
    if (used) carried = captions;
  }

  // A project table names a goal or has indicators; project labels without either are a
  // listing of projects (a 项目支出表), not a performance-target table.
  for (const project of projects.filter((p) => p.indicators.length === 0 && p.goal === null && p.schedule === null)) {
    projects.splice(projects.indexOf(project), 1);
    messages.push(diagnostic('TABLE_SKIPPED', `table ${project.tables.join(', ')} names a project (「${projectKey(project) ?? ''}」) but has no 绩效目标 and no indicators; not a performance-target table; skipped`, { table: project.tables[0] ?? null, page: project.page }));
  }
  for (const project of projects) {
    if (project.indicators.length === 0) {
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

/** The template that knows the most of the table's labels reads it (the first on a tie). */
function bestScan(table: Table, templates: readonly Template[]): TableScan {
  let best: Template | null = null;
  let bestCount = -1;
  for (const template of templates) {
    const count = labelCount(table, template);
    if (count > bestCount) {
      best = template;
      bestCount = count;
    }
  }
  if (!best) throw new Error('no templates configured');
  return scanTable(table, best);
}

interface Captions {
  department: RawDepartment | null;
  unit: Located | null;
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
  project.implementer ??= v.implementer ?? null;
  project.schedule ??= segment.schedule;
  project.unit = segment.unit ?? project.unit ?? unit;
  if (v.department && v.department.text !== '') project.department = departmentFromField(v.department.text);
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

function firstRowText(table: Table): string {
  const texts: string[] = [];
  for (const cell of table.cells) {
    if (cell.row !== 0) break;
    if (cell.text !== '') texts.push(cell.text);
  }
  const joined = texts.join(' | ');
  return joined.length > 80 ? `${joined.slice(0, 80)}…` : joined;
}
