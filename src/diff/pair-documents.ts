/**
 * Which old document is compared with which new one. Two file arguments are compared
 * with each other, whatever they say; documents found in directories pair by department:
 * its code, else its name, else (a document that names no department) the path under the
 * argument, without extensions.
 */
import type { DocumentDiff, DocumentRef } from '../schema/diff.js';
import type { Document } from '../schema/document.js';
import { matchItems, type Stage } from './match.js';
import { comparable } from './names.js';

export interface ComparedDocument {
  /** Where it was read, as the user named it. */
  path: string;
  /** Its path under the argument it came from (a file argument: its name). */
  relativePath: string;
  document: Document;
}

export interface DocumentPair {
  pairedBy: DocumentDiff['pairedBy'];
  old: ComparedDocument | null;
  new: ComparedDocument | null;
}

type PairedBy = Exclude<DocumentDiff['pairedBy'], null | 'arguments'>;

const STAGES: readonly Stage<ComparedDocument, PairedBy>[] = [
  { by: 'department-code', key: (d) => d.document.department?.code ?? null },
  { by: 'department-name', key: (d) => comparable(d.document.department?.name) },
  {
    by: 'path',
    key: (d) => (d.document.department === null ? d.relativePath.replace(/\.json$/i, '').replace(/\.(?:docx|pdf)$/i, '') : null),
  },
];

export function documentRef(compared: ComparedDocument): DocumentRef {
  const { document } = compared;
  return {
    path: compared.path,
    sourcePath: document.source.path,
    sha256: document.source.sha256,
    fiscalYear: document.fiscalYear,
    department: document.department,
  };
}

/**
 * `asGiven`: both arguments were files, so their documents are compared with each other.
 * Pairs come in the new order, then old documents that found no partner.
 */
export function pairDocuments(olds: readonly ComparedDocument[], news: readonly ComparedDocument[], asGiven: boolean): DocumentPair[] {
  if (asGiven && olds.length === 1 && news.length === 1) return [{ pairedBy: 'arguments', old: olds[0] ?? null, new: news[0] ?? null }];
  const matching = matchItems(olds, news, STAGES);
  const pairOf = new Map(matching.pairs.map((p) => [p.newIndex, p]));
  const pairs: DocumentPair[] = news.map((after, j) => {
    const pair = pairOf.get(j);
    return pair === undefined ? { pairedBy: null, old: null, new: after } : { pairedBy: pair.by, old: olds[pair.oldIndex] ?? null, new: after };
  });
  for (const i of matching.unmatchedOld) pairs.push({ pairedBy: null, old: olds[i] ?? null, new: null });
  return pairs;
}
