/**
 * The workbook part: its sheets in tab order (the order of `<sheets>`, which is what Excel
 * shows, not sheetId), each sheet's state, and where its part is, by the workbook's
 * relationships; where the styles and the shared strings are; and the date system.
 */
import { InputError, oneLine } from '../errors.js';
import { MAIN_NAMESPACES, PACKAGE_RELATIONSHIPS, RELATIONSHIP_NAMESPACES, scanXml } from './xml.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetEntry {
  name: string;
  state: SheetState;
  kind: SheetKind;
  /** The sheet's part inside the zip, or null when the relationship is missing or external. */
  part: string | null;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  stylesPart: string | null;
  sharedStringsPart: string | null;
  /** Serial dates count from 1904-01-01 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** `/relationships/worksheet` and its strict twin end the same way; so do the others. */
function typeName(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

const SHEET_KINDS: Record<string, SheetKind> = { worksheet: 'worksheet', chartsheet: 'chartsheet', dialogsheet: 'dialogsheet', xlMacrosheet: 'macrosheet', xlIntlMacrosheet: 'macrosheet' };

/** A relationship target, relative to the workbook's folder (`xl/`) unless absolute. */
export function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function readRelationships(bytes: Uint8Array, partName: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  scanXml(bytes, partName, {
    open(el) {
      if (el.local !== 'Relationship' || el.namespace !== PACKAGE_RELATIONSHIPS) return;
      const id = el.attr('Id');
      const target = el.attr('Target');
      if (id === undefined || target === undefined) return;
      out.set(id, { type: el.attr('Type') ?? '', target, external: el.attr('TargetMode') === 'External' });
    },
  });
  return out;
}

export function readWorkbook(workbook: Uint8Array, rels: Uint8Array, partName: string, relsName: string, maxSheets: number): WorkbookInfo {
  const relationships = readRelationships(rels, relsName);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(workbook, partName, {
    open(el) {
      if (!MAIN_NAMESPACES.has(el.namespace)) return;
      if (el.local === 'workbookPr') {
        const value = el.attr('date1904');
        date1904 = value === '1' || value === 'true';
      } else if (el.local === 'sheet') {
        if (sheets.length >= maxSheets) throw new InputError('too-complex', `the workbook lists more than ${maxSheets} sheets; not read`);
        const state = el.attr('state');
        const id = el.attr('id', RELATIONSHIP_NAMESPACES);
        const rel = id === undefined ? undefined : relationships.get(id);
        sheets.push({
          name: el.attr('name') ?? `sheet ${sheets.length + 1}`,
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          kind: rel ? (SHEET_KINDS[typeName(rel.type)] ?? 'other') : 'worksheet',
          part: rel && !rel.external ? resolveTarget(partName, rel.target) : null,
        });
      }
    },
  });
  let stylesPart: string | null = null;
  let sharedStringsPart: string | null = null;
  for (const rel of relationships.values()) {
    if (rel.external) continue;
    const name = typeName(rel.type);
    if (name === 'styles') stylesPart ??= resolveTarget(partName, rel.target);
    else if (name === 'sharedStrings') sharedStringsPart ??= resolveTarget(partName, rel.target);
  }
  return { sheets, stylesPart, sharedStringsPart, date1904 };
}

/** A sheet name as a message shows it: quoted, control characters escaped. */
export function sheetLabel(name: string): string {
  return `'${oneLine(name)}'`;
}
