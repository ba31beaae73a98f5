/**
 * What one finished input adds to a run's outputs, as text: its JSON document, its CSV rows
 * and NDJSON lines, and the counts report.json gives it. One function renders it, in the
 * process that writes the outputs or in the worker that converted the input (so the
 * document crosses the channel as its rows, not as a tree to rebuild and serialize a
 * second time); either way the bytes are the same.
 */
import type { Conversion } from '../convert.js';
import { OutputError, writeFileAtomicSync } from './atomic.js';
import { csvRowsText } from './csv.js';
import { documentJson } from './json.js';
import { projectLines } from './ndjson.js';
import { BUDGET_LINE_COLUMNS, DOCUMENT_COLUMNS, INDICATOR_COLUMNS, PROJECT_COLUMNS, SCHEDULE_COLUMNS, budgetLineRows, documentRow, indicatorRows, projectRows, scheduleRows } from './rows.js';
import { rmSync } from 'node:fs';

/** Which outputs a run writes, as far as one input is concerned. */
export interface RenderSpec {
  /** Where its JSON document goes (an absolute path), or null when none is written. */
  jsonTarget: string | null;
  /** The CSV files, and whether they are for Excel (formula-safe cells); null without CSV. */
  csv: { bom: boolean } | null;
  ndjson: boolean;
}

/** The rows of an input for each combined CSV file, as the file's text (LF-ended lines). */
export interface CsvText {
  documents: string;
  projects: string;
  indicators: string;
  schedule: string;
  budgetLines: string;
}

export interface RenderedInput {
  /** Whether the input has a document (converted, not failed): its rows and JSON are written. */
  written: boolean;
  csv: CsvText | null;
  ndjson: string | null;
  projects: number;
  indicators: number;
  errors: number;
  warnings: number;
}

/** The text of an input's outputs, and its JSON document (null when it has none to write). */
export function renderInput(conversion: Conversion, spec: RenderSpec): { rendered: RenderedInput; json: string | null } {
  const doc = conversion.document;
  const written = doc !== null && conversion.status !== 'failed';
  const diagnostics = doc?.diagnostics ?? [];
  const guard = spec.csv?.bom ?? false;
  const csv: CsvText | null = spec.csv
    ? {
        documents: csvRowsText([documentRow(conversion)], DOCUMENT_COLUMNS.length, guard),
        projects: written ? csvRowsText(projectRows(doc), PROJECT_COLUMNS.length, guard) : '',
        indicators: written ? csvRowsText(indicatorRows(doc), INDICATOR_COLUMNS.length, guard) : '',
        schedule: written ? csvRowsText(scheduleRows(doc), SCHEDULE_COLUMNS.length, guard) : '',
        budgetLines: written ? csvRowsText(budgetLineRows(doc), BUDGET_LINE_COLUMNS.names.length, guard) : '',
      }
    : null;
  return {
    json: written && spec.jsonTarget !== null ? documentJson(doc) : null,
    rendered: {
      written,
      csv,
      ndjson: spec.ndjson && written ? projectLines(doc).join('') : null,
      projects: written ? doc.projects.length : 0,
      indicators: written ? doc.projects.reduce((n, p) => n + p.indicators.length, 0) : 0,
      errors: doc ? diagnostics.filter((d) => d.severity === 'error').length : 1,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
}

/**
 * An input's JSON document written to its place, or, for an input that has none (it
 * failed), a stale one an earlier run left there removed. Blocking, as the documents are
 * many and small: see writeFileAtomicSync. `owner` is the process whose run this is, named
 * in the temporary file, so that the run removes a write cut short as its own.
 */
export function placeDocument(target: string, json: string | null, owner: number = process.pid): void {
  if (json !== null) {
    writeFileAtomicSync(target, json, owner);
    return;
  }
  try {
    rmSync(target, { force: true });
  } catch (error) {
    throw OutputError.of(target, error);
  }
}

/** An input's outputs as a worker sends them: rendered, and its document placed. */
export interface RenderedByWorker extends RenderedInput {
  /** The worker's time rendering and placing them, in ms: part of the input's export stage. */
  exportMs: number;
  /** Why its document could not be written or removed: the run fails on it (OutputError). */
  outputError?: { path: string; code: string; reason: string };
}

/**
 * In a worker: an input's outputs rendered and its document placed, for the process that
 * writes the run's outputs (`owner`), which is told of a failure to write rather than
 * thrown at, as the failure is the run's, not the file's.
 */
export function renderAndPlace(conversion: Conversion, spec: RenderSpec, owner: number): RenderedByWorker {
  const started = performance.now();
  const { rendered, json } = renderInput(conversion, spec);
  let outputError: RenderedByWorker['outputError'];
  if (spec.jsonTarget !== null) {
    try {
      placeDocument(spec.jsonTarget, json, owner);
    } catch (error) {
      const { path, code, reason } = OutputError.of(spec.jsonTarget, error);
      outputError = { path, code, reason };
    }
  }
  return { ...rendered, exportMs: performance.now() - started, ...(outputError ? { outputError } : {}) };
}
