/**
 * Cell strings: the shared-string table (`sharedStrings.xml`, one `<si>` per string, cells
 * of type `s` hold an index into it) and inline strings (`<is>` in a cell of type
 * `inlineStr`). Both hold either one `<t>` or rich-text runs (`<r><rPr/><t/></r>`), whose
 * texts are joined; phonetic guides (`<rPh>`, furigana over Japanese text) are not part of
 * the text. A run set in a symbol font stores its characters at U+F000 + the font's code,
 * which are mapped to Unicode as the .docx reader maps a `w:sym` (Symbol F0B3 is `≥`).
 */
import { symbolText } from '../docx/symbols.js';
import { MAIN_NAMESPACES, scanXml, unescapeXstring, type XmlElement } from './xml.js';

const PRIVATE_USE = /[\uf020-\uf0ff]/u;
const PRIVATE_USE_ALL = /[\uf020-\uf0ff]/gu;

/** Characters of a symbol font as Unicode; those the font's table does not know are kept. */
export function mapSymbolFont(text: string, font: string | null): string {
  if (font === null || !PRIVATE_USE.test(text)) return text;
  return text.replace(PRIVATE_USE_ALL, (c) => symbolText(font, c.charCodeAt(0).toString(16)) ?? c);
}

/** Collects the text of one string item (`<si>` or `<is>`) from the events under it. */
export class StringItem {
  private text = '';
  private piece = '';
  private run = '';
  private runFont: string | null = null;
  private inRun = false;
  private inText = false;
  private phoneticDepth = -1;

  open(el: XmlElement, depth: number): void {
    if (!MAIN_NAMESPACES.has(el.namespace) || this.phoneticDepth >= 0) return;
    if (el.local === 'rPh') this.phoneticDepth = depth;
    else if (el.local === 'r') {
      this.inRun = true;
      this.run = '';
      this.runFont = null;
    } else if (el.local === 'rFont' && this.inRun) this.runFont = (el.attr('val') ?? '').toLowerCase() || null;
    else if (el.local === 't') {
      this.inText = true;
      this.piece = '';
    }
  }

  chars(data: string): void {
    if (this.inText && this.phoneticDepth < 0) this.piece += data;
  }

  close(local: string, namespace: string, depth: number): void {
    if (!MAIN_NAMESPACES.has(namespace)) return;
    if (this.phoneticDepth >= 0) {
      if (depth === this.phoneticDepth) this.phoneticDepth = -1;
      return;
    }
    if (local === 't' && this.inText) {
      this.inText = false;
      if (this.inRun) this.run += this.piece;
      else this.text += unescapeXstring(this.piece);
    } else if (local === 'r' && this.inRun) {
      this.text += mapSymbolFont(unescapeXstring(this.run), this.runFont);
      this.inRun = false;
    }
  }

  result(): string {
    return this.text;
  }
}

export function readSharedStrings(bytes: Uint8Array | null, partName: string): string[] {
  if (!bytes) return [];
  const out: string[] = [];
  let item: StringItem | null = null;
  let itemDepth = -1;
  scanXml(bytes, partName, {
    open(el, depth) {
      if (item) item.open(el, depth);
      else if (el.local === 'si' && MAIN_NAMESPACES.has(el.namespace)) {
        item = new StringItem();
        itemDepth = depth;
      }
    },
    text(data) {
      item?.chars(data);
    },
    close(local, namespace, depth) {
      if (!item) return;
      if (depth === itemDepth) {
        out.push(item.result());
        item = null;
      } else item.close(local, namespace, depth);
    },
  });
  return out;
}
