import type { Document } from '../schema/document.js';

/** One document per input, pretty-printed for people who open it and for clean diffs. */
export function documentJson(document: Document): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
