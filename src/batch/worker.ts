/**
 * A conversion worker: a child process of the batch pool that is given a file to read and
 * returns its Conversion. Being a process of its own, it may die on a hostile file (a V8
 * fatal error, an out-of-memory abort) without taking the batch with it.
 */
import { convertFile } from '../convert.js';
import type { Answer, Task } from './pool.js';

const send = (answer: Answer): void => {
  process.send?.(answer);
};

// Tasks arrive ahead of time; convert them one after another, answering in order.
let previous: Promise<void> = Promise.resolve();

process.on('message', (task: Task) => {
  previous = previous.then(async () => {
    const id = task.id ?? 0;
    send({ id, started: true });
    send({ id, conversion: await convertFile(task.file, { ...task.options, path: task.path }) });
  });
});

// The pool going away (its IPC channel closed) ends the worker.
process.on('disconnect', () => process.exit(0));
