/**
 * A conversion worker that misbehaves on purpose, by the input's name, to test the pool's
 * isolation: `crash` throws outside any handler (the worker dies), `hang` never answers,
 * `hog` allocates until the heap limit stops it. Everything else converts normally. Like
 * the real worker, it takes tasks one after another in the order they arrive.
 */
import { parentPort } from 'node:worker_threads';
import type { Task } from '../../src/batch/pool.js';
import { convertBytes } from '../../src/convert.js';

async function handle(task: Task): Promise<void> {
  parentPort?.postMessage({ id: task.id, started: true });
  if (task.path.includes('crash')) {
    setImmediate(() => {
      throw new Error('reader blew up');
    });
    return new Promise<void>(() => undefined);
  }
  if (task.path.includes('hang')) for (;;);
  if (task.path.includes('hog')) {
    const hoard: string[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill('内存'));
  }
  parentPort?.postMessage({ id: task.id, conversion: await convertBytes(task.bytes, task.path, task.options) });
}

let previous: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: Task) => {
  previous = previous.then(() => handle(task));
});
