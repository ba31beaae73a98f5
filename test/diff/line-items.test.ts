/**
 * `yusuan diff` on the standard tables: line items pair by table kind, code (else name
 * without its numbering) and measure; added, removed and changed lines with exact deltas.
 */
import { describe, expect, it } from 'vitest';
import { convertBytes } from '../../src/convert.js';
import { diffDocuments } from '../../src/diff/index.js';
import { renderCsv } from '../../src/diff/render/csv.js';
import type { Document } from '../../src/schema/document.js';
import { docx, paragraph, table } from '../../scripts/fixtures/ooxml.js';

async function disclosure(year: number, rows: string[][]): Promise<Document> {
  const body = [paragraph(`唐山市路南区科学技术协会${year}年部门预算`), paragraph('表5 一般公共预算支出表'), paragraph('单位：万元'), table([['科目编码', '科目名称', '合计'], ...rows])];
  const conversion = await convertBytes(docx({ body }), `${year}.docx`);
  if (!conversion.document) throw new Error(`${conversion.status}: ${conversion.message}`);
  return conversion.document;
}

describe('diff of line items', () => {
  it('reports added, removed and changed lines with exact deltas, and counts the unchanged', async () => {
    const old = await disclosure(2025, [
      ['', '合计', '300.10'],
      ['201', '一般公共服务支出', '200.10'],
      ['205', '教育支出', '100.00'],
    ]);
    const next = await disclosure(2026, [
      ['', '合计', '350.17'],
      ['201', '一般公共服务支出', '200.10'],
      ['206', '科学技术支出', '150.07'],
    ]);
    const diff = diffDocuments([{ path: 'a', relativePath: 'a', document: old }], [{ path: 'b', relativePath: 'b', document: next }], { arguments: { old: 'a', new: 'b' }, asGiven: true });
    const lines = diff.documents[0]?.lines ?? [];
    expect(lines.map((l) => [l.status, l.tableKind, l.code, l.name, l.measure, l.old?.raw ?? null, l.new?.raw ?? null, l.deltaYuan])).toEqual([
      ['changed', 'general-public-expense', null, '合计', 'total', '300.10', '350.17', 500700],
      ['added', 'general-public-expense', '206', '科学技术支出', 'total', null, '150.07', null],
      ['removed', 'general-public-expense', '205', '教育支出', 'total', '100.00', null, null],
    ]);
    expect(diff.documents[0]?.linesUnchanged).toBe(1);
    expect(diff.summary.lines).toEqual({ added: 1, removed: 1, changed: 1 });
    // The CSV rendering: one row per line change, after the project changes (there are none here).
    const csv = renderCsv(diff).trim().split('\n').slice(1);
    expect(csv).toEqual([
      'a,b,,,,,,,line-changed,general-public-expense › 合计 › 合计,,3001000,3501700,500700,16.68',
      'a,b,,,,,,,line-added,general-public-expense › 206 › 合计,,,1500700,,',
      'a,b,,,,,,,line-removed,general-public-expense › 205 › 合计,,1000000,,,',
    ]);
    expect(diff.summary.changes).toBe(3);
  });
});
