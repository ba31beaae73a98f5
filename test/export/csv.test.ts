import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFile } from '../../src/export/csv.js';
import { tempDir } from '../cli/run.js';

async function written(rows: (string | number | null)[][], bom: boolean): Promise<string> {
  const file = join(tempDir(), 'x.csv');
  const csv = await CsvFile.open(file, ['a', 'b', 'c'], { bom });
  csv.write(rows);
  await csv.commit();
  return readFileSync(file, 'utf8');
}

describe('CsvFile', () => {
  it('writes values as they are without --bom, quoting what needs quotes', async () => {
    expect(await written([['=SUM(A1)', '-5%', 'a,b'], ['说"明"', null, 110000]], false)).toBe('a,b,c\n=SUM(A1),-5%,"a,b"\n"说""明""",,110000\n');
  });

  it('with --bom starts with a BOM and guards cells that Excel would run as formulas', async () => {
    expect(await written([['=SUM(A1)', '+1', '@x'], ['-5%', '≥20次', 42]], true)).toBe("\uFEFFa,b,c\n'=SUM(A1),'+1,'@x\n'-5%,≥20次,42\n");
  });

  it('with --bom writes the BOM and the header even with no rows', async () => {
    expect(await written([], true)).toBe('\uFEFFa,b,c\n');
  });

  it('quotes as fast-csv did (the format of earlier versions): ", comma, CR, LF and | quoted, NUL removed, short rows padded, long rows cut', async () => {
    expect(await written([['x|y', 'a\rb', 'l1\nl2'], ['n\u0000ul', '"'], ['1', '2', '3', '4']], false)).toBe('a,b,c\n"x|y","a\rb","l1\nl2"\nnul,"""",\n1,2,3\n');
  });

  it('leaves no file when aborted', async () => {
    const dir = tempDir();
    const csv = await CsvFile.open(join(dir, 'x.csv'), ['a'], { bom: false });
    csv.write([['1']]);
    await csv.abort();
    expect(() => readFileSync(join(dir, 'x.csv'))).toThrow();
  });
});
