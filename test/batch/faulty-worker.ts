/**
 * A conversion worker that misbehaves on purpose, by the input's name, to test the pool's
 * isolation: `crash` throws outside any handler (the worker dies), `abort` dies as V8 does
 * on a fatal error (its message on stderr, then SIGABRT), `hang` never answers, `hog`
 * allocates until the heap limit stops it, `bloat` holds memory outside the heap (buffers)
 * until the resident-set limit stops it, `stray` converts and leaves behind a promise that
 * rejects, unawaited, while the worker converts its next file (as pdf.js may, tearing down
 * a damaged file), `slow` waits SLOW_MS (the event loop free, as between a PDF's pages)
 * before converting. Everything else converts normally. It serves tasks with the real
 * worker's loop.
 */
import { fromWire, type WireTask } from '../../src/batch/pool.js';
import { serveTasks } from '../../src/batch/serve.js';
import { convertFile, type Conversion } from '../../src/convert.js';
import { SLOW_MS } from '../limits.js';

/** Set by a `stray` file: the next conversion meets its late rejection. */
let strayLeftBehind = false;

async function handle(task: WireTask): Promise<Conversion> {
  if (strayLeftBehind) {
    strayLeftBehind = false;
    setImmediate(() => void Promise.reject(new Error('a late rejection')));
  }
  if (task.path.includes('crash')) {
    setImmediate(() => {
      throw new Error('reader blew up');
    });
    return new Promise<Conversion>(() => undefined);
  }
  if (task.path.includes('abort')) {
    process.stderr.write('\n#\n# Fatal JavaScript invalid size error 169220804\n#\n', () => process.abort());
    return new Promise<Conversion>(() => undefined);
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
  if (task.path.includes('stray')) strayLeftBehind = true;
  if (task.path.includes('slow')) await new Promise((r) => setTimeout(r, SLOW_MS));
  return convertFile(fromWire(task.file), { ...task.options, path: task.path });
}

serveTasks(async (task) => ({ conversion: await handle(task), rendered: null }));
