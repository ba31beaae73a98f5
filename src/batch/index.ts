/**
 * Converting many files: in a pool of worker processes, results yielded in input order
 * (so outputs are the same for any number of jobs), a bounded number of files in flight
 * (so memory does not grow with the batch), optional reuse of earlier results (resume),
 * and a clean stop on abort.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Conversion, ConvertOptions } from '../convert.js';
import { readFailure } from '../read/errors.js';
import { WorkerPool, type PoolOptions } from './pool.js';

export interface BatchInput {
  /** Where to read it. */
  file: string;
  /** What outputs call it. */
  path: string;
}

export interface BatchOptions extends ConvertOptions, Partial<PoolOptions> {
  /**
   * Called with each input's hash before it is converted; a conversion returned here is
   * used instead (resume). Return null to convert.
   */
  reuse?: (input: BatchInput, sha256: string) => Promise<Conversion | null>;
  signal?: AbortSignal;
  /** Filled in as the batch runs: what the report says of the workers. */
  stats?: BatchStats;
}

export interface BatchStats {
  /** The largest resident set of the worker processes together, in MB (Linux; 0 elsewhere). */
  peakWorkersMb: number;
  /** The largest resident set of one worker process, in MB (Linux; 0 elsewhere). */
  peakWorkerMb?: number;
}

export interface BatchResult {
  input: BatchInput;
  conversion: Conversion;
  /** True when the conversion came from `reuse`. */
  reused: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_MB = 1024;

export async function* convertBatch(inputs: readonly BatchInput[], options: BatchOptions = {}): AsyncGenerator<BatchResult> {
  const jobs = Math.max(1, options.jobs ?? 1);
  const pool = new WorkerPool({
    jobs: Math.min(jobs, Math.max(1, inputs.length)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB,
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
  });
  const convertOptions: ConvertOptions = { year: options.year ?? null, unit: options.unit ?? null, strict: options.strict ?? false };
  // Files read, dispatched or finished but not yet yielded: a few per worker.
  const window = jobs * 4;
  const pending: Promise<BatchResult>[] = [];
  let next = 0;

  const start = (input: BatchInput): Promise<BatchResult> =>
    readFile(input.file).then(
      async (bytes) => {
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        // A previous result that cannot be read is simply not reused.
        const reused = options.reuse ? await options.reuse(input, sha256).catch(() => null) : null;
        if (reused) return { input, conversion: reused, reused: true };
        const conversion = await pool.run({ file: input.file, sha256, size: bytes.length, path: input.path, options: convertOptions });
        return { input, conversion, reused: false };
      },
      (error: NodeJS.ErrnoException) => ({
        input,
        reused: false,
        conversion: {
          path: input.path,
          status: 'failed',
          message: readFailure(error).reason,
          errorKind: readFailure(error).kind,
          document: null,
          sha256: '',
          bytes: 0,
          format: null,
          elapsedMs: 0,
        },
      }),
    );

  try {
    while (next < inputs.length || pending.length > 0) {
      while (next < inputs.length && pending.length < window && !options.signal?.aborted) pending.push(start(inputs[next++] as BatchInput));
      if (options.signal?.aborted) return;
      const head = pending.shift();
      if (!head) return;
      yield await head;
    }
  } finally {
    if (options.stats) {
      options.stats.peakWorkersMb = Math.max(options.stats.peakWorkersMb, Math.round(pool.peakWorkersMb));
      options.stats.peakWorkerMb = Math.max(options.stats.peakWorkerMb ?? 0, Math.round(pool.peakWorkerMb));
    }
    await pool.close();
  }
}
