/**
 * Grey page images and the few operations OCR needs on them: skew estimation and
 * correction, a half turn, crops resized for the recognizer. 8-bit, one channel,
 * row-major; white is 255.
 */
import { INK_LEVEL, MAX_SKEW_DEGREES, MIN_SKEW_DEGREES, SKEW_STEP_DEGREES } from './settings.js';

export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    // Transparent pixels are paper.
    const alpha = rgba[i + 3]!;
    const grey = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
    data[j] = Math.round(255 - ((255 - grey) * alpha) / 255);
  }
  return { width, height, data };
}

/**
 * The angle (degrees, clockwise) the page's text lines and rulings are turned by. Ink
 * pixels of a downsampled page are projected onto the vertical axis at each candidate
 * angle; the true angle makes the sharpest profile (rows of text and rulings line up).
 */
export function estimateSkew(image: GrayImage): number {
  const step = Math.max(1, Math.round(image.width / 800));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step) {
      if (image.data[y * image.width + x]! < INK_LEVEL) {
        xs.push(x - image.width / 2);
        ys.push(y);
      }
    }
  }
  if (xs.length < 100) return 0;
  const bins = new Float64Array(Math.ceil(image.height / step) + Math.ceil(image.width / step) + 4);
  let best = 0;
  let bestScore = -1;
  for (let deg = -MAX_SKEW_DEGREES; deg <= MAX_SKEW_DEGREES + 1e-9; deg += SKEW_STEP_DEGREES) {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    const offset = Math.ceil(image.width / step / 2) + 2;
    for (let i = 0; i < xs.length; i++) bins[Math.round((ys[i]! - xs[i]! * t) / step) + offset]! += 1;
    let score = 0;
    for (const b of bins) score += b * b;
    if (score > bestScore) {
      bestScore = score;
      best = deg;
    }
  }
  return Math.abs(best) < MIN_SKEW_DEGREES ? 0 : Math.round(best * 100) / 100;
}

/** The image turned by `degrees` (anticlockwise positive undoes a clockwise skew), bilinear, paper outside. */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  if (degrees === 0) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // Source position of this output pixel.
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[y * width + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! * (1 - fx) + data[i + 1]! * fx;
      const bottom = data[i + width]! * (1 - fx) + data[i + width + 1]! * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data: out };
}

export function halfTurn(image: GrayImage): GrayImage {
  const out = new Uint8Array(image.data.length);
  for (let i = 0, n = image.data.length; i < n; i++) out[i] = image.data[n - 1 - i]!;
  return { width: image.width, height: image.height, data: out };
}

/** The whole image scaled by `scale`, bilinear. */
export function scaleImage(image: GrayImage, scale: number): GrayImage {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  return resizeRegion(image, 0, 0, image.width, image.height, width, height);
}

/** The region [x0, x0+w) × [y0, y0+h) of the image resized to outW × outH, bilinear. */
export function resizeRegion(image: GrayImage, x0: number, y0: number, w: number, h: number, outW: number, outH: number): GrayImage {
  const out = new Uint8Array(outW * outH);
  const sxScale = w / outW;
  const syScale = h / outH;
  for (let y = 0; y < outH; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, y0 + (y + 0.5) * syScale - 0.5));
    const iy = Math.min(image.height - 2, Math.floor(sy));
    const fy = Math.max(0, sy - iy);
    for (let x = 0; x < outW; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, x0 + (x + 0.5) * sxScale - 0.5));
      const ix = Math.min(image.width - 2, Math.floor(sx));
      const fx = Math.max(0, sx - ix);
      const i = Math.max(0, iy) * image.width + Math.max(0, ix);
      const top = image.data[i]! * (1 - fx) + image.data[i + 1]! * fx;
      const bottom = image.data[i + image.width]! * (1 - fx) + image.data[i + image.width + 1]! * fx;
      out[y * outW + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width: outW, height: outH, data: out };
}
