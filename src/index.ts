/**
 * The library API: the same conversion the CLI runs, for Node pipelines.
 *
 *   import { convertFile, convertBatch } from 'yusuan';
 *   const { status, document } = await convertFile('lunan.docx');
 *   for await (const { input, conversion } of convertBatch(files, { jobs: 2 })) …
 */
export { convertBytes, convertFile, type Conversion, type ConvertOptions } from './convert.js';
export { convertBatch, type BatchInput, type BatchOptions, type BatchResult } from './batch/index.js';
export { checkDocument, checkFindings, RULES } from './check/index.js';
export { diffDocuments, type DiffOptions } from './diff/index.js';
export { renderCsv as renderDiffCsv } from './diff/render/csv.js';
export { renderHtml as renderDiffHtml } from './diff/render/html.js';
export { renderJson as renderDiffJson } from './diff/render/json.js';
export { renderMarkdown as renderDiffMarkdown } from './diff/render/markdown.js';
export { DocxMemo } from './read/docx/memo.js';
export { readDocument, formatOfName, InputError, type DocumentModel, type Block, type Paragraph, type Table, type Cell } from './read/index.js';
export { recognize, TEMPLATES, type Recognized, type Template } from './recognize/index.js';
export { normalize } from './normalize/index.js';
export * as schema from './schema/document.js';
export type { Document, Project, Indicator, Target, Basis, Amount, SchedulePoint, Diagnostic, OverviewSection } from './schema/document.js';
export { documentJsonSchema } from './schema/json-schema.js';
export { CODES, type DiagnosticCode } from './diagnostics.js';
export { VERSION } from './version.js';
