/**
 * XML access for WordprocessingML: parse a part (xml-tree.ts) and walk the element tree by
 * qualified name. Elements of the main namespace are addressed as `w:…`
 * whatever prefix the producer chose.
 */
import { InputError } from '../errors.js';
import { parseTree, parseTreeBytes, type Element, type TreeOptions, type XmlNode } from './xml-tree.js';

export type { Element };

const MAIN_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Does the part start with a UTF-16 byte-order mark (little- or big-endian)? */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The text of an XML part: UTF-8, or UTF-16 when it starts with a byte-order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export function isElement(node: XmlNode): node is Element {
  return node.type === 'tag';
}

/**
 * Parse an XML part and return its root element. The parser is lenient: it closes what a
 * damaged part leaves open. A part that does not end with its root's closing tag has lost
 * its end (a truncated download, a damaged zip entry), and what it still holds would pass
 * for a complete document with projects missing, so it is refused.
 */
export function parseXml(bytes: Uint8Array, partName: string, options: TreeOptions = {}): Element {
  // UTF-16 is decoded whole; UTF-8, nearly every part, is parsed from its bytes (parseTreeBytes).
  const text = isUtf16(bytes) ? decodeXml(bytes) : null;
  const root = (text !== null ? parseTree(text, options) : parseTreeBytes(bytes, options)).find(isElement);
  if (!root) throw new InputError('corrupt', `${partName} holds no XML element`);
  if (!endsWithClosing(text ?? decodedTail(bytes, root.name), root.name)) throw new InputError('corrupt', `${partName} is cut off: it does not end with </${root.name}>`);
  qualifyMain(root);
  return root;
}

/** Does the text end, but for white space, with `</name>`? (Without copying a large part.) */
function endsWithClosing(text: string, name: string): boolean {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
  const closing = `</${name}>`;
  return end >= closing.length && text.startsWith(closing, end - closing.length);
}

/**
 * Enough of the end of a UTF-8 part, decoded, for endsWithClosing to answer as it would on the
 * whole decoded part: a tail that starts at an ASCII byte (where a decoder's reading of what
 * follows cannot depend on what went before), holding more than white space and the closing
 * tag, or else the whole part.
 */
function decodedTail(bytes: Uint8Array, name: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const closingBytes = Buffer.byteLength(`</${name}>`);
  for (let length = closingBytes + 64; ; length *= 4) {
    let from = Math.max(0, buffer.length - length);
    while (from > 0 && (buffer[from] as number) >= 0x80) from--;
    if (from === 0) return decodeXml(bytes);
    const tail = buffer.toString('utf8', from);
    if (tail.trimEnd().length > closingBytes) return tail;
  }
}

/** The prefix the root binds the main namespace to: 'w' mostly; '' when it is the default namespace; null when neither. */
function mainPrefix(root: Element): string | null {
  const bound = Object.entries(root.attribs).find(([k, v]) => k.startsWith('xmlns:') && v === MAIN_NS)?.[0].slice(6);
  if (bound) return bound;
  return root.attribs.xmlns === MAIN_NS ? '' : null;
}

/** Address the main namespace as `w:` whatever the producer bound it to. */
function qualifyMain(root: Element): void {
  const prefix = mainPrefix(root);
  if (prefix) {
    if (prefix !== 'w') renamePrefix(root, `${prefix}:`);
  } else if (prefix === '') qualifyDefault(root);
}

/** A name without its prefix: `w:style` → `style`. */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * The root element with only those of its children of one local name (`style`) whose start
 * tag `keep` accepts (keep sees the producer's prefixes, so it must not depend on them). The
 * elements are found by searching the bytes, and only the ones kept are decoded and parsed:
 * Word's styles.xml is 438 KB, of which the paragraph styles are 17 KB. Such an element is
 * found at any depth, which in a valid part means among the root's children. A part in UTF-16,
 * or whose root start tag cannot be found this way, is parsed whole (same result, slower).
 */
export function parseChildrenNamed(bytes: Uint8Array, partName: string, local: string, keep: (start: Element) => boolean): Element {
  const whole = (): Element => {
    const root = parseXml(bytes, partName, { skipChild: (el) => localName(el.name) !== local || !keep(el) });
    root.children = root.children.filter((c) => isElement(c));
    return root;
  };
  if (isUtf16(bytes)) return whole();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rootStart = rootStartTag(buf);
  if (rootStart === null) return whole();
  const root = parseTree(buf.toString('utf8', rootStart.from, rootStart.to)).find(isElement);
  if (!root) return whole();
  let end = buf.length;
  while (end > 0 && (buf[end - 1] === 0x20 || buf[end - 1] === 0x0a || buf[end - 1] === 0x0d || buf[end - 1] === 0x09)) end--;
  const rootClosing = `</${root.name}>`;
  if (buf.toString('utf8', Math.max(0, end - Buffer.byteLength(rootClosing)), end) !== rootClosing) throw new InputError('corrupt', `${partName} is cut off: it does not end with </${root.name}>`);
  const prefix = mainPrefix(root);
  const name = prefix ? `${prefix}:${local}` : local;
  const open = Buffer.from(`<${name}`);
  const close = Buffer.from(`</${name}>`);
  for (let at = buf.indexOf(open, rootStart.to); at !== -1; at = buf.indexOf(open, at + open.length)) {
    const after = buf[at + open.length];
    if (!(after === 0x20 || after === 0x0a || after === 0x0d || after === 0x09 || after === 0x3e || after === 0x2f)) continue;
    const gt = buf.indexOf(0x3e, at);
    if (gt === -1) break;
    const start = parseTree(buf.toString('utf8', at, gt + 1)).find(isElement);
    if (!start || !keep(start)) continue;
    let to = gt + 1; // a self-closing start tag is the whole element
    if (buf[gt - 1] !== 0x2f) {
      const stop = buf.indexOf(close, gt);
      to = stop === -1 ? end : stop + close.length;
    }
    const element = parseTree(buf.toString('utf8', at, to)).find(isElement);
    if (element) root.children.push(element);
    at = to - open.length;
  }
  qualifyMain(root);
  return root;
}

/** Byte range of the root's start tag: the first `<` that opens an element, to its `>`. */
function rootStartTag(buf: Buffer): { from: number; to: number } | null {
  let at = buf.indexOf(0x3c);
  while (at !== -1) {
    const next = buf[at + 1] as number;
    if (next === 0x3f || next === 0x21) {
      // <?xml …?>, a comment or a DOCTYPE: skip to its end.
      const end = next === 0x21 && buf[at + 2] === 0x2d ? buf.indexOf('-->', at) : buf.indexOf(0x3e, at);
      if (end === -1) return null;
      at = buf.indexOf(0x3c, end);
      continue;
    }
    const gt = buf.indexOf(0x3e, at);
    return gt === -1 ? null : { from: at, to: gt + 1 };
  }
  return null;
}

/** Rare producers bind the main namespace to another prefix; map it to `w:` once. */
function renamePrefix(el: Element, from: string): void {
  if (el.name.startsWith(from)) el.name = `w:${el.name.slice(from.length)}`;
  for (const key of Object.keys(el.attribs)) {
    if (key.startsWith(from)) {
      el.attribs[`w:${key.slice(from.length)}`] = el.attribs[key] as string;
      delete el.attribs[key];
    }
  }
  for (const child of el.children) if (isElement(child)) renamePrefix(child, from);
}

/**
 * Some XML writers (.NET's among them) put the main namespace in the default namespace,
 * `<document xmlns="…/main">`: its unprefixed elements and attributes become `w:`.
 */
function qualifyDefault(el: Element): void {
  if (el.attribs.xmlns !== undefined && el.attribs.xmlns !== MAIN_NS) return; // another vocabulary inside
  if (!el.name.includes(':')) el.name = `w:${el.name}`;
  for (const key of Object.keys(el.attribs)) {
    if (!key.includes(':') && key !== 'xmlns') {
      el.attribs[`w:${key}`] = el.attribs[key] as string;
      delete el.attribs[key];
    }
  }
  for (const child of el.children) if (isElement(child)) qualifyDefault(child);
}

/** The element children of an element, in order (an array: a generator cost a run's reading more than the loop). */
export function elements(el: Element): Element[] {
  const out: Element[] = [];
  for (const child of el.children) if (isElement(child)) out.push(child);
  return out;
}

export function child(el: Element | null | undefined, name: string): Element | null {
  if (!el) return null;
  for (const c of el.children) if (isElement(c) && c.name === name) return c;
  return null;
}

export function childrenNamed(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const c of el.children) if (isElement(c) && c.name === name) out.push(c);
  return out;
}

/** The `w:val` attribute of a child element, e.g. val(tcPr, 'w:gridSpan'). */
export function val(el: Element | null | undefined, name: string): string | null {
  const c = child(el, name);
  return c ? (c.attribs['w:val'] ?? null) : null;
}

/** An on/off property: present without w:val, or with true/1/on, means on. */
export function isOn(el: Element | null | undefined, name: string): boolean {
  const c = child(el, name);
  if (!c) return false;
  const v = c.attribs['w:val'];
  return v === undefined || v === 'true' || v === '1' || v === 'on';
}

export function intVal(el: Element | null | undefined, name: string, fallback: number): number {
  const v = val(el, name);
  if (v === null) return fallback;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}

/** Concatenated character data of a text element such as w:t. */
export function textContent(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += c.data;
    else if (isElement(c)) out += textContent(c);
  }
  return out;
}
