/**
 * CSV columns defined once: each column's name beside the function that gives its value, so
 * a header and its rows cannot drift apart. The typed source of every value is the zod
 * schema's inferred type (src/schema/document.ts).
 */
import type { CsvRow, CsvValue } from './rows.js';

export interface Column<T> {
  name: string;
  value: (item: T) => CsvValue;
}

export interface ColumnSet<T> {
  names: readonly string[];
  row: (item: T) => CsvRow;
}

export function columns<T>(defined: readonly Column<T>[]): ColumnSet<T> {
  return {
    names: defined.map((c) => c.name),
    row: (item) => defined.map((c) => c.value(item)),
  };
}
