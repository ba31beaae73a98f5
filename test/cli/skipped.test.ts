/**
 * Nothing passed over in silence (issue 13): documents a folder holds that this version does
 * not read are named as skipped, in the report and the summary; a run with nothing to
 * convert says so and exits 1; reasons and names are printed as one line each.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/read/errors.js';
import { fixturePath } from '../helpers.js';
import { tempDir, yusuan } from './run.js';

describe('files a run does not convert', () => {
  it('names .odt and .rtf files as skipped, counts them in report.json, and exits 1 when nothing is left to convert', () => {
    const inputs = tempDir();
    const out = tempDir();
    writeFileSync(join(inputs, '预算公开.odt'), 'opendocument');
    writeFileSync(join(inputs, '绩效目标.rtf'), '{\\rtf1}');
    writeFileSync(join(inputs, 'readme.txt'), 'not a document');
    const run = yusuan(['convert', inputs, '-o', out]);
    expect(run.status).toBe(1);
    const reason = 'document format not read (only .docx, .xlsx, .pdf and legacy .doc/.xls/.wps/.et are)';
    expect(run.stderr.split('\n').filter((l) => l.includes('skipped'))).toEqual([
      // In path order (UTF-16 code units: 绩 before 预).
      `绩效目标.rtf: skipped: ${reason}`,
      `预算公开.odt: skipped: ${reason}`,
      expect.stringMatching(/^0 input\(s\): 0 ok, 0 partial, 0 failed, 2 skipped; /u),
      `yusuan: nothing to convert: no .docx, .xlsx, .pdf or legacy Office file in ${inputs} (2 file(s) skipped, listed above)`,
    ]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect([report.counts.skipped, report.skipped.map((s: { path: string }) => s.path)]).toEqual([2, ['绩效目标.rtf', '预算公开.odt'].sort()]);
  });

  it('reads .doc and .xls files (legacy Office, issue 11): one that holds no Office file fails with one line', () => {
    const inputs = tempDir();
    const out = tempDir();
    writeFileSync(join(inputs, '预算公开.doc'), 'legacy');
    writeFileSync(join(inputs, '绩效目标.xls'), 'sheet');
    const run = yusuan(['convert', inputs, '-o', out]);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([
      '绩效目标.xls: not a legacy Office file (no OLE2 signature)',
      '预算公开.doc: not a legacy Office file (no OLE2 signature)',
      expect.stringMatching(/^2 input\(s\): 0 ok, 0 partial, 2 failed; /u),
    ]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect([report.counts.skipped, report.inputs.map((i: { path: string; errorKind: string }) => [i.path, i.errorKind])]).toEqual([
      0,
      [
        ['绩效目标.xls', 'unknown-format'],
        ['预算公开.doc', 'unknown-format'],
      ],
    ]);
  });
});

describe('workbooks', () => {
  it('reads .xlsx files (issue 11): a workbook converts, one that is no zip fails with one line', () => {
    const inputs = tempDir();
    const out = tempDir();
    copyFileSync(fixturePath('fixtures/xlsx/lunan-kexie-2025.xlsx'), join(inputs, '绩效目标.xlsx'));
    writeFileSync(join(inputs, '预算表.xlsx'), 'sheet');
    const run = yusuan(['convert', inputs, '-o', out]);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual(['预算表.xlsx: not an .xlsx (no zip signature)', expect.stringMatching(/^2 input\(s\): 1 ok, 0 partial, 1 failed; /u)]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect([report.counts.skipped, report.inputs.map((i: { path: string; status: string }) => [i.path, i.status])]).toEqual([
      0,
      [
        ['绩效目标.xlsx', 'ok'],
        ['预算表.xlsx', 'failed'],
      ],
    ]);
    const document = JSON.parse(readFileSync(join(out, 'json', '绩效目标.xlsx.json'), 'utf8'));
    expect([document.source.format, document.projects.length]).toEqual(['xlsx', 3]);
  });
});

describe('one-line reasons', () => {
  it('shows control characters, escape sequences and undecodable bytes escaped', () => {
    expect(oneLine('bad <w:t>\u0000\u001b[31mred\ufffd</w:t>\nnext')).toBe('bad <w:t>\\x00\\x1b[31mred\\ufffd</w:t>\\x0anext');
    expect(oneLine('路南 科协 "2025".docx')).toBe('路南 科协 "2025".docx');
    expect(oneLine('lone \ud800 surrogate')).toBe('lone \\ud800 surrogate');
  });
});
