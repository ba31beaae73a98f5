/**
 * `yusuan diff <old> <new>`: compare two years of disclosures and print the differences
 * as Markdown (default), CSV, JSON or HTML. Like diff(1): exit status 0 when there are no
 * differences, 1 when there are, 2 on trouble (an unreadable input, a usage error).
 */
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../export/atomic.js';
import { diffDocuments } from '../diff/index.js';
import { LANGS, type Lang } from '../diff/labels.js';
import { renderCsv } from '../diff/render/csv.js';
import { renderHtml } from '../diff/render/html.js';
import { renderJson } from '../diff/render/json.js';
import { renderMarkdown } from '../diff/render/markdown.js';
import type { Diff } from '../schema/diff.js';
import { loadArguments, type LoadedArgument } from './load-documents.js';
import { LIMIT_HELP, LIMIT_OPTIONS, parseLimits, type ConversionLimits } from './limits.js';
import { UsageError } from './usage.js';

export const DIFF_HELP = `Usage: yusuan diff <old> <new> [options]

Compare two years of budget disclosures: projects added, removed and changed, budget
changes in yuan, spend-schedule changes, and indicator targets raised, lowered or
otherwise changed. <old> and <new> are document JSON files (from yusuan convert),
directories of them, or source .docx/.pdf files (converted on the fly). Documents in
directories are paired by department (code, else name).

Options:
      --format <fmt>     md (default), csv, json or html
      --lang <lang>      zh (default) or en: the labels of md and html
  -o, --out <file>       write to a file instead of standard output
${LIMIT_HELP}  -h, --help             show this help

Exit status: 0 when there are no differences, 1 when there are, 2 on error.
`;

export const DIFF_FORMATS = ['md', 'csv', 'json', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

interface DiffArgs extends ConversionLimits {
  old: string;
  new: string;
  format: DiffFormat;
  lang: Lang;
  out: string | null;
}

export function parseDiffArgs(argv: string[]): DiffArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'md' },
      lang: { type: 'string', default: 'zh' },
      out: { type: 'string', short: 'o' },
      ...LIMIT_OPTIONS,
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 2) throw new UsageError(`diff needs two arguments, <old> and <new>; got ${positionals.length}`);
  if (!(DIFF_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`unknown format "${values.format}" (choose from ${DIFF_FORMATS.join(', ')})`);
  if (!(LANGS as readonly string[]).includes(values.lang)) throw new UsageError(`unknown language "${values.lang}" (choose from ${LANGS.join(', ')})`);
  const [old = '', current = ''] = positionals;
  return { ...parseLimits(values), old, new: current, format: values.format as DiffFormat, lang: values.lang as Lang, out: values.out ?? null };
}

export function renderDiff(diff: Diff, format: DiffFormat, lang: Lang): string {
  switch (format) {
    case 'csv':
      return renderCsv(diff);
    case 'json':
      return renderJson(diff);
    case 'html':
      return renderHtml(diff, lang);
    default:
      return renderMarkdown(diff, lang);
  }
}

/** The problems that stop a comparison, one line each; [] when both sides are readable. */
function troubles(argument: string, loaded: LoadedArgument): string[] {
  const lines = loaded.problems.map((p) => `${p.path}: ${p.reason}`);
  if (lines.length === 0 && loaded.documents.length === 0) lines.push(`${argument}: no document JSON, .docx or .pdf found`);
  return lines;
}

export async function runDiff(argv: string[]): Promise<number> {
  const args = parseDiffArgs(argv);
  if (args === 'help') {
    process.stdout.write(DIFF_HELP);
    return 0;
  }
  // Both sides' sources converted in one batch: one pool of workers for both.
  const [old, current] = (await loadArguments([args.old, args.new], args)) as [LoadedArgument, LoadedArgument];
  const problems = [...troubles(args.old, old), ...troubles(args.new, current)];
  if (problems.length > 0) {
    for (const line of problems) process.stderr.write(`yusuan diff: ${line}\n`);
    return 2;
  }
  const diff = diffDocuments(old.documents, current.documents, {
    arguments: { old: args.old, new: args.new },
    asGiven: old.isFile && current.isFile,
  });
  const text = renderDiff(diff, args.format, args.lang);
  if (args.out === null) process.stdout.write(text);
  else await writeFileAtomic(args.out, text);
  return diff.summary.changes > 0 ? 1 : 0;
}
