/**
 * Output files appear whole or not at all: content is written to a temporary file in the
 * same directory and renamed over the target, so an interrupted run never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export function temporaryPath(target: string): string {
  return `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Directories already made by this process: one mkdir per directory, not per file. */
const madeDirectories = new Set<string>();

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(target);
  if (!madeDirectories.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeDirectories.add(dir);
  }
  const temp = temporaryPath(target);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A stream to a temporary file that becomes `target` on commit() and vanishes on abort(). */
export class AtomicStream {
  readonly stream: WriteStream;
  private readonly temp: string;

  private constructor(readonly target: string) {
    this.temp = temporaryPath(target);
    this.stream = createWriteStream(this.temp);
  }

  static async open(target: string): Promise<AtomicStream> {
    await mkdir(dirname(target), { recursive: true });
    return new AtomicStream(target);
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
    await rename(this.temp, this.target);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }
}
