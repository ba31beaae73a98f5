/**
 * Targets (指标值). They are written as an operator, a number and a unit glued together
 * (`≥20次`, `不低于90%`, `11万元`), as prose (`提供可持续性服务`), as a range (`80%-90%`) or
 * as a date period (`2023.07-2024.01`). FIELD-GUIDE §3 lists the spellings met in the wild.
 *
 * The reading is deliberately cautious: a target is only `quantitative` when every part of
 * the text is accounted for (subject, operator, number, unit). Text that plainly is prose
 * is `qualitative`; text that wants to be a number but is damaged (`≥**人`, `≥`, `10,20`)
 * or is no exact number (`约20次`, `20次左右`, `±5%`, `50%-`) gets kind null and a
 * warning, so that nobody sums a misread value.
 *
 * Every target also says which way its value is better (`direction`), as far as the
 * operator tells: `≥`/`>` higher, `≤`/`<` lower; the 指标性质 column (正向/反向) can tell
 * more, see readTarget in project.ts.
 */
import type { Target, TargetDirection, TargetOperator } from '../schema/document.js';
import { diagnostic, result, type Location, type Result } from '../diagnostics.js';
import { collapseSpace } from '../read/text.js';
import { foldWidth } from './text.js';

interface OperatorSpelling {
  readonly text: string;
  readonly operator: TargetOperator;
  /** Symbols always announce a number; words (`达到`, `至少`) also start ordinary prose. */
  readonly symbol: boolean;
}

function spellings(operator: TargetOperator, symbols: readonly string[], words: readonly string[]): OperatorSpelling[] {
  return [
    ...symbols.map((text) => ({ text, operator, symbol: true })),
    ...words.map((text) => ({ text, operator, symbol: false })),
  ];
}

/**
 * Operator spellings as they read after width folding (`＞＝` is `>=`, `＜` is `<`, `＝` is
 * `=`), longest first so that `≥`/`>=` win over `>` and `不低于` over `低于`.
 */
const OPERATORS: readonly OperatorSpelling[] = [
  ...spellings('>=', ['≥', '≧', '>='], ['不低于', '不少于', '大于等于', '不小于', '至少']),
  ...spellings('<=', ['≤', '≦', '<='], ['不高于', '不超过', '小于等于', '不大于', '不多于', '最多']),
  ...spellings('>', ['>'], ['大于', '高于', '超过', '多于']),
  ...spellings('<', ['<'], ['小于', '低于', '少于']),
  ...spellings('=', ['='], ['达到', '等于']),
].sort((a, b) => b.text.length - a.text.length);

/** Where a subject prefix ends: the first operator symbol (`足额保障率=100%`). */
const OPERATOR_SYMBOL = /≥|≧|>=|≤|≦|<=|>|<|=/u;

/**
 * Punctuation that ends a clause: a subject before an operator word holds none. Not `.`,
 * which is a decimal point in `PM2.5浓度低于35微克/立方米`.
 */
const CLAUSE_PUNCTUATION = /[,，。;；:：、!！?？]/u;

interface Suffix {
  readonly text: string;
  readonly operator: '>=' | '<=';
}

/**
 * Words after the number that carry the operator (`90%以上`, `5%以内`). `以内`, `之内` and
 * a bare `内` (`3天内`, `24小时内`, `5个工作日内`) are listed with `以下`: "within 5%" is
 * at most 5%. Longer spellings first. A period (`2025年内`, `12月底前`) is told apart
 * before suffixes are looked at.
 */
const SUFFIXES: readonly Suffix[] = [
  { text: '及以上', operator: '>=' },
  { text: '及以下', operator: '<=' },
  { text: '以上', operator: '>=' },
  { text: '以下', operator: '<=' },
  { text: '以内', operator: '<=' },
  { text: '之内', operator: '<=' },
  { text: '内', operator: '<=' },
];

/** `20+`: a plus right after the number is "20 or more". */
const PLUS: Suffix = { text: '+', operator: '>=' };

/** A number with optional sign, decimals and three-digit thousands groups (`3,500`). */
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/** Where a value starts: a number, possibly signed. */
const VALUE_START = /^[-+]?\d/;

/** Words before a number that make it approximate (`约20次`, `大约30人`), longest first. */
const APPROXIMATE_BEFORE = /^(大约|约为|约合|约)\s*(?=[-+]?\d)/u;
/** The word after a number (and unit) that makes it approximate (`20次左右`). */
const APPROXIMATE_AFTER = '左右';

/** Range separators after width folding (`～` is `~`). */
const RANGE = /^(.*?)\s*(?:-|~|〜|—|–|―|至|到)\s*(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/u;

/** Cells that stand for "not applicable" rather than a target. */
const PLACEHOLDER = /^(?:[-—–―─]+|\/)$/u;

const MAX_UNIT_LENGTH = 8;
/** Characters that make the text after a number a clause rather than a unit. */
const CLAUSE_CHARACTERS = /[\d,.;:!?。、…\s<>=≥≤≧≦~〜至到]/u;
/** Words that make the text after a number a clause (time limits, approximations). */
const CLAUSE_WORDS = /前|内|后|完成|左右|以上|以下|之间|约|不|或|且|的|并/u;

/**
 * Dates and periods: only these characters, plus at least one date marker. Periods are
 * 时效 targets (`2023.07-2024.01`, `2025年12月底前`); reading them as a numeric range from
 * 2023.07 to 2024.01 would be wrong.
 */
const PERIOD_CHARACTERS = /^[\d.\-/~〜—–―至到年月日底末初中前后内以之旬上下半全完成结束止截起]+$/u;
const PERIOD_MARKERS: readonly RegExp[] = [
  /(?<!\d)(?:19|20)\d{2}年/u, // 2025年, 2025年底
  /(?<!\d)\d{1,2}月/u, // 12月, 6月30日, 1月-12月
  /(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}/u, // 2025.1.1
  /(?:19|20)\d{2}[.\-/]\d{1,2}\s*[-~〜—–―至到]\s*(?:19|20)\d{2}[.\-/]\d{1,2}/u, // 2023.07-2024.01
];

function isPeriod(text: string): boolean {
  return PERIOD_CHARACTERS.test(text) && PERIOD_MARKERS.some((marker) => marker.test(text));
}

function isUnit(text: string): boolean {
  return text.length <= MAX_UNIT_LENGTH && !CLAUSE_CHARACTERS.test(text) && !CLAUSE_WORDS.test(text) && bracketsBalance(text);
}

/** `元/(人·月)` is a unit; `分)` is a fragment. */
function bracketsBalance(text: string): boolean {
  return !/[()]/u.test(text.replace(/\([^()]*\)/gu, ''));
}

/** A unit as printed, without the brackets some tables put around it: `(分)`, `（%）`. */
function bareUnit(text: string): string {
  const bracketed = /^\((.+)\)$/u.exec(text);
  return bracketed?.[1] === undefined ? text : bracketed[1].trim();
}

function readOperator(text: string): OperatorSpelling | null {
  return OPERATORS.find((spelling) => text.startsWith(spelling.text)) ?? null;
}

/**
 * An operator word after a subject (`满意度达到90%`, `故障率低于5%`): the first word that is
 * followed by a number. The subject must be one clause; `达到预期目标` and
 * `覆盖率达到全市平均水平` have no number after the word and stay prose.
 */
function wordAfterSubject(text: string): { spelling: OperatorSpelling; after: string } | null {
  for (let i = 1; i < text.length; i++) {
    if (CLAUSE_PUNCTUATION.test(text[i - 1] ?? '')) return null;
    const spelling = OPERATORS.find((s) => !s.symbol && text.startsWith(s.text, i));
    if (spelling === undefined) continue;
    const after = text.slice(i + spelling.text.length).trimStart();
    if (VALUE_START.test(after) || APPROXIMATE_BEFORE.test(after)) return { spelling, after };
  }
  return null;
}

/** Set aside an approximation word before the number: `约20次` → [`约`, `20次`]. */
function approximateBefore(text: string): [marker: string | null, rest: string] {
  const m = APPROXIMATE_BEFORE.exec(text);
  return m === null ? [null, text] : [m[1] ?? null, text.slice(m[0].length)];
}

/** Which way a comparison points: `>=` and `>` are lower bounds, `<=` and `<` upper bounds. */
function bound(operator: TargetOperator): 'lower' | 'upper' | 'equal' {
  if (operator === '>=' || operator === '>') return 'lower';
  if (operator === '<=' || operator === '<') return 'upper';
  return 'equal';
}

/**
 * The direction an operator implies: a floor (`>=`, `>`) is met by higher values, a ceiling
 * (`<=`, `<`) by lower ones; `=` and no operator say nothing.
 */
export function directionOf(operator: TargetOperator | null): TargetDirection | null {
  if (operator === null) return null;
  const b = bound(operator);
  return b === 'lower' ? 'higher-better' : b === 'upper' ? 'lower-better' : null;
}

function toNumber(numeral: string): number {
  return Number(numeral.replace(/,/g, ''));
}

function target(raw: string, fields: Partial<Omit<Target, 'raw' | 'direction'>>): Target {
  const read = { raw, kind: null, operator: null, value: null, valueMax: null, unit: null, ...fields };
  return { ...read, direction: directionOf(read.operator) };
}

/**
 * Read a 指标值 cell. Blank → null. `raw` is the cell as printed (trimmed); the number and
 * unit are read from a width-folded copy.
 */
export function parseTarget(raw: string | null | undefined, at: Location): Result<Target | null> {
  if (raw === null || raw === undefined || raw.trim() === '') return result(null);
  const printed = raw.trim();
  const text = foldWidth(collapseSpace(printed));

  const unreadable = (reason: string, severity?: 'info'): Result<Target | null> =>
    result(target(printed, {}), [diagnostic('TARGET_UNREADABLE', `target "${printed}" ${reason}`, at, severity)]);
  const qualitative = (): Result<Target | null> => result(target(printed, { kind: 'qualitative' }));

  if (text.includes('*')) return unreadable('holds placeholder stars');
  if (PLACEHOLDER.test(text)) return unreadable('is a placeholder, not a target', 'info');
  if (isPeriod(text)) {
    return result(target(printed, { kind: 'qualitative' }), [
      diagnostic('TARGET_IS_PERIOD', `target "${printed}" is a date period; kept as qualitative`, at),
    ]);
  }
  // `±5%`, `20±2℃`: a tolerance or a signed change, not one level to reach.
  if (text.includes('±') && /\d/.test(text)) return unreadable('is a signed value ("±"), not one number');

  // Approximation words are set aside here and decide at the end: a number that reads
  // completely but is approximate is unreadable; prose stays prose.
  let approximate: string | null = null;
  let work = text;
  if (work.endsWith(APPROXIMATE_AFTER)) {
    approximate = APPROXIMATE_AFTER;
    work = work.slice(0, -APPROXIMATE_AFTER.length).trimEnd();
  }

  // Suffix words first, so that `≥90%以上` reads like `≥90%`.
  let suffix: Suffix | null = SUFFIXES.find((s) => work.endsWith(s.text)) ?? null;
  const [before, body] = approximateBefore(suffix === null ? work : work.slice(0, -suffix.text.length).trimEnd());
  approximate ??= before;

  // Where the operator and number start: at the beginning; after a subject prefix that
  // ends at an operator symbol (`科目调整次数≤10次`); or after a subject prefix that ends at
  // an operator word followed by a number (`满意度达到90%`). Only then is a word read as an
  // operator: in `覆盖率达到全市平均水平` it is part of the sentence.
  let spelling = readOperator(body);
  let afterOperator = spelling === null ? body : body.slice(spelling.text.length).trimStart();
  let subjectWord = false;
  if (spelling === null && !VALUE_START.test(body)) {
    const symbol = OPERATOR_SYMBOL.exec(body);
    if (symbol !== null) {
      const tail = body.slice(symbol.index);
      spelling = readOperator(tail);
      afterOperator = spelling === null ? tail : tail.slice(spelling.text.length).trimStart();
    } else {
      const word = wordAfterSubject(body);
      if (word === null) return qualitative();
      spelling = word.spelling;
      afterOperator = word.after;
      subjectWord = true;
    }
  }
  const [afterOperatorMarker, value] = approximateBefore(afterOperator);
  approximate ??= afterOperatorMarker;

  const number = NUMBER.exec(value);
  if (number === null) {
    if (spelling?.symbol === true) return unreadable(`has an operator "${spelling.text}" but no number`);
    return qualitative();
  }
  let rest = value.slice(number[0].length).trim();
  if (rest.startsWith(PLUS.text)) {
    if (suffix !== null) return unreadable(`has both "${PLUS.text}" and "${suffix.text}"`);
    suffix = PLUS;
    rest = rest.slice(PLUS.text.length).trim();
  }
  const approximateValue = (marker: string): Result<Target | null> => unreadable(`is an approximate value ("${marker}"), not an exact number`);

  const range = RANGE.exec(rest);
  if (range !== null) {
    if (spelling !== null) return unreadable('has both an operator and a range');
    if (suffix !== null) return unreadable(`is a range followed by "${suffix.text}"`);
    const lowUnit = bareUnit((range[1] ?? '').trim());
    const high = range[2] ?? '';
    const highUnit = bareUnit((range[3] ?? '').trim());
    if ((lowUnit !== '' && !isUnit(lowUnit)) || (highUnit !== '' && !isUnit(highUnit))) {
      return unreadable('joins several numbers in a way that is not a range');
    }
    if (lowUnit !== '' && highUnit !== '' && lowUnit !== highUnit) {
      return unreadable(`is a range whose ends have different units ("${lowUnit}", "${highUnit}")`);
    }
    const low = toNumber(number[0]);
    const valueMax = toNumber(high);
    if (low > valueMax) return unreadable('is a range whose low end exceeds its high end');
    if (approximate !== null) return approximateValue(approximate);
    return result(target(printed, { kind: 'range', value: low, valueMax, unit: (lowUnit || highUnit) || null }));
  }

  // `50%-`, `20次+5`: a sign left over after the number is a signed value or a range cut short.
  const sign = /[-+]/.exec(rest);
  if (sign !== null) return unreadable(`has a sign "${sign[0]}" after the number (a signed value or an unfinished range)`);

  const unit = bareUnit(rest);
  if (unit !== '' && !isUnit(unit)) {
    // After a subject and an operator word, only a number and a unit make a target:
    // `覆盖率达到100%的目标` is a sentence.
    if (subjectWord) return qualitative();
    if (/\d/.test(rest)) return unreadable('joins several numbers');
    // A sentence that happens to start with a number (`100%完成`, `3个工作日内完成`) is
    // prose; after an operator the writer meant a number, so the extra text makes the
    // reading unsure.
    if (spelling === null) return qualitative();
    return unreadable(`has text after the number that is not a unit: "${rest}"`);
  }
  if (approximate !== null) return approximateValue(approximate);

  let operator: TargetOperator = spelling?.operator ?? '=';
  if (suffix !== null) {
    // No operator, or a plain `=` (`达到90%以上` is "at least 90%"): the suffix decides.
    if (operator === '=') operator = suffix.operator;
    else if (bound(operator) !== bound(suffix.operator)) {
      return unreadable(`has an operator "${spelling?.text ?? operator}" that contradicts "${suffix.text}"`);
    }
  }
  return result(target(printed, { kind: 'quantitative', operator, value: toNumber(number[0]), unit: unit === '' ? null : unit }));
}

/** Words some templates print in the 指标性质 column that are no comparison. */
const NON_OPERATORS = new Set(['定性', '正向', '反向', '定量']);

/**
 * Join a target printed in three columns (指标性质 | 指标值 | 度量单位) into one text as
 * printed: `('≥', '300', '家次')` → `≥300家次`, `('定性', '优良', null)` → `优良`.
 * A part the value already carries is not repeated (`('=', '=100', '%')` → `=100%`,
 * `('=', '100%', '%')` → `=100%`), since some exports fill both places.
 */
export function composeTarget(operator: string | null, value: string | null, unit: string | null): string {
  const op = operator?.trim() ?? '';
  const number = value?.trim() ?? '';
  const unitText = unit?.trim() ?? '';
  const prefix = op === '' || NON_OPERATORS.has(op) || number.startsWith(op) ? '' : op;
  const suffix = unitText === '' || number.endsWith(unitText) ? '' : unitText;
  return prefix + number + suffix;
}
