/**
 * The pipeline for one input, as plain functions chained: read → recognize → normalize →
 * SPEC document. A problem in the user's file never escapes as an exception: it becomes
 * a `failed` conversion with a one-line reason, or diagnostics on the document.
 */
import { createHash } from 'node:crypto';
import { checkDocument, reconcileTable, RULES } from './check/index.js';
import { CODES, diagnostic, type Diagnostic } from './diagnostics.js';
import { InputError, oneLine, type InputErrorKind } from './read/errors.js';
import { displayPath, readSourceFile, type ReadSourceOptions, type SourcePath } from './read/source-file.js';
import { formatOfName, readDocument, type OcrMode, type ReadOptions, type SourceFormat } from './read/index.js';
import { normalize } from './normalize/index.js';
import { recognize } from './recognize/index.js';
import { placeInSheets } from './recognize/sheet-places.js';
import { SCHEMA_VERSION, type Document, type DocumentStatus } from './schema/document.js';
import { VERSION } from './version.js';

export interface ConvertOptions {
  /** `--year`: the fiscal year to record, overriding what the document says. */
  year?: number | null;
  /** `--strict`: a document with warnings fails. */
  strict?: boolean;
  /**
   * `--unit`: the amount unit of tables that print none. Without it such amounts are read in
   * the template's default unit and the document is partial, since the unit was guessed.
   */
  unit?: '万元' | '元' | null;
  /** `--ocr`: which PDF pages are read from their image (default auto: those without text). */
  ocr?: OcrMode;
}

/** Milliseconds spent in each stage of one conversion, for report.json and the bench. */
export interface StageTimes {
  /** Bytes → blocks (the .docx or PDF reader). */
  read: number;
  /** Blocks → records (src/recognize/). */
  recognize: number;
  /** Amounts, targets, codes (src/normalize/). */
  normalize: number;
  /** Reconciliation and consistency rules (src/check/). */
  check: number;
}

export interface Conversion {
  /** Path as recorded in outputs: relative to the argument it came from. */
  path: string;
  status: DocumentStatus;
  /** One line for the user: the reason of a failure, what is partial, or null when ok. */
  message: string | null;
  /** Set when the input could not be read at all. */
  errorKind: InputErrorKind | null;
  /** The document, for ok and partial conversions (and strict failures, for inspection). */
  document: Document | null;
  /** For an internal error (a bug): where it happened, shown under YUSUAN_DEBUG=1. */
  stack?: string;
  sha256: string;
  bytes: number;
  format: SourceFormat | null;
  elapsedMs: number;
  /** Where the time went, for a file that was read (absent for one that was not). */
  stageMs?: StageTimes;
}

const CONSISTENCY_CODES = new Set<string>(RULES.map((rule) => rule.code));

function countBy(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  return diagnostics.filter((d) => d.severity === severity).length;
}

/** Convert the bytes of one input. `path` is what outputs record; its extension is the claimed format. */
export async function convertBytes(bytes: Uint8Array, path: string, options: ConvertOptions & Pick<ReadOptions, 'signal' | 'timeoutMs' | 'ocrEngine' | 'docxMemo'> = {}): Promise<Conversion> {
  const started = performance.now();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { path, sha256, bytes: bytes.length };
  const claimed = formatOfName(path);
  try {
    let mark = performance.now();
    const lap = (): number => {
      const now = performance.now();
      const ms = now - mark;
      mark = now;
      return Math.round(ms * 100) / 100;
    };
    const read = await readDocument(bytes, claimed, {
      ...(options.ocr ? { ocr: options.ocr } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.ocrEngine ? { ocrEngine: options.ocrEngine } : {}),
      ...(options.docxMemo ? { docxMemo: options.docxMemo } : {}),
    });
    const readMs = lap();
    const recognized = recognize(read.value);
    const recognizeMs = lap();
    const content = normalize(recognized, { year: options.year ?? null, unit: options.unit ?? null });
    const normalizeMs = lap();
    const diagnostics = [...read.messages, ...recognized.messages, ...content.messages];
    const document: Document = {
      schemaVersion: SCHEMA_VERSION,
      generator: { name: 'yusuan', version: VERSION },
      source: {
        path,
        sha256,
        format: read.value.format,
        pageCount: read.value.pageCount,
        bytes: bytes.length,
        ...(read.value.ocrPages && read.value.ocrPages.length > 0 ? { ocrPages: read.value.ocrPages } : {}),
        ...(read.value.convertedBy ? { convertedBy: read.value.convertedBy } : {}),
      },
      status: 'ok',
      fiscalYear: content.fiscalYear,
      fiscalYearSource: content.fiscalYearSource,
      department: content.department,
      overview: content.overview,
      projects: content.projects,
      tables: content.tables,
      quotedFigures: content.quotedFigures,
      diagnostics,
    };
    for (const table of document.tables) table.reconciled = reconcileTable(table).reconciled;
    // Consistency checks look at the finished document; their findings count when judging it.
    document.diagnostics.push(...checkDocument(document));
    // A workbook's records and messages also name the sheet and cell they come from.
    placeInSheets(document, read.value);
    const { status, message } = judge(document, options.strict ?? false);
    document.diagnostics = foldDiagnostics(document.diagnostics);
    document.status = status;
    const stageMs: StageTimes = { read: readMs, recognize: recognizeMs, normalize: normalizeMs, check: lap() };
    return { ...base, status, message, errorKind: null, document, format: read.value.format, elapsedMs: performance.now() - started, stageMs };
  } catch (thrown) {
    const error = exhaustion(thrown) ?? thrown;
    const known = error instanceof InputError;
    const message = known ? error.message : `internal error: ${oneLine((error as Error)?.message ?? String(error))}`;
    return {
      ...base,
      status: 'failed',
      message,
      errorKind: known ? error.kind : 'internal',
      document: null,
      ...(known ? {} : { stack: (error as Error)?.stack ?? String(error) }),
      format: null,
      elapsedMs: performance.now() - started,
    };
  }
}

/**
 * A file whose structure is nested or repeated past what the engine can hold (10,000
 * tables in tables, 100,000 nested revisions, a list numbered from 2³¹) exhausts the
 * stack or the largest string before any limit of ours is reached: that is a property of
 * the file, reported as such, not a bug.
 */
function exhaustion(error: unknown): InputError | null {
  if (!(error instanceof RangeError)) return null;
  if (/Maximum call stack size exceeded/u.test(error.message)) return new InputError('too-complex', 'the document is nested too deeply to read (the reader ran out of stack); not read');
  if (/Invalid (?:string|array|typed array) length|Array buffer allocation failed/u.test(error.message)) {
    return new InputError('too-large', `the document asks for more than can be held (${error.message}); not read`);
  }
  return null;
}

export interface ConvertFileOptions extends ConvertOptions {
  /** What outputs call the file (default: the file's path). */
  path?: string;
  /** Files larger than this many bytes are not read (default DEFAULT_MAX_INPUT_BYTES). */
  maxInputBytes?: number;
  /** Aborting it stops reading the file. */
  signal?: AbortSignal;
  /** The time this file may take, for readers that start a program of their own. */
  timeoutMs?: number;
  /** OCR models shared across files (see ReadOptions.ocrEngine). */
  ocrEngine?: ReadOptions['ocrEngine'];
  /** What the .docx reader keeps from one file to the next (see ReadOptions.docxMemo). */
  docxMemo?: ReadOptions['docxMemo'];
}

/**
 * Convert one file. Only a regular file within the size limit is read; anything else fails
 * with its reason (this runs in the caller's process: convertBatch isolates conversions).
 */
export async function convertFile(file: SourcePath, options: ConvertFileOptions = {}): Promise<Conversion> {
  const started = performance.now();
  const path = options.path ?? displayPath(file);
  let bytes: Uint8Array;
  try {
    const limits: ReadSourceOptions = {
      ...(options.maxInputBytes !== undefined ? { maxBytes: options.maxInputBytes } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    bytes = await readSourceFile(file, limits);
  } catch (error) {
    const known = error instanceof InputError;
    const message = known ? error.message : oneLine(String(error));
    return { path, status: 'failed', message, errorKind: known ? error.kind : 'unreadable', document: null, sha256: '', bytes: 0, format: null, elapsedMs: performance.now() - started };
  }
  return convertBytes(bytes, path, options);
}

/**
 * ok: records were found and nothing printed was lost: every table that looks like a target
 * table was read, every column mapped, every target, level and amount read, every unit
 * printed or stated with --unit. partial: the file was read but something (or everything)
 * could not be: the message names the first loss and where it is. Consistency findings
 * (src/check/) describe the disclosure, not the conversion: a budget that does not add up is
 * converted faithfully and reported, it does not make the conversion partial. failed (only
 * with --strict): any warning or error, consistency findings included.
 */
export function judge(document: Document, strict: boolean): { status: DocumentStatus; message: string | null } {
  const errors = document.diagnostics.filter((d) => d.severity === 'error' && !CONSISTENCY_CODES.has(d.code));
  const losses = document.diagnostics.filter((d) => isLoss(d.code));
  const warnings = countBy(document.diagnostics, 'warning') + countBy(document.diagnostics, 'error');
  // A disclosure of standard tables only (no target table) is whole when they are read.
  if (document.projects.length === 0 && document.tables.length === 0) {
    const why = document.diagnostics.find((d) => d.code === 'NO_PERFORMANCE_TABLE');
    return { status: 'partial', message: why?.message ?? 'no projects recognized' };
  }
  if (errors.length > 0) return { status: 'partial', message: `${errors.length} error(s); first: ${errors[0]?.message}` };
  if (strict && warnings > 0) {
    const first = document.diagnostics.find((d) => d.severity === 'warning' || d.severity === 'error');
    return { status: 'failed', message: `--strict: ${warnings} warning(s) or error(s); first: ${first?.message}` };
  }
  if (losses.length > 0) {
    const first = losses[0] as Diagnostic;
    return { status: 'partial', message: `${losses.length} cell(s) or table(s) not read with confidence; first: ${first.message}${where(first)}` };
  }
  return { status: 'ok', message: null };
}

function isLoss(code: string): boolean {
  const info = (CODES as Record<string, { loss?: true }>)[code];
  return info?.loss === true;
}

function where(d: Diagnostic): string {
  const parts = [d.page !== null ? `page ${d.page}` : null, d.table !== null ? `table ${d.table}` : null, d.row !== null ? `row ${d.row}` : null].filter((p) => p !== null);
  const located = parts.length > 0 && !/\b(?:page|table) \d/u.test(d.message) ? parts : [];
  // A workbook's place: the sheet and the cell, unless the message names them.
  if (d.sheet !== undefined && !d.message.includes('sheet ')) located.push(`sheet ${JSON.stringify(d.sheet)}${d.ref !== undefined ? ` ${d.ref}` : ''}`);
  return located.length > 0 ? ` (${located.join(', ')})` : '';
}

/** Messages of one code kept in full per document; the rest are counted in one message. */
const FOLD_AFTER = 10;

/**
 * One layout decision can produce a message per row (a unit taken from every 三级 name of a
 * file): keep the first FOLD_AFTER of a code and fold the rest into one message that counts
 * them and names their pages, so a document's diagnostics stay readable.
 */
export function foldDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byCode.get(d.code) ?? [];
    list.push(d);
    byCode.set(d.code, list);
  }
  const out: Diagnostic[] = [];
  const folded = new Set<string>();
  for (const d of diagnostics) {
    const list = byCode.get(d.code) as Diagnostic[];
    const index = list.indexOf(d);
    if (index < FOLD_AFTER || (CODES as Record<string, { keepAll?: true }>)[d.code]?.keepAll) {
      out.push(d);
      continue;
    }
    if (folded.has(d.code)) continue;
    folded.add(d.code);
    const rest = list.slice(FOLD_AFTER);
    const pages = [...new Set(rest.map((r) => r.page).filter((p): p is number => p !== null))];
    const pageText = pages.length === 0 ? '' : ` on page(s) ${pages.slice(0, 20).join(', ')}${pages.length > 20 ? ', …' : ''}`;
    out.push(diagnostic('DIAGNOSTICS_FOLDED', `${rest.length} more ${d.code} (${d.severity}) like the ${FOLD_AFTER} above${pageText}`, {}, d.severity));
  }
  return out;
}
