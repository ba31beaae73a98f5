/**
 * Consistency checks: every rule in one list, and the two ways they are used.
 * - checkDocument: the rules that look at a finished document; convert appends their
 *   findings to every document's diagnostics.
 * - checkFindings: what `yusuan check` reports for a document: those findings, found
 *   afresh (a document JSON may come from an older yusuan), plus the schedule and basis
 *   findings the normalizer stored while parsing.
 */
import type { Diagnostic, Document } from '../schema/document.js';
import { BUDGET_RULES } from './budget.js';
import { COST_RULES } from './cost.js';
import { EVALUATION_RULES } from './evaluation.js';
import { IDENTITY_RULES } from './identity.js';
import { INDICATOR_RULES } from './indicators.js';
import { PARSE_TIME_RULES } from './parse-time.js';
import { CROSS_TABLE_RULES } from './cross-tables.js';
import { QUOTED_FIGURE_RULES } from './quoted-figures.js';
import { RECONCILE_RULES } from './reconcile.js';
import type { Rule } from './rule.js';

export type { Rule, RuleFamily } from './rule.js';
export { reconcileTable } from './reconcile.js';

/** Every consistency rule, in the order README's table lists them. */
export const RULES: readonly Rule[] = [
  ...BUDGET_RULES,
  ...PARSE_TIME_RULES.filter((r) => r.family === 'schedule'),
  ...COST_RULES,
  ...IDENTITY_RULES,
  ...INDICATOR_RULES,
  ...PARSE_TIME_RULES.filter((r) => r.family === 'basis'),
  ...EVALUATION_RULES,
  ...RECONCILE_RULES,
  ...CROSS_TABLE_RULES,
  ...QUOTED_FIGURE_RULES,
];

/** The findings of the rules that look at a whole document, in rule order. */
export function checkDocument(document: Document): Diagnostic[] {
  return RULES.flatMap((rule) => (rule.run === null ? [] : rule.run(document)));
}

const PARSE_TIME_CODES = new Set<string>(RULES.filter((r) => r.run === null).map((r) => r.code));

/** Everything `yusuan check` reports for a document. */
export function checkFindings(document: Document): Diagnostic[] {
  const stored = document.diagnostics.filter((d) => PARSE_TIME_CODES.has(d.code));
  return [...stored, ...checkDocument(document)];
}
