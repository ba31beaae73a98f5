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

  it.each(files)('%s converts: zero projects, an info that no performance-target table was found, ok only when its standard tables were read whole', async (file) => {
    const conversion = await convertFixture(`${dir}/${file}`);
    const doc = conversion.document as Document;
    expect(doc.source.pageCount).toBeGreaterThan(10);
    expect(doc.projects).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === 'NO_PERFORMANCE_TABLE')).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(/^no performance-target table \(绩效目标表\) among the file's \d+ table\(s\)$|^no tables in the file, so no performance-target table \(绩效目标表\)$/),
      }),
    ]);
    // The standard tables are the content now: ok says all of them were read.
    if (conversion.status === 'ok') expect(doc.tables.length).toBeGreaterThan(0);
    else expect([conversion.status, conversion.message]).toEqual(['partial', expect.stringMatching(/\S/u)]);
    if (doc.tables.length === 0) expect(conversion.status).toBe('partial');
    const warnings = doc.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
    const allowed = ['PDF_UNDECODABLE_TEXT', 'PDF_PAGE_WITHOUT_TEXT', 'FISCAL_YEAR_UNKNOWN', 'AMOUNT_UNREADABLE', 'DIAGNOSTICS_FOLDED', 'TABLE_TOTAL_MISMATCH', 'TABLE_PARENT_MISMATCH', 'TABLE_COLUMN_MISMATCH', 'TABLE_SIDES_MISMATCH', 'TABLE_LINES_UNREAD'];
    for (const code of warnings) expect(allowed).toContain(code);
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
