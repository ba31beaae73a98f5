/**
 * Cost rule: a 成本指标 whose target is an amount of money (`11万元`, `5万`, `≤90万元`)
 * states what the project costs, so it must agree with the project's total (预算数).
 * Both are compared in yuan, the target moved to yuan by the normalizer's exact decimal
 * shift, never by a float multiplication. `11万元` against 预算数 `11.00` agrees; `10万元`
 * against `11.00` does not.
 *
 * How a target agrees depends on its operator: a bare number (`=`) must equal the total;
 * a ceiling (`≤`, `<`) must not be below it; a floor (`≥`, `>`) must not be above it; a
 * range must hold it. Several money targets in one project are read as the parts of the
 * total (培训费 3万元 + 印刷费 2万元) and their sum is compared, when all are bare numbers;
 * otherwise parts and ceilings cannot be told apart and the project is left alone.
 * Unit costs (`≥720元/生·年`) are not money totals and are skipped.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { moneyUnitPlaces, shiftDecimal } from '../normalize/amount.js';
import type { Document, Indicator, Project, Target } from '../schema/document.js';
import { indicatorLabel, indicatorLocation, projectLabel, projectLocation, type Rule } from './rule.js';
import { exactSum } from './exact-decimal.js';

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** A number of the target in yuan, exactly; null when the unit is no money unit. */
function toYuan(value: number, unit: string | null): number | null {
  // `万` alone is 万元 (the seed prints `5万`).
  const places = moneyUnitPlaces(unit);
  const numeral = String(value);
  if (places === null || !PLAIN_DECIMAL.test(numeral)) return null;
  return Number(shiftDecimal(numeral, places));
}

function isCostIndicator(indicator: Indicator): boolean {
  return [indicator.level1, indicator.level2].some((level) => level?.includes('成本') ?? false);
}

interface MoneyTarget {
  indicator: Indicator;
  target: Target;
  yuan: number;
  maxYuan: number | null;
}

function moneyTargets(project: Project): MoneyTarget[] {
  const found: MoneyTarget[] = [];
  for (const indicator of project.indicators) {
    const target = indicator.target;
    if (!isCostIndicator(indicator) || target === null || target.value === null) continue;
    if (target.kind !== 'quantitative' && target.kind !== 'range') continue;
    const yuan = toYuan(target.value, target.unit);
    if (yuan === null) continue;
    found.push({ indicator, target, yuan, maxYuan: target.valueMax === null ? null : toYuan(target.valueMax, target.unit) });
  }
  return found;
}

/** Whether one money target can hold for a project costing `total` yuan. */
function agrees(money: MoneyTarget, total: number): boolean {
  if (money.target.kind === 'range') return money.yuan <= total && (money.maxYuan === null || total <= money.maxYuan);
  switch (money.target.operator) {
    case '<=':
      return total <= money.yuan;
    case '<':
      return total < money.yuan;
    case '>=':
      return total >= money.yuan;
    case '>':
      return total > money.yuan;
    default:
      return total === money.yuan;
  }
}

function costMismatch(document: Document): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const project of document.projects) {
    const total = project.budget.total;
    if (total === null || total.yuan === null || total.yuan === 0) continue;
    const targets = moneyTargets(project);
    const budget = `预算数 ${total.raw} (${total.yuan} yuan)`;
    const [only] = targets;
    if (targets.length === 1 && only !== undefined) {
      if (agrees(only, total.yuan)) continue;
      found.push(
        diagnostic(
          'COST_BUDGET_MISMATCH',
          `project ${projectLabel(project)}: 成本指标 ${indicatorLabel(only.indicator)} "${only.target.raw}" (${only.yuan} yuan) disagrees with ${budget}`,
          indicatorLocation(project, only.indicator),
        ),
      );
    } else if (targets.length > 1 && targets.every((t) => t.target.kind === 'quantitative' && t.target.operator === '=')) {
      const sum = exactSum(...targets.map((t) => t.yuan));
      if (sum === total.yuan) continue;
      found.push(
        diagnostic(
          'COST_BUDGET_MISMATCH',
          `project ${projectLabel(project)}: its ${targets.length} 成本指标 in money (${targets.map((t) => `"${t.target.raw}"`).join(' + ')}) sum to ${sum} yuan, not ${budget}`,
          projectLocation(project),
        ),
      );
    }
  }
  return found;
}

export const COST_RULES: readonly Rule[] = [
  {
    code: 'COST_BUDGET_MISMATCH',
    family: 'cost',
    checks: 'a 成本指标 target in money (元, 万元, 万) that cannot hold for 预算数: `10万元` vs `11.00` warns, `11万元` agrees; several bare amounts are summed',
    run: costMismatch,
  },
];
