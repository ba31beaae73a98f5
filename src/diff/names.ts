/**
 * How names are compared across years. The same project or indicator is often printed
 * with the year in front (`2024年支持市县…专项资金` in 2024, `2025年支持市县…` in 2025), with
 * different spacing (a wrapped cell), or with full-width digits; none of that makes it
 * another thing. Similarity is the share of characters two names have in common along
 * their best alignment (2·common / (|a| + |b|), 1 for equal names, 0 for disjoint ones).
 */
import { collapseSpace } from '../read/text.js';
import { foldWidth } from '../normalize/text.js';
import { commonLength } from './text-diff.js';

/** `2025年`, `2025 年`, `2025年度` at the start of a name. */
const LEADING_YEAR = /^(?:19|20)\d{2}\s*年度?/u;
/** A weight glued to a level name: `产出指标(50分)`, `产出指标（50分）`. */
const WEIGHT_SUFFIX = /[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$/u;

/** Text as compared: white space collapsed, full-width forms folded; '' for none. */
export function comparable(text: string | null | undefined): string {
  return text === null || text === undefined ? '' : foldWidth(collapseSpace(text));
}

/** A name as matched across years: comparable, without a leading year or a weight. */
export function nameKey(name: string | null | undefined): string {
  return comparable(name).replace(LEADING_YEAR, '').replace(WEIGHT_SUFFIX, '').trim();
}

/** Similarity of two names (their keys), from 0 to 1. */
export function similarity(a: string, b: string): number {
  const length = Array.from(a).length + Array.from(b).length;
  return length === 0 ? 1 : (2 * commonLength(a, b)) / length;
}
