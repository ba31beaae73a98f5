/**
 * Errors that mean "this input cannot be read at all". They carry a stable kind (for
 * report.json and tests) and a one-line reason for the user; the CLI prints
 * `<file>: <reason>` and goes on with the rest of the batch. Anything else thrown inside
 * a reader is a bug and is reported as `internal error` with its message.
 */
export const INPUT_ERROR_KINDS = [
  'empty',            // zero bytes
  'not-docx',         // claimed or sniffed docx that is not one
  'not-pdf',          // claimed pdf that is not one
  'unknown-format',   // neither docx nor pdf by content
  'legacy-doc',       // OLE2 compound file: .doc, or an encrypted Office file
  'corrupt',          // damaged container or XML
  'encrypted',        // password required
  'no-text-layer',    // scanned PDF
  'too-large',        // exceeds a size limit (zip bomb, huge part)
  'too-complex',      // exceeds a structural limit (nesting, object count)
  'timeout',
  'internal',
] as const;

export type InputErrorKind = (typeof INPUT_ERROR_KINDS)[number];

export class InputError extends Error {
  readonly kind: InputErrorKind;

  constructor(kind: InputErrorKind, reason: string) {
    super(reason);
    this.name = 'InputError';
    this.kind = kind;
  }
}
