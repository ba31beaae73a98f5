/**
 * Which files a run converts: file arguments as given, directories walked recursively for
 * .docx and .pdf. Each input is recorded with its path relative to the argument it came
 * from (a file argument: its own name), which is also where its JSON document goes.
 * Only regular files are inputs: a FIFO, a device or a socket with a document's name is
 * listed as skipped with the reason. The output directory is walked like any other (it
 * holds no .docx or .pdf of ours), and symlink loops are walked once.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { notRegular, type SourcePath } from '../read/source-file.js';
import { walkFiles } from './walk.js';

export interface InputFile {
  /** Where to read it (the bytes of a name that is not UTF-8, as a Buffer). */
  file: SourcePath;
  /** What outputs call it: relative to its argument, with `/` separators. */
  path: string;
}

export interface CollectedInputs {
  inputs: InputFile[];
  /** Arguments that name nothing readable: `<arg>: <reason>`. */
  missing: { path: string; reason: string; kind: 'missing' | 'unreadable' }[];
  /** Files in the folders that look like documents this version does not read, with why. */
  skipped: { path: string; reason: string }[];
}

const WANTED = /\.(?:docx|pdf|xlsx|xlsm|doc|wps|xls|et)$/iu;

/** Documents a disclosure folder also holds, which this version does not read. */
const NOT_READ: readonly [RegExp, string][] = [
  [/\.(?:dot|dotx|dotm|xlt|xltx)$/iu, 'a template, not a document; not read'],
  [/\.(?:docm|odt|ods|rtf|ofd|csv)$/iu, 'document format not read (only .docx, .xlsx, .pdf and legacy .doc/.xls/.wps/.et are)'],
];

function acceptName(name: string): true | string | null {
  if (isLockFile(name)) return null;
  if (WANTED.test(name)) return true;
  for (const [pattern, reason] of NOT_READ) if (pattern.test(name)) return reason;
  return null;
}

/** `~$报告.docx`: the owner file Word and WPS keep beside an open document; not a document. */
function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

export async function collectInputs(args: readonly string[]): Promise<CollectedInputs> {
  const inputs: InputFile[] = [];
  const missing: CollectedInputs['missing'] = [];
  const skipped: CollectedInputs['skipped'] = [];
  const taken = new Set<string>();
  const add = (file: SourcePath, path: string, arg: string): void => {
    let recorded = path;
    // Two arguments may hold the same relative path; keep both, the later under its argument's name.
    if (taken.has(recorded)) recorded = `${basename(resolve(arg))}/${path}`;
    for (let n = 2; taken.has(recorded); n++) recorded = `${basename(resolve(arg))}~${n}/${path}`;
    taken.add(recorded);
    inputs.push({ file, path: recorded });
  };

  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      missing.push({ path: arg, reason: code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? (error as Error).message})`, kind: code === 'ENOENT' ? 'missing' : 'unreadable' });
      continue;
    }
    if (info.isDirectory()) {
      const walk = await walkFiles(arg, acceptName);
      missing.push(...walk.unreadable.map((u) => ({ ...u, kind: 'unreadable' as const })));
      skipped.push(...walk.passedOver);
      for (const file of walk.files) add(file.file, file.relative, arg);
      continue;
    }
    // Named on the command line, so wanted whatever its name; but never a FIFO or a device.
    const irregular = notRegular(info);
    if (irregular) skipped.push({ path: arg, reason: irregular });
    else add(arg, basename(arg), arg);
  }
  return { inputs, missing, skipped };
}
