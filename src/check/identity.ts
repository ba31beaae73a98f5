/**
 * Identity rules: a 项目编码 names one project. In the 预算管理一体化 coding
 * (FIELD-GUIDE §5: `13020225P009127100021` = region 130202 + library year 25 + P + 12),
 * the first six digits are the GB/T 2260 code of the budgeting region, which is the same
 * for every project of one department.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Document, Project } from '../schema/document.js';
import { projectLabel, projectLocation, type Rule } from './rule.js';

function duplicateCodes(document: Document): Diagnostic[] {
  const byCode = new Map<string, Project[]>();
  for (const project of document.projects) {
    if (project.code === null) continue;
    byCode.set(project.code, [...(byCode.get(project.code) ?? []), project]);
  }
  const found: Diagnostic[] = [];
  for (const [code, projects] of byCode) {
    if (projects.length < 2) continue;
    const tables = projects.map((p) => p.provenance.tables[0] ?? '?').join(', ');
    // One finding per later occurrence: the first one is where the code belongs, as far as anyone can tell.
    for (const project of projects.slice(1)) {
      found.push(
        diagnostic(
          'PROJECT_CODE_DUPLICATE',
          `project ${projectLabel(project)}: 项目编码 ${code} is used by ${projects.length} projects of this document (tables ${tables})`,
          projectLocation(project),
        ),
      );
    }
  }
  return found;
}

const REGION_PREFIX = /^(\d{6})/;

/** The department a project belongs to, as a grouping key. */
function departmentKey(project: Project, document: Document): string {
  const department = project.department ?? document.department;
  return department?.code ?? department?.name ?? '';
}

function departmentName(project: Project, document: Document): string {
  const department = project.department ?? document.department;
  return department?.name ?? department?.code ?? 'this document';
}

function regionMismatch(document: Document): Diagnostic[] {
  const groups = new Map<string, Array<{ project: Project; region: string }>>();
  for (const project of document.projects) {
    const region = project.code === null ? undefined : REGION_PREFIX.exec(project.code)?.[1];
    if (region === undefined) continue;
    const key = departmentKey(project, document);
    groups.set(key, [...(groups.get(key) ?? []), { project, region }]);
  }
  const found: Diagnostic[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // The department's region is the most common prefix; on a tie, the one met first.
    const counts = new Map<string, number>();
    for (const m of members) counts.set(m.region, (counts.get(m.region) ?? 0) + 1);
    let usual = members[0]?.region ?? '';
    for (const [region, n] of counts) if (n > (counts.get(usual) ?? 0)) usual = region;
    const others = counts.get(usual) ?? 0;
    for (const { project, region } of members) {
      if (region === usual) continue;
      found.push(
        diagnostic(
          'PROJECT_CODE_REGION_MISMATCH',
          `project ${projectLabel(project)}: 项目编码 starts with region ${region}, while ${others} other project(s) of ${departmentName(project, document)} start with ${usual}`,
          projectLocation(project),
        ),
      );
    }
  }
  return found;
}

export const IDENTITY_RULES: readonly Rule[] = [
  { code: 'PROJECT_CODE_DUPLICATE', family: 'identity', checks: 'the same 项目编码 on several projects of one document', run: duplicateCodes },
  {
    code: 'PROJECT_CODE_REGION_MISMATCH',
    family: 'identity',
    checks: "a 项目编码 whose 6-digit region prefix differs from the one most of the department's projects share",
    run: regionMismatch,
  },
];
