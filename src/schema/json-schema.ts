import { z } from 'zod';
import { Document } from './document.js';

/** The JSON Schema of a document, generated from the zod schema (never written by hand). */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Document, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
