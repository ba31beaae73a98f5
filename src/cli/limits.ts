/**
 * The limits of a conversion, one set of options for every command that converts
 * (convert; check and diff on .docx and .pdf arguments): how many files at once, and how
 * long, how much memory and how large an input each may take.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS } from '../batch/index.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../read/source-file.js';
import { UsageError } from './usage.js';

export interface ConversionLimits {
  jobs: number;
  timeoutMs: number;
  memoryMb: number;
  maxInputBytes: number;
}

/** The options, for parseArgs. */
export const LIMIT_OPTIONS = {
  jobs: { type: 'string', default: String(availableParallelism()) },
  timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_MS / 1000) },
  'max-memory': { type: 'string', default: String(DEFAULT_MEMORY_MB) },
  'max-input-size': { type: 'string', default: String(DEFAULT_MAX_INPUT_BYTES / (1024 * 1024)) },
} as const;

/** The options as help prints them. */
export const LIMIT_HELP = `      --jobs <N>         files converted at once, each in a worker process of its own
                         (default: the number of CPU cores)
      --timeout <s>      give up on a file after this many seconds (default: 60)
      --max-memory <MB>  memory limit per worker, its resident set (default: 1024)
      --max-input-size <MB>
                         inputs larger than this are not read (default: 256)
`;

export function parseLimits(values: { jobs: string; timeout: string; 'max-memory': string; 'max-input-size': string }): ConversionLimits {
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not "${values.jobs}"`);
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout must be a number of seconds above 0, not "${values.timeout}"`);
  const memoryMb = Number(values['max-memory']);
  if (!Number.isInteger(memoryMb) || memoryMb < 64) throw new UsageError(`--max-memory must be a whole number of MB, at least 64, not "${values['max-memory']}"`);
  const maxInputMb = Number(values['max-input-size']);
  if (!Number.isFinite(maxInputMb) || maxInputMb <= 0) throw new UsageError(`--max-input-size must be a number of MB above 0, not "${values['max-input-size']}"`);
  return { jobs, timeoutMs: timeout * 1000, memoryMb, maxInputBytes: Math.floor(maxInputMb * 1024 * 1024) };
}
