/**
 * The library API: the same conversion the CLI runs, for Node pipelines.
 *
 *   import { convertFile } from 'yusuan';
 *   const { status, document } = await convertFile('lunan.docx');
 */
export { convertBytes, convertFile, type Conversion, type ConvertOptions } from './convert.js';
export { readDocument, formatOfName, InputError, type DocumentModel, type Block, type Paragraph, type Table, type Cell } from './read/index.js';
export { recognize, TEMPLATES, type Recognized, type Template } from './recognize/index.js';
export { normalize } from './normalize/index.js';
export * as schema from './schema/document.js';
export type { Document, Project, Indicator, Target, Basis, Amount, SchedulePoint, Diagnostic, OverviewSection } from './schema/document.js';
export { documentJsonSchema } from './schema/json-schema.js';
export { CODES, type DiagnosticCode } from './diagnostics.js';
export { VERSION } from './version.js';
