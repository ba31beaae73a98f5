/**
 * --resume: an input whose document in the output directory was made from the same bytes
 * (sha256) by the same yusuan version is not converted again; its document is read back
 * and judged under this run's --strict. Anything else (no document, another version, a
 * changed file, another --year, a document that does not parse) is converted.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { judge, type Conversion } from '../convert.js';
import { jsonPathOf } from '../export/outputs.js';
import { Document } from '../schema/document.js';
import { VERSION } from '../version.js';
import type { BatchInput } from './index.js';

export function reuseFrom(outDir: string, options: { strict: boolean; year: number | null }) {
  return async (input: BatchInput, sha256: string): Promise<Conversion | null> => {
    let text: string;
    try {
      text = await readFile(join(outDir, jsonPathOf(input.path)), 'utf8');
    } catch {
      return null;
    }
    const parsed = Document.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const document = parsed.data;
    if (document.generator.version !== VERSION || document.source.sha256 !== sha256 || document.source.path !== input.path) return null;
    // A document made under another --year (or without one, or with one now dropped) differs.
    const madeWithYear = document.fiscalYearSource === 'option' ? document.fiscalYear : null;
    if (madeWithYear !== options.year) return null;
    const { status, message } = judge(document, options.strict);
    document.status = status;
    return {
      path: input.path,
      status,
      message,
      errorKind: null,
      document,
      sha256,
      bytes: document.source.bytes,
      format: document.source.format,
      elapsedMs: 0,
    };
  };
}
