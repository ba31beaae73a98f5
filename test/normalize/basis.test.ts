import { describe, it, expect } from 'vitest';
import { parseBasis } from '../../src/normalize/basis.js';
import type { Basis } from '../../src/schema/document.js';

const at = { project: 'P1', table: 2, row: 3, column: 5 };
const where = { project: 'P1', page: null, table: 2, row: 3, column: 5 };

function docBasis(raw: string, issuer: string, year: number, serial: number): Basis {
  return { raw, docNumber: `${issuer}〔${year}〕${serial}号`, issuer, year, serial };
}
function plainBasis(raw: string): Basis {
  return { raw, docNumber: null, issuer: null, year: null, serial: null };
}

describe('parseBasis: blank', () => {
  it.each<[string | null | undefined]>([[null], [undefined], [''], ['   '], ['\t']])('%j → null without message', (raw) => {
    expect(parseBasis(raw, at)).toEqual({ value: null, messages: [] });
  });
});

describe('parseBasis: document numbers', () => {
  it.each<[string, string, number, number]>([
    // Every bracket kind.
    ['冀财教【2024】130号', '冀财教', 2024, 130],
    ['路南发【2010】9号', '路南发', 2010, 9],
    ['陕财办绩【2020】4号', '陕财办绩', 2020, 4],
    ['财预〔2021〕101号', '财预', 2021, 101],
    ['鄂财绩发〔2020〕3号', '鄂财绩发', 2020, 3],
    ['普投资规范〔2023〕1号', '普投资规范', 2023, 1],
    ['沪商规（2024）2号', '沪商规', 2024, 2],
    ['沪商规(2024)2号', '沪商规', 2024, 2],
    ['沪编[2015]581号', '沪编', 2015, 581],
    ['冀财教［2017］12号', '冀财教', 2017, 12],
    ['国办发〖2018〗5号', '国办发', 2018, 5],
    ['国办函﹝2019﹞7号', '国办函', 2019, 7],
    // Mixed and half-width variants.
    ['冀财教〔2024]130号', '冀财教', 2024, 130],
    ['冀财教[2024〕130号', '冀财教', 2024, 130],
    ['沪商规（2024)2号', '沪商规', 2024, 2],
    ['沪商规(2024）2号', '沪商规', 2024, 2],
    ['冀财教【2024〕130号', '冀财教', 2024, 130],
    // Spacing, full-width digits, 第, leading zeros.
    ['冀财教 【2024】 130 号', '冀财教', 2024, 130],
    ['冀财教【２０２４】１３０号', '冀财教', 2024, 130],
    ['冀财教〔2024〕第130号', '冀财教', 2024, 130],
    ['冀财教〔2024〕007号', '冀财教', 2024, 7],
    // Inside longer text.
    ['依据冀财教【2024】130号文件', '冀财教', 2024, 130],
    ['根据财预〔2021〕101号', '财预', 2021, 101],
    ['按照路南发【2010】9号执行', '路南发', 2010, 9],
    ['《关于下达2025年支持市县科技创新和科学普及专项资金的通知》（冀财教〔2024〕130号）', '冀财教', 2024, 130],
    ['关于印发管理办法的通知冀财教〔2024〕130号', '冀财教', 2024, 130],
    ['和平政发〔2020〕1号', '和平政发', 2020, 1],
  ])('%j → %s〔%i〕%i号', (raw, issuer, year, serial) => {
    expect(parseBasis(raw, at)).toEqual({ value: docBasis(raw, issuer, year, serial), messages: [] });
  });

  it.each<[string, string, number, number, string]>([
    ['财预〔2021〕101号、冀财教【2024】130号', '财预', 2021, 101, '财预〔2021〕101号, 冀财教〔2024〕130号'],
    ['根据财预〔2021〕101号和冀财教【2024】130号', '财预', 2021, 101, '财预〔2021〕101号, 冀财教〔2024〕130号'],
    ['中发〔2018〕34号及财预〔2021〕101号；沪商规（2024）2号', '中发', 2018, 34, '中发〔2018〕34号, 财预〔2021〕101号, 沪商规〔2024〕2号'],
  ])('several numbers %j → the first, with an info message', (raw, issuer, year, serial, list) => {
    const count = list.split(', ').length;
    expect(parseBasis(raw, at)).toEqual({
      value: docBasis(raw, issuer, year, serial),
      messages: [
        {
          ...where,
          severity: 'info',
          code: 'BASIS_SEVERAL_DOC_NUMBERS',
          message: `basis "${raw}" names ${count} document numbers (${list}); the first is used`,
        },
      ],
    });
  });

  it('the same number twice is not "several"', () => {
    const raw = '冀财教【2024】130号（冀财教〔2024〕130号）';
    expect(parseBasis(raw, at)).toEqual({ value: docBasis(raw, '冀财教', 2024, 130), messages: [] });
  });
});

describe('parseBasis: standards, titles and free text', () => {
  it.each<[string]>([
    ['既定标准'],
    ['计划标准'],
    ['历史标准'],
    ['行业标准'],
    ['预算支出标准'],
    ['其他标准'],
    ['《全民科学素质行动计划纲要》'],
    ['《科普法》'],
    ['《普陀区支持科技创新实施意见》'],
    ['《全民科学素质行动规划纲要（2021—2035年）》'],
    ['依据招标文件'],
    ['根据三定方案,各项费用据实结算'],
    ['市机关事务服务中心三定方案'],
    // Ordinary text with digits must not look like a damaged number.
    ['全区10个镇'],
    ['提供可持续性服务'],
    ['建设2号楼'],
    ['统计年鉴（2024）'],
    ['2025年预算'],
    ['文件第12345号'],
    ['上年完成值100000'],
  ])('%j → no document number, no message', (raw) => {
    expect(parseBasis(raw, at)).toEqual({ value: plainBasis(raw), messages: [] });
  });
});

describe('parseBasis: damaged document numbers', () => {
  it.each<[string]>([
    ['湘财绩〔20207号'], // closing bracket lost
    ['湘政发〔201910号'],
    ['益赫政发201612号'], // brackets lost, year glued to serial
    ['冀财教2024〕130号'], // opening bracket lost
    ['冀财教〔2024〕130'], // 号 lost
    ['冀财教〔24〕130号'], // two-digit year
    ['冀财教〔3024〕130号'], // no such year
    ['依据湘财绩〔20207号文件'],
  ])('%j → all parsed fields null + BASIS_MALFORMED', (raw) => {
    expect(parseBasis(raw, at)).toEqual({
      value: plainBasis(raw),
      messages: [{ ...where, severity: 'warning', code: 'BASIS_MALFORMED', message: `basis "${raw}" looks like a document number but does not parse` }],
    });
  });
});
