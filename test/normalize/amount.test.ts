import { describe, it, expect } from 'vitest';
import { parseAmount, parseUnit, shiftDecimal, type AmountUnit } from '../../src/normalize/amount.js';

const at = { project: 'P1', table: 2, row: 3, column: 5 };
const where = { project: 'P1', page: null, table: 2, row: 3, column: 5 };

describe('parseUnit', () => {
  it.each<[string, AmountUnit | null]>([
    ['单位：万元', '万元'],
    ['单位:元', '元'],
    ['单位: 元', '元'],
    ['金额单位：万元', '万元'],
    ['单位：万元、%', '万元'],
    ['单位：千元', '千元'],
    ['单位：亿元', '亿元'],
    ['单位：人民币万元', '万元'],
    ['单位 ： 万元', '万元'],
    ['（万元）', '万元'],
    ['(元)', '元'],
    ['（元）', '元'],
    ['项目资金（万元）', '万元'],
    ['项目资金(万元)', '万元'],
    ['预算金额（元）', '元'],
    ['资金情况(万元)', '万元'],
    ['731001唐山市路南区科学技术协会本级            单位：万元', '万元'],
    ['填报单位:(盖章)  单位:万元', '万元'],
    ['万元', '万元'],
    ['元', '元'],
    ['单位：人', null],
    ['单位：%', null],
    ['项目资金', null],
    ['2025年预算100元', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseUnit(text)).toBe(expected);
  });
});

describe('shiftDecimal', () => {
  it.each<[string, number, string]>([
    ['11.00', 4, '110000'],
    ['0.07', 4, '700'],
    ['12.5', 4, '125000'],
    ['3.14159', 4, '31415.9'],
    ['-1.5', 4, '-15000'],
    ['0', 4, '0'],
    ['3286618082.20', 0, '3286618082.2'],
    ['0.000001', 4, '0.01'],
    ['-0.00', 4, '0'],
    ['-0.00001', 4, '-0.1'],
    ['007', 0, '7'],
    ['0.0700', 0, '0.07'],
    ['1.10', 1, '11'],
    ['100', 8, '10000000000'],
    ['1.2', 8, '120000000'],
    ['5', 3, '5000'],
  ])('(%j, %i) → %j', (numeral, places, expected) => {
    expect(shiftDecimal(numeral, places)).toBe(expected);
  });

  it.each<[string, number]>([
    ['1,000', 0],
    ['abc', 4],
    ['1.2.3', 4],
    ['.5', 4],
    ['10.', 4],
    ['', 4],
    ['+1', 4],
    ['1', -1],
    ['1', 1.5],
  ])('(%j, %j) throws RangeError (callers validate first)', (numeral, places) => {
    expect(() => shiftDecimal(numeral, places)).toThrow(RangeError);
  });
});

describe('parseAmount', () => {
  it.each<[string | null | undefined]>([[null], [undefined], [''], ['   '], ['\t'], ['\u3000']])(
    'blank %j → null without message',
    (raw) => {
      expect(parseAmount(raw, '万元', at)).toEqual({ value: null, messages: [] });
    },
  );

  it.each<[string, AmountUnit | null, string, number]>([
    ['11.00', '万元', '11.00', 110000],
    ['2', '万元', '2', 20000],
    ['0.07', '万元', '0.07', 700],
    ['12.5', '万元', '12.5', 125000],
    ['-1.5', '万元', '-1.5', -15000],
    ['0', '万元', '0', 0],
    ['0.00', '万元', '0.00', 0],
    ['  11.00\t', '万元', '11.00', 110000],
    ['3286618082.20', '元', '3286618082.20', 3286618082.2],
    ['3,286,618,082.20', '元', '3,286,618,082.20', 3286618082.2],
    ['3，286，618，082.20', '元', '3，286，618，082.20', 3286618082.2],
    ['3 286 618 082.20', '元', '3 286 618 082.20', 3286618082.2],
    ['１１．００', '万元', '１１．００', 110000],
    ['5', '千元', '5', 5000],
    ['1.5', '亿元', '1.5', 150000000],
    // A unit inside the cell wins over the caption's.
    ['250万', '元', '250万', 2500000],
    ['250万', null, '250万', 2500000],
    ['250万元', null, '250万元', 2500000],
    ['250 万元', null, '250 万元', 2500000],
    ['3500元', '万元', '3500元', 3500],
    ['1.2亿元', null, '1.2亿元', 120000000],
    ['1.2亿', null, '1.2亿', 120000000],
    ['5千元', null, '5千元', 5000],
    ['5千', null, '5千', 5000],
    ['3,500元', null, '3,500元', 3500],
    ['￥12.50', '元', '￥12.50', 12.5],
    ['¥ 12', '元', '¥ 12', 12],
  ])('%j in %j → raw %j, yuan %j', (raw, unit, printed, yuan) => {
    expect(parseAmount(raw, unit, at)).toEqual({ value: { raw: printed, yuan }, messages: [] });
  });

  it.each<[string]>([['-'], ['—'], ['－'], ['/'], ['／'], ['无'], ['——'], ['--'], ['–']])(
    'placeholder %j → yuan null with an info message',
    (raw) => {
      expect(parseAmount(raw, '万元', at)).toEqual({
        value: { raw, yuan: null },
        messages: [{ ...where, severity: 'info', code: 'AMOUNT_UNREADABLE', message: `amount "${raw}" is a placeholder, read as no value` }],
      });
    },
  );

  it.each<[string]>([['abc'], ['10,20'], ['1,2345'], ['11.00.1'], ['约10'], ['100%'], ['万元'], ['.5'], ['1 1.00'], ['十万'], ['11.00万元以内']])(
    'not a number %j → yuan null with a warning',
    (raw) => {
      expect(parseAmount(raw, '万元', at)).toEqual({
        value: { raw, yuan: null },
        messages: [{ ...where, severity: 'warning', code: 'AMOUNT_UNREADABLE', message: `amount "${raw}" is not a number` }],
      });
    },
  );

  it.each<[string]>([['11'], ['11.00'], ['3,500']])('a number with no unit anywhere %j → yuan null with a warning', (raw) => {
    expect(parseAmount(raw, null, at)).toEqual({
      value: { raw, yuan: null },
      messages: [
        {
          ...where,
          severity: 'warning',
          code: 'AMOUNT_UNREADABLE',
          message: `amount "${raw}" has no unit: neither the table nor the cell states one`,
        },
      ],
    });
  });

  it('0.07 万元 is exactly 700 yuan', () => {
    expect(parseAmount('0.07', '万元', at).value?.yuan).toBe(700);
    expect(0.07 * 10000).not.toBe(700); // the float product this module must not use
  });

  it.each<[string, number]>([
    ['1.1', 11000],
    ['0.29', 2900],
    ['4.35', 43500],
    ['1.005', 10050],
    ['0.57', 5700],
    ['1.15', 11500],
    ['9.95', 99500],
    ['0.0001', 1],
    ['123456.78', 1234567800],
  ])('%j 万元 → exactly %j yuan (no float error)', (raw, yuan) => {
    expect(parseAmount(raw, '万元', at).value?.yuan).toBe(yuan);
  });
});

describe('amounts beyond exact doubles', () => {
  const at = { project: 'P1', table: 2, row: 3, column: 5 };
  it('keeps the raw text and leaves yuan null when the value needs more than 15 significant digits', () => {
    const parsed = parseAmount('9007199254740993', '元', at);
    expect(parsed.value).toEqual({ raw: '9007199254740993', yuan: null });
    expect(parsed.messages.map((m) => [m.severity, m.code])).toEqual([['warning', 'AMOUNT_UNREADABLE']]);
  });

  it('still reads 15 significant digits exactly', () => {
    expect(parseAmount('12345678901.2345', '万元', at).value).toEqual({ raw: '12345678901.2345', yuan: 123456789012345 });
    expect(parseAmount('3,286,618,082.20', '元', at).value).toEqual({ raw: '3,286,618,082.20', yuan: 3286618082.2 });
  });
});
