/**
 * Names of documents and projects as the Markdown and HTML renderings print them.
 */
import type { DocumentDiff, DocumentRef, ProjectDiff, ProjectRef } from '../../schema/diff.js';
import { aside, say, type Lang } from '../labels.js';

function withCode(name: string | null, code: string | null, lang: Lang, fallback: string): string {
  const shown = name ?? fallback;
  return code === null ? shown : shown + aside(code, lang);
}

/** `唐山市路南区科学技术协会本级（731001）`. */
export function departmentTitle(document: DocumentDiff, lang: Lang): string {
  const department = document.new?.department ?? document.old?.department ?? null;
  if (department === null) return (document.new ?? document.old)?.sourcePath ?? say('unknownDepartment', lang);
  return withCode(department.name, department.code, lang, say('unknownDepartment', lang));
}

/** `科普经费（13020225P00904910001F）`, the new name and code when the project has both years. */
export function projectTitle(project: ProjectDiff, lang: Lang): string {
  const ref = (project.new ?? project.old) as ProjectRef;
  return withCode(ref.name, ref.code, lang, say('unnamedProject', lang));
}

/** `fixtures/docx/lunan-kexie-2024.docx（2024年度）`. */
export function documentLine(ref: DocumentRef, lang: Lang, quote: (path: string) => string): string {
  if (ref.fiscalYear === null) return quote(ref.path);
  return quote(ref.path) + aside(lang === 'zh' ? `${ref.fiscalYear}年度` : `fiscal year ${ref.fiscalYear}`, lang);
}
