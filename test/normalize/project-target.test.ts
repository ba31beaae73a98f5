/**
 * readTarget (src/normalize/project.ts) through normalizeProject: the 指标性质 | 指标值 |
 * 度量单位 columns joined, and 正向/反向 read as the target's direction.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { normalizeProject } from '../../src/normalize/project.js';
import type { Located, RawIndicator, RawProject } from '../../src/recognize/records.js';
import type { Target } from '../../src/schema/document.js';

const CODE = '51000021R000000019951';
const cell = (text: string, column: number): Located => ({ text, page: null, table: 2, row: 3, column });
const where = { project: CODE, page: null, table: 2, row: 3, column: 5 };

function read(operator: string | null, value: string | null, unit: string | null): { target: Target | null; messages: Diagnostic[] } {
  const row: RawIndicator = {
    level1: cell('产出指标', 1), level2: cell('数量指标', 2), level3: cell('人员在岗率', 3), description: null,
    operator: operator === null ? null : cell(operator, 4),
    target: value === null ? null : cell(value, 5),
    unit: unit === null ? null : cell(unit, 6),
    weight: null, basis: null, notes: null, scoringRule: null, targetText: null, core: null, activity: null, midTerm: null, actual: null, score: null, deviation: null,
    levelled: true, table: 2, row: 3, page: null,
  };
  const raw: RawProject = {
    kind: 'project', template: 'separate-columns', title: null, code: cell(CODE, 2), name: cell('工资性支出', 4), department: null, implementer: null,
    unit: null, defaultUnit: null, total: null, fiscal: null, other: null, carryover: null, sources: [], purpose: null, goal: null, midTermGoal: null, outcome: null, execution: null, tasks: [], totalScore: null,
    schedule: null, indicators: [row], tables: [2], page: null,
  };
  const messages: Diagnostic[] = [];
  const project = normalizeProject(raw, messages);
  return { target: project.indicators[0]?.target ?? null, messages };
}

type Row = [
  operator: string | null, value: string, unit: string | null,
  target: Target,
  messages: Array<[code: string, severity: 'info' | 'warning', message: string]>,
];

describe('readTarget: 指标性质 正向/反向 and the direction', () => {
  it.each<Row>([
    // 正向/反向 over a bare number: the direction, no operator.
    ['正向', '95', '%', { raw: '95%', kind: 'quantitative', operator: null, value: 95, valueMax: null, unit: '%', direction: 'higher-better' },
      [['TARGET_DIRECTION_ONLY', 'info', '指标性质 "正向" with value "95%" names no exact operator; operator left null']]],
    ['反向', '5', '%', { raw: '5%', kind: 'quantitative', operator: null, value: 5, valueMax: null, unit: '%', direction: 'lower-better' },
      [['TARGET_DIRECTION_ONLY', 'info', '指标性质 "反向" with value "5%" names no exact operator; operator left null']]],
    [' 反向 ', '3', '天', { raw: '3天', kind: 'quantitative', operator: null, value: 3, valueMax: null, unit: '天', direction: 'lower-better' },
      [['TARGET_DIRECTION_ONLY', 'info', '指标性质 "反向" with value "3天" names no exact operator; operator left null']]],
    // An operator in the value that agrees: kept, and the direction with it.
    ['正向', '≥95', '%', { raw: '≥95%', kind: 'quantitative', operator: '>=', value: 95, valueMax: null, unit: '%', direction: 'higher-better' }, []],
    ['反向', '≤5', '%', { raw: '≤5%', kind: 'quantitative', operator: '<=', value: 5, valueMax: null, unit: '%', direction: 'lower-better' }, []],
    ['反向', '3天内', null, { raw: '3天内', kind: 'quantitative', operator: '<=', value: 3, valueMax: null, unit: '天', direction: 'lower-better' }, []],
    // A printed `=` stays; 正向/反向 still says which way is better.
    ['正向', '=100', '%', { raw: '=100%', kind: 'quantitative', operator: '=', value: 100, valueMax: null, unit: '%', direction: 'higher-better' }, []],
    ['反向', '=0', '起', { raw: '=0起', kind: 'quantitative', operator: '=', value: 0, valueMax: null, unit: '起', direction: 'lower-better' }, []],
    // A range under 正向/反向.
    ['正向', '80-90', '%', { raw: '80-90%', kind: 'range', operator: null, value: 80, valueMax: 90, unit: '%', direction: 'higher-better' }, []],
    ['反向', '3-5', '天', { raw: '3-5天', kind: 'range', operator: null, value: 3, valueMax: 5, unit: '天', direction: 'lower-better' }, []],
    // An operator that points the other way: unreadable.
    ['正向', '≤5', '%', { raw: '≤5%', kind: null, operator: null, value: null, valueMax: null, unit: null, direction: null },
      [['TARGET_UNREADABLE', 'warning', 'target "≤5%" has an operator "<=" that contradicts 指标性质 "正向"']]],
    ['反向', '90%以上', null, { raw: '90%以上', kind: null, operator: null, value: null, valueMax: null, unit: null, direction: null },
      [['TARGET_UNREADABLE', 'warning', 'target "90%以上" has an operator ">=" that contradicts 指标性质 "反向"']]],
    // Prose and unreadable values have no value to compare: no direction.
    ['正向', '优良', null, { raw: '优良', kind: 'qualitative', operator: null, value: null, valueMax: null, unit: null, direction: null }, []],
    ['反向', '**', '%', { raw: '**%', kind: null, operator: null, value: null, valueMax: null, unit: null, direction: null },
      [['TARGET_UNREADABLE', 'warning', 'target "**%" holds placeholder stars']]],
    // Other 指标性质 words: the direction is the operator's.
    ['定性', '优良', null, { raw: '优良', kind: 'qualitative', operator: null, value: null, valueMax: null, unit: null, direction: null }, []],
    ['定量', '20', '次', { raw: '20次', kind: 'quantitative', operator: '=', value: 20, valueMax: null, unit: '次', direction: null }, []],
    ['≥', '300', '家次', { raw: '≥300家次', kind: 'quantitative', operator: '>=', value: 300, valueMax: null, unit: '家次', direction: 'higher-better' }, []],
    ['＞', '95', '%', { raw: '＞95%', kind: 'quantitative', operator: '>', value: 95, valueMax: null, unit: '%', direction: 'higher-better' }, []],
    ['≤', '10', '次', { raw: '≤10次', kind: 'quantitative', operator: '<=', value: 10, valueMax: null, unit: '次', direction: 'lower-better' }, []],
    ['＜', '5', '%', { raw: '＜5%', kind: 'quantitative', operator: '<', value: 5, valueMax: null, unit: '%', direction: 'lower-better' }, []],
    ['=', '100', '%', { raw: '=100%', kind: 'quantitative', operator: '=', value: 100, valueMax: null, unit: '%', direction: null }, []],
    // One cell, no 指标性质 column.
    [null, '≥20次', null, { raw: '≥20次', kind: 'quantitative', operator: '>=', value: 20, valueMax: null, unit: '次', direction: 'higher-better' }, []],
    [null, '满意度达到90%', null, { raw: '满意度达到90%', kind: 'quantitative', operator: '=', value: 90, valueMax: null, unit: '%', direction: null }, []],
  ])('(%j, %j, %j)', (operator, value, unit, target, messages) => {
    expect(read(operator, value, unit)).toEqual({
      target,
      messages: messages.map(([code, severity, message]) => ({ ...where, code, severity, message })),
    });
  });
});
