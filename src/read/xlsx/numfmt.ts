/**
 * Number format codes (ECMA-376 Part 1, 18.8.31): the text a cell shows for the number it
 * stores. A budget sheet stores 11 and shows `11.00`, stores 3500 and shows `3,500.00`,
 * stores 0.25 and shows `25%`; the recognizers need what is shown, as a .docx prints it.
 *
 * Read here: up to four sections (positive; negative; zero; text), digit placeholders
 * `0 # ?`, the decimal point, thousands separators and scaling commas (`#,##0,` shows
 * thousands), percent, scientific `E+`/`E-`, literal text (`"万元"`, `\x`, and the characters
 * Excel takes bare), `_x` padding and `*x` fill (shown as nothing: the cell's text is
 * trimmed anyway), `[Red]` and other colours (ignored), `[$¥-804]` currency text, `@` in the
 * text section, `General` inside a section (and `G/通用格式`, as Chinese Excel and WPS write
 * it), and dates and times (`yyyy`, `m`, `d`, `h`,
 * `mm` as minutes after an hour, `ss`, `AM/PM`, `上午/下午`, elapsed `[h]`; month and day
 * names in English, or Chinese under a zh locale tag such as `[$-804]`).
 *
 * Not read, and said so (the caller shows the stored value and reports the cell): conditions
 * (`[>=100]`), fractions (`# ?/?`), Chinese numerals (`[DBNum1]`), the system's long date
 * and time (`[$-F800]`, `[$-F400]`: they depend on the reader's computer), fractional seconds,
 * era years, and characters a format cannot hold bare. Every number is rounded to the 15
 * significant digits a spreadsheet keeps before it is shown, then rounded to the format's
 * places half away from zero, all on decimal digits (decimal.ts).
 */
import { abs, isZero, magnitude, plainParts, plainText, roundSignificant, roundToPlaces, shift, toNumber, type Decimal } from './decimal.js';
import { serialFields, type DateTimeFields } from './dates.js';

type DateField = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second';

type Token =
  | { kind: 'digit'; placeholder: '0' | '#' | '?' }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent' }
  | { kind: 'exponent'; plus: boolean }
  | { kind: 'literal'; text: string }
  | { kind: 'text' }
  | { kind: 'general' }
  | { kind: 'date'; field: DateField; width: number; letter: string }
  | { kind: 'ampm'; style: 'AM/PM' | 'am/pm' | 'A/P' | 'a/p' | '上午/下午' }
  | { kind: 'elapsed'; field: 'hour' | 'minute' | 'second'; width: number };

interface Section {
  tokens: Token[];
  isDate: boolean;
  /** The digit layout of a number section, worked out once (a sheet shows thousands of cells in one format). */
  layout?: Layout;
  /** Month and weekday names in Chinese (a zh locale tag). */
  chinese: boolean;
}

export interface NumberFormat {
  code: string;
  sections: Section[];
  /** Why the code cannot be shown exactly, or null. */
  unsupported: string | null;
}

export interface Shown {
  text: string;
  /** Set when the format could not be applied: the text is then the stored value in General. */
  unsupported?: string;
  /** The number shown has more than 15 integer digits, beyond what a spreadsheet stores exactly. */
  tooLong?: boolean;
}

/** Significant digits a spreadsheet keeps (IEEE doubles shown as Excel shows them). */
const PRECISION = 15;

const COLOURS = /^(?:black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d{1,2})$/iu;
/** LCIDs of the Chinese locales (zh-CN, zh-TW, zh-HK, zh-SG, zh-MO). */
const CHINESE_LCIDS = new Set([0x804, 0x404, 0xc04, 0x1004, 0x1404, 0x4, 0x7c04]);
/** Characters Excel accepts in a format without quotes. */
const BARE_LITERALS = new Set([...'$-+/():!^&\'~{}<>= ', '\u00a0']);

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CN_MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
const CN_DAYS = ['日', '一', '二', '三', '四', '五', '六'];

class Unsupported extends Error {}

/** Split a code into sections at `;` outside quotes, brackets and escapes. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (c === '\\' || c === '_' || c === '*') {
      current += code.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (c === ';') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** A bracket's content: a colour, a locale or currency, an elapsed-time unit, or what is not read. */
function readBracket(content: string, tokens: Token[], section: { chinese: boolean }): void {
  if (COLOURS.test(content.trim())) return;
  const elapsed = /^(h+|m+|s+)$/iu.exec(content);
  if (elapsed) {
    const letter = (elapsed[1] as string)[0]?.toLowerCase();
    tokens.push({ kind: 'elapsed', field: letter === 'h' ? 'hour' : letter === 'm' ? 'minute' : 'second', width: (elapsed[1] as string).length });
    return;
  }
  if (content.startsWith('$')) {
    const dash = content.indexOf('-');
    const symbol = dash < 0 ? content.slice(1) : content.slice(1, dash);
    if (symbol !== '') tokens.push({ kind: 'literal', text: symbol });
    if (dash < 0) return;
    const tag = content.slice(dash + 1);
    if (/^[0-9a-f]+$/iu.test(tag)) {
      const value = Number.parseInt(tag, 16);
      if (value === 0xf800 || value === 0xf400) throw new Unsupported(`the system date or time format [$-${tag}]`);
      // Above the LCID: calendar and numeral system; Chinese numerals or a lunar calendar are not read.
      if (Math.floor(value / 0x1000000) !== 0 || (Math.floor(value / 0x10000) & 0xff) > 1) throw new Unsupported(`the numeral system or calendar of [$-${tag}]`);
      if (CHINESE_LCIDS.has(value & 0xffff)) section.chinese = true;
    } else if (/^zh\b/iu.test(tag)) section.chinese = true;
    return;
  }
  if (/^(?:DBNum|NatNum)\d*$/iu.test(content)) throw new Unsupported(`[${content}] (numerals in words)`);
  if (/^[<>=]/u.test(content)) throw new Unsupported(`the condition [${content}]`);
  throw new Unsupported(`[${content}]`);
}

function tokenize(source: string): Section {
  const tokens: Token[] = [];
  const section = { chinese: false };
  let slash = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const lower = c.toLowerCase();
    if (c === '"') {
      const end = source.indexOf('"', i + 1);
      const stop = end < 0 ? source.length : end;
      tokens.push({ kind: 'literal', text: source.slice(i + 1, stop) });
      i = stop;
    } else if (c === '\\') {
      tokens.push({ kind: 'literal', text: source[i + 1] ?? '' });
      i++;
    } else if (c === '_') {
      tokens.push({ kind: 'literal', text: ' ' });
      i++;
    } else if (c === '*') {
      i++; // fill: repeats a character to the cell's width; nothing in trimmed text
    } else if (c === '[') {
      const end = source.indexOf(']', i + 1);
      if (end < 0) throw new Unsupported('an unclosed [');
      readBracket(source.slice(i + 1, end), tokens, section);
      i = end;
    } else if (c === '0' || c === '#' || c === '?') {
      tokens.push({ kind: 'digit', placeholder: c });
    } else if (c === '.') {
      tokens.push({ kind: 'point' });
    } else if (c === ',') {
      tokens.push({ kind: 'comma' });
    } else if (c === '%') {
      tokens.push({ kind: 'percent' });
    } else if (c === '@') {
      tokens.push({ kind: 'text' });
    } else if ((c === 'E' || c === 'e') && (source[i + 1] === '+' || source[i + 1] === '-')) {
      tokens.push({ kind: 'exponent', plus: source[i + 1] === '+' });
      i++;
    } else if (source.slice(i, i + 7).toLowerCase() === 'general') {
      tokens.push({ kind: 'general' });
      i += 6;
    } else if (source.slice(i, i + 6) === 'G/通用格式') {
      // General as Chinese Excel and WPS write it (`G/通用格式"元"`).
      tokens.push({ kind: 'general' });
      i += 5;
    } else if (source.slice(i, i + 5).toUpperCase() === 'AM/PM') {
      tokens.push({ kind: 'ampm', style: c === 'a' ? 'am/pm' : 'AM/PM' });
      i += 4;
    } else if (source.slice(i, i + 3).toUpperCase() === 'A/P') {
      tokens.push({ kind: 'ampm', style: c === 'a' ? 'a/p' : 'A/P' });
      i += 2;
    } else if (source.slice(i, i + 5) === '上午/下午') {
      tokens.push({ kind: 'ampm', style: '上午/下午' });
      i += 4;
    } else if ('ymdhsa'.includes(lower) && /[a-z]/iu.test(c)) {
      let width = 1;
      while (source[i + width]?.toLowerCase() === lower) width++;
      const field: DateField = lower === 'y' ? 'year' : lower === 'm' ? 'month' : lower === 'd' ? (width >= 3 ? 'weekday' : 'day') : lower === 'a' ? 'weekday' : lower === 'h' ? 'hour' : 'second';
      if (lower === 'a' && width < 3) throw new Unsupported(`the letter ${c}`);
      tokens.push({ kind: 'date', field, width, letter: lower });
      i += width - 1;
    } else if (/[a-z]/iu.test(c)) {
      // e and g (era years), B1/B2 (Buddhist and Hijri calendars), and letters no format holds bare.
      throw new Unsupported(`the letter ${c}`);
    } else {
      if (c === '/') slash = true;
      if (!BARE_LITERALS.has(c) && c.charCodeAt(0) < 0x80 && !/\s/u.test(c)) throw new Unsupported(`the character ${c}`);
      tokens.push({ kind: 'literal', text: c });
    }
  }
  resolveMinutes(tokens);
  const isDate = tokens.some((t) => t.kind === 'date' || t.kind === 'ampm' || t.kind === 'elapsed');
  if (isDate) {
    if (tokens.some((t) => t.kind === 'digit' || t.kind === 'exponent')) throw new Unsupported('digits or fractional seconds in a date format');
    // In a date, `,` `.` and `%` are printed as they stand (`dddd, mmmm d`, `yyyy.mm.dd`).
    tokens.forEach((t, i) => {
      if (t.kind === 'comma') tokens[i] = { kind: 'literal', text: ',' };
      else if (t.kind === 'point') tokens[i] = { kind: 'literal', text: '.' };
      else if (t.kind === 'percent') tokens[i] = { kind: 'literal', text: '%' };
    });
  }
  if (!isDate && slash && tokens.some((t) => t.kind === 'digit')) throw new Unsupported('a fraction');
  return { tokens, isDate, chinese: section.chinese };
}

/** `m`/`mm` after an hour or before a second is minutes, elsewhere the month. */
function resolveMinutes(tokens: Token[]): void {
  const timed = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'date' || t.kind === 'elapsed');
  timed.forEach(({ t }, n) => {
    if (t.kind !== 'date' || t.field !== 'month' || t.width > 2) return;
    const before = timed[n - 1]?.t;
    const after = timed[n + 1]?.t;
    const isHour = (x: Token | undefined) => (x?.kind === 'date' || x?.kind === 'elapsed') && x.field === 'hour';
    const isSecond = (x: Token | undefined) => (x?.kind === 'date' || x?.kind === 'elapsed') && x.field === 'second';
    if (isHour(before) || isSecond(after)) t.field = 'minute';
  });
}

export function parseNumberFormat(code: string): NumberFormat {
  try {
    const sources = splitSections(code);
    if (sources.length > 4) throw new Unsupported('more than four sections');
    return { code, sections: sources.map(tokenize), unsupported: null };
  } catch (error) {
    if (error instanceof Unsupported) return { code, sections: [], unsupported: error.message };
    throw error;
  }
}

export const GENERAL: NumberFormat = parseNumberFormat('General');

// ---- numbers -----------------------------------------------------------------------------

/** General: the stored value to 15 significant digits, plain, or in scientific notation beyond 10^15 and below 10^-9. */
export function generalText(value: Decimal): string {
  const rounded = roundSignificant(value, PRECISION);
  if (isZero(rounded)) return '0';
  const power = magnitude(rounded);
  if (power >= PRECISION || power < -9) {
    const digits = rounded.digits;
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${rounded.negative ? '-' : ''}${mantissa}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  return plainText(rounded);
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

interface Layout {
  integer: ('0' | '#' | '?')[];
  fraction: ('0' | '#' | '?')[];
  exponent: number;
  hasPoint: boolean;
  grouping: boolean;
  /** Commas right after the last integer placeholder: each divides by 1000. */
  scale: number;
  percents: number;
  literalInsideInteger: boolean;
}

function layoutOf(tokens: readonly Token[]): Layout {
  const layout: Layout = { integer: [], fraction: [], exponent: 0, hasPoint: false, grouping: false, scale: 0, percents: 0, literalInsideInteger: false };
  let part: 'integer' | 'fraction' | 'exponent' = 'integer';
  tokens.forEach((t, i) => {
    if (t.kind === 'percent') layout.percents++;
    else if (t.kind === 'point' && part === 'integer') {
      part = 'fraction';
      layout.hasPoint = true;
    } else if (t.kind === 'exponent') part = 'exponent';
    else if (t.kind === 'digit') {
      if (part === 'integer') layout.integer.push(t.placeholder);
      else if (part === 'fraction') layout.fraction.push(t.placeholder);
      else layout.exponent++;
    } else if (t.kind === 'comma' && part !== 'exponent') {
      const before = tokens[i - 1];
      const nextDigit = tokens.slice(i + 1).find((x) => x.kind !== 'comma');
      if (before?.kind === 'digit' || before?.kind === 'comma') {
        if (nextDigit?.kind === 'digit' && part === 'integer') layout.grouping = true;
        else layout.scale++;
      }
    } else if (t.kind === 'literal' && part === 'integer' && layout.integer.length > 0) {
      const next = tokens.slice(i + 1).find((x) => x.kind === 'digit' || x.kind === 'point' || x.kind === 'exponent');
      if (next?.kind === 'digit') layout.literalInsideInteger = true;
    }
  });
  return layout;
}

/** The integer text of a magnitude under the integer placeholders, one string per placeholder. */
function integerPieces(digits: string, placeholders: readonly ('0' | '#' | '?')[], grouping: boolean): string[] {
  const count = placeholders.length;
  if (grouping) {
    const firstZero = placeholders.indexOf('0');
    const minimum = firstZero < 0 ? 0 : count - firstZero;
    const text = groupThousands(digits.padStart(minimum, '0'));
    return placeholders.map((_p, j) => (j === 0 ? text : ''));
  }
  return placeholders.map((placeholder, j) => {
    const fromRight = count - 1 - j;
    const digit = fromRight < digits.length ? (digits[digits.length - 1 - fromRight] as string) : placeholder === '0' ? '0' : placeholder === '?' ? ' ' : '';
    return j === 0 ? digits.slice(0, Math.max(0, digits.length - count)) + digit : digit;
  });
}

function fractionPieces(digits: string, placeholders: readonly ('0' | '#' | '?')[]): string[] {
  const pieces = placeholders.map((_p, j) => digits[j] ?? '0');
  for (let j = placeholders.length - 1; j >= 0; j--) {
    if (pieces[j] !== '0' || placeholders[j] === '0') break;
    pieces[j] = placeholders[j] === '?' ? ' ' : '';
  }
  return pieces;
}

/** A number under one section, its sign already handled by the section choice. */
function numberText(value: Decimal, section: Section): { text: string; tooLong: boolean } {
  const layout = (section.layout ??= layoutOf(section.tokens));
  if (layout.literalInsideInteger && layout.grouping) throw new Unsupported('text between thousands-separated digits');
  let v = shift(value, 2 * layout.percents - 3 * layout.scale);
  let exponent = 0;
  if (section.tokens.some((t) => t.kind === 'exponent')) {
    const width = Math.max(1, layout.integer.length);
    const engineering = layout.integer.includes('#') && layout.integer.length > 1;
    const place = (d: Decimal): number => (isZero(d) ? 0 : engineering ? Math.floor(magnitude(d) / width) * width : magnitude(d) - (width - 1));
    exponent = place(v);
    let mantissa = roundToPlaces(shift(v, -exponent), layout.fraction.length);
    if (!isZero(mantissa) && place(shift(mantissa, exponent)) !== exponent) {
      exponent = place(shift(mantissa, exponent));
      mantissa = roundToPlaces(shift(v, -exponent), layout.fraction.length);
    }
    v = mantissa;
  } else v = roundToPlaces(v, layout.fraction.length);
  const { whole, fraction } = plainParts(v);
  const integerDigits = whole === '0' ? '' : whole;
  const intPieces = integerPieces(integerDigits, layout.integer, layout.grouping);
  const fracPieces = fractionPieces(fraction, layout.fraction);
  let out = '';
  let integerIndex = 0;
  let fractionIndex = 0;
  let part: 'integer' | 'fraction' | 'exponent' = 'integer';
  let exponentShown = false;
  for (const t of section.tokens) {
    switch (t.kind) {
      case 'digit':
        if (part === 'integer') out += intPieces[integerIndex++] ?? '';
        else if (part === 'fraction') out += fracPieces[fractionIndex++] ?? '';
        else if (!exponentShown) {
          out += String(Math.abs(exponent)).padStart(layout.exponent, '0');
          exponentShown = true;
        }
        break;
      case 'point':
        if (part === 'integer') {
          // A format without integer placeholders (`.00`) still shows the integer digits.
          if (layout.integer.length === 0) out += layout.grouping ? groupThousands(integerDigits) : integerDigits;
          part = 'fraction';
        }
        out += '.';
        break;
      case 'exponent':
        part = 'exponent';
        out += `E${exponent < 0 ? '-' : t.plus ? '+' : ''}`;
        break;
      case 'percent':
        out += '%';
        break;
      case 'literal':
        out += t.text;
        break;
      case 'general':
        out += generalText(value);
        break;
      case 'comma':
        break;
      default:
        throw new Unsupported('a text or date part in a number section');
    }
  }
  return { text: out, tooLong: whole.length > PRECISION };
}

// ---- dates -------------------------------------------------------------------------------

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function dateText(serial: number, section: Section, date1904: boolean): string {
  const fields: DateTimeFields | null = serialFields(serial, date1904);
  if (!fields) throw new Unsupported('a date before the epoch or after 9999');
  const twelve = section.tokens.some((t) => t.kind === 'ampm');
  let out = '';
  for (const t of section.tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'ampm') {
      const pm = fields.hour >= 12;
      out += t.style === '上午/下午' ? (pm ? '下午' : '上午') : t.style === 'AM/PM' ? (pm ? 'PM' : 'AM') : t.style === 'am/pm' ? (pm ? 'pm' : 'am') : t.style === 'A/P' ? (pm ? 'P' : 'A') : pm ? 'p' : 'a';
    } else if (t.kind === 'elapsed') {
      const total = t.field === 'hour' ? Math.floor(fields.totalSeconds / 3600) : t.field === 'minute' ? Math.floor(fields.totalSeconds / 60) : fields.totalSeconds;
      out += String(total).padStart(t.width, '0');
    } else if (t.kind === 'date') {
      switch (t.field) {
        case 'year':
          out += t.width <= 2 ? two(fields.year % 100) : String(fields.year);
          break;
        case 'month':
          if (t.width <= 2) out += t.width === 1 ? String(fields.month) : two(fields.month);
          else if (section.chinese) out += t.width === 3 ? `${fields.month}月` : (CN_MONTHS[fields.month - 1] as string);
          else {
            const name = EN_MONTHS[fields.month - 1] as string;
            out += t.width === 3 ? name.slice(0, 3) : t.width === 4 ? name : name[0];
          }
          break;
        case 'day':
          out += t.width === 1 ? String(fields.day) : two(fields.day);
          break;
        case 'weekday':
          if (t.letter === 'a' || section.chinese) out += t.width === 3 ? (t.letter === 'a' ? CN_DAYS[fields.weekday] : `周${CN_DAYS[fields.weekday]}`) : `星期${CN_DAYS[fields.weekday]}`;
          else out += t.width === 3 ? (EN_DAYS[fields.weekday] as string).slice(0, 3) : EN_DAYS[fields.weekday];
          break;
        case 'hour': {
          const hour = twelve ? fields.hour % 12 || 12 : fields.hour;
          out += t.width === 1 ? String(hour) : two(hour);
          break;
        }
        case 'minute':
          out += t.width === 1 ? String(fields.minute) : two(fields.minute);
          break;
        case 'second':
          out += t.width === 1 ? String(fields.second) : two(fields.second);
          break;
      }
    } else throw new Unsupported('a number part in a date section');
  }
  return out;
}

// ---- choosing a section ------------------------------------------------------------------

function isTextSection(section: Section): boolean {
  return section.tokens.some((t) => t.kind === 'text');
}

/** A section that places text and no number (`@`, `"备注："@`). */
function isPureText(section: Section): boolean {
  return isTextSection(section) && !section.tokens.some((t) => t.kind === 'digit' || t.kind === 'general' || t.kind === 'date' || t.kind === 'elapsed');
}

/** The text a number shows under a format. */
export function formatNumber(stored: Decimal, format: NumberFormat, date1904: boolean): Shown {
  const value = roundSignificant(stored, PRECISION);
  const fallback = (why: string): Shown => ({ text: generalText(value), unsupported: why, ...(magnitude(value) >= PRECISION ? { tooLong: true } : {}) });
  if (format.unsupported !== null) return fallback(format.unsupported);
  // Positive; negative; zero; a section holding only `@` is the text section, not a number's.
  const sections = format.sections.slice(0, 3).filter((s, i) => i === 0 || !isPureText(s));
  let section = sections[0] as Section;
  let signed = true;
  if (value.negative && sections.length >= 2) {
    section = sections[1] as Section;
    signed = false;
  } else if (isZero(value) && sections.length >= 3) section = sections[2] as Section;
  try {
    // `@` alone (a text format) shows a number as General does.
    if (isPureText(section)) {
      return { text: generalText(value), ...(magnitude(value) >= PRECISION ? { tooLong: true } : {}) };
    }
    if (section.isDate) return { text: dateText(toNumber(value), section, date1904) };
    const shown = numberText(abs(value), section);
    const sign = signed && value.negative && section.tokens.some((t) => t.kind === 'digit' || t.kind === 'general') ? '-' : '';
    return { text: sign + shown.text, ...(shown.tooLong ? { tooLong: true } : {}) };
  } catch (error) {
    if (error instanceof Unsupported) return fallback(error.message);
    throw error;
  }
}

/** Whether a format shows a number as a date or a time. */
export function isDateFormat(format: NumberFormat): boolean {
  return format.sections.some((s) => s.isDate);
}

/** The text a string cell shows: the format's text section around it, if the format has one. */
export function formatString(text: string, format: NumberFormat): string {
  if (format.unsupported !== null || format.sections.length === 0) return text;
  const section = format.sections.length === 4 ? format.sections[3] : format.sections.find(isPureText);
  if (!section || !isTextSection(section)) return text;
  let out = '';
  for (const t of section.tokens) {
    if (t.kind === 'text') out += text;
    else if (t.kind === 'literal') out += t.text;
  }
  return out;
}
