/**
 * XML access for SpreadsheetML parts: a streaming scan (htmlparser2's tokenizer in XML mode)
 * rather than a tree, because a sheet can hold a million cells and a tree of them would take
 * ten times the memory of their text; and a scan keeps no recursion, so a part nested
 * thousands of levels deep cannot exhaust the stack. Elements are given by local name and
 * namespace URI, whatever prefix the producer chose (`x:row` from .NET writers, `row` from
 * Excel): the reader matches the SpreadsheetML namespaces of both the transitional and the
 * strict schema.
 */
import { Parser } from 'htmlparser2';
import { decodeXml } from '../docx/xml.js';
import { InputError } from '../errors.js';

export const MAIN_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
]);

export const RELATIONSHIP_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

export const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Deeper nesting than this is no SpreadsheetML (real parts nest under ten levels). */
export const MAX_XML_DEPTH = 1000;

export interface XmlElement {
  /** The name without its prefix: `row`, `c`, `Relationship`. */
  local: string;
  /** The namespace URI the element's prefix (or the default namespace) is bound to; '' for none. */
  namespace: string;
  /** An attribute by local name: unprefixed, or prefixed with a prefix bound to one of `namespaces`. */
  attr(local: string, namespaces?: ReadonlySet<string>): string | undefined;
}

export interface XmlHandler {
  open?(element: XmlElement, depth: number): void;
  /** Character data (entities and CDATA decoded), in pieces: a handler joins what it needs. */
  text?(data: string, depth: number): void;
  close?(local: string, namespace: string, depth: number): void;
}

type Scope = Readonly<Record<string, string>>;

/**
 * Scan an XML part, calling the handler for each element and text. A part that stops before
 * its root element is closed has lost its end (a truncated download, a damaged zip entry):
 * what it holds would pass for a whole sheet with rows missing, so it is refused as corrupt.
 */
export function scanXml(bytes: Uint8Array, partName: string, handler: XmlHandler): void {
  // One scope per open element: the prefix bindings in force (a new object only where an
  // element declares a namespace, so the common case costs a pointer).
  const scopes: Scope[] = [{ xml: 'http://www.w3.org/XML/1998/namespace' }];
  const names: { local: string; namespace: string }[] = [];
  let rootSeen = false;
  let rootClosed = false;
  let failure: InputError | null = null;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (failure) return;
        if (names.length === 0) {
          if (rootSeen) return; // content after the root: not XML, ignored like a comment
          rootSeen = true;
        }
        if (names.length >= MAX_XML_DEPTH) {
          failure = new InputError('too-complex', `${partName} nests elements deeper than ${MAX_XML_DEPTH} levels; not read`);
          parser.pause();
          return;
        }
        const outer = scopes[scopes.length - 1] as Scope;
        let scope = outer;
        for (const key in attribs) {
          if (key === 'xmlns' || key.startsWith('xmlns:')) {
            if (scope === outer) scope = { ...outer };
            (scope as Record<string, string>)[key === 'xmlns' ? '' : key.slice(6)] = attribs[key] as string;
          }
        }
        scopes.push(scope);
        const colon = name.indexOf(':');
        const local = colon < 0 ? name : name.slice(colon + 1);
        const namespace = scope[colon < 0 ? '' : name.slice(0, colon)] ?? '';
        names.push({ local, namespace });
        handler.open?.(
          {
            local,
            namespace,
            attr(wanted, namespaces) {
              // An unprefixed attribute is in no namespace: its name is its key.
              if (namespaces === undefined) return attribs[wanted];
              for (const key in attribs) {
                const at = key.indexOf(':');
                if (at > 0 && key.slice(at + 1) === wanted && namespaces.has(scope[key.slice(0, at)] ?? '')) return attribs[key];
              }
              return undefined;
            },
          },
          names.length - 1,
        );
      },
      ontext(data) {
        if (failure || names.length === 0) return;
        handler.text?.(data, names.length - 1);
      },
      onclosetag(_name, isImplied) {
        if (failure || names.length === 0) return;
        const closed = names.pop() as { local: string; namespace: string };
        scopes.pop();
        if (names.length === 0 && !isImplied) rootClosed = true;
        handler.close?.(closed.local, closed.namespace, names.length);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(decodeXml(bytes));
  if (failure) throw failure;
  if (!rootSeen) throw new InputError('corrupt', `${partName} holds no XML element`);
  if (!rootClosed) throw new InputError('corrupt', `${partName} is cut off: its root element is never closed`);
}

/**
 * OOXML strings (ST_Xstring) escape characters XML cannot hold as `_xHHHH_` (Excel writes a
 * carriage return as `_x000D_`); `_x005F_` escapes the underscore of a literal `_x…_`.
 */
export function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
