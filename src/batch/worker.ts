/**
 * A conversion worker: a child process of the batch pool that is given a file to read and
 * returns its Conversion. Being a process of its own, it may die on a hostile file (a V8
 * fatal error, an out-of-memory abort) without taking the batch with it.
 */
import { convertFile } from '../convert.js';
import { fromWire } from './pool.js';
import { serveTasks } from './serve.js';

serveTasks((task) => convertFile(fromWire(task.file), { ...task.options, path: task.path }));
