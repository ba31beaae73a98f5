import { describe, it, expect } from 'vitest';
import { composeTarget, parseTarget } from '../../src/normalize/target.js';
import type { Target, TargetDirection, TargetOperator } from '../../src/schema/document.js';

const at = { project: 'P1', table: 2, row: 3, column: 5 };
const where = { project: 'P1', page: null, table: 2, row: 3, column: 5 };

/** The direction each operator implies: floors are met higher, ceilings lower, `=` says nothing. */
const IMPLIED: Record<TargetOperator, TargetDirection | null> = {
  '>=': 'higher-better', '>': 'higher-better', '<=': 'lower-better', '<': 'lower-better', '=': null,
};

function quantitative(raw: string, operator: TargetOperator, value: number, unit: string | null): Target {
  return { raw, kind: 'quantitative', operator, value, valueMax: null, unit, direction: IMPLIED[operator] };
}
function qualitative(raw: string): Target {
  return { raw, kind: 'qualitative', operator: null, value: null, valueMax: null, unit: null, direction: null };
}
function range(raw: string, value: number, valueMax: number, unit: string | null): Target {
  return { raw, kind: 'range', operator: null, value, valueMax, unit, direction: null };
}
function unread(raw: string): Target {
  return { raw, kind: null, operator: null, value: null, valueMax: null, unit: null, direction: null };
}

describe('parseTarget: blank', () => {
  it.each<[string | null | undefined]>([[null], [undefined], [''], ['  '], ['\t\u3000']])('%j → null without message', (raw) => {
    expect(parseTarget(raw, at)).toEqual({ value: null, messages: [] });
  });
});

describe('parseTarget: every operator spelling', () => {
  it.each<[string, TargetOperator]>([
    ['≥', '>='], ['≧', '>='], ['>=', '>='], ['＞＝', '>='], ['＞=', '>='], ['>＝', '>='],
    ['不低于', '>='], ['不少于', '>='], ['大于等于', '>='], ['不小于', '>='], ['至少', '>='],
    ['≤', '<='], ['≦', '<='], ['<=', '<='], ['＜＝', '<='], ['＜=', '<='], ['<＝', '<='],
    ['不高于', '<='], ['不超过', '<='], ['小于等于', '<='], ['不大于', '<='], ['不多于', '<='], ['最多', '<='],
    ['>', '>'], ['＞', '>'], ['大于', '>'], ['高于', '>'], ['超过', '>'], ['多于', '>'],
    ['<', '<'], ['＜', '<'], ['小于', '<'], ['低于', '<'], ['少于', '<'],
    ['=', '='], ['＝', '='], ['达到', '='], ['等于', '='],
  ])('%j90% → %j', (spelling, operator) => {
    for (const raw of [`${spelling}90%`, `${spelling} 90%`]) {
      expect(parseTarget(raw, at)).toEqual({ value: quantitative(raw, operator, 90, '%'), messages: [] });
    }
  });
});

describe('parseTarget: quantitative', () => {
  it.each<[string, TargetOperator, number, string | null]>([
    // Seed and FIELD-GUIDE §3.
    ['≥20次', '>=', 20, '次'],
    ['≥13%', '>=', 13, '%'],
    ['≥30000人', '>=', 30000, '人'],
    ['≥12个', '>=', 12, '个'],
    ['≥1年', '>=', 1, '年'],
    ['≥100%', '>=', 100, '%'],
    ['≥80M', '>=', 80, 'M'],
    ['≥50个', '>=', 50, '个'],
    ['≤90万元', '<=', 90, '万元'],
    ['≥100百分比', '>=', 100, '百分比'],
    ['>92%', '>', 92, '%'],
    ['≥300家次', '>=', 300, '家次'],
    ['＞＝２０次', '>=', 20, '次'],
    ['≥２０％', '>=', 20, '%'],
    ['≥ 20 次', '>=', 20, '次'],
    ['>= 20', '>=', 20, null],
    ['≥99.5%', '>=', 99.5, '%'],
    ['≥3,500人', '>=', 3500, '人'],
    ['≥３，５００人', '>=', 3500, '人'],
    ['≤24小时', '<=', 24, '小时'],
    ['≤30分', '<=', 30, '分'],
    ['≥5项', '>=', 5, '项'],
    ['≥2篇', '>=', 2, '篇'],
    ['≥4场', '>=', 4, '场'],
    ['≥100户', '>=', 100, '户'],
    ['≥7天', '>=', 7, '天'],
    ['≥1000人次', '>=', 1000, '人次'],
    // Bare numbers are `=`.
    ['11万元', '=', 11, '万元'],
    ['2万元', '=', 2, '万元'],
    ['5万', '=', 5, '万'],
    ['10辆', '=', 10, '辆'],
    ['2280次', '=', 2280, '次'],
    ['100', '=', 100, null],
    ['100 %', '=', 100, '%'],
    ['100％', '=', 100, '%'],
    ['１００', '=', 100, null],
    ['0', '=', 0, null],
    ['-5%', '=', -5, '%'],
    ['500元/人·月', '=', 500, '元/人·月'],
    ['1次/年', '=', 1, '次/年'],
    ['12个月', '=', 12, '个月'],
    ['≥3个行政村服务中心', '>=', 3, '个行政村服务中心'], // 8 characters: the longest unit
    ['2023.07', '=', 2023.07, null], // one decimal is a number, not a period
    // Plausibility is not this module's job: `≥92%` mangled to `292%` still reads.
    ['292%', '=', 292, '%'],
    // A subject before an operator symbol.
    ['足额保障率=100%', '=', 100, '%'],
    ['科目调整次数≤10次', '<=', 10, '次'],
    ['结余率(资金结余/预算)≤5%', '<=', 5, '%'],
    ['结余率（资金结余/预算）≤5%', '<=', 5, '%'],
    ['PM2.5浓度≤35微克/立方米', '<=', 35, '微克/立方米'],
    ['满意度 ≥ 90%', '>=', 90, '%'],
    // A subject before an operator word, when exactly a number and a unit follow.
    ['满意度达到90%', '=', 90, '%'],
    ['覆盖率达到100%', '=', 100, '%'],
    ['满意度 达到 90%', '=', 90, '%'],
    ['群众满意度等于95%', '=', 95, '%'],
    ['满意度不低于90%', '>=', 90, '%'],
    ['受益人数不少于500人', '>=', 500, '人'],
    ['故障率低于5%', '<', 5, '%'],
    ['响应时间不超过24小时', '<=', 24, '小时'],
    ['较上年增长不低于5个百分点', '>=', 5, '个百分点'],
    ['PM2.5浓度低于35微克/立方米', '<', 35, '微克/立方米'],
    ['完成率达到95%以上', '>=', 95, '%'],
    // Suffix words.
    ['90%以上', '>=', 90, '%'],
    ['90%及以上', '>=', 90, '%'],
    ['5%以下', '<=', 5, '%'],
    ['5%及以下', '<=', 5, '%'],
    ['5%以内', '<=', 5, '%'],
    ['3天以内', '<=', 3, '天'],
    // `内` after a number and unit is `以内`.
    ['3天内', '<=', 3, '天'],
    ['24小时内', '<=', 24, '小时'],
    ['5个工作日内', '<=', 5, '个工作日'],
    ['6个月内', '<=', 6, '个月'],
    ['3年内', '<=', 3, '年'],
    ['3天之内', '<=', 3, '天'],
    ['≤24小时内', '<=', 24, '小时'],
    ['<3天内', '<', 3, '天'],
    ['≥90%以上', '>=', 90, '%'],
    ['>90%以上', '>', 90, '%'],
    ['≤5%以内', '<=', 5, '%'],
    ['<5%以下', '<', 5, '%'],
    ['不低于90%以上', '>=', 90, '%'],
    // A plain `=` gives way to the suffix: `达到90%以上` is "at least 90%".
    ['达到90%以上', '>=', 90, '%'],
    ['=5%以内', '<=', 5, '%'],
    // A plus after the number is "or more".
    ['20+', '>=', 20, null],
    ['20+次', '>=', 20, '次'],
    ['≥20+', '>=', 20, null],
    ['+5%', '=', 5, '%'], // an explicit sign on one number, like `-5%`
    // A unit in brackets is the unit.
    ['≥80（分）', '>=', 80, '分'],
    ['≥80(分)', '>=', 80, '分'],
    ['≥80 （分）', '>=', 80, '分'],
    ['100（%）', '=', 100, '%'],
    ['≤5(%)以内', '<=', 5, '%'],
    ['≥500元/(人·月)', '>=', 500, '元/(人·月)'],
  ])('%j → %j %j %j', (raw, operator, value, unit) => {
    expect(parseTarget(raw, at)).toEqual({ value: quantitative(raw, operator, value, unit), messages: [] });
  });

  it('keeps raw as printed (trimmed) while reading a folded copy', () => {
    expect(parseTarget('  ＞＝ ２０次\t', at)).toEqual({ value: quantitative('＞＝ ２０次', '>=', 20, '次'), messages: [] });
  });
});

describe('parseTarget: ranges', () => {
  it.each<[string, number, number, string | null]>([
    ['80%-90%', 80, 90, '%'],
    ['80%～90%', 80, 90, '%'],
    ['80%~90%', 80, 90, '%'],
    ['80%—90%', 80, 90, '%'],
    ['80%–90%', 80, 90, '%'],
    ['80%至90%', 80, 90, '%'],
    ['80%到90%', 80, 90, '%'],
    ['80-90%', 80, 90, '%'],
    ['80%-90', 80, 90, '%'],
    ['80 - 90 %', 80, 90, '%'],
    ['８０％－９０％', 80, 90, '%'],
    ['10-20', 10, 20, null],
    ['1.5-2.5万元', 1.5, 2.5, '万元'],
    ['3,000-5,000人', 3000, 5000, '人'],
    ['90-90%', 90, 90, '%'],
    ['80（%）-90（%）', 80, 90, '%'],
    ['80-90(分)', 80, 90, '分'],
  ])('%j → %j..%j %j', (raw, value, valueMax, unit) => {
    expect(parseTarget(raw, at)).toEqual({ value: range(raw, value, valueMax, unit), messages: [] });
  });
});

describe('parseTarget: date periods are qualitative', () => {
  it.each<[string]>([
    ['2023.07-2024.01'],
    ['2025.1.1-2025.12.31'],
    ['2025/1/1-2025/12/31'],
    ['2025年1月-12月'],
    ['2025年1月至12月'],
    ['2025年12月底前'],
    ['2025年12月31日前完成'],
    ['2025年底'],
    ['2025年内'],
    ['2025年'],
    ['1-12月'],
    ['12月底前'],
    ['6月30日'],
    ['2025.12.31'],
  ])('%j → qualitative + TARGET_IS_PERIOD', (raw) => {
    expect(parseTarget(raw, at)).toEqual({
      value: qualitative(raw),
      messages: [{ ...where, severity: 'info', code: 'TARGET_IS_PERIOD', message: `target "${raw}" is a date period; kept as qualitative` }],
    });
  });
});

describe('parseTarget: qualitative', () => {
  it.each<[string]>([
    ['有效提高科学技术知识普及率'],
    ['居民科普素质普遍提升'],
    ['促进经济效益发展'],
    ['提供可持续性服务'],
    ['优良'],
    ['严格执行相关制度规定'],
    ['在项目计划完成时间内完成'],
    ['效果明显'],
    ['不超预算'],
    ['达到预期目标'],
    ['达到预期'],
    ['不低于上年'],
    ['高于全省平均水平'],
    ['超过预期'],
    // A word after a subject is an operator only when exactly a number and a unit follow.
    ['覆盖率达到全市平均水平'],
    ['满意度达到预期'],
    ['覆盖率达到100%的目标'],
    ['覆盖率达到100%，逐年提高'],
    ['全年开展活动，参与人数不少于100人'], // the subject is one clause
    ['同比增长10%以上'], // 增长 is no operator
    ['全年'],
    ['无'],
    ['以上'],
    // A sentence that starts with a number: not quantitative.
    ['100%完成'],
    ['3个工作日内完成'],
    ['年内完成'],
    ['在规定时间内'],
    ['5%，逐年提高'],
  ])('%j → qualitative without message', (raw) => {
    expect(parseTarget(raw, at)).toEqual({ value: qualitative(raw), messages: [] });
  });
});

describe('parseTarget: unreadable', () => {
  it.each<[string, string, 'warning' | 'info']>([
    ['≥**人', 'holds placeholder stars', 'warning'],
    ['≥**人次', 'holds placeholder stars', 'warning'],
    ['≥**%', 'holds placeholder stars', 'warning'],
    ['≤**%', 'holds placeholder stars', 'warning'],
    ['**人', 'holds placeholder stars', 'warning'],
    ['**元/人·月', 'holds placeholder stars', 'warning'],
    ['≥＊＊万元', 'holds placeholder stars', 'warning'],
    ['≥', 'has an operator "≥" but no number', 'warning'],
    ['＞＝', 'has an operator ">=" but no number', 'warning'],
    ['=', 'has an operator "=" but no number', 'warning'],
    ['≥优良', 'has an operator "≥" but no number', 'warning'],
    ['满意度≥', 'has an operator "≥" but no number', 'warning'],
    ['10,20', 'joins several numbers', 'warning'],
    ['10、20', 'joins several numbers', 'warning'],
    ['≥20次≥30次', 'joins several numbers', 'warning'],
    ['1:1', 'joins several numbers', 'warning'],
    ['≥100m2', 'joins several numbers', 'warning'],
    ['80-90-100', 'joins several numbers in a way that is not a range', 'warning'],
    ['≥95%，且无事故', 'has text after the number that is not a unit: "%,且无事故"', 'warning'],
    ['≤24小时前', 'has text after the number that is not a unit: "小时前"', 'warning'],
    // Longer than the 8 characters a unit may have.
    ['≥3个乡镇开展科普活动', 'has text after the number that is not a unit: "个乡镇开展科普活动"', 'warning'],
    ['≤90%以上', 'has an operator "≤" that contradicts "以上"', 'warning'],
    ['≥5%以内', 'has an operator "≥" that contradicts "以内"', 'warning'],
    ['90%-80%', 'is a range whose low end exceeds its high end', 'warning'],
    ['80%-90元', 'is a range whose ends have different units ("%", "元")', 'warning'],
    ['≥80%-90%', 'has both an operator and a range', 'warning'],
    ['80%-90%以上', 'is a range followed by "以上"', 'warning'],
    ['≥80分)', 'has text after the number that is not a unit: "分)"', 'warning'],
    ['≥80(分', 'has text after the number that is not a unit: "(分"', 'warning'],
    ['≥3天内', 'has an operator "≥" that contradicts "内"', 'warning'],
    ['3-5天内', 'is a range followed by "内"', 'warning'],
    // Approximate and signed values are no exact number.
    ['±5%', 'is a signed value ("±"), not one number', 'warning'],
    ['± 5%', 'is a signed value ("±"), not one number', 'warning'],
    ['20±2℃', 'is a signed value ("±"), not one number', 'warning'],
    ['约20次', 'is an approximate value ("约"), not an exact number', 'warning'],
    ['大约30人', 'is an approximate value ("大约"), not an exact number', 'warning'],
    ['约为20次', 'is an approximate value ("约为"), not an exact number', 'warning'],
    ['≥约20次', 'is an approximate value ("约"), not an exact number', 'warning'],
    ['满意度达到约90%', 'is an approximate value ("约"), not an exact number', 'warning'],
    ['20次左右', 'is an approximate value ("左右"), not an exact number', 'warning'],
    ['10人左右', 'is an approximate value ("左右"), not an exact number', 'warning'],
    ['20 次 左右', 'is an approximate value ("左右"), not an exact number', 'warning'],
    ['80%-90%左右', 'is an approximate value ("左右"), not an exact number', 'warning'],
    ['50%-', 'has a sign "-" after the number (a signed value or an unfinished range)', 'warning'],
    ['50-', 'has a sign "-" after the number (a signed value or an unfinished range)', 'warning'],
    ['20次+5', 'has a sign "+" after the number (a signed value or an unfinished range)', 'warning'],
    ['20+以上', 'has both "+" and "以上"', 'warning'],
    ['≤20+', 'has an operator "≤" that contradicts "+"', 'warning'],
    ['-', 'is a placeholder, not a target', 'info'],
    ['—', 'is a placeholder, not a target', 'info'],
    ['——', 'is a placeholder, not a target', 'info'],
    ['/', 'is a placeholder, not a target', 'info'],
    ['／', 'is a placeholder, not a target', 'info'],
  ])('%j → kind null: %s', (raw, reason, severity) => {
    expect(parseTarget(raw, at)).toEqual({
      value: unread(raw),
      messages: [{ ...where, severity, code: 'TARGET_UNREADABLE', message: `target "${raw}" ${reason}` }],
    });
  });
});

describe('parseTarget: direction', () => {
  it.each<[string, TargetDirection | null]>([
    ['≥20次', 'higher-better'],
    ['>92%', 'higher-better'],
    ['不低于90%', 'higher-better'],
    ['90%以上', 'higher-better'],
    ['20+', 'higher-better'],
    ['满意度不低于90%', 'higher-better'],
    ['≤5%', 'lower-better'],
    ['<5%', 'lower-better'],
    ['不超过24小时', 'lower-better'],
    ['5%以内', 'lower-better'],
    ['3天内', 'lower-better'],
    ['故障率低于5%', 'lower-better'],
    ['=100%', null],
    ['11万元', null],
    ['满意度达到90%', null],
    ['80%-90%', null],
    ['有效提升', null],
    ['2025年12月底前', null],
    ['约20次', null],
    ['≥**人', null],
  ])('%j → %j', (raw, direction) => {
    expect(parseTarget(raw, at).value?.direction).toBe(direction);
  });
});

describe('composeTarget', () => {
  it.each<[string | null, string | null, string | null, string]>([
    ['≥', '300', '家次', '≥300家次'],
    ['=', '100', '%', '=100%'],
    ['＝', '100', '%', '＝100%'],
    ['≤', '10', '次', '≤10次'],
    [' ≥ ', ' 90 ', ' % ', '≥90%'],
    ['定性', '优良', null, '优良'],
    ['正向', '90', '%', '90%'],
    ['反向', '5', '%', '5%'],
    ['定量', '20', '次', '20次'],
    [null, '优良', null, '优良'],
    ['', '100', '', '100'],
    ['≥', '300', null, '≥300'],
    [null, null, null, ''],
    // A part the value already carries is not repeated.
    ['=', '=100', '%', '=100%'],
    ['=', '100%', '%', '=100%'],
  ])('(%j, %j, %j) → %j', (operator, value, unit, expected) => {
    expect(composeTarget(operator, value, unit)).toBe(expected);
  });

  it.each<[string | null, string | null, string | null]>([
    ['≥', '300', '家次'],
    ['=', '100', '%'],
    ['定性', '优良', null],
    ['≥', '**', '人'],
    [null, '2023.07-2024.01', null],
  ])('parseTarget(composeTarget(%j, %j, %j)) equals parseTarget of the joined text', (operator, value, unit) => {
    const joined = [operator, value, unit].filter((part) => part !== null && !['定性', '正向', '反向', '定量'].includes(part)).join('');
    expect(parseTarget(composeTarget(operator, value, unit), at)).toEqual(parseTarget(joined, at));
  });

  it('an all-blank triple reads as no target', () => {
    expect(parseTarget(composeTarget(null, ' ', null), at)).toEqual({ value: null, messages: [] });
  });
});
