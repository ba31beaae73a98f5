/**
 * What a caller may ask of the readers beyond the bytes. Each reader takes the options it
 * needs and ignores the rest, so adding one for a new reader touches no other reader.
 */
import type { DocxMemo } from './docx/memo.js';
import type { OcrEngine } from './pdf/ocr/engine.js';

/** `--ocr`: auto reads pages without a text layer by OCR; force OCRs every page; off never. */
export const OCR_MODES = ['auto', 'off', 'force'] as const;
export type OcrMode = (typeof OCR_MODES)[number];

export interface ReadOptions {
  ocr?: OcrMode;
  /** Aborting it stops the reader (and any process it started). */
  signal?: AbortSignal;
  /**
   * The OCR models to use, loaded when first asked for. A batch worker keeps one engine for
   * all its files; without it a PDF that needs OCR loads the models itself and releases
   * them when it is read. Asked for only when a page needs OCR.
   */
  ocrEngine?: () => Promise<OcrEngine>;
  /**
   * What the .docx reader keeps from one file to the next (the styles of a styles part it has
   * read). A batch worker keeps one for all its files; without it each file is read in full.
   */
  docxMemo?: DocxMemo;
  /** Time left for this file, for readers that start a process of their own (LibreOffice). */
  timeoutMs?: number;
  /**
   * The LibreOffice program that converts legacy files (.doc, .xls): a path, or null for
   * none (as if not installed). Default: `soffice` or `libreoffice` on PATH, looked up per file.
   */
  soffice?: string | null;
}
