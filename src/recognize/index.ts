/**
 * Recognition: the document model → raw records. The table-kind stage sorts the tables:
 * the standard budget tables are read as line items, the target tables by the project
 * assembler, per template.
 */
import type { DocumentModel } from '../read/model.js';
import { assemble } from './assemble.js';
import { readLineItems } from './line-items.js';
import { readQuotedFigures } from './quoted-figures.js';
import type { Recognized } from './records.js';
import type { Template } from './template.js';
import { TEMPLATES } from './templates/index.js';

export type { Recognized, RawProject, RawIndicator, Located } from './records.js';
export type { Template } from './template.js';
export { TEMPLATES };

export function recognize(model: DocumentModel, templates: readonly Template[] = TEMPLATES): Recognized {
  const lineItems = readLineItems(model);
  const projects = assemble(model, templates, lineItems.claimed);
  return { ...projects, tables: lineItems.tables, figures: readQuotedFigures(model), messages: [...lineItems.messages, ...projects.messages] };
}
