/**
 * Exact sums and differences of decimal numbers such as amounts in yuan. A document stores
 * yuan as JSON numbers that stand for exact decimals (`110000`, `700`, `1234.56`); adding
 * them as binary floats can be off in the last place (0.1 + 0.2 is 0.30000000000000004),
 * and a check that compares a sum with a total must never report a difference that is not
 * there. So the decimals are added as integers scaled by a power of ten (BigInt), and the
 * result is turned back into the number a parser would have read from that decimal.
 */

interface Scaled {
  /** The value times 10^scale, exactly. */
  units: bigint;
  scale: number;
}

/** `String(n)` of a finite number: plain or exponent notation (`1e+21`, `1.5e-7`). */
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function toScaled(value: number): Scaled {
  if (!Number.isFinite(value)) throw new RangeError(`exact-decimal: ${value} is not a finite amount`);
  const match = NUMBER_TEXT.exec(String(value));
  if (match === null) throw new RangeError(`exact-decimal: cannot read ${value} as a decimal`);
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  let digits = whole + fraction;
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return { units: BigInt(sign + digits), scale };
}

function rescale(x: Scaled, scale: number): bigint {
  return x.units * 10n ** BigInt(scale - x.scale);
}

function fromScaled(units: bigint, scale: number): number {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return Number(`${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`);
}

/** The exact sum of decimal numbers. */
export function exactSum(...values: readonly number[]): number {
  const scaled = values.map(toScaled);
  const scale = Math.max(0, ...scaled.map((x) => x.scale));
  return fromScaled(scaled.reduce((sum, x) => sum + rescale(x, scale), 0n), scale);
}

/** The exact difference `a - b` of decimal numbers. */
export function exactDifference(a: number, b: number): number {
  return exactSum(a, -b);
}
