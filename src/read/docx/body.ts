/**
 * WordprocessingML body → blocks. Applies the OOXML rules a budget table depends on:
 * column spans (w:gridSpan), vertical merges (w:vMerge restart/continue; a bare
 * <w:vMerge/> continues), rows that start or end inside the grid (w:gridBefore,
 * w:gridAfter), repeated header rows (w:tblHeader), content controls (w:sdt) at block,
 * row, cell and run level, alternate content (mc:AlternateContent: the Choice is read, so
 * WPS text boxes that have no Fallback keep their text), tracked changes (w:del and
 * w:moveFrom skipped, w:ins and w:moveTo kept, deleted rows dropped), nested tables, and
 * auto-numbered paragraphs.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { InputError } from '../errors.js';
import type { Block, Cell, Paragraph, Table } from '../model.js';
import { collapseSpace, joinPieces } from '../text.js';
import { ListCounter } from './numbering.js';
import type { Styles } from './styles.js';
import { mapSymbolRun, runSymbolFont, symbolText } from './symbols.js';
import { child, elements, intVal, isOn, textContent, val, type Element } from './xml.js';

/** Deeper nesting than this is not read (a hostile or broken file; real ones nest 1–2). */
export const MAX_TABLE_DEPTH = 16;
/** Word allows 63 grid columns; a table wider than this, or a grid larger, is hostile. */
export const MAX_GRID_COLUMNS = 1000;
export const MAX_GRID_CELLS = 2_000_000;

interface Counters {
  paragraphs: number;
  tables: number;
  textboxes: number;
  deletions: number;
  unknownSymbols: number;
  tooDeep: number;
}

export class BodyReader {
  readonly messages: Diagnostic[] = [];
  private readonly counters: Counters = { paragraphs: 0, tables: 0, textboxes: 0, deletions: 0, unknownSymbols: 0, tooDeep: 0 };

  constructor(
    private readonly styles: Styles,
    private readonly lists: ListCounter,
  ) {}

  read(body: Element): Block[] {
    const out: Block[] = [];
    this.readBlocks(body, out, 0);
    this.summarize();
    return out;
  }

  /** Block-level content: the body, a text box, a content control. */
  private readBlocks(container: Element, out: Block[], depth: number): void {
    for (const el of this.content(container)) {
      if (el.name === 'w:p') this.readBodyParagraph(el, out, depth);
      else if (el.name === 'w:tbl') this.readTable(el, out, depth, null);
      else if (el.name === 'w:altChunk') this.messages.push(diagnostic('DOCX_ALTCHUNK_IGNORED', 'embedded foreign content (w:altChunk) is not read'));
      // Anything else (w:sectPr, bookmarks, proofing marks) holds no content.
    }
  }

  /**
   * The content elements of a container, looking through the wrappers that hold content
   * without being content: content controls (w:sdt), custom XML, tracked insertions and
   * moves, alternate content (its Choice). Tracked deletions and moved-away text are left
   * out, and counted. Appended to `out`, which is returned (collected at once rather than
   * yielded: a generator per paragraph and row cost more than the reading it saved).
   */
  private content(container: Element, out: Element[] = []): Element[] {
    for (const el of elements(container)) {
      switch (el.name) {
        case 'w:sdt': {
          // A content control still showing its placeholder (「单击或点击此处输入文字。」) holds no data.
          if (isOn(child(el, 'w:sdtPr'), 'w:showingPlcHdr')) break;
          const inner = child(el, 'w:sdtContent');
          if (inner) this.content(inner, out);
          break;
        }
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          this.content(el, out);
          break;
        case 'mc:AlternateContent': {
          const branch = chooseBranch(el);
          if (branch) this.content(branch, out);
          break;
        }
        case 'w:del':
        case 'w:moveFrom':
          this.counters.deletions++;
          break;
        default:
          out.push(el);
      }
    }
    return out;
  }

  private readBodyParagraph(p: Element, out: Block[], depth: number): void {
    const inline = this.readInline(p);
    const { text, list, heading } = this.paragraphParts(p, inline.parts);
    if (text !== '') {
      const block: Paragraph = { kind: 'paragraph', index: ++this.counters.paragraphs, text, list, heading, origin: 'body', page: null };
      out.push(block);
    }
    for (const box of inline.boxes) {
      this.counters.textboxes++;
      const inner: Block[] = [];
      this.readBlocks(box, inner, depth);
      for (const block of inner) out.push(block.kind === 'paragraph' ? { ...block, origin: 'textbox' } : block);
    }
  }

  /** Text, list label and heading level of a paragraph; the label is kept apart from the text. */
  private paragraphParts(p: Element, parts: string[]): Pick<Paragraph, 'text' | 'list' | 'heading'> {
    const pPr = child(p, 'w:pPr');
    const style = this.styles.paragraph(val(pPr, 'w:pStyle'));
    const numPr = child(pPr, 'w:numPr');
    const ownNumId = val(numPr, 'w:numId');
    const numId = ownNumId ?? style.numbering?.numId ?? null;
    const level = numPr ? intVal(numPr, 'w:ilvl', style.numbering?.level ?? 0) : (style.numbering?.level ?? 0);
    // numId 0 explicitly removes numbering inherited from the style.
    const list = numId !== null && numId !== '0' ? { level, label: this.lists.next(numId, level) } : null;
    const outline = val(pPr, 'w:outlineLvl');
    const ownHeading = outline === null ? null : Number(outline);
    const heading = ownHeading !== null && ownHeading <= 8 ? ownHeading : style.heading;
    return { text: collapseSpace(parts.join('')), list, heading };
  }

  /**
   * Inline content of a paragraph: text pieces in order (runs joined as they are, since a
   * run boundary is not a word boundary) and the text boxes anchored in it.
   */
  private readInline(el: Element, acc: { parts: string[]; boxes: Element[] } = { parts: [], boxes: [] }) {
    for (const c of elements(el)) {
      switch (c.name) {
        case 'w:t':
          acc.parts.push(textContent(c));
          break;
        case 'w:tab':
        case 'w:ptab':
          acc.parts.push('\t');
          break;
        case 'w:br':
        case 'w:cr':
          acc.parts.push('\n');
          break;
        case 'w:noBreakHyphen':
          acc.parts.push('-');
          break;
        case 'w:sym': {
          const text = symbolText(c.attribs['w:font'], c.attribs['w:char']);
          if (text === null) this.counters.unknownSymbols++;
          else acc.parts.push(text);
          break;
        }
        case 'w:txbxContent':
          acc.boxes.push(c);
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.counters.deletions++;
          break;
        case 'mc:AlternateContent': {
          const branch = chooseBranch(c);
          if (branch) this.readInline(branch, acc);
          break;
        }
        case 'w:pPr':
        case 'w:rPr':
        case 'w:sdtPr':
        case 'w:sdtEndPr':
        case 'w:delText':
        case 'w:instrText':
        case 'w:delInstrText':
        case 'w:fldData':
        case 'w:softHyphen':
          break;
        case 'w:r': {
          const rPr = child(c, 'w:rPr');
          // Hidden text (w:vanish) is not printed, so it is not read.
          if (isOn(rPr, 'w:vanish')) break;
          const from = acc.parts.length;
          this.readInline(c, acc);
          const font = runSymbolFont(child(rPr, 'w:rFonts')?.attribs);
          for (let i = from; font !== null && i < acc.parts.length; i++) {
            const mapped = mapSymbolRun(font, acc.parts[i] as string);
            acc.parts[i] = mapped.text;
            this.counters.unknownSymbols += mapped.unknown;
          }
          break;
        }
        case 'w:sdt':
          if (!isOn(child(c, 'w:sdtPr'), 'w:showingPlcHdr')) this.readInline(c, acc);
          break;
        default:
          // Hyperlinks, smart tags, fields, content controls, insertions, drawings: descend,
          // so text and text boxes are found wherever the producer put them.
          this.readInline(c, acc);
      }
    }
    return acc;
  }

  private readTable(tbl: Element, out: Block[], depth: number, parent: Table['parent']): number | null {
    if (depth >= MAX_TABLE_DEPTH) {
      this.counters.tooDeep += 1 + countTables(tbl);
      return null;
    }
    const ordinal = ++this.counters.tables;
    const nestedOut: Block[] = [];
    // Rows and cells may stand inside content controls and tracked insertions; a row
    // whose insertion was deleted (w:trPr/w:del) is not shown.
    const rows = this.content(tbl).filter((el) => {
      if (el.name !== 'w:tr') return false;
      const deleted = child(child(el, 'w:trPr'), 'w:del') !== null;
      if (deleted) this.counters.deletions++;
      return !deleted;
    });
    const gridColumns = child(tbl, 'w:tblGrid') ? elements(child(tbl, 'w:tblGrid') as Element).filter((e) => e.name === 'w:gridCol').length : 0;

    const layout = rows.map((tr) => {
      const trPr = child(tr, 'w:trPr');
      const tblPrEx = child(tr, 'w:tblPrEx');
      return {
        tr,
        // A damaged file may give a negative count: a row cannot start before the grid.
        before: Math.max(0, intVal(trPr, 'w:gridBefore', intVal(tblPrEx, 'w:gridBefore', 0))),
        after: Math.max(0, intVal(trPr, 'w:gridAfter', 0)),
        header: isOn(trPr, 'w:tblHeader'),
        cells: this.content(tr).filter((el) => el.name === 'w:tc').map((tc) => {
          const tcPr = child(tc, 'w:tcPr');
          return { tc, span: Math.max(1, intVal(tcPr, 'w:gridSpan', 1)), vMerge: mergeState(tcPr, 'w:vMerge'), hMerge: mergeState(tcPr, 'w:hMerge') };
        }),
      };
    });
    const columnCount = Math.max(gridColumns, ...layout.map((r) => r.before + r.cells.reduce((n, c) => n + c.span, 0) + r.after), 0);
    // Checked before the grid is allocated: a few bytes of w:gridSpan must not cost gigabytes.
    if (columnCount > MAX_GRID_COLUMNS || columnCount * layout.length > MAX_GRID_CELLS) {
      throw new InputError('too-complex', `table ${ordinal} claims ${columnCount} columns × ${layout.length} rows (limit ${MAX_GRID_COLUMNS} columns, ${MAX_GRID_CELLS} cells); not read`);
    }
    const grid: (Cell | null)[][] = layout.map(() => new Array<Cell | null>(columnCount).fill(null));

    layout.forEach((row, r) => {
      let column = row.before;
      let previous: Cell | null = null;
      for (const spec of row.cells) {
        const content = this.readCell(spec.tc, depth, nestedOut, { table: ordinal, row: r, column });
        const gridRow = grid[r] as (Cell | null)[];
        if (spec.hMerge === 'continue' && previous) {
          // Legacy horizontal merge: widen the cell to the left.
          for (let c = column; c < column + spec.span; c++) gridRow[c] = previous;
          previous.colSpan += spec.span;
          column += spec.span;
          continue;
        }
        const above = r > 0 ? (grid[r - 1]?.[column] ?? null) : null;
        if (spec.vMerge === 'continue' && above && above.column === column && above.row + above.rowSpan === r) {
          above.rowSpan++;
          for (let c = column; c < column + Math.max(spec.span, above.colSpan) && c < columnCount; c++) gridRow[c] = above;
          if (content.text !== '') {
            this.messages.push(
              diagnostic('DOCX_MERGED_TEXT_IGNORED', `merge-continuation cell holds hidden text "${content.text}"`, { table: ordinal, row: r + 1, column: column + 1 }),
            );
          }
          previous = above;
          column += spec.span;
          continue;
        }
        if (spec.vMerge === 'continue') {
          this.messages.push(
            diagnostic('DOCX_VMERGE_WITHOUT_START', 'vertically merged cell has no cell above to continue; kept as its own cell', {
              table: ordinal,
              row: r + 1,
              column: column + 1,
            }),
          );
        }
        const cell: Cell = { row: r, column, rowSpan: 1, colSpan: spec.span, text: content.text, page: null, nested: content.nested };
        for (let c = column; c < column + spec.span; c++) gridRow[c] = cell;
        previous = cell;
        column += spec.span;
      }
    });

    let headerRows = 0;
    while (headerRows < layout.length && layout[headerRows]?.header) headerRows++;
    // A row-major scan meets every cell first at its origin, so this is row-major order.
    const cells = [...new Set(grid.flat().filter((cell): cell is Cell => cell !== null))];

    const table: Table = {
      kind: 'table',
      ordinal,
      rowCount: layout.length,
      columnCount,
      grid,
      cells,
      headerRows,
      page: null,
      rowPages: [],
      parent,
    };
    out.push(table, ...nestedOut);
    return ordinal;
  }

  /** A cell's visible text (its paragraphs joined by the CJK rule, list labels shown) and nested tables. */
  private readCell(tc: Element, depth: number, nestedOut: Block[], at: { table: number; row: number; column: number }) {
    const pieces: string[] = [];
    const nested: number[] = [];
    const visit = (container: Element): void => {
      for (const el of this.content(container)) {
        if (el.name === 'w:p') {
          const inline = this.readInline(el);
          const { text, list } = this.paragraphParts(el, inline.parts);
          pieces.push(list?.label ? list.label + text : text);
          for (const box of inline.boxes) {
            this.counters.textboxes++;
            visit(box);
          }
        } else if (el.name === 'w:tbl') {
          const ordinal = this.readTable(el, nestedOut, depth + 1, at);
          if (ordinal !== null) nested.push(ordinal);
        }
      }
    };
    visit(tc);
    return { text: joinPieces(pieces), nested };
  }

  private summarize(): void {
    const c = this.counters;
    if (c.textboxes > 0) {
      this.messages.push(diagnostic('DOCX_TEXTBOX_KEPT', `${c.textboxes} text box(es): their text was kept in reading order after the paragraph or cell that anchors them`));
    }
    if (c.deletions > 0) {
      this.messages.push(diagnostic('DOCX_TRACKED_DELETION_SKIPPED', `${c.deletions} tracked deletion(s) skipped; the text shown is the document with changes accepted`));
    }
    if (c.unknownSymbols > 0) {
      this.messages.push(diagnostic('DOCX_SYMBOL_UNKNOWN', `${c.unknownSymbols} inserted symbol(s) of a symbol font (w:sym, or private-use text in a Symbol or Wingdings run) could not be mapped to Unicode and were left out`));
    }
    if (c.tooDeep > 0) {
      this.messages.push(diagnostic('DOCX_TABLE_TOO_DEEP', `${c.tooDeep} table(s) nested deeper than ${MAX_TABLE_DEPTH} levels were not read`));
    }
  }
}

/** Tables inside an element (not counting the element itself). */
function countTables(el: Element): number {
  let n = 0;
  for (const c of elements(el)) n += (c.name === 'w:tbl' ? 1 : 0) + countTables(c);
  return n;
}

type MergeState = 'restart' | 'continue' | null;

function mergeState(tcPr: Element | null, name: string): MergeState {
  const el = child(tcPr, name);
  if (!el) return null;
  return el.attribs['w:val'] === 'restart' ? 'restart' : 'continue';
}

/** The content of mc:AlternateContent to read: the (first) Choice, else the Fallback. */
function chooseBranch(alternate: Element): Element | null {
  return child(alternate, 'mc:Choice') ?? child(alternate, 'mc:Fallback');
}

