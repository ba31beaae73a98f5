/**
 * How visible text is assembled (src/read/text.ts): white space next to a CJK character is
 * layout and vanishes, between Latin characters it is one space. collapseSpace returns a
 * text holding no white space as it is, without the regular expression's pass; these cases
 * hold on both sides of that line.
 */
import { describe, expect, it } from 'vitest';
import { collapseSpace, joinPieces } from '../../src/read/text.js';

describe('collapseSpace', () => {
  it.each([
    ['', ''],
    ['科普经费', '科普经费'],
    ['≥20次', '≥20次'],
    ['冀财教【2024】130号', '冀财教【2024】130号'],
    // A lone surrogate (a damaged run) is text like any other.
    ['\uD800', '\uD800'],
    ['其中：财政    资金', '其中：财政资金'],
    ['2025 年', '2025年'],
    ['Hello   world', 'Hello world'],
    ['  2,300.00  ', '2,300.00'],
    ['财政\u3000资金', '财政资金'],
    ['项目\u00A0名称', '项目名称'],
    ['a\tb\nc', 'a b c'],
    // Zero-width space and the byte-order mark count as white space; trim alone would keep
    // the first, as it is no white space to JavaScript.
    ['\u200B', ''],
    ['a\u200Bb', 'a b'],
    ['\uFEFF绩效目标', '绩效目标'],
    ['\u200B绩效目标\u200B', '绩效目标'],
    // Line and paragraph separators, the Ogham space mark: \s takes them, so does trim.
    ['a\u2028b', 'a b'],
    ['\u1680x\u2029', 'x'],
  ])('%j → %j', (text, collapsed) => {
    expect(collapseSpace(text)).toBe(collapsed);
  });

  it('gives back the same string, unchanged, when the text holds no white space', () => {
    const text = ['预算', '表', String(3)].join('');
    expect(collapseSpace(text)).toBe(text);
  });
});

describe('joinPieces', () => {
  it('joins CJK pieces tight and Latin pieces with one space, skipping empty ones', () => {
    expect(joinPieces(['项目资金', ' ', '（万元）'])).toBe('项目资金（万元）');
    expect(joinPieces(['Hello', 'world '])).toBe('Hello world');
    expect(joinPieces(['2025', '年'])).toBe('2025年');
    expect(joinPieces(['\u200B', 'a'])).toBe('a');
  });
});
