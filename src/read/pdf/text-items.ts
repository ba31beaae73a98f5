/**
 * Text items built from a page's operator list, the way pdf.js's getTextContent builds them
 * from the content stream, so that a page's content stream is parsed once instead of twice
 * (the second pass was some 40% of pdf.js's time on real disclosures).
 *
 * The operator list carries every text operator with its glyphs (the same glyph objects the
 * text extractor would see), so the text state can be followed here: save/restore, cm, the
 * text matrices, spacing, and the merging of glyphs into items with pdf.js's space rules.
 * What it does not carry faithfully makes the page go back to getTextContent (null):
 * - a Type3 font (its item height depends on glyph boxes), a font pdf.js could not load;
 * - an image the operator list still shows (the extractor ends an item at every XObject).
 *   An image pdf.js dropped leaves no operator: the reader has it drop every image of more
 *   than one pixel (load.ts, maxImageSize), and where the text extractor would have ended
 *   an item at one, the item built here goes on. An XObject is never painted inside a text
 *   object, so that only joins text that goes on at exactly the same point after the image;
 *   on the real disclosures no page came out with other strings or fonts than
 *   getTextContent's;
 * - the same font set again while an item is open, where it matters: pdf.js ends its item
 *   when the content stream named another resource for the same font and goes on with it when
 *   it named the same one, and the operator list names only the font. The builder goes on
 *   with the item and remembers what ending it would have pushed (StreamContext.undecided);
 *   where the page then ends the item before adding to it, both readings give the same
 *   items (but for an empty end-of-line marker, which the reader drops with every blank
 *   item), and the page is kept; where it adds to the item, the page goes back to pdf.js;
 * - right-to-left text (pdf.js reorders it);
 * - a text or form matrix that the operator list's single-precision copy cannot give back
 *   (see writtenNumber).
 */
import { normalizeUnicode, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IDENTITY, multiply, type Matrix } from './geometry.js';
import type { RawTextItem } from './load.js';

/** What the item builder needs of a font (pdf.js's FontFaceObject has these). */
export interface FontFacts {
  vertical: boolean;
  fontMatrix: readonly number[];
}

/** The font a setFont operator names, or null when pdf.js did not load it as a usable font. */
export type FontLookup = (loadedName: string) => FontFacts | null;

interface Glyph {
  unicode: string;
  width: number;
  vmetric?: number[] | null;
  originalCharCode: number;
  category?: { isWhitespace: boolean; isZeroWidthDiacritic: boolean; isInvisibleFormatMark: boolean };
}

type M6 = [number, number, number, number, number, number];

/** pdf.js's FONT_IDENTITY_MATRIX: glyph units of a thousandth of the font size. */
export const FONT_IDENTITY: readonly number[] = [0.001, 0, 0, 0.001, 0, 0];

// pdf.js's factors (evaluator.js getTextContent), in font-size units.
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** Characters pdf.js's bidi pass would reorder (R, AL, AN): such a page goes back to pdf.js. */
const RIGHT_TO_LEFT = /[\u0590-\u05f4\u0600-\u08ac\ufb50-\ufdff\ufe70-\ufeff]/u;

/** Images: the extractor ends an item at each, and the list no longer says where all were. */
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObject,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintImageMaskXObjectGroup,
]);

/** geometry.multiply (pdf.js's Util.transform, same order of operations), as an array of our own. */
function transform(m1: readonly number[], m2: readonly number[]): M6 {
  return multiply(m1 as unknown as Matrix, m2 as unknown as Matrix) as unknown as M6;
}

/**
 * The number a content stream wrote, given back from pdf.js's single-precision copy of it.
 * The operator list keeps text matrices and form matrices as Float32Arrays, while the text
 * extractor computes with the doubles the content stream gave. A number written with p
 * decimal places is the shortest decimal that rounds to the float, as long as decimals of p
 * places lie further apart than the float's precision at that magnitude (below 1024 a
 * float is exact to 6.1e-5, so 4 places; below 1, 7): this takes the first such decimal,
 * with no more places than that bound. A number the producer wrote with more places than
 * its float can tell apart may come back off by up to half the float's step (3e-5 pt below
 * 1024), which is below any threshold the reader applies. A float that no such decimal
 * rounds to: null.
 */
export function writtenNumber(f: number): number | null {
  if (!Number.isFinite(f)) return null;
  if (f === 0) return 0;
  // What the loop below gives at 0 places, without its string round trip: most matrix
  // entries are 0, ±1 or whole points. From 2^23 up a float cannot tell integers apart.
  if (Number.isInteger(f) && Math.abs(f) < 2 ** 23) return f;
  const step = 2 ** (Math.floor(Math.log2(Math.abs(f))) - 23);
  for (let places = 0; places <= 9 && 10 ** -places > step; places++) {
    const candidate = Number(f.toFixed(places));
    if (Math.fround(candidate) === f) return candidate;
  }
  return null;
}

/**
 * writtenNumber for one page: producers that place every run with its own Tm repeat the
 * same few column and baseline positions hundreds of times, so each float is worked out once.
 */
export class WrittenNumbers {
  private readonly known = new Map<number, number | null>();

  of(f: number): number | null {
    let v = this.known.get(f);
    if (v === undefined) {
      v = writtenNumber(f);
      this.known.set(f, v);
    }
    return v;
  }
}

/** A Float32Array matrix of the operator list as the content stream wrote it, or null. */
export function writtenMatrix(m: ArrayLike<number>, numbers: WrittenNumbers = new WrittenNumbers()): M6 | null {
  if (m.length < 6) return null;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) {
    const v = numbers.of(m[i]!);
    if (v === null) return null;
    out.push(v);
  }
  return out as M6;
}

interface TextState {
  ctm: M6;
  /** What a setFont is compared with (pdf.js compares the resource name; null after a gs font). */
  fontName: string | null;
  /** The font's name in pdf.js's objects: what an item's fontName is. */
  loadedName: string | null;
  fontSize: number;
  font: FontFacts | null;
  fontMatrix: readonly number[];
  textMatrix: M6;
  textLineMatrix: M6;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  textHScale: number;
  textRise: number;
}

function cloneState(s: TextState): TextState {
  return { ...s, textMatrix: [...s.textMatrix] as M6, textLineMatrix: [...s.textLineMatrix] as M6 };
}

function freshState(): TextState {
  return {
    ctm: [...IDENTITY] as M6,
    fontName: null,
    loadedName: null,
    fontSize: 0,
    font: null,
    fontMatrix: FONT_IDENTITY,
    textMatrix: [...IDENTITY] as M6,
    textLineMatrix: [...IDENTITY] as M6,
    charSpacing: 0,
    wordSpacing: 0,
    leading: 0,
    textHScale: 1,
    textRise: 0,
  };
}

function translate(m: M6, x: number, y: number): void {
  m[4] = m[0] * x + m[2] * y + m[4];
  m[5] = m[1] * x + m[3] * y + m[5];
}

/** Not something this builder follows exactly: the page is read by getTextContent. */
class Unsupported extends Error {}

/**
 * One content stream's extraction (the page, or a form XObject inside it): pdf.js gives each
 * its own item under construction, its own last-characters memory and its own state stack.
 */
class StreamContext {
  state: TextState;
  readonly stack: TextState[] = [];
  readonly item = {
    initialized: false,
    str: [] as string[],
    totalWidth: 0,
    totalHeight: 0,
    width: 0,
    height: 0,
    vertical: false,
    prevTransform: null as M6 | null,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Infinity,
    negativeSpaceMax: -Infinity,
    notASpace: -Infinity,
    transform: null as M6 | null,
    fontName: null as string | null,
  };
  readonly twoLastChars = [' ', ' '];
  twoLastCharsPos = 0;
  /**
   * Set when the same font was set again while the item was open (module comment): the item
   * that ending it there would have pushed, and how many items were out then. Until the item
   * ends, nothing may be added to it or pushed before it, and when it ends it must be that
   * same item: otherwise the two readings part and the page goes back to pdf.js.
   */
  undecided: { item: RawTextItem; outLength: number } | null = null;

  constructor(
    state: TextState,
    private readonly out: RawTextItem[],
    private readonly view: readonly number[],
  ) {
    this.state = state;
  }

  saveLastChar(char: string): boolean {
    const nextPos = (this.twoLastCharsPos + 1) % 2;
    const ret = this.twoLastChars[this.twoLastCharsPos] !== ' ' && this.twoLastChars[nextPos] === ' ';
    this.twoLastChars[this.twoLastCharsPos] = char;
    this.twoLastCharsPos = nextPos;
    return ret;
  }

  shouldAddWhitespace(): boolean {
    return this.twoLastChars[this.twoLastCharsPos] !== ' ' && this.twoLastChars[(this.twoLastCharsPos + 1) % 2] === ' ';
  }

  resetLastChars(): void {
    this.twoLastChars[0] = this.twoLastChars[1] = ' ';
    this.twoLastCharsPos = 0;
  }

  pushWhitespace(width: number, height: number, transform: M6 | null = this.item.prevTransform, fontName: string | null = this.item.fontName): void {
    this.out.push({ str: ' ', width, height, transform: transform as number[], fontName: fontName ?? '' });
  }

  /**
   * ctm × textMatrix × [fontSize·hScale, 0, 0, fontSize, 0, rise], as pdf.js computes it
   * with two Util.transform calls. Written out so that the glyph loop allocates one array
   * instead of three; every term is kept, the zero products too, so the floats (the sign of
   * a zero included) are the same as those two calls give.
   */
  currentTextTransform(): M6 {
    const s = this.state;
    const a = s.fontSize * s.textHScale;
    const d = s.fontSize;
    const rise = s.textRise;
    const tm = s.textMatrix;
    const t0 = tm[0] * a + tm[2] * 0;
    const t1 = tm[1] * a + tm[3] * 0;
    const t2 = tm[0] * 0 + tm[2] * d;
    const t3 = tm[1] * 0 + tm[3] * d;
    const t4 = tm[0] * 0 + tm[2] * rise + tm[4];
    const t5 = tm[1] * 0 + tm[3] * rise + tm[5];
    const m = s.ctm;
    return [
      m[0] * t0 + m[2] * t1,
      m[1] * t0 + m[3] * t1,
      m[0] * t2 + m[2] * t3,
      m[1] * t2 + m[3] * t3,
      m[0] * t4 + m[2] * t5 + m[4],
      m[1] * t4 + m[3] * t5 + m[5],
    ];
  }

  ensureItem(): StreamContext['item'] {
    const item = this.item;
    if (item.initialized) {
      if (this.undecided) throw new Unsupported('font set again');
      return item;
    }
    const s = this.state;
    const font = s.font as FontFacts;
    item.fontName = s.loadedName;
    const trm = (item.transform = this.currentTextTransform());
    if (!font.vertical) {
      item.width = item.totalWidth = 0;
      item.height = item.totalHeight = Math.hypot(trm[2], trm[3]);
      item.vertical = false;
    } else {
      item.width = item.totalWidth = Math.hypot(trm[0], trm[1]);
      item.height = item.totalHeight = 0;
      item.vertical = true;
    }
    item.textAdvanceScale = Math.hypot(s.ctm[0], s.ctm[1]) * Math.hypot(s.textLineMatrix[0], s.textLineMatrix[1]);
    const { fontSize } = s;
    item.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    item.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    item.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    item.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    item.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    item.initialized = true;
    return item;
  }

  updateAdvanceScale(): void {
    const item = this.item;
    if (!item.initialized) return;
    const s = this.state;
    const scale = Math.hypot(s.ctm[0], s.ctm[1]) * Math.hypot(s.textLineMatrix[0], s.textLineMatrix[1]);
    if (scale === item.textAdvanceScale) return;
    // The ended reading keeps the old scale for its next comparison: the readings part.
    if (this.undecided) throw new Unsupported('font set again');
    if (!item.vertical) {
      item.totalWidth += item.width * item.textAdvanceScale;
      item.width = 0;
    } else {
      item.totalHeight += item.height * item.textAdvanceScale;
      item.height = 0;
    }
    item.textAdvanceScale = scale;
  }

  /**
   * The item flush would push for the open item; the item is not touched. (pdf.js adds the
   * last width into the item's total as it ends it; here the total is worked out for the
   * pushed item only: an ended item's totals are never read again, and the next item sets
   * them afresh.)
   */
  private ending(): RawTextItem {
    const item = this.item;
    const totalWidth = item.vertical ? item.totalWidth : item.totalWidth + item.width * item.textAdvanceScale;
    const totalHeight = item.vertical ? item.totalHeight + item.height * item.textAdvanceScale : item.totalHeight;
    const str = normalizeUnicode(item.str.join(''));
    if (RIGHT_TO_LEFT.test(str)) throw new Unsupported('right-to-left text');
    return { str, width: Math.abs(totalWidth), height: Math.abs(totalHeight), transform: item.transform as number[], fontName: item.fontName ?? '' };
  }

  flush(): void {
    const item = this.item;
    if (!item.initialized) return;
    const pushed = this.ending();
    const undecided = this.undecided;
    if (undecided) {
      if (this.out.length !== undecided.outLength || !sameItem(pushed, undecided.item)) throw new Unsupported('font set again');
      this.undecided = null;
    }
    this.out.push(pushed);
    item.initialized = false;
    item.str.length = 0;
  }

  /**
   * The same font set again (module comment). With no item open, ending one or not is the
   * same; with one open, the item goes on and what ending it would push is remembered. (A
   * second such setFont changes nothing: in the reading that ended the item there is none
   * open, and in the other the item, unchanged, would end the same.)
   */
  fontSetAgain(): void {
    if (!this.item.initialized || this.undecided) return;
    this.undecided = { item: this.ending(), outLength: this.out.length };
  }

  appendEOL(): void {
    this.resetLastChars();
    if (this.item.initialized) this.flush();
    else this.out.push({ str: '', width: 0, height: 0, transform: this.currentTextTransform(), fontName: this.state.loadedName ?? '' });
  }

  addFakeSpaces(width: number, transf: M6 | null, orientation: number): boolean {
    const item = this.item;
    if (orientation * item.spaceInFlowMin <= width && width <= orientation * item.spaceInFlowMax) {
      if (item.initialized) {
        this.resetLastChars();
        item.str.push(' ');
      }
      return false;
    }
    const fontName = item.fontName;
    let height = 0;
    if (item.vertical) {
      height = width;
      width = 0;
    }
    this.flush();
    this.resetLastChars();
    this.pushWhitespace(Math.abs(width), Math.abs(height), transf ?? this.currentTextTransform(), fontName);
    return true;
  }

  compareWithLastPosition(glyphWidth: number): boolean {
    const current = this.currentTextTransform();
    let posX = current[4];
    let posY = current[5];
    const view = this.view;
    const font = this.state.font;
    if (font?.vertical) {
      if (posX < view[0]! || posX > view[2]! || posY + glyphWidth < view[1]! || posY > view[3]!) return false;
    } else if (posX + glyphWidth < view[0]! || posX > view[2]! || posY < view[1]! || posY > view[3]!) {
      return false;
    }
    const item = this.item;
    if (!font || !item.prevTransform) return true;
    let lastPosX = item.prevTransform[4];
    let lastPosY = item.prevTransform[5];
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (current[0] && current[1] === 0 && current[2] === 0) rotate = current[0] > 0 ? 0 : 180;
    else if (current[1] && current[0] === 0 && current[3] === 0) rotate = current[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = inverseRotation(posX, posY, current);
        [lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, item.prevTransform);
    }
    // The vertical and horizontal cases are kept apart, as in pdf.js, so that each can be
    // read against its original line by line.
    if (font.vertical) {
      const advanceY = (lastPosY - posY) / item.textAdvanceScale;
      const advanceX = posX - lastPosX;
      const orientation = Math.sign(item.height);
      if (advanceY < orientation * item.negativeSpaceMax) {
        if (Math.abs(advanceX) > 0.5 * item.width) {
          this.appendEOL();
          return true;
        }
        this.resetLastChars();
        this.flush();
        return true;
      }
      if (Math.abs(advanceX) > item.width) {
        this.appendEOL();
        return true;
      }
      if (advanceY <= orientation * item.notASpace) this.resetLastChars();
      if (advanceY <= orientation * item.trackingSpaceMin) {
        if (this.shouldAddWhitespace()) {
          this.resetLastChars();
          this.flush();
          this.pushWhitespace(0, Math.abs(advanceY));
        } else item.height += advanceY;
      } else if (!this.addFakeSpaces(advanceY, item.prevTransform, orientation)) {
        if (item.str.length === 0) {
          this.resetLastChars();
          this.pushWhitespace(0, Math.abs(advanceY));
        } else item.height += advanceY;
      }
      if (Math.abs(advanceX) > item.width * VERTICAL_SHIFT_RATIO) this.flush();
      return true;
    }
    const advanceX = (posX - lastPosX) / item.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const orientation = Math.sign(item.width);
    if (advanceX < orientation * item.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * item.height) {
        this.appendEOL();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    if (Math.abs(advanceY) > item.height) {
      this.appendEOL();
      return true;
    }
    if (advanceX <= orientation * item.notASpace) this.resetLastChars();
    if (advanceX <= orientation * item.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(Math.abs(advanceX), 0);
      } else item.width += advanceX;
    } else if (!this.addFakeSpaces(advanceX, item.prevTransform, orientation)) {
      if (item.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(Math.abs(advanceX), 0);
      } else item.width += advanceX;
    }
    if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  /** pdf.js's buildTextContentItem for one run of glyphs between spacing numbers. */
  showGlyphs(glyphs: readonly Glyph[], extraSpacing: number): void {
    const s = this.state;
    const font = s.font as FontFacts;
    if (glyphs.length === 0) {
      const charSpacing = s.charSpacing + extraSpacing;
      if (charSpacing) {
        if (!font.vertical) translate(s.textMatrix, charSpacing * s.textHScale, 0);
        else translate(s.textMatrix, 0, -charSpacing);
      }
      return;
    }
    const scale = s.fontMatrix[0]! * s.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i]!;
      const category = glyph.category;
      if (!category) throw new Unsupported('glyph without its character category');
      if (category.isInvisibleFormatMark) continue;
      let charSpacing = s.charSpacing + (i + 1 === ii ? extraSpacing : 0);
      let glyphWidth = glyph.width;
      if (font.vertical) glyphWidth = glyph.vmetric ? glyph.vmetric[0]! : -glyphWidth;
      let scaledDim = glyphWidth * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += s.wordSpacing;
      if (category.isWhitespace) {
        if (!font.vertical) {
          charSpacing += scaledDim;
          translate(s.textMatrix, charSpacing * s.textHScale, 0);
        } else {
          charSpacing += -scaledDim;
          translate(s.textMatrix, 0, -charSpacing);
        }
        this.saveLastChar(' ');
        continue;
      }
      if (!category.isZeroWidthDiacritic && !this.compareWithLastPosition(scaledDim)) {
        if (!font.vertical) translate(s.textMatrix, scaledDim * s.textHScale, 0);
        else translate(s.textMatrix, 0, scaledDim);
        continue;
      }
      const item = this.ensureItem();
      if (category.isZeroWidthDiacritic) scaledDim = 0;
      if (!font.vertical) {
        scaledDim *= s.textHScale;
        translate(s.textMatrix, scaledDim, 0);
        item.width += scaledDim;
      } else {
        translate(s.textMatrix, 0, scaledDim);
        scaledDim = Math.abs(scaledDim);
        item.height += scaledDim;
      }
      if (scaledDim) item.prevTransform = this.currentTextTransform();
      if (this.saveLastChar(glyph.unicode)) item.str.push(' ');
      item.str.push(glyph.unicode);
      if (charSpacing) {
        if (!font.vertical) translate(s.textMatrix, charSpacing * s.textHScale, 0);
        else translate(s.textMatrix, 0, -charSpacing);
      }
    }
  }
}

/** Two items alike in every field (the transform compared by value). */
function sameItem(a: RawTextItem, b: RawTextItem): boolean {
  return a.str === b.str && a.width === b.width && a.height === b.height && a.fontName === b.fontName && a.transform.length === b.transform.length && a.transform.every((v, i) => Object.is(v, b.transform[i]));
}

function inverseRotation(x: number, y: number, m: M6): [number, number] {
  const scale = Math.hypot(m[0], m[1]);
  return [(m[0] * x + m[1] * y) / scale, (m[2] * x + m[3] * y) / scale];
}

function isGlyph(value: unknown): value is Glyph {
  return typeof value === 'object' && value !== null && typeof (value as Glyph).unicode === 'string';
}

/**
 * The text items getTextContent would give for the page whose operator list this is, or
 * null when the list holds something the builder cannot follow exactly (module comment).
 * `view` is the page's view box (PDFPageProxy.view).
 */
export function textItemsFromOperators(fnArray: readonly number[], argsArray: readonly unknown[], fontOf: FontLookup, view: readonly number[]): RawTextItem[] | null {
  const out: RawTextItem[] = [];
  const contexts: StreamContext[] = [new StreamContext(freshState(), out, view)];
  const numbers = new WrittenNumbers();
  try {
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i]!;
      const args = argsArray[i] as unknown[] | null;
      const ctx = contexts[contexts.length - 1]!;
      const s = ctx.state;
      switch (fn) {
        case OPS.save:
          ctx.stack.push(s);
          ctx.state = cloneState(s);
          break;
        case OPS.restore: {
          const prev = ctx.stack.pop();
          if (prev) {
            ctx.state = prev;
            if (s.font !== prev.font || s.fontSize !== prev.fontSize || s.fontName !== prev.fontName) ctx.flush();
          }
          break;
        }
        case OPS.transform:
          s.ctm = transform(s.ctm, args as number[]);
          break;
        case OPS.setFont: {
          const [loadedName, size] = args as [string, number];
          // The same font again: pdf.js goes on with the item when the content stream named the
          // same resource, and ends it when another name leads to the same font, which the
          // operator list no longer tells apart (fontSetAgain).
          if (s.font && loadedName === s.fontName && size === s.fontSize) {
            ctx.fontSetAgain();
            break;
          }
          ctx.flush();
          const font = fontOf(loadedName);
          if (!font) throw new Unsupported(`font ${loadedName}`);
          s.fontName = loadedName;
          s.loadedName = loadedName;
          s.fontSize = size;
          s.font = font;
          s.fontMatrix = font.fontMatrix ?? FONT_IDENTITY;
          break;
        }
        case OPS.setGState:
          for (const [key, value] of (args?.[0] ?? []) as [string, unknown][]) {
            if (key !== 'Font') continue;
            const [loadedName, size] = value as [string, number];
            ctx.flush();
            const font = fontOf(loadedName);
            if (!font) throw new Unsupported(`font ${loadedName}`);
            // The extractor forgets the resource name here: the next setFont always flushes.
            s.fontName = null;
            s.loadedName = loadedName;
            s.fontSize = size;
            s.font = font;
            s.fontMatrix = font.fontMatrix ?? FONT_IDENTITY;
          }
          break;
        case OPS.setTextRise:
          s.textRise = (args as number[])[0]!;
          break;
        case OPS.setHScale:
          s.textHScale = (args as number[])[0]! / 100;
          break;
        case OPS.setLeading:
          s.leading = (args as number[])[0]!;
          break;
        case OPS.moveText:
          translate(s.textLineMatrix, (args as number[])[0]!, (args as number[])[1]!);
          s.textMatrix = [...s.textLineMatrix] as M6;
          break;
        case OPS.setLeadingMoveText:
          s.leading = -(args as number[])[1]!;
          translate(s.textLineMatrix, (args as number[])[0]!, (args as number[])[1]!);
          s.textMatrix = [...s.textLineMatrix] as M6;
          break;
        case OPS.nextLine:
          translate(s.textLineMatrix, 0, -s.leading);
          s.textMatrix = [...s.textLineMatrix] as M6;
          break;
        case OPS.setTextMatrix: {
          const m = writtenMatrix((args as ArrayLike<number>[])[0]!, numbers);
          if (!m) throw new Unsupported('text matrix');
          s.textMatrix = [...m] as M6;
          s.textLineMatrix = [...m] as M6;
          ctx.updateAdvanceScale();
          break;
        }
        case OPS.setCharSpacing:
          s.charSpacing = (args as number[])[0]!;
          break;
        case OPS.setWordSpacing:
          s.wordSpacing = (args as number[])[0]!;
          break;
        case OPS.beginText:
          s.textMatrix = [...IDENTITY] as M6;
          s.textLineMatrix = [...IDENTITY] as M6;
          break;
        case OPS.showText: {
          if (!s.font) break;
          const elements = (args as unknown[][])[0]!;
          const spaceFactor = ((s.font.vertical ? 1 : -1) * s.fontSize) / 1000;
          let run: Glyph[] = [];
          let spaced = false;
          for (const element of elements) {
            if (isGlyph(element)) run.push(element);
            else if (typeof element === 'number') {
              spaced = true;
              if (element === 0) continue;
              ctx.showGlyphs(run, element * spaceFactor);
              run = [];
            } else if (element !== null && element !== undefined) throw new Unsupported('text element');
          }
          if (run.length > 0 || !spaced) ctx.showGlyphs(run, 0);
          break;
        }
        case OPS.paintFormXObjectBegin: {
          ctx.flush();
          const state = cloneState(s);
          const given = (args as unknown[])[0] as ArrayLike<number> | null;
          if (given) {
            const matrix = writtenMatrix(given, numbers);
            if (!matrix) throw new Unsupported('form matrix');
            state.ctm = transform(state.ctm, matrix);
          }
          contexts.push(new StreamContext(state, out, view));
          break;
        }
        case OPS.paintFormXObjectEnd:
          if (contexts.length === 1) throw new Unsupported('unbalanced form');
          ctx.flush();
          contexts.pop();
          break;
        case OPS.beginMarkedContent:
        case OPS.beginMarkedContentProps:
        case OPS.endMarkedContent:
          ctx.flush();
          break;
        default:
          if (IMAGE_OPS.has(fn)) throw new Unsupported('image');
      }
    }
    if (contexts.length !== 1) throw new Unsupported('unbalanced form');
    contexts[0]!.flush();
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
  return out;
}
