/**
 * The .docx reader, rule by rule: each test writes a tiny .docx in memory with the fixture
 * writer (scripts/fixtures/ooxml.ts), or patches the writer's XML where the writer cannot
 * express the case, and asserts the exact blocks. Then a handful of exact facts about each
 * real fixture under fixtures/docx/.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readDocx } from '../../src/read/docx/index.js';
import { DEFAULT_LIMITS, openPackage } from '../../src/read/docx/package.js';
import { InputError } from '../../src/read/errors.js';
import type { Table } from '../../src/read/model.js';
import {
  br,
  cell,
  del,
  docx,
  docxParts,
  ins,
  paragraph,
  row,
  run,
  sdt,
  sym,
  tab,
  table,
  vMergeContinue,
  wpsTextBox,
  zip,
  type NumberingDef,
} from '../../scripts/fixtures/ooxml.js';
import {
  codes,
  expectConsistent,
  expectGrid,
  located,
  para,
  patchedDocx,
  readFixture,
  readPatched,
  readSpec,
  replaceOnce,
} from './docx-helpers.js';
import { fixturePath } from '../helpers.js';

/** Catch what a function throws, for asserting an InputError's kind and reason. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function expectInputError(error: unknown, kind: InputError['kind'], reason: RegExp): void {
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).kind).toBe(kind);
  expect((error as InputError).message).toMatch(reason);
}

// -----------------------------------------------------------------------------------------
// Tables
// -----------------------------------------------------------------------------------------

describe('tables: spans and merges', () => {
  it('w:gridSpan widens a cell over several grid columns', () => {
    const { tables, messages } = readSpec({
      body: [table([[cell('项目编码'), cell('13020225P009127100021', { span: 2 }), cell('项目名称')], ['a', 'b', 'c', 'd']])],
    });
    expect(tables).toHaveLength(1);
    expectGrid(tables[0], 2, 4, [
      ['项目编码', 0, 0, 1, 1],
      ['13020225P009127100021', 0, 1, 1, 2],
      ['项目名称', 0, 3, 1, 1],
      ['a', 1, 0, 1, 1],
      ['b', 1, 1, 1, 1],
      ['c', 1, 2, 1, 1],
      ['d', 1, 3, 1, 1],
    ]);
    expect(messages).toEqual([]);
  });

  it('w:vMerge: restart, then continue written bare (<w:vMerge/>) or as w:val="continue"', () => {
    const spec = {
      body: [
        table([
          [cell('产出指标', { vMerge: 'restart' }), '数量指标', cell('跨两列', { span: 2, vMerge: 'restart' })],
          [vMergeContinue(), '质量指标', vMergeContinue({ span: 2 })],
          [vMergeContinue(), '时效指标', 'x', 'y'],
          ['效益指标', '社会效益指标', 'z', 'w'],
        ]),
      ],
    };
    // The writer writes every continuation bare; the first one is rewritten with w:val.
    const parts = docxParts(spec);
    const bare = (parts['word/document.xml'] ?? '').split('<w:vMerge/>').length - 1;
    expect(bare).toBe(3);
    const { tables, messages } = readPatched(spec, {
      document: (xml) => xml.replace('<w:vMerge/>', '<w:vMerge w:val="continue"/>'),
    });
    expectGrid(tables[0], 4, 4, [
      ['产出指标', 0, 0, 3, 1],
      ['数量指标', 0, 1, 1, 1],
      ['跨两列', 0, 2, 2, 2],
      ['质量指标', 1, 1, 1, 1],
      ['时效指标', 2, 1, 1, 1],
      ['x', 2, 2, 1, 1],
      ['y', 2, 3, 1, 1],
      ['效益指标', 3, 0, 1, 1],
      ['社会效益指标', 3, 1, 1, 1],
      ['z', 3, 2, 1, 1],
      ['w', 3, 3, 1, 1],
    ]);
    expect(messages).toEqual([]);
  });

  it('a vMerge continue with no cell above is kept as its own cell, with DOCX_VMERGE_WITHOUT_START at its 1-based row/column', () => {
    const { tables, messages } = readSpec({
      body: [
        table([
          [vMergeContinue(), 'B'],
          [cell('宽', { span: 2 })],
          // Above column 1 stands 宽, whose origin is column 0: nothing to continue there.
          ['C', vMergeContinue()],
        ]),
      ],
    });
    expectGrid(tables[0], 3, 2, [
      ['', 0, 0, 1, 1],
      ['B', 0, 1, 1, 1],
      ['宽', 1, 0, 1, 2],
      ['C', 2, 0, 1, 1],
      ['', 2, 1, 1, 1],
    ]);
    expect(located(messages)).toEqual([
      { code: 'DOCX_VMERGE_WITHOUT_START', table: 1, row: 1, column: 1 },
      { code: 'DOCX_VMERGE_WITHOUT_START', table: 1, row: 3, column: 2 },
    ]);
    expect(messages.every((m) => m.severity === 'info')).toBe(true);
  });

  it('text in a merge-continuation cell is ignored, with DOCX_MERGED_TEXT_IGNORED', () => {
    const { tables, messages } = readSpec({
      body: [
        table([
          ['一级指标', '二级指标'],
          [cell('产出指标', { vMerge: 'restart' }), '数量指标'],
          [cell('残留文字', { vMerge: 'continue' }), '质量指标'],
        ]),
      ],
    });
    expectGrid(tables[0], 3, 2, [
      ['一级指标', 0, 0, 1, 1],
      ['二级指标', 0, 1, 1, 1],
      ['产出指标', 1, 0, 2, 1],
      ['数量指标', 1, 1, 1, 1],
      ['质量指标', 2, 1, 1, 1],
    ]);
    expect(located(messages)).toEqual([{ code: 'DOCX_MERGED_TEXT_IGNORED', table: 1, row: 3, column: 1 }]);
    expect(messages[0]?.severity).toBe('warning');
    expect(messages[0]?.message).toContain('残留文字');
  });

  it('w:gridBefore / w:gridAfter leave null positions; a vMerge continue in a gridBefore row attaches to its own grid column', () => {
    const { tables, messages } = readSpec({
      body: [
        table([
          ['一级', '二级', '三级', '指标值'],
          row([cell('数量指标', { vMerge: 'restart' }), '场次', '≥30场次'], { gridBefore: 1 }),
          row([vMergeContinue(), '人次'], { gridBefore: 1, gridAfter: 1 }),
          row(['效益指标', '长期'], { gridAfter: 2 }),
        ]),
      ],
    });
    expectGrid(tables[0], 4, 4, [
      ['一级', 0, 0, 1, 1],
      ['二级', 0, 1, 1, 1],
      ['三级', 0, 2, 1, 1],
      ['指标值', 0, 3, 1, 1],
      ['数量指标', 1, 1, 2, 1],
      ['场次', 1, 2, 1, 1],
      ['≥30场次', 1, 3, 1, 1],
      ['人次', 2, 2, 1, 1],
      ['效益指标', 3, 0, 1, 1],
      ['长期', 3, 1, 1, 1],
    ]);
    const grid = (tables[0] as Table).grid;
    expect([grid[1]?.[0], grid[2]?.[0], grid[2]?.[3], grid[3]?.[2], grid[3]?.[3]]).toEqual([null, null, null, null, null]);
    expect(messages).toEqual([]);
  });

  it('a negative w:gridBefore (a damaged file, found by npm run fuzz) starts the row at the first column; every location stays 1-based', () => {
    const { tables, messages } = readSpec({
      body: [
        table([
          row([vMergeContinue(), '人次'], { gridBefore: -1 }),
          ['一级', '二级'],
        ]),
      ],
    });
    expectGrid(tables[0], 2, 2, [
      ['', 0, 0, 1, 1],
      ['人次', 0, 1, 1, 1],
      ['一级', 1, 0, 1, 1],
      ['二级', 1, 1, 1, 1],
    ]);
    expect(located(messages)).toEqual([{ code: 'DOCX_VMERGE_WITHOUT_START', table: 1, row: 1, column: 1 }]);
  });

  it('w:tblHeader marks the leading header rows (a later marked row does not count)', () => {
    const { tables } = readSpec({
      body: [
        table([
          row(['一级指标', '二级指标'], { header: true }),
          row(['（续）', '（续）'], { header: true }),
          row(['产出指标', '数量指标']),
          row(['又一表头', '不算'], { header: true }),
        ]),
        table([['无表头', 'x']]),
      ],
    });
    expect(tables.map((t) => t.headerRows)).toEqual([2, 0]);
    expect(tables[0]?.rowCount).toBe(4);
  });
});

describe('content controls (w:sdt)', () => {
  it('keeps the content of w:sdt at block, row, cell and run level', () => {
    const spec = {
      body: [
        sdt(paragraph('块级内容控件'), { tag: 'block' }),
        paragraph([run('前'), run('@RUNSDT@'), run('后')]),
        table([
          ['一级指标', sdt(cell('单元格控件'), { tag: 'cell' })],
          sdt([row(['行控件1', 'a']), row(['行控件2', 'b'])], { tag: 'rows' }),
          ['末行', 'c'],
        ]),
      ],
    };
    const { paragraphs, tables } = readPatched(spec, {
      document: (xml) =>
        replaceOnce(
          xml,
          '<w:r><w:t>@RUNSDT@</w:t></w:r>',
          '<w:sdt><w:sdtPr><w:alias w:val="金额"/><w:id w:val="7"/><w:text/></w:sdtPr><w:sdtEndPr/>' +
            '<w:sdtContent><w:r><w:t>行内控件</w:t></w:r></w:sdtContent></w:sdt>',
        ),
    });
    expect(paragraphs).toEqual([para(1, '块级内容控件'), para(2, '前行内控件后')]);
    expectGrid(tables[0], 4, 2, [
      ['一级指标', 0, 0, 1, 1],
      ['单元格控件', 0, 1, 1, 1],
      ['行控件1', 1, 0, 1, 1],
      ['a', 1, 1, 1, 1],
      ['行控件2', 2, 0, 1, 1],
      ['b', 2, 1, 1, 1],
      ['末行', 3, 0, 1, 1],
      ['c', 3, 1, 1, 1],
    ]);
  });
});

describe('alternate content and text boxes', () => {
  const FALLBACK_BOX =
    '<mc:Fallback><w:pict><v:rect style="width:400pt;height:60pt"><v:textbox>' +
    '<w:txbxContent><w:p><w:r><w:t>唐山市路南区科技馆2025年部门预算</w:t></w:r></w:p></w:txbxContent>' +
    '</v:textbox></v:rect></w:pict></mc:Fallback>';

  it('a WPS text box (mc:Choice only, no Fallback) keeps its paragraph, origin "textbox", with DOCX_TEXTBOX_KEPT', () => {
    const { blocks, messages } = readSpec({
      producer: 'wps',
      body: [
        paragraph([wpsTextBox(paragraph('唐山市路南区科技馆2025年部门预算'))]),
        paragraph([run('锚定段落'), wpsTextBox([paragraph('框内第一段'), paragraph('框内第二段')])]),
        paragraph('正文'),
      ],
    });
    expect(blocks).toEqual([
      para(1, '唐山市路南区科技馆2025年部门预算', { origin: 'textbox' }),
      para(2, '锚定段落'),
      para(3, '框内第一段', { origin: 'textbox' }),
      para(4, '框内第二段', { origin: 'textbox' }),
      para(5, '正文'),
    ]);
    expect(codes(messages)).toEqual(['DOCX_TEXTBOX_KEPT']);
    expect(messages[0]?.message).toMatch(/^2 text box/);
  });

  it('mc:Choice and mc:Fallback holding the same text box: the text appears once', () => {
    const spec = { body: [paragraph([wpsTextBox(paragraph('唐山市路南区科技馆2025年部门预算'))]), paragraph('正文')] };
    const { blocks, messages } = readPatched(spec, {
      document: (xml) => replaceOnce(xml, '</mc:Choice></mc:AlternateContent>', `</mc:Choice>${FALLBACK_BOX}</mc:AlternateContent>`),
    });
    expect(blocks).toEqual([para(1, '唐山市路南区科技馆2025年部门预算', { origin: 'textbox' }), para(2, '正文')]);
    expect(codes(messages)).toEqual(['DOCX_TEXTBOX_KEPT']);
    expect(messages[0]?.message).toMatch(/^1 text box/);

    // Which branch is read: the Choice (a Fallback that differs shows it is not the Fallback).
    const differing = readPatched(spec, {
      document: (xml) =>
        replaceOnce(
          xml,
          '</mc:Choice></mc:AlternateContent>',
          `</mc:Choice>${FALLBACK_BOX.replace('唐山市路南区科技馆2025年部门预算', '旧版回退文字')}</mc:AlternateContent>`,
        ),
    });
    expect(differing.paragraphs.map((p) => p.text)).toEqual(['唐山市路南区科技馆2025年部门预算', '正文']);
  });

  it('mc:AlternateContent with only a Fallback reads the Fallback', () => {
    const spec = { body: [paragraph([run('@ALT@')]), paragraph('正文')] };
    const { blocks } = readPatched(spec, {
      document: (xml) =>
        replaceOnce(xml, '<w:r><w:t>@ALT@</w:t></w:r>', `<w:r><mc:AlternateContent>${FALLBACK_BOX}</mc:AlternateContent></w:r>`),
    });
    expect(blocks).toEqual([para(1, '唐山市路南区科技馆2025年部门预算', { origin: 'textbox' }), para(2, '正文')]);
  });

  it('a text box inside a table cell: its text joins the cell text (no paragraph block)', () => {
    const { blocks, tables, messages } = readSpec({
      body: [table([['指标值', cell([run('≥'), wpsTextBox([paragraph('20'), paragraph('场')])])]])],
    });
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
    expectGrid(tables[0], 1, 2, [
      ['指标值', 0, 0, 1, 1],
      ['≥20场', 0, 1, 1, 1],
    ]);
    expect(codes(messages)).toEqual(['DOCX_TEXTBOX_KEPT']);
  });
});

describe('tracked changes', () => {
  it('skips w:del and w:moveFrom, keeps w:ins and w:moveTo inline, drops deleted rows, says DOCX_TRACKED_DELETION_SKIPPED', () => {
    const spec = {
      body: [
        paragraph([run('指标值'), del('≥15场'), ins(run('≥20场')), run('。')]),
        paragraph([run('甲'), run('@MOVEFROM@'), run('乙'), run('@MOVETO@')]),
        table([
          [cell('产出指标', { vMerge: 'restart' }), cell([del('旧'), ins('新'), run('值')])],
          row([vMergeContinue(), '删除的行'], { deleted: true }),
          [vMergeContinue(), '保留的行'],
        ]),
      ],
    };
    const rev = 'w:author="审核人" w:date="2025-01-10T09:00:00Z"';
    const { paragraphs, tables, messages } = readPatched(spec, {
      document: (xml) =>
        replaceOnce(
          replaceOnce(
            xml,
            '<w:r><w:t>@MOVEFROM@</w:t></w:r>',
            `<w:moveFromRangeStart w:id="90" ${rev} w:name="move1"/><w:moveFrom w:id="91" ${rev}><w:r><w:t>移走的字</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="90"/>`,
          ),
          '<w:r><w:t>@MOVETO@</w:t></w:r>',
          `<w:moveToRangeStart w:id="92" ${rev} w:name="move1"/><w:moveTo w:id="93" ${rev}><w:r><w:t>移来的字</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="92"/>`,
        ),
    });
    expect(paragraphs).toEqual([para(1, '指标值≥20场。'), para(2, '甲乙移来的字')]);
    expectGrid(tables[0], 2, 2, [
      ['产出指标', 0, 0, 2, 1],
      ['新值', 0, 1, 1, 1],
      ['保留的行', 1, 1, 1, 1],
    ]);
    expect(codes(messages)).toEqual(['DOCX_TRACKED_DELETION_SKIPPED']);
    // w:del in the paragraph, w:moveFrom, w:del in the cell, the deleted row.
    expect(messages[0]?.message).toMatch(/^4 tracked deletion\(s\) skipped/);
  });
});

describe('nested tables', () => {
  it('a nested table is its own block right after its parent, with parent set and listed in the parent cell, ordinals in document order', () => {
    const inner = table([[cell('内表2'), cell([paragraph('含内表3'), table([['内表3']])])]]);
    const { blocks, tables } = readSpec({
      body: [
        paragraph('前言'),
        table([
          [cell('宽', { span: 2 }), cell([paragraph('说明'), inner])],
          ['a', 'b', cell(table([['内表4-甲', '内表4-乙']]))],
        ]),
        table([['外表5']]),
      ],
    });
    expect(blocks.map((b) => (b.kind === 'table' ? `T${b.ordinal}` : `P${b.index}`))).toEqual(['P1', 'T1', 'T2', 'T3', 'T4', 'T5']);
    expect(tables.map((t) => t.parent)).toEqual([
      null,
      { table: 1, row: 0, column: 2 },
      { table: 2, row: 0, column: 1 },
      { table: 1, row: 1, column: 2 },
      null,
    ]);
    const [t1, t2, t3, t4, t5] = tables;
    expectGrid(t1, 2, 3, [
      ['宽', 0, 0, 1, 2],
      ['说明', 0, 2, 1, 1],
      ['a', 1, 0, 1, 1],
      ['b', 1, 1, 1, 1],
      ['', 1, 2, 1, 1],
    ]);
    expect(t1?.cells.map((c) => c.nested)).toEqual([[], [2], [], [], [4]]);
    expectGrid(t2, 1, 2, [
      ['内表2', 0, 0, 1, 1],
      ['含内表3', 0, 1, 1, 1],
    ]);
    expect(t2?.cells.map((c) => c.nested)).toEqual([[], [3]]);
    expectGrid(t3, 1, 1, [['内表3', 0, 0, 1, 1]]);
    expectGrid(t4, 1, 2, [
      ['内表4-甲', 0, 0, 1, 1],
      ['内表4-乙', 0, 1, 1, 1],
    ]);
    expectGrid(t5, 1, 1, [['外表5', 0, 0, 1, 1]]);
    expect(t5?.cells[0]?.nested).toEqual([]);
  });
});

// -----------------------------------------------------------------------------------------
// Paragraphs
// -----------------------------------------------------------------------------------------

const DECIMAL: NumberingDef = { numId: 1, levels: [{ format: 'decimal', text: '%1.' }] };

describe('auto-numbered paragraphs', () => {
  it('decimal %1. gives 1., 2., 3.; the label is kept apart from the text', () => {
    const item = (text: string) => paragraph(text, { numbering: { numId: 1, level: 0 } });
    const { paragraphs } = readSpec({ numbering: [DECIMAL], body: [paragraph('措施：'), item('甲'), item('乙'), item('丙')] });
    expect(paragraphs).toEqual([
      para(1, '措施：'),
      para(2, '甲', { list: { level: 0, label: '1.' } }),
      para(3, '乙', { list: { level: 0, label: '2.' } }),
      para(4, '丙', { list: { level: 0, label: '3.' } }),
    ]);
  });

  it('two levels %1. and (%2): level-2 counters restart under each new level-1 item', () => {
    const item = (text: string, level: number) => paragraph(text, { numbering: { numId: 1, level } });
    const { paragraphs } = readSpec({
      numbering: [{ numId: 1, levels: [{ format: 'decimal', text: '%1.' }, { format: 'decimal', text: '(%2)' }] }],
      body: [item('甲', 0), item('甲一', 1), item('甲二', 1), item('乙', 0), item('乙一', 1), item('丙', 0)],
    });
    expect(paragraphs.map((p) => [p.text, p.list])).toEqual([
      ['甲', { level: 0, label: '1.' }],
      ['甲一', { level: 1, label: '(1)' }],
      ['甲二', { level: 1, label: '(2)' }],
      ['乙', { level: 0, label: '2.' }],
      ['乙一', { level: 1, label: '(1)' }],
      ['丙', { level: 0, label: '3.' }],
    ]);
  });

  it('a second list (another numId) starts again at 1; the first list continues where it was', () => {
    const item = (text: string, numId: number) => paragraph(text, { numbering: { numId, level: 0 } });
    const { paragraphs } = readSpec({
      numbering: [DECIMAL, { numId: 2, levels: [{ format: 'decimal', text: '%1.' }] }],
      body: [item('一甲', 1), item('一乙', 1), item('二甲', 2), item('二乙', 2), item('一丙', 1)],
    });
    expect(paragraphs.map((p) => p.list?.label)).toEqual(['1.', '2.', '1.', '2.', '3.']);
  });

  it('w:start and w:lvlOverride/w:startOverride set the first number', () => {
    const item = (text: string, numId: number) => paragraph(text, { numbering: { numId, level: 0 } });
    const { paragraphs } = readPatched(
      {
        numbering: [
          { numId: 1, levels: [{ format: 'decimal', text: '%1.', start: 3 }] },
          { numId: 2, levels: [{ format: 'decimal', text: '%1.' }] },
        ],
        body: [item('从三', 1), item('接四', 1), item('从五', 2), item('接六', 2)],
      },
      {
        numbering: (xml) =>
          replaceOnce(
            xml,
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
          ),
      },
    );
    expect(paragraphs.map((p) => p.list?.label)).toEqual(['3.', '4.', '5.', '6.']);
  });

  it('two lists on one abstract definition continue one count; a startOverride restarts it where first used', () => {
    const item = (text: string, numId: number) => paragraph(text, { numbering: { numId, level: 0 } });
    const shareAbstract = (xml: string) =>
      replaceOnce(xml, '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>', '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>');
    const spec = {
      numbering: [DECIMAL, { numId: 2, levels: [{ format: 'decimal' as const, text: '%1.' }] }],
      body: [item('甲', 1), item('乙', 1), item('丙', 2), item('丁', 1)],
    };
    expect(readPatched(spec, { numbering: shareAbstract }).paragraphs.map((p) => p.list?.label)).toEqual(['1.', '2.', '3.', '4.']);
    const restart = (xml: string) =>
      replaceOnce(
        shareAbstract(xml),
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>',
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
      );
    expect(readPatched(spec, { numbering: restart }).paragraphs.map((p) => p.list?.label)).toEqual(['1.', '2.', '1.', '2.']);
  });

  it('chineseCounting %1、 gives 一、 二、 … 十、 十一、', () => {
    const texts = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子'];
    const { paragraphs } = readSpec({
      numbering: [{ numId: 1, levels: [{ format: 'chineseCounting', text: '%1、' }] }],
      body: texts.map((t) => paragraph(t, { numbering: { numId: 1, level: 0 } })),
    });
    expect(paragraphs.map((p) => p.list?.label)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、', '十一、']);
    expect(paragraphs.map((p) => p.text)).toEqual(texts);
  });

  it('a bullet list has no label but keeps its level', () => {
    const { paragraphs } = readSpec({
      numbering: [{ numId: 1, levels: [{ format: 'bullet', text: '\uF06C' }, { format: 'bullet', text: '–' }] }],
      body: [paragraph('要点', { numbering: { numId: 1, level: 0 } }), paragraph('细节', { numbering: { numId: 1, level: 1 } })],
    });
    expect(paragraphs).toEqual([
      para(1, '要点', { list: { level: 0, label: null } }),
      para(2, '细节', { list: { level: 1, label: null } }),
    ]);
  });

  it('numbering inherited from a paragraph style (styles.xml w:numPr), also through w:basedOn; numId 0 removes it', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="ListItem"><w:name w:val="List Item"/><w:basedOn w:val="Normal"/>' +
      '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ListItemBold"><w:name w:val="List Item Bold"/><w:basedOn w:val="ListItem"/>' +
      '<w:rPr><w:b/></w:rPr></w:style>';
    const { paragraphs } = readPatched(
      {
        numbering: [DECIMAL],
        body: [
          paragraph('样式编号一', { style: 'ListItem' }),
          paragraph('取消编号', { style: 'ListItem', numbering: { numId: 0, level: 0 } }),
          paragraph('样式编号二', { style: 'ListItem' }),
          paragraph('继承编号', { style: 'ListItemBold' }),
          paragraph('无编号'),
        ],
      },
      { styles: (xml) => replaceOnce(xml, '</w:styles>', `${styles}</w:styles>`) },
    );
    expect(paragraphs).toEqual([
      para(1, '样式编号一', { list: { level: 0, label: '1.' } }),
      para(2, '取消编号'),
      para(3, '样式编号二', { list: { level: 0, label: '2.' } }),
      para(4, '继承编号', { list: { level: 0, label: '3.' } }),
      para(5, '无编号'),
    ]);
  });

  it('a numbered paragraph inside a table cell shows its label in the cell text; the count runs on through the body', () => {
    const item = (text: string) => paragraph(text, { numbering: { numId: 1, level: 0 } });
    const { paragraphs, tables } = readSpec({
      numbering: [DECIMAL],
      body: [item('正文一'), table([['绩效目标', cell([item('目标二'), item('目标三')])]]), item('正文四')],
    });
    expectGrid(tables[0], 1, 2, [
      ['绩效目标', 0, 0, 1, 1],
      ['2.目标二3.目标三', 0, 1, 1, 1],
    ]);
    expect(paragraphs).toEqual([
      para(1, '正文一', { list: { level: 0, label: '1.' } }),
      para(2, '正文四', { list: { level: 0, label: '4.' } }),
    ]);
  });
});

describe('headings', () => {
  it('w:outlineLvl on the paragraph, and the Heading2 style → heading 1', () => {
    const spec = {
      body: [
        paragraph('直接大纲级别', { align: 'right' as const }),
        paragraph('标题一', { style: 'Heading1' }),
        paragraph('标题二', { style: 'Heading2' }),
        paragraph('标题三', { style: 'Heading3' }),
        paragraph('普通'),
      ],
    };
    const { paragraphs } = readPatched(spec, {
      document: (xml) => replaceOnce(xml, '<w:jc w:val="right"/>', '<w:jc w:val="right"/><w:outlineLvl w:val="2"/>'),
    });
    expect(paragraphs).toEqual([
      para(1, '直接大纲级别', { heading: 2 }),
      para(2, '标题一', { heading: 0 }),
      para(3, '标题二', { heading: 1 }),
      para(4, '标题三', { heading: 2 }),
      para(5, '普通'),
    ]);
  });

  it('a WPS style named 标题 2 without w:outlineLvl is heading 1', () => {
    const { paragraphs } = readPatched(
      { body: [paragraph('分项绩效目标', { style: 'a3' })] },
      {
        styles: (xml) =>
          replaceOnce(
            xml,
            '</w:styles>',
            '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/><w:basedOn w:val="Normal"/></w:style></w:styles>',
          ),
      },
    );
    expect(paragraphs).toEqual([para(1, '分项绩效目标', { heading: 1 })]);
  });
});

describe('text joining', () => {
  it('cell text: runs concatenated, paragraphs joined by the CJK rule, spaces collapsed, trailing tabs removed, w:br → one space between Latin', () => {
    const { tables } = readSpec({
      body: [
        table([
          [cell([run('冀财教'), run('【2024】'), run('130号')]), cell([paragraph('保障适龄幼儿'), paragraph('接受学前教育')])],
          [cell([paragraph('Child'), paragraph('Growth Standards')]), cell([paragraph('按照'), paragraph('WHO'), paragraph('标准')])],
          ['其中：财政    资金', cell([run('科普经费'), tab(), tab(), tab(), tab(), tab()])],
          [cell([run('Child'), br(), run('Growth')]), cell([run('保障'), br(), run('幼儿')])],
          [cell([run('按照 WHO Child'), run(' Growth Standards 开展')]), cell([run('≥ '), run('95 %')])],
        ]),
      ],
    });
    expectGrid(tables[0], 5, 2, [
      ['冀财教【2024】130号', 0, 0, 1, 1],
      ['保障适龄幼儿接受学前教育', 0, 1, 1, 1],
      ['Child Growth Standards', 1, 0, 1, 1],
      ['按照WHO标准', 1, 1, 1, 1],
      ['其中：财政资金', 2, 0, 1, 1],
      ['科普经费', 2, 1, 1, 1],
      ['Child Growth', 3, 0, 1, 1],
      ['保障幼儿', 3, 1, 1, 1],
      ['按照WHO Child Growth Standards开展', 4, 0, 1, 1],
      ['≥95 %', 4, 1, 1, 1],
    ]);
  });

  it('body paragraph text follows the same rule', () => {
    const { paragraphs } = readSpec({
      body: [
        paragraph([run('冀财教'), run('【2024】'), run('130号')]),
        paragraph('其中：财政    资金\t\t'),
        paragraph([run('Hello'), br(), run('world')]),
        paragraph('  2025 年  '),
      ],
    });
    expect(paragraphs.map((p) => p.text)).toEqual(['冀财教【2024】130号', '其中：财政资金', 'Hello world', '2025年']);
  });
});

describe('w:sym', () => {
  it('Symbol F0B3 → ≥, Wingdings F0FE → ☑; an unknown symbol is left out with DOCX_SYMBOL_UNKNOWN', () => {
    const { paragraphs, tables, messages } = readSpec({
      body: [
        paragraph([run('展品完好率'), sym('Symbol', 'F0B3'), run('95%')]),
        paragraph([sym('Wingdings', 'F0FE'), run('已完成')]),
        paragraph([run('未知'), sym('Symbol', 'F001'), run('符号')]),
        table([['指标值', cell([sym('Symbol', 'F0A3'), run('5%')])]]),
      ],
    });
    expect(paragraphs.map((p) => p.text)).toEqual(['展品完好率≥95%', '☑已完成', '未知符号']);
    expect(tables[0]?.cells.map((c) => c.text)).toEqual(['指标值', '≤5%']);
    expect(codes(messages)).toEqual(['DOCX_SYMBOL_UNKNOWN']);
    expect(messages[0]?.message).toMatch(/^1 inserted symbol/);
  });

  it('LibreOffice keeps a w:sym as private-use text in a Symbol run: U+F0B3 → ≥; an unmapped code is left out and said', () => {
    const { paragraphs, tables, messages } = readSpec({
      body: [
        table([['指标值', cell([run('\uf0b3', { font: 'Symbol' }), run('95%')])]]),
        paragraph([run('\uf0a3', { font: 'Symbol' }), run('5天（私用区\uf0b3在宋体中保留）', { font: '宋体' })]),
        paragraph([run('未知\uf001', { font: 'Symbol' }), run('符号')]),
      ],
    });
    expect(tables[0]?.cells.map((c) => c.text)).toEqual(['指标值', '≥95%']);
    expect(paragraphs.map((p) => p.text)).toEqual(['≤5天（私用区\uf0b3在宋体中保留）', '未知符号']);
    expect(codes(messages)).toEqual(['DOCX_SYMBOL_UNKNOWN']);
    expect(messages[0]?.severity).toBe('warning');
  });
});

describe('XML namespaces', () => {
  it('reads a main namespace bound to another prefix (x: instead of w:) in document, styles and numbering', () => {
    const toX = (xml: string) =>
      xml.replace(/xmlns:w="/g, 'xmlns:x="').replace(/(<\/?|\s)w:/g, '$1x:');
    const bytes = patchedDocx(
      {
        numbering: [DECIMAL],
        body: [
          paragraph('标题', { style: 'Heading2' }),
          paragraph('条目', { numbering: { numId: 1, level: 0 } }),
          table([[cell('合并', { vMerge: 'restart' }), 'a'], [vMergeContinue(), 'b']]),
        ],
      },
      { document: toX, styles: toX, numbering: toX },
    );
    const { value, messages } = readDocx(bytes);
    expect(value.blocks.slice(0, 2)).toEqual([
      para(1, '标题', { heading: 1 }),
      para(2, '条目', { list: { level: 0, label: '1.' } }),
    ]);
    expectGrid(value.blocks[2] as Table, 2, 2, [
      ['合并', 0, 0, 2, 1],
      ['a', 0, 1, 1, 1],
      ['b', 1, 1, 1, 1],
    ]);
    expect(value.blocks).toHaveLength(3);
    expect(messages).toEqual([]);
  });
});

describe('XML default namespace', () => {
  it('reads a document whose main namespace is the default one (<document xmlns="…/main">)', () => {
    const toDefault = (xml: string) =>
      xml.replace(/xmlns:w="([^"]+)"/, 'xmlns="$1"').replace(/(<\/?)w:/g, '$1').replace(/(\s)w:(?=[A-Za-z]+=)/g, '$1');
    const bytes = patchedDocx({ body: [paragraph('标题', { style: 'Heading2' }), table([[cell('合并', { vMerge: 'restart' }), 'a'], [vMergeContinue(), 'b']])] }, { document: toDefault });
    const { value } = readDocx(bytes);
    expect((value.blocks[0] as { text: string }).text).toBe('标题');
    expectGrid(value.blocks[1] as Table, 2, 2, [
      ['合并', 0, 0, 2, 1],
      ['a', 0, 1, 1, 1],
      ['b', 1, 1, 1, 1],
    ]);
  });
});

describe('paragraph emission', () => {
  it('empty and white-space paragraphs are not emitted; index counts emitted paragraphs; an empty list item still counts', () => {
    const item = (text: string) => paragraph(text, { numbering: { numId: 1, level: 0 } });
    const { model } = readSpec({
      numbering: [DECIMAL],
      body: [
        paragraph(''),
        paragraph(' '),
        paragraph('第一段'),
        paragraph([tab(), tab()]),
        paragraph('\u3000'),
        table([['表']]),
        paragraph('第二段'),
        item('项一'),
        item(''),
        item('项三'),
      ],
    });
    expect(model.format).toBe('docx');
    expect(model.pageCount).toBeNull();
    expect(model.blocks.map((b) => (b.kind === 'paragraph' ? [b.index, b.text, b.list?.label ?? null] : ['table']))).toEqual([
      [1, '第一段', null],
      ['table'],
      [2, '第二段', null],
      [3, '项一', '1.'],
      [4, '项三', '3.'],
    ]);
  });
});

// -----------------------------------------------------------------------------------------
// The package
// -----------------------------------------------------------------------------------------

/** Set the inflated size recorded for `name` in the zip's central directory. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const wanted = new TextEncoder().encode(name);
  for (let o = 0; o + 46 <= out.length; o++) {
    if (view.getUint32(o, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(o + 28, true);
    const entry = out.subarray(o + 46, o + 46 + nameLength);
    if (entry.length === wanted.length && entry.every((b, i) => b === wanted[i])) {
      view.setUint32(o + 24, size, true);
      return out;
    }
  }
  throw new Error(`${name} not in the central directory`);
}

describe('the package', () => {
  const small = docx({ body: [paragraph('正文')] });

  it('reads a well-formed package with the default limits', () => {
    expect(openPackage(small).document.length).toBeGreaterThan(0);
    expect(readDocx(small, DEFAULT_LIMITS).value.blocks).toEqual([para(1, '正文')]);
  });

  it('refuses word/document.xml whose declared inflated size is over the limit, before inflating (kind too-large)', () => {
    // The directory claims ~2 GiB for a part of a few KiB: had it been inflated into a buffer
    // of the declared size, the result would be an allocation failure or a damaged-zip error.
    const bomb = declareSize(small, 'word/document.xml', 0x7fff_fff0);
    expectInputError(thrown(() => readDocx(bomb)), 'too-large', /^word\/document\.xml would inflate to 2147483632 bytes/);
    expectInputError(thrown(() => openPackage(bomb)), 'too-large', /possible zip bomb/);
  });

  it('small custom limits: a part over maxPartBytes, and a part over 1 MiB with a ratio over maxRatio, are refused', () => {
    const size = docxParts({ body: [paragraph('正文')] })['word/document.xml']?.length ?? 0;
    expect(size).toBeGreaterThan(1000);
    expectInputError(thrown(() => openPackage(small, { maxPartBytes: 1000, maxRatio: 200 })), 'too-large', /\(limit 1000 bytes, ratio 200\)/);
    expectInputError(thrown(() => readDocx(small, { maxPartBytes: 1000, maxRatio: 200 })), 'too-large', /^word\/document\.xml/);

    // 2 MiB of spaces in one w:t deflates about 1000:1.
    const spaces = docxParts({ body: [paragraph('正文')] });
    spaces['word/document.xml'] = (spaces['word/document.xml'] ?? '').replace(
      '<w:t>正文</w:t>',
      `<w:t xml:space="preserve">正文${' '.repeat(2 * 1024 * 1024)}</w:t>`,
    );
    const bytes = zip(spaces);
    expectInputError(thrown(() => readDocx(bytes)), 'too-large', /ratio 200/);
    expect(readDocx(bytes, { maxPartBytes: DEFAULT_LIMITS.maxPartBytes, maxRatio: 100_000 }).value.blocks).toEqual([para(1, '正文')]);
  });

  it('a zip without word/document.xml is not a .docx', () => {
    const bytes = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    expectInputError(thrown(() => readDocx(bytes)), 'not-docx', /^not a \.docx \(zip without word\/document\.xml\)$/);
  });

  it('a zip holding xl/workbook.xml is said to be an Excel file', () => {
    const bytes = zipSync({
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
    });
    expectInputError(thrown(() => readDocx(bytes)), 'not-docx', /Excel/);
  });

  it('a damaged zip is corrupt', () => {
    expectInputError(thrown(() => readDocx(small.slice(0, small.length - 30))), 'corrupt', /damaged zip/);
  });
});

// -----------------------------------------------------------------------------------------
// The real fixtures
// -----------------------------------------------------------------------------------------

const FIXTURES = readdirSync(fixturePath('fixtures/docx'))
  .filter((f) => f.endsWith('.docx'))
  .sort();

describe('fixtures/docx', () => {
  it('finds the fixtures', () => {
    expect(FIXTURES).toEqual(expect.arrayContaining(['gridbefore-2025.docx', 'lunan-jiaoyu-2025.docx', 'lunan-kexie-2025.docx', 'wps-textbox-2025.docx']));
  });

  it.each(FIXTURES)('%s: the model is consistent (indexes, ordinals, grids, nesting links)', (name) => {
    expectConsistent(readFixture(name).model);
  });

  it('lunan-kexie-2025.docx (the seed): headings, the 11-item list, six tables, table 2 is 10×6', () => {
    const { paragraphs, tables, messages } = readFixture('lunan-kexie-2025.docx');
    expect(messages).toEqual([]);
    expect(paragraphs).toHaveLength(34);
    expect(paragraphs[0]).toEqual(para(1, '第一部分'));
    expect(paragraphs.filter((p) => p.heading !== null).map((p) => [p.heading, p.text])).toEqual([
      [1, '一、总体绩效目标'],
      [1, '二、分项绩效目标'],
      [1, '三、工作保障措施'],
      [2, '1.2025年支持市县科技创新和科学普及专项资金绩效目标表'],
      [2, '2.科普经费绩效目标表'],
      [2, '3.招商引资专项业务费绩效目标表'],
    ]);
    const list = paragraphs.filter((p) => p.list !== null);
    expect(list.map((p) => p.list?.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.']);
    expect(list[3]?.text).toBe('结合路南教育局举办第十一届青少年科技节。');
    // 二's "1.完善网站管理制度" is literal text, not a list.
    expect(paragraphs[7]).toEqual(para(8, '1.完善网站管理制度'));

    expect(tables.map((t) => [t.ordinal, t.rowCount, t.columnCount, t.headerRows, t.parent])).toEqual([
      [1, 7, 7, 0, null],
      [2, 10, 6, 1, null],
      [3, 7, 7, 0, null],
      [4, 10, 6, 1, null],
      [5, 7, 7, 0, null],
      [6, 10, 6, 1, null],
    ]);
    const [a1, b1, a2] = tables as [Table, Table, Table];
    const output = b1.grid[1]?.[0];
    expect(output && [output.text, output.row, output.column, output.rowSpan, output.colSpan]).toEqual(['产出指标', 1, 0, 4, 1]);
    for (const r of [1, 2, 3, 4]) expect(b1.grid[r]?.[0]).toBe(output);
    expect(b1.grid[5]?.[0]?.text).toBe('效益指标');
    expect(b1.grid[5]?.[0]?.rowSpan).toBe(4);
    expect(b1.grid[9]?.[0]?.rowSpan).toBe(1);
    expect(b1.grid[1]?.[4]?.text).toBe('≥20次');
    expect(b1.grid[1]?.[5]?.text).toBe('冀财教【2024】130号');
    expect(b1.cells).toHaveLength(6 + 9 * 6 - 6);

    expect(a1.grid[0]?.[0]?.text).toBe('731001唐山市路南区科学技术协会本级');
    expect(a1.grid[0]?.[4]).toBe(a1.grid[0]?.[0]);
    expect(a1.grid[0]?.[0]?.colSpan).toBe(5);
    expect(a1.grid[2]?.[3]?.text).toBe('其中：财政资金');
    expect(a1.grid[2]?.[6]?.text).toBe('');
    expect(a1.grid[3]?.[0]).toBe(a1.grid[2]?.[0]);
    expect(a1.grid[2]?.[0]?.rowSpan).toBe(2);
    // 科普经费 followed by five tabs.
    expect(a2.grid[3]?.[1]?.text).toBe('科普经费');
  });

  it('lunan-jiaoyu-2025.docx: run and paragraph splits joined, an empty code cell, full-width digits', () => {
    const { paragraphs, tables, messages } = readFixture('lunan-jiaoyu-2025.docx');
    expect(messages).toEqual([]);
    expect(paragraphs[0]).toEqual(para(1, '唐山市路南区教育局2025年部门预算项目绩效目标', { heading: 0 }));
    expect(tables.map((t) => `${t.rowCount}x${t.columnCount}`)).toEqual(['6x7', '8x6', '6x7', '9x6', '6x7', '6x7', '7x6', '7x6']);
    const b1 = tables[1] as Table;
    expect(b1.grid[1]?.[3]?.text).toBe('保障适龄幼儿接受学前教育');
    expect(b1.grid[1]?.[4]?.text).toBe('≥1200人');
    expect(b1.grid[1]?.[5]?.text).toBe('冀财教【2024】130号');
    expect(b1.grid[1]?.[2]?.text).toBe('受益幼儿人数');
    expect(b1.grid[3]?.[3]?.text).toBe('按照WHO Child Growth Standards开展幼儿健康体检');
    expect(b1.grid[2]?.[1]).toBe(b1.grid[1]?.[1]);
    expect(b1.grid[1]?.[1]?.rowSpan).toBe(2);
    expect(tables[2]?.grid[0]?.[1]?.text).toBe('');
    expect(tables[2]?.grid[1]?.[2]?.text).toBe('3,500.00');
    expect(tables[5]?.grid[1]?.[2]?.text).toBe('１２.５０');
    // Project 5 has an indicator table right after its heading.
    const last = paragraphs[paragraphs.length - 1];
    expect(last?.text).toBe('5.公用经费绩效目标表');
    const blocks = readFixture('lunan-jiaoyu-2025.docx').blocks;
    expect(blocks[blocks.length - 1]).toMatchObject({ kind: 'table', ordinal: 8 });
  });

  it('gridbefore-2025.docx: null at the gridBefore positions, the 二级 merges in column 1', () => {
    const { tables, messages } = readFixture('gridbefore-2025.docx');
    expect(messages).toEqual([]);
    expect(tables).toHaveLength(2);
    const t = tables[1] as Table;
    expect([t.rowCount, t.columnCount, t.headerRows]).toEqual([9, 6, 1]);
    expect([2, 3, 4, 6, 7].map((r) => t.grid[r]?.[0])).toEqual([null, null, null, null, null]);
    expect([1, 5, 8].map((r) => t.grid[r]?.[0]?.text)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect([1, 5, 8].map((r) => t.grid[r]?.[0]?.rowSpan)).toEqual([1, 1, 1]);
    const count = t.grid[1]?.[1];
    expect(count && [count.text, count.row, count.column, count.rowSpan, count.colSpan]).toEqual(['数量指标', 1, 1, 2, 1]);
    expect(t.grid[2]?.[1]).toBe(count);
    const lasting = t.grid[6]?.[1];
    expect(lasting && [lasting.text, lasting.row, lasting.column, lasting.rowSpan, lasting.colSpan]).toEqual(['可持续影响指标', 6, 1, 2, 1]);
    expect(t.grid[7]?.[1]).toBe(lasting);
    expect(t.grid[2]?.[2]?.text).toBe('培训辅导人次');
    expect(t.grid[3]?.[1]?.text).toBe('质量指标');
    expect(t.grid[7]?.[2]?.text).toBe('文化志愿者队伍建设');
  });

  it('wps-textbox-2025.docx: text box paragraph first, two-level list, deleted row absent, ≥20场, ≥95%, nested table 4', () => {
    const { blocks, paragraphs, tables, messages } = readFixture('wps-textbox-2025.docx');
    expect(blocks[0]).toEqual(para(1, '唐山市路南区科技馆2025年部门预算', { origin: 'textbox' }));
    expect(paragraphs.filter((p) => p.origin === 'textbox')).toHaveLength(1);
    expect(paragraphs.filter((p) => p.list).map((p) => p.list?.label)).toEqual(['1.', '2.', '(1)', '(2)', '3.']);
    expect(codes(messages)).toEqual(['DOCX_TEXTBOX_KEPT', 'DOCX_TRACKED_DELETION_SKIPPED']);

    expect(tables.map((t) => [t.ordinal, t.rowCount, t.columnCount, t.parent])).toEqual([
      [1, 7, 7, null],
      [2, 8, 6, null],
      [3, 2, 2, null],
      [4, 1, 2, { table: 3, row: 1, column: 1 }],
    ]);
    const b = tables[1] as Table;
    const level3 = b.grid.map((r) => r[2]?.text);
    expect(level3).not.toContain('展品更新数量');
    expect(b.grid[1]?.[4]?.text).toBe('≥20场');
    expect(b.grid[3]?.[4]?.text).toBe('≥95%');
    expect(b.grid[1]?.[0]?.rowSpan).toBe(4);
    // Row-level sdt rows and the cell-level sdt basis cell.
    expect(b.grid[5]?.[0]?.text).toBe('效益指标');
    expect(b.grid[6]?.[5]?.text).toBe('既定标准');
    expect(b.grid[7]?.[5]?.text).toBe('计划标准');
    expect(tables[2]?.grid[1]?.[1]?.nested).toEqual([4]);
    expect(tables[3]?.cells.map((c) => c.text)).toEqual(['附件', '无']);
    expect(blocks[blocks.length - 1]).toBe(tables[3]);
  });
});
