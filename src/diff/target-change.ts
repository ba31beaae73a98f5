/**
 * How a target (指标值) changed between two years, classified the way an auditor reads it:
 * - raised: harder to meet — a floor (`≥`, `>`) or a bare number (`=`) went up, a
 *   ceiling (`≤`, `<`) went down; lowered: the opposite;
 * - operator-changed: the comparison changed (`>10次` → `≥10次`, a number became a range);
 * - unit-changed: the unit changed (`≥3万人` → `≥30000人`), so values do not compare;
 * - became-qualitative / became-quantitative: a number turned into prose or back (a blank
 *   or unreadable target counts as not a number);
 * - text-only: the printed text changed but it reads the same (`不少于12个` → `≥12个`), or
 *   both are prose.
 * Which way is harder comes from the target's direction: higher-better (a floor `≥`, `>`,
 * or 指标性质 正向) is raised by a higher value, lower-better (a ceiling `≤`, `<`, or 反向)
 * by a lower one; so a 反向 target going 5% → 3% is raised even though it has no operator.
 * Without a direction (`=`, a range, a document written before the field) a higher value
 * is raised. A range is compared by its low end (the level that has to be reached), and
 * by its high end when the low end stayed. Two targets whose directions disagree
 * (正向 → 反向) are operator-changed.
 */
import { exactDifference } from '../check/exact-decimal.js';
import type { TargetChangeKind } from '../schema/diff.js';
import { directionOf } from '../normalize/target.js';
import type { Target } from '../schema/document.js';
import { comparable } from './names.js';

export interface TargetClassification {
  kind: TargetChangeKind;
  /** new − old value (in the target's unit), for raised and lowered; else null. */
  delta: number | null;
}

type NumericTarget = Target & { value: number };

function isNumeric(target: Target | null): target is NumericTarget {
  return target !== null && (target.kind === 'quantitative' || target.kind === 'range') && target.value !== null;
}

/**
 * Which way "harder" points for the pair: by the direction either side states (they agree
 * when both state one), else higher. Documents written before `direction` existed carry
 * none; their operator still tells a ceiling.
 */
function harderWhenHigher(before: NumericTarget, after: NumericTarget): boolean {
  const direction = after.direction ?? before.direction ?? directionOf(after.operator);
  return direction !== 'lower-better';
}

/** The classification of a change, or null when the two targets are the same text. */
export function classifyTargetChange(before: Target | null, after: Target | null): TargetClassification | null {
  if (comparable(before?.raw) === comparable(after?.raw)) return null;
  const wasNumber = isNumeric(before);
  const isNumber = isNumeric(after);
  if (wasNumber && !isNumber) return { kind: 'became-qualitative', delta: null };
  if (!wasNumber && isNumber) return { kind: 'became-quantitative', delta: null };
  if (!wasNumber || !isNumber) return { kind: 'text-only', delta: null };

  if ((before.unit ?? '') !== (after.unit ?? '')) return { kind: 'unit-changed', delta: null };
  if (before.kind !== after.kind || before.operator !== after.operator) return { kind: 'operator-changed', delta: null };
  if (before.direction !== null && after.direction !== null && before.direction !== after.direction) return { kind: 'operator-changed', delta: null };

  const lowMoved = after.value !== before.value;
  const [from, to] = lowMoved ? [before.value, after.value] : [before.valueMax, after.valueMax];
  if (from === null || to === null || from === to) return { kind: 'text-only', delta: null };
  const higher = to > from;
  return { kind: higher === harderWhenHigher(before, after) ? 'raised' : 'lowered', delta: exactDifference(to, from) };
}
