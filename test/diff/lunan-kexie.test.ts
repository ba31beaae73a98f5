/**
 * The complete expected diff of the seed department, 2024 → 2025 (fixtures/docx/
 * lunan-kexie-2024.docx against the seed), item by item: test/diff/expected/
 * lunan-kexie-2024-2025.json, written out and checked by hand against the fixture spec
 * (scripts/fixtures/specs/lunan-kexie-2024.ts). The generator version and file hashes
 * are left out of it; the hashes are checked against the documents instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Diff, type ProjectDiff } from '../../src/schema/diff.js';
import { fixturePath } from '../helpers.js';
import { documentsOf, NEW_DOCX, OLD_DOCX, seedDiff } from './helpers.js';

const EXPECTED = JSON.parse(readFileSync(fixturePath('test/diff/expected/lunan-kexie-2024-2025.json'), 'utf8'));

function withoutHashes(diff: Diff): unknown {
  const { generator: _generator, ...rest } = diff;
  return {
    ...rest,
    documents: diff.documents.map((d) => ({
      ...d,
      old: d.old && (({ sha256: _sha, ...ref }) => ref)(d.old),
      new: d.new && (({ sha256: _sha, ...ref }) => ref)(d.new),
    })),
  };
}

describe('yusuan diff: lunan-kexie 2024 → 2025, the complete expected diff', () => {
  it('is a valid diff by its schema, with the hashes of the two files', async () => {
    const diff = await seedDiff();
    expect(Diff.safeParse(diff).success).toBe(true);
    expect(diff.documents[0]?.old?.sha256).toBe((await documentsOf(OLD_DOCX))[0]?.document.source.sha256);
    expect(diff.documents[0]?.new?.sha256).toBe((await documentsOf(NEW_DOCX))[0]?.document.source.sha256);
  });

  it('has the expected summary', async () => {
    const diff = withoutHashes(await seedDiff()) as typeof EXPECTED;
    expect(diff.summary).toEqual(EXPECTED.summary);
    expect(diff.summary).toMatchObject({
      projects: { old: 3, new: 3, added: 1, removed: 1, changed: 2, unchanged: 0, fuzzy: 0 },
      indicators: { added: 1, removed: 1, changed: 11, raised: 3, lowered: 1 },
      budget: { oldTotalYuan: 145000, newTotalYuan: 180000, deltaYuan: 35000, percent: 24.14 },
      changes: 28,
    });
  });

  it('pairs the two documents and lists the projects in the expected order', async () => {
    const diff = withoutHashes(await seedDiff()) as typeof EXPECTED;
    const [document] = diff.documents;
    const [expected] = EXPECTED.documents;
    expect({ ...document, projects: undefined }).toEqual({ ...expected, projects: undefined });
    expect(document.projects.map((p: ProjectDiff) => [p.status, p.match?.by ?? null, p.old?.code ?? null, p.new?.code ?? null])).toEqual([
      ['changed', 'name', '13020224P009127100013', '13020225P009127100021'],
      ['changed', 'code', '13020225P00904910001F', '13020225P00904910001F'],
      ['added', null, null, '13020225P00905010001K'],
      ['removed', null, '13020224P00904910003A', null],
    ]);
  });

  it('matches every project, budget, schedule and text change item by item', async () => {
    const diff = withoutHashes(await seedDiff()) as typeof EXPECTED;
    const projects: ProjectDiff[] = diff.documents[0].projects;
    const expectedProjects: ProjectDiff[] = EXPECTED.documents[0].projects;
    expect(projects).toHaveLength(expectedProjects.length);
    for (const [i, expected] of expectedProjects.entries()) {
      const { indicators, ...fields } = projects[i] as ProjectDiff;
      const { indicators: expectedIndicators, ...expectedFields } = expected;
      expect(fields, `project ${i + 1}`).toEqual(expectedFields);
      expect(indicators, `project ${i + 1} indicators`).toHaveLength(expectedIndicators.length);
      for (const [j, indicator] of expectedIndicators.entries()) expect(indicators[j], `project ${i + 1} indicator change ${j + 1}`).toEqual(indicator);
    }
  });

  it('classifies each target change as the fixture intends', async () => {
    const diff = await seedDiff();
    const targets = diff.documents[0]?.projects.flatMap((p) => p.indicators.filter((i) => i.target).map((i) => [i.new?.level3, i.target?.kind, i.target?.old?.raw, i.target?.new?.raw, i.target?.delta]));
    expect(targets).toEqual([
      ['开展科普活动', 'raised', '≥15次', '≥20次', 5],
      ['科学技术普及', 'lowered', '≥15%', '≥13%', -2],
      ['及时到位的进行科普宣传活动', 'operator-changed', '>10次', '≥10次', null],
      ['2025年支持市县科技创新和科学普及专项资金', 'raised', '10万元', '11万元', 1],
      ['继续创新基层科普服务理念和服务方式', 'unit-changed', '≥3万人', '≥30000人', null],
      ['科普能力建设', 'text-only', '不少于12个', '≥12个', null],
      ['居民科普素质普遍提升率', 'became-quantitative', '有所提升', '≥1%', null],
      ['提高科学技术普及率', 'became-qualitative', '≥10%', '有效提高科学技术知识普及率', null],
      ['项目预算控制数', 'raised', '1.5万元', '2万元', 0.5],
    ]);
  });
});
