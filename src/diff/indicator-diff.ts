/**
 * The indicators of a matched project, year against year. They pair by (一级, 二级, 三级)
 * after normalization (names.ts), then by a similar 三级 under the same 一级 (a reworded
 * indicator); the rest are added or removed. A pair reports its level texts that differ,
 * its target change (target-change.ts), a changed basis and a changed description.
 */
import type { BasisChange, IndicatorDiff, IndicatorRef, LevelChange, TextChange } from '../schema/diff.js';
import type { Basis, Indicator } from '../schema/document.js';
import { matchItems, type Stage } from './match.js';
import { comparable, nameKey, similarity } from './names.js';
import { classifyTargetChange } from './target-change.js';
import { diffText } from './text-diff.js';

/** Reworded 三级指标 pair when at least this similar. */
export const INDICATOR_SIMILARITY_THRESHOLD = 0.6;

const STAGES: readonly Stage<Indicator, 'levels' | 'similarity'>[] = [
  { by: 'levels', key: (i) => [i.level1, i.level2, i.level3].map(nameKey).join('\u0000') },
  {
    by: 'similarity',
    threshold: INDICATOR_SIMILARITY_THRESHOLD,
    score: (a, b) => {
      const [levelA, levelB] = [nameKey(a.level3), nameKey(b.level3)];
      if (nameKey(a.level1) !== nameKey(b.level1) || levelA === '' || levelB === '') return null;
      return similarity(levelA, levelB);
    },
  },
];

export function indicatorRef(indicator: Indicator): IndicatorRef {
  return {
    level1: indicator.level1,
    level2: indicator.level2,
    level3: indicator.level3,
    description: indicator.description,
    target: indicator.target?.raw ?? null,
    basis: indicator.basis?.raw ?? null,
    page: indicator.provenance.page,
    table: indicator.provenance.table,
    row: indicator.provenance.row,
  };
}

/** A text change, or null when the two texts read the same. */
export function textChange(before: string | null, after: string | null): TextChange | null {
  if (comparable(before) === comparable(after)) return null;
  return { old: before, new: after, segments: diffText(before ?? '', after ?? '') };
}

/** The same document number in any bracket style, else the same text. */
function sameBasis(before: Basis | null, after: Basis | null): boolean {
  if (before?.docNumber && after?.docNumber) return before.docNumber === after.docNumber;
  return comparable(before?.raw) === comparable(after?.raw);
}

function levelChanges(before: Indicator, after: Indicator): LevelChange[] {
  const fields = ['level1', 'level2', 'level3'] as const;
  return fields.flatMap((field) => {
    const change = textChange(before[field], after[field]);
    return change === null ? [] : [{ field, ...change }];
  });
}

function pairDiff(before: Indicator, after: Indicator, match: IndicatorDiff['match']): IndicatorDiff | null {
  const renamed = levelChanges(before, after);
  const classified = classifyTargetChange(before.target, after.target);
  const basis: BasisChange | null = sameBasis(before.basis, after.basis) ? null : { old: before.basis?.raw ?? null, new: after.basis?.raw ?? null };
  const description = textChange(before.description, after.description);
  if (renamed.length === 0 && classified === null && basis === null && description === null) return null;
  return {
    status: 'changed',
    match,
    old: indicatorRef(before),
    new: indicatorRef(after),
    renamed,
    target: classified === null ? null : { kind: classified.kind, old: before.target, new: after.target, delta: classified.delta },
    basis,
    description,
  };
}

function onlyOnOneSide(indicator: Indicator, status: 'added' | 'removed'): IndicatorDiff {
  const ref = indicatorRef(indicator);
  return {
    status,
    match: null,
    old: status === 'removed' ? ref : null,
    new: status === 'added' ? ref : null,
    renamed: [],
    target: null,
    basis: null,
    description: null,
  };
}

export interface IndicatorsDiff {
  /** Changed and added indicators in the new order, then removed ones in the old order. */
  changes: IndicatorDiff[];
  unchanged: number;
}

export function diffIndicators(olds: readonly Indicator[], news: readonly Indicator[]): IndicatorsDiff {
  const matching = matchItems(olds, news, STAGES);
  const pairOf = new Map(matching.pairs.map((p) => [p.newIndex, p]));
  const changes: IndicatorDiff[] = [];
  let unchanged = 0;
  news.forEach((after, j) => {
    const pair = pairOf.get(j);
    if (pair === undefined) {
      changes.push(onlyOnOneSide(after, 'added'));
      return;
    }
    const diff = pairDiff(olds[pair.oldIndex] as Indicator, after, { by: pair.by, score: pair.score });
    if (diff === null) unchanged++;
    else changes.push(diff);
  });
  for (const i of matching.unmatchedOld) changes.push(onlyOnOneSide(olds[i] as Indicator, 'removed'));
  return { changes, unchanged };
}
