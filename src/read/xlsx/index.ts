// PLACEHOLDER (being built): the .xlsx reader.
import type { Result } from '../../diagnostics.js';
import { InputError } from '../errors.js';
import type { DocumentModel } from '../model.js';

export function readXlsx(_bytes: Uint8Array): Result<DocumentModel> {
  throw new InputError('unknown-format', 'spreadsheets are not read yet');
}
