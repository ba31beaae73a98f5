/**
 * The fiscal year of a disclosure: from `--year`, else the document's title
 * (`…2025年部门预算`), else the years that project names start with (`2025年支持…`).
 * Never from a project code: its two digits are the year the project entered the
 * project library (`13020225P…`, `51000021R…` in a 2023 table), not the budget year.
 */
import { diagnostic, result, type Diagnostic, type Result } from '../diagnostics.js';
import type { FiscalYearSource } from '../schema/document.js';

export interface FiscalYear {
  year: number | null;
  source: FiscalYearSource | null;
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/u;
const LEADING_YEAR = /^((?:19|20)\d{2})\s*年/u;

export function detectFiscalYear(option: number | null, titles: readonly string[], projectNames: readonly string[]): Result<FiscalYear> {
  if (option !== null) return result({ year: option, source: 'option' });
  const messages: Diagnostic[] = [];

  const titleYears = titles.map((t) => YEAR_IN_TITLE.exec(t)?.[1]).filter((y): y is string => y !== undefined).map(Number);
  if (titleYears.length > 0) {
    const year = titleYears[0] as number;
    const others = [...new Set(titleYears.filter((y) => y !== year))];
    if (others.length > 0) messages.push(diagnostic('FISCAL_YEAR_CONFLICT', `titles name the years ${[year, ...others].join(', ')}; the first title's ${year} is used`));
    return result({ year, source: 'title' }, messages);
  }

  const counts = new Map<number, number>();
  for (const name of projectNames) {
    const y = LEADING_YEAR.exec(name)?.[1];
    if (y) counts.set(Number(y), (counts.get(Number(y)) ?? 0) + 1);
  }
  if (counts.size > 0) {
    // The most frequent year; on a tie the later one (a project carried over keeps its old name).
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    const year = (ranked[0] as [number, number])[0];
    if (ranked.length > 1) {
      messages.push(diagnostic('FISCAL_YEAR_CONFLICT', `project names start with the years ${ranked.map(([y, n]) => `${y} (${n})`).join(', ')}; ${year} is used`));
    }
    return result({ year, source: 'project-names' }, messages);
  }
  messages.push(diagnostic('FISCAL_YEAR_UNKNOWN', 'no year in the document title or in project names; pass --year to set it'));
  return result({ year: null, source: null }, messages);
}
