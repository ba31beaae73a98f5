/** How a changed target is classified: raised = harder to meet. */
import { describe, expect, it } from 'vitest';
import { classifyTargetChange } from '../../src/diff/target-change.js';
import { parseTarget } from '../../src/normalize/target.js';
import type { Target, TargetDirection } from '../../src/schema/document.js';

const target = (raw: string | null) => parseTarget(raw, {}).value;

describe('classifyTargetChange', () => {
  it.each<[string | null, string | null, string | null, number | null]>([
    // floors: up is harder
    ['≥15次', '≥20次', 'raised', 5],
    ['≥15%', '≥13%', 'lowered', -2],
    ['>90%', '>95%', 'raised', 5],
    // ceilings: down is harder
    ['≤5%', '≤3%', 'raised', -2],
    ['≤3%', '≤5%', 'lowered', 2],
    ['<10天', '<7天', 'raised', -3],
    // bare numbers (=): up is raised
    ['10万元', '11万元', 'raised', 1],
    ['1.5万元', '2万元', 'raised', 0.5],
    ['0.3万元', '0.1万元', 'lowered', -0.2],
    // ranges: by the low end, else the high end
    ['80%-90%', '85%-90%', 'raised', 5],
    ['80%-90%', '80%-95%', 'raised', 5],
    ['80%-90%', '75%-95%', 'lowered', -5],
    ['>10次', '≥10次', 'operator-changed', null],
    ['≥90%', '80%-90%', 'operator-changed', null],
    ['≥3万人', '≥30000人', 'unit-changed', null],
    ['≥90%', '≥90分', 'unit-changed', null],
    ['≥10%', '有效提高', 'became-qualitative', null],
    ['≥10%', null, 'became-qualitative', null],
    ['≥10%', '≥**%', 'became-qualitative', null],
    ['有所提升', '≥1%', 'became-quantitative', null],
    [null, '≥1%', 'became-quantitative', null],
    ['不少于12个', '≥12个', 'text-only', null],
    ['12个', '12 个', null, null],
    ['有效提升', '显著提升', 'text-only', null],
    ['≥20次', '≥20次', null, null],
    ['≥２０次', '≥20次', null, null],
    // newly read spellings
    ['满意度达到85%', '满意度达到90%', 'raised', 5],
    ['5个工作日内', '3个工作日内', 'raised', -2],
    ['3天内', '5天内', 'lowered', 2],
    ['20+', '30+', 'raised', 10],
    ['约20次', '约30次', 'text-only', null],
    ['≥80（分）', '≥85分', 'raised', 5],
  ])('%j → %j: %s', (before, after, kind, delta) => {
    const classified = classifyTargetChange(target(before), target(after));
    expect(classified === null ? [null, null] : [classified.kind, classified.delta]).toEqual([kind, delta]);
  });
});

/** A target as readTarget gives it under a 指标性质 column: operator null, or `=`, with a direction. */
function stated(raw: string, value: number, unit: string, direction: TargetDirection | null, operator: '=' | null = null): Target {
  return { raw, kind: 'quantitative', operator, value, valueMax: null, unit, direction };
}
function statedRange(raw: string, value: number, valueMax: number, unit: string, direction: TargetDirection | null): Target {
  return { raw, kind: 'range', operator: null, value, valueMax, unit, direction };
}

describe('classifyTargetChange: by direction when the operator does not tell', () => {
  it.each<[string, Target, Target, string, number | null]>([
    // 反向 (lower-better): a lower value is harder.
    ['反向 5% → 3%', stated('5%', 5, '%', 'lower-better'), stated('3%', 3, '%', 'lower-better'), 'raised', -2],
    ['反向 3% → 5%', stated('3%', 3, '%', 'lower-better'), stated('5%', 5, '%', 'lower-better'), 'lowered', 2],
    // 正向 (higher-better): a higher value is harder.
    ['正向 90% → 95%', stated('90%', 90, '%', 'higher-better'), stated('95%', 95, '%', 'higher-better'), 'raised', 5],
    ['正向 95% → 90%', stated('95%', 95, '%', 'higher-better'), stated('90%', 90, '%', 'higher-better'), 'lowered', -5],
    // A printed `=` under 反向 follows the direction too.
    ['反向 =2起 → =1起', stated('=2起', 2, '起', 'lower-better', '='), stated('=1起', 1, '起', 'lower-better', '='), 'raised', -1],
    // A range under 反向: by the low end, lower is harder.
    ['反向 3-5天 → 2-5天', statedRange('3-5天', 3, 5, '天', 'lower-better'), statedRange('2-5天', 2, 5, '天', 'lower-better'), 'raised', -1],
    ['反向 3-5天 → 3-7天', statedRange('3-5天', 3, 5, '天', 'lower-better'), statedRange('3-7天', 3, 7, '天', 'lower-better'), 'lowered', 2],
    // The direction turned round: the comparison changed.
    ['正向 90% → 反向 5%', stated('90%', 90, '%', 'higher-better'), stated('5%', 5, '%', 'lower-better'), 'operator-changed', null],
    // One side without a direction (a document written before the field): the other side's.
    ['no direction → 反向', stated('5%', 5, '%', null), stated('3%', 3, '%', 'lower-better'), 'raised', -2],
    ['反向 → no direction', stated('5%', 5, '%', 'lower-better'), stated('3%', 3, '%', null), 'raised', -2],
    // Neither side: a higher value is raised, as for `=`.
    ['no direction 5% → 3%', stated('5%', 5, '%', null), stated('3%', 3, '%', null), 'lowered', -2],
  ])('%s: %s', (_name, before, after, kind, delta) => {
    const classified = classifyTargetChange(before, after);
    expect(classified === null ? [null, null] : [classified.kind, classified.delta]).toEqual([kind, delta]);
  });

  it('a ceiling without a direction (a document written before the field) still reads as a ceiling', () => {
    const ceiling = (raw: string, value: number): Target => ({ raw, kind: 'quantitative', operator: '<=', value, valueMax: null, unit: '%', direction: null });
    expect(classifyTargetChange(ceiling('≤5%', 5), ceiling('≤3%', 3))).toEqual({ kind: 'raised', delta: -2 });
  });
});
