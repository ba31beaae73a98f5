/**
 * A conversion worker: receives a file's bytes, returns its Conversion. Runs in a worker
 * thread so that the pool can time it out or let it run out of memory without harm.
 */
import { parentPort } from 'node:worker_threads';
import { convertBytes } from '../convert.js';
import type { Task } from './pool.js';

parentPort?.on('message', (task: Task) => {
  void convertBytes(task.bytes, task.path, task.options).then((conversion) => parentPort?.postMessage(conversion));
});
