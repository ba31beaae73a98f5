/** How a changed target is classified: raised = harder to meet. */
import { describe, expect, it } from 'vitest';
import { classifyTargetChange } from '../../src/diff/target-change.js';
import { parseTarget } from '../../src/normalize/target.js';

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
  ])('%j → %j: %s', (before, after, kind, delta) => {
    const classified = classifyTargetChange(target(before), target(after));
    expect(classified === null ? [null, null] : [classified.kind, classified.delta]).toEqual([kind, delta]);
  });
});
