/**
 * Exact decimals for showing a cell's number: the value is kept as the digits of its stored
 * text (`<v>11.5</v>`, `<v>0.30000000000000004</v>`, `<v>1.5E-3</v>`) and an exponent, and
 * every step (rounding, a percent's shift by two places, a thousands scale) is done on the
 * digits. A float multiply would show 1.005 at two places as 1.00 and 0.57 as a percent as
 * 56.99999999999999%; the digits show 1.01 and 57%.
 */

export interface Decimal {
  negative: boolean;
  /** Significant digits without leading or trailing zeros; '' for zero. */
  digits: string;
  /** value = digits × 10^exponent. */
  exponent: number;
}

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/u;

/** Most exponent accepted: a double reaches 10^308; anything beyond is no stored number. */
const MAX_EXPONENT = 400;

function normalized(negative: boolean, digits: string, exponent: number): Decimal {
  let start = 0;
  while (start < digits.length && digits[start] === '0') start++;
  let end = digits.length;
  while (end > start && digits[end - 1] === '0') end--;
  const kept = digits.slice(start, end);
  if (kept === '') return { negative: false, digits: '', exponent: 0 };
  return { negative, digits: kept, exponent: exponent + (digits.length - end) };
}

/** The decimal a stored number's text holds, or null when the text is not a number. */
export function parseDecimal(text: string): Decimal | null {
  const m = NUMBER.exec(text.trim());
  if (!m) return null;
  const whole = m[2] ?? '';
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return null;
  const power = m[4] === undefined ? 0 : Number.parseInt(m[4], 10);
  if (!Number.isFinite(power) || Math.abs(power) > MAX_EXPONENT) return null;
  return normalized(m[1] === '-', whole + fraction, power - fraction.length);
}

export function isZero(d: Decimal): boolean {
  return d.digits === '';
}

/** The value times 10^places (a percent: 2; a thousands scale: -3). */
export function shift(d: Decimal, places: number): Decimal {
  return isZero(d) ? d : { ...d, exponent: d.exponent + places };
}

export function negate(d: Decimal): Decimal {
  return isZero(d) ? d : { ...d, negative: !d.negative };
}

export function abs(d: Decimal): Decimal {
  return { ...d, negative: false };
}

/** 10^k ≤ |d| < 10^(k+1): the position of the first significant digit (0 for 1–9.99…). */
export function magnitude(d: Decimal): number {
  return d.digits.length - 1 + d.exponent;
}

/** Add one unit in the last place of a digit string: `199` → `200`, `99` → `100`. */
function increment(digits: string): string {
  const out = digits.split('');
  let i = out.length - 1;
  while (i >= 0 && out[i] === '9') out[i--] = '0';
  if (i < 0) return `1${out.join('')}`;
  out[i] = String(Number(out[i]) + 1);
  return out.join('');
}

/**
 * Rounded to `places` digits after the decimal point (negative: to tens, hundreds…), half
 * away from zero, as Excel shows a number: 2.675 at two places is 2.68, −0.125 is −0.13.
 */
export function roundToPlaces(d: Decimal, places: number): Decimal {
  if (isZero(d) || d.exponent >= -places) return d;
  // Digits kept: those whose place is at least 10^-places.
  const keep = d.digits.length - (-places - d.exponent);
  if (keep < 0) return { negative: false, digits: '', exponent: 0 };
  const head = d.digits.slice(0, keep);
  const next = d.digits[keep] ?? '0';
  const rounded = next >= '5' ? increment(head === '' ? '0' : head) : head;
  return normalized(d.negative, rounded, -places);
}

/** Rounded to `count` significant digits, half away from zero. */
export function roundSignificant(d: Decimal, count: number): Decimal {
  if (isZero(d) || d.digits.length <= count) return d;
  return roundToPlaces(d, count - 1 - magnitude(d));
}

/** The integer digits (at least '0' unless `bare`) and the fraction digits of |d|, unpadded. */
export function plainParts(d: Decimal): { whole: string; fraction: string } {
  if (isZero(d)) return { whole: '0', fraction: '' };
  if (d.exponent >= 0) return { whole: d.digits + '0'.repeat(d.exponent), fraction: '' };
  const point = d.digits.length + d.exponent;
  if (point <= 0) return { whole: '0', fraction: '0'.repeat(-point) + d.digits };
  return { whole: d.digits.slice(0, point), fraction: d.digits.slice(point) };
}

/** Plain decimal text, e.g. `-0.0015`, `1286400`. */
export function plainText(d: Decimal): string {
  const { whole, fraction } = plainParts(d);
  return `${d.negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** A JS number for comparisons that need no exactness (which date a serial is). */
export function toNumber(d: Decimal): number {
  return Number(`${d.negative ? '-' : ''}${d.digits === '' ? '0' : d.digits}e${d.exponent}`);
}
