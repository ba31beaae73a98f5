import { describe, it, expect } from 'vitest';
import { cleanText, foldWidth } from '../../src/normalize/text.js';

describe('cleanText', () => {
  it.each<[string | null | undefined, string | null]>([
    [null, null],
    [undefined, null],
    ['', null],
    ['   ', null],
    ['\t\t', null],
    ['\u3000', null],
    ['其中：财政    资金', '其中：财政资金'],
    ['用于2025年支持市县科技创新和科学普及专项项目。\t\t', '用于2025年支持市县科技创新和科学普及专项项目。'],
    ['2025 年', '2025年'],
    ['Hello   world', 'Hello world'],
    ['\u3000全角空格\u3000', '全角空格'],
    ['≥ 20 次', '≥20次'],
    ['１１．００', '１１．００'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });
});

describe('foldWidth', () => {
  it.each<[string, string]>([
    ['２０２５', '2025'],
    ['２５％', '25%'],
    ['％', '%'],
    ['＞＝', '>='],
    ['＜', '<'],
    ['＝', '='],
    ['～', '~'], // U+FF5E, the last folded form
    ['！', '!'], // U+FF01, the first folded form
    ['ＡＢＣｘｙｚ', 'ABCxyz'],
    ['１１．００', '11.00'],
    ['３，５００', '3,500'],
    ['（）［］', '()[]'],
    ['\u3000', ' '],
    ['≥20次', '≥20次'],
    ['冀财教【2024】130号', '冀财教【2024】130号'],
    ['〔〕、。', '〔〕、。'],
    ['\uFF5F', '\uFF5F'], // just past the folded block
    ['￥', '￥'], // U+FFE5 is a full-width sign outside the ASCII block
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(foldWidth(raw)).toBe(expected);
  });
});
