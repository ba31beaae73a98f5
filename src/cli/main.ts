#!/usr/bin/env node
/**
 * The `yusuan` command. Usage mistakes exit 2 with one line; problems with inputs are
 * reported per input by the commands; anything else is a bug, reported in one line
 * (set YUSUAN_DEBUG=1 for the stack).
 */
import { VERSION } from '../version.js';
import { UsageError } from './usage.js';

const HELP = `yusuan ${VERSION} — import Chinese budget disclosures (绩效目标表) from .docx and PDF

Usage:
  yusuan convert <file|dir>... [-o <outdir>] [--format json,csv,ndjson] [--year YYYY] [--strict] [--bom] [--quiet]
  yusuan check <file|dir>...  consistency checks on documents (JSON, or any input convert reads)
  yusuan diff <old> <new> [--format md|csv|json|html] [--lang zh|en] [-o <file>]
                            year-over-year comparison
  yusuan schema             print the JSON Schema of a converted document
  yusuan schema diff        print the JSON Schema of diff --format json
  yusuan --version
  yusuan <command> --help

Exit status of convert: 0 when every input converted fully, 1 when any input failed or
was only partly converted or an output could not be written, 2 on a usage error, 3 on an
internal error (a bug). check: 1 when a finding is an error. diff: 1 when there are
differences. See yusuan <command> --help.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // Each command's modules are loaded when it runs: a short run (one file, --help) does
    // not pay for loading the others.
    case 'convert':
      return (await import('./convert.js')).runConvert(rest);
    case 'check':
      return (await import('./check.js')).runCheck(rest);
    case 'diff':
      return (await import('./diff.js')).runDiff(rest);
    case 'schema':
      if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(
          'Usage: yusuan schema [diff]\n\nPrints the JSON Schema (draft 2020-12) of the document JSON that convert writes,\nor with `diff`, of the JSON that diff --format json writes.\n',
        );
        return 0;
      }
      if (rest.length === 1 && rest[0] === 'diff') {
        const { diffJsonSchema } = await import('../schema/diff.js');
        process.stdout.write(`${JSON.stringify(diffJsonSchema(), null, 2)}\n`);
        return 0;
      }
      if (rest.length > 0) throw new UsageError(`schema takes no argument but "diff", got "${rest.join(' ')}"`);
      const { documentJsonSchema } = await import('../schema/json-schema.js');
      process.stdout.write(`${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
      return 0;
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

// A promise nobody awaited that rejected is a bug of ours (conversions run in worker
// processes, which keep their own): one line and exit 3, like any other, not Node's trace.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`yusuan: internal error: ${(reason as Error)?.message ?? String(reason)}\n`);
  if (process.env.YUSUAN_DEBUG) process.stderr.write(`${(reason as Error)?.stack ?? ''}\n`);
  process.exit(3);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`yusuan: ${(error as Error).message}\nTry 'yusuan --help'.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`yusuan: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.YUSUAN_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    // A bug, told apart from a usage mistake (2).
    process.exitCode = 3;
  },
);
