/**
 * A conversion worker: receives a file's bytes, returns its Conversion. Runs in a worker
 * thread so that the pool can time it out or let it run out of memory without harm.
 */
import { parentPort } from 'node:worker_threads';
import { convertBytes } from '../convert.js';
import type { Answer, Task } from './pool.js';

// Tasks arrive ahead of time; convert them one after another, answering in order.
let previous: Promise<void> = Promise.resolve();

parentPort?.on('message', (task: Task) => {
  previous = previous.then(async () => {
    const id = task.id ?? 0;
    parentPort?.postMessage({ id, started: true } satisfies Answer);
    parentPort?.postMessage({ id, conversion: await convertBytes(task.bytes, task.path, task.options) } satisfies Answer);
  });
});
