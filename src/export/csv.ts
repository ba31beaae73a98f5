/**
 * A CSV file written row by row, committed atomically. With `bom` (for Excel) the file
 * starts with a UTF-8 BOM even when it has no rows, and cells starting with = + - @ get a
 * leading `'` so Excel shows them instead of running them as formulas. Without `bom`,
 * values are written exactly as they are.
 *
 * The format is the one fast-csv wrote before this replaced it (the bytes are unchanged, and
 * pinned by the tests): a header line, then one line per row, each ending in LF; a field is
 * quoted when it holds `"` (doubled inside), `,`, CR, LF or `|` (fast-csv's rule, kept so that
 * files compare equal across versions); NUL characters are removed. fast-csv spent a fifth
 * of the main process's time per file formatting fields through its stream.
 */
import { AtomicStream } from './atomic.js';
import type { CsvRow, CsvValue } from './rows.js';

const FORMULA_START = /^[=+\-@]/;
const NEEDS_QUOTES = /[,\r\n|]/;

function cellText(value: CsvValue, guardFormulas: boolean): string {
  if (value === null) return '';
  const text = String(value);
  return guardFormulas && typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field as it stands in the file. */
export function csvField(text: string): string {
  const field = text.includes('\0') ? text.replace(/\0/g, '') : text;
  if (field.includes('"')) return `"${field.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(field) ? `"${field}"` : field;
}

/** One line of the file: as many fields as there are columns (missing ones empty), and LF. */
function csvLine(fields: readonly string[], width: number): string {
  let line = '';
  for (let i = 0; i < width; i++) line += (i > 0 ? ',' : '') + csvField(fields[i] ?? '');
  return `${line}\n`;
}

/** Rows as the file holds them: one line each, `width` fields wide. */
export function csvRowsText(rows: readonly CsvRow[], width: number, guardFormulas: boolean): string {
  let text = '';
  for (const row of rows) text += csvLine(row.map((v) => cellText(v, guardFormulas)), width);
  return text;
}

export class CsvFile {
  private constructor(
    private readonly file: AtomicStream,
    private readonly width: number,
    private readonly guardFormulas: boolean,
  ) {}

  static async open(target: string, columns: readonly string[], options: { bom: boolean }): Promise<CsvFile> {
    const file = await AtomicStream.open(target);
    file.write(`${options.bom ? '\uFEFF' : ''}${csvLine(columns, columns.length)}`);
    return new CsvFile(file, columns.length, options.bom);
  }

  /** Why the file cannot be completed, once its stream has failed. */
  get failure(): Error | null {
    return this.file.failure;
  }

  write(rows: readonly CsvRow[]): void {
    this.writeText(csvRowsText(rows, this.width, this.guardFormulas));
  }

  /** Rows already rendered by csvRowsText (in a worker), for this file's width and guard. */
  writeText(text: string): void {
    if (text !== '') this.file.write(text);
  }

  async commit(): Promise<void> {
    await this.file.commit();
  }

  async abort(): Promise<void> {
    await this.file.abort();
  }
}
