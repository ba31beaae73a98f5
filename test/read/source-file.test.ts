/**
 * Reading an input from disk (src/read/source-file.ts). Files up to 1 MiB are read with
 * synchronous calls and larger ones in chunks through the thread pool: on both sides of that
 * line the bytes and hash are those written, and the checks (missing, not a regular file,
 * too large, aborted) give the same reasons.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSourceFile, readSourceFile } from '../../src/read/source-file.js';
import { tempDir } from '../cli/run.js';

const MiB = 1024 * 1024;

/**
 * Pseudo-random bytes (a linear congruential generator, period 2³²): no stretch repeats at a
 * distance a chunking mistake could shift it by, as a counter modulo 256 would.
 */
function patterned(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let x = size;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

describe('readSourceFile and hashSourceFile', () => {
  const dir = tempDir();
  // 0 bytes, a fixture-sized file, 1 MiB exactly (the last size read at once), one byte
  // more, and 9 MiB (two chunks of 8 MiB and 1 MiB).
  const sizes = [0, 7 * 1024, MiB, MiB + 1, 9 * MiB];

  it.each(sizes)('a file of %i bytes: its bytes and SHA-256, as written', async (size) => {
    const bytes = patterned(size);
    const file = join(dir, `f${size}.bin`);
    writeFileSync(file, bytes);
    const read = await readSourceFile(file);
    expect(read.length).toBe(size);
    expect(Buffer.from(read).equals(bytes)).toBe(true);
    expect(await hashSourceFile(file)).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size });
  });

  it('a missing file, a directory, and a file over the limit fail with their reasons', async () => {
    mkdirSync(join(dir, 'folder.docx'));
    writeFileSync(join(dir, 'big.pdf'), patterned(2 * MiB));
    await expect(readSourceFile(join(dir, 'absent.docx'))).rejects.toMatchObject({ kind: 'missing', message: 'no such file' });
    await expect(readSourceFile(join(dir, 'folder.docx'))).rejects.toMatchObject({ kind: 'unreadable', message: 'not a regular file (a directory); only regular files are read' });
    await expect(readSourceFile(join(dir, 'big.pdf'), { maxBytes: MiB })).rejects.toMatchObject({
      kind: 'too-large',
      message: '2.0 MiB, over the input size limit of 1.0 MiB (--max-input-size); not read',
    });
    await expect(hashSourceFile(join(dir, 'big.pdf'), { maxBytes: MiB })).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('an aborted read stops with a timeout, for a small file and for a large one', async () => {
    writeFileSync(join(dir, 'small.docx'), patterned(7 * 1024));
    writeFileSync(join(dir, 'large.pdf'), patterned(9 * MiB));
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    await expect(readSourceFile(join(dir, 'small.docx'), { signal: controller.signal })).rejects.toMatchObject({
      kind: 'timeout',
      message: 'reading the file was stopped after 0 bytes of 7.0 KiB (interrupted)',
    });
    const timer = new AbortController();
    timer.abort(new DOMException('the per-file time limit passed', 'TimeoutError'));
    await expect(readSourceFile(join(dir, 'large.pdf'), { signal: timer.signal })).rejects.toMatchObject({
      kind: 'timeout',
      message: 'reading the file was stopped after 0 bytes of 9.0 MiB (timed out)',
    });
  });
});
