/**
 * Converting many files: in a pool of worker processes, results yielded in input order
 * (so outputs are the same for any number of jobs), a bounded number of files in flight
 * (so memory does not grow with the batch), optional reuse of earlier results (resume),
 * and a clean stop on abort.
 */
import type { Conversion, ConvertOptions } from '../convert.js';
import type { RenderedByWorker, RenderSpec } from '../export/render.js';
import { InputError } from '../read/errors.js';
import { DEFAULT_MAX_INPUT_BYTES, hashSourceFile, type SourcePath } from '../read/source-file.js';
import { WorkerPool, type PoolOptions, type Task } from './pool.js';

export interface BatchInput {
  /** Where to read it: a string, or the bytes of a name that is not UTF-8. */
  file: SourcePath;
  /** What outputs call it. */
  path: string;
}

export interface BatchOptions extends ConvertOptions, Partial<PoolOptions> {
  /** Inputs larger than this many bytes fail unread (default DEFAULT_MAX_INPUT_BYTES). */
  maxInputBytes?: number;
  /**
   * Called with each input's hash before it is converted; a conversion returned here is
   * used instead (resume). Return null to convert.
   */
  reuse?: (input: BatchInput, sha256: string) => Promise<Conversion | null>;
  signal?: AbortSignal;
  /**
   * Outputs the workers render themselves, per input (OutputWriter.renderSpec): a result
   * converted so comes with `rendered` and without its document. Inputs given null, and
   * reused ones, come with their documents as usual.
   */
  render?: (input: BatchInput) => RenderSpec | null;
  /** Filled in as the batch runs: what the report says of the workers. */
  stats?: BatchStats;
}

export interface BatchStats {
  /** The largest resident set of the worker processes together, in MB (Linux; 0 elsewhere). */
  peakWorkersMb: number;
  /** The largest resident set of one worker process, in MB (Linux; 0 elsewhere). */
  peakWorkerMb?: number;
  /** The CPU time (user + system) the worker processes spent converting, in ms. */
  workersCpuMs?: number;
  /**
   * How many workers were lost and replaced: one killed while it wrote a document leaves
   * its temporary file (BatchOptions.render), for the caller to remove.
   */
  workersLost?: number;
}

export interface BatchResult {
  input: BatchInput;
  conversion: Conversion;
  /** True when the conversion came from `reuse`. */
  reused: boolean;
  /**
   * The input's outputs, rendered by its worker (BatchOptions.render), its JSON document
   * written; the conversion's document is then null. Null otherwise.
   */
  rendered: RenderedByWorker | null;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_MB = 1024;

/** How a file fails when its worker is lost on it: nothing of the file came back. */
const DIED: ReadonlySet<string> = new Set(['timeout', 'crashed', 'too-large', 'internal']);

export async function* convertBatch(inputs: readonly BatchInput[], options: BatchOptions = {}): AsyncGenerator<BatchResult> {
  const jobs = Math.max(1, options.jobs ?? 1);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const pool = new WorkerPool({
    jobs: Math.min(jobs, Math.max(1, inputs.length)),
    timeoutMs,
    memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB,
    maxInputBytes,
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
  });
  // An interrupt stops the workers at once: a slow file is not waited for.
  let onAbort = (): void => undefined;
  const interrupted = new Promise<null>((resolve) => {
    onAbort = () => {
      pool.kill();
      resolve(null);
    };
    if (options.signal?.aborted) resolve(null);
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const convertOptions: ConvertOptions = { year: options.year ?? null, unit: options.unit ?? null, strict: options.strict ?? false, ...(options.ocr ? { ocr: options.ocr } : {}) };
  // Files read, dispatched or finished but not yet yielded: a few per worker.
  const window = jobs * 4;
  const pending: Promise<BatchResult>[] = [];
  let next = 0;

  const hashOf = (input: BatchInput): Promise<{ sha256: string; size: number }> =>
    // In chunks, under the same size limit and timeout as the conversion: a special file or
    // a huge one is never read whole.
    hashSourceFile(input.file, { maxBytes: maxInputBytes, signal: AbortSignal.timeout(timeoutMs) });

  const task = (input: BatchInput, hashed: { sha256: string; size: number } | null): Task => {
    const render = options.render?.(input) ?? null;
    return { file: input.file, ...(hashed ?? {}), path: input.path, options: convertOptions, ...(render ? { render } : {}) };
  };

  const start = async (input: BatchInput): Promise<BatchResult> => {
    const started = performance.now();
    if (options.reuse) {
      // Resume: the hash decides whether the earlier result is reused.
      let hashed: { sha256: string; size: number };
      try {
        hashed = await hashOf(input);
      } catch (error) {
        const { kind, message } = error instanceof InputError ? error : new InputError('unreadable', String(error));
        return {
          input,
          reused: false,
          rendered: null,
          conversion: { path: input.path, status: 'failed', message, errorKind: kind, document: null, sha256: '', bytes: 0, format: null, elapsedMs: performance.now() - started },
        };
      }
      // A previous result that cannot be read is simply not reused.
      const reused = await options.reuse(input, hashed.sha256).catch(() => null);
      if (reused) return { input, conversion: reused, reused: true, rendered: null };
      return { input, ...(await pool.run(task(input, hashed))), reused: false };
    }
    // The worker reads the file (checking it as hashOf would) and hashes it; the main thread
    // does not read it at all, unless the worker dies on it: then its hash is recorded here.
    let { conversion, rendered } = await pool.run(task(input, null));
    if (rendered === null && conversion.status === 'failed' && conversion.sha256 === '' && conversion.document === null && DIED.has(conversion.errorKind ?? 'internal')) {
      const hashed = await hashOf(input).catch(() => null);
      if (hashed) conversion = { ...conversion, sha256: hashed.sha256, bytes: hashed.size };
    }
    return { input, conversion, rendered, reused: false };
  };

  try {
    while (next < inputs.length || pending.length > 0) {
      while (next < inputs.length && pending.length < window && !options.signal?.aborted) pending.push(start(inputs[next++] as BatchInput));
      if (options.signal?.aborted) return;
      const head = pending.shift();
      if (!head) return;
      const result = await Promise.race([head, interrupted]);
      if (result === null) return;
      yield result;
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (options.stats) {
      options.stats.peakWorkersMb = Math.max(options.stats.peakWorkersMb, Math.round(pool.peakWorkersMb));
      options.stats.peakWorkerMb = Math.max(options.stats.peakWorkerMb ?? 0, Math.round(pool.peakWorkerMb));
      options.stats.workersCpuMs = (options.stats.workersCpuMs ?? 0) + pool.workersCpuMs;
      options.stats.workersLost = (options.stats.workersLost ?? 0) + pool.workersLost;
    }
    await pool.close();
  }
}
