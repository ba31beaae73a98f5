/**
 * The Markdown rendering (the default): a summary table, then per department the projects
 * added and removed, and one section per changed project with a table of its changes.
 * Text changes are shown as a compact one-line diff (`202[-4-]{+5+}年…`).
 */
import type { Diff, DocumentDiff, DocumentRef, ProjectDiff } from '../../schema/diff.js';
import { projectChanges, type Change } from '../changes.js';
import { aside, colon, MATCH_LABELS, say, type Lang } from '../labels.js';
import { documentLine, departmentTitle, projectTitle } from './headings.js';
import { deltaOf, inlineDiff, kindLabel, subjectOf, TEXT_KINDS, valueOf } from './present.js';
import { summaryRows } from './summary-rows.js';

/** Unchanged characters kept on each side of a text change. */
const CONTEXT = 12;

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function summaryLines(diff: Diff, lang: Lang): string[] {
  return table([say('item', lang), say('count', lang)], summaryRows(diff, lang));
}

function changeRow(change: Change, lang: Lang): string[] {
  const delta = TEXT_KINDS.has(change.kind) && change.segments !== null ? inlineDiff(change.segments, CONTEXT) : deltaOf(change, lang);
  return [kindLabel(change.kind, lang), subjectOf(change, lang), valueOf(change, change.old), valueOf(change, change.new), delta];
}

function projectSection(project: ProjectDiff, lang: Lang): string[] {
  const match = project.match;
  const how = match === null ? '' : MATCH_LABELS[match.by][lang] + (match.score === null ? '' : aside(`${say('score', lang)} ${match.score}`, lang));
  const header = [say('kind', lang), say('subject', lang), say('old', lang), say('new', lang), say('delta', lang)];
  return [`### ${projectTitle(project, lang)}`, '', how, '', ...table(header, projectChanges(project).map((c) => changeRow(c, lang))), ''];
}

function documentSection(document: DocumentDiff, lang: Lang): string[] {
  const lines = [`## ${departmentTitle(document, lang)}`, ''];
  const quote = (path: string): string => `\`${path}\``;
  if (document.old !== null && document.new !== null) {
    lines.push(`${say('old', lang)}${colon(lang)}${documentLine(document.old, lang, quote)} → ${say('new', lang)}${colon(lang)}${documentLine(document.new, lang, quote)}`, '');
  } else {
    const only = (document.new ?? document.old) as DocumentRef;
    lines.push(`${documentLine(only, lang, quote)}${colon(lang)}${say(document.new !== null ? 'documentAdded' : 'documentRemoved', lang)}`, '');
  }
  const addedOrRemoved = document.projects.filter((p) => p.status === 'added' || p.status === 'removed');
  if (addedOrRemoved.length > 0) {
    const rows = addedOrRemoved.flatMap((p) => projectChanges(p).map((c) => [kindLabel(c.kind, lang), projectTitle(p, lang), valueOf(c, c.old ?? c.new)]));
    lines.push(`### ${say('addedAndRemoved', lang)}`, '', ...table([say('kind', lang), say('item', lang), say('budget', lang) + aside(say('yuan', lang), lang)], rows), '');
  }
  for (const project of document.projects) if (project.status === 'changed') lines.push(...projectSection(project, lang));
  return lines;
}

export function renderMarkdown(diff: Diff, lang: Lang): string {
  const lines = [`# ${say('title', lang)}`, ''];
  lines.push(`${say('old', lang)}${colon(lang)}\`${diff.arguments.old}\`  `, `${say('new', lang)}${colon(lang)}\`${diff.arguments.new}\``, '');
  lines.push(`## ${say('summary', lang)}`, '', ...summaryLines(diff, lang), '');
  if (diff.summary.changes === 0) {
    lines.push(say('noDifferences', lang), '');
    return lines.join('\n');
  }
  lines.push(say('legend', lang), '');
  for (const document of diff.documents) {
    if (document.projects.some((p) => p.status !== 'unchanged')) lines.push(...documentSection(document, lang));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
