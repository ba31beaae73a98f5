/**
 * .docx as other producers package it (test/inputs/producers/, scripts/fixtures/build-producers.ts):
 * a fixture saved again by LibreOffice, our body in the package Word writes (Word's 438 KB
 * styles.xml, stylesWithEffects.xml, theme, Word's ids on paragraphs, rows and runs) and with
 * WPS's per-run markup. Each twin prints what its fixture prints, so it must give the same
 * records, tables and messages; the fixtures' own values are pinned against the documents by
 * the other e2e tests. These files are also the bench's realistic .docx corpora.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/schema/document.js';
import { convertFixture, documentOf, fixturePath } from '../helpers.js';

/** Where things are printed: a producer may number paragraphs differently (LibreOffice splits none, but may add empty ones). */
const PLACES = new Set(['provenance', 'paragraph']);

function content(doc: Document): unknown {
  return JSON.parse(
    JSON.stringify({ fiscalYear: doc.fiscalYear, department: doc.department, overview: doc.overview, projects: doc.projects, tables: doc.tables, quotedFigures: doc.quotedFigures }, (key, value) =>
      PLACES.has(key) ? undefined : value,
    ),
  );
}

const PRODUCERS = ['libreoffice', 'word', 'wps'];
const CASES = PRODUCERS.flatMap((producer) =>
  readdirSync(fixturePath(`test/inputs/producers/${producer}`))
    .filter((f) => f.endsWith('.docx'))
    .map((f) => [producer, f.replace(/\.docx$/u, '')] as const),
);

describe('producer twins of the .docx fixtures', () => {
  it('has the six bench fixtures for each producer', () => {
    expect(CASES.length).toBe(18);
  });

  it.each(CASES)('%s/%s: the records, tables and messages of the fixture', async (producer, name) => {
    const original = await convertFixture(`fixtures/docx/${name}.docx`);
    const twin = await convertFixture(`test/inputs/producers/${producer}/${name}.docx`);
    expect(twin.status).toBe(original.status);
    expect(content(twin.document as Document)).toEqual(content(original.document as Document));
    const said = (d: Document) => d.diagnostics.map((m) => [m.code, m.severity, m.project]);
    expect(said(twin.document as Document)).toEqual(said(original.document as Document));
  });

  it('LibreOffice writes Word’s Symbol ≥ as U+F0B3 in a Symbol run: read as ≥95% (wps-textbox-2025, 展品完好率)', async () => {
    const doc = await documentOf('test/inputs/producers/libreoffice/wps-textbox-2025.docx');
    const indicator = doc.projects.flatMap((p) => p.indicators).find((i) => i.level3 === '展品完好率');
    expect(indicator?.target).toMatchObject({ raw: '≥95%', operator: '>=', value: 95, unit: '%' });
  });
});
