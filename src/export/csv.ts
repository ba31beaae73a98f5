/**
 * A CSV file written row by row with fast-csv, committed atomically. With `bom` (for
 * Excel) the file starts with a UTF-8 BOM even when it has no rows (fast-csv writes its
 * BOM only with the first row), and cells starting with = + - @ get a leading `'` so
 * Excel shows them instead of running them as formulas. Without `bom`, values are
 * written exactly as they are.
 */
import { format, type CsvFormatterStream } from 'fast-csv';
import { AtomicStream } from './atomic.js';
import type { CsvRow, CsvValue } from './rows.js';

const FORMULA_START = /^[=+\-@]/;

function cellText(value: CsvValue, guardFormulas: boolean): string {
  if (value === null) return '';
  const text = String(value);
  return guardFormulas && typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

export class CsvFile {
  private constructor(
    private readonly file: AtomicStream,
    private readonly csv: CsvFormatterStream<string[], string[]>,
    private readonly guardFormulas: boolean,
  ) {}

  static async open(target: string, columns: readonly string[], options: { bom: boolean }): Promise<CsvFile> {
    const file = await AtomicStream.open(target);
    if (options.bom) file.write('\uFEFF');
    const csv = format<string[], string[]>({ headers: [...columns], alwaysWriteHeaders: true, includeEndRowDelimiter: true });
    csv.on('data', (chunk: Buffer) => file.write(chunk));
    return new CsvFile(file, csv, options.bom);
  }

  /** Why the file cannot be completed, once its stream has failed. */
  get failure(): Error | null {
    return this.file.failure;
  }

  write(rows: readonly CsvRow[]): void {
    for (const row of rows) this.csv.write(row.map((v) => cellText(v, this.guardFormulas)));
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.csv.once('error', reject);
      this.csv.once('end', resolve);
      this.csv.end();
      this.csv.resume();
    });
    await this.file.commit();
  }

  async abort(): Promise<void> {
    this.csv.destroy();
    await this.file.abort();
  }
}
