/**
 * Opening an .xlsx package: the zip container and the parts the reader needs. The zip is
 * opened twice, each time inflating only what is asked for: first the workbook and its
 * relationships, which name the other parts; then the styles, the shared strings and the
 * worksheets. Every part goes through the .docx reader's guard (a part's size is checked
 * from the zip directory before it is inflated), and the parts together have a limit too:
 * a hundred sheets just under the part limit would otherwise inflate to gigabytes.
 */
import { DEFAULT_LIMITS, inflateParts, type PackageLimits } from '../docx/package.js';
import { InputError } from '../errors.js';

export const WORKBOOK_PART = 'xl/workbook.xml';
export const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

export interface XlsxLimits extends PackageLimits {
  /** Largest inflated size of all parts read together, in bytes. */
  maxWorkbookBytes: number;
  /** Most non-empty cells read from the whole workbook. */
  maxCells: number;
  /** Most cell elements (`<c>`, empty ones included) scanned in one sheet. */
  maxCellElements: number;
  /** Most grid positions (rows × columns) of one table. */
  maxGridCells: number;
  /** Most sheets a workbook may list. */
  maxSheets: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_LIMITS,
  maxWorkbookBytes: 512 * 1024 * 1024,
  // A disclosure's workbook holds thousands of cells; a million take about 450 MB to read,
  // inside the 1 GB a worker may use.
  maxCells: 1_000_000,
  maxCellElements: 20_000_000,
  maxGridCells: 1_000_000,
  maxSheets: 4096,
};

export interface WorkbookParts {
  /** Inflated parts by path inside the zip. */
  parts: Record<string, Uint8Array>;
  /** Parts read that the zip holds more than once (the last entry of each is read). */
  duplicated: string[];
}

/** The workbook part and its relationships. */
export function openWorkbook(bytes: Uint8Array, limits: XlsxLimits): WorkbookParts & { names: Set<string> } {
  const { parts, names, duplicated } = inflateParts(bytes, new Set([WORKBOOK_PART, WORKBOOK_RELS]), limits);
  if (!parts[WORKBOOK_PART]) throw new InputError('corrupt', `not an .xlsx (zip without ${WORKBOOK_PART})`);
  if (!parts[WORKBOOK_RELS]) throw new InputError('corrupt', `${WORKBOOK_RELS} is missing: the workbook does not say where its sheets are`);
  return { parts, names, duplicated };
}

/** The parts the workbook names (styles, shared strings, sheets), within the workbook limit. */
export function openParts(bytes: Uint8Array, wanted: ReadonlySet<string>, limits: XlsxLimits): WorkbookParts {
  const { parts, duplicated } = inflateParts(bytes, wanted, limits, limits.maxWorkbookBytes);
  return { parts, duplicated };
}
