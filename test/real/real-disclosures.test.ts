/**
 * The twelve real disclosures of ../shared/corpora/real-disclosures (Shanghai, Jiangsu), read
 * where they are: they hold standard budget tables and no performance-target table.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/schema/document.js';
import { convertFixture, fixturePath } from '../helpers.js';

describe('real disclosures (Shanghai, Jiangsu; WPS, Word 2007, Excel 2010, Distiller)', () => {
  const dir = '../shared/corpora/real-disclosures';
  const files = readdirSync(fixturePath(dir)).filter((f) => f.endsWith('.pdf'));

  it('are all twelve here', () => {
    expect(files).toHaveLength(12);
  });

  it.each(files)('%s converts: zero projects, an info that no performance-target table was found', async (file) => {
    const conversion = await convertFixture(`${dir}/${file}`);
    expect(conversion.status).toBe('partial');
    const doc = conversion.document as Document;
    expect(doc.source.pageCount).toBeGreaterThan(10);
    expect(doc.projects).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === 'NO_PERFORMANCE_TABLE')).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(/^no performance-target table \(绩效目标表\) among the file's \d+ table\(s\)$|^no tables in the file, so no performance-target table \(绩效目标表\)$/),
      }),
    ]);
    const warnings = doc.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
    for (const code of warnings) expect(['PDF_UNDECODABLE_TEXT', 'PDF_PAGE_WITHOUT_TEXT', 'FISCAL_YEAR_UNKNOWN']).toContain(code);
  });

  it('reads the fiscal year from the title where there is one', async () => {
    const years = await Promise.all(files.map(async (f) => [f, (await convertFixture(`${dir}/${f}`)).document?.fiscalYear]));
    expect(Object.fromEntries(years)).toMatchObject({
      'js-jcy-2019-dept-budget.pdf': 2019,
      'sh-putuo-sfj-2026-dept-budget.pdf': 2026,
      'sh-putuo-wanli-2024-dept-budget.pdf': 2024,
      'sh-putuo-zfb-2025-dept-budget.pdf': 2025,
    });
  });
});
