/**
 * A conversion worker that misbehaves on purpose, by the input's name, to test the pool's
 * isolation: `crash` throws outside any handler (the worker dies), `hang` never answers,
 * `hog` allocates until the heap limit stops it. Everything else converts normally.
 */
import { parentPort } from 'node:worker_threads';
import { convertBytes } from '../../src/convert.js';
import type { Task } from '../../src/batch/pool.js';

parentPort?.on('message', (task: Task) => {
  if (task.path.includes('crash')) {
    setImmediate(() => {
      throw new Error('reader blew up');
    });
    return;
  }
  if (task.path.includes('hang')) {
    for (;;);
  }
  if (task.path.includes('hog')) {
    const hoard: string[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill('内存'));
  }
  void convertBytes(task.bytes, task.path, task.options).then((conversion) => parentPort?.postMessage(conversion));
});
