/**
 * A pool of worker threads that convert one file each at a time. A file that makes its
 * worker throw, hang past the timeout, or run out of memory fails alone: its worker is
 * replaced and the pool goes on. Results are plain Conversion objects either way, so the
 * caller never sees an exception for a user's file.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Conversion, ConvertOptions } from '../convert.js';
import type { InputErrorKind } from '../read/errors.js';

export interface PoolOptions {
  jobs: number;
  /** Per file; a worker still busy after this long is terminated. */
  timeoutMs: number;
  /** Heap limit of each worker, in MB. */
  memoryMb: number;
  /** The worker module; tests substitute one that misbehaves on purpose. */
  workerUrl?: URL;
}

export interface Task {
  /** Set by the pool: the worker's answer names it. */
  id?: number;
  /** The file's content, read (and hashed) by the caller. */
  bytes: Uint8Array;
  sha256: string;
  size: number;
  path: string;
  options: ConvertOptions;
}

interface InFlight {
  task: Task;
  resolve: (c: Conversion) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker, oldest first; the worker converts them in order. */
  queue: InFlight[];
  /** Runs from when the oldest task started. */
  timer: NodeJS.Timeout | null;
  /** False from the moment the worker is lost (error, timeout) until its exit replaces it. */
  alive: boolean;
  /** Why the worker is going away, when it reported an error before exiting. */
  lost: { kind: InputErrorKind; reason: string } | null;
}

/**
 * Tasks sent ahead to each worker. With one, a worker sat idle from its answer until the
 * main thread, busy writing outputs, got round to sending the next file.
 */
const QUEUE_DEPTH = 2;

const DEFAULT_WORKER = new URL(`./worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/** What a worker sends for each task: that it started it, then its conversion. */
export type Answer = { id: number; started: true } | { id: number; conversion: Conversion };

export class WorkerPool {
  private nextId = 1;
  private readonly slots: Slot[] = [];
  private readonly waiting: InFlight[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.jobs; i++) this.slots.push(this.spawn());
  }

  run(task: Task): Promise<Conversion> {
    return new Promise((resolve) => {
      this.waiting.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Stop every worker; tasks not finished resolve as failed (interrupted). */
  async close(): Promise<void> {
    this.closed = true;
    for (const { resolve, task } of this.waiting.splice(0)) resolve(failure(task, 'internal', 'interrupted'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        for (const { task, resolve } of slot.queue.splice(0)) resolve(failure(task, 'internal', 'interrupted'));
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const url = this.options.workerUrl ?? DEFAULT_WORKER;
    // A larger young generation: pdf.js allocates many short-lived objects per page.
    const resourceLimits = { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: 64 };
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(typeScriptBootstrap(url), { eval: true, resourceLimits })
      : new Worker(url, { resourceLimits });
    const slot: Slot = { worker, queue: [], timer: null, alive: true, lost: null };
    worker.on('message', (answer: Answer) => {
      const index = slot.queue.findIndex((f) => f.task.id === answer.id);
      if (index < 0) return;
      if (!('conversion' in answer)) {
        // The clock of the oldest task restarts when the worker actually starts it, so a
        // worker's start-up (loading modules) is not charged to the file.
        if (index === 0) {
          if (slot.timer) clearTimeout(slot.timer);
          this.startTimer(slot);
        }
        return;
      }
      const conversion = answer.conversion;
      const [done] = slot.queue.splice(index, 1);
      if (index === 0) {
        // The oldest task is done: the clock starts for the next one.
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        if (slot.queue.length > 0) this.startTimer(slot);
      }
      done?.resolve(conversion);
      this.dispatch();
    });
    // The error is remembered and acted on at exit: the answers the worker sent before it
    // failed may still be on their way, and only after them is the oldest task left in the
    // queue the one that broke the worker.
    worker.on('error', (error: Error & { code?: string }) => {
      slot.alive = false;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      slot.lost ??= outOfMemory
        ? { kind: 'too-large', reason: `ran out of memory (limit ${this.options.memoryMb} MB)` }
        : { kind: 'internal', reason: `internal error: ${error.message}` };
    });
    worker.on('exit', () => {
      if (this.closed) return;
      const lost = slot.lost ?? { kind: 'internal', reason: 'internal error: the conversion worker stopped' };
      if (slot.queue.length > 0) this.fail(slot, lost.kind, lost.reason);
      this.replace(slot);
    });
    worker.unref();
    return slot;
  }

  /**
   * The worker is lost: its oldest task is the one that broke it and fails; the tasks
   * queued behind it go back to the front of the line for another worker.
   */
  private fail(slot: Slot, kind: InputErrorKind, reason: string): void {
    slot.alive = false;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [culprit, ...innocent] = slot.queue.splice(0);
    culprit?.resolve(failure(culprit.task, kind, reason));
    this.waiting.unshift(...innocent);
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private startTimer(slot: Slot): void {
    const head = slot.queue[0];
    if (!head) return;
    slot.timer = setTimeout(() => {
      if (slot.queue[0] !== head) return;
      this.fail(slot, 'timeout', `timed out after ${Math.round(this.options.timeoutMs / 1000)} s`);
      // A hung worker cannot be interrupted: terminate it; its exit spawns a replacement.
      void slot.worker.terminate();
    }, this.options.timeoutMs);
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      while (slot.alive && slot.queue.length < QUEUE_DEPTH) {
        const next = this.waiting.shift();
        if (!next) return;
        next.task.id = this.nextId++;
        slot.queue.push(next);
        if (slot.queue.length === 1) this.startTimer(slot);
        // A copy moves to the worker; the task keeps its bytes in case it must be sent again.
        const { bytes, ...rest } = next.task;
        const copy = new Uint8Array(bytes);
        slot.worker.postMessage({ ...rest, bytes: copy }, [copy.buffer]);
      }
    }
  }
}

/**
 * Running from the TypeScript sources (tests, tsx): a worker thread does not inherit the
 * parent's module loader, so it registers tsx itself before loading the worker module.
 */
function typeScriptBootstrap(url: URL): string {
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
}

function failure(task: Task, kind: InputErrorKind, message: string): Conversion {
  return { path: task.path, status: 'failed', message, errorKind: kind, document: null, sha256: task.sha256, bytes: task.size, format: null, elapsedMs: 0 };
}
