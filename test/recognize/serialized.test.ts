/**
 * Serialized indicator cells (Guangzhou 项目支出绩效目标表): texts quoted from the 绩效指标 cells
 * of ../shared/corpora/real-2026/guangdong-guangzhou-{zwfwj,sthjj}-2026-project-perf-targets.pdf.
 */
import { describe, expect, it } from 'vitest';
import { splitSerializedIndicators } from '../../src/recognize/serialized.js';

const at = { page: 1, table: 1, row: 4, column: 7 };
const split = (text: string) => {
  const out = splitSerializedIndicators({ text, ...at }, 1, 4, 1);
  return { rows: out.indicators.map((i) => [i.level1?.text, i.level2?.text, i.level3?.text, i.midTerm?.text ?? null, i.target?.text]), unread: out.unread };
};

describe('splitSerializedIndicators', () => {
  it('reads the ASCII style (1、1-产出指标；11-数量指标；…；实施周期指标值:…；年度指标值:…。)', () => {
    expect(split('1、1-产出指标；12-质量指标；不满意回访率；实施周期指标值:100%；年度指标值:100%。2、1-产出指标；12-质量指标；咨询事项一次性解答率.；实施周期指标值:≥85%；年度指标值:≥85%。')).toEqual({
      rows: [
        ['产出指标', '质量指标', '不满意回访率', '100%', '100%'],
        ['产出指标', '质量指标', '咨询事项一次性解答率.', '≥85%', '≥85%'],
      ],
      unread: [],
    });
  });

  it('reads the full-width style, a first item numbered `1.`, numbering restarting in the cell, and 》 for ：', () => {
    expect(split('1.2－效益指标，22－社会效益，业务用房保障率；实施周期指标值：100%，年度指标值：100%;2、3－满意度指标，31－服务对象满意度，办公场所人员满意度；实施周期指标值》90%，年度指标值》90%;3、1－产出指标，11－数量指标，租赁场地面积；实施周期指标值：≤1600平方米，年度指标值：≤1600平方米；1、4－成本指标，41－经济成本指标，预算成本；实施周期指标值：≤12.61万元/月，年度指标值：≤12.61万元/月；')).toEqual({
      rows: [
        ['效益指标', '社会效益', '业务用房保障率', '100%', '100%'],
        ['满意度指标', '服务对象满意度', '办公场所人员满意度', '90%', '90%'],
        ['产出指标', '数量指标', '租赁场地面积', '≤1600平方米', '≤1600平方米'],
        ['成本指标', '经济成本指标', '预算成本', '≤12.61万元/月', '≤12.61万元/月'],
      ],
      unread: [],
    });
  });

  it('returns what no item accounts for, and an item that swallowed another, as unread', () => {
    const out = split('说明文字。1、1-产出指标；11-数量指标；培训人次；年度指标值:≥10人次。2、2-效益指标；22-社会效益；满意度；实施周期指标值=90%；2、3-满意度指标；31-服务对象满意度；满意度；年度指标值:≥90%');
    expect(out.rows).toEqual([['产出指标', '数量指标', '培训人次', null, '≥10人次']]);
    expect(out.unread).toEqual(['说明文字。', expect.stringMatching(/^2、2-效益指标；22-社会效益；满意度；实施周期指标值=90%；2、3-满意度指标/u)]);
  });
});
