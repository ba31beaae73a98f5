/**
 * The styles part, for what a cell's text depends on: each cell format (`cellXfs`, indexed
 * by a cell's `s`) gives a number format, built in or defined in `numFmts`, and a font
 * (a Symbol-font cell stores `≥` as the private-use U+F0B3).
 *
 * Built-in ids (ECMA-376 Part 1, 18.8.30) are not written in the file. Those the standard
 * gives for every language are read as it gives them; those whose meaning depends on the
 * user interface's language (the currencies 5–8, the accounting formats 41–44, the CJK dates
 * 27–36 and 50–58) are read as Chinese Excel shows them, the language of these disclosures.
 * The locale's short date (14) and date-time (22) are shown as ISO dates (yyyy-mm-dd), which
 * every reader reads alike.
 */
import { GENERAL, parseNumberFormat, type NumberFormat } from './numfmt.js';
import { MAIN_NAMESPACES, scanXml } from './xml.js';

const BUILT_IN: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy-mm-dd h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export interface CellStyle {
  format: NumberFormat;
  /** The cell's font name, lower case, or null. */
  font: string | null;
}

export interface Styles {
  /** The style of a cell's `s`; null when the index names no cell format. */
  style(index: number): CellStyle | null;
}

/** A workbook without a styles part: every cell General, in no particular font. */
export const PLAIN_STYLES: Styles = { style: (index) => (index === 0 ? { format: GENERAL, font: null } : null) };

export function readStyles(bytes: Uint8Array | null, partName: string): Styles {
  if (!bytes) return PLAIN_STYLES;
  const codes = new Map<number, string>();
  const fonts: (string | null)[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  let inFonts = false;
  let inCellXfs = false;
  let fontName: string | null = null;
  let fontDepth = -1;
  scanXml(bytes, partName, {
    open(el, depth) {
      if (!MAIN_NAMESPACES.has(el.namespace)) return;
      switch (el.local) {
        case 'numFmt': {
          const id = Number.parseInt(el.attr('numFmtId') ?? '', 10);
          const code = el.attr('formatCode');
          if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
          break;
        }
        case 'fonts':
          inFonts = true;
          break;
        case 'font':
          if (inFonts) {
            fontName = null;
            fontDepth = depth;
          }
          break;
        case 'name':
          if (inFonts && fontDepth >= 0) fontName = (el.attr('val') ?? '').toLowerCase() || null;
          break;
        case 'cellXfs':
          inCellXfs = true;
          break;
        case 'xf':
          if (inCellXfs) xfs.push({ numFmtId: Number.parseInt(el.attr('numFmtId') ?? '0', 10) || 0, fontId: Number.parseInt(el.attr('fontId') ?? '0', 10) || 0 });
          break;
      }
    },
    close(local, namespace, depth) {
      if (!MAIN_NAMESPACES.has(namespace)) return;
      if (local === 'fonts') inFonts = false;
      else if (local === 'cellXfs') inCellXfs = false;
      else if (local === 'font' && depth === fontDepth) {
        fonts.push(fontName);
        fontDepth = -1;
      }
    },
  });
  const parsed = new Map<number, NumberFormat>();
  const formatOf = (id: number): NumberFormat => {
    let format = parsed.get(id);
    if (!format) {
      const code = codes.get(id) ?? BUILT_IN[id];
      format = code === undefined ? { code: `(number format ${id}, not defined)`, sections: [], unsupported: `number format ${id}, which the workbook does not define` } : parseNumberFormat(code);
      parsed.set(id, format);
    }
    return format;
  };
  const styles: (CellStyle | undefined)[] = [];
  return {
    style(index) {
      const xf = xfs[index];
      if (!xf) return index === 0 ? { format: GENERAL, font: null } : null;
      let style = styles[index];
      if (!style) {
        style = { format: formatOf(xf.numFmtId), font: fonts[xf.fontId] ?? null };
        styles[index] = style;
      }
      return style;
    },
  };
}
