/**
 * Diagnostics: every message yusuan emits, with its stable code, default severity and
 * location. Like mammoth's messages and vfile's, they travel with the value they describe:
 * processors return `Result<T>` and never throw for a problem in the user's data.
 * This registry is the one place where codes are defined; README's table is generated from it.
 */
import type { Diagnostic, Severity } from './schema/document.js';

export type { Diagnostic, Severity };

interface CodeInfo {
  readonly severity: Severity;
  readonly summary: string;
  /**
   * The message says something printed was not read, or not read with confidence: a
   * document that has one is `partial`, never `ok` (see judge in convert.ts).
   */
  readonly loss?: true;
  /**
   * Every message is kept, never folded into a count: each names a cell the user has to
   * look at (an OCR reading not trusted), and a count would not say which.
   */
  readonly keepAll?: true;
}

export const CODES = {
  // read
  FORMAT_MISMATCH: { severity: 'warning', summary: 'The file name claims one format, the bytes hold another; read as what the bytes hold' },
  DOCX_TEXTBOX_KEPT: { severity: 'info', summary: 'Text of a text box (WPS/Word drawing) was kept as paragraphs after its anchor' },
  DOCX_TRACKED_DELETION_SKIPPED: { severity: 'info', summary: 'Tracked deletions (w:del) were skipped; insertions kept' },
  DOCX_VMERGE_WITHOUT_START: { severity: 'info', summary: 'A vertically merged cell continues nothing above it; kept as its own cell' },
  DOCX_MERGED_TEXT_IGNORED: { severity: 'warning', summary: 'A merge-continuation cell held text that Word does not show; ignored' },
  DOCX_DUPLICATE_PART: { severity: 'warning', summary: 'The zip holds two entries of one part name (word/document.xml …); the last was read, the other may hold the text Word shows', loss: true },
  DOCX_TABLE_TOO_DEEP: { severity: 'warning', summary: 'Tables nested deeper than the limit were not read', loss: true },
  DOCX_SYMBOL_UNKNOWN: { severity: 'warning', summary: 'A symbol of a symbol font (w:sym, or a private-use character in a Symbol or Wingdings run) has no known Unicode equivalent; left out', loss: true },
  DOCX_ALTCHUNK_IGNORED: { severity: 'warning', summary: 'Embedded foreign content (altChunk) cannot be read', loss: true },
  // xlsx
  XLSX_SHEET_NOT_READ: { severity: 'info', summary: 'A sheet was not read: hidden (state hidden or veryHidden: Excel neither shows nor prints it), or not a worksheet (a chart sheet holds no cells)' },
  XLSX_SHEET_UNREADABLE: { severity: 'warning', summary: 'A sheet the workbook lists has no part in the zip (or no relationship to one); not read', loss: true },
  XLSX_HIDDEN_CELLS_SKIPPED: { severity: 'info', summary: 'Hidden rows or columns of a sheet hold text; not read, as Excel neither shows nor prints them' },
  XLSX_FORMULA_WITHOUT_VALUE: {
    severity: 'warning',
    summary: 'A formula cell holds no cached value (the file was written by a program that does not calculate): what it shows is unknown; left empty',
    loss: true,
  },
  XLSX_CELL_UNREADABLE: { severity: 'warning', summary: "A cell's stored value cannot be read (a shared-string index out of range, a number that is none, an unknown type); left empty", loss: true },
  XLSX_NUMBER_FORMAT_UNSUPPORTED: { severity: 'warning', summary: 'Cells have a number format yusuan does not show (a condition, a fraction, Chinese numerals …); their stored values are shown in General' },
  XLSX_NUMBER_TOO_LONG: {
    severity: 'warning',
    summary: 'A number of more than 15 digits: a spreadsheet keeps 15 significant digits, so the rest were lost when the file was written (a code typed as a number); shown as stored',
    loss: true,
  },
  XLSX_MERGED_TEXT_IGNORED: { severity: 'warning', summary: 'A cell covered by a merged range holds text that Excel does not show; ignored' },
  XLSX_MERGE_IGNORED: { severity: 'warning', summary: 'A merged range overlaps another (or is no range); ignored, its cells read unmerged' },
  XLSX_DUPLICATE_PART: { severity: 'warning', summary: 'The zip holds two entries of one part name (a sheet, the shared strings …); the last was read, the other may hold what Excel shows', loss: true },
  // pdf
  PDF_UNDECODABLE_TEXT: { severity: 'warning', summary: 'Text on some pages has no Unicode mapping (font without ToUnicode); that text was dropped', loss: true },
  PDF_PAGE_WITHOUT_TEXT: { severity: 'warning', summary: 'Some pages have no text: no text layer and nothing found by OCR (blank), or OCR turned off (--ocr off)', loss: true },
  OCR_PAGES: {
    severity: 'warning',
    summary: 'Pages without a text layer were read by OCR (which pages, the skew corrected): OCR can drop or misread a character with confidence, so such a document is never ok',
    loss: true,
  },
  OCR_PAGE_TURNED: { severity: 'info', summary: 'A scanned page was upside down and was turned before it was read' },
  OCR_LOW_CONFIDENCE: { severity: 'warning', summary: 'A cell read by OCR holds a character recognized with low confidence: its text is kept as read, not trusted', loss: true, keepAll: true },
  PDF_PAGE_UNREADABLE: { severity: 'warning', summary: 'A damaged page could not be read and was skipped', loss: true },
  // recognize
  NO_PERFORMANCE_TABLE: { severity: 'info', summary: 'No performance-target table was found in the file' },
  TABLE_SKIPPED: { severity: 'info', summary: 'A table that is not a performance-target table was skipped' },
  PROJECT_WITHOUT_INDICATORS: { severity: 'warning', summary: 'A project table is followed by no indicator table' },
  INDICATORS_WITHOUT_PROJECT: { severity: 'warning', summary: 'An indicator table has no project table before it; kept under a project with null code and name' },
  INDICATOR_TABLE_CONTINUED: { severity: 'info', summary: 'An indicator table continues the previous one (same project)' },
  PROJECT_CODE_MISSING: { severity: 'warning', summary: 'A project table has no 项目编码' },
  PROJECT_NAME_MISSING: { severity: 'warning', summary: 'A project table has no 项目名称' },
  AMOUNT_UNIT_ASSUMED: { severity: 'warning', summary: 'No unit line for amounts; the template default was used', loss: true },
  INDICATOR_ROW_SKIPPED: { severity: 'info', summary: 'An indicator row holds text but neither 三级指标 nor 指标值; skipped' },
  INDICATOR_LEVEL_UNKNOWN: { severity: 'warning', summary: 'An indicator row has no 一级指标 and none above it to inherit', loss: true },
  INDICATOR_COLUMN_IGNORED: { severity: 'warning', summary: 'A column of an indicator table has a header no template knows; its cells are not read', loss: true },
  TARGET_TABLE_SKIPPED: { severity: 'warning', summary: 'A table that looks like a target table (e.g. a self-evaluation, 绩效自评表) was not read', loss: true },
  LIST_ROWS_WITHOUT_PROJECT: { severity: 'warning', summary: 'Rows of a project list stand under no project name; not read', loss: true },
  SERIALIZED_TEXT_UNREAD: { severity: 'warning', summary: 'Text of a serialized indicator cell (1、1-产出指标；11-数量指标；…) that is no indicator item; not read', loss: true },
  HEADER_OVERPRINTED: { severity: 'info', summary: 'A header row of a list continued on a new page is overprinted by text overflowing from a merged cell; its columns were taken from the page before' },
  UNIT_FROM_INDICATOR_NAME: { severity: 'info', summary: "A target's unit was taken from the parenthesis of its 三级指标 name (`人民调解案件数(件)` + `≥1000`)" },
  DIAGNOSTICS_FOLDED: { severity: 'info', summary: 'Many messages of one code in one document: the first are listed, the rest counted in one message' },
  // normalize
  AMOUNT_UNREADABLE: { severity: 'warning', summary: 'An amount cell is not a number; raw text kept, yuan null', loss: true },
  TARGET_UNREADABLE: { severity: 'warning', summary: 'A target (指标值) cannot be read with confidence; kind null', loss: true },
  TARGET_DIRECTION_ONLY: { severity: 'info', summary: '指标性质 正向/反向 gives a direction but no exact operator; operator left null' },
  TARGET_IS_PERIOD: { severity: 'info', summary: 'A target is a date period, kept as qualitative' },
  BASIS_MALFORMED: { severity: 'warning', summary: 'Basis text looks like a document number but does not parse' },
  BASIS_SEVERAL_DOC_NUMBERS: { severity: 'info', summary: 'Basis names several document numbers; the first is parsed' },
  SCHEDULE_LABEL_UNREADABLE: { severity: 'warning', summary: 'A spend-schedule label names no month' },
  SCHEDULE_PERCENT_UNREADABLE: { severity: 'warning', summary: 'A spend-schedule percent is not a number' },
  SCHEDULE_SHAPE: { severity: 'warning', summary: 'Spend-schedule labels and percents do not pair up' },
  SCHEDULE_NOT_CUMULATIVE: { severity: 'warning', summary: 'Spend-schedule percents decrease; they should be cumulative' },
  SCHEDULE_ABOVE_100: { severity: 'warning', summary: 'A spend-schedule point is above 100%' },
  SCHEDULE_NOT_ENDING_AT_100: { severity: 'warning', summary: 'The spend schedule does not end at 100%' },
  ACTUAL_UNREADABLE: { severity: 'info', summary: 'A self-evaluation\'s 实际完成值 is not a plain value; kept as printed' },
  WEIGHT_UNREADABLE: { severity: 'warning', summary: 'A weight (权重/分值) is not a number', loss: true },
  FISCAL_YEAR_UNKNOWN: { severity: 'warning', summary: 'No fiscal year found in titles or project names (use --year)' },
  FISCAL_YEAR_CONFLICT: { severity: 'info', summary: 'Titles or project names name different years' },
  // check (consistency rules, src/check/; schedule and basis rules are the normalizer's codes above)
  BUDGET_SOURCES_MISMATCH: { severity: 'error', summary: 'The funding sources (财政 + 上年结转 + 其他) do not add up to the total (预算数), compared in yuan' },
  BUDGET_TOTAL_MISSING: { severity: 'warning', summary: 'A project has no total (预算数), or a total of zero' },
  BUDGET_SOURCE_ABOVE_TOTAL: { severity: 'error', summary: 'A funding source is larger than the total (预算数)' },
  COST_BUDGET_MISMATCH: { severity: 'warning', summary: 'A 成本指标 target in money disagrees with the project total, compared in yuan' },
  PROJECT_CODE_DUPLICATE: { severity: 'error', summary: 'Several projects of one document have the same 项目编码' },
  PROJECT_CODE_REGION_MISMATCH: { severity: 'warning', summary: "A 项目编码's 6-digit region prefix differs from the department's other projects" },
  INDICATOR_EMPTY: { severity: 'warning', summary: 'An indicator has an empty 三级指标 or an empty 指标值' },
  TARGET_UNIT_MISSING: { severity: 'warning', summary: 'A quantitative target has no unit' },
  TARGET_PERCENT_ABOVE_100: { severity: 'warning', summary: 'A percent target is above 100% (suspicious)' },
  INDICATOR_CATEGORY_MISSING: { severity: 'warning', summary: 'A project has no 产出 (output) or no 效益 (benefit) indicators' },
  TARGET_NOT_MET: { severity: 'warning', summary: 'A self-evaluation reports a value achieved that misses its target' },
  // standard tables
  TABLE_LINES_UNREAD: { severity: 'warning', summary: 'A standard table prints figures under no header the line-item reader finds; its lines were not read', loss: true },
  TABLE_TOTAL_MISMATCH: { severity: 'warning', summary: 'A printed 合计 / 小计 / 总计 line of a standard table differs from the sum of its lines' },
  TABLE_PARENT_MISMATCH: { severity: 'warning', summary: 'A 类 line differs from the sum of its 款, or a 款 from the sum of its 项' },
  TABLE_COLUMN_MISMATCH: { severity: 'warning', summary: 'A total column (合计, 小计, …总额) differs from the sum of the columns beside it' },
  TABLE_SIDES_MISMATCH: { severity: 'warning', summary: 'The 收入总计 of a two-sided table differs from its 支出总计' },
  TABLE_CROSS_MISMATCH: { severity: 'warning', summary: 'Two standard tables of a document print the same figure differently' },
  TABLE_PROSE_MISMATCH: { severity: 'warning', summary: 'A figure the prose quotes (收入预算, 一般公共预算拨款, "三公"经费) is printed by none of the tables it stands for' },
  TABLE_SUM_ROUNDED: { severity: 'info', summary: 'A printed total differs from its sum within the rounding of the printed decimals' },
  SATISFACTION_NOT_PERCENT: { severity: 'warning', summary: 'A 满意度 (satisfaction) target is not a percent' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

/** Where a message comes from. Rows and columns are 1-based, as a user counts them. */
export interface Location {
  project?: string | null;
  page?: number | null;
  table?: number | null;
  row?: number | null;
  column?: number | null;
  /** .xlsx: the sheet's name. */
  sheet?: string | null;
  /** .xlsx: the A1 reference of the cell (`B7`) or range (`A7:M7`, a table row) in that sheet. */
  ref?: string | null;
}

export function diagnostic(code: DiagnosticCode, message: string, at: Location = {}, severity?: Severity): Diagnostic {
  return {
    severity: severity ?? CODES[code].severity,
    code,
    message,
    project: at.project ?? null,
    page: at.page ?? null,
    table: at.table ?? null,
    row: at.row ?? null,
    column: at.column ?? null,
    // Only a workbook's messages have these: other formats' messages keep their shape.
    ...(at.sheet != null ? { sheet: at.sheet } : {}),
    ...(at.ref != null ? { ref: at.ref } : {}),
  };
}

/** A value together with the messages produced while computing it. */
export interface Result<T> {
  value: T;
  messages: Diagnostic[];
}

export function result<T>(value: T, messages: Diagnostic[] = []): Result<T> {
  return { value, messages };
}
