/**
 * Recognition: the document model → raw project records, per template.
 */
import type { DocumentModel } from '../read/model.js';
import { assemble } from './assemble.js';
import type { Recognized } from './records.js';
import type { Template } from './template.js';
import { TEMPLATES } from './templates/index.js';

export type { Recognized, RawProject, RawIndicator, Located } from './records.js';
export type { Template } from './template.js';
export { TEMPLATES };

export function recognize(model: DocumentModel, templates: readonly Template[] = TEMPLATES): Recognized {
  return assemble(model, templates);
}
