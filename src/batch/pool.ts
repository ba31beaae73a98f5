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
  /** The file's content, read (and hashed) by the caller; moved, not copied, to the worker. */
  bytes: Uint8Array;
  sha256: string;
  size: number;
  path: string;
  options: ConvertOptions;
}

interface Slot {
  worker: Worker;
  busy: { task: Task; resolve: (c: Conversion) => void; timer: NodeJS.Timeout } | null;
}

const DEFAULT_WORKER = new URL(`./worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { task: Task; resolve: (c: Conversion) => void }[] = [];
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

  /** Stop every worker; tasks still running resolve as failed (interrupted). */
  async close(): Promise<void> {
    this.closed = true;
    for (const { resolve, task } of this.waiting.splice(0)) resolve(failure(task, 'internal', 'interrupted'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.busy) this.finish(slot, failure(slot.busy.task, 'internal', 'interrupted'));
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const url = this.options.workerUrl ?? DEFAULT_WORKER;
    const resourceLimits = { maxOldGenerationSizeMb: this.options.memoryMb };
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(typeScriptBootstrap(url), { eval: true, resourceLimits })
      : new Worker(url, { resourceLimits });
    const slot: Slot = { worker, busy: null };
    worker.on('message', (conversion: Conversion) => {
      if (slot.busy) this.finish(slot, conversion);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!slot.busy) return;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const reason = outOfMemory ? `ran out of memory (limit ${this.options.memoryMb} MB)` : `internal error: ${error.message}`;
      this.finish(slot, failure(slot.busy.task, outOfMemory ? 'too-large' : 'internal', reason));
    });
    worker.on('exit', () => {
      if (this.closed) return;
      if (slot.busy) this.finish(slot, failure(slot.busy.task, 'internal', 'internal error: the conversion worker stopped'));
      this.replace(slot);
    });
    worker.unref();
    return slot;
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.waiting.shift();
      if (!next) return;
      const timer = setTimeout(() => {
        if (slot.busy?.task !== next.task) return;
        this.finish(slot, failure(next.task, 'timeout', `timed out after ${Math.round(this.options.timeoutMs / 1000)} s`));
        // A hung worker cannot be interrupted: terminate it; its exit spawns a replacement.
        void slot.worker.terminate();
      }, this.options.timeoutMs);
      slot.busy = { task: next.task, resolve: next.resolve, timer };
      const { bytes, ...rest } = next.task;
      // The task keeps its path and hash for failure reports; the bytes move to the worker.
      const copy = new Uint8Array(bytes);
      slot.worker.postMessage({ ...rest, bytes: copy }, [copy.buffer]);
      next.task.bytes = new Uint8Array(0);
    }
  }

  private finish(slot: Slot, conversion: Conversion): void {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = null;
    busy.resolve(conversion);
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
