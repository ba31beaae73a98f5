/**
 * XML access for WordprocessingML: parse a part with htmlparser2 in XML mode and walk the
 * element tree by qualified name. Elements of the main namespace are addressed as `w:…`
 * whatever prefix the producer chose.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { InputError } from '../errors.js';

export type { Element };

const MAIN_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The text of an XML part: UTF-8, or UTF-16 when it starts with a byte-order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * Parse an XML part and return its root element. htmlparser2 is lenient: it closes what a
 * damaged part leaves open. A part that does not end with its root's closing tag has lost
 * its end (a truncated download, a damaged zip entry), and what it still holds would pass
 * for a complete document with projects missing, so it is refused.
 */
export function parseXml(bytes: Uint8Array, partName: string): Element {
  const text = decodeXml(bytes);
  const dom = parseDocument(text, { xmlMode: true });
  const root = dom.children.find(isElement);
  if (!root) throw new InputError('corrupt', `${partName} holds no XML element`);
  if (!text.trimEnd().endsWith(`</${root.name}>`)) throw new InputError('corrupt', `${partName} is cut off: it does not end with </${root.name}>`);
  const prefix = Object.entries(root.attribs).find(([k, v]) => k.startsWith('xmlns:') && v === MAIN_NS)?.[0].slice(6);
  if (prefix && prefix !== 'w') renamePrefix(root, `${prefix}:`);
  else if (!prefix && root.attribs.xmlns === MAIN_NS) qualifyDefault(root);
  return root;
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

export function* elements(el: Element): Generator<Element> {
  for (const child of el.children) if (isElement(child)) yield child;
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
