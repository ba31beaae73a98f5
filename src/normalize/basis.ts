/**
 * The basis of a target (指标值确定依据 / 绩效标准): a document number (发文字号 such as
 * `冀财教【2024】130号`), a standard category (`既定标准`, `计划标准`), a 《title》 or free
 * text. FIELD-GUIDE §4 lists the bracket spellings met in the wild, and the damaged ones.
 */
import type { Basis } from '../schema/document.js';
import { diagnostic, result, type Diagnostic, type Location, type Result } from '../diagnostics.js';
import { collapseSpace } from '../read/text.js';
import { foldWidth } from './text.js';

/**
 * Brackets around the year, after width folding (`［］` is `[]`, `（）` is `()`). Any opening
 * bracket may meet any closing one: scraped pages mix them (`〔2024]`).
 */
const OPEN = '【〔\\[(〖﹝';
const CLOSE = '】〕\\])〗﹞';
const CJK = '\\u4e00-\\u9fff';

/**
 * A 发文字号: issuer (2–20 CJK characters), year in brackets, serial, 号 (`第` tolerated).
 * The engine takes the leftmost place where at most 20 characters reach the bracket, so a
 * long sentence before the number leaves at most its last 20 characters to trim below.
 */
const DOC_NUMBER = new RegExp(`([${CJK}]{2,20})[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,6})\\s*号`, 'gu');

/**
 * What looks like a damaged 发文字号 (the heuristic for BASIS_MALFORMED), tried only when
 * no well-formed number is present. Issuer-like CJK, then either
 * - an opening bracket and digits ending in 号 (`湘财绩〔20207号`, `冀财教〔24〕130号`),
 * - four digits and a closing bracket (`冀财教2024〕130号`), or a bracketed year followed
 *   by digits without 号 (`冀财教〔2024〕130`),
 * - or five or more digits glued together and 号 (`益赫政发201612号`), where the year and
 *   the serial have lost their brackets; `第12345号` is a plain serial and is exempt.
 * Ordinary text (`全区10个镇`, `2号楼`, `统计年鉴（2024）`) matches none of these.
 */
const MALFORMED_DOC_NUMBER = new RegExp(
  [
    `[${CJK}]{2}[${OPEN}]\\s*\\d+[^号]{0,3}?\\d*\\s*号`,
    `[${CJK}]{2}\\d{4}\\s*[${CLOSE}]\\s*\\d+`,
    `[${CJK}]{2}[${OPEN}]\\s*\\d{2,4}\\s*[${CLOSE}]\\s*\\d+`,
    `[${CJK}]{2}(?<!第)\\d{5,}\\s*号`,
  ].join('|'),
  'u',
);

/**
 * Words that introduce a document rather than belong to its issuer (`依据冀财教〔2024〕130号`).
 * `和` is not listed: it starts real issuers (和平区, 和田).
 */
const LEAD_IN = /^(?:依据|根据|按照|参照|依照|遵照|详见|参见|执行|落实|贯彻|印发|转发|以及|及|与|见|据)+/u;
/**
 * Conjunctions between two numbers (`财预〔2021〕101号和冀财教〔2024〕130号`). Stripped only
 * right after a 号, where they cannot be the start of an issuer such as 和平区.
 */
const CONJUNCTION = /^(?:以及|和|与|及|或)/u;
/** Words that end a title or sentence glued to the issuer (`…的通知冀财教〔2024〕130号`). */
const SENTENCE_END = /^.*(?:的|通知|意见|办法|规定|决定|方案|文件|精神|要求)/u;

interface DocNumber {
  docNumber: string;
  issuer: string;
  year: number;
  serial: number;
}

/** The issuer without lead-in words and glued prose; null when fewer than 2 characters remain. */
function trimIssuer(run: string, afterDocNumber: boolean): string | null {
  const joined = afterDocNumber ? run.replace(CONJUNCTION, '') : run;
  const issuer = joined.replace(SENTENCE_END, '').replace(LEAD_IN, '');
  return issuer.length >= 2 ? issuer : null;
}

function findDocNumbers(text: string): DocNumber[] {
  const found: DocNumber[] = [];
  for (const match of text.matchAll(DOC_NUMBER)) {
    const issuer = trimIssuer(match[1] ?? '', text[match.index - 1] === '号');
    if (issuer === null) continue;
    const year = Number(match[2]);
    const serial = Number(match[3]);
    found.push({ docNumber: `${issuer}〔${year}〕${serial}号`, issuer, year, serial });
  }
  return found;
}

function emptyBasis(raw: string): Basis {
  return { raw, docNumber: null, issuer: null, year: null, serial: null };
}

/**
 * Read a basis cell. Blank → null. A document number anywhere in the text is parsed, with
 * brackets normalized to 〔〕; standards, titles and free text keep only `raw`.
 */
export function parseBasis(raw: string | null | undefined, at: Location): Result<Basis | null> {
  if (raw === null || raw === undefined || raw.trim() === '') return result(null);
  const printed = raw.trim();
  const text = foldWidth(collapseSpace(printed));

  const numbers = findDocNumbers(text);
  const first = numbers[0];
  if (first === undefined) {
    if (MALFORMED_DOC_NUMBER.test(text)) {
      return result(emptyBasis(printed), [
        diagnostic('BASIS_MALFORMED', `basis "${printed}" looks like a document number but does not parse`, at),
      ]);
    }
    return result(emptyBasis(printed));
  }

  const messages: Diagnostic[] = [];
  const distinct = [...new Set(numbers.map((n) => n.docNumber))];
  if (distinct.length > 1) {
    messages.push(
      diagnostic(
        'BASIS_SEVERAL_DOC_NUMBERS',
        `basis "${printed}" names ${distinct.length} document numbers (${distinct.join(', ')}); the first is used`,
        at,
      ),
    );
  }
  return result({ raw: printed, ...first }, messages);
}
