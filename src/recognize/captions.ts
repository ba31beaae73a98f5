/**
 * Lines printed around the tables that say whose table it is and in which unit:
 * the department line (`731001唐山市路南区科学技术协会本级`, `219-池州市贵池区棠溪镇人民政府`),
 * the unit line (`单位：万元`), and project headings (`1.科普经费绩效目标表`).
 * Detection only; the normalizer parses the unit.
 */
import type { RawDepartment, RecordKind } from './records.js';

/** A unit statement: `单位：万元`, `金额单位：元`, `单位:万元、%`. */
const UNIT_LINE = /^(?:金额)?单位\s*[:：]\s*(?:人民币)?\s*(?:万元|元|千元|亿元)/u;

export function isUnitLine(text: string): boolean {
  return UNIT_LINE.test(text);
}

/**
 * A label that states its unit in brackets: `项目资金（万元）`, `预算金额(元)`, `年度资金总额（千元）`.
 * The normalizer reads which unit; here it is only noticed.
 */
export function mentionsUnit(text: string): boolean {
  return /[（(][^（）()]*元[^（）()]*[)）]/u.test(text);
}

/**
 * A department line: a unit code glued to, or hyphenated with, the unit's name. Six or more
 * digits when glued (so `2025年…` is not a code), three or more before a hyphen.
 */
const DEPARTMENT_GLUED = /^(\d{6,12})\s*([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,60})$/u;
const DEPARTMENT_HYPHEN = /^(\d{3,12})\s*[-－—_＿]\s*([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,60})$/u;
const DEPARTMENT_LABELLED = /^(?:单位名称|部门名称|预算单位|填报单位)\s*[:：]\s*(?:(\d{3,12})\s*[-－—]?\s*)?([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,60})$/u;

export function parseDepartmentLine(text: string): RawDepartment | null {
  const m = DEPARTMENT_GLUED.exec(text) ?? DEPARTMENT_HYPHEN.exec(text) ?? DEPARTMENT_LABELLED.exec(text);
  if (!m) return null;
  return { code: m[1] ?? null, name: m[2] ?? null };
}

/** A department field's value: `[105]国家发展和改革委员会`, `219-池州市…`, `731001…本级`, or a bare name. */
export function departmentFromField(text: string): RawDepartment {
  const bracketed = /^[[［【(（]\s*(\d{2,12})\s*[\]］】)）]\s*(.+)$/u.exec(text);
  if (bracketed) return { code: bracketed[1] ?? null, name: bracketed[2] ?? null };
  return parseDepartmentLine(text) ?? { code: null, name: text };
}

/**
 * A caption line read from a PDF may hold both parts (`731001…本级单位：万元`) when the gap
 * between them was narrow; split it at the unit statement.
 */
export function splitCaption(text: string): { department: string | null; unit: string | null } {
  const at = text.search(/(?:金额)?单位\s*[:：]/u);
  if (at <= 0) return isUnitLine(text) ? { department: null, unit: text } : { department: text, unit: null };
  return { department: text.slice(0, at).trim(), unit: text.slice(at).trim() };
}

/** A project heading: `1.2025年支持…资金绩效目标表`, `（三）科普经费项目绩效目标表`. */
const PROJECT_HEADING = /^(?:\d{1,3}\s*[.、．]|[（(]?[一二三四五六七八九十]{1,3}[)）、])?.{1,80}?绩效目标(?:申报)?表$/u;

export function isProjectHeading(text: string): boolean {
  return PROJECT_HEADING.test(text) && !/^(?:项目支出|部门整体|部门)?绩效目标(?:申报)?表$/u.test(text) && !isDocumentTitle(text);
}

/**
 * A document title, not a project heading, though it may end like one: a unit and a year
 * before a generic table name (`青神县发展和改革局2025年部门预算项目支出绩效目标表`,
 * `湘潭市环境卫生管理处2025年项目支出绩效目标申报表`, `唐山市路南区教育局2025年部门预算`).
 */
const DOCUMENT_TITLE = /(?:19|20)\d{2}\s*年度?\s*(?:部门预算|单位预算|部门决算|预算公开|(?:部门预算)?项目(?:支出)?绩效目标(?:申报)?表$|部门整体)/u;

export function isDocumentTitle(text: string): boolean {
  return text.length <= 60 && DOCUMENT_TITLE.test(text);
}

/** What a title says the table under it is: a kind of target table, a self-evaluation, or nothing known. */
export type TitleKind = RecordKind;

/**
 * The kind of target table a title names, or null when the text is no such title. Titles
 * come as page captions (`预算表12项目支出绩效目标表`, `2026年市级重点专项资金绩效目标表（一级项目）`),
 * project headings (`e福州…专栏项目绩效目标表`), or a table's own first row; text
 * overflowing from a cell may be glued before them, so the title is looked for, not matched
 * whole. Ordered: a 部门整体 self-evaluation is a self-evaluation.
 */
export function classifyTitle(text: string): TitleKind | null {
  if (text.length > 120) return null;
  if (/绩效自评表/u.test(text)) return 'self-evaluation';
  if (!/绩效目标(?:申报)?表|绩效情况说明|绩效目标表预算表/u.test(text)) return null;
  if (/部门整体|整体支出|单位整体|整体预算绩效|整体绩效目标/u.test(text)) return 'department';
  // `项目支出绩效目标表（含转移支付项目）` lists projects, transfer payments among them.
  if (/转移支付/u.test(text.replace(/[（(]含[^）)]*[）)]/gu, ''))) return 'transfer-payment';
  if (/专项资金/u.test(text) && !/专项业务经费/u.test(text)) return 'special-fund';
  return 'project';
}

/**
 * A title that names a table form rather than one project (`政策和项目预算绩效目标表`,
 * `预算表12项目支出绩效目标表`, `表14部门专项业务经费绩效目标表`, `2026年项目支出绩效目标表`):
 * repeated on every page of a list, it closes no project.
 */
const GENERIC_TITLE = new RegExp(
  '^(?:(?:预算)?表\\s*[0-9一二三四五六七八九十]+(?:\\s*[-－]\\s*\\d+)?表?\\s*)?(?:\\d{4}\\s*年度?\\s*)?(?:市级|省级)?' +
    '(?:部门预算|单位预算)?(?:项目支出|政策和项目预算|部门专项业务经费|重点专项资金|一般性项目|专项资金总体|专项资金|部门整体支出|部门整体|单位整体支出|项目|专项\\(或共同事权\\)转移支付\\(资金\\)|转移支付)?' +
    '绩效目标(?:申报)?表(?:预算表)?(?:[（(].*[）)])?$',
  'u',
);

/** Where a table number starts a title (`预算表12…`, `表14…`): text overflowing from a cell may stand before it. */
const TABLE_NUMBER = /(?:预算)?表\s*[0-9一二三四五六七八九十]+/gu;

export function isGenericTitle(text: string): boolean {
  const t = text.replace(/\s+/gu, '').replace(/[（]/gu, '(').replace(/[）]/gu, ')');
  if (GENERIC_TITLE.test(t)) return true;
  for (const m of t.matchAll(TABLE_NUMBER)) if (m.index > 0 && GENERIC_TITLE.test(t.slice(m.index))) return true;
  return false;
}

/**
 * The project an evaluation report is about, from its heading (`2024年度全国信访信息系统维护费项目
 * 绩效评价报告`, often printed over two lines): the heading less its year and `项目…评价报告`
 * ending. The report's tables restate that project's indicators without naming it.
 */
export function projectOfReport(text: string): string | null {
  const t = text.replace(/\s+/gu, '');
  const m = /^(?:(?:19|20)\d{2}年度?)?([^，。；：,;:]{2,40}?)(?:项目)?(?:支出)?(?:绩效)?评价报告$/u.exec(t);
  const name = m?.[1] ?? null;
  // `绩效评价报告` alone is the second line of a heading, not a project.
  return name === null || /^(?:绩效|项目|支出|整体)+$/u.test(name) ? null : name;
}

/**
 * The project a heading names, for tables that print no 项目名称 (Quanzhou): the heading less
 * its numbering and `项目绩效目标表` ending; a unit code and name before it
 * (`301007_泉州市公安局晋江国际机场分局_…`) is the department.
 */
export function projectFromHeading(text: string): { name: string; department: RawDepartment | null } | null {
  let rest = text.replace(/\s+/gu, '').replace(/^(?:\d{1,3}[.、．]|[（(][一二三四五六七八九十]{1,3}[)）])/u, '');
  let department: RawDepartment | null = null;
  const unit = /^(\d{3,12})[_＿-]([^_＿]{2,40})[_＿]/u.exec(rest);
  if (unit) {
    department = { code: unit[1] ?? null, name: unit[2] ?? null };
    rest = rest.slice(unit[0].length);
  }
  const name = rest.replace(/(?:项目)?绩效目标(?:申报)?表(?:[（(].*[）)])?$/u, '');
  return name === '' || name === rest ? null : { name, department };
}
