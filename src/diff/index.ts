/**
 * Year-over-year comparison of budget disclosures: documents pair by department
 * (pair-documents.ts), projects and indicators by code, name and similarity
 * (project-diff.ts, indicator-diff.ts). The result follows the zod schema in
 * src/schema/diff.ts; renderers (render/) turn it into Markdown, CSV, JSON or HTML.
 */
import { exactDifference, exactSum } from '../check/exact-decimal.js';
import { DIFF_SCHEMA_VERSION, type Diff, type DiffSummary, type DocumentDiff } from '../schema/diff.js';
import { VERSION } from '../version.js';
import { allChanges } from './changes.js';
import { documentRef, pairDocuments, type ComparedDocument, type DocumentPair } from './pair-documents.js';
import { diffLines } from './line-diff.js';
import { diffProjects, percentChange } from './project-diff.js';

export type { ComparedDocument } from './pair-documents.js';

function documentDiff(pair: DocumentPair): DocumentDiff {
  const olds = pair.old?.document.projects ?? [];
  const news = pair.new?.document.projects ?? [];
  const lines = diffLines(pair.old?.document ?? null, pair.new?.document ?? null);
  return {
    status: pair.old !== null && pair.new !== null ? 'paired' : pair.new !== null ? 'added' : 'removed',
    pairedBy: pair.pairedBy,
    old: pair.old === null ? null : documentRef(pair.old),
    new: pair.new === null ? null : documentRef(pair.new),
    projects: diffProjects(olds, news),
    lines: lines.changes,
    linesUnchanged: lines.unchanged,
  };
}

function totalYuan(documents: readonly ComparedDocument[]): number {
  const totals = documents.flatMap((d) => d.document.projects.map((p) => p.budget.total?.yuan ?? null)).filter((y): y is number => y !== null);
  return exactSum(...totals);
}

function summarize(documents: readonly DocumentDiff[], olds: readonly ComparedDocument[], news: readonly ComparedDocument[]): DiffSummary {
  const projects = documents.flatMap((d) => d.projects);
  const countProjects = (status: string): number => projects.filter((p) => p.status === status).length;
  const indicators = projects.flatMap((p) => p.indicators);
  const countIndicators = (status: string): number => indicators.filter((i) => i.status === status).length;
  const countTargets = (kind: string): number => indicators.filter((i) => i.target?.kind === kind).length;
  const oldTotalYuan = totalYuan(olds);
  const newTotalYuan = totalYuan(news);
  const deltaYuan = exactDifference(newTotalYuan, oldTotalYuan);
  return {
    documents: {
      paired: documents.filter((d) => d.status === 'paired').length,
      added: documents.filter((d) => d.status === 'added').length,
      removed: documents.filter((d) => d.status === 'removed').length,
    },
    projects: {
      old: olds.reduce((n, d) => n + d.document.projects.length, 0),
      new: news.reduce((n, d) => n + d.document.projects.length, 0),
      added: countProjects('added'),
      removed: countProjects('removed'),
      changed: countProjects('changed'),
      unchanged: countProjects('unchanged'),
      fuzzy: projects.filter((p) => p.match?.by === 'similarity').length,
    },
    indicators: {
      added: countIndicators('added'),
      removed: countIndicators('removed'),
      changed: countIndicators('changed'),
      raised: countTargets('raised'),
      lowered: countTargets('lowered'),
    },
    budget: { oldTotalYuan, newTotalYuan, deltaYuan, percent: percentChange(oldTotalYuan, deltaYuan) },
    lines: {
      added: documents.reduce((n, d) => n + d.lines.filter((l) => l.status === 'added').length, 0),
      removed: documents.reduce((n, d) => n + d.lines.filter((l) => l.status === 'removed').length, 0),
      changed: documents.reduce((n, d) => n + d.lines.filter((l) => l.status === 'changed').length, 0),
    },
    changes: allChanges(documents).length + documents.reduce((n, d) => n + d.lines.length, 0),
  };
}

export interface DiffOptions {
  /** The two arguments as given, recorded in the result. */
  arguments: { old: string; new: string };
  /** Both arguments were single files: compare their documents whatever their departments. */
  asGiven: boolean;
}

export function diffDocuments(olds: readonly ComparedDocument[], news: readonly ComparedDocument[], options: DiffOptions): Diff {
  const documents = pairDocuments(olds, news, options.asGiven).map(documentDiff);
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    generator: { name: 'yusuan', version: VERSION },
    arguments: { ...options.arguments },
    summary: summarize(documents, olds, news),
    documents,
  };
}
