/**
 * What a batch worker keeps from one .docx to the next: the paragraph styles read from a
 * word/styles.xml, by the part's stored bytes.
 *
 * Why: the files of one producer's template carry the same styles part, and Word's is large
 * (438 KB inflated, of which 100 table styles; only its 36 paragraph styles are read).
 * Inflating it, searching it and parsing those styles took 0.7–0.8 ms of a 3 ms conversion of
 * a file in Word's package. A styles part stored as one read before is not inflated again.
 *
 * Why that is exact: a part counts as seen only when its compression method, its declared
 * size and every stored byte are those of the part read before; the same bytes inflate to the
 * same bytes, and readStyles reads nothing else. A file whose styles part differs by one byte
 * is read in full. Comparing costs a memcmp of the stored bytes (tens of KB) per memo entry of
 * the same compression and size.
 *
 * A memo belongs to its caller (a batch worker keeps one for its files), never to the module:
 * without one, every file is read in full.
 */
import type { ZipEntry } from '../zip.js';
import type { Styles } from './styles.js';

/** A part as the zip stores it: its directory entry and its data (entryData). */
export interface StoredPart {
  entry: ZipEntry;
  data: Uint8Array;
}

/** Distinct styles parts kept: a batch mixing a few templates keeps each of them. */
const KEPT_STYLES = 8;
/** Stored parts larger than this are not kept (a copy of each is held). */
const MAX_KEPT_BYTES = 1024 * 1024;

interface KeptStyles {
  compression: number;
  originalSize: number;
  data: Buffer;
  styles: Styles;
}

export class DocxMemo {
  /** Most recently used first. */
  private readonly kept: KeptStyles[] = [];

  /** The styles read before from a part stored exactly as `part`, or null. */
  stylesFor(part: StoredPart): Styles | null {
    const data = Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength);
    const index = this.kept.findIndex((k) => k.compression === part.entry.compression && k.originalSize === part.entry.originalSize && k.data.equals(data));
    if (index === -1) return null;
    const [found] = this.kept.splice(index, 1) as [KeptStyles];
    this.kept.unshift(found);
    return found.styles;
  }

  /** Keep the styles read from `part` (a copy of its stored bytes, not a view into the file). */
  remember(part: StoredPart, styles: Styles): void {
    if (part.data.byteLength > MAX_KEPT_BYTES) return;
    this.kept.unshift({ compression: part.entry.compression, originalSize: part.entry.originalSize, data: Buffer.from(part.data), styles });
    if (this.kept.length > KEPT_STYLES) this.kept.pop();
  }
}
