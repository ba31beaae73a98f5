/**
 * The loop of a worker process: tasks arrive over the IPC channel ahead of time and are
 * converted one after another, each answered first with "started" (the pool's clock for
 * the file starts then) and then with its Conversion, or, when the pool asked for it back
 * before its turn (another worker ran out of work), "withdrawn". The worker ends when the
 * pool goes.
 */
import { Worker } from 'node:worker_threads';
import type { Answer, Finished, WireTask, Withdrawal } from './pool.js';

/** The line a worker's watcher writes before it stops the worker (the pool reads it). */
export const RESIDENT_SET_EXCEEDED = 'yusuan worker: resident set past the memory limit';
/**
 * How often the watcher reads the worker's resident set. pdf.js filling buffers outside the
 * heap was seen adding about a gigabyte a second, so a reading every 10 ms lets a worker pass
 * its limit by some 10 MB (the fuzzer allows 10% of it). Every 5 ms, the watcher's wake-ups
 * alone took 3–5% of a core from the conversion.
 */
const WATCH_MS = 10;

/**
 * The worker's own watch on its resident set, from a thread of its own, which runs while the
 * conversion's thread is busy in one long synchronous stretch (pdf.js decoding a stream a
 * damaged PDF claims to be huge can add a gigabyte a second, outside V8's heap, where
 * --max-old-space-size does not reach). Past the limit it says so on stderr, with a direct
 * write (the worker's own stderr stream goes through its busy main thread), and kills the
 * process; the pool reads the line and fails the file as out of memory. The pool's own watch,
 * every 25 ms from outside, stays: it covers a worker whose watcher could not start. The
 * watcher's code is evaluated as CommonJS or as a module as the process was started, so it
 * takes its built-ins with process.getBuiltinModule, not require or import.
 */
const WATCHER = `
const { workerData } = process.getBuiltinModule('node:worker_threads');
const { openSync, readSync, writeSync } = process.getBuiltinModule('node:fs');
// Opened once and read again from offset 0, which makes the kernel write the figures afresh:
// opening the file and splitting a new string at each reading made the watcher cost 40%
// more (4.7% of a core against 3.3%), time taken from the conversion at --jobs 2.
let fd = -1;
try { fd = openSync('/proc/self/statm', 'r'); } catch {}
const buffer = Buffer.alloc(256);
const residentPages = () => {
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  // "size resident shared …": the second number.
  let i = buffer.indexOf(0x20);
  if (i < 0 || i >= n) return NaN;
  let pages = 0;
  for (i++; i < n && buffer[i] >= 0x30 && buffer[i] <= 0x39; i++) pages = pages * 10 + (buffer[i] - 0x30);
  return pages;
};
if (fd >= 0) setInterval(() => {
  let pages;
  try { pages = residentPages(); } catch { return; }
  if ((pages * 4096) / 1048576 > workerData.limitMb) {
    try { writeSync(2, '\\n' + workerData.line + ' (' + workerData.limitMb + ' MB)\\n'); } catch {}
    process.kill(process.pid, 'SIGKILL');
  }
}, workerData.everyMs);
`;

export function watchResidentSet(): void {
  const limitMb = Number(process.env.YUSUAN_WORKER_MAX_RSS_MB);
  if (process.platform !== 'linux' || !(limitMb > 0)) return;
  const watcher = new Worker(WATCHER, { eval: true, workerData: { limitMb, everyMs: WATCH_MS, line: RESIDENT_SET_EXCEEDED }, resourceLimits: { maxOldGenerationSizeMb: 8 } });
  // Should the watcher fail, the pool's watch from outside remains; said under YUSUAN_DEBUG.
  watcher.on('error', (error) => {
    if (process.env.YUSUAN_DEBUG) process.stderr.write(`yusuan worker: the resident-set watcher failed: ${String(error.stack ?? error)}\n`);
  });
  watcher.unref();
}

export function serveTasks(convert: (task: WireTask) => Promise<Finished>): void {
  watchResidentSet();
  const send = (answer: Answer): void => {
    process.send?.(answer);
  };
  let previous: Promise<void> = Promise.resolve();
  // Tasks received and not yet started. A withdrawal answers at once (the conversion under
  // way yields to the event loop between pages), and the task is skipped at its turn.
  const queued = new Set<number>();
  process.on('message', (message: WireTask | Withdrawal) => {
    if ('withdraw' in message) {
      // Too late for a task already started (or done): the pool hears "started" and waits.
      if (queued.delete(message.withdraw)) send({ id: message.withdraw, withdrawn: true });
      return;
    }
    const task = message;
    queued.add(task.id);
    previous = previous.then(async () => {
      if (!queued.delete(task.id)) return;
      send({ id: task.id, started: true });
      const { conversion, rendered } = await convert(task);
      const cpu = process.cpuUsage();
      send({ id: task.id, conversion, ...(rendered ? { rendered } : {}), cpuMs: (cpu.user + cpu.system) / 1000 });
    });
  });
  // A promise rejected after its document was done with (pdf.js tearing down a damaged
  // file) is nobody's failure: left to Node it would end the worker while it converts the
  // next file, and that file would be blamed. Said on stderr under YUSUAN_DEBUG.
  process.on('unhandledRejection', (reason) => {
    if (process.env.YUSUAN_DEBUG) process.stderr.write(`yusuan worker: a promise rejected outside any conversion: ${String((reason as Error)?.stack ?? reason)}\n`);
  });
  // The pool going away (its IPC channel closed) ends the worker.
  process.on('disconnect', () => process.exit(0));
}
