/**
 * Targets (指标值). They are written as an operator, a number and a unit glued together
 * (`≥20次`, `不低于90%`, `11万元`), as prose (`提供可持续性服务`), as a range (`80%-90%`) or
 * as a date period (`2023.07-2024.01`). FIELD-GUIDE §3 lists the spellings met in the wild.
 *
 * The reading is deliberately cautious: a target is only `quantitative` when every part of
 * the text is accounted for (subject, operator, number, unit). Text that plainly is prose
 * is `qualitative`; text that wants to be a number but is damaged (`≥**人`, `≥`, `10,20`)
 * gets kind null and a warning, so that nobody sums a misread value.
 */
import type { Target, TargetOperator } from '../schema/document.js';
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
 * Words after the number that carry the operator (`90%以上`, `5%以内`). `以内` is listed
 * with `以下`: "within 5%" is at most 5%.
 */
const SUFFIXES: readonly { readonly text: string; readonly operator: '>=' | '<=' }[] = [
  { text: '及以上', operator: '>=' },
  { text: '及以下', operator: '<=' },
  { text: '以上', operator: '>=' },
  { text: '以下', operator: '<=' },
  { text: '以内', operator: '<=' },
];

/** A number with optional sign, decimals and three-digit thousands groups (`3,500`). */
const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

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
  return text.length <= MAX_UNIT_LENGTH && !CLAUSE_CHARACTERS.test(text) && !CLAUSE_WORDS.test(text);
}

function readOperator(text: string): OperatorSpelling | null {
  return OPERATORS.find((spelling) => text.startsWith(spelling.text)) ?? null;
}

/** Which way a comparison points: `>=` and `>` are lower bounds, `<=` and `<` upper bounds. */
function direction(operator: TargetOperator): 'lower' | 'upper' | 'equal' {
  if (operator === '>=' || operator === '>') return 'lower';
  if (operator === '<=' || operator === '<') return 'upper';
  return 'equal';
}

function toNumber(numeral: string): number {
  return Number(numeral.replace(/,/g, ''));
}

function target(raw: string, fields: Partial<Omit<Target, 'raw'>>): Target {
  return { raw, kind: null, operator: null, value: null, valueMax: null, unit: null, ...fields };
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

  // Suffix words first, so that `≥90%以上` reads like `≥90%`.
  const suffix = SUFFIXES.find((s) => text.endsWith(s.text)) ?? null;
  const body = suffix === null ? text : text.slice(0, -suffix.text.length).trimEnd();

  // Where the operator and number start: at the beginning, or after a subject prefix that
  // ends at an operator symbol (`科目调整次数≤10次`). Words do not end a prefix: in
  // `覆盖率达到全市平均水平` the word is part of the sentence.
  let spelling = readOperator(body);
  let afterOperator = spelling === null ? body : body.slice(spelling.text.length).trimStart();
  if (spelling === null && !NUMBER.test(body)) {
    const symbol = OPERATOR_SYMBOL.exec(body);
    if (symbol === null) return qualitative();
    const tail = body.slice(symbol.index);
    spelling = readOperator(tail);
    afterOperator = spelling === null ? tail : tail.slice(spelling.text.length).trimStart();
  }

  const number = NUMBER.exec(afterOperator);
  if (number === null) {
    if (spelling?.symbol === true) return unreadable(`has an operator "${spelling.text}" but no number`);
    return qualitative();
  }
  const rest = afterOperator.slice(number[0].length).trim();

  const range = RANGE.exec(rest);
  if (range !== null) {
    if (spelling !== null) return unreadable('has both an operator and a range');
    if (suffix !== null) return unreadable(`is a range followed by "${suffix.text}"`);
    const lowUnit = (range[1] ?? '').trim();
    const high = range[2] ?? '';
    const highUnit = (range[3] ?? '').trim();
    if ((lowUnit !== '' && !isUnit(lowUnit)) || (highUnit !== '' && !isUnit(highUnit))) {
      return unreadable('joins several numbers in a way that is not a range');
    }
    if (lowUnit !== '' && highUnit !== '' && lowUnit !== highUnit) {
      return unreadable(`is a range whose ends have different units ("${lowUnit}", "${highUnit}")`);
    }
    const value = toNumber(number[0]);
    const valueMax = toNumber(high);
    if (value > valueMax) return unreadable('is a range whose low end exceeds its high end');
    return result(target(printed, { kind: 'range', value, valueMax, unit: (lowUnit || highUnit) || null }));
  }

  if (rest !== '' && !isUnit(rest)) {
    if (/\d/.test(rest)) return unreadable('joins several numbers');
    // A sentence that happens to start with a number (`100%完成`, `3天内`) is prose; after
    // an operator the writer meant a number, so the extra text makes the reading unsure.
    if (spelling === null) return qualitative();
    return unreadable(`has text after the number that is not a unit: "${rest}"`);
  }

  let operator: TargetOperator = spelling?.operator ?? '=';
  if (suffix !== null) {
    // No operator, or a plain `=` (`达到90%以上` is "at least 90%"): the suffix decides.
    if (operator === '=') operator = suffix.operator;
    else if (direction(operator) !== direction(suffix.operator)) {
      return unreadable(`has an operator "${spelling?.text ?? operator}" that contradicts "${suffix.text}"`);
    }
  }
  return result(target(printed, { kind: 'quantitative', operator, value: toNumber(number[0]), unit: rest === '' ? null : rest }));
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
