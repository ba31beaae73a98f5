/**
 * Documents for `yusuan check` and `yusuan diff`: an argument is a document JSON (what
 * convert writes), a source .docx or .pdf (converted on the fly, consistency checks
 * included), or a directory walked recursively for both. In a directory, JSON files that
 * are not documents (convert's report.json) are passed over; a JSON that cannot be parsed
 * (truncated), one that claims to be a document and is not, or a source that cannot be
 * converted, is a problem to report. A document met twice (a source and its JSON, same
 * sha256) is kept once. Sources are converted as convert converts them: in worker
 * processes, under the same limits, so a hostile file fails alone; JSON is read under a
 * size cap, and only from regular files.
 */
import { stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { convertBatch } from '../batch/index.js';
import { InputError, oneLine } from '../read/errors.js';
import { readSourceFile, type SourcePath } from '../read/source-file.js';
import { Document } from '../schema/document.js';
import type { ConversionLimits } from './limits.js';
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

async function readJson(file: SourcePath, inDirectory: boolean): Promise<Read> {
  let data: unknown;
  try {
    const bytes = await readSourceFile(file, { maxBytes: MAX_JSON_BYTES });
    // A BOM (a JSON saved by Notepad or Excel) is not part of the document.
    data = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8').replace(/^\uFEFF/u, ''));
  } catch (error) {
    if (error instanceof InputError) return { problem: `not read: ${error.message}` };
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

/** A path under an argument as the user can open it. */
function shown(argument: string, relativePath: string): string {
  return join(argument, relativePath).split(sep).join('/');
}

/** Convert the sources, in worker processes under the limits; one Read per source, in order. */
async function readSources(sources: readonly { file: SourcePath; relativePath: string }[], limits: ConversionLimits): Promise<Read[]> {
  const reads: Read[] = [];
  if (sources.length === 0) return reads;
  const batch = convertBatch(sources.map((s) => ({ file: s.file, path: s.relativePath })), limits);
  for await (const { conversion } of batch) {
    reads.push(conversion.document === null ? { problem: conversion.message ?? conversion.status } : { document: conversion.document });
  }
  return reads;
}

interface Listed {
  argument: string;
  isFile: boolean;
  files: { file: SourcePath; relativePath: string }[];
  problems: LoadProblem[];
}

/** The files an argument names: itself, or the documents and sources below it. */
async function listArgument(argument: string): Promise<Listed> {
  let info;
  try {
    info = await stat(argument);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { argument, isFile: false, files: [], problems: [{ path: argument, reason: code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? (error as Error).message})` }] };
  }
  const listed: Listed = { argument, isFile: !info.isDirectory(), files: [], problems: [] };
  if (listed.isFile) {
    listed.files.push({ file: argument, relativePath: basename(argument) });
    return listed;
  }
  const walk = await walkFiles(argument, (name) => (SOURCE.test(name) || JSON_FILE.test(name) ? true : null));
  listed.problems.push(...walk.unreadable);
  // A FIFO or a device with a document's name is named, never opened.
  listed.problems.push(...walk.passedOver.map((p) => ({ path: shown(argument, p.path), reason: p.reason })));
  for (const file of walk.files) listed.files.push({ file: file.file, relativePath: file.relative });
  return listed;
}

/** A file argument is converted whatever its name, unless it is JSON. */
const isJson = (f: { relativePath: string }): boolean => JSON_FILE.test(f.relativePath);

/**
 * The documents of several arguments (diff's two sides, check's list): the sources of all
 * of them converted in one batch, so one pool of workers serves them all.
 */
export async function loadArguments(args: readonly string[], limits: ConversionLimits): Promise<LoadedArgument[]> {
  const listed = await Promise.all(args.map(listArgument));
  const reads = await readSources(listed.flatMap((l) => l.files.filter((f) => !isJson(f))), limits);
  let nextSource = 0;
  const loaded: LoadedArgument[] = [];
  for (const { argument, isFile, files, problems } of listed) {
    const documents: LoadedDocument[] = [];
    const seen = new Set<string>();
    for (const entry of files) {
      const path = isFile ? argument : shown(argument, entry.relativePath);
      const read = isJson(entry) ? await readJson(entry.file, !isFile) : (reads[nextSource++] as Read);
      if ('skip' in read) continue;
      if ('problem' in read) {
        problems.push({ path, reason: read.problem });
        continue;
      }
      if (seen.has(read.document.source.sha256)) continue;
      seen.add(read.document.source.sha256);
      documents.push({ path, relativePath: entry.relativePath, document: read.document });
    }
    loaded.push({ isFile, documents, problems });
  }
  return loaded;
}

export async function loadArgument(argument: string, limits: ConversionLimits): Promise<LoadedArgument> {
  return (await loadArguments([argument], limits))[0] as LoadedArgument;
}
