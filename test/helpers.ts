import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convertBytes, type Conversion } from '../src/convert.js';
import type { Document } from '../src/schema/document.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

const cache = new Map<string, Promise<Conversion>>();

/** Convert a file of the repository (path relative to its root), once per test run. */
export function convertFixture(relative: string, options: { year?: number | null } = {}): Promise<Conversion> {
  const key = `${relative}\u0000${options.year ?? ''}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = convertBytes(readFileSync(fixturePath(relative)), relative, options);
    cache.set(key, pending);
  }
  return pending;
}

export async function documentOf(relative: string): Promise<Document> {
  const conversion = await convertFixture(relative);
  if (!conversion.document) throw new Error(`${relative}: ${conversion.status} ${conversion.message}`);
  return conversion.document;
}
