/**
 * Text items of every page read both ways: built from the operator list (text-items.ts) and
 * by pdf.js's own text pass (getTextContent), for the tests that hold the first to the second.
 */
import { readFileSync } from 'node:fs';
import { AnnotationMode } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fontFacts, openDocument, textContentItems, type RawTextItem } from '../../src/read/pdf/load.js';
import { textItemsFromOperators } from '../../src/read/pdf/text-items.js';

export interface PageItems {
  page: number;
  /** null: the builder left the page to getTextContent. */
  fromOperators: RawTextItem[] | null;
  fromTextContent: RawTextItem[];
}

export async function itemsBothWays(file: string): Promise<PageItems[]> {
  const { doc, close } = await openDocument(new Uint8Array(readFileSync(file)));
  const out: PageItems[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      const fromOperators = textItemsFromOperators(ops.fnArray, ops.argsArray, await fontFacts(page, ops.fnArray, ops.argsArray), page.view);
      out.push({ page: n, fromOperators, fromTextContent: await textContentItems(page) });
      page.cleanup();
    }
  } finally {
    await close();
  }
  return out;
}

/** The largest difference in any number (width, height, transform) of two item lists of equal shape. */
export function largestDifference(a: readonly RawTextItem[], b: readonly RawTextItem[]): number {
  let most = 0;
  a.forEach((x, k) => {
    const y = b[k]!;
    const pairs: [number, number][] = [[x.width, y.width], [x.height, y.height], ...x.transform.map((t, j): [number, number] => [t, y.transform[j]!])];
    for (const [u, v] of pairs) most = Math.max(most, Math.abs(u - v));
  });
  return most;
}
