/**
 * `yusuan convert`: inputs → output directory. A thin layer over convertBatch and
 * OutputWriter: it parses options, prints one line per input that failed or is partial,
 * a progress line on a TTY, and a summary, and sets the exit status.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { convertBatch } from '../batch/index.js';
import { OutputError } from '../export/atomic.js';
import type { Conversion } from '../convert.js';
import { documentPathCollisions, OUTPUT_FORMATS, OutputWriter, type OutputFormat } from '../export/outputs.js';
import { displayPath } from '../read/source-file.js';
import { OCR_MODES, type OcrMode } from '../read/options.js';
import { LIMIT_HELP, LIMIT_OPTIONS, parseLimits, type ConversionLimits } from './limits.js';
import { collectInputs } from './inputs.js';
import { Progress } from './progress.js';
import { UsageError } from './usage.js';

export const CONVERT_HELP = `Usage: yusuan convert <file|dir>... [options]

Convert budget disclosures (.docx, .pdf, .xlsx; .doc, .xls, .wps, .et with LibreOffice) into structured records.
Directories are walked recursively for those files (formats are told by their bytes).

Options:
  -o, --out <dir>        output directory (default: ./output)
      --format <list>    comma-separated: json,csv,ndjson (default: json,csv)
      --year <YYYY>      fiscal year to record, overriding what the documents say
      --unit <万元|元>     amount unit of tables that print none (otherwise the
                         template default is assumed and the document is partial)
      --ocr <mode>       auto: read PDF pages that have no text layer by OCR (default);
                         force: OCR every PDF page; off: never (such pages are reported)
      --strict           treat warnings as failures
      --bom              write CSVs with a UTF-8 BOM and formula-safe cells, for Excel
${LIMIT_HELP}      --resume           skip inputs whose document in <out> was made from the same
                         bytes by this version of yusuan
  -q, --quiet            no progress line and no summary
  -h, --help             show this help

Writes <out>/json/<input path>.json per input, <out>/documents.csv, projects.csv,
indicators.csv, schedule.csv (and projects.ndjson with --format ndjson), and
<out>/report.json. Exit status: 0 when every input converted fully (warnings
allowed), 1 when any input failed or was only partly converted, or an output could not
be written (one line names it; the previous run's files stay), 2 on a usage error, 3 on
an internal error.
`;

interface ConvertArgs extends ConversionLimits {
  paths: string[];
  out: string;
  formats: Set<OutputFormat>;
  year: number | null;
  unit: '万元' | '元' | null;
  ocr: OcrMode;
  strict: boolean;
  bom: boolean;
  quiet: boolean;
  resume: boolean;
}

export function parseConvertArgs(argv: string[]): ConvertArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o', default: 'output' },
      format: { type: 'string', default: 'json,csv' },
      year: { type: 'string' },
      unit: { type: 'string' },
      ocr: { type: 'string', default: 'auto' },
      strict: { type: 'boolean', default: false },
      bom: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      ...LIMIT_OPTIONS,
      resume: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('convert needs at least one file or directory');
  const formats = new Set<OutputFormat>();
  for (const name of values.format.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(name)) throw new UsageError(`unknown format "${name}" (choose from ${OUTPUT_FORMATS.join(', ')})`);
    formats.add(name as OutputFormat);
  }
  if (formats.size === 0) throw new UsageError('--format names no format');
  let year: number | null = null;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1990 || Number(values.year) > 2100) throw new UsageError(`--year must be a year such as 2025, not "${values.year}"`);
    year = Number(values.year);
  }
  if (values.unit !== undefined && values.unit !== '万元' && values.unit !== '元') throw new UsageError(`--unit must be 万元 or 元, not "${values.unit}"`);
  const unit = (values.unit ?? null) as '万元' | '元' | null;
  if (!(OCR_MODES as readonly string[]).includes(values.ocr)) throw new UsageError(`--ocr must be one of ${OCR_MODES.join(', ')}, not "${values.ocr}"`);
  const ocr = values.ocr as OcrMode;
  return {
    ...parseLimits(values),
    paths: positionals, out: values.out, formats, year, unit, ocr, strict: values.strict, bom: values.bom, quiet: values.quiet, resume: values.resume,
  };
}

export async function runConvert(argv: string[]): Promise<number> {
  const args = parseConvertArgs(argv);
  if (args === 'help') {
    process.stdout.write(CONVERT_HELP);
    return 0;
  }
  const startedAt = new Date();
  const outInfo = await stat(args.out).catch(() => null);
  if (outInfo && !outInfo.isDirectory()) throw new UsageError(`-o ${args.out}: is a file, not a directory`);
  const collected = await collectInputs(args.paths);
  const { skipped } = collected;
  // Inputs whose documents would need one name as a file and a folder: the later fails alone.
  const collisions = args.formats.has('json') ? documentPathCollisions(collected.inputs.map((i) => i.path)) : new Map<number, string>();
  const inputs = collected.inputs.filter((_input, index) => !collisions.has(index));
  const refused: { path: string; reason: string; kind: Conversion['errorKind']; file: string }[] = [
    ...collected.missing.map((m) => ({ ...m, file: m.path })),
    ...[...collisions].map(([index, reason]) => {
      const input = collected.inputs[index] as (typeof collected.inputs)[number];
      return { path: input.path, reason, kind: 'name-collision' as const, file: displayPath(input.file) };
    }),
  ];
  let writer: OutputWriter;
  try {
    writer = await OutputWriter.open(args.out, { formats: args.formats, bom: args.bom });
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    process.stderr.write(`yusuan: ${error.message}\n`);
    return 1;
  }
  const progress = new Progress(inputs.length + refused.length, args.quiet);
  if (writer.staleTemporariesRemoved > 0) progress.line(`yusuan: removed ${writer.staleTemporariesRemoved} temporary file(s) left in ${args.out} by an earlier run that was killed`);
  const stop = new AbortController();
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled !== null) {
      // A second interrupt: out now, clean. The workers were stopped by the first.
      writer.abandonNow();
      process.stderr.write(`yusuan: interrupted again by ${signal}; stopped at once (documents written so far stay; run again with --resume to finish)\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    signalled = signal;
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let failedOrPartial = 0;
  let reused = 0;
  const report = (conversion: Conversion): void => {
    if (conversion.status !== 'ok') {
      failedOrPartial++;
      const label = conversion.status === 'partial' ? 'partial: ' : '';
      progress.line(`${conversion.path}: ${label}${conversion.message ?? conversion.status}`);
      // A bug's stack, from whichever process met it (the workers send theirs).
      if (process.env.YUSUAN_DEBUG && conversion.stack) progress.line(conversion.stack);
    }
    progress.tick(conversion);
  };

  // Files not converted are named, never passed over in silence.
  for (const file of skipped) progress.line(`${file.path}: skipped: ${file.reason}`);
  try {
    for (const m of refused) {
      const conversion: Conversion = { path: m.path, status: 'failed', message: m.reason, errorKind: m.kind, document: null, sha256: '', bytes: 0, format: null, elapsedMs: 0 };
      await writer.add(conversion, m.file);
      report(conversion);
    }
    const stats = { peakWorkersMb: 0, peakWorkerMb: 0, workersCpuMs: 0, workersLost: 0 };
    const batch = convertBatch(inputs, {
      stats,
      year: args.year,
      unit: args.unit,
      ocr: args.ocr,
      strict: args.strict,
      jobs: args.jobs,
      timeoutMs: args.timeoutMs,
      memoryMb: args.memoryMb,
      maxInputBytes: args.maxInputBytes,
      signal: stop.signal,
      // The workers write the documents and render the rows: the tree crosses the channel once, as text.
      render: (input) => writer.renderSpec(input.path),
      // Loaded only for --resume: it judges documents again, which needs the whole pipeline's
      // rules, and this process otherwise never loads the readers (the workers convert).
      ...(args.resume ? { reuse: (await import('../batch/resume.js')).reuseFrom(args.out, { strict: args.strict, year: args.year }) } : {}),
    });
    for await (const result of batch) {
      if (stop.signal.aborted) break;
      if (result.reused) reused++;
      await writer.add(result.conversion, displayPath(result.input.file), result.rendered ?? undefined);
      report(result.conversion);
    }
    if (stop.signal.aborted) {
      // Documents already written stay (each is complete); the combined files are not
      // committed, so no half-filled CSV replaces a good one. --resume finishes the job.
      await writer.abort();
      progress.line(`yusuan: interrupted by ${signalled ?? 'a signal'} after ${progress.done} of ${inputs.length + refused.length} input(s); run again with --resume to finish`);
      return signalled === 'SIGINT' ? 130 : 143;
    }
    const entries = await writer.close({
      startedAt,
      peakWorkersMb: stats.peakWorkersMb,
      peakWorkerMb: stats.peakWorkerMb,
      workersCpuMs: stats.workersCpuMs,
      workersLost: stats.workersLost,
      skipped,
      options: { out: args.out, formats: [...args.formats], year: args.year, ocr: args.ocr, strict: args.strict, bom: args.bom, jobs: args.jobs, resume: args.resume, reused },
    });
    if (args.resume) progress.line(`resumed: ${reused} input(s) unchanged since the last run were not converted again`);
    progress.summary(entries, args.out, skipped.length);
    if (inputs.length + refused.length === 0) {
      progress.line(`yusuan: nothing to convert: no .docx, .xlsx, .pdf or legacy Office file in ${args.paths.join(', ')}${skipped.length > 0 ? ` (${skipped.length} file(s) skipped, listed above)` : ''}`);
      return 1;
    }
  } catch (error) {
    await writer.abort();
    // An output that cannot be written fails the run in one line; the previous run's
    // combined files are untouched (they are replaced only on commit).
    if (error instanceof OutputError) {
      progress.line(`yusuan: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  return failedOrPartial > 0 ? 1 : 0;
}
