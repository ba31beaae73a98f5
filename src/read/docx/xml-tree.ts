/**
 * A small XML parser for the WordprocessingML parts: text → a tree of elements and text.
 *
 * Why not htmlparser2's DOM, which this replaced: on the parts Word writes it spent most of
 * a conversion in its general tokenizer state machine and in allocating nodes with parent and
 * sibling links that nothing here reads. This parser finds tags with indexOf and reads names
 * and attributes with charCodeAt, and builds only what the readers use: element name,
 * attributes, children, character data.
 *
 * It is as lenient as htmlparser2 in XML mode, because damaged parts must still read: a
 * closing tag that matches an open element closes everything opened after it; one that matches
 * none is ignored; what is open at the end is closed; a `<` that starts no tag is text; of two
 * attributes of one name the first counts. The five XML entities and numeric references are
 * decoded (others are kept as written); CDATA is character data; comments, processing
 * instructions and the DOCTYPE are dropped. Nothing recurses, so no nesting depth can exhaust
 * the stack here.
 */

export interface XmlText {
  type: 'text';
  data: string;
}

export interface Element {
  type: 'tag';
  name: string;
  attribs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = Element | XmlText;

export interface TreeOptions {
  /**
   * Called for each child of the root element as soon as its start tag is read; true leaves
   * it and everything inside it out of the tree (it is still scanned, not built). A reader
   * that needs a few of the root's children passes this to build only those.
   */
  skipChild?: (element: Element) => boolean;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOS = 0x27;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Where a name ends: at space, `/`, `>`, `=` or the end of the text. */
function nameEnd(text: string, from: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === GT || c === SLASH || c === EQ || isSpace(c)) break;
    i++;
  }
  return i;
}

/** Could `c` start an element name? (Letters, `_`, `:` and anything beyond ASCII.) */
function startsName(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|amp|lt|gt|quot|apos);/g;

/** Character data with its entity and character references decoded. */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(ENTITY, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 0x23) return NAMED[ref] ?? whole;
    const code = ref.charCodeAt(1) === 0x78 || ref.charCodeAt(1) === 0x58 ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    // A reference to no character (0, a surrogate, beyond U+10FFFF) becomes U+FFFD, as in htmlparser2.
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * The children of the document: the root element (and, in damaged text, whatever else stands
 * at the top level).
 */
export function parseTree(text: string, options: TreeOptions = {}): XmlNode[] {
  return buildTree(text, (from, to) => text.slice(from, to), options);
}

/**
 * parseTree of UTF-8 bytes: the same tree as parseTree(new TextDecoder().decode(bytes)), built
 * without decoding the whole part.
 *
 * Why: Word's parts are ASCII markup holding a few thousand CJK characters (a 125 KB
 * document.xml, 122,000 characters). One character beyond Latin-1 makes the decoded part a
 * two-byte string, and building that took 0.9 ms for this part, 13% of converting the file;
 * copying its bytes as Latin-1 takes 0.01–0.08 ms. So the tree is built from the Latin-1
 * reading of the bytes (one character per byte, positions the same as in the bytes), and only
 * the names, values and character data that hold bytes at or over 0x80 are decoded as UTF-8.
 *
 * Why that is the same tree: the parser decides on ASCII characters only (`<`, `>`, quotes,
 * `=`, `/`, white space, `!`, `?`), and any byte at or over 0x80 counts alike in both readings
 * (as a character that can start a name), so the markup splits at the same places. Every
 * piece ends at an ASCII byte, and no ASCII byte is part of a UTF-8 sequence: in a well-formed
 * one all bytes are at or over 0x80, and a decoder stops an ill-formed one at an ASCII byte
 * and reads that byte as itself. So each piece decodes alone to what it is in the whole.
 * test/read/xml-tree.test.ts holds it to parseTree on every part of the fixtures and twins and
 * on damaged bytes.
 */
export function parseTreeBytes(bytes: Uint8Array, options: TreeOptions = {}): XmlNode[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // TextDecoder drops a byte-order mark at the start (its default): so does this.
  const base = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const latin1 = buffer.toString('latin1', base);
  // Where the bytes at or over 0x80 are, as [start, end) pairs in increasing order.
  const runs: number[] = [];
  for (const run of latin1.matchAll(/[\x80-\xff]+/g)) runs.push(run.index, run.index + run[0].length);
  // The parser only moves forward: each piece it asks for starts at or after the start of the
  // one before, so the first run that could touch it is found by moving on from the last.
  let k = 0;
  const slice = (from: number, to: number): string => {
    while (k < runs.length && (runs[k + 1] as number) <= from) k += 2;
    if (k < runs.length && (runs[k] as number) < to) return buffer.toString('utf8', base + from, base + to);
    return latin1.slice(from, to);
  };
  return buildTree(latin1, slice, options);
}

/** The tree of `text`, taking its names, values and character data as `slice` gives them. */
function buildTree(text: string, slice: (from: number, to: number) => string, options: TreeOptions): XmlNode[] {
  const top: Element = { type: 'tag', name: '', attribs: {}, children: [] };
  const stack: Element[] = [top];
  const skipChild = options.skipChild;
  /** Depth of unbuilt elements we are inside of (a skipped child of the root and what it holds). */
  let skipped = 0;
  const n = text.length;
  let pos = 0;

  const addText = (data: string): void => {
    if (skipped > 0 || data === '') return;
    const parent = stack[stack.length - 1] as Element;
    const last = parent.children[parent.children.length - 1];
    if (last !== undefined && last.type === 'text') last.data += data;
    else parent.children.push({ type: 'text', data });
  };

  while (pos < n) {
    const lt = text.indexOf('<', pos);
    if (lt === -1) {
      addText(decodeEntities(slice(pos, n)));
      break;
    }
    if (lt > pos) addText(decodeEntities(slice(pos, lt)));
    const next = text.charCodeAt(lt + 1);

    if (next === BANG) {
      if (text.startsWith('!--', lt + 1)) {
        const end = text.indexOf('-->', lt + 4);
        pos = end === -1 ? n : end + 3;
      } else if (text.startsWith('![CDATA[', lt + 1)) {
        const end = text.indexOf(']]>', lt + 9);
        addText(slice(lt + 9, end === -1 ? n : end));
        pos = end === -1 ? n : end + 3;
      } else {
        const end = text.indexOf('>', lt + 2);
        pos = end === -1 ? n : end + 1;
      }
      continue;
    }
    if (next === QUESTION) {
      const end = text.indexOf('>', lt + 2);
      pos = end === -1 ? n : end + 1;
      continue;
    }
    if (next === SLASH) {
      const end = text.indexOf('>', lt + 2);
      const name = slice(lt + 2, end === -1 ? n : nameEnd(text, lt + 2));
      pos = end === -1 ? n : end + 1;
      if (skipped > 0) {
        skipped--;
        continue;
      }
      for (let i = stack.length - 1; i > 0; i--) {
        if ((stack[i] as Element).name === name) {
          // Nearly always the innermost element: pop is V8's fast path, setting length a runtime call.
          if (i === stack.length - 1) stack.pop();
          else stack.length = i;
          break;
        }
      }
      continue;
    }
    if (!startsName(next)) {
      addText('<');
      pos = lt + 1;
      continue;
    }

    // A start tag: its name, then attributes up to `>` or `/>`.
    const end = nameEnd(text, lt + 1);
    const name = slice(lt + 1, end);
    const attribs: Record<string, string> = {};
    let i = end;
    let selfClosing = false;
    let closed = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (c === GT) {
        closed = true;
        i++;
        break;
      }
      if (c === SLASH) {
        if (text.charCodeAt(i + 1) === GT) {
          selfClosing = true;
          closed = true;
          i += 2;
          break;
        }
        i++;
        continue;
      }
      const attrEnd = c === EQ ? i : nameEnd(text, i);
      const attr = slice(i, attrEnd);
      i = attrEnd;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      let value = '';
      if (text.charCodeAt(i) === EQ) {
        i++;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        const q = text.charCodeAt(i);
        if (q === QUOTE || q === APOS) {
          const close = text.indexOf(q === QUOTE ? '"' : "'", i + 1);
          const stop = close === -1 ? n : close;
          value = slice(i + 1, stop);
          i = close === -1 ? n : close + 1;
        } else {
          const stop = nameEnd(text, i);
          value = slice(i, stop);
          i = stop === i ? i + 1 : stop;
        }
      }
      if (skipped === 0 && attr !== '' && !Object.prototype.hasOwnProperty.call(attribs, attr)) attribs[attr] = decodeEntities(value);
    }
    pos = i;
    if (!closed) break; // a start tag cut off by the end of the text: nothing of it is kept
    if (skipped > 0) {
      if (!selfClosing) skipped++;
      continue;
    }
    const element: Element = { type: 'tag', name, attribs, children: [] };
    if (skipChild !== undefined && stack.length === 2 && skipChild(element)) {
      if (!selfClosing) skipped = 1;
      continue;
    }
    (stack[stack.length - 1] as Element).children.push(element);
    if (!selfClosing) stack.push(element);
  }
  return top.children;
}
