/**
 * A conversion worker that misbehaves on purpose, by the input's name, to test the pool's
 * isolation: `crash` throws outside any handler (the worker dies), `abort` dies as V8 does
 * on a fatal error (its message on stderr, then SIGABRT), `hang` never answers, `hog`
 * allocates until the heap limit stops it, `bloat` holds memory outside the heap (buffers)
 * until the resident-set limit stops it. Everything else converts normally. Like the real
 * worker, it takes tasks one after another in the order they arrive.
 */
import type { Task } from '../../src/batch/pool.js';
import { convertFile } from '../../src/convert.js';

async function handle(task: Task): Promise<void> {
  process.send?.({ id: task.id, started: true });
  if (task.path.includes('crash')) {
    setImmediate(() => {
      throw new Error('reader blew up');
    });
    return new Promise<void>(() => undefined);
  }
  if (task.path.includes('abort')) {
    process.stderr.write('\n#\n# Fatal JavaScript invalid size error 169220804\n#\n', () => process.abort());
    return new Promise<void>(() => undefined);
  }
  if (task.path.includes('hang')) for (;;);
  if (task.path.includes('hog')) {
    const hoard: string[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill('内存'));
  }
  if (task.path.includes('bloat')) {
    const hoard: Buffer[] = [];
    for (;;) {
      hoard.push(Buffer.alloc(16 * 1024 * 1024, 1));
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  process.send?.({ id: task.id, conversion: await convertFile(task.file, { ...task.options, path: task.path }) });
}

let previous: Promise<void> = Promise.resolve();
process.on('message', (task: Task) => {
  previous = previous.then(() => handle(task));
});
process.on('disconnect', () => process.exit(0));
