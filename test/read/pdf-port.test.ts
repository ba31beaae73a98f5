/**
 * The same-thread port (src/read/pdf/port.ts): how deep it copies, and that pdf.js reads
 * every fixture PDF through it exactly as through its own loopback port.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnnotationMode, getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsAssets } from '../../src/read/pdf/load.js';
import { copyMessage, sameThreadWorker } from '../../src/read/pdf/port.js';
import { fixturePath } from '../helpers.js';

describe('copyMessage', () => {
  it('copies a message of primitives into a new object', () => {
    const message = { sourceName: 'worker', targetName: 'main', stream: 6, streamId: 3, desiredSize: 1 };
    const copy = copyMessage(message, undefined);
    expect(copy).not.toBe(message);
    expect(copy).toEqual(message);
  });

  it('copies an operator-list chunk one level down, so emptying the sent arrays does not reach the copy', () => {
    const path = [OPS.stroke, [new Float32Array([0, 1, 2])], new Float32Array([0, 0, 2, 2])];
    const chunk = { fnArray: [OPS.save, OPS.constructPath], argsArray: [null, path], lastChunk: false, separateAnnots: null, length: 2 };
    const message = { sourceName: 'worker', targetName: 'main', stream: 4, streamId: 1, chunk };
    const copy = copyMessage(message, undefined) as { chunk: typeof chunk };
    // What OperatorList.flush does once the chunk is sent.
    chunk.fnArray.length = 0;
    chunk.argsArray.length = 0;
    expect(copy.chunk.fnArray).toEqual([OPS.save, OPS.constructPath]);
    expect(copy.chunk.argsArray).toHaveLength(2);
    // The arguments themselves are shared: built once per operator, never written again.
    expect(copy.chunk.argsArray[1]).toBe(path);
    expect(copy.chunk.length).toBe(2);
  });

  it('copies a text-content chunk one level down', () => {
    const item = { str: '项目名称', dir: 'ltr', width: 48, height: 12, transform: [12, 0, 0, 12, 56, 700], fontName: 'g_d0_f1', hasEOL: false };
    const chunk = { items: [item], styles: { g_d0_f1: { fontFamily: 'serif', ascent: 0.88, descent: -0.12, vertical: false } }, lang: null };
    const copy = copyMessage({ sourceName: 'worker', targetName: 'main', stream: 4, streamId: 2, chunk }, undefined) as { chunk: typeof chunk };
    chunk.items = [];
    expect(copy.chunk.items).toEqual([item]);
    expect(copy.chunk.styles).not.toBe(chunk.styles);
    expect(copy.chunk.styles.g_d0_f1.ascent).toBe(0.88);
  });

  it('gives anything else a structured clone, with its transfer list', () => {
    const bytes = new Uint8Array([37, 80, 68, 70]);
    const message = { sourceName: 'worker', targetName: 'main', action: 'commonobj', data: ['f1', 'Font', { name: 'SimSun', data: bytes }] };
    const copy = copyMessage(message, [bytes.buffer]) as typeof message;
    const font = copy.data[2] as { name: string; data: Uint8Array };
    expect(font === message.data[2]).toBe(false);
    expect(font.name).toBe('SimSun');
    expect([...font.data]).toEqual([37, 80, 68, 70]);
    // Transferred, as pdf.js's own port does: the sender's buffer is detached.
    expect(bytes.byteLength).toBe(0);
  });

  it('clones a stream chunk of another shape (its envelope carrying an object) in full', () => {
    const chunk = { fnArray: [OPS.save], argsArray: [null], lastChunk: true, separateAnnots: { form: true, canvas: false }, length: 1 };
    const copy = copyMessage({ sourceName: 'worker', targetName: 'main', stream: 4, streamId: 1, chunk }, undefined) as { chunk: typeof chunk };
    expect(copy.chunk.separateAnnots).not.toBe(chunk.separateAnnots);
    expect(copy.chunk.separateAnnots).toEqual({ form: true, canvas: false });
  });
});

interface PageRead {
  text: unknown[];
  fnArray: number[];
  argsArray: unknown[];
}

async function readAll(bytes: Uint8Array, ownPort: boolean): Promise<PageRead[]> {
  const worker = ownPort ? sameThreadWorker(0) : undefined;
  const { cMapUrl, standardFontDataUrl, wasmUrl } = pdfjsAssets();
  const doc = await getDocument({ data: new Uint8Array(bytes), cMapUrl, cMapPacked: true, standardFontDataUrl, wasmUrl, isEvalSupported: false, verbosity: 0, ...(worker ? { worker } : {}) }).promise;
  const pages: PageRead[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = await page.getTextContent();
      const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      // Through pdf.js's port the glyphs arrive as plain objects (structuredClone drops
      // classes): compare plain data on both sides.
      pages.push({ text: text.items, fnArray: ops.fnArray, argsArray: structuredClone(ops.argsArray) });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
    worker?.destroy();
  }
  return pages;
}

function comparable(page: PageRead): string {
  return JSON.stringify(page).replace(/g_d\d+_/g, 'g_d_');
}

describe('sameThreadWorker', () => {
  const files = [
    ...readdirSync(fixturePath('fixtures/pdf')).map((f) => fixturePath(`fixtures/pdf/${f}`)),
    fixturePath('test/inputs/pdf/cjk-cmap-2025.pdf'),
  ].filter((f) => f.endsWith('.pdf'));

  it.each(files)('reads %s as pdf.js’s own port does', async (file) => {
    const bytes = readFileSync(file);
    const theirs = await readAll(bytes, false);
    const ours = await readAll(bytes, true);
    expect(ours.length).toBe(theirs.length);
    expect(ours.length).toBeGreaterThan(0);
    for (let i = 0; i < ours.length; i++) {
      expect(ours[i]!.text.length).toBeGreaterThan(0);
      // Fonts are named after the document's number in this process (g_d0_f1, g_d1_f1).
      expect(comparable(ours[i]!)).toBe(comparable(theirs[i]!));
    }
  });
});
