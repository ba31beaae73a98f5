/**
 * Every label synonym of every template, one test each: the label (as printed, and with
 * the spacing, colon and parenthesised unit variations producers add) is read as its field
 * or column.
 */
import { describe, expect, it } from 'vitest';
import { labelKey, LabelTable, matchKey } from '../../src/recognize/labels.js';
import { cellKeys, labelCount, scanTable, type FieldsSegment, type IndicatorsSegment } from '../../src/recognize/scan-table.js';
import type { ColumnRole, FieldRole, Template } from '../../src/recognize/template.js';
import { TEMPLATES } from '../../src/recognize/templates/index.js';
import { tableOf } from './tables.js';

const VALUE_ROLES = ['code', 'name', 'department', 'implementer', 'total', 'fiscal', 'other', 'carryover', 'goal', 'purpose'] as const;

function fieldCases(template: Template): [string, string, FieldRole][] {
  return Object.entries(template.fields).flatMap(([role, words]) => (words ?? []).map((w): [string, string, FieldRole] => [template.id, w, role as FieldRole]));
}

function columnCases(template: Template): [string, string, ColumnRole][] {
  return Object.entries(template.columns).flatMap(([role, words]) => (words ?? []).map((w): [string, string, ColumnRole] => [template.id, w, role as ColumnRole]));
}

const byId = (id: string) => TEMPLATES.find((t) => t.id === id) as Template;

describe('field synonyms', () => {
  const cases = TEMPLATES.flatMap(fieldCases).filter(([, , role]) => (VALUE_ROLES as readonly string[]).includes(role));
  it.each(cases)('%s: 「%s」 → %s', (id, label, role) => {
    // An amount label takes an amount (a text with no digit beside it is a column header).
    const value = ['total', 'fiscal', 'other', 'carryover'].includes(role) ? '11.00' : 'VALUE';
    for (const printed of [label, `${label}：`, ` ${[...label].join(' ')} `]) {
      const scan = scanTable(tableOf([[printed, value]]), byId(id));
      const fields = scan.segments[0] as FieldsSegment;
      expect(fields.values[role as (typeof VALUE_ROLES)[number]]?.text, printed).toBe(value);
    }
  });

  const blocks = TEMPLATES.flatMap(fieldCases).filter(([, , role]) => role === 'budgetBlock' || role === 'scheduleBlock');
  it.each(blocks)('%s: 「%s」 → %s', (id, label, role) => {
    const printed = role === 'budgetBlock' ? `${label}（万元）` : `${label}（%）`;
    const table = tableOf(role === 'scheduleBlock' ? [[printed, '3月底', '12月底'], ['', '40%', '100%']] : [[printed, '用于专项工作。']]);
    const scan = scanTable(table, byId(id));
    const fields = scan.segments[0] as FieldsSegment;
    if (role === 'scheduleBlock') {
      expect(fields.schedule?.labels.map((l) => l.text)).toEqual(['3月底', '12月底']);
      expect(fields.schedule?.percents.map((l) => l.text)).toEqual(['40%', '100%']);
    } else {
      expect(fields.values.purpose?.text).toBe('用于专项工作。');
      expect(fields.unit?.text).toBe(printed);
    }
  });
});

describe('indicator column synonyms', () => {
  // 绩效指标 (indicatorLabel) has no column of its own: its meaning depends on its place (see the list tests).
  it.each(TEMPLATES.flatMap(columnCases).filter(([, , role]) => role !== 'indicatorLabel'))('%s: 「%s」 → %s', (id, label, role) => {
    const others: Record<string, string> = { level1: '一级指标', level2: '二级指标', level3: '三级指标', target: '指标值' };
    const header = Object.entries(others).filter(([r]) => r !== role).map(([, l]) => l);
    const table = tableOf([[...header, label], [...header.map((_, i) => `v${i}`), 'X']]);
    const scan = scanTable(table, byId(id));
    const block = scan.segments.find((s): s is IndicatorsSegment => s.kind === 'indicators');
    expect(block?.rows[0]?.[role as Exclude<ColumnRole, 'indicatorLabel'>]?.text).toBe('X');
  });
});

describe('label normalization', () => {
  it.each([
    ['其中：财政    资金', '财政资金'],
    ['资金支出计划（%）', '资金支出计划'],
    ['项目资金(万元)', '项目资金'],
    ['年度资金总额：', '年度资金总额'],
    ['其中:当年财政拨款', '当年财政拨款'],
    ['*项目名称', '项目名称'],
    ['项目资金（万元）：', '项目资金'],
  ])('%s → %s', (printed, key) => {
    expect(labelKey(printed)).toBe(labelKey(key));
  });

  it('reads 绩效标准 as the basis column in the central template, where Hunan prints it', () => {
    const scan = scanTable(tableOf([['一级指标', '二级指标', '三级指标', '指标值及单位', '绩效标准'], ['产出指标', '数量指标', '配备车辆数', '10辆', '计划标准']]), byId('central'));
    const rows = (scan.segments[0] as IndicatorsSegment).rows;
    expect(rows.map((r) => [r.level3?.text, r.target?.text, r.basis?.text])).toEqual([['配备车辆数', '10辆', '计划标准']]);
  });

  it('target templates refuse a self-evaluation table wherever its marking label stands; the self-evaluation template reads it', () => {
    const table = tableOf([['项目名称', '某项目'], ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'], ['产出指标', '数量指标', '培训人数', '≥300人', '366人']]);
    for (const template of TEMPLATES.filter((t) => t.id !== 'self-evaluation')) {
      const scan = scanTable(table, template);
      expect(scan.rejectedBy).toBe('实际完成值');
      expect(scan.segments).toEqual([]);
    }
    const scan = scanTable(table, byId('self-evaluation'));
    expect(scan.rejectedBy).toBeNull();
    const block = scan.segments.find((s): s is IndicatorsSegment => s.kind === 'indicators');
    expect([block?.rows[0]?.level3?.text, block?.rows[0]?.target?.text, block?.rows[0]?.actual?.text]).toEqual(['培训人数', '≥300人', '366人']);
  });
});

describe('the template a table is scanned with', () => {
  // One row of cells: each counts when the template knows it as a field, a column or an
  // amount-grid label, as printed with a producer's spacing or colon too; a reject label, a
  // caption, a value, an empty cell and a text of more than 40 characters do not.
  const row = ['项目名称', ' 一 级 指 标 ', '年初预算数：', '实际完成值', '序号', '科普经费', '', `${'项目名称'.repeat(10)}一`];

  it('counts the labels a template knows, each cell once', () => {
    const keys = cellKeys(tableOf([row]));
    // Hebei knows 项目名称 and 一级指标; 年初预算数 is no label of it, 实际完成值 a reject label.
    expect(labelCount(keys, byId('hebei'))).toBe(2);
    // The self-evaluation form reads 年初预算数 in its amount grid and 实际完成值 as a column.
    expect(labelCount(keys, byId('self-evaluation'))).toBe(4);
  });

  it('looks a key up as match looks the text up', () => {
    const table = new LabelTable({ name: ['项目名称'], goal: ['年度绩效目标'] });
    for (const text of [...row, '年度绩效目标（万元）', '其中：项目名称']) expect(table.matchByKey(matchKey(text)), text).toBe(table.match(text));
    expect(table.match('其中：项目名称')).toBe('name');
    expect(matchKey('')).toBeNull();
    expect(matchKey('一'.repeat(41))).toBeNull();
    expect(matchKey('一'.repeat(40))).toBe('一'.repeat(40));
  });
});
