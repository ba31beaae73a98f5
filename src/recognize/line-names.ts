/**
 * What the name of a line of a standard table says of its place: its numbering, and whether
 * it is a total.
 *
 * The numbering printed before the name of an uncoded line of a standard table, in the order
 * Chinese documents nest it: 一、 › （一） › 1. › （1）. A share line may put 其中： before it
 * (其中：（1）公务用车购置费).
 */
const RANKS: readonly RegExp[] = [
  /^[一二三四五六七八九十]{1,3}[、.．]\s*/u,
  /^[（(][一二三四五六七八九十]{1,3}[)）]\s*/u,
  /^\d{1,2}[.、．](?!\d)\s*/u,
  /^[（(]\d{1,2}[)）]\s*/u,
];
const OF_WHICH_PREFIX = /^其中\s*[：:]?\s*/u;

/** 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; null for a name printed without numbering. */
export function numberingRank(name: string): number | null {
  const numbered = name.replace(OF_WHICH_PREFIX, '');
  const at = RANKS.findIndex((pattern) => pattern.test(numbered));
  return at < 0 ? null : at + 1;
}

/** The name without its numbering (一、一般公共服务支出 → 一般公共服务支出). */
export function withoutNumbering(name: string): string {
  for (const pattern of RANKS) if (pattern.test(name)) return name.replace(pattern, '');
  return name;
}

/** A 合计 / 总计 / 小计 row, or one ending so (本年收入合计, 收入总计, 当年收入小计). */
const TOTAL_NAME = /^(?:合\s*计|总\s*计|小\s*计)|(?:合\s*计|总\s*计|小\s*计)$/u;

export function isTotalName(name: string): boolean {
  return TOTAL_NAME.test(name);
}
