/**
 * Money cells. Budgets are printed in 万元 (sometimes 元, rarely 千元/亿元) with two or more
 * decimals; yuan must equal the printed decimal exactly, so the unit is applied by moving
 * the decimal point in the digit string, never by multiplying a float (0.07 × 10000 is
 * 700.0000000000001 in binary floating point).
 */
import type { Amount } from '../schema/document.js';
import { diagnostic, result, type Location, type Result } from '../diagnostics.js';
import { collapseSpace } from '../read/text.js';
import { foldWidth } from './text.js';

export type AmountUnit = '元' | '千元' | '万元' | '亿元';

/** Power of ten from the unit to yuan. */
const UNIT_PLACES: Readonly<Record<AmountUnit, number>> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/**
 * Unit words, longest first: `万元` contains `元`, so the shorter word must only win
 * where the longer one does not stand.
 */
const UNIT_WORDS = '亿元|万元|千元|元';

/** `单位：万元`, `金额单位:元`, `单位：人民币万元`, `单位：万元、%` (after width folding). */
const UNIT_STATEMENT = new RegExp(`单位\\s*:\\s*(?:人民币)?\\s*(${UNIT_WORDS})`, 'u');
/** `（万元）`, `(元)`, `项目资金（万元）`, `预算金额（元）` (after width folding). */
const UNIT_IN_BRACKETS = new RegExp(`\\(\\s*(?:人民币)?\\s*(${UNIT_WORDS})\\s*\\)`, 'u');
/** A header cell that is nothing but the unit. */
const UNIT_ALONE = new RegExp(`^(${UNIT_WORDS})$`, 'u');

/**
 * Find the unit a caption or header states. Returns the earliest statement in the text;
 * null when the text states no money unit (`单位：人`, a bare `元` inside prose).
 */
export function parseUnit(text: string): AmountUnit | null {
  const folded = foldWidth(collapseSpace(text));
  let best: { unit: AmountUnit; index: number } | null = null;
  for (const pattern of [UNIT_STATEMENT, UNIT_IN_BRACKETS, UNIT_ALONE]) {
    const match = pattern.exec(folded);
    if (match === null || match[1] === undefined) continue;
    if (best === null || match.index < best.index) best = { unit: match[1] as AmountUnit, index: match.index };
  }
  return best?.unit ?? null;
}

const PLAIN_NUMERAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Multiply a plain decimal numeral by 10^places exactly, by moving the decimal point.
 * The result is canonical: no leading zeros (but `0`), no trailing fractional zeros, no
 * trailing point, no `-0`. `("0.07", 4)` → `"700"`, `("3.14159", 4)` → `"31415.9"`.
 * Throws RangeError on a malformed numeral or places: callers validate cell text first,
 * so that is a programming error, not bad data.
 */
export function shiftDecimal(numeral: string, places: number): string {
  const match = PLAIN_NUMERAL.exec(numeral);
  if (match === null) throw new RangeError(`shiftDecimal: "${numeral}" is not a plain decimal numeral`);
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`shiftDecimal: places must be a non-negative integer, got ${places}`);
  const sign = match[1] ?? '';
  const whole = match[2] ?? '';
  const fraction = (match[3] ?? '').padEnd(places, '0');
  const integerDigits = (whole + fraction.slice(0, places)).replace(/^0+/, '') || '0';
  const fractionDigits = fraction.slice(places).replace(/0+$/, '');
  const magnitude = fractionDigits === '' ? integerDigits : `${integerDigits}.${fractionDigits}`;
  return magnitude === '0' ? '0' : sign + magnitude;
}

/** Cells that say "nothing here" rather than "zero": dashes of any width, slashes, 无. */
const PLACEHOLDER = /^(?:[-—–―─]+|\/|无)$/u;

export function isAmountPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

/** A unit written inside the cell: `250万`, `250万元`, `3500元`, `1.2亿元`, `5千元`. */
const CELL_UNIT = /^(.*?)\s*(亿元|万元|千元|亿|万|千|元)$/u;
const CELL_UNIT_NAMES: Readonly<Record<string, AmountUnit>> = {
  亿元: '亿元', 亿: '亿元', 万元: '万元', 万: '万元', 千元: '千元', 千: '千元', 元: '元',
};

/**
 * How many places a money unit written after a number (in a cell or a target: `250万`,
 * `≤90万元`) shifts it to yuan; null for anything that is not a money unit.
 */
export function moneyUnitPlaces(unit: string | null): number | null {
  const named = unit === null ? undefined : CELL_UNIT_NAMES[unit];
  return named === undefined ? null : UNIT_PLACES[named];
}

/** A currency sign some exports print before the number. */
const CURRENCY_SIGN = /^[¥￥]\s*/u;

/**
 * Thousands grouping with `,` or a space: `3,286,618,082.20`, `3 286 618 082.20`. The
 * groups must be three digits wide, so `10,20` (a list, not a number) is not accepted.
 */
const GROUPED_NUMERAL = /^(-?)(\d{1,3}(?:[, ]\d{3})+)(\.\d+)?$/;

/** The numeral of a cleaned cell, without separators; null when the text is no number. */
function readNumeral(text: string): string | null {
  if (PLAIN_NUMERAL.test(text)) return text;
  const grouped = GROUPED_NUMERAL.exec(text);
  if (grouped === null) return null;
  return (grouped[1] ?? '') + (grouped[2] ?? '').replace(/[, ]/g, '') + (grouped[3] ?? '');
}

/**
 * Read a money cell. Blank → null (SPEC: a blank cell is no amount). Otherwise the raw
 * text is kept as printed (trimmed) and `yuan` is the exact value, or null with a message
 * when the cell is a placeholder, not a number, or a number whose unit nobody states.
 * A unit inside the cell wins over `unit` (the table's caption): the cell is more specific.
 */
export function parseAmount(raw: string | null | undefined, unit: AmountUnit | null, at: Location): Result<Amount | null> {
  if (raw === null || raw === undefined || raw.trim() === '') return result(null);
  const printed = raw.trim();
  // Folding turns `，` into `,`, so one separator rule covers both widths.
  const cleaned = collapseSpace(foldWidth(printed)).replace(CURRENCY_SIGN, '');

  if (PLACEHOLDER.test(cleaned)) {
    return result({ raw: printed, yuan: null }, [
      diagnostic('AMOUNT_UNREADABLE', `amount "${printed}" is a placeholder, read as no value`, at, 'info'),
    ]);
  }

  let numberText = cleaned;
  let effectiveUnit = unit;
  const withUnit = CELL_UNIT.exec(cleaned);
  if (withUnit !== null) {
    numberText = withUnit[1] ?? '';
    effectiveUnit = CELL_UNIT_NAMES[withUnit[2] ?? ''] ?? unit;
  }

  const numeral = readNumeral(numberText.trim());
  if (numeral === null) {
    return result({ raw: printed, yuan: null }, [
      diagnostic('AMOUNT_UNREADABLE', `amount "${printed}" is not a number`, at),
    ]);
  }
  if (effectiveUnit === null) {
    return result({ raw: printed, yuan: null }, [
      diagnostic('AMOUNT_UNREADABLE', `amount "${printed}" has no unit: neither the table nor the cell states one`, at),
    ]);
  }
  const yuan = shiftDecimal(numeral, UNIT_PLACES[effectiveUnit]);
  if (significantDigits(yuan) > MAX_EXACT_DIGITS) {
    return result({ raw: printed, yuan: null }, [
      diagnostic('AMOUNT_UNREADABLE', `amount "${printed}" has more digits than a JSON number holds exactly (${yuan} yuan); raw text kept`, at),
    ]);
  }
  return result({ raw: printed, yuan: Number(yuan) });
}

/** A double holds every decimal of up to 15 significant digits exactly. */
const MAX_EXACT_DIGITS = 15;

function significantDigits(numeral: string): number {
  return numeral.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}
