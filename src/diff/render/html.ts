/**
 * The HTML rendering: one self-contained page (inline style and script, no external URL
 * of any kind, so it opens offline and can be mailed as it is). A summary at the top,
 * then per department a table of projects added and removed and one table per changed
 * project; every change is a row coloured by its kind, and checkboxes filter the rows
 * by kind (a little inline script; without script every row shows).
 */
import { ChangeKind, type Diff, type DocumentDiff, type DocumentRef, type ProjectDiff, type TextSegment } from '../../schema/diff.js';
import { allChanges, projectChanges, type Change } from '../changes.js';
import { aside, colon, MATCH_LABELS, say, type Lang } from '../labels.js';
import { departmentTitle, documentLine, projectTitle } from './headings.js';
import { deltaOf, kindLabel, subjectOf, TEXT_KINDS, valueOf } from './present.js';
import { summaryRows } from './summary-rows.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The colour family of a kind. */
function colourOf(kind: ChangeKind): string {
  if (kind === 'project-added' || kind === 'indicator-added') return 'c-added';
  if (kind === 'project-removed' || kind === 'indicator-removed') return 'c-removed';
  if (kind === 'raised') return 'c-raised';
  if (kind === 'lowered') return 'c-lowered';
  if (kind === 'budget-changed' || kind === 'schedule-changed') return 'c-money';
  return 'c-other';
}

const STYLE = `
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem;color:#1f2328;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1.1rem;margin-bottom:.25rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
table.summary{width:auto}table.summary td:last-child{text-align:right}
.kind{white-space:nowrap;font-weight:600}
tr.c-added td{background:#e6f4ea}tr.c-removed td{background:#fdecea}
tr.c-raised td{background:#fff1e0}tr.c-lowered td{background:#e3effd}
tr.c-money td{background:#fffbe6}tr.c-other td{background:#f6f4fb}
del{background:#f8c9c9;text-decoration:line-through}ins{background:#c8ecc8;text-decoration:none}
#filter label{display:inline-block;margin:0 1rem .3rem 0;white-space:nowrap}
#filter .swatch{padding:0 .3rem;border-radius:3px}
.swatch.c-added{background:#e6f4ea}.swatch.c-removed{background:#fdecea}.swatch.c-raised{background:#fff1e0}
.swatch.c-lowered{background:#e3effd}.swatch.c-money{background:#fffbe6}.swatch.c-other{background:#f6f4fb}
.muted{color:#59636e}
`;

/** Shows and hides rows by the checked kinds, and hides tables left empty. No comments: a page without any double slash. */
const SCRIPT = `
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filter input[type=checkbox]'));
  function apply() {
    var shown = {};
    boxes.forEach(function (box) { shown[box.value] = box.checked; });
    document.querySelectorAll('tr[data-kind]').forEach(function (row) { row.hidden = !shown[row.getAttribute('data-kind')]; });
    document.querySelectorAll('section.changes').forEach(function (group) { group.hidden = !group.querySelector('tr[data-kind]:not([hidden])'); });
  }
  function setAll(on) { boxes.forEach(function (box) { box.checked = on; }); apply(); }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  document.getElementById('filter-all').addEventListener('click', function () { setAll(true); });
  document.getElementById('filter-none').addEventListener('click', function () { setAll(false); });
})();
`;

function segmentsHtml(segments: readonly TextSegment[]): string {
  return segments
    .map((s) => {
      const text = escapeHtml(s.text).replace(/\r?\n/g, '<br>');
      return s.op === 'delete' ? `<del>${text}</del>` : s.op === 'insert' ? `<ins>${text}</ins>` : text;
    })
    .join('');
}

function td(html: string, className?: string): string {
  return className === undefined ? `<td>${html}</td>` : `<td class="${className}">${html}</td>`;
}

function changeRow(change: Change, lang: Lang): string {
  const delta = TEXT_KINDS.has(change.kind) && change.segments !== null ? segmentsHtml(change.segments) : escapeHtml(deltaOf(change, lang));
  return (
    `<tr data-kind="${change.kind}" class="${colourOf(change.kind)}">` +
    td(escapeHtml(kindLabel(change.kind, lang)), 'kind') +
    td(escapeHtml(subjectOf(change, lang))) +
    td(escapeHtml(valueOf(change, change.old))) +
    td(escapeHtml(valueOf(change, change.new))) +
    td(delta) +
    '</tr>'
  );
}

function changeTable(header: readonly string[], rows: readonly string[]): string {
  return `<table><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function projectSection(project: ProjectDiff, lang: Lang): string {
  const match = project.match;
  const how = match === null ? '' : MATCH_LABELS[match.by][lang] + (match.score === null ? '' : aside(`${say('score', lang)} ${match.score}`, lang));
  const header = [say('kind', lang), say('subject', lang), say('old', lang), say('new', lang), say('delta', lang)];
  return (
    `<section class="changes"><h3>${escapeHtml(projectTitle(project, lang))}</h3><p class="muted">${escapeHtml(how)}</p>\n` +
    `${changeTable(header, projectChanges(project).map((c) => changeRow(c, lang)))}</section>`
  );
}

function addedAndRemovedSection(projects: readonly ProjectDiff[], lang: Lang): string {
  const rows = projects.flatMap((project) =>
    projectChanges(project).map(
      (change) =>
        `<tr data-kind="${change.kind}" class="${colourOf(change.kind)}">` +
        td(escapeHtml(kindLabel(change.kind, lang)), 'kind') +
        td(escapeHtml(projectTitle(project, lang))) +
        td(escapeHtml(valueOf(change, change.old ?? change.new))) +
        '</tr>',
    ),
  );
  const header = [say('kind', lang), say('item', lang), say('budget', lang) + aside(say('yuan', lang), lang)];
  return `<section class="changes"><h3>${escapeHtml(say('addedAndRemoved', lang))}</h3>\n${changeTable(header, rows)}</section>`;
}

function documentSection(document: DocumentDiff, lang: Lang): string {
  const code = (path: string): string => `<code>${escapeHtml(path)}</code>`;
  let sources: string;
  if (document.old !== null && document.new !== null) {
    sources = `${escapeHtml(say('old', lang) + colon(lang))}${documentLine(document.old, lang, code)} → ${escapeHtml(say('new', lang) + colon(lang))}${documentLine(document.new, lang, code)}`;
  } else {
    const only = (document.new ?? document.old) as DocumentRef;
    sources = `${documentLine(only, lang, code)}${escapeHtml(colon(lang) + say(document.new !== null ? 'documentAdded' : 'documentRemoved', lang))}`;
  }
  const parts = [`<section class="document"><h2>${escapeHtml(departmentTitle(document, lang))}</h2><p class="muted">${sources}</p>`];
  const addedOrRemoved = document.projects.filter((p) => p.status === 'added' || p.status === 'removed');
  if (addedOrRemoved.length > 0) parts.push(addedAndRemovedSection(addedOrRemoved, lang));
  for (const project of document.projects) if (project.status === 'changed') parts.push(projectSection(project, lang));
  parts.push('</section>');
  return parts.join('\n');
}

function filterSection(diff: Diff, lang: Lang): string {
  const counts = new Map<ChangeKind, number>();
  for (const change of allChanges(diff.documents)) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  // Kinds in their schema order, so the filter reads the same in every report.
  const present = ChangeKind.options.filter((kind) => counts.has(kind));
  const boxes = present.map((kind) => [kind, counts.get(kind) ?? 0] as const).map(
    ([kind, n]) =>
      `<label><input type="checkbox" value="${kind}" checked> <span class="swatch ${colourOf(kind)}">${escapeHtml(kindLabel(kind, lang))}</span> (${n})</label>`,
  );
  return (
    `<section id="filter"><h2>${escapeHtml(say('filter', lang))}</h2>\n${boxes.join('\n')}\n` +
    `<p><button type="button" id="filter-all">${escapeHtml(say('all', lang))}</button> <button type="button" id="filter-none">${escapeHtml(say('none', lang))}</button></p></section>`
  );
}

export function renderHtml(diff: Diff, lang: Lang): string {
  const title = say('title', lang);
  const summary = summaryRows(diff, lang)
    .map(([label, value]) => `<tr><td>${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">${escapeHtml(say('old', lang) + colon(lang))}<code>${escapeHtml(diff.arguments.old)}</code><br>${escapeHtml(say('new', lang) + colon(lang))}<code>${escapeHtml(diff.arguments.new)}</code></p>`,
    `<section id="summary"><h2>${escapeHtml(say('summary', lang))}</h2><table class="summary"><tbody>\n${summary}\n</tbody></table></section>`,
  ];
  if (diff.summary.changes === 0) body.push(`<p>${escapeHtml(say('noDifferences', lang))}</p>`);
  else {
    body.push(filterSection(diff, lang));
    for (const document of diff.documents) if (document.projects.some((p) => p.status !== 'unchanged')) body.push(documentSection(document, lang));
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
