/**
 * A conversion worker: a child process of the batch pool that is given a file to read and
 * returns its Conversion. Being a process of its own, it may die on a hostile file (a V8
 * fatal error, an out-of-memory abort) without taking the batch with it.
 *
 * The OCR models are loaded the first time a file needs them and kept for the worker's
 * later files (loading takes about half a second); they go with the process. So does the
 * .docx reader's memo (the styles of the styles parts it has read, see src/read/docx/memo.ts).
 */
import { convertFile } from '../convert.js';
import { DocxMemo } from '../read/docx/memo.js';
import type { OcrEngine } from '../read/pdf/ocr/engine.js';
import { fromWire } from './pool.js';
import { serveTasks } from './serve.js';

let engine: Promise<OcrEngine> | null = null;
const ocrEngine = (): Promise<OcrEngine> => {
  engine ??= import('../read/pdf/ocr/engine.js').then((m) => m.OcrEngine.load());
  return engine;
};

const docxMemo = new DocxMemo();

serveTasks((task) => convertFile(fromWire(task.file), { ...task.options, path: task.path, ocrEngine, docxMemo }));
