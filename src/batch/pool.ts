/**
 * A pool of worker processes that convert one file each at a time. A file that makes its
 * worker throw, crash (a V8 fatal error, a native fault), hang past the timeout, or run out
 * of memory fails alone: its process is replaced and the pool goes on. Processes, not
 * threads: an abort in a thread takes the whole process, and every other file of the batch,
 * with it. Results are plain Conversion objects either way, so the caller never sees an
 * exception for a user's file.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Conversion, ConvertOptions } from '../convert.js';
import type { RenderedByWorker, RenderSpec } from '../export/render.js';
import type { InputErrorKind } from '../read/errors.js';
import type { SourcePath } from '../read/source-file.js';
import { RESIDENT_SET_EXCEEDED } from './serve.js';

export interface PoolOptions {
  jobs: number;
  /** Per file; a worker still busy after this long is terminated. */
  timeoutMs: number;
  /** Memory limit of each worker, in MB: its resident set; its V8 heap is capped below it. */
  memoryMb: number;
  /** Inputs larger than this many bytes fail unread (the worker checks again before reading). */
  maxInputBytes?: number;
  /** The worker module; tests substitute one that misbehaves on purpose. */
  workerUrl?: URL;
}

/**
 * A path as it crosses the channel (JSON): a string as it is, the bytes of a name that is
 * not UTF-8 in base64.
 */
export type WirePath = string | { base64: string };

export function toWire(path: SourcePath): WirePath {
  return typeof path === 'string' ? path : { base64: path.toString('base64') };
}

export function fromWire(path: WirePath): SourcePath {
  return typeof path === 'string' ? path : Buffer.from(path.base64, 'base64');
}

export interface Task {
  /** Set by the pool: the worker's answer names it. */
  id?: number;
  /**
   * Where the worker reads the file. Its bytes are not sent: a path costs nothing to pass,
   * bytes cost a copy and serialization both ways of the channel.
   */
  file: SourcePath;
  /**
   * The hash and size of the file when the caller has read it (what a failure records);
   * otherwise a failure records none and the caller may hash the file then.
   */
  sha256?: string;
  size?: number;
  path: string;
  options: ConvertOptions;
  /**
   * The outputs the worker renders, and the document it places, itself: then its answer
   * carries them instead of the document (see Finished).
   */
  render?: RenderSpec;
}

/** A task as the worker receives it. */
export interface WireTask {
  id: number;
  file: WirePath;
  path: string;
  options: ConvertOptions & { maxInputBytes?: number; timeoutMs?: number };
  render?: RenderSpec;
}

/**
 * A task's end: its conversion and, when the task asked for it and the worker lived to send
 * it, its rendered outputs, in which case the conversion carries no document (it is in the
 * outputs, and its JSON file already written).
 */
export interface Finished {
  conversion: Conversion;
  rendered: RenderedByWorker | null;
}

interface InFlight {
  task: Task;
  resolve: (finished: Finished) => void;
  /** When the worker started it (performance.now()), for what a failure records. */
  startedAt?: number;
  /** Asked back from its worker, unstarted, for an idle one; until the worker answers. */
  withdrawing?: boolean;
}

interface Slot {
  worker: ChildProcess;
  /** The end of what the worker wrote to stderr: a V8 fatal error says why it died. */
  stderr: string;
  /** Tasks sent to this worker, oldest first; the worker converts them in order. */
  queue: InFlight[];
  /** Runs from when the oldest task started. */
  timer: NodeJS.Timeout | null;
  /** False from the moment the worker is lost (error, timeout) until its exit replaces it. */
  alive: boolean;
  /** Why the worker is going away, when it reported an error before exiting. */
  lost: { kind: InputErrorKind; reason: string } | null;
  /** The worker's CPU time in ms as of its last answer. */
  cpuMs: number;
}

/**
 * Tasks sent ahead to each worker. With one, a worker sat idle from its answer until the
 * main thread, busy writing outputs, got round to sending the next file. A task sent ahead
 * but not started is asked back when another worker runs out of work (withdraw), so a
 * large file does not hold a small one behind it while a worker idles.
 */
const QUEUE_DEPTH = 2;

const DEFAULT_WORKER = new URL(`./worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * What a worker sends for each task: that it started it, then its conversion; or, for a task
 * the pool asked back before the worker started it, that it was withdrawn unstarted. With a
 * conversion comes the CPU time the worker has used so far (user + system, ms, its helper
 * threads included: V8's collector and compiler), so the report can say how the run's CPU
 * divided between the main process and the workers.
 */
export type Answer = { id: number; started: true } | { id: number; conversion: Conversion; rendered?: RenderedByWorker; cpuMs?: number } | { id: number; withdrawn: true };

/** The pool asks a worker for a task back: one it has not started. */
export interface Withdrawal {
  withdraw: number;
}

export class WorkerPool {
  private nextId = 1;
  private readonly slots: Slot[] = [];
  private readonly waiting: InFlight[] = [];
  private closed = false;

  /** The largest resident set of all workers together seen so far, in MB (Linux). */
  peakWorkersMb = 0;
  /** The largest resident set of one worker seen so far, in MB (Linux). */
  peakWorkerMb = 0;
  /** How many workers were lost (on a file, or unreachable) and replaced. */
  workersLost = 0;
  /** The CPU time of workers that were replaced (lost on a file), as of their last answers. */
  private retiredCpuMs = 0;

  /**
   * The CPU time the workers have used, in ms, as of their last answers: what they spent
   * converting; a worker's start-up before its first file and its exit are not counted,
   * nor the time of a worker lost on a file since its last answer.
   */
  get workersCpuMs(): number {
    return this.slots.reduce((n, slot) => n + slot.cpuMs, this.retiredCpuMs);
  }
  private readonly memoryWatch: NodeJS.Timeout | null;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.jobs; i++) this.slots.push(this.spawn());
    this.memoryWatch = process.platform === 'linux' ? setInterval(() => this.watchMemory(), RSS_POLL_MS).unref() : null;
  }

  run(task: Task): Promise<Finished> {
    return new Promise((resolve) => {
      this.waiting.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Stop every worker; tasks not finished resolve as failed (interrupted). */
  async close(): Promise<void> {
    this.abandonTasks();
    await Promise.all(this.slots.map((slot) => stop(slot.worker)));
  }

  /**
   * Stop every worker now, busy or not (an interrupt): nothing is waited for. Tasks not
   * finished resolve as interrupted; close() afterwards finds the workers gone.
   */
  kill(): void {
    this.abandonTasks();
    for (const slot of this.slots) {
      slot.alive = false;
      slot.worker.kill('SIGKILL');
    }
  }

  /** No more work: every task not finished resolves as interrupted, no timer or watch runs. */
  private abandonTasks(): void {
    this.closed = true;
    if (this.memoryWatch) clearInterval(this.memoryWatch);
    for (const { resolve, task } of this.waiting.splice(0)) resolve(failure(task, 'internal', 'interrupted'));
    for (const slot of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      for (const { task, resolve } of slot.queue.splice(0)) resolve(failure(task, 'internal', 'interrupted'));
    }
  }

  private spawn(): Slot {
    const url = this.options.workerUrl ?? DEFAULT_WORKER;
    const execArgv = [
      // The heap is capped below the process limit, so that V8 stops a runaway first and
      // says so; the resident-set watch catches what is allocated outside the heap.
      `--max-old-space-size=${heapLimitMb(this.options.memoryMb)}`,
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
      // Running from the TypeScript sources (tests, tsx): the worker loads them through tsx.
      ...(url.pathname.endsWith('.ts') ? ['--import', 'tsx'] : []),
    ];
    const worker = fork(fileURLToPath(url), [], { execArgv, serialization: 'json', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, YUSUAN_WORKER: '1', YUSUAN_WORKER_MAX_RSS_MB: String(this.options.memoryMb) } });
    const slot: Slot = { worker, stderr: '', queue: [], timer: null, alive: true, lost: null, cpuMs: 0 };
    worker.stderr?.setEncoding('utf8');
    worker.stderr?.on('data', (chunk: string) => {
      slot.stderr = (slot.stderr + chunk).slice(-STDERR_KEPT);
    });
    worker.on('message', (answer: Answer) => {
      const index = slot.queue.findIndex((f) => f.task.id === answer.id);
      if (index < 0) return;
      if ('withdrawn' in answer) {
        const [back] = slot.queue.splice(index, 1);
        if (index === 0) {
          if (slot.timer) clearTimeout(slot.timer);
          slot.timer = null;
          if (slot.queue.length > 0) this.startTimer(slot);
        }
        if (back) {
          back.withdrawing = false;
          this.waiting.unshift(back);
        }
        this.dispatch();
        return;
      }
      if (!('conversion' in answer)) {
        const started = slot.queue[index] as InFlight;
        started.startedAt = performance.now();
        // Asked back too late: the worker had started it, and the request is void.
        started.withdrawing = false;
        // The clock of the oldest task restarts when the worker actually starts it, so a
        // worker's start-up (loading modules) is not charged to the file.
        if (index === 0) {
          if (slot.timer) clearTimeout(slot.timer);
          this.startTimer(slot);
        }
        return;
      }
      const finished: Finished = { conversion: answer.conversion, rendered: answer.rendered ?? null };
      if (answer.cpuMs !== undefined) slot.cpuMs = answer.cpuMs;
      const [done] = slot.queue.splice(index, 1);
      if (index === 0) {
        // The oldest task is done: the clock starts for the next one.
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        if (slot.queue.length > 0) this.startTimer(slot);
      }
      done?.resolve(finished);
      this.dispatch();
    });
    worker.on('error', (error: Error) => {
      // The process could not be started or messaged: nothing the file did.
      slot.alive = false;
      slot.lost ??= { kind: 'internal', reason: `internal error: the conversion worker failed (${error.message})` };
    });
    // The loss is acted on at exit: the answers the worker sent before it died may still be
    // on their way, and only after them is the oldest task left in the queue the one that
    // broke the worker.
    worker.on('exit', (code, signal) => {
      slot.alive = false;
      if (this.closed) return;
      const lost = slot.lost ?? this.causeOfDeath(slot.stderr, code, signal);
      if (slot.queue.length > 0) this.fail(slot, lost.kind, lost.reason, lost.kind === 'internal' || lost.kind === 'crashed' ? slot.stderr.trim() : undefined);
      this.replace(slot);
    });
    // Not unref'd: the answers the batch waits for arrive over this channel, and nothing
    // else keeps the process running meanwhile. close() stops the workers.
    return slot;
  }

  /** Why a worker died, from its exit and the last thing it wrote. */
  private causeOfDeath(stderr: string, code: number | null, signal: NodeJS.Signals | null): { kind: InputErrorKind; reason: string } {
    if (/heap out of memory|Reached heap limit|Allocation failed/u.test(stderr) || stderr.includes(RESIDENT_SET_EXCEEDED)) {
      return { kind: 'too-large', reason: `ran out of memory (limit ${this.options.memoryMb} MB)` };
    }
    // `# Fatal error in , line 0` / `# Fatal JavaScript invalid size error 169220804 (see …)`,
    // or a `# Check failed: …` line under the first.
    const fatal = /Fatal JavaScript ([^\n(]+)/u.exec(stderr) ?? /Fatal error[^\n]*\n#\s*([^\n]+)/u.exec(stderr);
    if (fatal) return { kind: 'crashed', reason: `the reader crashed (V8 fatal: ${describeFatal(fatal[1] ?? '')}); file skipped` };
    if (signal !== null) return { kind: 'crashed', reason: `the reader crashed (${signal}); file skipped` };
    // An exception nothing caught: a bug, reported with its message (the stack is on stderr).
    const uncaught = /^\s*(?:Uncaught )?[A-Za-z]*Error: (.+)$/mu.exec(stderr);
    if (uncaught) return { kind: 'internal', reason: `internal error: ${uncaught[1]}` };
    return { kind: 'internal', reason: `internal error: the conversion worker stopped (exit code ${code ?? '?'})` };
  }

  /**
   * Reads every worker's resident set: one past the limit is stopped (memory outside V8's
   * heap counts too), and the largest total is kept for the report.
   */
  private watchMemory(): void {
    let total = 0;
    for (const slot of this.slots) {
      if (!slot.alive || slot.worker.pid === undefined) continue;
      const rss = residentMb(slot.worker.pid);
      if (rss === null) continue;
      total += rss;
      this.peakWorkerMb = Math.max(this.peakWorkerMb, rss);
      if (rss <= this.options.memoryMb || slot.queue.length === 0) continue;
      slot.lost = { kind: 'too-large', reason: `ran out of memory (limit ${this.options.memoryMb} MB)` };
      slot.alive = false;
      slot.worker.kill('SIGKILL');
    }
    this.peakWorkersMb = Math.max(this.peakWorkersMb, total);
  }

  /**
   * The worker is lost: its oldest task is the one that broke it and fails; the tasks
   * queued behind it go back to the front of the line for another worker.
   */
  private fail(slot: Slot, kind: InputErrorKind, reason: string, stack?: string): void {
    slot.alive = false;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [culprit, ...innocent] = slot.queue.splice(0);
    const elapsedMs = culprit?.startedAt !== undefined ? performance.now() - culprit.startedAt : 0;
    if (culprit) {
      const lost = failure(culprit.task, kind, reason);
      culprit.resolve({ ...lost, conversion: { ...lost.conversion, elapsedMs, ...(stack ? { stack } : {}) } });
    }
    for (const task of innocent) task.withdrawing = false;
    this.waiting.unshift(...innocent);
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    this.retiredCpuMs += slot.cpuMs;
    this.workersLost++;
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private startTimer(slot: Slot): void {
    const head = slot.queue[0];
    if (!head) return;
    slot.timer = setTimeout(() => {
      if (slot.queue[0] !== head) return;
      this.fail(slot, 'timeout', `timed out after ${Math.round(this.options.timeoutMs / 1000)} s`);
      // A hung worker cannot be interrupted: kill it; its exit spawns a replacement.
      slot.worker.kill('SIGKILL');
    }, this.options.timeoutMs);
  }

  /**
   * Sends waiting tasks to workers, breadth first (every worker one before any a second, so
   * two files on two workers run side by side); with none waiting, asks a busy worker for an
   * unstarted task back for each worker that has run out of work.
   */
  private dispatch(): void {
    if (this.closed) return;
    for (let depth = 1; depth <= QUEUE_DEPTH; depth++) {
      for (const slot of this.slots) {
        if (!slot.alive || slot.queue.length >= depth) continue;
        const next = this.waiting.shift();
        if (!next) {
          this.withdrawForIdle();
          return;
        }
        this.send(slot, next);
      }
    }
  }

  private send(slot: Slot, next: InFlight): void {
    const id = this.nextId++;
    next.task.id = id;
    slot.queue.push(next);
    if (slot.queue.length === 1) this.startTimer(slot);
    const wire: WireTask = {
      id,
      file: toWire(next.task.file),
      path: next.task.path,
      // timeoutMs lets a reader that starts a program of its own (LibreOffice) end it in time.
      options: { ...next.task.options, timeoutMs: this.options.timeoutMs, ...(this.options.maxInputBytes !== undefined ? { maxInputBytes: this.options.maxInputBytes } : {}) },
      ...(next.task.render ? { render: next.task.render } : {}),
    };
    this.message(slot, wire);
  }

  private message(slot: Slot, message: WireTask | Withdrawal): void {
    slot.worker.send(message, (error) => {
      if (error) {
        slot.lost ??= { kind: 'internal', reason: `internal error: the conversion worker could not be reached (${error.message})` };
        slot.worker.kill('SIGKILL');
      }
    });
  }

  /**
   * One withdrawal asked for each idle worker not already waiting on one: of the busy worker
   * with the most queued, its last task not started. The worker answers "withdrawn" (the task
   * goes back to the front of the line) or, having started it meanwhile, converts it.
   */
  private withdrawForIdle(): void {
    const idle = this.slots.filter((s) => s.alive && s.queue.length === 0).length;
    let asked = this.slots.reduce((n, s) => n + s.queue.filter((f) => f.withdrawing).length, 0);
    while (asked < idle) {
      let from: { slot: Slot; task: InFlight } | null = null;
      for (const slot of this.slots) {
        if (!slot.alive) continue;
        const candidates = slot.queue.slice(1).filter((f) => f.startedAt === undefined && !f.withdrawing);
        const last = candidates.at(-1);
        if (last && (!from || slot.queue.length > from.slot.queue.length)) from = { slot, task: last };
      }
      if (!from) return;
      from.task.withdrawing = true;
      this.message(from.slot, { withdraw: from.task.task.id as number });
      asked++;
    }
  }
}

/** The end of a worker's stderr kept, for the V8 message that says why it died. */
const STDERR_KEPT = 4096;
/**
 * How often a working worker's resident set is read. pdf.js on a damaged PDF can allocate a
 * gigabyte a second outside V8's heap (typed arrays, which --max-old-space-size does not
 * bound): read every 100 ms, a worker stopped at 512 MB had already reached 599. Reading
 * /proc/PID/statm takes some 30 µs, so 40 reads a second per worker cost nothing.
 */
const RSS_POLL_MS = 25;

/** V8's heap limit for a worker given its memory limit: room is left for code, buffers and pdf.js's native memory. */
function heapLimitMb(memoryMb: number): number {
  return Math.max(32, Math.floor(memoryMb * 0.8));
}

/**
 * How far V8 lets the old generation grow between full collections, in percent (V8's own
 * flag). V8 picks the factor from the heap limit: 4× for a limit of 1 GB or more, less below
 * it, down to 1.3× for small heaps. The cap of heapLimitMb (819 MB at the default 1,024 MB
 * of --max-memory) put workers just below that line, and they collected as if memory were
 * short: on the 29 real-2026 PDFs in one process, 28.8–30.0 s of CPU against 24.3–25.3 s
 * uncapped, 20.0–21.2 s against 17.7–18.4 s of wall time. Given the factor large heaps get (4×, 300%), the capped
 * process takes the uncapped one's time (17.9–18.6 s wall, 24.5–25.4 s CPU) and keeps its cap: V8 still collects
 * everything before it gives up at the limit, so what a file may use is unchanged.
 */
const HEAP_GROWING_PERCENT = 300;

/** The resident set of a process in MB (Linux: /proc/PID/statm, in pages); null when unreadable. */
function residentMb(pid: number): number | null {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? (pages * 4096) / (1024 * 1024) : null;
  } catch {
    return null;
  }
}

/** `invalid size error 169220804 ` → `invalid size error`: the kind, not the number. */
function describeFatal(text: string): string {
  return text.replace(/[\s:]*\d+\s*$/u, '').trim() || 'fatal error';
}

/** How long an idle worker is given to exit once its channel closes, before it is killed. */
const EXIT_GRACE_MS = 1000;

/** Stop a worker and wait for it to be gone: asked (its channel closed), then killed. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => worker.kill('SIGKILL'), EXIT_GRACE_MS);
    worker.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    if (worker.connected) worker.disconnect();
    else worker.kill('SIGKILL');
  });
}

/** A task that ends without its worker's answer: nothing rendered, its document not touched. */
function failure(task: Task, kind: InputErrorKind, message: string): Finished {
  return {
    conversion: { path: task.path, status: 'failed', message, errorKind: kind, document: null, sha256: task.sha256 ?? '', bytes: task.size ?? 0, format: null, elapsedMs: 0 },
    rendered: null,
  };
}
