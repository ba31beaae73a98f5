/**
 * Documents for `yusuan check` and `yusuan diff`: an argument is a document JSON (what
 * convert writes), a source .docx or .pdf (converted on the fly, consistency checks
 * included), or a directory walked recursively for both. In a directory, JSON files that
 * are not documents (convert's report.json) are passed over; a JSON that cannot be parsed
 * (truncated), one that claims to be a document and is not, or a source that cannot be
 * converted, is a problem to report. A
 * document met twice (a source and its JSON, same sha256) is kept once.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { convertFile } from '../convert.js';
import { oneLine } from '../read/errors.js';
import { Document } from '../schema/document.js';
import { walkFiles } from './walk.js';

export interface LoadedDocument {
  /** Where it was read, as the user can open it: the argument, or the argument joined with the path under it. */
  path: string;
  /** The path under the argument it came from (a file argument: its own name). */
  relativePath: string;
  document: Document;
}

export interface LoadProblem {
  path: string;
  reason: string;
}

export interface LoadedArgument {
  /** The argument names a file, not a directory. */
  isFile: boolean;
  documents: LoadedDocument[];
  problems: LoadProblem[];
}

const SOURCE = /\.(?:docx|pdf)$/i;
const JSON_FILE = /\.json$/i;

type Read = { document: Document } | { problem: string } | { skip: true };

/** A document JSON larger than this is not read (convert writes a few MB for the largest disclosures). */
const MAX_JSON_BYTES = 256 * 1024 * 1024;

async function readJson(file: string, inDirectory: boolean): Promise<Read> {
  let data: unknown;
  try {
    const { size } = await stat(file);
    if (size > MAX_JSON_BYTES) return { problem: `not read: ${size} bytes (limit ${MAX_JSON_BYTES} for a document JSON)` };
    // A BOM (a JSON saved by Notepad or Excel) is not part of the document.
    data = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/u, ''));
  } catch (error) {
    // Unreadable JSON is reported, in a directory too: a truncated document is not passed over.
    return { problem: `not a document JSON (${oneLine((error as Error).message)})` };
  }
  const claimsDocument = typeof data === 'object' && data !== null && 'schemaVersion' in data && 'projects' in data;
  if (!claimsDocument) return inDirectory ? { skip: true } : { problem: 'not a document JSON (no schemaVersion and projects)' };
  const parsed = Document.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { problem: `not a valid document: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim() };
  }
  return { document: parsed.data };
}

async function readSource(file: string, path: string): Promise<Read> {
  const conversion = await convertFile(file, { path });
  if (conversion.document === null) return { problem: conversion.message ?? conversion.status };
  return { document: conversion.document };
}

export async function loadArgument(argument: string): Promise<LoadedArgument> {
  let info;
  try {
    info = await stat(argument);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { isFile: false, documents: [], problems: [{ path: argument, reason: code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? (error as Error).message})` }] };
  }
  const isFile = !info.isDirectory();
  const files: Array<{ file: string; relativePath: string }> = [];
  const unreadable: LoadProblem[] = [];
  if (isFile) files.push({ file: argument, relativePath: basename(argument) });
  else {
    const walk = await walkFiles(argument, (name) => (SOURCE.test(name) || JSON_FILE.test(name) ? true : null));
    unreadable.push(...walk.unreadable);
    for (const file of walk.files) files.push({ file, relativePath: relative(argument, file).split(sep).join('/') });
  }

  const documents: LoadedDocument[] = [];
  const problems: LoadProblem[] = [...unreadable];
  const seen = new Set<string>();
  for (const { file, relativePath } of files) {
    const path = file.split(sep).join('/');
    const read = JSON_FILE.test(file) ? await readJson(file, !isFile) : SOURCE.test(file) || isFile ? await readSource(file, relativePath) : { skip: true as const };
    if ('skip' in read) continue;
    if ('problem' in read) {
      problems.push({ path, reason: read.problem });
      continue;
    }
    if (seen.has(read.document.source.sha256)) continue;
    seen.add(read.document.source.sha256);
    documents.push({ path, relativePath, document: read.document });
  }
  return { isFile, documents, problems };
}
