/**
 * Text items built from the operator list (src/read/pdf/text-items.ts) against pdf.js's own
 * text pass, on every page of the real disclosures (read where they are, in ../shared).
 * Where the builder takes a page, its items must have getTextContent's strings and fonts,
 * item for item, and their positions may differ only by the rounding text-items.ts
 * documents: matrices written with more places than a float keeps (1153.119995 read as
 * 1153.12), a few ten-thousandths of a point after a line's widths add up.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers.js';
import { itemsBothWays, largestDifference } from '../read/text-items-helpers.js';

const DIRS = ['../shared/corpora/real-2026', '../shared/corpora/real-disclosures'];
const FILES = DIRS.flatMap((dir) => readdirSync(fixturePath(dir)).filter((f) => f.endsWith('.pdf')).map((f) => `${dir}/${f}`)).sort();

/** Points: far below any tolerance of the reader (a third of an em, 0.15 em gaps). */
const POSITION_SLACK = 0.002;

describe('textItemsFromOperators on the real disclosures', () => {
  it('has the 41 PDFs of both corpora', () => {
    expect(FILES).toHaveLength(41);
  });

  let taken = 0;
  let total = 0;
  it.each(FILES)('%s: same strings and fonts as getTextContent', async (file) => {
    const pages = await itemsBothWays(fixturePath(file));
    for (const p of pages) {
      total++;
      if (p.fromOperators === null) continue;
      taken++;
      const strings = (items: typeof p.fromTextContent): string[] => items.map((i) => `${i.fontName}\u0000${i.str}`);
      expect({ page: p.page, items: strings(p.fromOperators) }).toEqual({ page: p.page, items: strings(p.fromTextContent) });
      expect(largestDifference(p.fromOperators, p.fromTextContent)).toBeLessThan(POSITION_SLACK);
    }
  });

  // 1,511 before the builder followed the same font set again while an item was open.
  it('takes most pages itself (1,741 of the 1,968 when this was written)', () => {
    expect(total).toBe(1968);
    expect(taken).toBeGreaterThan(total * 0.85);
  });
});
