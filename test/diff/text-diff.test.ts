/** The compact character diff and the name similarity built on it. */
import { describe, expect, it } from 'vitest';
import { nameKey, similarity } from '../../src/diff/names.js';
import { inlineDiff } from '../../src/diff/render/present.js';
import { diffText } from '../../src/diff/text-diff.js';

const sides = (segments: ReturnType<typeof diffText>) => [
  segments.filter((s) => s.op !== 'insert').map((s) => s.text).join(''),
  segments.filter((s) => s.op !== 'delete').map((s) => s.text).join(''),
];

describe('diffText', () => {
  it.each([
    ['2024年支持市县科技创新', '2025年支持市县科技创新', '202[-4-]{+5+}年支持市县科技创新'],
    ['13020224P009127100013', '13020225P009127100021', '1302022[-4-]{+5+}P0091271000[-13-]{+21+}'],
    ['科普经费', '科普活动经费', '科普{+活动+}经费'],
    ['', '新增', '{+新增+}'],
    ['删除', '', '[-删除-]'],
    ['𠀀甲', '𠀁甲', '[-𠀀-]{+𠀁+}甲'],
  ])('%s → %s reads %s', (before, after, inline) => {
    const segments = diffText(before, after);
    expect(sides(segments)).toEqual([before, after]);
    expect(inlineDiff(segments, null)).toBe(inline);
  });

  it('is empty for equal texts', () => {
    expect(diffText('同', '同')).toEqual([]);
  });

  it('folds a single unchanged character between two changes into one change', () => {
    expect(diffText('13', '21')).toEqual([
      { op: 'delete', text: '13' },
      { op: 'insert', text: '21' },
    ]);
  });

  it('always gives back both texts, for random inputs', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = (): string => Array.from({ length: random(14) }, () => '甲乙丙a'[random(4)]).join('');
    for (let i = 0; i < 500; i++) {
      const [a, b] = [text(), text()];
      if (a !== b) expect(sides(diffText(a, b))).toEqual([a, b]);
    }
  });

  it('replaces texts whole when they have too little in common to align', () => {
    const a = 'a'.repeat(3000);
    const b = 'b'.repeat(3000);
    expect(diffText(a, b)).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });

  it('keeps a little context around changes in compact one-line form', () => {
    const segments = diffText('重点组织好全国科普日河北科普活动。', '重点组织好全国科普日河北科普活动，组织参与科技周。');
    expect(inlineDiff(segments, 4)).toBe('…科普活动{+，组织参与科技周+}。');
  });
});

describe('names across years', () => {
  it('drop a leading year, spacing, full-width digits and a weight', () => {
    expect(nameKey('2024年支持市县科技创新')).toBe(nameKey('2025年 支持市县科技创新'));
    expect(nameKey('２０２５年度科普经费')).toBe('科普经费');
    expect(nameKey('产出指标(50分)')).toBe('产出指标');
    expect(nameKey('用于2025年的经费')).toBe('用于2025年的经费');
  });

  it('are similar by the share of characters in common', () => {
    expect(similarity('提高科学技术普及', '提高科学技术普及率')).toBeCloseTo(16 / 17);
    expect(similarity('科普经费', '科技工作者之家建设经费')).toBeLessThan(0.6);
    expect(similarity('', '')).toBe(1);
  });
});
