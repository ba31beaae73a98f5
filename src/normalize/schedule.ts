/**
 * The spend schedule (资金支出计划): labels such as `3月底 | 6月底 | 10月底 | 12月底` over
 * cumulative percents `25% | 50% | 75% | 100%`. Values are always kept as printed; the
 * checks only report schedules that do not look cumulative or do not reach 100%.
 */
import type { SchedulePoint } from '../schema/document.js';
import { diagnostic, result, type Diagnostic, type Location, type Result } from '../diagnostics.js';
import { collapseSpace } from '../read/text.js';
import { cleanText, foldWidth } from './text.js';

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `3`, `03`, `三`, `十`, `十二` → the number; null outside 1–12. */
function readMonthNumber(text: string): number | null {
  let month: number | null = null;
  if (/^\d{1,2}$/.test(text)) month = Number(text);
  else if (text.length === 1) month = text === '十' ? 10 : (CHINESE_DIGITS[text] ?? null);
  else if (text.length === 2 && text.startsWith('十')) month = 10 + (CHINESE_DIGITS[text.slice(1)] ?? Number.NaN);
  return month !== null && month >= 1 && month <= 12 ? month : null;
}

/**
 * A month label: an optional year and lead-in (`截至2025年`), a month or a month range
 * whose end counts (`1-3月` is through March), an optional day, and end words (`底`, `末`,
 * `前`). The point in time is the month named.
 */
const MONTH_LABEL = /^(?:截至|截止|至|到)?(?:(?:19|20)\d{2}年)?(?:[\d一二三四五六七八九十]{1,2}月?\s*[-~〜—–至到]\s*)?([\d一二三四五六七八九十]{1,2})月(?:份)?(?:\d{1,2}日)?(?:底|末)?(?:前|止)?$/u;
/** `一季度末`, `第二季度`, `3季度` → the quarter's last month. */
const QUARTER_LABEL = /^(?:截至|截止|至|到)?(?:(?:19|20)\d{2}年)?第?([一二三四1-4])季度(?:末|底)?(?:前|止)?$/u;
/** Half years and the year's end. */
const YEAR_PART_LABELS: Readonly<Record<string, number>> = {
  上半年: 6, 年中: 6, 下半年: 12, 全年: 12, 年底: 12, 年末: 12,
};
const QUARTER_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** The month (1–12) a schedule label points at, or null when it names none. */
export function parseScheduleMonth(label: string): number | null {
  const text = foldWidth(collapseSpace(label));
  const month = MONTH_LABEL.exec(text);
  if (month !== null) return readMonthNumber(month[1] ?? '');
  const quarter = QUARTER_LABEL.exec(text);
  if (quarter !== null) {
    const number = QUARTER_NUMBERS[quarter[1] ?? ''];
    return number === undefined ? null : number * 3;
  }
  const yearPart = /^((?:19|20)\d{2}年)?(.+?)(?:前|止)?$/u.exec(text);
  const part = yearPart?.[2] ?? '';
  // After a year, its 年 doubles as the word's: `2025年底` is 2025 + 年底.
  const afterYear = yearPart?.[1] === undefined ? undefined : YEAR_PART_LABELS[`年${part}`];
  return YEAR_PART_LABELS[part] ?? afterYear ?? null;
}

const PERCENT = /^(\d+(?:\.\d+)?)\s*%?$/;

/** `25%`, `25 %`, `２５％`, `25`, `37.5%` → the number; anything else null. */
export function parsePercent(raw: string): number | null {
  const match = PERCENT.exec(foldWidth(collapseSpace(raw)));
  return match === null ? null : Number(match[1]);
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** The array without its trailing blank entries (cells of a grid wider than the schedule). */
function withoutTrailingBlanks(texts: readonly string[]): readonly string[] {
  let end = texts.length;
  while (end > 0 && isBlank(texts[end - 1])) end -= 1;
  return texts.slice(0, end);
}

/** Percents a little off 100 by float addition (33.3 + 33.3 + 33.4) still sum to 100. */
const SUM_TOLERANCE = 1e-9;

/** The shape and plausibility checks, each reported at most once per schedule. */
function checkSchedule(points: readonly SchedulePoint[], at: Location): Diagnostic[] {
  const messages: Diagnostic[] = [];
  const readable = points.filter((p): p is SchedulePoint & { percent: number } => p.percent !== null);
  const describe = (p: SchedulePoint): string => `"${p.percentRaw}" at "${p.label}"`;

  const last = readable[readable.length - 1];
  const sum = readable.reduce((total, p) => total + p.percent, 0);
  const decrease = readable.findIndex((p, i) => i > 0 && p.percent < (readable[i - 1]?.percent ?? 0));
  if (last !== undefined && readable.length > 1 && last.percent < 100 && Math.abs(sum - 100) < SUM_TOLERANCE) {
    messages.push(diagnostic('SCHEDULE_NOT_CUMULATIVE', `schedule percents sum to 100 but end at ${describe(last)}: they look per-period, not cumulative`, at));
  } else if (decrease > 0) {
    const point = readable[decrease];
    const before = readable[decrease - 1];
    if (point !== undefined && before !== undefined) {
      messages.push(diagnostic('SCHEDULE_NOT_CUMULATIVE', `schedule percent ${describe(point)} is below ${describe(before)}; percents should be cumulative`, at));
    }
  }

  const above = readable.find((p) => p.percent > 100);
  if (above !== undefined) messages.push(diagnostic('SCHEDULE_ABOVE_100', `schedule percent ${describe(above)} is above 100`, at));

  if (last !== undefined && last.percent !== 100) {
    messages.push(diagnostic('SCHEDULE_NOT_ENDING_AT_100', `schedule ends at ${describe(last)}, not at 100%`, at));
  }

  const dated = points.filter((p) => p.month !== null);
  const backwards = dated.findIndex((p, i) => i > 0 && (p.month ?? 0) < (dated[i - 1]?.month ?? 0));
  if (backwards > 0) {
    messages.push(diagnostic('SCHEDULE_SHAPE', `schedule months go backwards at "${dated[backwards]?.label ?? ''}" after "${dated[backwards - 1]?.label ?? ''}"`, at));
  }
  return messages;
}

/**
 * Pair the schedule's labels with its percents. Pairs blank on both sides are dropped;
 * unequal lengths (after trailing blanks) pair up to the shorter with a SCHEDULE_SHAPE
 * warning. Every point keeps its printed text; unreadable parts become null with a warning.
 */
export function parseSchedule(labels: readonly string[], percents: readonly string[], at: Location): Result<SchedulePoint[]> {
  const messages: Diagnostic[] = [];
  const labelCells = withoutTrailingBlanks(labels);
  const percentCells = withoutTrailingBlanks(percents);
  if (labelCells.length !== percentCells.length) {
    messages.push(
      diagnostic('SCHEDULE_SHAPE', `schedule has ${labelCells.length} labels but ${percentCells.length} percents; paired up to the shorter`, at),
    );
  }

  const points: SchedulePoint[] = [];
  const count = Math.min(labelCells.length, percentCells.length);
  for (let i = 0; i < count; i += 1) {
    const labelRaw = labelCells[i] ?? '';
    const percentRaw = (percentCells[i] ?? '').trim();
    if (isBlank(labelRaw) && percentRaw === '') continue;
    const label = cleanText(labelRaw) ?? '';
    const month = parseScheduleMonth(label);
    const percent = parsePercent(percentRaw);
    if (month === null) messages.push(diagnostic('SCHEDULE_LABEL_UNREADABLE', `schedule label "${label}" names no month`, at));
    if (percent === null) messages.push(diagnostic('SCHEDULE_PERCENT_UNREADABLE', `schedule percent "${percentRaw}" at "${label}" is not a number`, at));
    points.push({ label, month, percent, percentRaw });
  }
  messages.push(...checkSchedule(points, at));
  return result(points, messages);
}
