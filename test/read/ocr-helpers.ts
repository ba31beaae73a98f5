/**
 * Scans against their text twins: the scan of a fixture PDF must give the twin's projects
 * and indicators, each field right or its cell flagged (OCR_LOW_CONFIDENCE at the same page,
 * table and row) — never silently wrong. The twins' own values are pinned against the
 * documents by the fixture tests.
 */
import type { Document } from '../../src/schema/document.js';

type Indicator = Document['projects'][number]['indicators'][number];
type Project = Document['projects'][number];

export function indicatorKey(i: Indicator): string {
  return [i.level1, i.level2, i.level3, i.target?.operator ?? null, i.target?.value ?? null, i.target?.unit ?? null, i.basis?.docNumber ?? i.basis?.raw ?? null].join('|');
}

export function projectKey(p: Project): string {
  return [p.code, p.name, p.budget?.total?.yuan ?? null, p.budget?.fiscal?.yuan ?? null].join('|');
}

export interface TwinComparison {
  /** Indicators of the twin, of the scan, and equal in both (multiset). */
  twin: number;
  scan: number;
  equal: number;
  f1: number;
  /** Twin indicators whose scan reading differs and whose row carries no OCR flag. */
  silentlyWrong: string[];
  /** Projects whose code, name or amounts differ with no flag on their tables. */
  silentProjects: string[];
}

function flaggedRows(scan: Document): Set<string> {
  const rows = new Set<string>();
  for (const d of scan.diagnostics) if (d.code === 'OCR_LOW_CONFIDENCE') rows.add(`${d.page}|${d.table}|${d.row}`);
  return rows;
}

function flaggedTables(scan: Document): Set<number> {
  return new Set(scan.diagnostics.filter((d) => d.code === 'OCR_LOW_CONFIDENCE' && d.table !== null).map((d) => d.table as number));
}

export function compareWithTwin(scan: Document, twin: Document): TwinComparison {
  const scanKeys = scan.projects.flatMap((p) => p.indicators.map(indicatorKey));
  const twinKeys = twin.projects.flatMap((p) => p.indicators.map(indicatorKey));
  const left = new Map<string, number>();
  for (const k of scanKeys) left.set(k, (left.get(k) ?? 0) + 1);
  let equal = 0;
  for (const k of twinKeys) {
    const n = left.get(k) ?? 0;
    if (n > 0) {
      equal++;
      left.set(k, n - 1);
    }
  }
  const precision = scanKeys.length === 0 ? 0 : equal / scanKeys.length;
  const recall = twinKeys.length === 0 ? 0 : equal / twinKeys.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const rows = flaggedRows(scan);
  const tables = flaggedTables(scan);
  const silentlyWrong: string[] = [];
  const silentProjects: string[] = [];
  twin.projects.forEach((tp, pi) => {
    const sp = scan.projects[pi];
    if (!sp) {
      silentProjects.push(`project ${pi + 1} (${tp.name}) missing from the scan`);
      return;
    }
    if (projectKey(sp) !== projectKey(tp) && !(sp.provenance.tables ?? []).some((t) => tables.has(t))) {
      silentProjects.push(`${projectKey(tp)} read as ${projectKey(sp)}`);
    }
    tp.indicators.forEach((ti, ii) => {
      const si = sp.indicators[ii];
      if (!si) {
        silentlyWrong.push(`${indicatorKey(ti)}: missing`);
        return;
      }
      if (indicatorKey(si) === indicatorKey(ti)) return;
      const at = si.provenance;
      if (rows.has(`${at.page}|${at.table}|${at.row}`)) return;
      silentlyWrong.push(`${indicatorKey(ti)} read as ${indicatorKey(si)} (page ${at.page}, table ${at.table}, row ${at.row})`);
    });
    if (sp.indicators.length > tp.indicators.length) silentlyWrong.push(`${tp.name}: ${sp.indicators.length - tp.indicators.length} indicator(s) more than the twin`);
  });
  return { twin: twinKeys.length, scan: scanKeys.length, equal, f1, silentlyWrong, silentProjects };
}
