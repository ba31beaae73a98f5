/**
 * Self-evaluation rules (绩效自评表): a target not met is a finding. A value achieved is
 * compared with its target only when both are numbers in the same unit; prose on either
 * side (`未超标准`, `有所提高`) is not judged. Auditors read these beside the year's targets.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Document, Target } from '../schema/document.js';
import { indicatorLabel, indicatorLocation, projectLabel, type Rule } from './rule.js';

function numeric(target: Target | null): target is Target & { value: number } {
  return target !== null && target.kind === 'quantitative' && target.value !== null;
}

/** Whether `actual` meets `target`, or null when the two cannot be compared. */
export function meets(target: Target | null, actual: Target | null): boolean | null {
  if (!numeric(target) || !numeric(actual) || target.unit !== actual.unit) return null;
  const a = actual.value;
  const t = target.value;
  switch (target.operator) {
    case '>=': return a >= t;
    case '>': return a > t;
    case '<=': return a <= t;
    case '<': return a < t;
    case '=': return a === t;
    default: return null;
  }
}

function targetsNotMet(document: Document): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const project of document.projects) {
    if (project.kind !== 'self-evaluation') continue;
    for (const indicator of project.indicators) {
      if (meets(indicator.target, indicator.actual) !== false) continue;
      found.push(
        diagnostic(
          'TARGET_NOT_MET',
          `project ${projectLabel(project)}: ${indicatorLabel(indicator)} achieved "${indicator.actual?.raw ?? ''}" against the target "${indicator.target?.raw ?? ''}"`,
          indicatorLocation(project, indicator),
        ),
      );
    }
  }
  return found;
}

export const EVALUATION_RULES: readonly Rule[] = [
  { code: 'TARGET_NOT_MET', family: 'evaluation', checks: 'a self-evaluation (绩效自评表) whose 实际完成值 misses its 年度指标值, compared as numbers in the same unit (`≥300人` vs `290人`)', run: targetsNotMet },
];
