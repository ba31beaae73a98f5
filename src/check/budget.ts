/**
 * Budget rules: the money block of a project table (预算数, 其中：财政资金 / 上年结转 /
 * 其他资金) must add up. Compared in yuan, exactly (see exact-decimal.ts). A blank source counts
 * as 0 only when at least one source is given: a template that prints the total alone
 * states no split, and that is not a mismatch.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { isAmountPlaceholder } from '../normalize/amount.js';
import type { Amount, Document, Project } from '../schema/document.js';
import { hasProjectTable, projectLabel, projectLocation, type Rule } from './rule.js';
import { exactDifference, exactSum } from './exact-decimal.js';

interface Source {
  label: string;
  amount: Amount;
}

/** The sources the table fills in, labelled as printed in the Hebei template. */
function givenSources(project: Project): Source[] {
  const { fiscal, carryover, other } = project.budget;
  const sources: Array<[string, Amount | null]> = [
    ['财政资金', fiscal],
    ['上年结转', carryover],
    ['其他资金', other],
  ];
  return sources.filter((s): s is [string, Amount] => s[1] !== null).map(([label, amount]) => ({ label, amount }));
}

function shown(label: string, amount: Amount): string {
  return `${label} ${amount.raw} (${amount.yuan} yuan)`;
}

/** A source above the total, which BUDGET_SOURCE_ABOVE_TOTAL reports. */
function sourcesAboveTotal(project: Project): Source[] {
  const total = project.budget.total?.yuan ?? null;
  if (total === null) return [];
  return givenSources(project).filter((s) => s.amount.yuan !== null && s.amount.yuan > total);
}

function sourcesMismatch(document: Document): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const project of document.projects) {
    const total = project.budget.total;
    const sources = givenSources(project);
    if (total === null || total.yuan === null || sources.length === 0) continue;
    // An unreadable source is already reported (AMOUNT_UNREADABLE); a sum without it means nothing.
    if (sources.some((s) => s.amount.yuan === null)) continue;
    // A source above the total has its own, more telling finding.
    if (sourcesAboveTotal(project).length > 0) continue;
    const sum = exactSum(...sources.map((s) => s.amount.yuan as number));
    if (sum === total.yuan) continue;
    found.push(
      diagnostic(
        'BUDGET_SOURCES_MISMATCH',
        `project ${projectLabel(project)}: sources ${sources.map((s) => `${s.label} ${s.amount.raw}`).join(' + ')} = ${sum} yuan, ` +
          `but 预算数 ${total.raw} = ${total.yuan} yuan (sources − total = ${exactDifference(sum, total.yuan)} yuan)`,
        projectLocation(project),
      ),
    );
  }
  return found;
}

/** Cells that say "nothing here": dashes, a slash, 无 (the amount normalizer reads them as no value). */

function totalMissing(document: Document): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const project of document.projects) {
    // An indicator table without a project table is reported as INDICATORS_WITHOUT_PROJECT.
    if (!hasProjectTable(project)) continue;
    const total = project.budget.total;
    let problem: string | null = null;
    if (total === null) problem = 'has no total (预算数 is blank)';
    else if (total.yuan === 0) problem = `has a total of zero (预算数 ${total.raw})`;
    else if (total.yuan === null && isAmountPlaceholder(total.raw)) problem = `has no total (预算数 is "${total.raw}")`;
    if (problem !== null) found.push(diagnostic('BUDGET_TOTAL_MISSING', `project ${projectLabel(project)} ${problem}`, projectLocation(project)));
  }
  return found;
}

function sourceAboveTotal(document: Document): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const project of document.projects) {
    const total = project.budget.total;
    if (total === null) continue;
    for (const source of sourcesAboveTotal(project)) {
      found.push(
        diagnostic(
          'BUDGET_SOURCE_ABOVE_TOTAL',
          `project ${projectLabel(project)}: ${shown(source.label, source.amount)} is larger than ${shown('预算数', total)}`,
          projectLocation(project),
        ),
      );
    }
  }
  return found;
}

export const BUDGET_RULES: readonly Rule[] = [
  {
    code: 'BUDGET_SOURCES_MISMATCH',
    family: 'budget',
    checks: '财政资金 + 上年结转 + 其他资金 ≠ 预算数, in exact yuan (blank sources count as 0 when at least one source is given)',
    run: sourcesMismatch,
  },
  { code: 'BUDGET_TOTAL_MISSING', family: 'budget', checks: '预算数 blank, a placeholder, or zero', run: totalMissing },
  { code: 'BUDGET_SOURCE_ABOVE_TOTAL', family: 'budget', checks: 'a source (财政资金, 上年结转, 其他资金) larger than 预算数', run: sourceAboveTotal },
];
