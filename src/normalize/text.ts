/**
 * Text clean-up shared by the normalizers. Prose keeps its characters (only white space is
 * tidied); numeric fields are additionally width-folded so that `２５％` reads as `25%`.
 */
import { collapseSpace } from '../read/text.js';

/**
 * Tidy a cell's text by the CJK white-space rule (which also drops stray trailing tabs).
 * Returns null for a missing or blank cell, so callers can tell "empty" from "some text".
 */
export function cleanText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = collapseSpace(raw);
  return text === '' ? null : text;
}

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
/** Distance between a full-width ASCII form and its ASCII character. */
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Fold full-width ASCII forms (U+FF01–U+FF5E, which include `％`, `＞`, `＝`, `，`, `～`)
 * to ASCII and the ideographic space to a plain space. Only for numeric fields: applied to
 * prose it would turn Chinese punctuation such as `，` and `（` into Latin punctuation.
 */
export function foldWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}
