/**
 * The channel between pdf.js's two halves when both run in this thread.
 *
 * On Node, pdf.js runs its parsing half (the "worker") in the same thread as its API half
 * and joins them with a loopback port that copies every message with structuredClone, as a
 * real worker boundary would. Most of what crosses is the operator list and the text
 * content of each page, and the copy of the operator list alone was a sixth of the time of
 * reading a real disclosure: every glyph of every text-showing operator is an object with a
 * dozen fields, copied field by field, for a reader that only looks at the paths.
 *
 * This port delivers messages the way pdf.js's own does (asynchronously, to every listener,
 * in order) but copies only as deep as the sending half can still reach:
 * - a message whose fields are all primitives (the stream controls, most replies) is copied
 *   with a spread;
 * - a chunk of an operator list or of text content is copied one level down: the sending
 *   half empties or replaces those arrays once a chunk is sent (OperatorList.flush sets
 *   their length to 0; the text extractor starts new arrays), while the operator
 *   arguments, glyphs and text items inside are built afresh for each operator and never
 *   written again, so the two halves may share them;
 * - anything else (documents, fonts, images, errors) goes through structuredClone with its
 *   transfer list, as before.
 * Nothing here writes to what it receives, so sharing is safe as long as the reader treats
 * operator arguments as read-only (it does: rulings.ts only reads them). The text items and
 * operator lists read through this port are the same as through pdf.js's own, which the
 * tests check on every fixture and every real disclosure.
 */
import { PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js's MessageHandler stream-message kind for a chunk of data (StreamKind.ENQUEUE). */
const STREAM_ENQUEUE = 4;

/** What structuredClone may transfer rather than copy (ArrayBuffers, ports). */
type TransferList = NonNullable<NonNullable<Parameters<typeof structuredClone>[1]>['transfer']>;

type Listener = (this: unknown, event: { data: unknown }) => void;

interface WorkerHalf {
  initializeFromPort(port: unknown): void;
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function isFlat(message: Record<string, unknown>): boolean {
  for (const key in message) if (!isPrimitive(message[key])) return false;
  return true;
}

/** An operator-list chunk or a text-content chunk, copied one level down; else null. */
function copyChunk(chunk: unknown): unknown {
  if (chunk === null || typeof chunk !== 'object') return null;
  const c = chunk as Record<string, unknown>;
  if (Array.isArray(c.fnArray) && Array.isArray(c.argsArray)) {
    if (!isPrimitive(c.separateAnnots)) return null;
    return { ...c, fnArray: c.fnArray.slice(), argsArray: c.argsArray.slice() };
  }
  if (Array.isArray(c.items) && c.styles !== null && typeof c.styles === 'object') {
    return { ...c, items: c.items.slice(), styles: { ...(c.styles as object) } };
  }
  return null;
}

/** The message as the receiving half gets it (see the module comment for how deep). */
export function copyMessage(message: unknown, transfer: TransferList | undefined): unknown {
  if (message !== null && typeof message === 'object' && !Array.isArray(message)) {
    const m = message as Record<string, unknown>;
    if (isFlat(m)) return { ...m };
    if (m.stream === STREAM_ENQUEUE) {
      const { chunk, ...envelope } = m;
      if (isFlat(envelope)) {
        const copied = copyChunk(chunk);
        if (copied !== null) return { ...envelope, chunk: copied };
      }
    }
  }
  return structuredClone(message, transfer ? { transfer } : undefined);
}

/** A loopback port with pdf.js's delivery and copyMessage's copying. */
class SameThreadPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #settled = Promise.resolve();

  postMessage(message: unknown, transfer?: TransferList): void {
    const event = { data: copyMessage(message, transfer) };
    void this.#settled.then(() => {
      for (const listener of this.#listeners.keys()) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal } | null): void {
    let unhook: (() => void) | null = null;
    const signal = options?.signal;
    if (signal instanceof AbortSignal) {
      if (signal.aborted) return;
      const onAbort = (): void => this.removeEventListener(_type, listener);
      signal.addEventListener('abort', onAbort);
      unhook = () => signal.removeEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, unhook);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const unhook of this.#listeners.values()) unhook?.();
    this.#listeners.clear();
  }
}

/** pdf.js's parsing half, which pdf.worker.mjs registers as globalThis.pdfjsWorker. */
function workerHalf(): WorkerHalf {
  const registered = (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: WorkerHalf } }).pdfjsWorker?.WorkerMessageHandler;
  if (!registered) throw new Error('pdf.js worker module not loaded (globalThis.pdfjsWorker is missing)');
  return registered;
}

/**
 * A pdf.js worker for one document, both halves in this thread, joined by SameThreadPort,
 * logging at `verbosity` (pdf.js's levels: 0 errors only, 1 warnings, 5 everything).
 * The caller owns it: pdf.js does not destroy a worker it was given, so destroy it after
 * the document.
 */
export function sameThreadWorker(verbosity: number): PDFWorker {
  const port = new SameThreadPort();
  // The API half listens first: the parsing half greets it ("ready") as soon as it starts.
  // (Its verbosity is the parsing half's: pdf.js sends it over once the port is open.)
  const worker = new PDFWorker({ port: port as unknown as NonNullable<ConstructorParameters<typeof PDFWorker>[0]>['port'], verbosity });
  workerHalf().initializeFromPort(port);
  return worker;
}
