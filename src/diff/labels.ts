/**
 * The words of the Markdown and HTML renderings, in Chinese (the default: auditors write
 * their reports in Chinese) and English (`--lang en`). CSV and JSON use the stable English
 * codes of src/schema/diff.ts instead.
 */
import type { ChangeKind, ProjectMatch } from '../schema/diff.js';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

type Words = Readonly<Record<Lang, string>>;

export const KIND_LABELS: Readonly<Record<ChangeKind, Words>> = {
  'project-added': { zh: '新增项目', en: 'project added' },
  'project-removed': { zh: '删除项目', en: 'project removed' },
  'code-changed': { zh: '编码变化', en: 'code changed' },
  'project-renamed': { zh: '名称变化', en: 'renamed' },
  'budget-changed': { zh: '预算变化', en: 'budget changed' },
  'schedule-changed': { zh: '支出计划变化', en: 'schedule changed' },
  'purpose-changed': { zh: '用途变化', en: 'purpose changed' },
  'goal-changed': { zh: '目标变化', en: 'goal changed' },
  'indicator-added': { zh: '新增指标', en: 'indicator added' },
  'indicator-removed': { zh: '删除指标', en: 'indicator removed' },
  'indicator-renamed': { zh: '指标名称变化', en: 'indicator renamed' },
  raised: { zh: '调高', en: 'raised' },
  lowered: { zh: '调低', en: 'lowered' },
  'operator-changed': { zh: '运算符变化', en: 'operator changed' },
  'unit-changed': { zh: '单位变化', en: 'unit changed' },
  'became-qualitative': { zh: '改为定性', en: 'became qualitative' },
  'became-quantitative': { zh: '改为定量', en: 'became quantitative' },
  'text-only': { zh: '仅文字变化', en: 'wording only' },
  'basis-changed': { zh: '依据变化', en: 'basis changed' },
  'description-changed': { zh: '描述变化', en: 'description changed' },
  'line-added': { zh: '新增预算科目行', en: 'line item added' },
  'line-removed': { zh: '删除预算科目行', en: 'line item removed' },
  'line-changed': { zh: '预算科目行金额变化', en: 'line item changed' },
};

export const FIELD_LABELS: Readonly<Record<string, Words>> = {
  total: { zh: '预算数', en: 'total' },
  fiscal: { zh: '财政资金', en: 'fiscal funds' },
  other: { zh: '其他资金', en: 'other funds' },
  carryover: { zh: '上年结转', en: 'carry-over' },
  code: { zh: '项目编码', en: 'project code' },
  name: { zh: '项目名称', en: 'project name' },
  purpose: { zh: '资金用途', en: 'purpose' },
  goal: { zh: '绩效目标', en: 'goal' },
  target: { zh: '指标值', en: 'target' },
  basis: { zh: '指标值确定依据', en: 'basis' },
  description: { zh: '绩效指标描述', en: 'description' },
  level1: { zh: '一级指标', en: 'level 1' },
  level2: { zh: '二级指标', en: 'level 2' },
  level3: { zh: '三级指标', en: 'level 3' },
};

export const MATCH_LABELS: Readonly<Record<ProjectMatch['by'], Words>> = {
  code: { zh: '按项目编码匹配', en: 'matched by code' },
  name: { zh: '按项目名称匹配（去除年份）', en: 'matched by name (year removed)' },
  similarity: { zh: '按名称相似度模糊匹配', en: 'fuzzy match by name similarity' },
};

export const TEXT = {
  title: { zh: '绩效目标年度对比', en: 'Year-over-year comparison of performance targets' },
  old: { zh: '上年', en: 'old' },
  new: { zh: '本年', en: 'new' },
  summary: { zh: '概要', en: 'Summary' },
  item: { zh: '项目', en: 'item' },
  count: { zh: '数量', en: 'count' },
  projectsAdded: { zh: '新增项目', en: 'projects added' },
  projectsRemoved: { zh: '删除项目', en: 'projects removed' },
  projectsChanged: { zh: '变化项目', en: 'projects changed' },
  projectsUnchanged: { zh: '未变项目', en: 'projects unchanged' },
  projectsFuzzy: { zh: '模糊匹配项目', en: 'projects matched fuzzily' },
  indicatorsAdded: { zh: '新增指标', en: 'indicators added' },
  indicatorsRemoved: { zh: '删除指标', en: 'indicators removed' },
  indicatorsRaised: { zh: '调高指标', en: 'indicators raised' },
  indicatorsLowered: { zh: '调低指标', en: 'indicators lowered' },
  budgetTotal: { zh: '预算总额（元）', en: 'budget total (yuan)' },
  changes: { zh: '变化条数', en: 'changes' },
  noDifferences: { zh: '没有差异。', en: 'No differences.' },
  addedAndRemoved: { zh: '新增与删除项目', en: 'Projects added and removed' },
  documentAdded: { zh: '仅本年有此部门的文件', en: 'only in the new year' },
  documentRemoved: { zh: '仅上年有此部门的文件', en: 'only in the old year' },
  kind: { zh: '变化', en: 'change' },
  subject: { zh: '对象', en: 'subject' },
  delta: { zh: '增减/差异', en: 'delta / diff' },
  yuan: { zh: '元', en: 'yuan' },
  points: { zh: '个百分点', en: 'points' },
  budget: { zh: '预算', en: 'budget' },
  unknownDepartment: { zh: '（未注明部门）', en: '(no department)' },
  unnamedProject: { zh: '（未命名项目）', en: '(unnamed project)' },
  fiscalYear: { zh: '年度', en: 'fiscal year' },
  legend: { zh: '文字差异：[-删除的文字-]{+新增的文字+}', en: 'Text differences: [-deleted text-]{+inserted text+}' },
  filter: { zh: '按变化类型筛选', en: 'Filter by kind of change' },
  all: { zh: '全选', en: 'all' },
  none: { zh: '全不选', en: 'none' },
  score: { zh: '相似度', en: 'similarity' },
} as const satisfies Record<string, Words>;

export type TextKey = keyof typeof TEXT;

/** The word for `key` in `lang`. */
export function say(key: TextKey, lang: Lang): string {
  return TEXT[key][lang];
}

/** `：` in Chinese, `: ` in English. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/** A parenthetical after a word: `（2024年度）` in Chinese, ` (fiscal year 2024)` in English. */
export function aside(text: string, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}
