/**
 * `yusuan check <files|dirs>`: the consistency rules (src/check/) over documents, printed
 * grouped by file and project. Exit status: 1 if any finding is an error, else 0; 2 when
 * an input cannot be read or on a usage error (like grep, trouble wins over findings).
 */
import { parseArgs } from 'node:util';
import { checkFindings } from '../check/index.js';
import type { Diagnostic } from '../schema/document.js';
import { loadArguments, type LoadedArgument, type LoadedDocument } from './load-documents.js';
import { LIMIT_HELP, LIMIT_OPTIONS, parseLimits } from './limits.js';
import { UsageError } from './usage.js';

export const CHECK_HELP = `Usage: yusuan check <file|dir>...

Run the consistency checks (budget sums, spend schedule, cost against budget, project
codes, indicators, document numbers) and print the findings grouped by file and project.
Arguments are document JSON files (from yusuan convert), directories of them, or source
.docx/.pdf files (converted on the fly).

Options:
${LIMIT_HELP}  -h, --help             show this help

Sources are converted as convert converts them, each in a worker process under the
limits above.

Exit status: 1 if any finding is an error, 0 otherwise; 2 when an input cannot be read
or on a usage error.
`;

/** Where a finding points, beyond its project: `page 3, table 2, row 5, column 6`. */
function place(finding: Diagnostic): string {
  const parts: string[] = [];
  if (finding.page !== null) parts.push(`page ${finding.page}`);
  if (finding.table !== null) parts.push(`table ${finding.table}`);
  if (finding.row !== null) parts.push(`row ${finding.row}`);
  if (finding.column !== null) parts.push(`column ${finding.column}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** The findings of one file: a header line, then per project its findings. */
export function formatFindings(loaded: LoadedDocument, findings: readonly Diagnostic[]): string {
  const byProject = new Map<string, Diagnostic[]>();
  for (const finding of findings) {
    const key = finding.project ?? '';
    byProject.set(key, [...(byProject.get(key) ?? []), finding]);
  }
  // A project is named by its code, else its name; a code several projects share names none of them.
  const names = new Map<string, string | null>();
  for (const p of loaded.document.projects) {
    const key = p.code ?? p.name ?? '';
    names.set(key, names.has(key) ? null : p.name);
  }
  const lines = [`${loaded.path}`];
  for (const [project, list] of byProject) {
    const name = names.get(project);
    lines.push(project === '' ? '  (document)' : `  ${project}${name && name !== project ? ` ${name}` : ''}`);
    for (const f of list) lines.push(`    ${f.severity} ${f.code}${place(f)}: ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...LIMIT_OPTIONS, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(CHECK_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('check needs at least one file or directory');
  const limits = parseLimits(values);

  let unreadable = 0;
  let files = 0;
  const counts = { error: 0, warning: 0, info: 0 };
  const all = await loadArguments(positionals, limits);
  for (const [index, argument] of positionals.entries()) {
    const loaded = all[index] as LoadedArgument;
    for (const problem of loaded.problems) {
      unreadable++;
      process.stderr.write(`${problem.path}: ${problem.reason}\n`);
    }
    if (loaded.problems.length === 0 && loaded.documents.length === 0) {
      unreadable++;
      process.stderr.write(`${argument}: no document JSON, .docx or .pdf found\n`);
    }
    for (const document of loaded.documents) {
      files++;
      const findings = checkFindings(document.document);
      for (const f of findings) counts[f.severity]++;
      if (findings.length > 0) process.stdout.write(formatFindings(document, findings));
    }
  }
  const total = counts.error + counts.warning + counts.info;
  process.stdout.write(`${files} file(s) checked: ${total} finding(s), ${counts.error} error(s), ${counts.warning} warning(s)\n`);
  if (unreadable > 0) return 2;
  return counts.error > 0 ? 1 : 0;
}
