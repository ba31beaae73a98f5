/**
 * PDF conversion end to end: every .docx fixture's PDF export gives the same records as
 * the .docx (everything but provenance), projects and diagnostics carry their pages,
 * bad PDFs fail alone with their own reason, and the real disclosures convert.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document, Project } from '../../src/schema/document.js';
import { readCsv, tempDir, yusuan } from '../cli/run.js';
import { convertFixture, documentOf, fixturePath } from '../helpers.js';

/** What a .docx and its PDF export must agree on: all content, no provenance. */
function content(doc: Document) {
  return JSON.parse(
    JSON.stringify({ fiscalYear: doc.fiscalYear, department: doc.department, overview: doc.overview, projects: doc.projects }, (key, value) =>
      key === 'provenance' ? undefined : value,
    ),
  );
}

const PAIRS = readdirSync(fixturePath('fixtures/docx')).filter((f) => f.endsWith('.docx')).map((f) => f.replace(/\.docx$/, ''));

describe('.docx ↔ PDF parity of the records', () => {
  it('covers every .docx fixture', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(9);
    for (const name of PAIRS) expect(readdirSync(fixturePath('fixtures/pdf')), name).toContain(`${name}.pdf`);
  });

  it.each(PAIRS)('%s: projects, indicators, amounts, schedules, bases and overview are identical', async (name) => {
    const docx = await documentOf(`fixtures/docx/${name}.docx`);
    const pdf = await documentOf(`fixtures/pdf/${name}.pdf`);
    expect(pdf.source.format).toBe('pdf');
    expect(docx.projects.length).toBeGreaterThan(0);
    expect(content(pdf)).toEqual(content(docx));
  });

  it.each(PAIRS)('%s: the same warnings, with pages in the PDF', async (name) => {
    const docx = await documentOf(`fixtures/docx/${name}.docx`);
    const pdf = await documentOf(`fixtures/pdf/${name}.pdf`);
    const warnings = (d: Document) => d.diagnostics.filter((m) => m.severity !== 'info').map((m) => [m.code, m.project]);
    expect(warnings(pdf)).toEqual(warnings(docx));
    for (const m of pdf.diagnostics.filter((d) => d.table !== null)) expect(m.page, `${m.code} ${m.message}`).toBeGreaterThanOrEqual(1);
  });
});

describe('PDF provenance', () => {
  it('gives every project the page where its table starts', async () => {
    const doc = await documentOf('fixtures/pdf/lunan-kexie-2025.pdf');
    expect(doc.source.pageCount).toBe(6);
    expect(doc.projects.map((p) => p.provenance.page)).toEqual([2, 4, 5]);
    expect(doc.projects.every((p) => p.indicators.every((i) => (i.provenance.page ?? 0) >= (p.provenance.page ?? 0)))).toBe(true);
  });

  it('reads 一级 merged over 4 rows and 二级 over 2 without shifting a column (lunan-jiaoyu project 1)', async () => {
    const p1 = (await documentOf('fixtures/pdf/lunan-jiaoyu-2025.pdf')).projects[0] as Project;
    expect(p1.indicators.slice(0, 4).map((i) => [i.level1, i.level2, i.level3, i.target?.raw, i.basis?.raw])).toEqual([
      ['产出指标', '数量指标', '受益幼儿人数', '≥1200人', '冀财教【2024】130号'],
      ['产出指标', '数量指标', '补助幼儿园数量', '≥15所', '冀财教〔2024〕88号'],
      ['产出指标', '质量指标', '幼儿体检达标率', '≥98%', '冀财教[2023]12号'],
      ['产出指标', '时效指标', '资金拨付及时率', '100%', '冀教计（2024）5号'],
    ]);
  });

  it('reads a table whose rulings are filled rectangles like its stroked original', async () => {
    const filled = await documentOf('fixtures/pdf/filled-rulings-2025.pdf');
    const stroked = await documentOf('fixtures/pdf/lunan-kexie-2025.pdf');
    expect(content(filled)).toEqual(content(stroked));
    expect(filled.projects.map((p) => p.indicators.length)).toEqual([9, 9, 9]);
  });

  it('stitches indicator tables broken across pages (long-tables-2025)', async () => {
    const doc = await documentOf('fixtures/pdf/long-tables-2025.pdf');
    expect(doc.source.pageCount).toBeGreaterThanOrEqual(3);
    expect(content(doc)).toEqual(content(await documentOf('fixtures/docx/long-tables-2025.docx')));
    const pages = new Set(doc.projects.flatMap((p) => p.indicators.map((i) => i.provenance.page)));
    expect(pages.size).toBeGreaterThanOrEqual(2);
  });
});

describe('bad PDFs in a batch', () => {
  const out = tempDir();
  const run = yusuan(['convert', fixturePath('test/inputs/bad-pdf'), fixturePath('fixtures/pdf/lunan-kexie-2025.pdf'), '-o', out, '-q']);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const byPath = Object.fromEntries(report.inputs.map((i: { path: string; status: string; errorKind: string | null; message: string | null }) => [i.path, [i.status, i.errorKind, i.message]]));

  it('each kind fails with its own reason, one line each', () => {
    expect(run.status).toBe(1);
    expect(byPath).toMatchObject({
      'empty.pdf': ['failed', 'empty', 'empty file (0 bytes)'],
      'not-a-pdf.pdf': ['failed', 'not-pdf', 'not a PDF (no %PDF- header)'],
      'encrypted.pdf': ['failed', 'encrypted', 'encrypted PDF: password required'],
    });
    // A scan is read by OCR, and never ok: what OCR read is not verified.
    expect(byPath['scanned.pdf']?.slice(0, 2)).toEqual(['partial', null]);
    expect(byPath['corrupt.pdf']?.slice(0, 2)).toEqual(['failed', 'corrupt']);
    for (const line of run.stderr.trimEnd().split('\n')) expect(line).toMatch(/^[\w-]+\.pdf: \S/);
  });

  it('reads a .docx named .pdf as a .docx, with a warning', async () => {
    expect(byPath['docx-named.pdf']?.[0]).toBe('ok');
    const doc = JSON.parse(readFileSync(join(out, 'json/docx-named.pdf.json'), 'utf8')) as Document;
    expect(doc.source.format).toBe('docx');
    expect(doc.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'FORMAT_MISMATCH' });
    expect(doc.projects.length).toBeGreaterThan(0);
  });

  it('warns with the page numbers of undecodable text and keeps the garbage out of the values', () => {
    expect(byPath['undecodable.pdf']?.[0]).not.toBe('failed');
    const doc = JSON.parse(readFileSync(join(out, 'json/undecodable.pdf.json'), 'utf8')) as Document;
    const warning = doc.diagnostics.find((d) => d.code === 'PDF_UNDECODABLE_TEXT');
    expect(warning).toMatchObject({ severity: 'warning', page: 1 });
    const text = JSON.stringify(doc.projects) + JSON.stringify(doc.overview);
    expect(text).not.toMatch(/[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000B\u000C\u000E-\u001F]/u);
  });

  it('still converts the good input of the same run', () => {
    expect(byPath['lunan-kexie-2025.pdf']?.[0]).toBe('ok');
    expect(readCsv(join(out, 'projects.csv')).filter((r) => r[0] === 'lunan-kexie-2025.pdf')).toHaveLength(3);
  });
});
