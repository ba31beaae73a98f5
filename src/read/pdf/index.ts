/**
 * The PDF reader: the same block stream a .docx reader gives for the Word file the PDF was
 * exported from (apart from page numbers), built from geometry rather than text order.
 *
 *   load.ts     pdf.js setup (CJK CMaps, standard fonts), per-page operator list + text items
 *   text-items.ts  text items built from the operator list, as pdf.js's text pass builds them
 *   runs.ts     text items placed in page space; undecodable characters
 *   rulings.ts  stroked lines and thin filled rectangles → horizontal/vertical segments
 *   tables.ts   segments → table grids with merged cells; runs placed into cells
 *   lines.ts    runs → lines; the joining of wrapped lines
 *   layout.ts   running headers/footers; lines → paragraphs
 *   stitch.ts   tables continued across pages
 */
// Must stay the first import: it keeps the built-ins that pdf.js's polyfills replace.
import './builtins.js';
import { diagnostic, result, type Diagnostic, type Result } from '../../diagnostics.js';
import type { Block, DocumentModel, Paragraph } from '../model.js';
import type { ReadOptions } from '../options.js';
import { InputError } from '../errors.js';
import { groupLines, type Line } from './lines.js';
import { groupParagraphs, layoutStats, paragraphText, removeFurniture, startsParagraph, type Para, type PageLines } from './layout.js';
import { openDocument, readPage, sniff, toInputError } from './load.js';
import { MIN_CONFIDENCE } from './ocr/settings.js';
import { collectRulings, type Rulings } from './rulings.js';
import { countUndecodable, mapSymbols, stripControls, toRuns, type Run } from './runs.js';
import { appendPart, continues, finishTable, startTable, type LogicalTable } from './stitch.js';
import { findTables, type PageTable } from './tables.js';

export { pdfjsAssets } from './load.js';

/** A page is reported when at least this share of its characters cannot be decoded. */
const UNDECODABLE_SHARE = 0.1;
const UNDECODABLE_MIN = 3;
/**
 * A font of which a twentieth of the characters are control characters, U+FFFD or private
 * use has no usable Unicode map: the rest of its text is garbage too (random Latin letters).
 */
const UNDECODABLE_FONT_SHARE = 0.05;

function visibleLength(text: string): number {
  return text.replace(/\s+/gu, '').length;
}

interface PageResult extends PageLines {
  tables: PageTable[];
  chars: number;
}

/** A budget disclosure runs to tens of pages; a page tree claiming more is broken or hostile. */
export const MAX_PAGES = 5000;

/** Lets the event loop run (I/O, timers, messages) before the next page is read. */
const betweenPages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type PageBlock = { kind: 'table'; table: PageTable; top: number } | { kind: 'para'; para: Para; top: number };

/**
 * Read a PDF into the document model. Throws InputError when the input cannot be read at
 * all (empty, not a PDF, encrypted, damaged, no text layer); problems inside a readable
 * file are returned as diagnostics (undecodable text, pages without text, pages pdf.js
 * could not parse). Any other exception is a bug.
 */
export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<Result<DocumentModel>> {
  sniff(bytes);
  const { doc, close } = await openDocument(bytes);
  const messages: Diagnostic[] = [];
  try {
    const raws: RawRead[] = [];
    const unreadable: number[] = [];
    if (doc.numPages === 0) throw new InputError('corrupt', 'damaged PDF: no pages');
    if (doc.numPages > MAX_PAGES) throw new InputError('too-complex', `the PDF claims ${doc.numPages} pages (limit ${MAX_PAGES}); not read`);
    for (let p = 1; p <= doc.numPages; p++) {
      // pdf.js's two halves talk by promises alone, so a document would hold the event loop
      // from its first page to its last: a batch worker would not hear the pool meanwhile.
      if (p > 1) await betweenPages();
      let raw;
      try {
        raw = await readPage(doc, p);
      } catch (err) {
        // pdf.js could not parse this page: skip it, unless nothing else is left.
        if (doc.numPages === 1) throw toInputError(err);
        unreadable.push(p);
        continue;
      }
      raws.push({
        page: p,
        width: raw.width,
        height: raw.height,
        runs: toRuns(raw.items, raw.viewport, p),
        rulings: collectRulings(raw.fnArray, raw.argsArray, raw.viewport),
      });
    }
    const ocr = await readByOcr(bytes, raws, options, messages);

    // Fonts without a Unicode map: most of their characters decode to control characters,
    // U+FFFD or private-use code points, the rest to random Latin letters. Drop all text in
    // such a font, and report the pages where that is a significant share of the text.
    const fonts = new Map<string, { total: number; bad: number }>();
    for (const r of raws.flatMap((p) => p.runs)) {
      const f = fonts.get(r.font) ?? { total: 0, bad: 0 };
      f.total += visibleLength(r.text);
      f.bad += countUndecodable(r.text);
      fonts.set(r.font, f);
    }
    const garbageFonts = new Set([...fonts].filter(([, f]) => f.bad >= UNDECODABLE_MIN && f.bad >= UNDECODABLE_FONT_SHARE * f.total).map(([name]) => name));
    const undecodable: { page: number; dropped: number; total: number }[] = [];
    const textless: number[] = [];
    const pages: PageResult[] = [];
    for (const raw of raws) {
      const total = raw.runs.reduce((n, r) => n + visibleLength(r.text), 0);
      const dropped = raw.runs.reduce((n, r) => n + (garbageFonts.has(r.font) ? visibleLength(r.text) : countUndecodable(r.text)), 0);
      if (dropped >= UNDECODABLE_MIN && dropped >= UNDECODABLE_SHARE * total) undecodable.push({ page: raw.page, dropped, total });
      if (total === 0) textless.push(raw.page);
      const runs = cleanRuns(raw.runs.filter((r) => !garbageFonts.has(r.font)));
      const { tables, rest } = raw.found ?? findTables(raw.rulings, runs, raw.page, raw);
      pages.push({
        page: raw.page,
        width: raw.width,
        height: raw.height,
        lines: groupLines(rest),
        tables,
        tableSpans: tables.map((t) => ({ top: t.box.top, bottom: t.box.bottom })),
        chars: total,
      });
    }
    if (unreadable.length === doc.numPages) throw new InputError('corrupt', 'damaged PDF: no page could be read');
    if (pages.every((p) => p.chars === 0)) {
      if (ocr.tried.length > 0) throw new InputError('no-text-layer', 'no text on any page, even by OCR (a blank scan?)');
      throw new InputError('no-text-layer', 'no text layer (scanned?) and OCR is off (--ocr off); not read');
    }
    if (unreadable.length > 0) {
      messages.push(
        diagnostic('PDF_PAGE_UNREADABLE', `${pageList(unreadable)} could not be read and ${unreadable.length === 1 ? 'was' : 'were'} skipped`, {
          page: unreadable[0]!,
        }),
      );
    }
    if (textless.length > 0) {
      messages.push(
        diagnostic('PDF_PAGE_WITHOUT_TEXT', `${pageList(textless)} ${textless.length === 1 ? 'has' : 'have'} no text (${options.ocr === 'off' ? 'blank, or only images: scanned?; OCR is off' : 'blank: OCR found none either'})`, {
          page: textless[0]!,
        }),
      );
    }
    if (undecodable.length > 0) {
      const dropped = undecodable.reduce((n, u) => n + u.dropped, 0);
      const total = undecodable.reduce((n, u) => n + u.total, 0);
      messages.push(
        diagnostic(
          'PDF_UNDECODABLE_TEXT',
          `${pageList(undecodable.map((u) => u.page))}: ${dropped} of ${total} characters cannot be decoded (font without a Unicode map); ` +
            'that text was dropped, so cells and paragraphs there may be empty or incomplete',
          { page: undecodable[0]!.page },
        ),
      );
    }

    const blocks = assemble(pages);
    if (ocr.read.length > 0) messages.push(...lowConfidenceCells(blocks));
    const model: DocumentModel = { format: 'pdf', blocks, pageCount: doc.numPages, ...(ocr.read.length > 0 ? { ocrPages: ocr.read } : {}) };
    return result(model, messages);
  } finally {
    await close();
  }
}

type RawRead = { page: number; width: number; height: number; runs: Run[]; rulings: Rulings; found?: { tables: PageTable[]; rest: Run[] } };

/**
 * Pages read by OCR instead of their text layer: with --ocr auto those with no text at all,
 * with force every page. Their runs and rulings are replaced by what OCR found, so the
 * rest of the reader goes on as for any page. Returns the pages OCR was tried on, and those
 * where it found text.
 */
async function readByOcr(bytes: Uint8Array, raws: RawRead[], options: ReadOptions, messages: Diagnostic[]): Promise<{ tried: number[]; read: number[] }> {
  const mode = options.ocr ?? 'auto';
  if (mode === 'off') return { tried: [], read: [] };
  const wanted = raws.filter((raw) => mode === 'force' || raw.runs.every((r) => visibleLength(r.text) === 0));
  if (wanted.length === 0) return { tried: [], read: [] };
  const { OcrEngine, ocrPage } = await import('./ocr/index.js');
  const { MAX_RENDER_PIXELS } = await import('./ocr/settings.js');
  const engine = options.ocrEngine ? await options.ocrEngine() : await OcrEngine.load();
  const { doc, close } = await openDocument(bytes, { maxImagePixels: MAX_RENDER_PIXELS });
  const skews: string[] = [];
  try {
    for (const raw of wanted) {
      options.signal?.throwIfAborted();
      const read = await ocrPage(doc, raw.page, engine);
      raw.runs = read.runs;
      raw.rulings = read.rulings;
      // The tables are found here, while the page image is at hand for the cells text
      // detection passed over.
      raw.found = findTables(read.rulings, read.runs, raw.page, raw);
      await read.fillEmptyCells(raw.found.tables);
      if (read.skew !== 0) skews.push(`${read.skew}° on page ${raw.page}`);
      if (read.upsideDown) messages.push(diagnostic('OCR_PAGE_TURNED', `page ${raw.page} was scanned upside down; it was turned and read`, { page: raw.page }));
    }
  } finally {
    await close();
    if (!options.ocrEngine) await engine.close();
  }
  // A page where OCR found nothing either is reported as blank (PDF_PAGE_WITHOUT_TEXT), not
  // as read: nothing on it can have been misread.
  const pages = wanted.filter((raw) => raw.runs.some((r) => visibleLength(r.text) > 0)).map((raw) => raw.page);
  const tried = wanted.map((raw) => raw.page);
  if (pages.length === 0) return { tried, read: pages };
  const why = mode === 'force' ? 'with --ocr force' : 'having no text layer';
  messages.push(
    diagnostic('OCR_PAGES', `${pageList(pages)} ${pages.length === 1 ? 'was' : 'were'} read by OCR (${why})${skews.length > 0 ? ` (skew corrected: ${skews.join(', ')})` : ''}; check the values against the page: OCR may misread a character without knowing it`, {
      page: pages[0]!,
    }),
  );
  return { tried, read: pages };
}

/** Cells of OCR'd text whose weakest character is below MIN_CONFIDENCE: kept, and reported. */
function lowConfidenceCells(blocks: readonly Block[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    for (const cell of block.cells) {
      if (cell.confidence === undefined || cell.confidence >= MIN_CONFIDENCE) continue;
      out.push(
        diagnostic('OCR_LOW_CONFIDENCE', cell.text === '' ? 'OCR found marks in this cell but could read no text in them' : `OCR is not sure of "${cell.text}" (confidence ${cell.confidence.toFixed(2)})`, {
          page: cell.page,
          table: block.ordinal,
          row: cell.row + 1,
          column: cell.column + 1,
        }),
      );
    }
  }
  return out;
}

function pageList(pages: readonly number[]): string {
  return pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`;
}

/** Remove control characters and U+FFFD, and map Symbol-font characters, in readable text. */
function cleanRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const text = mapSymbols(stripControls(r.text).replace(/\uFFFD/gu, ''));
    if (text.trim() === '') continue;
    out.push(text === r.text ? r : { ...r, text });
  }
  return out;
}

function assemble(pages: PageResult[]): Block[] {
  removeFurniture(pages);

  // Each page's flow: tables and lines top to bottom.
  const flows = pages.map((p) => {
    const items: ({ kind: 'table'; table: PageTable; top: number } | { kind: 'line'; line: Line; top: number })[] = [
      ...p.tables.map((table) => ({ kind: 'table' as const, table, top: table.box.top })),
      ...p.lines.map((line) => ({ kind: 'line' as const, line, top: line.top })),
    ];
    items.sort((a, b) => a.top - b.top || (a.kind === 'line' && b.kind === 'line' ? a.line.x0 - b.line.x0 : 0));
    return items;
  });
  const stats = layoutStats(pages.map((p, i) => ({ width: p.width, flow: flows[i]!.map((it) => (it.kind === 'line' ? it.line : null)) })));

  const pageBlocks: { page: PageResult; blocks: PageBlock[] }[] = pages.map((p, i) => {
    const blocks: PageBlock[] = [];
    let pending: Line[] = [];
    const flush = (): void => {
      for (const para of groupParagraphs(pending, stats, p.width)) blocks.push({ kind: 'para', para, top: para.top });
      pending = [];
    };
    for (const it of flows[i]!) {
      if (it.kind === 'line') {
        pending.push(it.line);
      } else {
        flush();
        blocks.push({ kind: 'table', table: it.table, top: it.top });
      }
    }
    flush();
    return { page: p, blocks };
  });

  // Across pages: continue a table or a paragraph that ends one page on the next.
  type Out = { kind: 'table'; table: LogicalTable } | { kind: 'para'; para: Para; width: number };
  const out: Out[] = [];
  for (const { page, blocks } of pageBlocks) {
    blocks.forEach((b, i) => {
      const prev = out[out.length - 1];
      if (i === 0 && prev) {
        if (b.kind === 'table' && prev.kind === 'table' && continues(prev.table, b.table)) {
          appendPart(prev.table, b.table);
          return;
        }
        if (b.kind === 'para' && prev.kind === 'para') {
          const last = prev.para.lines[prev.para.lines.length - 1]!;
          const first = b.para.lines[0]!;
          const joinable = last.page === page.page - 1 && !prev.para.split && !b.para.split;
          if (joinable && !startsParagraph(last, first, stats, prev.width, false)) {
            prev.para.lines.push(...b.para.lines);
            return;
          }
        }
      }
      if (b.kind === 'table') out.push({ kind: 'table', table: startTable(b.table) });
      else out.push({ kind: 'para', para: b.para, width: page.width });
    });
  }

  const result: Block[] = [];
  let paragraphs = 0;
  let tables = 0;
  for (const o of out) {
    if (o.kind === 'table') {
      result.push(finishTable(o.table, ++tables));
      continue;
    }
    const text = paragraphText(o.para, stats, o.width);
    if (text === '') continue;
    const p: Paragraph = { kind: 'paragraph', index: ++paragraphs, text, list: null, heading: null, origin: 'body', page: o.para.page };
    result.push(p);
  }
  return result;
}

