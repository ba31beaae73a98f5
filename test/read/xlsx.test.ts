/**
 * The .xlsx reader (src/read/xlsx/): each cell's text as Excel shows it (number formats on
 * decimal digits, shared, rich and inline strings), merged ranges as spans, hidden sheets,
 * rows and columns left out and named, titles above a table as paragraphs and each region of
 * a sheet as a table, every block and message placed by sheet and A1 reference, and the
 * limits a hostile workbook meets. The inputs are test/inputs/xlsx/ (hand-made by
 * scripts/fixtures/build-xlsx.ts, whose writer also builds the odd workbooks below).
 */
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { HIDDEN, REGIONS, writeWorkbook, type WorkbookSpec } from '../../scripts/fixtures/build-xlsx.js';
import { convertBytes } from '../../src/convert.js';
import { CODES } from '../../src/diagnostics.js';
import { InputError } from '../../src/read/errors.js';
import { readDocument } from '../../src/read/index.js';
import { rowCells, type Block, type Paragraph, type Table } from '../../src/read/model.js';
import { parseDecimal } from '../../src/read/xlsx/decimal.js';
import { readXlsx, XLSX_LIMITS } from '../../src/read/xlsx/index.js';
import { formatNumber, formatString, parseNumberFormat } from '../../src/read/xlsx/numfmt.js';
import { MAX_XML_DEPTH } from '../../src/read/xlsx/xml.js';
import { fixturePath } from '../helpers.js';

const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(`test/inputs/xlsx/${name}`)));
const read = (name: string) => readXlsx(bytesOf(name));

const tables = (blocks: readonly Block[]): Table[] => blocks.filter((b): b is Table => b.kind === 'table');
const paragraphs = (blocks: readonly Block[]): Paragraph[] => blocks.filter((b): b is Paragraph => b.kind === 'paragraph');

/** A table's rows as the texts of their own cells (a merged cell in the row it starts in). */
function texts(table: Table): string[][] {
  return table.grid.map((_line, r) => rowCells(table, r).filter((c) => c.row === r).map((c) => c.text));
}

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected a throw');
}

describe('number formats: the text a cell shows', () => {
  const model = read('number-formats.xlsx');
  const shown = Object.fromEntries(texts(tables(model.value.blocks)[0] as Table).map(([label, text]) => [label, text]));

  it('shows budget amounts as printed: 11.00, 3,500.00, 25%, 1,286,400.00', () => {
    expect([shown['0.00'], shown['#,##0.00'], shown['0%'], shown['custom #,##0.00'], shown['0.00%'], shown['0.0%']]).toEqual(['11.00', '3,500.00', '25%', '1,286,400.00', '57.00%', '12.5%']);
  });

  it('rounds half away from zero on the decimal digits, never on a float (2.675 → 2.68, 1.005 → 1.01, 2.5 → 3)', () => {
    expect([shown['half away from zero'], shown['1.005'], shown['0 rounds']]).toEqual(['2.68', '1.01', '3']);
  });

  it('shows General as Excel does: 15 significant digits (0.30000000000000004 → 0.3), plain below 10^15', () => {
    expect([shown.General, shown['General integer'], shown['exponent text'], shown['text format']]).toEqual(['0.3', '1286400', '0.0015', '42']);
  });

  it('reads sections, colours, literals, scaling, accounting padding, currency and scientific notation', () => {
    expect([
      shown['negative section'],
      shown['万元literal'],
      shown['thousands scale'],
      shown['accounting zero'],
      shown.accounting,
      shown.scientific,
      shown['#,##0 negative'],
      shown.currency,
      shown['zero section'],
    ]).toEqual(['-1,234.50', '12.50万元', '1,235', '-', '3,500.00', '1.23E+05', '-1,286,400', '¥1,234.50', '零']);
  });

  it('shows dates: built-in 14 as ISO yyyy-mm-dd, Chinese patterns as written, times', () => {
    expect([shown['short date'], shown['Chinese date'], shown['built-in 31'], shown.time]).toEqual(['2025-01-01', '2025年1月1日', '2025年1月1日', '18:00']);
  });

  it('shows the stored value of a format it does not render, and says so once per format with the first cell', () => {
    expect([shown['Chinese numerals'], shown.condition, shown.fraction]).toEqual(['11', '150', '0.5']);
    const unsupported = model.messages.filter((m) => m.code === 'XLSX_NUMBER_FORMAT_UNSUPPORTED');
    expect(unsupported.map((m) => [m.severity, m.sheet, m.ref, m.table, m.row, m.column])).toEqual([
      ['warning', '数字格式', 'B26', 1, 26, 2],
      ['warning', '数字格式', 'B27', 1, 27, 2],
      ['warning', '数字格式', 'B28', 1, 28, 2],
    ]);
    expect(unsupported[0]?.message).toBe(
      `sheet '数字格式': 1 cell(s) have the number format "[DBNum2][$-804]General" (first B26), which yusuan does not show ([DBNum2] (numerals in words)); their stored values are shown instead (B26: 11)`,
    );
  });

  it('warns, as a loss, of a number longer than the 15 digits a spreadsheet keeps (a code typed as a number)', () => {
    expect(shown['too long']).toBe('1.30202250091271E+19');
    const long = model.messages.find((m) => m.code === 'XLSX_NUMBER_TOO_LONG');
    expect([long?.sheet, long?.ref, CODES.XLSX_NUMBER_TOO_LONG.loss]).toEqual(['数字格式', 'B29', true]);
  });

  const cases: [value: string, code: string, text: string][] = [
    ['0.57', '0%', '57%'],
    ['0.07', '0.00', '0.07'],
    ['-0.125', '0.00', '-0.13'],
    ['-1234567.891', '#,##0.00', '-1,234,567.89'],
    ['1234567', '0.00,,"百万"', '1.23百万'],
    ['-5', '#,##0;(#,##0)', '(5)'],
    ['0.5', '#.00', '.50'],
    ['12', '.00', '12.00'],
    ['12345678', '000-0000', '1234-5678'],
    ['12', '0.0#', '12.0'],
    ['12.345', '0.0#', '12.35'],
    ['99999', '0.00E+00', '1.00E+05'],
    ['0.000123', '0.0E+0', '1.2E-4'],
    ['12345', '##0.0E+0', '12.3E+3'],
    ['-100', '0.00_);[Red](0.00)', '(100.00)'],
    ['1234.5', '[$¥-804]#,##0.00', '¥1,234.50'],
    ['1E-10', 'General', '1E-10'],
    ['3.14159265358979', 'General', '3.14159265358979'],
    ['45658.99999', 'yyyy-mm-dd hh:mm:ss', '2025-01-01 23:59:59'],
    ['0.5', 'h:mm AM/PM', '12:00 PM'],
    ['0.5', '上午/下午h"时"mm"分"', '下午12时00分'],
    ['1.25', '[h]:mm', '30:00'],
    ['45658', 'dddd, mmmm d, yyyy', 'Wednesday, January 1, 2025'],
    ['45658', '[$-804]dddd mmmm', '星期三 一月'],
    ['45658', 'yyyy.mm.dd', '2025.01.01'],
    ['60', 'yyyy-mm-dd', '1900-02-29'],
    ['61', 'yyyy-mm-dd', '1900-03-01'],
    ['45658', 'yyyy/m/d;@', '2025/1/1'],
    ['12.5', 'G/通用格式"元"', '12.5元'],
    ['0', '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-', ' -   '],
    ['-3500', '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-', '-3,500.00 '],
  ];

  it.each(cases)('%s in %s shows %s', (value, code, text) => {
    expect(formatNumber(parseDecimal(value) as NonNullable<ReturnType<typeof parseDecimal>>, parseNumberFormat(code), false)).toEqual({ text });
  });

  it('counts 1904 dates from 1904-01-01, and applies a text section to strings', () => {
    expect(formatNumber(parseDecimal('0') as NonNullable<ReturnType<typeof parseDecimal>>, parseNumberFormat('yyyy-mm-dd'), true).text).toBe('1904-01-01');
    expect([formatString('王', parseNumberFormat('0;0;0;"备注："@')), formatString('王', parseNumberFormat('@"元"')), formatString('王', parseNumberFormat('0.00'))]).toEqual(['备注：王', '王元', '王']);
  });
});

describe('strings', () => {
  const model = read('strings.xlsx');
  const shown = Object.fromEntries(texts(tables(model.value.blocks)[0] as Table).map(([label, ...rest]) => [label, rest.filter((t) => t !== '').join(' ')]));

  it('reads shared, rich (runs joined, phonetic guide left out), preserved-space and escaped strings', () => {
    expect([shown.shared, shown.rich, shown.phonetic, shown.preserve, shown.escaped]).toEqual(['项目名称', '2025年支持市县科技创新', '科普经费', 'Hello world', '第一行第二行A_x0041_']);
  });

  it('maps a Symbol-font character to Unicode, in a run and in a cell set in the font', () => {
    expect([shown['symbol run'], shown['symbol cell']]).toEqual(['≥95%', '≤']);
  });

  it('reads inline strings, formula strings, booleans and errors as shown, and cells without a reference by position', () => {
    expect([shown.inline, shown['inline rich'], shown['formula string'], shown.boolean, shown.error, shown['no ref']]).toEqual([
      '单位：万元',
      '其中：财政资金',
      'shared经费',
      'TRUE FALSE',
      '#DIV/0!',
      'B14 by position C14 by position',
    ]);
  });

  it('leaves a cell whose shared-string index is out of range empty, and reports it with its place', () => {
    expect(shown['bad index']).toBe('');
    expect(model.messages.map((m) => [m.code, m.severity, m.sheet, m.ref, m.table, m.row, m.column, m.message])).toEqual([
      ['XLSX_CELL_UNREADABLE', 'warning', '文字', 'B13', 1, 13, 2, "sheet '文字', cell B13 cannot be read: it refers to shared string 999, and the workbook holds 21; left empty"],
    ]);
  });
});

describe('damaged cells and ISO dates', () => {
  it('reads the first of two cells at one position and reports the second; an empty shared-string index is no index', () => {
    const model = readXlsx(
      writeWorkbook({ sheets: [{ name: 'S', rows: [{ r: 1, cells: [{ ref: 'A1', text: '一' }, { ref: 'A1', text: '二' }, { ref: 'B1', t: 's', v: '' }, { ref: 'C1', text: '三' }] }] }] }),
    );
    expect(texts(tables(model.value.blocks)[0] as Table)).toEqual([['一', '', '三']]);
    expect(model.messages.map((m) => [m.code, m.ref, m.message])).toEqual([
      ['XLSX_CELL_UNREADABLE', 'A1', "sheet 'S', cell A1 cannot be read: the sheet holds the cell twice; 「二」, the second, is left out"],
      ['XLSX_CELL_UNREADABLE', 'B1', "sheet 'S', cell B1 cannot be read: it refers to shared string (none), and the workbook holds 3; left empty"],
    ]);
  });

  it('shows an ISO date cell (type d) in its date format, or as the ISO text in General', () => {
    const dates = readXlsx(
      writeWorkbook({ cellXfs: [{ numFmtId: 0 }, { numFmtId: 31 }], sheets: [{ name: 'D', rows: [{ r: 1, cells: [{ ref: 'A1', t: 'd', v: '2025-03-31T00:00:00', s: 1 }, { ref: 'B1', t: 'd', v: '2025-03-31' }] }] }] }),
    );
    expect(texts(tables(dates.value.blocks)[0] as Table)).toEqual([['2025年3月31日', '2025-03-31']]);
  });
});

describe('merged ranges', () => {
  const model = read('merged.xlsx');
  const [table] = tables(model.value.blocks) as [Table];

  it('makes the title merged across the width a paragraph, placed by its cell', () => {
    expect(paragraphs(model.value.blocks).map((p) => [p.index, p.text, p.sheet, p.ref])).toEqual([[1, '2025年项目支出绩效目标表', 'Sheet1', 'A1']]);
  });

  it('gives a range its spans, every covered grid position pointing at the origin cell', () => {
    expect([table.rowCount, table.columnCount, table.sheetRows, table.sheetColumns]).toEqual([5, 5, [2, 3, 4, 5, 6], [1, 2, 3, 4, 5]]);
    const level1 = table.grid[1]?.[0];
    expect([level1?.text, level1?.rowSpan, level1?.colSpan, level1?.ref]).toEqual(['产出指标', 3, 1, 'A3']);
    expect([table.grid[2]?.[0], table.grid[3]?.[0]]).toEqual([level1, level1]);
    const level3 = table.grid[1]?.[2];
    expect([level3?.text, level3?.colSpan, table.grid[1]?.[3] === level3]).toEqual(['开展科普活动', 2, true]);
    expect(texts(table)).toEqual([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '开展科普活动', '≥20次'],
      ['质量指标', '科学技术普及', '≥13%'],
      ['时效指标', '及时到位', '≥10次'],
      ['满意度指标', '服务对象满意度指标', '', '≥90%'],
    ]);
  });

  it('ignores text under a range and a range that overlaps another, and says where', () => {
    expect(model.messages.map((m) => [m.code, m.sheet, m.ref, m.table, m.row, m.column])).toEqual([
      ['XLSX_MERGE_IGNORED', 'Sheet1', 'C6:D6', null, null, null],
      ['XLSX_MERGED_TEXT_IGNORED', 'Sheet1', 'A4', 1, 3, 1],
      ['XLSX_MERGED_TEXT_IGNORED', 'Sheet1', 'C6', 1, 5, 3],
    ]);
    expect(model.messages[1]?.message).toBe("sheet 'Sheet1': cell A4 lies under a merged range and holds 「hidden by A3:A5」, which Excel does not show; ignored");
  });
});

describe('hidden sheets, rows and columns', () => {
  const model = read('hidden.xlsx');

  it('reads only the visible sheet, leaving out its hidden row and column (elements under the x: prefix)', () => {
    const [table] = tables(model.value.blocks) as [Table];
    expect([model.value.blocks.length, table.sheet, table.sheetRows, table.sheetColumns]).toEqual([1, '项目', [1, 3, 5], [1, 3]]);
    expect(texts(table)).toEqual([
      ['项目名称', '科普经费'],
      ['项目编码', '13020225P00904910001F'],
      ['预算数', '2'],
    ]);
  });

  it('names each hidden sheet and the hidden rows and columns that hold text, as information, not as loss', () => {
    expect(model.messages.map((m) => [m.code, m.severity, m.sheet, m.message])).toEqual([
      ['XLSX_SHEET_NOT_READ', 'info', '说明', "sheet '说明' is hidden (hidden); not read"],
      ['XLSX_SHEET_NOT_READ', 'info', 'VeryHidden', "sheet 'VeryHidden' is hidden (veryHidden); not read"],
      ['XLSX_HIDDEN_CELLS_SKIPPED', 'info', '项目', "sheet '项目': hidden row(s) 2 and column(s) B hold 4 cell(s) of text (first B1 「隐藏列」); not read, as Excel neither shows nor prints them"],
    ]);
    expect([CODES.XLSX_SHEET_NOT_READ, CODES.XLSX_HIDDEN_CELLS_SKIPPED].map((c) => 'loss' in c)).toEqual([false, false]);
  });

  it('reads the same workbook written without a prefix', () => {
    const plain = readXlsx(writeWorkbook({ ...HIDDEN, prefix: undefined }));
    expect(plain.value.blocks).toEqual(model.value.blocks);
  });
});

describe('a formula without a cached value', () => {
  it('is left empty and reported as a loss at its cell; the rest of the file is read and the document is partial', async () => {
    const model = read('formula-without-value.xlsx');
    expect(model.messages.map((m) => [m.code, m.severity, m.sheet, m.ref, m.table, m.row, m.column])).toEqual([['XLSX_FORMULA_WITHOUT_VALUE', 'warning', '绩效目标表', 'C4', 1, 3, 3]]);
    expect(model.messages[0]?.message).toBe(
      "sheet '绩效目标表', cell C4 holds the formula =E4+G4 but no cached value (the file was saved by a program that does not calculate); its text is unknown and left empty",
    );
    const conversion = await convertBytes(bytesOf('formula-without-value.xlsx'), 'formula-without-value.xlsx');
    const doc = conversion.document;
    expect([conversion.status, conversion.message]).toEqual([
      'partial',
      "1 cell(s) or table(s) not read with confidence; first: sheet '绩效目标表', cell C4 holds the formula =E4+G4 but no cached value (the file was saved by a program that does not calculate); its text is unknown and left empty (table 1, row 3)",
    ]);
    const project = doc?.projects[0];
    expect([project?.code, project?.budget.total, project?.budget.fiscal, project?.indicators.length]).toEqual(['13020225P009127100021', null, { raw: '11.00', yuan: 110_000 }, 4]);
  });
});

describe('regions of a sheet', () => {
  const model = read('regions.xlsx');

  it('reads the title and unit above the header as paragraphs, each block of rows apart as a table, a note below as a paragraph, sheet by sheet', () => {
    const outline = model.value.blocks.map((b) => (b.kind === 'paragraph' ? ['p', b.index, b.sheet, b.ref, b.text] : ['t', b.ordinal, b.sheet, b.sheetRows, b.sheetColumns, texts(b)]));
    expect(outline).toEqual([
      ['p', 1, '收支总表', 'A1', '2025年部门收支预算总表'],
      ['p', 2, '收支总表', 'C2', '单位：万元'],
      ['t', 1, '收支总表', [3, 4, 5], [1, 2, 3], [['项目', '预算数', '备注'], ['一般公共预算拨款', '120.5', ''], ['合计', '120.5', '']]],
      ['p', 3, '收支总表', 'A6', '注：本表为示例。'],
      ['t', 2, '收支总表', [9, 10], [2, 3], [['第二张表', '数值'], ['甲', '1']]],
      ['p', 4, '第三', 'B2', '只有一行'],
    ]);
  });

  it('places every cell by its A1 reference, empty ones too', () => {
    const [first] = tables(model.value.blocks) as [Table];
    expect(first.cells.map((c) => c.ref)).toEqual(['A3', 'B3', 'C3', 'A4', 'B4', 'C4', 'A5', 'B5', 'C5']);
    expect([first.page, first.rowPages, first.headerRows, first.parent]).toEqual([null, [], 0, null]);
  });

  it('keeps a one-cell row with formatted blanks beside it inside the table, and cuts at a row that holds one cell alone', () => {
    const spec: WorkbookSpec = {
      cellXfs: [{ numFmtId: 0 }, { numFmtId: 0 }],
      sheets: [
        {
          name: 'S',
          rows: [
            { r: 1, cells: [{ ref: 'A1', text: '科目编码' }, { ref: 'B1', text: '科目名称' }, { ref: 'C1', text: '合计' }] },
            { r: 2, cells: [{ ref: 'A2', text: '一、基本支出' }, { ref: 'B2', s: 1 }, { ref: 'C2', s: 1 }] },
            { r: 3, cells: [{ ref: 'A3', text: '301' }, { ref: 'B3', text: '工资福利支出' }, { ref: 'C3', v: '10' }] },
            { r: 4, cells: [{ ref: 'A4', text: '（续表）' }] },
            { r: 5, cells: [{ ref: 'A5', text: '302' }, { ref: 'B5', text: '商品和服务支出' }, { ref: 'C5', v: '5' }] },
          ],
        },
      ],
    };
    const outline = readXlsx(writeWorkbook(spec)).value.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.sheetRows));
    expect(outline).toEqual([[1, 2, 3], '（续表）', [5]]);
  });
});

describe('the package and its limits', () => {
  it('records the format xlsx and no page count; a workbook named .docx is read as one, with a warning', async () => {
    const read = await readDocument(writeWorkbook(REGIONS), 'docx');
    expect([read.value.format, read.value.pageCount, read.messages[0]?.code, read.messages[0]?.message]).toEqual([
      'xlsx',
      null,
      'FORMAT_MISMATCH',
      'the file is named .docx but holds a .xlsx workbook; read as .xlsx workbook',
    ]);
  });

  it('refuses a part whose inflated size is over the limit, before inflating it (too-large)', () => {
    const parts = unzipSync(writeWorkbook(REGIONS));
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('<sheetData>', `<sheetData>${' '.repeat(3 * 1024 * 1024)}`));
    const error = thrown(() => readXlsx(zipSync(parts)));
    expect([error.kind, error.message]).toEqual(['too-large', expect.stringMatching(/^xl\/worksheets\/sheet1\.xml would inflate to \d+ bytes from \d+ \(limit 268435456 bytes, ratio 200\); refused as a possible zip bomb$/u)]);
    expect(thrown(() => readXlsx(zipSync(parts), { ...XLSX_LIMITS, maxRatio: 100_000, maxWorkbookBytes: 1024 * 1024 })).message).toMatch(/^the parts read would inflate to more than 1048576 bytes together/u);
  });

  it('refuses a workbook over the cell limit, and a table over the grid limit (too-complex)', () => {
    expect(thrown(() => readXlsx(writeWorkbook(REGIONS), { ...XLSX_LIMITS, maxCells: 10 })).message).toBe("the workbook holds more than 10 non-empty cells (sheet '收支总表' reaches the limit); not read");
    const wide: WorkbookSpec = { sheets: [{ name: 'S', rows: [{ r: 1, cells: [{ ref: 'A1', text: '标题' }, { ref: 'B1', text: 'x' }] }], merges: ['B1:XFD1000'] }] };
    const error = thrown(() => readXlsx(writeWorkbook(wide)));
    expect([error.kind, error.message]).toEqual(['too-complex', "sheet 'S': a table of 1000 rows × 16384 columns (A1:XFD1000) exceeds the limit of 1000000 cells; not read"]);
    // Ranges down the whole sheet: refused while they are laid out, before any grid is made.
    const tall: WorkbookSpec = { sheets: [{ name: 'S', rows: [{ r: 1, cells: [{ ref: 'A1', text: 'x' }] }], merges: ['A1:A1048576', 'B1:B1048576'] }] };
    expect(thrown(() => readXlsx(writeWorkbook(tall))).message).toBe("sheet 'S': its merged ranges cover too many cells to read; not read");
  });

  it('refuses a sheet part cut off before its end, and one nested deeper than any SpreadsheetML (no stack is used)', () => {
    const parts = unzipSync(writeWorkbook(REGIONS));
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.slice(0, sheet.length - 40));
    expect([thrown(() => readXlsx(zipSync(parts))).kind, thrown(() => readXlsx(zipSync(parts))).message]).toEqual(['corrupt', 'xl/worksheets/sheet1.xml is cut off: its root element is never closed']);
    const deep = `${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`;
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('<sheetData>', `<sheetData><c r="A1">${deep}</c>`));
    expect(thrown(() => readXlsx(zipSync(parts))).message).toBe(`xl/worksheets/sheet1.xml nests elements deeper than ${MAX_XML_DEPTH} levels; not read`);
  });

  it('says what is missing from a damaged package', () => {
    const parts = unzipSync(writeWorkbook(REGIONS));
    delete parts['xl/_rels/workbook.xml.rels'];
    expect(thrown(() => readXlsx(zipSync(parts))).message).toBe('xl/_rels/workbook.xml.rels is missing: the workbook does not say where its sheets are');
    const noSheet = unzipSync(writeWorkbook(REGIONS));
    delete noSheet['xl/worksheets/sheet2.xml'];
    const model = readXlsx(zipSync(noSheet));
    expect(model.messages.map((m) => [m.code, m.sheet, m.message])).toEqual([['XLSX_SHEET_UNREADABLE', '空表', "sheet '空表': its part xl/worksheets/sheet2.xml is missing from the zip; not read"]]);
    expect(CODES.XLSX_SHEET_UNREADABLE.loss).toBe(true);
  });

  it('fails a password-protected workbook (an OLE2 file) with one line', async () => {
    const conversion = await convertBytes(bytesOf('encrypted.xlsx'), 'encrypted.xlsx');
    expect([conversion.status, conversion.errorKind, conversion.message]).toEqual(['failed', 'encrypted', 'password-protected Office file; not read']);
  });
});
