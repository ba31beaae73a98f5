/**
 * A conversion worker: a child process of the batch pool that is given a file to read and
 * returns its Conversion. Being a process of its own, it may die on a hostile file (a V8
 * fatal error, an out-of-memory abort) without taking the batch with it.
 *
 * The OCR models are loaded the first time a file needs them and kept for the worker's
 * later files (loading takes about half a second); they go with the process. So does the
 * .docx reader's memo (the styles of the styles parts it has read, see src/read/docx/memo.ts).
 *
 * A task may ask the worker to render the input's outputs as well (task.render): the worker
 * then writes the JSON document and sends the rows, not the document. Serializing the tree
 * for the channel, parsing it back and serializing it again for the file cost the pool's
 * process more time than anything else it did.
 */
import { convertFile } from '../convert.js';
import { renderAndPlace } from '../export/render.js';
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

serveTasks(async (task) => {
  const conversion = await convertFile(fromWire(task.file), { ...task.options, path: task.path, ocrEngine, docxMemo });
  if (!task.render) return { conversion, rendered: null };
  try {
    // The document is written for the pool's process (the parent): a write cut short is its run's to remove.
    const rendered = renderAndPlace(conversion, task.render, process.ppid);
    return { conversion: { ...conversion, document: null }, rendered };
  } catch {
    // A bug in rendering, not a failure to write (renderAndPlace reports those): the document
    // goes back whole, and the pool's process renders it, meeting the bug where it is reported
    // as one, rather than this task going unanswered until its timeout.
    return { conversion, rendered: null };
  }
});
