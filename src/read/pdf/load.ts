/**
 * Opening a PDF with pdf.js (legacy build, for Node) and pulling, per page, the two things
 * the reader is built on: the operator list and positioned text items (built from the
 * operator list by text-items.ts, or by pdf.js's own text pass where that cannot). Input problems are
 * turned into InputError here, so the rest of the reader never sees a pdf.js exception.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
// Before pdf.js: it keeps the built-ins that pdf.js's polyfills replace.
import { restoreBuiltins } from './builtins.js';
import { AnnotationMode, getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
// Loaded here rather than lazily by pdf.js's fake worker, so that its polyfills are in
// place before restoreBuiltins() undoes them (it registers itself as globalThis.pdfjsWorker).
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError } from '../errors.js';
import { sameThreadWorker } from './port.js';
import type { Matrix } from './geometry.js';
import { FONT_IDENTITY, textItemsFromOperators, type FontFacts, type FontLookup } from './text-items.js';

// pdf.js's polyfills replaced these while it loaded: the host gets its own back at once.
restoreBuiltins();

export { OPS };

/** The installed pdfjs-dist package directory, with a trailing separator. */
function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json')) + path.sep;
}

let assets: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } | null = null;

/**
 * Where pdf.js finds the predefined CJK CMaps and the standard fonts. In Node, pdf.js reads
 * them with fs.readFile(baseUrl + name), so these are file paths ending in a separator.
 * Without them Chinese text in non-embedded fonts (UniGB-UCS2-H etc.) comes out empty.
 */
export function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  if (!assets) {
    const dir = packageDir();
    assets = {
      cMapUrl: path.join(dir, 'cmaps') + path.sep,
      standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
      wasmUrl: path.join(dir, 'wasm') + path.sep,
    };
  }
  return assets;
}

/** Text item as pdf.js reports it (the fields the reader uses). */
export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export interface RawPage {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  /** PDF user space → page space (top-left origin, rotation applied). */
  viewport: Matrix;
  items: RawTextItem[];
  fnArray: number[];
  argsArray: unknown[];
}

const PDF_MAGIC = '%PDF-';

/** Throws InputError for inputs that are not a PDF at all. */
export function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputError('empty', 'empty file (0 bytes)');
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (!head.includes(PDF_MAGIC)) throw new InputError('not-pdf', 'not a PDF (no %PDF- header in the first 1024 bytes)');
}

function errorName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
}

function errorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.trim();
}

/** Map a pdf.js failure while opening or reading to an InputError. */
export function toInputError(err: unknown): InputError {
  if (err instanceof InputError) return err;
  const name = errorName(err);
  const message = errorMessage(err);
  if (name === 'PasswordException') return new InputError('encrypted', 'encrypted PDF: password required');
  if (name === 'InvalidPDFException') return new InputError('corrupt', `damaged PDF: ${message || 'invalid structure'}`);
  return new InputError('corrupt', `damaged PDF: ${message || name || 'unreadable'}`);
}

/**
 * pdf.js prepares every font for drawing. Without a font-loading API (Node has no
 * FontFace) it compiles the outline of every glyph it meets into a path — a third of the
 * time of reading a page, for drawings we never make. Given a document whose font set
 * accepts fonts, it hands them over instead. This one accepts them and does nothing; the
 * text items and operator lists are the same either way (checked on every fixture and
 * real disclosure). FontFace is defined only where the runtime has none.
 */
class InertFontFace {
  readonly loaded: Promise<InertFontFace>;

  constructor(readonly family: string) {
    this.loaded = Promise.resolve(this);
  }

  load(): Promise<InertFontFace> {
    return this.loaded;
  }
}

const inertDocument = { fonts: { add: (): void => undefined, delete: (): boolean => true } };

/**
 * FontFace is lent to pdf.js only while a document is open, and taken back when the last one
 * closes, so that a program converting with yusuan finds its global scope as it was. (A
 * runtime's own FontFace is never touched.) Counted per document, so that conversions that
 * overlap in one process share it.
 */
let lent = 0;
function lendFontFace(): () => void {
  const scope = globalThis as { FontFace?: unknown };
  if (lent === 0 && scope.FontFace !== undefined) return () => undefined;
  if (lent === 0) Object.defineProperty(globalThis, 'FontFace', { value: InertFontFace, writable: true, configurable: true, enumerable: false });
  lent++;
  let returned = false;
  return () => {
    if (returned) return;
    returned = true;
    lent--;
    if (lent === 0 && scope.FontFace === InertFontFace) delete scope.FontFace;
  };
}

/**
 * pdf.js logs errors only: what it would warn of (a removed image, a font it repaired) is
 * either expected here or reaches the reader as missing text, which the reader reports.
 */
const PDFJS_VERBOSITY = 0;

/** An open PDF, and how to close it: pdf.js's resources, and the FontFace lent for it. */
export interface OpenDocument {
  doc: PDFDocumentProxy;
  close: () => Promise<void>;
}

/**
 * `forRendering`: decode images, up to `maxImagePixels` each (OCR renders pages; text
 * reading never needs an image, so by default none is decoded).
 */
export async function openDocument(bytes: Uint8Array, forRendering: { maxImagePixels: number } | null = null): Promise<OpenDocument> {
  restoreBuiltins();
  const giveBack = lendFontFace();
  const { cMapUrl, standardFontDataUrl, wasmUrl } = pdfjsAssets();
  // One worker per document, so that closing the document frees all it parsed.
  const worker = sameThreadWorker(PDFJS_VERBOSITY);
  const task = getDocument({
    worker,
    // pdf.js may take ownership of the buffer, and refuses a Node Buffer: give it a plain
    // Uint8Array copy (Buffer#slice would be a view, and still a Buffer).
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    wasmUrl,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: inertDocument,
    isEvalSupported: false,
    // Images are needed only to render a page for OCR: otherwise skip decoding them
    // (scans would be slow for nothing).
    maxImageSize: forRendering ? forRendering.maxImagePixels : 1,
    // Fonts are drawn from their glyph outlines when rendering: no FontFace in Node.
    ...(forRendering ? { disableFontFace: true } : {}),
    verbosity: PDFJS_VERBOSITY,
  });
  try {
    const doc = await task.promise;
    return {
      doc,
      close: async () => {
        await doc.destroy().catch(() => undefined);
        worker.destroy();
        giveBack();
      },
    };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    worker.destroy();
    giveBack();
    throw toInputError(err);
  }
}

/**
 * What a page's fonts tell the item builder, from pdf.js's loaded fonts (page.commonObjs).
 * A font that did not load as a usable font (an error, a Type3 font) is null: the builder
 * then leaves the page to getTextContent. Each name maps to one object, which the builder
 * compares by identity as pdf.js compares its fonts.
 */
export async function fontFacts(page: PDFPageProxy, fnArray: readonly number[], argsArray: readonly unknown[]): Promise<FontLookup> {
  const names = new Set<string>();
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] === OPS.setFont) names.add(String((argsArray[i] as unknown[])[0]));
    else if (fnArray[i] === OPS.setGState) {
      for (const entry of ((argsArray[i] as unknown[])[0] ?? []) as unknown[][]) if (entry[0] === 'Font') names.add(String((entry[1] as unknown[])[0]));
    }
  }
  const objs = page.commonObjs;
  // pdf.js resolves a font once its face is bound, a few promise turns after it arrives.
  if ([...names].some((n) => !objs.has(n))) await new Promise((resolve) => setImmediate(resolve));
  const facts = new Map<string, FontFacts | null>();
  for (const name of names) {
    const font = objs.has(name) ? (objs.get(name) as { vertical?: unknown; fontMatrix?: unknown; isType3Font?: unknown } | null) : null;
    const usable = font !== null && typeof font === 'object' && font.isType3Font !== true && (font.fontMatrix === undefined || Array.isArray(font.fontMatrix));
    facts.set(name, usable ? { vertical: font.vertical === true, fontMatrix: (font.fontMatrix as number[] | undefined) ?? FONT_IDENTITY } : null);
  }
  return (name) => facts.get(name) ?? null;
}

/** The text items of pdf.js's own text pass (getTextContent). */
export async function textContentItems(page: PDFPageProxy): Promise<RawTextItem[]> {
  const text = await page.getTextContent();
  const items: RawTextItem[] = [];
  for (const item of text.items) {
    if (!('str' in item)) continue;
    items.push({ str: item.str, transform: item.transform as number[], width: item.width, height: item.height, fontName: item.fontName });
  }
  return items;
}

export async function readPage(doc: PDFDocumentProxy, pageNumber: number): Promise<RawPage> {
  const page: PDFPageProxy = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    // One pass over the content stream where the operator list says all the text pass would:
    // otherwise the text pass as well (text-items.ts says when).
    const items =
      textItemsFromOperators(ops.fnArray, ops.argsArray, await fontFacts(page, ops.fnArray, ops.argsArray), page.view) ?? (await textContentItems(page));
    const t = viewport.transform as number[];
    return {
      page: pageNumber,
      width: viewport.width,
      height: viewport.height,
      viewport: [t[0]!, t[1]!, t[2]!, t[3]!, t[4]!, t[5]!],
      items,
      fnArray: ops.fnArray,
      argsArray: ops.argsArray,
    };
  } finally {
    page.cleanup();
  }
}
