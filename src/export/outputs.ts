/**
 * The output directory of a run: one JSON document per input, the combined CSVs and
 * NDJSON, and report.json. Rows are streamed as inputs finish, so a run holds one document
 * in memory at a time; every file is committed atomically when the run closes.
 */
import { createHash } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import type { Conversion, StageTimes } from '../convert.js';
import { errorClassOf, type ErrorClass } from '../read/errors.js';
import { SCHEMA_VERSION } from '../schema/version.js';
import { VERSION } from '../version.js';
import { removeOwnTemporaries, removeOwnTemporariesNow, removeStaleTemporaries, writeFileAtomic, AtomicStream, OutputError } from './atomic.js';
import { CsvFile } from './csv.js';
import { placeDocument, renderInput, type RenderedByWorker, type RenderedInput, type RenderSpec } from './render.js';
import { BUDGET_LINE_COLUMNS, DOCUMENT_COLUMNS, INDICATOR_COLUMNS, PROJECT_COLUMNS, SCHEDULE_COLUMNS } from './rows.js';

export const OUTPUT_FORMATS = ['json', 'csv', 'ndjson'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputOptions {
  formats: ReadonlySet<OutputFormat>;
  bom: boolean;
}

export interface ReportInput {
  path: string;
  file: string;
  status: Conversion['status'];
  message: string | null;
  errorKind: Conversion['errorKind'];
  /** io, input, limit or internal: whom a failure is for (null when converted). */
  errorClass: ErrorClass | null;
  format: Conversion['format'];
  sha256: string;
  bytes: number;
  projects: number;
  indicators: number;
  errors: number;
  warnings: number;
  elapsedMs: number;
  /** Where the time went: the conversion's stages, and rendering and writing its outputs (export: its worker's part and this process's). */
  stageMs: (StageTimes & { export: number }) | null;
  json: string | null;
}

const STAGES = ['read', 'recognize', 'normalize', 'check', 'export'] as const;

/** The longest file name Linux, macOS and Windows file systems take, in bytes (UTF-8). */
const NAME_MAX_BYTES = 255;
/** What a write adds to a name for its temporary file: `.<pid>.<8 hex>.tmp` (temporaryPath). */
const TEMPORARY_SUFFIX_BYTES = '.4294967295.00000000.tmp'.length;
/**
 * The longest document path below the output directory, in bytes: PATH_MAX (4,096) less
 * room for the output directory itself.
 */
const RELATIVE_PATH_MAX_BYTES = 3072;
/** Hex digits of the SHA-256 of the input path that stand in for what was cut. */
const NAME_HASH_DIGITS = 12;

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The longest start of `text` within `bytes` UTF-8 bytes, never cutting a character. */
function cutToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    used += byteLength(char);
    if (used > bytes) break;
    out += char;
  }
  return out;
}

/**
 * Where an input's document goes: `json/<path relative to its argument>.json`. A name that
 * would not fit the file system with `.json` and the temporary suffix added (a 255-byte
 * name; 83 Chinese characters) is cut and given a hash of the whole path
 * (`<start>~<hash>.docx.json`); a path too long as a whole goes to
 * `json/long-paths/<hash>-<name>.json`. The same input path always gives the same name
 * (resume finds it), and report.json records it.
 */
export function jsonPathOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  const dir = relativePath.slice(0, slash + 1);
  const name = relativePath.slice(slash + 1);
  const hash = (): string => createHash('sha256').update(relativePath).digest('hex').slice(0, NAME_HASH_DIGITS);
  const nameRoom = NAME_MAX_BYTES - TEMPORARY_SUFFIX_BYTES - '.json'.length;
  let fitted = name;
  if (byteLength(name) > nameRoom) {
    const ext = /\.[A-Za-z0-9]{1,5}$/u.exec(name)?.[0] ?? '';
    const stem = name.slice(0, name.length - ext.length);
    fitted = `${cutToBytes(stem, nameRoom - ext.length - 1 - NAME_HASH_DIGITS)}~${hash()}${ext}`;
  }
  const path = `json/${dir}${fitted}.json`;
  if (byteLength(path) <= RELATIVE_PATH_MAX_BYTES) return path;
  return `json/long-paths/${hash()}-${fitted}.json`;
}

/**
 * Inputs whose documents cannot all be written: `x.docx` and `x.docx.json/y.docx` ask for
 * `json/x.docx.json` as a file and as a folder. The later input of each such pair is
 * given a reason (by index); the earlier is written as usual.
 */
export function documentPathCollisions(paths: readonly string[]): Map<number, string> {
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  const collisions = new Map<number, string>();
  paths.forEach((path, index) => {
    const target = jsonPathOf(path);
    const parents: string[] = [];
    for (let i = target.indexOf('/'); i >= 0; i = target.indexOf('/', i + 1)) parents.push(target.slice(0, i));
    const other = files.get(target) ?? folders.get(target) ?? parents.map((p) => files.get(p)).find((p) => p !== undefined);
    if (other !== undefined) {
      collisions.set(index, `its document ${target} cannot be written beside the document of ${other} (one name as a file and a folder); not converted`);
      return;
    }
    files.set(target, path);
    for (const parent of parents) if (!folders.has(parent)) folders.set(parent, path);
  });
  return collisions;
}

export class OutputWriter {
  private readonly inputs: ReportInput[] = [];
  /** Temporary files of earlier runs that were killed, removed when this one opened. */
  staleTemporariesRemoved = 0;

  private constructor(
    readonly dir: string,
    private readonly options: OutputOptions,
    private readonly csv: { documents: CsvFile; projects: CsvFile; indicators: CsvFile; schedule: CsvFile; budgetLines: CsvFile } | null,
    private readonly ndjson: AtomicStream | null,
  ) {}

  static async open(dir: string, options: OutputOptions): Promise<OutputWriter> {
    const bom = { bom: options.bom };
    const csv = options.formats.has('csv')
      ? {
          documents: await CsvFile.open(join(dir, 'documents.csv'), DOCUMENT_COLUMNS, bom),
          projects: await CsvFile.open(join(dir, 'projects.csv'), PROJECT_COLUMNS, bom),
          indicators: await CsvFile.open(join(dir, 'indicators.csv'), INDICATOR_COLUMNS, bom),
          schedule: await CsvFile.open(join(dir, 'schedule.csv'), SCHEDULE_COLUMNS, bom),
          budgetLines: await CsvFile.open(join(dir, 'budget_lines.csv'), BUDGET_LINE_COLUMNS.names, bom),
        }
      : null;
    const ndjson = options.formats.has('ndjson') ? await AtomicStream.open(join(dir, 'projects.ndjson')) : null;
    const writer = new OutputWriter(dir, options, csv, ndjson);
    writer.staleTemporariesRemoved = await removeStaleTemporaries(dir);
    return writer;
  }

  /** The first failure of a combined file's stream (ENOSPC …): the run cannot complete it. */
  private streamFailure(): Error | null {
    for (const file of Object.values(this.csv ?? {})) if (file.failure) return file.failure;
    return this.ndjson?.failure ?? null;
  }

  /**
   * What a worker needs to render an input's outputs itself (renderInput, placeDocument):
   * where its document goes, if anywhere, and which combined files take its rows.
   */
  renderSpec(path: string): RenderSpec {
    const target = this.documentTarget(path);
    return { jsonTarget: target?.absolute ?? null, csv: this.csv ? { bom: this.options.bom } : null, ndjson: this.ndjson !== null };
  }

  /**
   * Where an input's document goes: `json/…` (jsonPathOf) and that path resolved; null
   * without --format json, or for a path that does not stay inside json/ (a missing
   * argument such as `../../notes`), which is never written or removed.
   */
  private documentTarget(path: string): { relative: string; absolute: string } | null {
    if (!this.options.formats.has('json')) return null;
    const relative = jsonPathOf(path);
    const absolute = resolve(this.dir, relative);
    return absolute.startsWith(`${resolve(this.dir, 'json')}${sep}`) ? { relative, absolute } : null;
  }

  /**
   * Record one finished input: its JSON document now, its rows into the combined files.
   * With `rendered`, a worker has rendered them (renderSpec) and placed the document
   * already; `conversion` then carries no document.
   */
  async add(conversion: Conversion, file: string, rendered?: RenderedByWorker): Promise<ReportInput> {
    const failed = this.streamFailure();
    if (failed) throw failed;
    const exportStarted = performance.now();
    const target = this.documentTarget(conversion.path);
    let outputs: RenderedInput;
    if (rendered) {
      if (rendered.outputError) throw new OutputError(rendered.outputError.path, rendered.outputError.code, rendered.outputError.reason);
      outputs = rendered;
    } else {
      const { rendered: own, json } = renderInput(conversion, this.renderSpec(conversion.path));
      // A failed input leaves no document, and no stale one from an earlier run either.
      if (target) placeDocument(target.absolute, json);
      outputs = own;
    }
    if (this.csv && outputs.csv) {
      this.csv.documents.writeText(outputs.csv.documents);
      this.csv.projects.writeText(outputs.csv.projects);
      this.csv.indicators.writeText(outputs.csv.indicators);
      this.csv.schedule.writeText(outputs.csv.schedule);
      this.csv.budgetLines.writeText(outputs.csv.budgetLines);
    }
    if (this.ndjson && outputs.ndjson) this.ndjson.write(outputs.ndjson);
    const exportMs = performance.now() - exportStarted + (rendered?.exportMs ?? 0);
    const entry: ReportInput = {
      path: conversion.path,
      file,
      status: conversion.status,
      message: conversion.message,
      errorKind: conversion.errorKind,
      errorClass: conversion.errorKind === null ? null : errorClassOf(conversion.errorKind),
      format: conversion.format,
      sha256: conversion.sha256,
      bytes: conversion.bytes,
      projects: outputs.projects,
      indicators: outputs.indicators,
      errors: outputs.errors,
      warnings: outputs.warnings,
      elapsedMs: Math.round(conversion.elapsedMs * 10) / 10,
      stageMs: conversion.stageMs ? { ...conversion.stageMs, export: Math.round(exportMs * 100) / 100 } : null,
      json: outputs.written && target ? target.relative : null,
    };
    this.inputs.push(entry);
    return entry;
  }

  private settle(): void {
    const failed = this.streamFailure();
    if (failed) throw failed;
  }

  /** Commit the combined files and write report.json. */
  async close(run: { startedAt: Date; options: Record<string, unknown>; peakWorkersMb?: number; peakWorkerMb?: number; workersCpuMs?: number; workersLost?: number; skipped?: readonly { path: string; reason: string }[] }): Promise<ReportInput[]> {
    this.settle();
    if (this.csv) for (const file of Object.values(this.csv)) await file.commit();
    await this.ndjson?.commit();
    // A worker lost while it wrote a document (killed on the timeout or its memory limit)
    // leaves the temporary file, named for this process: removed now (the combined files are
    // committed, so none of this process's is in use), not by the next run.
    if ((run.workersLost ?? 0) > 0) await removeOwnTemporaries(this.dir);
    const finishedAt = new Date();
    const count = (status: Conversion['status']) => this.inputs.filter((i) => i.status === status).length;
    const report = {
      generator: { name: 'yusuan', version: VERSION },
      schemaVersion: SCHEMA_VERSION,
      startedAt: run.startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      elapsedMs: finishedAt.getTime() - run.startedAt.getTime(),
      // This process at its largest, and its worker processes together at theirs.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) + (run.peakWorkersMb ?? 0),
      peakWorkersRssMb: run.peakWorkersMb ?? 0,
      // The largest worker: what --max-memory bounds.
      peakWorkerRssMb: run.peakWorkerMb ?? 0,
      // CPU seconds (user + system) of this process and of its workers while they converted:
      // which of them kept the cores busy. With --jobs 1 both run at once, so a run can keep
      // more than one core busy.
      cpuSeconds: { main: cpuSecondsOf(process.cpuUsage()), workers: Math.round(run.workersCpuMs ?? 0) / 1000 },
      options: run.options,
      // The stages of every conversion summed (export: rendering and writing its outputs, in its worker and here),
      // so a run shows where its time went.
      stagesMs: Object.fromEntries(STAGES.map((stage) => [stage, Math.round(this.inputs.reduce((n, i) => n + (i.stageMs?.[stage] ?? 0), 0))])),
      counts: {
        inputs: this.inputs.length,
        ok: count('ok'),
        partial: count('partial'),
        failed: count('failed'),
        projects: this.inputs.reduce((n, i) => n + i.projects, 0),
        indicators: this.inputs.reduce((n, i) => n + i.indicators, 0),
        errors: this.inputs.reduce((n, i) => n + i.errors, 0),
        warnings: this.inputs.reduce((n, i) => n + i.warnings, 0),
        skipped: run.skipped?.length ?? 0,
      },
      inputs: this.inputs,
      // Files in the input folders that look like documents but are not read (.doc, .xlsx …).
      skipped: run.skipped ?? [],
    };
    await writeFileAtomic(join(this.dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    return this.inputs;
  }

  /** Give up: remove the temporary files of the combined outputs. */
  async abort(): Promise<void> {
    if (this.csv) for (const file of Object.values(this.csv)) await file.abort();
    await this.ndjson?.abort();
    // A write cut short (a full disk) may leave its temporary file behind: none stays.
    await removeOwnTemporaries(this.dir);
  }

  /** Give up at once (a second interrupt, the process exits next): this run's temporary files removed, nothing awaited. */
  abandonNow(): void {
    removeOwnTemporariesNow(this.dir);
  }
}

/** process.cpuUsage() (µs) as seconds, to the millisecond. */
function cpuSecondsOf(usage: NodeJS.CpuUsage): number {
  return Math.round((usage.user + usage.system) / 1000) / 1000;
}
