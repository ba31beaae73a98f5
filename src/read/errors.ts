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
  'needs-libreoffice', // a legacy .doc/.xls/.wps/.et, and LibreOffice is not installed to convert it
  'conversion-failed', // LibreOffice ran but could not convert the legacy file
  'no-text-layer',    // scanned PDF
  'too-large',        // exceeds a size limit (zip bomb, huge part)
  'too-complex',      // exceeds a structural limit (nesting, object count)
  'timeout',
  'crashed',          // the reader's process died (a V8 fatal error, a native fault)
  'missing',          // no such file
  'unreadable',       // the file exists but cannot be read (permissions, not a regular file, I/O)
  'name-collision',   // its output would take a name another input's output needs
  'internal',
] as const;

export type InputErrorKind = (typeof INPUT_ERROR_KINDS)[number];

/**
 * What a failure says about whom to ask: `io` the file system (missing, unreadable), `input`
 * the file (damaged, unsupported, hostile), `limit` a limit of the run (time, memory, size),
 * `internal` yusuan (a bug).
 */
export type ErrorClass = 'io' | 'input' | 'limit' | 'internal';

export function errorClassOf(kind: InputErrorKind): ErrorClass {
  switch (kind) {
    case 'missing':
    case 'unreadable':
    case 'name-collision':
      return 'io';
    case 'timeout':
    case 'too-large':
    case 'too-complex':
      return 'limit';
    case 'internal':
      return 'internal';
    default:
      return 'input';
  }
}

/** The kind of a failure to read an input file from disk. */
export function readFailure(error: unknown): { kind: InputErrorKind; reason: string } {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return { kind: 'missing', reason: 'no such file' };
  return { kind: 'unreadable', reason: `cannot read (${code ?? (error as Error)?.message ?? String(error)})` };
}

/**
 * A reason fit for one line of a terminal or a report: control characters (a newline, an
 * escape sequence, bytes of a damaged file decoded as text) are shown as `\xNN` or `\uNNNN`,
 * and lone surrogates and U+FFFD as `\uFFFD`.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export class InputError extends Error {
  readonly kind: InputErrorKind;

  constructor(kind: InputErrorKind, reason: string) {
    super(oneLine(reason));
    this.name = 'InputError';
    this.kind = kind;
  }
}
