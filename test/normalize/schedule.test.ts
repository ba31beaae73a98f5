import { describe, it, expect } from 'vitest';
import { parsePercent, parseSchedule, parseScheduleMonth } from '../../src/normalize/schedule.js';
import type { DiagnosticCode } from '../../src/diagnostics.js';
import type { SchedulePoint } from '../../src/schema/document.js';

const at = { project: 'P1', table: 2, row: 3, column: 5 };
const where = { project: 'P1', page: null, table: 2, row: 3, column: 5 };

function warning(code: DiagnosticCode, message: string) {
  return { ...where, severity: 'warning', code, message };
}
function point(label: string, month: number | null, percentRaw: string, percent: number | null): SchedulePoint {
  return { label, month, percent, percentRaw };
}

describe('parseScheduleMonth', () => {
  it.each<[string, number | null]>([
    ['3月底', 3],
    ['3月末', 3],
    ['6月30日', 6],
    ['10月底', 10],
    ['12月', 12],
    ['12月31日', 12],
    ['03月底', 3],
    ['３月底', 3],
    ['１２月底', 12],
    ['3 月底', 3],
    ['3月份', 3],
    ['3月底前', 3],
    ['截至3月底', 3],
    ['2025年3月底', 3],
    ['1-3月', 3],
    ['1月至6月', 6],
    ['一月底', 1],
    ['三月底', 3],
    ['九月末', 9],
    ['十月底', 10],
    ['十一月', 11],
    ['十二月底', 12],
    ['一季度末', 3],
    ['一季度', 3],
    ['第一季度', 3],
    ['二季度', 6],
    ['第二季度末', 6],
    ['三季度', 9],
    ['第三季度末', 9],
    ['四季度', 12],
    ['第四季度', 12],
    ['1季度', 3],
    ['上半年', 6],
    ['年中', 6],
    ['下半年', 12],
    ['全年', 12],
    ['年底', 12],
    ['年末', 12],
    ['2025年底', 12],
    ['2025年末', 12],
    ['2025年上半年', 6],
    ['底', null],
    // Anything else.
    ['13月', null],
    ['0月', null],
    ['十三月', null],
    ['五季度', null],
    ['第5季度', null],
    ['3月中旬', null],
    ['月底', null],
    ['Q1', null],
    ['资金支出计划', null],
    ['', null],
  ])('%j → %j', (label, month) => {
    expect(parseScheduleMonth(label)).toBe(month);
  });
});

describe('parsePercent', () => {
  it.each<[string, number | null]>([
    ['25%', 25],
    ['25 %', 25],
    ['２５％', 25],
    ['25', 25],
    ['37.5%', 37.5],
    ['0%', 0],
    ['100%', 100],
    [' 100% ', 100],
    ['120%', 120],
    ['', null],
    ['%', null],
    ['-', null],
    ['—', null],
    ['-5%', null],
    ['25%%', null],
    ['二十五%', null],
    ['25%-50%', null],
    ['约25%', null],
    ['.5%', null],
  ])('%j → %j', (raw, percent) => {
    expect(parsePercent(raw)).toBe(percent);
  });
});

describe('parseSchedule', () => {
  it('empty input → [] without message', () => {
    expect(parseSchedule([], [], at)).toEqual({ value: [], messages: [] });
  });

  it('only blank cells → [] without message', () => {
    expect(parseSchedule(['', ' '], ['', '\t'], at)).toEqual({ value: [], messages: [] });
  });

  it('the seed schedule reads without message', () => {
    expect(parseSchedule(['3月底', '6月底', '10月底', '12月底'], ['25%', '50%', '75%', '100%'], at)).toEqual({
      value: [point('3月底', 3, '25%', 25), point('6月底', 6, '50%', 50), point('10月底', 10, '75%', 75), point('12月底', 12, '100%', 100)],
      messages: [],
    });
  });

  it.each<[string, readonly string[], readonly string[], SchedulePoint[], ReturnType<typeof warning>[]]>([
    [
      'labels are cleaned, percents kept as printed (trimmed), full-width read',
      [' 3月 底 ', '第二季度', '12月底'],
      [' ２５％ ', '50 %', '100'],
      [point('3月底', 3, '２５％', 25), point('第二季度', 6, '50 %', 50), point('12月底', 12, '100', 100)],
      [],
    ],
    [
      'a single point of 100 is fine',
      ['12月底'],
      ['100%'],
      [point('12月底', 12, '100%', 100)],
      [],
    ],
    [
      'equal neighbours are cumulative',
      ['3月底', '6月底', '12月底'],
      ['50%', '50%', '100%'],
      [point('3月底', 3, '50%', 50), point('6月底', 6, '50%', 50), point('12月底', 12, '100%', 100)],
      [],
    ],
    [
      'trailing blank grid cells are dropped on both sides',
      ['3月底', '12月底', '', ''],
      ['40%', '100%', ''],
      [point('3月底', 3, '40%', 40), point('12月底', 12, '100%', 100)],
      [],
    ],
    [
      'a pair blank on both sides inside the schedule is dropped',
      ['3月底', '', '12月底'],
      ['40%', '', '100%'],
      [point('3月底', 3, '40%', 40), point('12月底', 12, '100%', 100)],
      [],
    ],
    [
      'per-period percents that sum to 100',
      ['3月底', '6月底', '10月底', '12月底'],
      ['25%', '25%', '25%', '25%'],
      [point('3月底', 3, '25%', 25), point('6月底', 6, '25%', 25), point('10月底', 10, '25%', 25), point('12月底', 12, '25%', 25)],
      [
        warning('SCHEDULE_NOT_CUMULATIVE', 'schedule percents sum to 100 but end at "25%" at "12月底": they look per-period, not cumulative'),
        warning('SCHEDULE_NOT_ENDING_AT_100', 'schedule ends at "25%" at "12月底", not at 100%'),
      ],
    ],
    [
      'per-period percents with float-unfriendly parts still sum to 100',
      ['一季度', '二季度', '三季度'],
      ['33.3%', '33.3%', '33.4%'],
      [point('一季度', 3, '33.3%', 33.3), point('二季度', 6, '33.3%', 33.3), point('三季度', 9, '33.4%', 33.4)],
      [
        warning('SCHEDULE_NOT_CUMULATIVE', 'schedule percents sum to 100 but end at "33.4%" at "三季度": they look per-period, not cumulative'),
        warning('SCHEDULE_NOT_ENDING_AT_100', 'schedule ends at "33.4%" at "三季度", not at 100%'),
      ],
    ],
    [
      'a decrease: one NOT_CUMULATIVE warning for the first one only',
      ['3月底', '6月底', '9月底', '12月底'],
      ['50%', '40%', '30%', '100%'],
      [point('3月底', 3, '50%', 50), point('6月底', 6, '40%', 40), point('9月底', 9, '30%', 30), point('12月底', 12, '100%', 100)],
      [warning('SCHEDULE_NOT_CUMULATIVE', 'schedule percent "40%" at "6月底" is below "50%" at "3月底"; percents should be cumulative')],
    ],
    [
      'above 100, once, and then not ending at 100',
      ['6月底', '10月底', '12月底'],
      ['50%', '110%', '120%'],
      [point('6月底', 6, '50%', 50), point('10月底', 10, '110%', 110), point('12月底', 12, '120%', 120)],
      [
        warning('SCHEDULE_ABOVE_100', 'schedule percent "110%" at "10月底" is above 100'),
        warning('SCHEDULE_NOT_ENDING_AT_100', 'schedule ends at "120%" at "12月底", not at 100%'),
      ],
    ],
    [
      'not ending at 100',
      ['3月底', '12月底'],
      ['30%', '90%'],
      [point('3月底', 3, '30%', 30), point('12月底', 12, '90%', 90)],
      [warning('SCHEDULE_NOT_ENDING_AT_100', 'schedule ends at "90%" at "12月底", not at 100%')],
    ],
    [
      'unreadable label and percent: null, warned, and the checks use the readable percents',
      ['3月底', '资金到位后', '12月底'],
      ['30%', '过半', '100%'],
      [point('3月底', 3, '30%', 30), point('资金到位后', null, '过半', null), point('12月底', 12, '100%', 100)],
      [
        warning('SCHEDULE_LABEL_UNREADABLE', 'schedule label "资金到位后" names no month'),
        warning('SCHEDULE_PERCENT_UNREADABLE', 'schedule percent "过半" at "资金到位后" is not a number'),
      ],
    ],
    [
      'a blank last percent counts as missing: the schedule is short of a percent',
      ['6月底', '12月底'],
      ['100%', ' '],
      [point('6月底', 6, '100%', 100)],
      [warning('SCHEDULE_SHAPE', 'schedule has 2 labels but 1 percents; paired up to the shorter')],
    ],
    [
      'a blank percent inside the schedule is unreadable; the checks skip it',
      ['6月底', '9月底', '12月底'],
      ['50%', '', '100%'],
      [point('6月底', 6, '50%', 50), point('9月底', 9, '', null), point('12月底', 12, '100%', 100)],
      [warning('SCHEDULE_PERCENT_UNREADABLE', 'schedule percent "" at "9月底" is not a number')],
    ],
    [
      'the last readable percent is the one checked against 100',
      ['6月底', '12月底'],
      ['100%', '待定'],
      [point('6月底', 6, '100%', 100), point('12月底', 12, '待定', null)],
      [warning('SCHEDULE_PERCENT_UNREADABLE', 'schedule percent "待定" at "12月底" is not a number')],
    ],
    [
      'no readable percent at all: only the per-point warnings',
      ['12月底'],
      ['—'],
      [point('12月底', 12, '—', null)],
      [warning('SCHEDULE_PERCENT_UNREADABLE', 'schedule percent "—" at "12月底" is not a number')],
    ],
    [
      'a blank label over a percent is unreadable',
      ['', '12月底'],
      ['50%', '100%'],
      [point('', null, '50%', 50), point('12月底', 12, '100%', 100)],
      [warning('SCHEDULE_LABEL_UNREADABLE', 'schedule label "" names no month')],
    ],
    [
      'more labels than percents: paired up to the shorter',
      ['3月底', '6月底', '12月底'],
      ['50%', '100%'],
      [point('3月底', 3, '50%', 50), point('6月底', 6, '100%', 100)],
      [warning('SCHEDULE_SHAPE', 'schedule has 3 labels but 2 percents; paired up to the shorter')],
    ],
    [
      'more percents than labels: paired up to the shorter',
      ['6月底'],
      ['50%', '100%'],
      [point('6月底', 6, '50%', 50)],
      [
        warning('SCHEDULE_SHAPE', 'schedule has 1 labels but 2 percents; paired up to the shorter'),
        warning('SCHEDULE_NOT_ENDING_AT_100', 'schedule ends at "50%" at "6月底", not at 100%'),
      ],
    ],
    [
      'months going backwards',
      ['6月底', '3月底', '12月底'],
      ['25%', '50%', '100%'],
      [point('6月底', 6, '25%', 25), point('3月底', 3, '50%', 50), point('12月底', 12, '100%', 100)],
      [warning('SCHEDULE_SHAPE', 'schedule months go backwards at "3月底" after "6月底"')],
    ],
  ])('%s', (_name, labels, percents, points, messages) => {
    expect(parseSchedule(labels, percents, at)).toEqual({ value: points, messages });
  });
});
