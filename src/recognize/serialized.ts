/**
 * Indicators serialized in one cell, as Guangzhou's 项目支出绩效目标表 prints them: every
 * indicator of a project in the 绩效指标 cell as a numbered item, its 一级 and 二级 with their
 * codes (1 产出, 2 效益, 3 满意度, 4 成本; 11 数量, 12 质量 …), its 三级 name, then the
 * 实施周期 (whole-period) value and the 年度 (annual) value:
 *
 *   `1、1-产出指标；11-数量指标；不满意回访率；实施周期指标值:100%；年度指标值:100%。2、…`
 *   `1.1－产出指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数；2、…`
 *
 * Departments differ in separators (ASCII or full-width dashes, `，` or `；`, items ended by
 * `。` or `；`) and numbering restarts inside one cell; the item shape does not change, so the
 * reading is anchored on it (a value may even follow `》` for `：`). Text that no item accounts
 * for is returned, never dropped.
 */
import type { Located, RawIndicator } from './records.js';
import { blankIndicator } from './indicator-rows.js';

const DASH = '[－\\-—–]';
const SEP = '[，,；;]';
const ITEM_START = `\\d{1,3}\\s*[、.．]\\s*\\d\\s*${DASH}`;
const ITEM = new RegExp(
  `(\\d{1,3})\\s*[、.．]\\s*(\\d)\\s*${DASH}\\s*([^，,；;]+?)\\s*${SEP}\\s*(\\d{2})\\s*${DASH}\\s*([^，,；;]+?)\\s*${SEP}\\s*` +
    `([\\s\\S]+?)\\s*[，,；;。]?\\s*(?:实施周期指标值\\s*[:：》]\\s*([\\s\\S]*?)\\s*[，,；;。]?\\s*)?年度指标值\\s*[:：》]\\s*` +
    `([\\s\\S]*?)(?=\\s*[；;。，,]?\\s*${ITEM_START}|\\s*$)`,
  'gu',
);

/** A 三级 name holding a value label or the start of an item has run over an item boundary. */
const SWALLOWED = new RegExp(`指标值|${ITEM_START}`, 'u');

/** Punctuation that ends an item or a value, not part of it. */
const TRAILING = /[\s；;。，,]+$/u;

export interface SerializedIndicators {
  indicators: RawIndicator[];
  /** Text between or after the items that none of them accounts for. */
  unread: string[];
}

export function splitSerializedIndicators(cell: Located, table: number, row: number, page: number | null): SerializedIndicators {
  const text = cell.text;
  const indicators: RawIndicator[] = [];
  const unread: string[] = [];
  let covered = 0;
  const at = (part: string): Located | null => (part.trim() === '' ? null : { ...cell, text: part.trim() });
  for (const m of text.matchAll(ITEM)) {
    const gap = text.slice(covered, m.index);
    if (gap.replace(/[\s；;。，,]/gu, '') !== '') unread.push(gap.trim());
    covered = m.index + m[0].length;
    // An item whose 三级 name swallowed another item (a separator no one expected) is not
    // guessed at: its text is returned as unread.
    if (SWALLOWED.test(m[6] as string)) {
      unread.push(m[0].trim());
      continue;
    }
    const indicator = blankIndicator(table, row, page);
    indicator.level1 = at(m[3] as string);
    indicator.level2 = at(m[5] as string);
    indicator.level3 = at((m[6] as string).replace(TRAILING, ''));
    indicator.midTerm = m[7] === undefined ? null : at((m[7] as string).replace(TRAILING, ''));
    indicator.target = at((m[8] as string).replace(TRAILING, ''));
    indicators.push(indicator);
  }
  const rest = text.slice(covered);
  if (rest.replace(/[\s；;。，,]/gu, '') !== '') unread.push(rest.trim());
  return { indicators, unread };
}
