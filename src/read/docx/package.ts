/**
 * Opening a .docx package: the zip container and the parts the reader needs.
 * Sizes are checked from the zip directory before anything is inflated, so a small file
 * that would inflate to gigabytes is refused instead of read.
 */
import { InputError } from '../errors.js';
import { entryData, inflateData, readZipDirectory, ZipError, type ZipEntry } from '../zip.js';
import type { DocxMemo, StoredPart } from './memo.js';
import type { Styles } from './styles.js';

export const DOCUMENT_PART = 'word/document.xml';
export const STYLES_PART = 'word/styles.xml';
const WANTED = new Set([DOCUMENT_PART, 'word/numbering.xml', STYLES_PART]);

export interface PackageLimits {
  /** Largest inflated size of one part, in bytes. */
  maxPartBytes: number;
  /** Largest inflated/compressed ratio accepted for a part larger than 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: PackageLimits = { maxPartBytes: 256 * 1024 * 1024, maxRatio: 200 };

export interface DocxPackage {
  document: Uint8Array;
  numbering: Uint8Array | null;
  /** word/styles.xml inflated; null when the zip has none, or when `knownStyles` stands for it. */
  styles: Uint8Array | null;
  /** The styles of a part stored exactly as this one, read before (DocxMemo): not inflated again. */
  knownStyles: Styles | null;
  /** word/styles.xml as stored, for the memo to keep once it is read; null without a memo. */
  storedStyles: StoredPart | null;
  /** Parts the reader reads that the zip holds more than once (the last entry of each is read). */
  duplicated: string[];
}

/** The parts a reader asked for, inflated, and what the zip directory holds. */
export interface InflatedParts {
  parts: Record<string, Uint8Array>;
  /** Every entry name of the zip directory. */
  names: Set<string>;
  /** Wanted parts that the zip holds more than once (the last entry of each is read). */
  duplicated: string[];
}

/**
 * Inflate the `wanted` parts of a zip. Each part's size is checked from the directory before
 * it is inflated: a part larger than the limit, or one that inflates more than `maxRatio`
 * times (a zip bomb), is refused with `too-large`, and so are parts that would inflate to
 * more than `maxTotalBytes` together; a damaged container is `corrupt`. A part for which
 * `reuse` returns true (its caller knows what it holds from its stored data) is checked the
 * same way but not inflated, and is absent from `parts`.
 */
export function inflateParts(
  bytes: Uint8Array,
  wanted: ReadonlySet<string>,
  limits: PackageLimits = DEFAULT_LIMITS,
  maxTotalBytes = Infinity,
  reuse?: (entry: ZipEntry, data: Uint8Array) => boolean,
): InflatedParts {
  let refused: InputError | null = null;
  let total = 0;
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  const guard = (file: ZipEntry): boolean => {
    if (seen.has(file.name) && wanted.has(file.name)) duplicated.add(file.name);
    seen.add(file.name);
    if (!wanted.has(file.name)) return false;
    const ratio = file.size > 0 ? file.originalSize / file.size : 0;
    if (file.originalSize > limits.maxPartBytes || (file.originalSize > 1024 * 1024 && ratio > limits.maxRatio)) {
      refused ??= new InputError(
        'too-large',
        `${file.name} would inflate to ${file.originalSize} bytes from ${file.size} (limit ${limits.maxPartBytes} bytes, ratio ${limits.maxRatio}); refused as a possible zip bomb`,
      );
      return false;
    }
    total += file.originalSize;
    if (total > maxTotalBytes) {
      refused ??= new InputError('too-large', `the parts read would inflate to more than ${maxTotalBytes} bytes together (${file.name} among them); refused as a possible zip bomb`);
      return false;
    }
    return true;
  };
  const parts: Record<string, Uint8Array> = {};
  try {
    // Every size is checked from the directory before anything is inflated.
    const chosen = readZipDirectory(bytes).filter(guard);
    if (!refused) {
      for (const entry of chosen) {
        const data = entryData(bytes, entry);
        // Of two entries of one name the last counts: one reused drops an earlier one inflated.
        if (reuse?.(entry, data)) delete parts[entry.name];
        else parts[entry.name] = inflateData(entry, data);
      }
    }
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    throw new InputError('corrupt', `damaged zip container (${error.message})`);
  }
  if (refused) throw refused;
  return { parts, names: seen, duplicated: [...duplicated] };
}

/**
 * The parts of a .docx. With a memo, a word/styles.xml stored exactly as one read before is
 * not inflated: its styles come from the memo (knownStyles).
 */
export function openPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS, memo?: DocxMemo): DocxPackage {
  let knownStyles: Styles | null = null;
  let storedStyles: StoredPart | null = null;
  const reuse = memo
    ? (entry: ZipEntry, data: Uint8Array): boolean => {
        if (entry.name !== STYLES_PART) return false;
        storedStyles = { entry, data };
        knownStyles = memo.stylesFor(storedStyles);
        return knownStyles !== null;
      }
    : undefined;
  const { parts, names, duplicated } = inflateParts(bytes, WANTED, limits, Infinity, reuse);
  const document = parts[DOCUMENT_PART];
  if (!document) {
    const hint = names.has('xl/workbook.xml') ? ' (it is an Excel .xlsx)' : names.has('ppt/presentation.xml') ? ' (it is a PowerPoint .pptx)' : '';
    throw new InputError('not-docx', `not a .docx (zip without ${DOCUMENT_PART})${hint}`);
  }
  return {
    document,
    numbering: parts['word/numbering.xml'] ?? null,
    styles: parts[STYLES_PART] ?? null,
    knownStyles,
    storedStyles,
    duplicated,
  };
}
