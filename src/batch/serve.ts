/**
 * The loop of a worker process: tasks arrive over the IPC channel ahead of time and are
 * converted one after another, each answered first with "started" (the pool's clock for
 * the file starts then) and then with its Conversion. The worker ends when the pool goes.
 */
import type { Conversion } from '../convert.js';
import type { Answer, WireTask } from './pool.js';

export function serveTasks(convert: (task: WireTask) => Promise<Conversion>): void {
  const send = (answer: Answer): void => {
    process.send?.(answer);
  };
  let previous: Promise<void> = Promise.resolve();
  process.on('message', (task: WireTask) => {
    previous = previous.then(async () => {
      send({ id: task.id, started: true });
      send({ id: task.id, conversion: await convert(task) });
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
