/**
 * .xlsx conversion end to end: every .docx fixture's workbook twin (test/inputs/xlsx/, made
 * by LibreOffice from the .docx: scripts/fixtures/build-xlsx.ts) gives the records of the
 * .docx, whose values other tests pin against the documents; the records and messages of a
 * workbook name their sheet and cell.
 *
 * The overview (部门整体绩效目标) is not compared: its items are auto-numbered paragraphs in
 * the .docx, and LibreOffice's HTML route drops auto-numbers (a workbook has no lists), so
 * the twin prints the items without their labels, as prose. Nested tables are flattened
 * into their parent's cells on the way (wps-textbox-2025), which changes which tables are
 * skipped, not what is read.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATOR_COLUMNS, indicatorRows, PROJECT_COLUMNS, projectRows } from '../../src/export/rows.js';
import type { Document } from '../../src/schema/document.js';
import { convertFixture, documentOf, fixturePath } from '../helpers.js';

/** Fields that say where something is printed, which differ between a .docx and a workbook. */
const PLACES = new Set(['provenance', 'page', 'pages', 'table', 'tables', 'row', 'paragraph', 'sheet', 'ref']);

function content(doc: Document): unknown {
  return JSON.parse(
    JSON.stringify({ fiscalYear: doc.fiscalYear, fiscalYearSource: doc.fiscalYearSource, department: doc.department, projects: doc.projects, tables: doc.tables, quotedFigures: doc.quotedFigures }, (key, value) =>
      PLACES.has(key) ? undefined : value,
    ),
  );
}

const TWINS = readdirSync(fixturePath('fixtures/docx'))
  .filter((f) => f.endsWith('.docx'))
  .map((f) => f.replace(/\.docx$/u, ''))
  .sort();

describe('.docx ↔ .xlsx twins', () => {
  it('covers every .docx fixture', () => {
    expect(TWINS.length).toBeGreaterThanOrEqual(9);
    for (const name of TWINS) expect(readdirSync(fixturePath('test/inputs/xlsx')), name).toContain(`${name}.xlsx`);
  });

  it.each(TWINS)('%s: the twin gives the projects, indicators, amounts, schedules, bases and standard tables of the .docx', async (name) => {
    const docx = await convertFixture(`fixtures/docx/${name}.docx`);
    const xlsx = await convertFixture(`test/inputs/xlsx/${name}.xlsx`);
    expect([xlsx.status, xlsx.message]).toEqual([docx.status, docx.message]);
    const twin = xlsx.document as Document;
    expect([twin.source.format, twin.source.pageCount]).toEqual(['xlsx', null]);
    expect(content(twin)).toEqual(content(docx.document as Document));
    expect(twin.projects.length + twin.tables.length).toBeGreaterThan(0);
  });

  it.each(TWINS)('%s: the same warnings', async (name) => {
    const docx = await documentOf(`fixtures/docx/${name}.docx`);
    const xlsx = await documentOf(`test/inputs/xlsx/${name}.xlsx`);
    const warnings = (d: Document) => d.diagnostics.filter((m) => m.severity !== 'info').map((m) => [m.code, m.project]);
    expect(warnings(xlsx)).toEqual(warnings(docx));
  });

  it('keeps the amounts as the seed prints them (lunan-kexie-2025: 11.00 / 2.00 / 5.00 万元, schedules 25/50/75/100)', async () => {
    const doc = await documentOf('test/inputs/xlsx/lunan-kexie-2025.xlsx');
    expect(doc.projects.map((p) => [p.code, p.budget.total, p.budget.fiscal, p.schedule.map((s) => s.percentRaw).join(' '), p.indicators.length])).toEqual([
      ['13020225P009127100021', { raw: '11.00', yuan: 110_000 }, { raw: '11.00', yuan: 110_000 }, '25% 50% 75% 100%', 9],
      ['13020225P00904910001F', { raw: '2.00', yuan: 20_000 }, { raw: '2.00', yuan: 20_000 }, '25% 50% 75% 100%', 9],
      ['13020225P00905010001K', { raw: '5.00', yuan: 50_000 }, { raw: '5.00', yuan: 50_000 }, '25% 50% 75% 100%', 9],
    ]);
  });

  it('keeps 元 amounts with thousands separators (separate-columns-2025: 1,286,400.00) and 3,500.00 (lunan-jiaoyu-2025)', async () => {
    const separate = await documentOf('test/inputs/xlsx/separate-columns-2025.xlsx');
    expect(separate.projects[0]?.budget.total).toEqual({ raw: '1,286,400.00', yuan: 1_286_400 });
    const jiaoyu = await documentOf('test/inputs/xlsx/lunan-jiaoyu-2025.xlsx');
    expect(jiaoyu.projects[1]?.budget.total).toEqual({ raw: '3,500.00', yuan: 35_000_000 });
  });
});

describe('places in a workbook', () => {
  it('gives every project its sheet and table range, every indicator its row range', async () => {
    const doc = await documentOf('test/inputs/xlsx/lunan-kexie-2025.xlsx');
    expect(doc.projects.map((p) => [p.provenance.sheet, p.provenance.ref])).toEqual([
      ['Sheet1', 'A39:M55'],
      ['Sheet1', 'A58:L64'],
      ['Sheet1', 'A79:M95'],
    ]);
    const first = doc.projects[0]?.indicators[0];
    expect([first?.level3, first?.provenance]).toEqual(['开展科普活动', { page: null, table: 1, row: 9, sheet: 'Sheet1', ref: 'A47:M47' }]);
    for (const indicator of doc.projects.flatMap((p) => p.indicators)) expect(indicator.provenance.sheet).toBe('Sheet1');
  });

  it('writes the sheet and range into the CSVs (D47 of Sheet1 holds 开展科普活动; the table runs A39:M55)', async () => {
    const doc = await documentOf('test/inputs/xlsx/lunan-kexie-2025.xlsx');
    const at = (row: readonly unknown[], names: readonly string[], name: string): unknown => row[names.indexOf(name)];
    const indicator = indicatorRows(doc)[0]!;
    expect(['level3', 'page', 'table', 'row', 'sheet', 'ref'].map((n) => at(indicator, INDICATOR_COLUMNS, n))).toEqual(['开展科普活动', null, 1, 9, 'Sheet1', 'A47:M47']);
    const project = projectRows(doc)[0]!;
    expect(['tables', 'sheet', 'ref'].map((n) => at(project, PROJECT_COLUMNS, n))).toEqual(['1', 'Sheet1', 'A39:M55']);
  });

  it('places the lines of a standard table and the messages about tables', async () => {
    const doc = await documentOf('test/inputs/xlsx/central-2025.xlsx');
    const lines = doc.tables.flatMap((t) => t.parts.flatMap((p) => p.lines));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect([line.sheet, line.ref]).toEqual(['Sheet1', expect.stringMatching(/^[A-Z]+\d+:[A-Z]+\d+$/u)]);
    const located = doc.diagnostics.filter((d) => d.table !== null);
    expect(located.length).toBeGreaterThan(0);
    for (const d of located) expect([d.code, d.sheet, d.ref]).toEqual([d.code, 'Sheet1', expect.stringMatching(/^[A-Z]+\d+(?::[A-Z]+\d+)?$/u)]);
  });

  it('leaves a .docx document without sheet fields', async () => {
    const doc = await documentOf('fixtures/docx/lunan-kexie-2025.docx');
    expect(JSON.stringify(doc)).not.toMatch(/"(?:sheet|ref)":/u);
  });
});
