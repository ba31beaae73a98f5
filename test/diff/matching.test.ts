/**
 * How projects, indicators and documents pair across years, and the budget and schedule
 * changes of a pair, on documents built in code.
 */
import { describe, expect, it } from 'vitest';
import { diffDocuments, type ComparedDocument } from '../../src/diff/index.js';
import { diffProjects } from '../../src/diff/project-diff.js';
import type { Document, Project } from '../../src/schema/document.js';
import { document, indicator, project, wan } from '../check/make.js';

const matches = (olds: Project[], news: Project[]) =>
  diffProjects(olds, news).map((p) => [p.status, p.match?.by ?? null, p.match?.score ?? null, p.old?.name ?? null, p.new?.name ?? null]);

describe('project matching', () => {
  it('by code first, even when the name changed', () => {
    expect(matches([project({ name: '科普经费' })], [project({ name: '科学普及经费' })])).toEqual([['changed', 'code', null, '科普经费', '科学普及经费']]);
  });

  it('then by name without its leading year, under a new code', () => {
    const before = project({ code: '13020224P1', name: '2024年支持市县科技创新和科学普及专项资金' });
    const after = project({ code: '13020225P2', name: '2025年支持市县科技创新和科学普及专项资金' });
    expect(matches([before], [after])).toEqual([['changed', 'name', null, before.name, after.name]]);
  });

  it('then by similarity above the threshold, reported as fuzzy with its score', () => {
    const before = project({ code: null, name: '科技馆免费开放补助资金' });
    const after = project({ code: null, name: '科技馆免费开放补助经费' });
    expect(matches([before], [after])).toEqual([['changed', 'similarity', 0.82, before.name, after.name]]);
  });

  it('leaves dissimilar projects added and removed', () => {
    const before = project({ code: '13020224P00904910003A', name: '科技工作者之家建设经费' });
    const after = project({ code: '13020225P00905010001K', name: '招商引资专项业务费' });
    expect(matches([before], [after])).toEqual([
      ['added', null, null, null, '招商引资专项业务费'],
      ['removed', null, null, '科技工作者之家建设经费', null],
    ]);
  });

  it('names a project without 项目名称 by its heading', () => {
    const orphan = (title: string): Project => project({ code: null, name: null, title, budget: { total: null, fiscal: null, other: null, carryover: null, sources: [] } });
    expect(matches([orphan('5.公用经费绩效目标表')], [orphan('4.公用经费绩效目标表')])).toEqual([['unchanged', 'name', null, null, null]]);
  });

  it('pairs the best scores first', () => {
    const olds = [project({ code: null, name: '科普宣传活动经费' }), project({ code: null, name: '科普基地建设经费' })];
    const news = [project({ code: null, name: '科普基地建设补助经费' }), project({ code: null, name: '科普宣传活动专项经费' })];
    expect(matches(olds, news).map((m) => [m[3], m[4]])).toEqual([
      ['科普基地建设经费', '科普基地建设补助经费'],
      ['科普宣传活动经费', '科普宣传活动专项经费'],
    ]);
  });

  it('reports an unchanged pair as unchanged, with no changes', () => {
    const [diff] = diffProjects([project()], [project()]);
    expect(diff).toMatchObject({ status: 'unchanged', budget: [], schedule: [], indicators: [], indicatorsUnchanged: 4 });
  });
});

describe('indicator matching', () => {
  it('by (一级, 二级, 三级), then by a similar 三级 under the same 一级 only', () => {
    const before = project({ indicators: [indicator('产出指标', '质量指标', '展品完好率', '≥95%'), indicator('效益指标', '社会效益指标', '接待观众人次', '≥5万人次')] });
    const after = project({ indicators: [indicator('产出指标', '质量指标', '常设展品完好率', '≥95%'), indicator('满意度指标', '服务对象满意度指标', '接待观众人次满意度', '≥90%')] });
    const [diff] = diffProjects([before], [after]);
    expect(diff?.indicators.map((i) => [i.status, i.match?.by ?? null, i.match?.score ?? null, i.old?.level3 ?? null, i.new?.level3 ?? null])).toEqual([
      ['changed', 'similarity', 0.83, '展品完好率', '常设展品完好率'],
      ['added', null, null, null, '接待观众人次满意度'],
      ['removed', null, null, '接待观众人次', null],
    ]);
  });

  it('sees the same document number in another bracket style as the same basis', () => {
    const before = project({ indicators: [indicator('产出指标', '数量指标', '场次', '≥20次', '冀财教【2024】130号')] });
    const after = project({ indicators: [indicator('产出指标', '数量指标', '场次', '≥20次', '冀财教〔2024〕130号')] });
    expect(diffProjects([before], [after])[0]?.status).toBe('unchanged');
  });
});

describe('budget and schedule changes', () => {
  it('counts a blank source as 0 and a blank total as no value', () => {
    const before = project({ budget: { total: null, fiscal: wan('8.00'), other: null, carryover: null, sources: [] } });
    const after = project({ budget: { total: wan('11.00'), fiscal: wan('8.00'), other: wan('3.00'), carryover: null, sources: [] } });
    expect(diffProjects([before], [after])[0]?.budget.map((b) => [b.field, b.old?.raw ?? null, b.new?.raw ?? null, b.deltaYuan, b.percent])).toEqual([
      ['total', null, '11.00', null, null],
      ['other', null, '3.00', 30000, null],
    ]);
  });

  it('computes deltas exactly: 0.1 → 0.3 万元 is +2000 yuan, +200%', () => {
    const before = project({ budget: { total: wan('0.10'), fiscal: null, other: null, carryover: null, sources: [] } });
    const after = project({ budget: { total: wan('0.30'), fiscal: null, other: null, carryover: null, sources: [] } });
    expect(diffProjects([before], [after])[0]?.budget).toMatchObject([{ field: 'total', deltaYuan: 2000, percent: 200 }]);
  });

  it('pairs schedule points by month, reporting points that appear or vanish', () => {
    const point = (label: string, month: number, percent: number) => ({ label, month, percent, percentRaw: `${percent}%` });
    const before = project({ schedule: [point('3月底', 3, 20), point('6月底', 6, 50), point('12月底', 12, 100)] });
    const after = project({ schedule: [point('3月底', 3, 25), point('9月底', 9, 75), point('12月底', 12, 100)] });
    expect(diffProjects([before], [after])[0]?.schedule).toEqual([
      { label: '3月底', month: 3, old: 20, new: 25, delta: 5 },
      { label: '6月底', month: 6, old: 50, new: null, delta: null },
      { label: '9月底', month: 9, old: null, new: 75, delta: null },
    ]);
  });
});

describe('documents of directories pair by department', () => {
  const compared = (path: string, doc: Document): ComparedDocument => ({ path, relativePath: path, document: doc });
  const kexie = { code: '731001', name: '唐山市路南区科学技术协会本级' };
  const jiaoyu = { code: '731002', name: '唐山市路南区教育局本级' };

  it('by code, else by name; the rest are added or removed whole', () => {
    const olds = [compared('2024/a.json', document([project()], { department: kexie })), compared('2024/b.json', document([project()], { department: { code: null, name: jiaoyu.name } }))];
    const news = [
      compared('2025/b.docx', document([project()], { department: jiaoyu })),
      compared('2025/a.docx', document([project()], { department: kexie })),
      compared('2025/c.docx', document([project({ code: 'X' })], { department: { code: '731003', name: '文化馆' } })),
    ];
    const diff = diffDocuments(olds, news, { arguments: { old: '2024', new: '2025' }, asGiven: false });
    expect(diff.documents.map((d) => [d.status, d.pairedBy, d.old?.path ?? null, d.new?.path ?? null])).toEqual([
      ['paired', 'department-name', '2024/b.json', '2025/b.docx'],
      ['paired', 'department-code', '2024/a.json', '2025/a.docx'],
      ['added', null, null, '2025/c.docx'],
    ]);
    expect(diff.summary.documents).toEqual({ paired: 2, added: 1, removed: 0 });
    expect(diff.summary.projects).toMatchObject({ added: 1, unchanged: 2 });
  });

  it('two file arguments are compared with each other, whatever their departments', () => {
    const diff = diffDocuments([compared('a.json', document([project()], { department: kexie }))], [compared('b.json', document([project()], { department: jiaoyu }))], {
      arguments: { old: 'a.json', new: 'b.json' },
      asGiven: true,
    });
    expect(diff.documents.map((d) => d.pairedBy)).toEqual(['arguments']);
    expect(diff.summary.changes).toBe(0);
  });
});
