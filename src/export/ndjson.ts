/**
 * projects.ndjson: one project per line, with the context a warehouse loader needs to
 * place it (source path, fiscal year, the document's department), for loaders that want
 * nested indicators and schedule without joining CSVs.
 */
import type { Document } from '../schema/document.js';

export function projectLines(document: Document): string[] {
  return document.projects.map(
    (project) =>
      `${JSON.stringify({
        sourcePath: document.source.path,
        sha256: document.source.sha256,
        fiscalYear: document.fiscalYear,
        documentDepartment: document.department,
        ...project,
      })}\n`,
  );
}
