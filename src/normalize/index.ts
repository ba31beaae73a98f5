/**
 * Normalization: recognized records → the SPEC document's content (projects, overview,
 * fiscal year, department), with every message produced on the way.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Recognized } from '../recognize/records.js';
import type { BudgetTable, Department, FiscalYearSource, OverviewSection, Project, QuotedFigure } from '../schema/document.js';
import { parseAmount, type AmountUnit } from './amount.js';
import { detectFiscalYear } from './fiscal-year.js';
import { normalizeBudgetTable } from './line-items.js';
import { normalizeProject } from './project.js';
import { cleanText } from './text.js';

export interface NormalizeOptions {
  /** `--year`: overrides whatever the document says. */
  year: number | null;
  /** `--unit`: the amount unit of tables that print none. */
  unit?: '万元' | '元' | null;
}

export interface NormalizedContent {
  fiscalYear: number | null;
  fiscalYearSource: FiscalYearSource | null;
  department: Department | null;
  overview: OverviewSection[];
  projects: Project[];
  tables: BudgetTable[];
  quotedFigures: QuotedFigure[];
  messages: Diagnostic[];
}

export function normalize(recognized: Recognized, options: NormalizeOptions): NormalizedContent {
  const messages: Diagnostic[] = [];
  const projects = recognized.projects.map((raw) => normalizeProject(raw, messages, options.unit ?? null));
  const tables = recognized.tables.map((raw) => normalizeBudgetTable(raw, options.unit ?? null, messages));
  const names = projects.map((p) => p.name).filter((n): n is string => n !== null);
  const year = detectFiscalYear(options.year, recognized.titles, names);
  return {
    fiscalYear: year.value.year,
    fiscalYearSource: year.value.source,
    department: documentDepartment(projects),
    overview: recognized.overview.map((section) => ({
      title: cleanText(section.title) ?? '',
      text: section.paragraphs.filter((p) => !p.item).map((p) => cleanText(p.text)).filter((t): t is string => t !== null).join('\n'),
      items: section.paragraphs.filter((p) => p.item).map((p) => cleanText(p.text)).filter((t): t is string => t !== null),
    })),
    projects,
    tables,
    quotedFigures: recognized.figures.map((figure) => ({
      subject: figure.subject,
      text: figure.text,
      raw: `${figure.amount}${figure.unit}`,
      yuan: parseAmount(figure.amount, figure.unit as AmountUnit, { page: figure.page }).value?.yuan ?? null,
      page: figure.page,
      paragraph: figure.paragraph,
    })),
    messages: [...messages, ...year.messages],
  };
}

/** The department most projects name (a disclosure is one department's). */
function documentDepartment(projects: readonly Project[]): Department | null {
  const counts = new Map<string, { department: Department; n: number }>();
  for (const p of projects) {
    if (!p.department) continue;
    const key = `${p.department.code ?? ''}\u0000${p.department.name ?? ''}`;
    const entry = counts.get(key) ?? { department: p.department, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  let best: { department: Department; n: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best ? { ...best.department } : null;
}
