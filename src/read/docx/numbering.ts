/**
 * Auto-numbered paragraphs: Word stores `1.` as a numbering definition, not as text.
 * We keep the list level and rebuild the visible label when the format is one we can
 * print exactly (decimal and the common Chinese and Latin counters); bullets get no label.
 */
import { child, childrenNamed, intVal, parseXml, val, type Element } from './xml.js';

interface Level {
  start: number;
  format: string;
  text: string | null;
}

interface NumberingInstance {
  /** Lists that share an abstract definition share their counters (Word continues them). */
  abstractId: string;
  levels: Map<number, Level>;
  /** Levels whose count a startOverride restarts where this instance is first used. */
  restarts: number[];
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const CIRCLED_START = 0x2460; // ① … ⑳

function chineseCounting(n: number): string | null {
  if (n <= 0 || n >= 100) return null;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${CHINESE_DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : CHINESE_DIGITS[ones]);
}

/** Word prints a counter of letters as one letter repeated; past this many, not printed. */
const MAX_LETTER_REPEAT = 32;

function letters(n: number, base: string): string | null {
  // A list numbered from 2³¹−1 would ask for a string of 82 million letters.
  if (n <= 0 || Math.floor((n - 1) / 26) + 1 > MAX_LETTER_REPEAT) return null;
  // Word repeats the letter: a … z, aa … zz.
  const letter = String.fromCharCode(base.charCodeAt(0) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string | null {
  if (n <= 0 || n >= 4000) return null;
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, sym] of table) while (n >= value) { out += sym; n -= value; }
  return out;
}

/** The counter printed in a given numFmt, or null when we cannot print it exactly. */
export function formatCounter(n: number, format: string): string | null {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(CIRCLED_START + n - 1) : null;
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? (HEAVENLY_STEMS[n - 1] ?? null) : null;
    case 'lowerLetter':
      return letters(n, 'a');
    case 'upperLetter':
      return letters(n, 'A');
    case 'lowerRoman':
      return roman(n)?.toLowerCase() ?? null;
    case 'upperRoman':
      return roman(n);
    case 'none':
      return '';
    default:
      return null;
  }
}

function readLevel(lvl: Element): Level {
  return {
    start: intVal(lvl, 'w:start', 1),
    format: val(lvl, 'w:numFmt') ?? 'decimal',
    text: val(lvl, 'w:lvlText'),
  };
}

function readLevels(abstract: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childrenNamed(abstract, 'w:lvl')) levels.set(Number(lvl.attribs['w:ilvl'] ?? '0'), readLevel(lvl));
  return levels;
}

function readInstances(bytes: Uint8Array | null): Map<string, NumberingInstance> {
  const instances = new Map<string, NumberingInstance>();
  if (!bytes) return instances;
  const root = parseXml(bytes, 'word/numbering.xml');
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abstract of childrenNamed(root, 'w:abstractNum')) {
    abstracts.set(abstract.attribs['w:abstractNumId'] ?? '', readLevels(abstract));
  }
  for (const num of childrenNamed(root, 'w:num')) {
    const base = abstracts.get(val(num, 'w:abstractNumId') ?? '') ?? new Map<number, Level>();
    const abstractId = val(num, 'w:abstractNumId') ?? '';
    const levels = new Map(base);
    const restarts: number[] = [];
    for (const override of childrenNamed(num, 'w:lvlOverride')) {
      const ilvl = Number(override.attribs['w:ilvl'] ?? '0');
      const own = child(override, 'w:lvl');
      const current = own ? readLevel(own) : levels.get(ilvl);
      const startOverride = val(override, 'w:startOverride');
      if (startOverride !== null || own) restarts.push(ilvl);
      if (current) levels.set(ilvl, startOverride === null ? current : { ...current, start: Number(startOverride) });
    }
    instances.set(num.attribs['w:numId'] ?? '', { abstractId, levels, restarts });
  }
  return instances;
}

/** Counts list paragraphs in document order and yields each one's label. */
export class ListCounter {
  private readonly instances: Map<string, NumberingInstance>;
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(numberingXml: Uint8Array | null) {
    this.instances = readInstances(numberingXml);
  }

  /** Advance the list `numId` at `level` and return the visible label (null if unprintable). */
  next(numId: string, level: number): string | null {
    const instance = this.instances.get(numId);
    if (!instance) return null;
    const counts = this.counters.get(instance.abstractId) ?? [];
    this.counters.set(instance.abstractId, counts);
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const ilvl of instance.restarts) counts[ilvl] = undefined;
    }
    const startOf = (ilvl: number): number => instance.levels.get(ilvl)?.start ?? 1;
    counts[level] = counts[level] === undefined ? startOf(level) : (counts[level] as number) + 1;
    for (let deeper = level + 1; deeper < counts.length; deeper++) counts[deeper] = undefined;
    const own = instance.levels.get(level);
    if (!own || own.text === null || own.format === 'bullet') return null;
    let printable = true;
    const label = own.text.replace(/%(\d)/g, (_m, digit: string) => {
      const ilvl = Number(digit) - 1;
      const format = instance.levels.get(ilvl)?.format ?? 'decimal';
      const printed = formatCounter(counts[ilvl] ?? startOf(ilvl), format);
      if (printed === null) printable = false;
      return printed ?? '';
    });
    return printable ? label : null;
  }
}
