/**
 * The .docx reader: zip package → WordprocessingML → document model, with messages.
 * Why not mammoth's HTML: it ignores w:gridBefore (merged cells then attach to the wrong
 * column, silently), drops WPS text boxes without a message, gives messages without a
 * location, and is far slower than unzip + parse on large files.
 */
import { diagnostic, result, type Result } from '../../diagnostics.js';
import { InputError } from '../errors.js';
import type { DocumentModel } from '../model.js';
import { BodyReader } from './body.js';
import type { DocxMemo } from './memo.js';
import { ListCounter } from './numbering.js';
import { openPackage, type PackageLimits, DEFAULT_LIMITS } from './package.js';
import { readStyles } from './styles.js';
import { child, parseXml } from './xml.js';

export function readDocx(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS, memo?: DocxMemo): Result<DocumentModel> {
  const pkg = openPackage(bytes, limits, memo);
  const root = parseXml(pkg.document, 'word/document.xml');
  const body = child(root, 'w:body');
  if (!body) throw new InputError('corrupt', 'word/document.xml has no w:body');
  let styles = pkg.knownStyles;
  if (styles === null) {
    styles = readStyles(pkg.styles);
    if (memo && pkg.storedStyles) memo.remember(pkg.storedStyles, styles);
  }
  const reader = new BodyReader(styles, new ListCounter(pkg.numbering));
  const blocks = reader.read(body);
  // Readers disagree on which of two entries of one name is the part (the first, the last,
  // or neither): what was read may not be what Word shows, so the loss is said.
  const duplicates = pkg.duplicated.map((name) => diagnostic('DOCX_DUPLICATE_PART', `the zip holds ${name} more than once; the last entry was read`));
  return result({ format: 'docx', blocks, pageCount: null }, [...duplicates, ...reader.messages]);
}
