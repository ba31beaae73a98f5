/**
 * Indicator rules: each row of the indicator table should name what it measures (三级指标)
 * and the target (指标值); numbers need a unit; percents stop at 100; a project needs
 * both 产出 (output) and 效益 (benefit) indicators (FIELD-GUIDE §2: they are the two
 * 一级指标 every framework since 2015 has); satisfaction is measured as a percent.
 */
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics.js';
import type { Document, Indicator, Project, Target } from '../schema/document.js';
import { indicatorLabel, indicatorLocation, projectLabel, projectLocation, type Rule } from './rule.js';

/** Apply a per-indicator test to every indicator of the document. */
function eachIndicator(
  document: Document,
  test: (indicator: Indicator, project: Project) => string | null,
  code: DiagnosticCode,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const project of document.projects) {
    for (const indicator of project.indicators) {
      const problem = test(indicator, project);
      if (problem !== null) found.push(diagnostic(code, `project ${projectLabel(project)}: ${problem}`, indicatorLocation(project, indicator)));
    }
  }
  return found;
}

function isNumeric(target: Target | null): target is Target & { value: number } {
  return target !== null && (target.kind === 'quantitative' || target.kind === 'range') && target.value !== null;
}

/** `%`, or `百分比` spelled out (FIELD-GUIDE §3, Chizhou). */
function isPercentUnit(unit: string | null): boolean {
  return unit === '%' || unit === '百分比';
}

function emptyIndicator(indicator: Indicator): string | null {
  const under = [indicator.level1, indicator.level2].filter((l) => l !== null).join('/') || '(no 一级/二级)';
  if (indicator.level3 === null && indicator.target === null) return `an indicator under ${under} has neither 三级指标 nor 指标值`;
  if (indicator.level3 === null) return `an indicator under ${under} has an empty 三级指标 (指标值 "${indicator.target?.raw}")`;
  if (indicator.target === null) return `indicator ${indicatorLabel(indicator)} has an empty 指标值`;
  return null;
}

/** A 三级指标 that states the unit itself: `生态效益提升值%`, `培训人数（人次）`. */
const UNIT_IN_NAME = /(?:%|[（(][^（()）]{1,6}[)）])$/u;

function unitMissing(indicator: Indicator): string | null {
  const target = indicator.target;
  if (!isNumeric(target) || target.unit !== null) return null;
  if (indicator.level3 !== null && UNIT_IN_NAME.test(indicator.level3)) return null;
  // Zero is zero in any unit (`安全事故 0`).
  if (target.value === 0 && (target.valueMax === null || target.valueMax === 0)) return null;
  return `target "${target.raw}" of ${indicatorLabel(indicator)} has no unit`;
}

function percentAbove100(indicator: Indicator): string | null {
  const target = indicator.target;
  if (!isNumeric(target) || !isPercentUnit(target.unit)) return null;
  const high = target.valueMax ?? target.value;
  const above = high > 100 || (target.operator === '>' && target.value >= 100);
  return above ? `percent target "${target.raw}" of ${indicatorLabel(indicator)} is above 100%` : null;
}

/** Satisfaction indicators: under 满意度指标 (一级 or 二级), or named 满意度/满意率. */
function isSatisfaction(indicator: Indicator): boolean {
  return (
    [indicator.level1, indicator.level2].some((l) => l?.includes('满意度') ?? false) ||
    /满意度|满意率/u.test(indicator.level3 ?? '')
  );
}

function satisfactionNotPercent(indicator: Indicator): string | null {
  const target = indicator.target;
  // Blank and unreadable targets have their own findings (INDICATOR_EMPTY, TARGET_UNREADABLE).
  if (!isSatisfaction(indicator) || target === null || target.kind === null) return null;
  if (isNumeric(target) && isPercentUnit(target.unit)) return null;
  return `satisfaction target "${target.raw}" of ${indicatorLabel(indicator)} is not a percent`;
}

const CATEGORIES = [
  { word: '产出', name: '产出指标 (output)' },
  { word: '效益', name: '效益指标 (benefit)' },
] as const;

function categoryMissing(document: Document): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const project of document.projects) {
    // A project without any indicator is reported as PROJECT_WITHOUT_INDICATORS.
    if (project.indicators.length === 0) continue;
    for (const category of CATEGORIES) {
      if (project.indicators.some((i) => i.level1?.includes(category.word) ?? false)) continue;
      found.push(
        diagnostic('INDICATOR_CATEGORY_MISSING', `project ${projectLabel(project)} has no ${category.name} indicators`, projectLocation(project)),
      );
    }
  }
  return found;
}

export const INDICATOR_RULES: readonly Rule[] = [
  {
    code: 'INDICATOR_EMPTY',
    family: 'indicators',
    checks: 'an indicator row with an empty 三级指标 or an empty 指标值',
    run: (d) => eachIndicator(d, emptyIndicator, 'INDICATOR_EMPTY'),
  },
  {
    code: 'TARGET_UNIT_MISSING',
    family: 'indicators',
    checks: 'a quantitative target with no unit (`≥20`), unless the 三级指标 states it (`提升值%`) or the value is 0',
    run: (d) => eachIndicator(d, unitMissing, 'TARGET_UNIT_MISSING'),
  },
  {
    code: 'TARGET_PERCENT_ABOVE_100',
    family: 'indicators',
    checks: 'a percent target above 100 (`≥120%` warns, `100%` is fine)',
    run: (d) => eachIndicator(d, percentAbove100, 'TARGET_PERCENT_ABOVE_100'),
  },
  {
    code: 'INDICATOR_CATEGORY_MISSING',
    family: 'indicators',
    checks: 'a project with indicators but none under 产出指标, or none under 效益指标',
    run: categoryMissing,
  },
  {
    code: 'SATISFACTION_NOT_PERCENT',
    family: 'indicators',
    checks: 'a 满意度 target that is not a percent (`≥90分`, `满意`)',
    run: (d) => eachIndicator(d, satisfactionNotPercent, 'SATISFACTION_NOT_PERCENT'),
  },
];
