/**
 * How visible text is assembled from pieces (runs, paragraphs, PDF text items).
 * Chinese is written without spaces, so white space next to a CJK character is an
 * artefact of layout (a wrapped line, a cell too narrow, runs in different fonts), while
 * between Latin words it separates words. Every reader uses these two functions so that
 * a .docx and its PDF export give the same text.
 */

/**
 * Characters that take no space around them: CJK ideographs and punctuation, full-width
 * forms, typographic quotes and dashes, and the comparison signs used in targets.
 */
const TIGHT = /[\u2010-\u2027\u2030-\u205E\u2264-\u2267\u2E80-\u9FFF\uA000-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;

export function isTight(ch: string | undefined): boolean {
  return ch !== undefined && TIGHT.test(ch);
}

/** What counts as white space here: JavaScript's (\s), and the zero-width space. */
const SPACE = String.raw`[\s\u00A0\u3000\u200B\uFEFF]`;
const SPACE_RUN = new RegExp(`${SPACE}+`, 'gu');
/**
 * One SPACE character. A text without any is collapsed already: trim removes only what \s
 * matches (JavaScript's white space and line terminators are the same set), and most cell
 * texts and runs hold none.
 */
const ANY_SPACE = new RegExp(SPACE, 'u');

/**
 * Collapse white space: runs next to a tight character vanish, runs between Latin
 * characters become one space; the result is trimmed.
 * `其中：财政    资金` → `其中：财政资金`, `2025 年` → `2025年`, `Hello   world` → `Hello world`.
 */
export function collapseSpace(text: string): string {
  if (!ANY_SPACE.test(text)) return text;
  return text
    .replace(SPACE_RUN, (_run, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + _run.length];
      if (before === undefined || after === undefined) return '';
      return isTight(before) || isTight(after) ? '' : ' ';
    })
    .trim();
}

/**
 * Join pieces that were separated by layout (paragraphs in a cell, wrapped lines): no
 * separator where either side is tight, one space between Latin characters.
 */
export function joinPieces(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const piece = collapseSpace(raw);
    if (piece === '') continue;
    if (out === '') {
      out = piece;
      continue;
    }
    const joint = isTight(out[out.length - 1]) || isTight(piece[0]) ? '' : ' ';
    out += joint + piece;
  }
  return out;
}
