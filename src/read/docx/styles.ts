/**
 * What paragraph styles contribute to reading: the heading level (outline level) and list
 * numbering that a style, rather than the paragraph itself, carries.
 */
import { child, childrenNamed, intVal, localName, parseChildrenNamed, val, type Element } from './xml.js';

export interface StyleInfo {
  heading: number | null;
  numbering: { numId: string; level: number } | null;
}

export interface Styles {
  paragraph(styleId: string | null): StyleInfo;
}

interface RawStyle {
  basedOn: string | null;
  outline: number | null;
  numbering: { numId: string; level: number } | null;
}

const NONE: StyleInfo = { heading: null, numbering: null };

/** `heading 1` (Word's built-in name), `标题 1` (WPS). */
function headingFromName(name: string | null): number | null {
  const m = name?.match(/^(?:heading|标题)\s*(\d)$/i);
  return m ? Number(m[1]) - 1 : null;
}

function readRawStyle(style: Element): RawStyle {
  const pPr = child(style, 'w:pPr');
  const outlineRaw = val(pPr, 'w:outlineLvl');
  let outline = outlineRaw === null ? headingFromName(val(style, 'w:name')) : Number(outlineRaw);
  if (outline !== null && (!Number.isInteger(outline) || outline > 8)) outline = null; // 9 = body text
  const numPr = child(pPr, 'w:numPr');
  const numId = val(numPr, 'w:numId');
  return {
    basedOn: val(style, 'w:basedOn'),
    outline,
    numbering: numId !== null ? { numId, level: intVal(numPr, 'w:ilvl', 0) } : null,
  };
}

/** By local names: isParagraphStyle sees the producer's own prefixes (parseChildrenNamed). */
function isParagraphStyle(el: Element): boolean {
  if (localName(el.name) !== 'style') return false;
  for (const [key, value] of Object.entries(el.attribs)) if (localName(key) === 'type') return value === 'paragraph';
  return false;
}

export function readStyles(bytes: Uint8Array | null): Styles {
  const raw = new Map<string, RawStyle>();
  if (bytes) {
    // Word's styles.xml is mostly latent styles, document defaults and character and table
    // styles (438 KB in Word's own template); only paragraph styles are decoded and parsed.
    const root = parseChildrenNamed(bytes, 'word/styles.xml', 'style', isParagraphStyle);
    for (const style of childrenNamed(root, 'w:style')) {
      const id = style.attribs['w:styleId'];
      if (style.attribs['w:type'] === 'paragraph' && id) raw.set(id, readRawStyle(style));
    }
  }
  const resolved = new Map<string, StyleInfo>();
  const resolve = (id: string, depth: number): StyleInfo => {
    const cached = resolved.get(id);
    if (cached) return cached;
    const own = raw.get(id);
    if (!own) return NONE;
    const base = own.basedOn && depth < 20 ? resolve(own.basedOn, depth + 1) : NONE;
    const info: StyleInfo = {
      heading: own.outline ?? base.heading,
      numbering: own.numbering ?? base.numbering,
    };
    resolved.set(id, info);
    return info;
  };
  return { paragraph: (id) => (id ? resolve(id, 0) : NONE) };
}
